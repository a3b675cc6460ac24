"""Chapter 08 (가중치 행렬과 순전파): widget kernel updates, the notebook from a fresh kernel.

    .venv/bin/python benchmarks/bench_08.py [--widgets] [--sharp]   (see timing.py)

Rows: each control of the weight-matrix explorer and the shape lab, timed from the
change until the new PNG / HTML is ready (targets: p50 ≤ 10 ms); then notebook 08
executed from a fresh kernel (wall and CPU time, target ≤ 8 s) with its peak PSS
(target ≤ 300 MiB), measured as bench_memory.py does. Nothing is asserted.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_memory import MiB, heaviest_cells, run_notebook
from timing import row as wall_row
from timing import sharp_from_argv, widgets_only

from mnistlab import widgets

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "08_matrices_and_forward.ipynb"


def time_updates(set_value, values) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each ``set_value(v)``: the CPU time is what the update costs
    this process, less disturbed than the wall time on a machine shared by other work."""
    out = []
    for v in values:
        t, c = time.perf_counter(), time.process_time()
        set_value(v)
        out.append((time.perf_counter() - t, time.process_time() - c))
    return out


def row(name: str, times: list[tuple[float, float]], *pictures) -> str:
    cpu = statistics.median(c for _, c in times) * 1e3
    return f"{wall_row(name, [w for w, _ in times], *pictures)} · CPU p50 {cpu:5.2f} ms"


def bench_widgets() -> None:
    print("== 가중치 행렬 탐험기", sharp_from_argv())
    w = widgets.weight_matrix_explorer()
    for layer, ks in ((1, range(1, 784, 13)), (2, range(1, 17)), (3, range(1, 17))):
        w.select(layer, 1, 1, "one")
        print(row(f"k slider, layer {layer} (one connection)",
                  time_updates(lambda v: setattr(w.k, "value", v), list(ks) * 2), w.diagram, w.heat))
    for mode in ("row", "col"):
        w.select(1, 1, 1, mode)
        print(row(f"j slider, layer 1, highlight {mode}",
                  time_updates(lambda v: setattr(w.j, "value", v), list(range(1, 17)) * 3),
                  w.diagram, w.heat))
    w.select(2, 1, 1, "row")
    print(row("mode toggle, layer 2", time_updates(lambda v: setattr(w.mode, "value", v),
                                                   ["one", "row", "col"] * 10), w.diagram, w.heat))
    print(row("layer slider", time_updates(lambda v: setattr(w.layer, "value", v), [1, 2, 3] * 10),
              w.diagram, w.heat))

    print("== 모양 실험실")
    lab = widgets.shape_lab()
    print(row("m dropdown", time_updates(lambda v: setattr(lab.m, "value", v),
                                         list(lab.M_OPTIONS) * 5)))
    codes = list(lab.code.options)
    print(row("product dropdown", time_updates(lambda v: setattr(lab.code, "value", v), codes * 5)))
    print(row("layer sizes typed", time_updates(lambda v: setattr(lab.sizes_text, "value", v),
                                                ["784-32-10", "784-16-16-10", "784-100-50-10"] * 5)))


def bench_notebook() -> None:
    print("== notebook 08 from a fresh kernel")
    with contextlib.ExitStack() as stack:
        r = run_notebook(NOTEBOOK, stack)
    print(f"{r['name']}: {r['seconds']:.1f} s wall (kernel start included), {r['cpu']:.1f} s CPU, "
          f"peak PSS {r['peak_pss'] / MiB:.0f} MiB, peak RSS {r['peak_rss'] / MiB:.0f} MiB")
    print("\n".join(heaviest_cells(r)))


if __name__ == "__main__":
    bench_widgets()
    if not widgets_only():
        bench_notebook()
