"""The students' Python kernel on the class server: ipykernel with no TCP port at all.

The server already talks to each kernel over Unix sockets (--KernelManager.transport=ipc),
but ipykernel still opens one TCP port on 127.0.0.1 for the output of forked child
processes (the IOPub pipe), which every other account on the machine can reach (and fill
the student's log with "Bad pipe message" lines). Here that pipe is a Unix socket in the
student's own runtime folder, inside the closed home.

It also tells the student, in Korean, when the class server's limits (classroom/limits.py)
stopped something: the first cell run after a kernel was ended for passing the memory cap
says so and what to do; a MemoryError or a fork() refused at the process limit gets a
Korean explanation under the traceback. Everything else is ipykernel as is.
"""

import contextlib
import errno
import os
import sys
import uuid
import warnings
from pathlib import Path

import zmq
from ipykernel import iostream
from jupyter_core.paths import jupyter_runtime_dir
from zmq.eventloop.zmqstream import ZMQStream


def _setup_pipe_in(self):
    """As IOPubThread._setup_pipe_in, bound to ipc:// in the runtime folder instead of TCP."""
    self._pipe_uuid = os.urandom(16)
    pipe_in = self.socket.context.socket(zmq.PULL)
    pipe_in.linger = 0
    folder = jupyter_runtime_dir()
    os.makedirs(folder, mode=0o700, exist_ok=True)
    self._pipe_address = f"ipc://{folder}/pipe-{uuid.uuid4().hex[:12]}"
    try:
        pipe_in.bind(self._pipe_address)
    except zmq.ZMQError as error:
        warnings.warn(
            f"IOPub pipe not bound ({error}): output of subprocesses will be lost", stacklevel=2
        )
        self._pipe_flag = False
        pipe_in.close()
        return
    self._pipe_in = ZMQStream(pipe_in, self.io_loop)
    self._pipe_in.on_recv(self._handle_pipe_msg)


def _setup_pipe_out(self):
    ctx = zmq.Context()
    pipe_out = ctx.socket(zmq.PUSH)
    pipe_out.linger = 3000
    pipe_out.connect(self._pipe_address)
    return ctx, pipe_out


iostream.IOPubThread._setup_pipe_in = _setup_pipe_in
iostream.IOPubThread._setup_pipe_out = _setup_pipe_out


def _gib(text: str | None) -> str:
    try:
        return f"{int(float(text)) / 1024**3:.1f} GiB"
    except (TypeError, ValueError):
        return "정해진 양"


MEMORY_GONE = (
    "⚠️ 이 서버의 커널 하나가 메모리 한도({limit})를 넘어서 멈췄고, 새로 시작되었습니다. "
    "변수와 불러온 데이터는 모두 사라졌으니 맨 위의 준비 셀부터 다시 실행하세요 (저장한 노트북은 그대로입니다). "
    "또 멈추면 배열을 더 작게 만들거나(예: 데이터의 일부만 쓰기), 쓰지 않는 다른 노트북의 커널을 끄세요 "
    "(Kernel → Shut Down Kernel). 다른 학생의 커널은 영향을 받지 않습니다."
)
MEMORY_ERROR = (
    "⚠️ 메모리가 모자랍니다: 학생마다 커널이 쓸 수 있는 메모리는 {limit} 입니다. 배열을 더 작게 "
    "만들거나(예: 데이터의 일부만 쓰기), 쓰지 않는 다른 노트북의 커널을 끄세요 (Kernel → Shut Down Kernel)."
)
PROCESS_LIMIT = (
    "⚠️ 새 프로세스를 만들 수 없습니다: 학생마다 프로세스(스레드 포함)는 {limit}개까지입니다. "
    "커널을 끄고(Kernel → Shut Down Kernel) 다시 열면 이 커널이 만든 프로세스가 모두 끝납니다. "
    "한꺼번에 만드는 프로세스 수를 줄이세요."
)


def _memory_cgroup() -> Path | None:
    folder = os.environ.get("MNISTLAB_MEMORY_CGROUP")  # cgroup v1 (set by the hub)
    if folder:
        return Path(folder)
    try:  # cgroup v2: this process's own cgroup
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            if line.startswith("0::"):
                return Path("/sys/fs/cgroup") / line[3:].lstrip("/")
    except OSError:
        pass
    return None


def _oom_kills(folder: Path) -> int:
    """How many processes the out-of-memory killer ended in this memory cgroup: v2's
    memory.events counts the subtree; v1 counts per cgroup, so its children are added."""

    def count(name: str, where: Path) -> int:
        try:
            for line in (where / name).read_text().splitlines():
                key, _, value = line.partition(" ")
                if key == "oom_kill":
                    return int(value)
        except (OSError, ValueError):
            pass
        return 0

    if (folder / "memory.events").exists():
        return count("memory.events", folder)
    subtree = [folder, *(p for p in folder.iterdir() if p.is_dir())] if folder.is_dir() else []
    return sum(count("memory.oom_control", where) for where in subtree)


def _new_oom_kills() -> int:
    """Kernels ended by the memory cap since the last kernel of this student looked."""
    folder = _memory_cgroup()
    if folder is None:
        return 0
    now = _oom_kills(folder)
    seen_file = Path(jupyter_runtime_dir()) / "mnistlab-oom-kills"
    try:
        seen = int(seen_file.read_text())
    except (OSError, ValueError):
        seen = 0
    try:
        seen_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        seen_file.write_text(str(now))
    except OSError:
        pass
    return now - seen if now > seen else 0


def _explain(shell) -> None:
    limit = _gib(os.environ.get("MEM_LIMIT"))
    processes = os.environ.get("MNISTLAB_PIDS_LIMIT", "정해진 수")

    def handler(self, etype, value, tb, tb_offset=None):
        self.showtraceback((etype, value, tb), tb_offset=tb_offset)
        if issubclass(etype, MemoryError):
            print(MEMORY_ERROR.format(limit=limit), file=sys.stderr)
        elif getattr(value, "errno", None) == errno.EAGAIN or "can't start new thread" in str(
            value
        ):
            print(PROCESS_LIMIT.format(limit=processes), file=sys.stderr)

    shell.set_custom_exc((MemoryError, BlockingIOError, RuntimeError), handler)
    if _new_oom_kills():

        def once(*args):
            print(MEMORY_GONE.format(limit=limit), file=sys.stderr)
            shell.events.unregister("pre_run_cell", once)

        shell.events.register("pre_run_cell", once)


def _join_kernels_cgroup() -> None:
    """Move this kernel into the student's kernels/ cgroup (classroom/limits.py), whose
    process limit keeps some room for the student's server."""
    # past the memory cap the out-of-memory killer ends a kernel, not the student's server
    with contextlib.suppress(OSError):
        Path("/proc/self/oom_score_adj").write_text("500")
    for folder in filter(None, os.environ.get("MNISTLAB_KERNEL_CGROUPS", "").split(os.pathsep)):
        try:
            Path(folder, "cgroup.procs").write_text(str(os.getpid()))
        except OSError as error:
            print(f"mnistlab: {folder}: {error}", file=sys.__stderr__)


if __name__ == "__main__":
    _join_kernels_cgroup()
    if sys.path[0] == os.path.dirname(os.path.abspath(__file__)):
        del sys.path[0]  # the kernel's imports as with ipykernel_launcher
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize()
    try:
        _explain(app.shell)
    except Exception as error:
        print(f"mnistlab: {error}", file=sys.__stderr__)
    app.start()
