"""A class on the class server: N students (30 by default) at once, on this machine only.

    sudo .venv/bin/python benchmarks/bench_classroom.py [--students 30]

Creates N temporary system accounts and a hub with temporary state on a loopback
port (classroom/jupyterhub_config.py, as make classroom), then every student at the
same time: logs in, starts a server, opens notebooks 01 and 04 (one kernel each, both
kept open as two browser tabs would), runs all their code cells and moves one slider
in each through the kernel protocol (a widget comm message, as a drag sends).
Reports the time until all N servers were ready, each student's memory (PSS of all
the student's processes), the hub's own memory (hub, proxy, idle culler), the slowest
cell and every failure, and from these how many students fit on a 2-core/8 GiB and a
4-core/16 GiB server. Everything it created is removed at the end, also on failure.
Needs root (as the class server does); prints a message and exits otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pwd
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "classroom"))

NOTEBOOKS = ("01_mnist_dataset.ipynb", "04_neural_network.ipynb")
MiB = 2**20
GiB = 2**30
OS_RESERVE = 1 * GiB            # the operating system and page cache, kept free
# Asked of each kernel after its notebook ran: its own PSS in bytes.
KERNEL_PSS = ("print(next(int(l.split()[1]) * 1024 for l in open('/proc/self/smaps_rollup')"
              " if l.startswith('Pss:')))")
# CPU: the class opens a notebook and runs it within a few minutes of each other.
CLASS_WINDOW_S = 180


@dataclass
class Result:
    name: str
    ready_s: float = 0.0
    cells: list[tuple[str, int, float]] = field(default_factory=list)   # notebook, cell, s
    widget_s: list[float] = field(default_factory=list)
    kernel_pss: dict[str, int] = field(default_factory=dict)              # notebook -> bytes
    failures: list[str] = field(default_factory=list)
    pss: int = 0
    cpu_s: float = 0.0


def pss_and_cpu(pids: list[int]) -> tuple[int, float]:
    """Proportional set size (bytes) and CPU seconds of these processes (and of their
    finished children) together."""
    pss, cpu = 0, 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            # utime + stime, plus the children it has waited for (a kernel shut down)
            cpu += sum(int(x) for x in stat[11:15]) / tick
        except (FileNotFoundError, ProcessLookupError):
            continue
    return pss, cpu


def pids_of_uid(uid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "-u", str(uid)], capture_output=True, text=True,
                         check=False).stdout
    return [int(p) for p in out.split()]


def process_tree(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-eo", "pid=,ppid=,uid="], capture_output=True, text=True,
                         check=True).stdout
    rows = [tuple(map(int, line.split())) for line in out.splitlines()]
    tree, grew = {pid}, True
    while grew:
        grew = False
        for child, parent, uid in rows:
            if parent in tree and child not in tree and uid == 0:    # root-owned: hub's own
                tree.add(child)
                grew = True
    return sorted(tree)


def mem_available() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) * 1024
    return 0


@dataclass
class Plan:
    one_at_a_time: bool      # shut 01's kernel down before opening 04 (the next lesson)
    keep_free: int           # bytes of this machine's memory never taken (other users)
    deadline: float          # time.monotonic() after which no cell is started


def a_student(hub_url: str, name: str, password: str, plan: Plan, held: list) -> Result:
    """Log in, start the server, open and run both notebooks, move a slider in each."""
    from client import Student, code_cells

    result = Result(name)
    try:
        student = Student.login(hub_url, name, password)
        result.ready_s = student.start_server()
        for notebook in NOTEBOOKS:
            if mem_available() < plan.keep_free:
                result.failures.append(f"{notebook}: 열지 않음 — 남은 메모리 "
                                       f"{mem_available() / GiB:.1f} GiB < {plan.keep_free / GiB:.0f} GiB")
                continue
            path = f"mnistlab/{notebook}"
            kernel = student.open_kernel(path)
            held.append(kernel)                    # kept open until memory is measured
            for i, code in enumerate(code_cells(student.read_notebook(path))):
                if time.monotonic() > plan.deadline:
                    result.failures.append(f"{notebook} 셀 {i}: 시간 제한으로 실행하지 않음")
                    break
                if mem_available() < plan.keep_free:
                    result.failures.append(f"{notebook} 셀 {i}: 메모리가 모자라 실행하지 않음")
                    break
                reply = kernel.execute(code)
                result.cells.append((notebook, i, reply.seconds))
                if reply.status != "ok":
                    result.failures.append(f"{notebook} 셀 {i}: {reply.error}")
            measured = kernel.execute(KERNEL_PSS)
            result.kernel_pss[notebook] = int(measured.outputs[-1]["content"]["text"])
            if not kernel.sliders:
                result.failures.append(f"{notebook}: 슬라이더가 없음")
            else:
                moved = kernel.move_slider()
                result.widget_s.append(moved.seconds)
                if not any(m["msg_type"] == "comm_msg" for m in moved.outputs):
                    result.failures.append(f"{notebook}: 슬라이더를 움직여도 위젯이 바뀌지 않음")
            if plan.one_at_a_time and notebook != NOTEBOOKS[-1]:
                student.shut_down(kernel)
                held.remove(kernel)
    except Exception as error:
        result.failures.append(f"{type(error).__name__}: {error}")
    return result


def fits(ram: int, cores: int, hub: int, per_student: int, cpu_per_student: float) -> str:
    by_memory = int((ram - OS_RESERVE - hub) // per_student)
    by_cpu = int(cores * CLASS_WINDOW_S // cpu_per_student)
    return f"{min(by_memory, by_cpu)}명 (메모리로 {by_memory}명, CPU 로 {by_cpu}명)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30, choices=range(1, 31),
                        metavar="1..30")
    parser.add_argument("--port", type=int, default=18600)
    parser.add_argument("--one-at-a-time", action="store_true",
                        help="01 의 커널을 닫은 뒤 04 를 엽니다 (다음 차시로 넘어가듯)")
    parser.add_argument("--keep-free-gib", type=float, default=4.0,
                        help="이만큼의 메모리는 남겨 둡니다 (모자라면 노트북을 열지 않고 실패로 보고)")
    parser.add_argument("--time-limit", type=float, default=1500,
                        help="이 시간(초)이 지나면 새 셀을 실행하지 않습니다")
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("bench_classroom: root 로만 실행합니다 (임시 시스템 계정을 만들고, 허브가 학생 계정으로 "
              "서버를 띄웁니다). 건너뜁니다.")
        return 0

    tag = secrets.token_hex(3)
    os.environ["MNISTLAB_CLASS_STUDENTS"] = f"mlb-s-{tag}"
    os.environ["MNISTLAB_CLASS_TEACHERS"] = f"mlb-t-{tag}"
    import accounts
    from client import Hub

    names = [f"mlb{tag}{i:02d}" for i in range(args.students)]
    passwords = {n: secrets.token_urlsafe(12) for n in names}
    root = Path(tempfile.mkdtemp(prefix="mnistlab-bench-"))
    hub = Hub(root / "state", args.port, env={"MNISTLAB_CLASS_IDLE": "3600"})
    held: list = []
    results: list[Result] = []
    try:
        for name in names:
            accounts.add(name, passwords[name])
        hub.start()
        hub_pss_idle, _ = pss_and_cpu(process_tree(hub.process.pid))

        t0 = time.monotonic()
        plan = Plan(args.one_at_a_time, int(args.keep_free_gib * GiB), t0 + args.time_limit)
        with ThreadPoolExecutor(args.students) as pool:
            results = list(pool.map(lambda n: a_student(hub.url, n, passwords[n], plan, held),
                                    names))
        all_done = time.monotonic() - t0
        for r in results:
            r.pss, r.cpu_s = pss_and_cpu(pids_of_uid(pwd.getpwnam(r.name).pw_uid))
        hub_pss, hub_cpu = pss_and_cpu(process_tree(hub.process.pid))
    finally:
        for kernel in held:
            kernel.close()
        hub.stop()
        for name in names:
            with contextlib.suppress(accounts.AccountError):
                accounts.remove(name)
        for group in (os.environ["MNISTLAB_CLASS_STUDENTS"], os.environ["MNISTLAB_CLASS_TEACHERS"]):
            subprocess.run(["groupdel", group], capture_output=True, check=False)
        if sys.exc_info()[0] is not None or any(r.failures for r in results):
            print(hub.tail(), file=sys.stderr)
        shutil.rmtree(root, ignore_errors=True)

    ready = [r.ready_s for r in results if r.ready_s]
    cells = [(s, r.name, nb, i) for r in results for nb, i, s in r.cells]
    widget = [s for r in results for s in r.widget_s]
    failures = [(r.name, f) for r in results for f in r.failures]
    pss = sorted(r.pss for r in results)
    cpu = sorted(r.cpu_s for r in results)
    how = "하나씩 (01 을 닫고 04)" if args.one_at_a_time else "둘 다 열어 둔 채"
    print(f"학생 {args.students}명, 노트북 {' · '.join(NOTEBOOKS)} {how} (코어 {os.cpu_count()}개)")
    print(f"  모든 서버 준비까지        {max(ready):6.1f} s  (학생별 중앙값 {sorted(ready)[len(ready) // 2]:.1f} s)"
          if ready else "  준비된 서버 없음")
    print(f"  로그인~두 노트북 실행 끝  {all_done:6.1f} s")
    if cells:
        s, name, nb, i = max(cells)
        print(f"  가장 느린 셀              {s:6.1f} s  ({nb} 코드 셀 {i}, {name})")
    if widget:
        print(f"  슬라이더 한 번 (최대)      {max(widget) * 1e3:6.0f} ms (중앙값 {sorted(widget)[len(widget) // 2] * 1e3:.0f} ms)")
    print(f"  학생별 메모리 PSS          최소 {pss[0] / MiB:.0f} · 중앙값 {pss[len(pss) // 2] / MiB:.0f}"
          f" · 최대 {pss[-1] / MiB:.0f} MiB (서버와 열린 커널)")
    for notebook in NOTEBOOKS:
        kernels = sorted(r.kernel_pss.get(notebook, 0) for r in results)
        print(f"    그중 {notebook} 커널   중앙값 {kernels[len(kernels) // 2] / MiB:.0f} · 최대 {kernels[-1] / MiB:.0f} MiB")
    print(f"  학생별 CPU                 중앙값 {cpu[len(cpu) // 2]:.1f} s · 최대 {cpu[-1]:.1f} s")
    print(f"  허브 메모리 PSS            {hub_pss / MiB:.0f} MiB (시작 직후 {hub_pss_idle / MiB:.0f} MiB;"
          f" 허브·프록시·idle-culler), CPU {hub_cpu:.1f} s")
    print(f"  실패                       {len(failures)}건")
    for name, failure in failures[:20]:
        print(f"    {name}: {failure}")
    if len(ready) < len(results) or not pss[0]:
        return 1
    per_student, cpu_student = pss[-1], cpu[-1]
    print(f"수용 인원 추정 (학생마다 최대값 {per_student / MiB:.0f} MiB · CPU {cpu_student:.0f} s, "
          f"OS 몫 1 GiB, 모두가 {CLASS_WINDOW_S // 60}분 안에 두 노트북을 실행한다고 보고):")
    print(f"  2코어 / 8 GiB   {fits(8 * GiB, 2, hub_pss, per_student, cpu_student)}")
    print(f"  4코어 / 16 GiB  {fits(16 * GiB, 4, hub_pss, per_student, cpu_student)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
