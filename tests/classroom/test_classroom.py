"""The class server (make classroom) for real: JupyterHub on a loopback port, temporary
system accounts and state, students logging in and running notebook cells through the
kernel protocol, isolation between students, nothing lost across restarts and culling.

Needs root (it creates and deletes system users; the hub starts each student's server
as that user), the classroom extra and the proxy (make test installs both as root).
The tests run in order and share one class: two students and a teacher.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "classroom"))

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0,
    reason="수업 서버 테스트는 root 로만 실행합니다: 임시 시스템 계정을 만들고 지우며, 허브가 학생마다 "
           "그 계정으로 서버를 띄우기 때문입니다 (CI 는 root 로 실행합니다).")

NOTEBOOK = "mnistlab/01_mnist_dataset.ipynb"
MEMO = "내가 쓴 메모: 픽셀 값은 0~255"


def _free_port_block() -> int:
    """A port p with p .. p+3 free (public, hub API, proxy API, the teacher's view)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port > 65000:
            continue
        try:
            for offset in (1, 2, 3):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port + offset))
            return port
        except OSError:
            continue
    raise RuntimeError("no free ports")


def _processes_of(uids: set[int], wait: float = 15.0) -> list[str]:
    """The live processes of these users ("uid pid args"), after giving them ``wait`` seconds
    to exit. Zombies (exited, waiting to be reaped by their parent or init) do not count."""
    deadline = time.monotonic() + wait
    while True:
        out = subprocess.run(["ps", "-eo", "uid=,pid=,stat=,args="], capture_output=True,
                             text=True, check=True).stdout
        live = [" ".join(f[:2] + f[3:]) for f in (line.split() for line in out.splitlines())
                if f and int(f[0]) in uids and not f[2].startswith("Z")]
        if not live or time.monotonic() > deadline:
            return live
        time.sleep(0.5)


