"""Chapter 09 (손실 함수): the loss explorer's kernel update, the notebook's run time and memory.

    .venv/bin/python benchmarks/bench_09.py             # widget rows, then the notebook
    .venv/bin/python benchmarks/bench_09.py --widgets   # widget rows only
    .venv/bin/python benchmarks/bench_09.py --sharp     # pictures at 2× pixels

Prints numbers (targets: widget p50 ≤ 10 ms; notebook ≤ 8 s from a fresh kernel,
peak ≤ 300 MiB PSS); never asserts on them.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from timing import sharp_from_argv, summary_ms, time_updates, widgets_only

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "09_loss_function.ipynb"


def widget_updates() -> None:
    import numpy as np

    from mnistlab.widgets.loss import loss_explorer

    print("== 손실 탐험기: 값 하나를 바꾼 뒤 새 그림이 준비될 때까지 (목표 p50 ≤ 10 ms)",
          sharp_from_argv())
    w = loss_explorer(index=8)
    deltas = [round(float(d), 1) for d in np.r_[np.linspace(-5, 5, 51), np.linspace(5, -5, 51)]]

    def set_delta(v):
        w.delta.value = v
    print(f"  Δ 슬라이더        {summary_ms(time_updates(set_delta, deltas))}")

    def set_neuron(v):
        w.neuron.value = v
    print(f"  출력 뉴런 j       {summary_ms(time_updates(set_neuron, [*range(1, 11), *range(10, 0, -1)] * 2))}")

    def set_loss(v):
        w.loss.value = v
    print(f"  손실 함수         {summary_ms(time_updates(set_loss, ['squared_error', 'cross_entropy'] * 10))}")

    def set_index(v):
        w.picker.index.value = v
    print(f"  시험 이미지       {summary_ms(time_updates(set_index, list(range(1, 41))))}")


def notebook_run() -> None:
    """Run the notebook in a fresh kernel (nbconvert, as `make notebooks`), not in place;
    the wall time and the peak PSS of the kernel process (sampled from /proc)."""
    print("\n== 노트북 09: 새 커널에서 처음부터 끝까지 (목표 ≤ 8 s, ≤ 300 MiB PSS)")
    code = f"""
import time, threading, os, nbformat
from nbconvert.preprocessors import ExecutePreprocessor
nb = nbformat.read({str(NOTEBOOK)!r}, as_version=4)
ep = ExecutePreprocessor(timeout=600, kernel_name="python3", store_widget_state=False)
peak, cpu = [0], [0.0]
TICK = os.sysconf("SC_CLK_TCK")
def cpu_seconds(pid):
    try:
        with open(f"/proc/{{pid}}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK     # utime + stime
    except (OSError, IndexError, ValueError):
        return 0.0
def pss(pid):
    try:
        with open(f"/proc/{{pid}}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return 0
    return 0
def watch():
    while not done:
        km = getattr(ep, "km", None)
        pid = getattr(getattr(km, "provisioner", None), "pid", None) if km else None
        if pid:
            peak[0] = max(peak[0], pss(pid))
            cpu[0] = max(cpu[0], cpu_seconds(pid))
        time.sleep(0.05)
done = False
threading.Thread(target=watch, daemon=True).start()
t = time.perf_counter()
ep.preprocess(nb, {{"metadata": {{"path": {str(NOTEBOOK.parent)!r}}}}})
wall = time.perf_counter() - t
done = True
cells = sum(1 for c in nb.cells if c.cell_type == "code")
print(f"  실행 시간 {{wall:.1f}} s (코드 셀 {{cells}}개, 커널 시작 포함), 커널의 CPU 시간 {{cpu[0]:.1f}} s, "
      f"최대 PSS {{peak[0] / 2**20:.0f}} MiB (부하 {{os.getloadavg()[0]:.1f}})")
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def main() -> None:
    t = time.perf_counter()
    widget_updates()
    if not widgets_only():
        notebook_run()
    print(f"\n(전체 {time.perf_counter() - t:.0f} s)")


if __name__ == "__main__":
    main()
