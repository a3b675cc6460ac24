"""Run and stop the class server (run as root; `make classroom` / `make classroom-stop`).

    python classroom/server.py run [-- JUPYTERHUB ARGS]   # the hub, restarted after a crash
    python classroom/server.py stop                      # stops it and waits until all is gone

`run` is a small supervisor: it starts JupyterHub from classroom/jupyterhub_config.py and
starts it again when it dies unexpectedly (a crash, the out-of-memory killer); a hub that
was asked to stop (SIGTERM, Ctrl+C) is not restarted. Before each start it ends what a
crashed hub left behind (the idle culler, a proxy), so there is never a second culler.

`stop` asks the supervisor (or a hub started without it) to stop, waits until the hub has
exited, then ends whatever a crashed hub left: the proxy, the culler and the students'
servers. Every pid read from a file is checked first (the process's command line, owner
and start time), so a stale pid file never makes root kill an unrelated process.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "jupyterhub_config.py"
RESTARTS = 5  # at most this many restarts ...
RESTART_WINDOW = 120  # ... within this many seconds, then the supervisor gives up


def state_dir() -> Path:
    return Path(os.environ.get("MNISTLAB_CLASS_STATE", HERE / "state")).resolve()


def say(message: str) -> None:
    print(f"[수업 서버] {message}", file=sys.stderr, flush=True)


# --- processes, checked before any signal -------------------------------------


def start_time(pid: int) -> int | None:
    """The process's start time (clock ticks after boot), None when it does not exist."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[19])


def cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def alive(pid: int) -> bool:
    """Running and not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def owner(pid: int) -> int | None:
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return None


def cwd(pid: int) -> str:
    try:
        return os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        return ""


def read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def is_hub(pid: int, state: Path) -> bool:
    """A JupyterHub of this class (its working folder is the state folder)."""
    args = cmdline(pid)
    return (
        alive(pid)
        and owner(pid) == os.geteuid()
        and "jupyterhub" in args
        and str(CONFIG) in args
        and cwd(pid) == str(state)
    )


def is_proxy(pid: int) -> bool:
    return alive(pid) and any(a.endswith("configurable-http-proxy") for a in cmdline(pid)[:3])


def is_culler(pid: int, state: Path) -> bool:
    return alive(pid) and "jupyterhub_idle_culler" in cmdline(pid) and cwd(pid) == str(state)


def is_teacher_view(pid: int, state: Path) -> bool:
    return (
        alive(pid)
        and any(a.endswith("teacher_view.py") for a in cmdline(pid)[:3])
        and cwd(pid) == str(state)
    )


def is_supervisor(pid: int, recorded_start: int | None) -> bool:
    args = cmdline(pid)
    return (
        alive(pid)
        and str(Path(__file__).resolve()) in args
        and "run" in args
        and start_time(pid) == recorded_start
    )


def end(pid: int, *, group: bool = False, timeout: float = 20) -> None:
    """SIGTERM, then SIGKILL after `timeout` s; `group`: the whole process group (a server and
    its kernels). The caller has checked that `pid` is the process it means."""
    kill = os.killpg if group else os.kill
    try:
        kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if alive(pid):
        with contextlib.suppress(ProcessLookupError):
            kill(pid, signal.SIGKILL)
        while alive(pid) and time.monotonic() < deadline + 10:
            time.sleep(0.2)


def cullers(state: Path) -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and is_culler(int(p), state)]


def teacher_views(state: Path) -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and is_teacher_view(int(p), state)]


def student_servers(state: Path) -> list[tuple[str, int]]:
    """The students' servers the hub's database knows of, that still run as that student."""
    db = state / "jupyterhub.sqlite"
    if not db.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as con:
            rows = con.execute(
                "SELECT users.name, spawners.state FROM spawners "
                "JOIN users ON users.id = spawners.user_id"
            ).fetchall()
    except sqlite3.Error:
        return []
    found = []
    for name, saved in rows:
        try:
            pid = int(json.loads(saved or "{}").get("pid") or 0)
            uid = pwd.getpwnam(name).pw_uid
        except (ValueError, KeyError, TypeError):
            continue
        if (
            pid
            and alive(pid)
            and owner(pid) == uid
            and any(a.endswith("jupyterhub-singleuser") for a in cmdline(pid)[:2])
        ):
            found.append((name, pid))
    return found


def leftovers(state: Path, *, servers: bool) -> list[str]:
    """End what a hub that died left running; return what was ended (for the message)."""
    ended = []
    for pid in cullers(state):
        end(pid)
        ended.append(f"유휴 서버 정리기(pid {pid})")
    for pid in teacher_views(state):
        end(pid)
        ended.append(f"교사용 진행 화면(pid {pid})")
    proxy_file = state / "jupyterhub-proxy.pid"
    pid = read_pid(proxy_file)
    if pid is not None:
        if is_proxy(pid):
            end(pid)
            ended.append(f"프록시(pid {pid})")
        proxy_file.unlink(missing_ok=True)
    if servers:
        for name, pid in student_servers(state):
            end(pid, group=os.getpgid(pid) == pid)
            ended.append(f"{name} 의 서버(pid {pid})")
    return ended


# --- run ---------------------------------------------------------------------


def run(hub_args: list[str]) -> int:
    state = state_dir()
    state.mkdir(mode=0o700, parents=True, exist_ok=True)
    pid_file = state / "classroom.pid"
    old = pid_file.read_text().split() if pid_file.exists() else []
    if len(old) == 2 and is_supervisor(int(old[0]), int(old[1])):
        say(f"수업 서버가 이미 실행 중입니다 (pid {old[0]}). 멈추려면: make classroom-stop")
        return 1
    pid_file.write_text(f"{os.getpid()} {start_time(os.getpid())}\n")

    stopping = False
    hub: subprocess.Popen | None = None

    def on_stop(signum, frame):
        nonlocal stopping
        stopping = True
        if hub and hub.poll() is None:
            hub.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, on_stop)
    signal.signal(signal.SIGINT, on_stop)
    starts: list[float] = []
    code = 0
    try:
        while not stopping:
            for what in leftovers(state, servers=False):
                say(f"이전 허브가 남긴 {what} 를 끝냈습니다.")
            starts = [t for t in starts if time.monotonic() - t < RESTART_WINDOW] + [
                time.monotonic()
            ]
            hub = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG), *hub_args], cwd=state
            )
            while True:
                try:
                    code = hub.wait()
                    break
                except InterruptedError:
                    continue
            if stopping or code == 0:
                break
            if len(starts) > RESTARTS:
                say(
                    f"허브가 {RESTART_WINDOW}초 안에 {len(starts)}번 멈춰서 더 다시 시작하지 않습니다. "
                    "위의 기록을 확인하세요."
                )
                break
            say(f"허브가 예기치 않게 끝났습니다 (종료 코드 {code}). 3초 뒤 다시 시작합니다.")
            time.sleep(3)
    finally:
        for what in leftovers(state, servers=True):
            say(f"남아 있던 {what} 를 끝냈습니다.")
        pid_file.unlink(missing_ok=True)
    return 0 if stopping else code


# --- stop --------------------------------------------------------------------


def stop(timeout: float = 120) -> int:
    state = state_dir()
    pid_file = state / "classroom.pid"
    recorded = pid_file.read_text().split() if pid_file.exists() else []
    target = None
    if len(recorded) == 2 and is_supervisor(int(recorded[0]), int(recorded[1])):
        target = int(recorded[0])
    else:
        pid_file.unlink(missing_ok=True)  # stale: never signal that pid
        hub = read_pid(state / "jupyterhub.pid")
        if hub is not None and is_hub(hub, state):
            target = hub
    if target is not None:
        os.kill(target, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while alive(target):
            if time.monotonic() > deadline:
                say(f"{timeout:.0f}초가 지나도 허브가 끝나지 않아 강제로 멈춥니다.")
                os.kill(target, signal.SIGKILL)
                break
            time.sleep(0.2)
    ended = leftovers(state, servers=True)
    hub = read_pid(state / "jupyterhub.pid")
    if hub is not None and not is_hub(hub, state):
        (state / "jupyterhub.pid").unlink(missing_ok=True)
    if target is not None:
        print("수업 서버를 멈췄습니다 (학생들의 파일은 각자의 홈에 그대로 있습니다).")
    elif ended:
        print("허브는 이미 멈춰 있었습니다. 남아 있던 " + ", ".join(ended) + " 를 끝냈습니다.")
    else:
        print("실행 중인 수업 서버가 없습니다.")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if os.geteuid() != 0:
        say(
            "수업 서버는 root 로 실행해야 합니다 (학생마다 자기 계정으로 서버를 띄우므로): "
            "sudo make classroom"
        )
        return 1
    if argv[:1] == ["run"]:
        rest = argv[1:]
        return run(rest[1:] if rest[:1] == ["--"] else rest)
    if argv[:1] == ["stop"]:
        return stop()
    say("사용법: server.py run [-- 허브 옵션] | server.py stop")
    return 2


if __name__ == "__main__":
    sys.exit(main())
