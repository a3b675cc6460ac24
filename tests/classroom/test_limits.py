"""Contained students: each student's server and kernels in a cgroup with a memory cap,
a CPU quota and a process limit (classroom/limits.py). One student passes each limit while
another student's kernel keeps its variables and answers; the first student reads Korean
messages saying why and what to do. Root only; one class of its own, with a small cap.
"""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest
from test_classroom import NOTEBOOK, REPO, Class

if os.geteuid() != 0:  # (the classroom extra, JupyterHub, is installed for root only)
    pytest.skip(
        "학생별 한도 테스트는 root 로만 실행합니다 (CI 는 root 로 실행합니다).",
        allow_module_level=True,
    )
sys.path.insert(0, str(REPO / "classroom"))
from limits import cgroup_version, class_cgroups, oom_kills

pytestmark = pytest.mark.skipif(
    cgroup_version() == 0,
    reason="학생별 한도 테스트는 쓸 수 있는 cgroup(memory, cpu, pids)이 있어야 합니다.",
)

MEMORY = 600 * 1024**2
PROCESSES = 128
MEMO = "커널이 멈추기 전에 저장한 메모"


@pytest.fixture(scope="module")
def klass():
    k = Class()
    k.hub.env.update(
        {
            "MNISTLAB_CLASS_MEMORY": str(MEMORY),
            "MNISTLAB_CLASS_CPUS": "0.5",
            "MNISTLAB_CLASS_PROCESSES": str(PROCESSES),
        }
    )
    try:
        k.create_accounts()
        k.hub.start()
        yield k
    finally:
        k.remove()


@pytest.fixture(scope="module")
def kernels(klass):
    a, b = klass.login("a"), klass.login("b")
    opened = {}
    for role, student in (("a", a), ("b", b)):
        student.start_server()
        opened[role] = (student, student.open_kernel(NOTEBOOK))
    yield opened
    for _, kernel in opened.values():
        kernel.close()


def _text(reply) -> str:
    return "".join(o["content"].get("text", "") for o in reply.outputs)


def _pid(kernel) -> int:
    return int(_text(kernel.execute("import os; print(os.getpid())")))


def _folders(klass, role):
    return class_cgroups(klass.names[role], "mnistlab-class")


def test_each_students_kernel_is_in_their_own_cgroup_with_the_limits(klass, kernels):
    for role, (_, kernel) in kernels.items():
        pid = _pid(kernel)
        folders = _folders(klass, role)
        # The kernel sits in the student's kernels/ cgroup, under the student's limits.
        for folder in folders:
            assert str(pid) in (folder / "kernels" / "cgroup.procs").read_text().split(), folder
        if cgroup_version() == 1:
            memory, cpu, pids = folders
            assert int((memory / "memory.limit_in_bytes").read_text()) == MEMORY
            assert (cpu / "cpu.cfs_quota_us").read_text().strip() == "50000"
        else:
            memory = cpu = pids = folders[0]
            assert int((memory / "memory.max").read_text()) == MEMORY
            assert (cpu / "cpu.max").read_text().split()[0] == "50000"
        assert int((pids / "pids.max").read_text()) == PROCESSES
    # A student cannot move out of their cgroup.
    reply = kernels["a"][1].execute("open('/sys/fs/cgroup/pids/cgroup.procs', 'w').write('1')")
    assert reply.status == "error"


def test_past_the_memory_cap_only_that_students_kernel_dies(klass, kernels):
    from client import KernelDied

    a, kernel_a = kernels["a"]
    _, kernel_b = kernels["b"]
    assert kernel_b.execute("keep = 41").status == "ok"
    pid_b = _pid(kernel_b)
    notebook = a.read_notebook(NOTEBOOK)  # A saved the notebook before the big cell
    notebook["cells"].insert(0, {"cell_type": "markdown", "metadata": {}, "source": MEMO})
    a.save_notebook(NOTEBOOK, notebook)
    before = oom_kills(_folders(klass, "a")[0])
    with pytest.raises(KernelDied):
        kernel_a.execute("import numpy as np\nbig = np.ones(2**27)  # 1 GiB\nprint(big.sum())")
    assert oom_kills(_folders(klass, "a")[0]) > before
    # B's kernel kept running, with its variables, and answers.
    reply = kernel_b.execute("import os; print(keep, os.getpid())")
    assert reply.status == "ok" and _text(reply).split() == ["41", str(pid_b)]
    # A's server lives; A's kernel restarted; the next cell says why, in Korean.
    assert a.server_api("GET", "/contents/mnistlab").status_code == 200
    assert a.read_notebook(NOTEBOOK)["cells"][0]["source"] == MEMO  # nothing saved was lost
    kernel_a.close()
    kernels["a"] = (a, a.open_kernel(NOTEBOOK))
    deadline = time.monotonic() + 60
    while True:
        try:
            reply = kernels["a"][1].execute("1 + 1")
            break
        except KernelDied:
            assert time.monotonic() < deadline
            kernels["a"] = (a, a.open_kernel(NOTEBOOK))
    assert reply.status == "ok"
    assert "메모리 한도(0.6 GiB)를 넘어서 멈췄고" in _text(reply), reply.outputs
    # A MemoryError inside the cap gets a Korean explanation too.
    reply = kernels["a"][1].execute("import numpy as np\nnp.ones(2**40)")
    assert reply.status == "error" and "메모리가 모자랍니다" in _text(reply), reply.outputs


