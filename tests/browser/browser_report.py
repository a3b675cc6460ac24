"""Collects what the browser tests saw, for the summary printed at the end of the run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@dataclass
class Collected:
    controls: list = field(default_factory=list)      # (notebook, ui, ControlReport)
    screenshots: list[Path] = field(default_factory=list)
    timings: list[tuple[str, str, float, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


RUN = Collected()


def _ms(x: float | None) -> str:
    return "-" if x is None else f"{x:7.1f}"


def latency_table() -> str:
    head = (f"{'notebook':<26} {'ui':<4} {'widget':<24} {'control':<34} {'moves':>5} "
            f"{'changed':>7} {'event→DOM ms':>12} {'event→frame ms':>14}  last in frame")
    lines = [head, "-" * len(head)]
    for nb, ui, rep in RUN.controls:
        n_changed = sum(m.changed for m in rep.moves)
        lines.append(
            f"{nb:<26.26} {ui:<4} {rep.widget:<24.24} {rep.control:<34.34} {len(rep.moves):>5} "
            f"{n_changed:>7} {_ms(rep.median('first_ms')):>12} {_ms(rep.median('painted_ms')):>14}  "
            f"{rep.slowest()}")
    return "\n".join(lines)


def summary() -> str:
    out = ["브라우저 위젯 응답 시간 (중앙값; 입력 이벤트 → 출력 DOM 변경 / → 그려진 프레임)",
           latency_table(), "", "노트북별 시간 (열기+커널 / 모두 실행):"]
    for nb, ui, t_open, t_run in RUN.timings:
        out.append(f"  {nb:<30} {ui:<4} 열기 {t_open:5.1f} s   실행 {t_run:6.1f} s")
    if RUN.notes:
        out += ["", "참고:"] + [f"  {n}" for n in RUN.notes]
    out += ["", "화면 캡처:"] + [f"  {p}" for p in RUN.screenshots]
    return "\n".join(out)
