"""Small timing helpers shared by the benchmark scripts (never used in tests).

The scripts that time widgets take two switches:

- ``--sharp``: widgets made after ``ml.set_display("normal", sharp=True)``, i.e. pictures
  drawn at 2× pixels (the projector's setting) instead of 1×;
- ``--widgets``: only the widget rows (skip training, fitting and notebook runs).

    .venv/bin/python benchmarks/bench_network.py --widgets            # 1× pictures
    .venv/bin/python benchmarks/bench_network.py --widgets --sharp    # 2× pictures
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Iterable


def sharp_from_argv() -> str:
    """Apply ``--sharp`` (2× widget pictures) if given; returns a line saying which."""
    import mnistlab as ml

    sharp = "--sharp" in sys.argv
    if sharp:
        ml.set_display("normal", sharp=True)
    return f"(위젯 그림: {'2× 픽셀 (--sharp)' if sharp else '1× 픽셀'})"


def widgets_only() -> bool:
    """``--widgets``: time only the widgets."""
    return "--widgets" in sys.argv


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


def row(name: str, seconds: list[float], *pictures) -> str:
    """One line of a benchmark table; given widget ``Image``s, also the size of their PNGs
    after the last update (what one update sends to the browser)."""
    sent = f" · PNG {sum(len(p.value) for p in pictures) / 1024:6.1f} KB" if pictures else ""
    return f"{name:<48s} {summary_ms(seconds)}{sent}"