def test_a_fork_bomb_stops_at_the_process_limit(klass, kernels):
    kernel_a, kernel_b = kernels["a"][1], kernels["b"][1]
    assert kernel_b.execute("keep = 41").status == "ok"
    bomb = (
        "import os, time\nkids = []\n"
        "while True:\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        time.sleep(30)\n"
        "        os._exit(0)\n"
        "    kids.append(pid)\n"
    )
    reply = kernel_a.execute(bomb)
    assert reply.status == "error" and "BlockingIOError" in reply.error
    assert f"프로세스(스레드 포함)는 {PROCESSES - 32}개까지" in _text(reply), reply.outputs
    # While A's processes fill A's limit, B's cell answers (and B can still start processes).
    reply = kernel_b.execute("import subprocess; print(subprocess.run(['true']).returncode, keep)")
    assert reply.status == "ok" and _text(reply).split() == ["0", "41"]
    # At the limit A's kernel cannot even start a thread; A shuts it down, as the message
    # says (that ends the kernel's process group; the children here also end after 30 s).
    crowded = int((_folders(klass, "a")[-1] / "kernels" / "pids.current").read_text())
    assert crowded >= PROCESSES - 32 - 2
    a = kernels["a"][0]
    kernel_a.close()
    deadline = time.monotonic() + 60
    while (gone := a.server_api("DELETE", f"/kernels/{kernel_a.id}")).status_code not in (204, 404):
        assert time.monotonic() < deadline, (gone.status_code, gone.text[:300])
        time.sleep(2)
    while int((_folders(klass, "a")[-1] / "pids.current").read_text()) > PROCESSES / 4:
        assert time.monotonic() < deadline, "A's processes stayed after the shutdown"
        time.sleep(1)
    # A's server lived through it (the kernel, not the server, is the OOM killer's choice).
    assert a.hub_api("GET", f"/users/{a.name}").json()["servers"][""]["ready"]
    kernels["a"] = (a, a.open_kernel(NOTEBOOK))
    assert kernels["a"][1].execute("1 + 1").status == "ok"


def test_a_student_spinning_the_cpu_is_throttled_and_others_answer(klass, kernels):
    kernel_a, kernel_b = kernels["a"][1], kernels["b"][1]
    folder = _folders(klass, "a")[1 if cgroup_version() == 1 else 0]

    def throttled() -> int:
        stat = dict(line.split() for line in (folder / "cpu.stat").read_text().splitlines())
        return int(stat.get("nr_throttled", 0))

    before = throttled()
    spin = (
        "import os, time\n"
        "for _ in range(3):\n"
        "    if os.fork() == 0:\n"
        "        end = time.time() + 8\n"
        "        while time.time() < end:\n"
        "            pass\n"
        "        os._exit(0)\n"
        "end = time.time() + 8\n"
        "while time.time() < end:\n"
        "    pass\n"
        "for _ in range(3):\n"
        "    os.wait()\n"
    )
    runner = threading.Thread(target=kernel_a.execute, args=(spin,))
    runner.start()
    seconds = []
    try:
        time.sleep(1)
        for _ in range(5):
            reply = kernel_b.execute("import numpy as np; print(int(np.arange(10**6).sum()))")
            assert reply.status == "ok" and _text(reply).strip() == str(sum(range(10**6)))
            seconds.append(reply.seconds)
    finally:
        runner.join(120)
    print(f"B's cell while A spins 4 processes: {[round(s, 3) for s in seconds]} s")
    assert throttled() > before, "A's CPU quota never throttled A"
