"""Memory and time of the series: what a Binder (2 GB) or a class server must hold.

For every notebook, run from a fresh kernel (as `make notebooks` does, nothing saved):
  - execution time, kernel start included, and the kernel's CPU time (user + system;
    less disturbed than the wall time when the machine is busy);
  - the kernel's peak RSS (VmHWM) and peak PSS (sampled every 20 ms from
    /proc/<pid>/smaps_rollup; PSS divides shared pages, e.g. the memory-mapped
    MNIST cache or numpy's libraries, among the processes that share them);
Then all seven notebooks at once, each in its own kernel kept alive, plus an idle
Jupyter server: the sum of their PSS is the memory the whole series needs.
And load_mnist('train'): cold (fresh process; with the cache, and with the cache
turned off by pointing MNISTLAB_CACHE at a folder that cannot exist) and warm.

Linux only (/proc). Run: .venv/bin/python benchmarks/bench_memory.py [--cells] [--no-cache]
(--cells: per notebook the cells that keep or spike the most memory and the slowest one;
--no-cache: the kernels read the IDX files as before the cache, for comparison).
Nothing here is asserted anywhere.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from timing import row

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
MiB = 1024 * 1024
NO_CACHE = "/dev/null/mnistlab-cache"       # cannot be created: load_mnist reads the IDX files


def pss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/smaps_rollup") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:"))


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process: unlike wall time, barely changed by a busy machine."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))


class PeakPss:
    """Samples a process's PSS in a thread; keeps the largest value overall and per cell."""

    def __init__(self, pid: int, every: float = 0.02):
        self.pid, self.every, self.peak, self.cell_peak = pid, every, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            self.sample()
            time.sleep(self.every)

    def sample(self) -> None:
        with contextlib.suppress(OSError, StopIteration):
            pss = pss_bytes(self.pid)
            self.peak, self.cell_peak = max(self.peak, pss), max(self.cell_peak, pss)

    def next_cell(self) -> int:
        """The peak since the last call (one cell's), then start a new cell."""
        self.sample()
        peak, self.cell_peak = self.cell_peak, 0
        return peak

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_notebook(path: Path, stack: contextlib.ExitStack) -> dict:
    """Execute one notebook in a new kernel that stays alive until ``stack`` closes."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    t = time.perf_counter()
    stack.enter_context(client.setup_kernel(stderr=subprocess.DEVNULL))
    pid = client.km.provisioner.process.pid
    sampler = PeakPss(pid)
    cells = []                      # (peak PSS during the cell, PSS after it, seconds, index)
    for index, cell in enumerate(nb.cells):
        start = time.perf_counter()
        sampler.next_cell()
        client.execute_cell(cell, index)
        if cell.cell_type == "code":
            cells.append((sampler.next_cell(), pss_bytes(pid), time.perf_counter() - start, index,
                          cell.source.strip().splitlines()))
    seconds = time.perf_counter() - t
    return {"name": path.name, "pid": pid, "seconds": seconds, "cpu": cpu_seconds(pid), "cells": cells,
            "peak_pss": sampler.stop(), "pss": pss_bytes(pid), "peak_rss": peak_rss_bytes(pid)}


def heaviest_cells(r: dict, top: int = 3) -> list[str]:
    """The cells that raised the PSS most, and the slowest: where to look."""
    lines, before = [], None
    grew = []
    for peak, after, seconds, index, source in r["cells"]:
        if before is not None:
            grew.append((after - before, peak - before, seconds, index, source))
        before = after
    for kept, spike, seconds, index, source in sorted(grew, reverse=True)[:top]:
        lines.append(f"    cell {index:2d}: keeps {kept / MiB:+6.0f} MiB, peak +{spike / MiB:4.0f} MiB, "
                     f"{seconds:5.2f} s  {(source or [''])[0][:60]}")
    slow = max(r["cells"], key=lambda c: c[2])
    lines.append(f"    slowest cell {slow[3]:2d}: {slow[2]:5.2f} s  {(slow[4] or [''])[0][:60]}")
    return lines


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def jupyter_server():
    """An idle JupyterLab server (no browser, no kernels of its own); yields its pid."""
    port = free_port()
    with tempfile.TemporaryDirectory() as state:
        env = {**os.environ, "JUPYTER_RUNTIME_DIR": state}
        proc = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
             "--ip=127.0.0.1", "--IdentityProvider.token=bench", f"--ServerApp.root_dir={ROOT}",
             "--allow-root"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                    break
                time.sleep(0.1)
            import urllib.request
            urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token=bench").read()
            yield proc.pid
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def load_times(cache: str | None, repeat: int = 5) -> list[float]:
    """load_mnist('train') in fresh interpreters (after one run that fills the cache)."""
    env = dict(os.environ)
    if cache:
        env["MNISTLAB_CACHE"] = cache
    code = ("import mnistlab, time; t=time.perf_counter(); mnistlab.load_mnist('train'); "
            "print(time.perf_counter()-t)")
    runs = [float(subprocess.check_output([sys.executable, "-c", code], text=True, env=env))
            for _ in range(repeat + 1)]
    return runs[1:]


def warm_times(repeat: int = 200) -> list[float]:
    import mnistlab as ml

    ml.load_mnist("train")
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        ml.load_mnist("train")
        out.append(time.perf_counter() - t)
    return out


def mib(n: int) -> str:
    return f"{n / MiB:7.0f} MiB"


def main() -> None:
    verbose = "--cells" in sys.argv
    if "--no-cache" in sys.argv:     # as before the cache: every kernel reads the IDX files
        os.environ["MNISTLAB_CACHE"] = NO_CACHE
        print("(MNISTLAB_CACHE off: kernels read the IDX files)")
    print("== load_mnist('train')")
    if "--no-cache" not in sys.argv:
        print(row("cold, per-machine cache (fresh process)", load_times(None)))
    print(row("cold, cache off: IDX files (fresh process)", load_times(NO_CACHE)))
    print(row("warm (same process)", warm_times()))

    print("== each notebook from a fresh kernel, then all seven kept open at once")
    print(f"{'notebook':<34s} {'time':>8s} {'CPU':>8s} {'peak RSS':>11s} {'peak PSS':>11s} "
          f"{'PSS after':>11s}")
    with contextlib.ExitStack() as kernels:
        results = [run_notebook(path, kernels) for path in NOTEBOOKS]
        for r in results:
            print(f"{r['name']:<34s} {r['seconds']:6.2f} s {r['cpu']:6.2f} s {mib(r['peak_rss'])} "
                  f"{mib(r['peak_pss'])} {mib(r['pss'])}")
            if verbose:
                print("\n".join(heaviest_cells(r)))
        print(f"{'series (sum of the above)':<34s} {sum(r['seconds'] for r in results):6.2f} s "
              f"{sum(r['cpu'] for r in results):6.2f} s")
        with jupyter_server() as server:
            kernels_pss = sum(pss_bytes(r["pid"]) for r in results)
            server_pss = pss_bytes(server)
        print(f"seven kernels open at once, PSS total {mib(kernels_pss)}")
        print(f"+ idle JupyterLab server,   PSS       {mib(server_pss)}")
        print(f"= the whole series needs    PSS       {mib(kernels_pss + server_pss)}")


if __name__ == "__main__":
    main()