class Class:
    """Two students (a, b) and a teacher with random names and passwords, one hub."""

    def __init__(self):
        from client import Hub

        tag = secrets.token_hex(3)
        self.groups = {"MNISTLAB_CLASS_STUDENTS": f"mlt-s-{tag}",
                       "MNISTLAB_CLASS_TEACHERS": f"mlt-t-{tag}"}
        self.names = {"a": f"mlta{tag}", "b": f"mltb{tag}", "teacher": f"mltt{tag}"}
        self.passwords = {role: secrets.token_urlsafe(12) for role in self.names}
        self.root = Path(tempfile.mkdtemp(prefix="mnistlab-class-"))
        self.root.chmod(0o755)                      # the series must be readable by students
        self.series = self.root / "series"
        self.series.mkdir(mode=0o755)
        for name in ("00_getting_started.ipynb", "01_mnist_dataset.ipynb"):
            shutil.copyfile(REPO / "notebooks" / name, self.series / name)
        env = {**self.groups, "MNISTLAB_CLASS_SERIES": str(self.series)}
        self.hub = Hub(self.root / "state", _free_port_block(), env=env)

    def accounts(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(REPO / "classroom" / "accounts.py"), *args],
                              input=stdin, capture_output=True, text=True, check=False,
                              env={**os.environ, **self.groups,
                                   "MNISTLAB_CLASS_STATE": str(self.root / "state")})

    def create_accounts(self) -> None:
        for role, name in self.names.items():
            teacher = ["--teacher"] if role == "teacher" else []
            done = self.accounts("add", *teacher, "--password-stdin", name,
                                 stdin=self.passwords[role] + "\n")
            assert done.returncode == 0, done.stderr

    def login(self, role: str):
        from client import Student

        return Student.login(self.hub.url, self.names[role], self.passwords[role])

    def uids(self) -> set[int]:
        uids = set()
        for name in self.names.values():
            with contextlib.suppress(KeyError):
                uids.add(pwd.getpwnam(name).pw_uid)
        return uids

    def home(self, role: str) -> Path:
        return Path(pwd.getpwnam(self.names[role]).pw_dir)

    def remove(self) -> None:
        self.hub.stop()
        for line in _processes_of(self.uids(), wait=0):
            os.kill(int(line.split()[1]), 9)
        for name in self.names.values():
            self.accounts("remove", name)
        for group in self.groups.values():
            subprocess.run(["groupdel", group], capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def klass():
    if not (REPO / "classroom" / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        pytest.fail("수업 서버의 프록시가 설치되지 않았습니다: 'make classroom-setup' 을 먼저 실행하세요.")
    k = Class()
    try:
        k.create_accounts()
        k.hub.start()
        yield k
    finally:
        k.remove()
    assert not k.uids(), "임시 계정이 남았습니다"


@pytest.fixture(scope="module")
def students(klass):
    """Students a and b logged in, with their servers running."""
    a, b = klass.login("a"), klass.login("b")
    for student in (a, b):
        student.start_server()
    return {"a": a, "b": b}


def test_log_in_with_the_right_password_only(klass):
    from client import LoginFailed, Student

    with pytest.raises(LoginFailed, match="403"):
        Student.login(klass.hub.url, klass.names["a"], "not-" + klass.passwords["a"])
    assert klass.login("a").token
    # System accounts (root, daemons) never become class accounts.
    refused = klass.accounts("add", "root")
    assert refused.returncode == 1 and "시스템 계정" in refused.stderr
    # The accounts' homes are closed to everybody else.
    assert klass.home("a").stat().st_mode & 0o777 == 0o700


def test_each_student_runs_a_notebook_in_their_own_server_as_themselves(klass, students):
    from client import code_cells

    for role, student in students.items():
        # The browser lands in JupyterLab on the student's copy of the series.
        page = student.session.get(f"{klass.hub.url}/user/{student.name}/", timeout=60)
        assert page.status_code == 200 and page.url.endswith("/lab/tree/mnistlab")
        assert "JupyterLab" in page.text
        listing = student.server_api("GET", "/contents/mnistlab").json()["content"]
        assert sorted(f["name"] for f in listing) == ["00_getting_started.ipynb",
                                                      "01_mnist_dataset.ipynb"]
        kernel = student.open_kernel(NOTEBOOK)
        try:
            for code in code_cells(student.read_notebook(NOTEBOOK))[:3]:
                reply = kernel.execute(code)
                assert reply.status == "ok", reply.error
            whoami = kernel.execute(
                "import os, json, ipykernel.connect as c; print(os.getuid(), os.getcwd(), "
                "json.load(open(c.get_connection_file()))['transport'])")
            uid, cwd, transport = whoami.outputs[-1]["content"]["text"].split()
            assert transport == "ipc"          # Unix sockets in the closed home, no TCP ports
            assert int(uid) == pwd.getpwnam(klass.names[role]).pw_uid
            assert cwd == str(klass.home(role) / "mnistlab")
        finally:
            kernel.close()


def test_a_student_cannot_reach_another_students_files_or_server(klass, students):
    a, b = students["a"], students["b"]
    b_notebook = klass.home("b") / NOTEBOOK
    kernel = a.open_kernel(NOTEBOOK)
    try:
        for code in (f"open({str(b_notebook)!r}).read()",
                     f"open({str(b_notebook)!r}, 'a').write('x')",
                     f"import os; os.listdir({str(klass.home('b'))!r})"):
            reply = kernel.execute(code)
            assert reply.status == "error" and "PermissionError" in reply.error, code
    finally:
        kernel.close()

    # A's token and A's browser session both meet 403 at B's server.
    assert a.server_api("GET", f"/contents/{NOTEBOOK}", user=b.name).status_code == 403
    assert a.session.get(f"{klass.hub.url}/user/{b.name}/lab", timeout=60).status_code == 403
    # Only the teacher reaches the admin pages.
    assert a.session.get(f"{klass.hub.url}/hub/admin", timeout=60).status_code == 403
    teacher = klass.login("teacher")
    assert teacher.session.get(f"{klass.hub.url}/hub/admin", timeout=60).status_code == 200


def test_an_edited_notebook_survives_a_server_restart_and_a_hub_restart(klass, students):
    a = students["a"]
    notebook = a.read_notebook(NOTEBOOK)
    notebook["cells"].insert(0, {"cell_type": "markdown", "metadata": {}, "source": MEMO})
    a.save_notebook(NOTEBOOK, notebook)

    a.stop_server()
    a.start_server()
    assert a.read_notebook(NOTEBOOK)["cells"][0]["source"] == MEMO

    # The teacher updates the series (a new notebook) and restarts the hub, with a
    # short idle time so that the next test sees the culler at work.
    shutil.copyfile(REPO / "notebooks" / "02_logistic_regression.ipynb",
                    klass.series / "02_logistic_regression.ipynb")
    klass.hub.stop()
    assert not _processes_of(klass.uids()), "the hub left students' processes running"
    klass.hub.env["MNISTLAB_CLASS_IDLE"] = "20"
    klass.hub.start()

    # The browser session outlives the restart (the cookie secret is kept in the state).
    assert a.session.get(f"{klass.hub.url}/hub/home", timeout=60,
                         allow_redirects=False).status_code == 200
    a.start_server()
    assert a.read_notebook(NOTEBOOK)["cells"][0]["source"] == MEMO
    listing = a.server_api("GET", "/contents/mnistlab").json()["content"]
    assert "02_logistic_regression.ipynb" in {f["name"] for f in listing}


def test_an_idle_server_is_stopped_and_the_files_stay(klass, students):
    a = students["a"]
    deadline = time.monotonic() + 120
    while a.hub_api("GET", f"/users/{a.name}").json()["servers"]:
        assert time.monotonic() < deadline, "the idle culler did not stop the server in 120 s"
        time.sleep(2)
    assert not _processes_of({pwd.getpwnam(a.name).pw_uid})
    assert MEMO in (klass.home("a") / NOTEBOOK).read_text(encoding="utf-8")


def test_stopping_the_hub_stops_everything(klass, students):
    students["b"].start_server()
    proxy_pid = int((klass.hub.state / "jupyterhub-proxy.pid").read_text())
    klass.hub.stop()
    assert klass.hub.process.returncode == 0, klass.hub.tail()
    assert not _processes_of(klass.uids())
    assert not Path(f"/proc/{proxy_pid}").exists(), "the proxy is still running"
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{klass.hub.url}/hub/health", timeout=5)
