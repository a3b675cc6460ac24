"""Chapter 11 (오차역전파법): widget kernel updates, the notebook from a fresh kernel, its memory.

- 바라는 변화 탐험기 (nudge_explorer): choose another test image, move '거꾸로 간 층', move
  '1층 뉴런 j' (each: the control's change until the new PNG and text are ready);
- 계산 그래프 한 단계씩 (graph_stepper): '다음 ▶' through the ten steps, move w;
- notebooks/11_backpropagation.ipynb from a fresh kernel (kernel start included) with its
  kernel's CPU time and peak PSS (bench_memory's sampler), unless --widgets.

    .venv/bin/python benchmarks/bench_11.py [--widgets] [--sharp]

Targets (issue 21): p50 ≤ 10 ms per update, ≤ 8 s from a fresh kernel, ≤ 300 MiB peak PSS.
Nothing here is asserted anywhere.
"""

from __future__ import annotations

import contextlib
import itertools
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from timing import row, sharp_from_argv, time_updates, widgets_only

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "11_backpropagation.ipynb"


def cpu_p50(set_value, values) -> str:
    """The same updates measured in this process's CPU time (less disturbed by a busy machine)."""
    out = []
    for v in values:
        t = time.process_time()
        set_value(v)
        out.append(time.process_time() - t)
    return f"CPU p50 {statistics.median(out) * 1e3:6.2f} ms"


def widget_rows() -> None:
    from mnistlab.widgets import graph_stepper, nudge_explorer

    e = nudge_explorer()
    print(row("nudge_explorer: 시험 이미지 바꾸기", time_updates(
        lambda v: setattr(e.picker.index, "value", v), range(100, 160)), e.picture))
    print(row("nudge_explorer: 거꾸로 간 층", time_updates(
        lambda v: setattr(e.reach, "value", v), itertools.islice(itertools.cycle([3, 2, 1]), 60)),
        e.picture))
    print(row("nudge_explorer: 1층 뉴런 j", time_updates(
        lambda v: setattr(e.neuron, "value", v), [1 + k % 16 for k in range(1, 61)]), e.picture))
    print("    ", cpu_p50(lambda v: setattr(e.picker.index, "value", v), range(200, 260)),
          "(시험 이미지 바꾸기)")
    g = graph_stepper()
    print(row("graph_stepper: 다음 ▶ / 단계", time_updates(
        lambda v: setattr(g.step, "value", v), [k % 10 for k in range(1, 61)]), g.picture))
    print(row("graph_stepper: 가중치 w", time_updates(
        lambda v: setattr(g.w, "value", v), [round(-2 + 0.1 * (k % 40), 1) for k in range(1, 61)]),
        g.picture))
    print("    ", cpu_p50(lambda v: setattr(g.step, "value", v), [k % 10 for k in range(1, 61)]),
          "(다음 ▶ / 단계)")


def notebook_row() -> None:
    from bench_memory import MiB, run_notebook

    with contextlib.ExitStack() as stack:
        r = run_notebook(NOTEBOOK, stack)
    print(f"{NOTEBOOK.name}: {r['seconds']:.1f} s from a fresh kernel (kernel CPU {r['cpu']:.1f} s) · "
          f"peak PSS {r['peak_pss'] / MiB:.0f} MiB · peak RSS {r['peak_rss'] / MiB:.0f} MiB")
    slow = sorted(r["cells"], key=lambda c: -c[2])[:3]
    for peak, _, seconds, index, source in slow:
        print(f"    cell {index:2d}: {seconds:5.2f} s, peak PSS {peak / MiB:4.0f} MiB  "
              f"{(source or [''])[0][:60]}")


def main() -> None:
    print("chapter 11 widgets", sharp_from_argv())
    widget_rows()
    if not widgets_only():
        notebook_row()


if __name__ == "__main__":
    main()
