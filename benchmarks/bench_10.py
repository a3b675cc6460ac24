"""Chapter 10 (경사 하강법): widget kernel times, the notebook from a fresh kernel, its memory.

    .venv/bin/python benchmarks/bench_10.py [--widgets] [--sharp]   (see timing.py)

- 공 굴리기: one step ('한 걸음' and a ▶ tick: the same handler), a learning-rate change
  (the ball starts again, one redraw), a marked rate pressed; targets p50 ≤ 10 ms;
- the notebook run from a fresh kernel (kernel start included; target ≤ 8 s), its kernel's
  CPU time (less disturbed by a busy machine) and peak PSS (target ≤ 300 MiB), with the
  slowest cells (bench_memory.run_notebook).
Nothing here is asserted anywhere.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from timing import row, sharp_from_argv, time_updates, widgets_only

from mnistlab import widgets
from mnistlab.widgets.descent import MARKED

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "10_gradient_descent.ipynb"


def widget_rows() -> None:
    print("공 굴리기 (ball_explorer) 커널 시간", sharp_from_argv())
    ball = widgets.ball_explorer()
    ball.lr.value = MARKED["다"]
    ticks = []
    for _ in range(3):                                       # 3 × 60 ticks, from the start
        ball.reset()
        ticks += time_updates(lambda v: setattr(ball.play, "value", v), range(1, 61))
    print(row("▶ 한 틱 = 한 걸음 (학습률 20)", ticks, ball.picture, ball.plot))
    ball.lr.value = MARKED["나"]
    crawl = time_updates(lambda _: ball.run(1), range(60))
    print(row("'한 걸음' (학습률 1)", crawl, ball.picture, ball.plot))
    rates = [v for _, v in ball.lr.options] * 3
    print(row("학습률 바꾸기 (처음부터 다시)", time_updates(
        lambda v: setattr(ball.lr, "value", v), rates), ball.picture, ball.plot))
    marked = list(MARKED.values()) * 10
    print(row("표시된 학습률 누르기", time_updates(
        lambda v: setattr(ball.marked, "value", v), marked), ball.picture, ball.plot))


def notebook_rows() -> None:
    from bench_memory import MiB, heaviest_cells, run_notebook

    with contextlib.ExitStack() as stack:
        r = run_notebook(NOTEBOOK, stack)
    print(f"\n{r['name']}: 새 커널에서 {r['seconds']:.1f} s (커널 CPU {r['cpu']:.1f} s), "
          f"최대 PSS {r['peak_pss'] / MiB:.0f} MiB, 최대 RSS {r['peak_rss'] / MiB:.0f} MiB")
    print("\n".join(heaviest_cells(r)))


if __name__ == "__main__":
    widget_rows()
    if not widgets_only():
        notebook_rows()
