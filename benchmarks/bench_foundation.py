"""Foundation figures: import time, MNIST load (cold and warm), widget updates, notebooks.

Run: make bench   (or .venv/bin/python benchmarks/bench_foundation.py [--widgets] [--sharp],
see timing.py)
Prints medians of several runs; nothing here is asserted anywhere.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from timing import row, sharp_from_argv, time_calls, time_updates, widgets_only

ROOT = Path(__file__).resolve().parents[1]


def import_time(repeat: int = 5) -> list[float]:
    """`import mnistlab` in a fresh interpreter (includes numpy, matplotlib, the font)."""
    code = "import time; t=time.perf_counter(); import mnistlab; print(time.perf_counter()-t)"
    return [float(subprocess.check_output([sys.executable, "-c", code], text=True))
            for _ in range(repeat)]


def cold_load(split: str, repeat: int = 5) -> list[float]:
    """load_mnist in a fresh interpreter: decompress, check SHA-256, parse."""
    code = (f"import mnistlab, time; t=time.perf_counter(); mnistlab.load_mnist({split!r}); "
            "print(time.perf_counter()-t)")
    return [float(subprocess.check_output([sys.executable, "-c", code], text=True))
            for _ in range(repeat)]


def notebook_times() -> list[tuple[str, float]]:
    """Execute every notebook from a fresh kernel, as `make notebooks` does (not saved)."""
    import nbformat
    from nbclient import NotebookClient

    out = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        t = time.perf_counter()
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        out.append((path.name, time.perf_counter() - t))
    return out


def main() -> None:
    import mnistlab as ml
    from mnistlab.widgets import digit_browser, widget_check

    print("== mnistlab foundation benchmark (median / p95 of several runs)")
    print(sharp_from_argv())
    if not widgets_only():
        print(row("import mnistlab (fresh process)", import_time()))
        print(row("load_mnist('train') cold (fresh process)", cold_load("train")))
        print(row("load_mnist('test') cold (fresh process)", cold_load("test")))
        ml.load_mnist("train")
        print(row("load_mnist('train') warm (cached)",
                  time_calls(lambda: ml.load_mnist("train"), 50)))

    w = digit_browser()
    print(row("digit browser: index slider → outputs ready",
              time_updates(lambda v: setattr(w.index, "value", v), range(1, 201)),
              w.picture, w.strip))
    print(row("digit browser: label dropdown → outputs ready",
              time_updates(lambda v: setattr(w.label, "value", v), [str(d % 10) for d in range(40)]),
              w.picture, w.strip))
    print(row("digit browser: normalized checkbox → outputs ready",
              time_updates(lambda v: setattr(w.normalized, "value", v), [True, False] * 20)))
    c = widget_check()
    print(row("widget check: brightness slider → output ready",
              time_updates(lambda v: setattr(c.brightness, "value", v),
                           [i / 100 for i in range(0, 100, 2)]), c.picture))

    if widgets_only():
        return
    print("== notebooks, each from a fresh kernel (seconds)")
    total = 0.0
    for name, sec in notebook_times():
        total += sec
        print(f"{name:<48s} {sec:7.2f} s")
    print(f"{'all notebooks':<48s} {total:7.2f} s")


if __name__ == "__main__":
    main()
