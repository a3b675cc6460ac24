"""Small timing helpers shared by the benchmark scripts (never used in tests)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable


def time_calls(fn: Callable[[], object], repeat: int = 5) -> list[float]:
    """Run fn ``repeat`` times; return the durations in seconds."""
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def time_updates(set_value: Callable[[object], None], values: Iterable) -> list[float]:
    """Time each ``set_value(v)``: a widget control's change until its observers finished,
    i.e. until the new output bytes are ready to send to the browser."""
    out = []
    for v in values:
        t = time.perf_counter()
        set_value(v)
        out.append(time.perf_counter() - t)
    return out


def summary_ms(seconds: list[float]) -> str:
    """'p50 1.23 ms · p95 2.34 ms · n 50' for a list of durations."""
    s = sorted(seconds)
    p95 = s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]
    return f"p50 {statistics.median(s) * 1e3:7.2f} ms · p95 {p95 * 1e3:7.2f} ms · n {len(s)}"


def row(name: str, seconds: list[float]) -> str:
    """One line of a benchmark table."""
    return f"{name:<48s} {summary_ms(seconds)}"
