"""Accounts and operations of the class server: a removed account opens nothing (not even a
new account with its name), log-in limits, the password rule, a broken ~/mnistlab, and the
supervisor (classroom/server.py): stop waits, stale pid files, restart after a crash, and
the clean-up after a crash. Root only, like test_classroom.py; one class of its own.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from test_classroom import NOTEBOOK, REPO, Class, _processes_of

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0,
    reason="수업 서버 테스트는 root 로만 실행합니다: 임시 시스템 계정을 만들고 지우며, 허브가 학생마다 "
    "그 계정으로 서버를 띄우기 때문입니다 (CI 는 root 로 실행합니다).",
)

SECRET = "새 학생의 비밀 메모"
WINDOW = 40  # seconds a failed log-in counts (PAM waits ~3 s per failure)


@pytest.fixture(scope="module")
def klass():
    if not (REPO / "classroom" / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        pytest.fail(
            "수업 서버의 프록시가 설치되지 않았습니다: 'make classroom-setup' 을 먼저 실행하세요."
        )
    k = Class()
    k.hub.env.update(
        {
            "MNISTLAB_CLASS_LOGIN_TRIES": "3",
            "MNISTLAB_CLASS_ADDRESS_TRIES": "6",
            "MNISTLAB_CLASS_LOGIN_WINDOW": str(WINDOW),
        }
    )
    try:
        k.create_accounts()
        k.hub.start()
        yield k
    finally:
        k.remove()
    assert not k.uids(), "임시 계정이 남았습니다"


def _server_py(klass, command: str) -> subprocess.CompletedProcess:
    """`make classroom-stop` as the Makefile runs it."""
    return subprocess.run(
        [sys.executable, str(REPO / "classroom" / "server.py"), command],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "MNISTLAB_CLASS_STATE": str(klass.hub.state)},
    )


def _log_in(klass, name: str, password: str) -> requests.Response:
    session = requests.Session()
    session.get(f"{klass.hub.url}/hub/login", timeout=30)
    reply = session.post(
        f"{klass.hub.url}/hub/login?next=",
        allow_redirects=False,
        timeout=60,
        data={
            "username": name,
            "password": password,
            "_xsrf": session.cookies.get("_xsrf", path="/hub/"),
        },
    )
    reply.encoding = "utf-8"  # the page says so in <meta charset>, not in its header
    return reply


def _replace_account(klass, role: str, *, teacher: bool) -> None:
    klass.passwords[role] = secrets.token_urlsafe(12)
    done = klass.accounts(
        "add",
        *(["--teacher"] if teacher else []),
        "--password-stdin",
        klass.names[role],
        stdin=klass.passwords[role] + "\n",
    )
    assert done.returncode == 0, done.stderr


def _alive(pid: int) -> bool:
    sys.path.insert(0, str(REPO / "classroom"))
    from server import alive

    return alive(pid)


def _cullers(klass) -> list[int]:
    sys.path.insert(0, str(REPO / "classroom"))
    from server import cullers

    return cullers(klass.hub.state.resolve())


def test_the_password_rule_and_system_accounts(klass):
    for weak in ("1", "abc1234", "12345678901", klass.names["a"]):
        done = klass.accounts(
            "add",
            "--password-stdin",
            f"mltweak{secrets.token_hex(2)}"
            if weak != klass.names["a"]
            else klass.names["a"] + "x",
            stdin=(weak if weak != klass.names["a"] else weak + "x") + "\n",
        )
        assert done.returncode == 1 and "8자 이상" in done.stderr, (weak, done.stdout, done.stderr)
    # No account was made for a refused password.
    assert not [u for u in pwd.getpwall() if u.pw_name.startswith("mltweak")]
    # A generated password follows the rule (and is printed once).
    name = f"mltgen{secrets.token_hex(2)}"
    made = klass.accounts("add", name, stdin="\n")
    try:
        assert made.returncode == 0, made.stderr
        password = re.search(r"비밀번호: (\S+)", made.stdout).group(1)
        assert len(password) >= 8 and not password.isdigit()
    finally:
        assert klass.accounts("remove", name).returncode == 0
    # `nobody` (uid 65534) and root are system accounts: refused, and left out of the group.
    for system in ("nobody", "root"):
        refused = klass.accounts("add", system)
        assert refused.returncode == 1 and "시스템 계정" in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
        assert system not in grp.getgrnam(klass.groups["MNISTLAB_CLASS_STUDENTS"]).gr_mem


def test_log_in_limits_per_account_and_per_address(klass):
    a, b = klass.names["a"], klass.names["b"]
    for _ in range(3):
        assert _log_in(klass, a, "wrong-" + klass.passwords["a"]).status_code == 403
    # The account waits, even with the right password, and the student reads why in Korean.
    refused = _log_in(klass, a, klass.passwords["a"])
    assert refused.status_code == 429
    assert "로그인에 너무 여러 번 실패" in refused.text and "초 뒤에" in refused.text
    # Another student from the same address still logs in.
    assert _log_in(klass, b, klass.passwords["b"]).status_code == 302
    # Failures for other names from this address count too: after 6 in all it waits.
    for n in range(3):
        assert _log_in(klass, f"nobody{n}{secrets.token_hex(2)}", "guess-1234").status_code == 403
    refused = _log_in(klass, b, klass.passwords["b"])
    assert refused.status_code == 429 and "로그인에 너무 여러 번 실패" in refused.text
    # The limit passes: within the window both log in again (a refused try does not count).
    deadline = time.monotonic() + WINDOW + 5
    while _log_in(klass, b, klass.passwords["b"]).status_code == 429:
        assert time.monotonic() < deadline, "still refused after the window"
        time.sleep(2)
    assert _log_in(klass, a, klass.passwords["a"]).status_code == 302


def test_a_removed_account_opens_nothing_not_even_a_new_account_with_its_name(klass):
    old_a, old_teacher = klass.login("a"), klass.login("teacher")
    old_a.start_server()
    assert old_teacher.hub_api("GET", "/users").status_code == 200  # an admin's token

    for role in ("a", "teacher"):
        done = klass.accounts("remove", klass.names[role])
        assert done.returncode == 0, done.stderr
    assert not _processes_of({u for u in klass.uids()} - {pwd.getpwnam(klass.names["b"]).pw_uid})
    # Right after removal: tokens and cookies are dead.
    assert old_a.hub_api("GET", f"/users/{old_a.name}").status_code == 403
    assert old_teacher.hub_api("GET", "/users").status_code == 403
    home = old_a.session.get(f"{klass.hub.url}/hub/home", allow_redirects=False, timeout=60)
    assert home.status_code == 302 and "/hub/login" in home.headers["Location"]

    # New people get the old names: the student again a student, the teacher now a student.
    _replace_account(klass, "a", teacher=False)
    _replace_account(klass, "teacher", teacher=False)
    new_a, new_t = klass.login("a"), klass.login("teacher")
    new_a.start_server()
    notebook = new_a.read_notebook(NOTEBOOK)
    notebook["cells"].insert(0, {"cell_type": "markdown", "metadata": {}, "source": SECRET})
    new_a.save_notebook(NOTEBOOK, notebook)

    for old in (old_a, old_teacher):
        assert old.hub_api("GET", f"/users/{old.name}").status_code == 403
        assert old.hub_api("GET", "/users").status_code == 403
    # The old token and the old browser cookie do not open the new student's files.
    by_token = old_a.server_api("GET", f"/contents/{NOTEBOOK}")
    assert by_token.status_code in (401, 403) and SECRET not in by_token.text
    by_cookie = old_a.session.get(
        f"{klass.hub.url}/user/{old_a.name}/api/contents/{NOTEBOOK}", timeout=60
    )
    assert SECRET not in by_cookie.text
    assert by_cookie.status_code in (401, 403) or "/hub/login" in by_cookie.url
    lab = old_a.session.get(f"{klass.hub.url}/user/{old_a.name}/lab", timeout=60)
    assert "/hub/login" in lab.url
    # The new holder of the teacher's name is no admin.
    assert new_t.hub_api("GET", "/users").status_code == 403
    assert new_t.session.get(f"{klass.hub.url}/hub/admin", timeout=60).status_code == 403
    new_a.stop_server()

    # Removed while the hub is down: the hub forgets the account when it starts.
    old_b = klass.login("b")
    klass.hub.stop()
    done = klass.accounts("remove", klass.names["b"])
    assert done.returncode == 0, done.stderr
    klass.hub.start()
    assert old_b.hub_api("GET", f"/users/{old_b.name}").status_code == 403
    _replace_account(klass, "b", teacher=False)
    assert klass.login("b").hub_api("GET", f"/users/{old_b.name}").status_code == 200
    assert old_b.hub_api("GET", f"/users/{old_b.name}").status_code == 403


def test_a_broken_mnistlab_folder_is_repaired_and_nothing_is_lost(klass):
    b = klass.login("b")
    folder = klass.home("b") / "mnistlab"
    uid, gid = pwd.getpwnam(b.name).pw_uid, pwd.getpwnam(b.name).pw_gid

    def break_with(make) -> None:
        if folder.is_symlink() or folder.is_file():
            folder.unlink()
        elif folder.exists():
            subprocess.run(["rm", "-rf", str(folder)], check=True)
        make()
        os.lchown(folder, uid, gid)

    cases = {
        "a file": lambda: folder.write_text("학생이 쓴 글"),
        "a dangling link": lambda: folder.symlink_to(klass.home("b") / "gone"),
        "a link to a file": lambda: (
            (klass.home("b") / "note.txt").write_text("메모")
            and folder.symlink_to(klass.home("b") / "note.txt")
        ),
        "a folder closed with chmod 000": lambda: folder.mkdir(mode=0o000),
    }
    for case, make in cases.items():
        break_with(make)
        b.start_server()
        listing = b.server_api("GET", "/contents/mnistlab").json()["content"]
        assert "01_mnist_dataset.ipynb" in {f["name"] for f in listing}, case
        b.stop_server()
    # What stood in the way was kept under another name.
    aside = sorted(p.name for p in klass.home("b").glob("mnistlab.broken-*"))
    assert len(aside) == 3, aside
    kept = [
        p for p in klass.home("b").glob("mnistlab.broken-*") if p.is_file() and not p.is_symlink()
    ]
    assert [p.read_text() for p in kept] == ["학생이 쓴 글"]

    # What cannot be repaired as the student: a Korean message, not "Unhandled error".
    subprocess.run(["rm", "-rf", str(folder)], check=True)
    folder.mkdir(mode=0o755)  # owned by root
    reply = b.hub_api("POST", f"/users/{b.name}/server")
    assert reply.status_code in (201, 202, 500), reply.text
    stream = requests.get(
        f"{klass.hub.url}/hub/api/users/{b.name}/server/progress", headers=b.headers, timeout=120
    ).text
    events = [json.loads(line[5:]) for line in stream.splitlines() if line.startswith("data:")]
    assert events[-1]["failed"] and "다른 계정의 것이라" in events[-1]["message"], events
    subprocess.run(["rm", "-rf", str(folder)], check=True)


def test_the_hub_restarts_by_itself_after_a_crash_without_a_second_culler(klass):
    a = klass.login("a")
    a.start_server()
    kernel = a.open_kernel(NOTEBOOK)
    try:
        pid = kernel.execute("import os; print(os.getpid())").outputs[-1]["content"]["text"]
        # Kernels talk over Unix sockets: no TCP port another student could reach ...
        listening = subprocess.run(
            ["ss", "-Hltnp"], capture_output=True, text=True, check=True
        ).stdout
        assert f"pid={pid.strip()}," not in listening
        # ... and a forked child's output still reaches the notebook (the IOPub pipe).
        forked = kernel.execute(
            "import os, sys, time\nif os.fork() == 0:\n    print('아이 프로세스')\n"
            "    sys.stdout.flush(); os._exit(0)\ntime.sleep(1); os.wait()"
        )
        assert "아이 프로세스" in "".join(o["content"].get("text", "") for o in forked.outputs)
    finally:
        kernel.close()
    assert len(_cullers(klass)) == 1
    crashed = klass.hub.hub_pid()
    os.kill(crashed, signal.SIGKILL)
    deadline = time.monotonic() + 120
    while (
        klass.hub.hub_pid() in (crashed, None) or not Path(f"/proc/{klass.hub.hub_pid()}").exists()
    ):
        assert time.monotonic() < deadline, klass.hub.tail()
        time.sleep(0.5)
    klass.hub.wait_healthy()
    assert len(_cullers(klass)) == 1, "a second idle culler after the restart"
    # The student's server lived on and is reachable through the new hub.
    assert a.read_notebook(NOTEBOOK)["cells"]
    assert "허브가 예기치 않게 끝났습니다" in klass.hub.tail(200)


def test_stop_waits_and_never_kills_by_a_stale_pid(klass):
    a = klass.login("a")
    a.start_server()
    notebook = a.read_notebook(NOTEBOOK)
    notebook["cells"].insert(0, {"cell_type": "markdown", "metadata": {}, "source": SECRET})
    a.save_notebook(NOTEBOOK, notebook)
    done = _server_py(klass, "stop")
    assert done.returncode == 0 and "멈췄습니다" in done.stdout, done.stdout + done.stderr
    # When stop returns, the hub, the proxy, the culler and the servers are gone ...
    assert klass.hub.process.wait(timeout=5) == 0
    assert klass.hub.hub_pid() is None or not Path(f"/proc/{klass.hub.hub_pid()}").exists()
    assert not _cullers(klass)
    assert not _processes_of(klass.uids(), wait=0)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{klass.hub.url}/hub/health", timeout=5)

    # ... and pid files pointing at an unrelated process make nobody kill it.
    bystander = subprocess.Popen(["sleep", "600"])
    try:
        for name in ("classroom.pid", "jupyterhub.pid", "jupyterhub-proxy.pid"):
            (klass.hub.state / name).write_text(f"{bystander.pid}\n")
        done = _server_py(klass, "stop")
        assert "실행 중인 수업 서버가 없습니다" in done.stdout, done.stdout + done.stderr
        assert bystander.poll() is None
        for name in ("classroom.pid", "jupyterhub-proxy.pid"):
            (klass.hub.state / name).write_text(f"{bystander.pid}\n")
        klass.hub.start()  # right after stop: it runs
        assert bystander.poll() is None, "starting the hub killed an unrelated process"
        a.start_server()  # the notebook saved before the stop is there
        assert a.read_notebook(NOTEBOOK)["cells"][0]["source"] == SECRET
    finally:
        bystander.kill()
        bystander.wait()


def test_stop_after_a_crash_ends_what_the_hub_left(klass):
    a = klass.login("a")
    a.start_server()
    proxy = int((klass.hub.state / "jupyterhub-proxy.pid").read_text())
    klass.hub.process.send_signal(signal.SIGKILL)  # the supervisor and ...
    klass.hub.process.wait()
    os.kill(klass.hub.hub_pid(), signal.SIGKILL)  # ... the hub crash
    time.sleep(1)
    assert _alive(proxy) and _cullers(klass)
    assert _processes_of({pwd.getpwnam(a.name).pw_uid}, wait=0)
    done = _server_py(klass, "stop")
    assert done.returncode == 0, done.stderr
    assert "프록시" in done.stdout and "정리기" in done.stdout and a.name in done.stdout, (
        done.stdout
    )
    assert not _alive(proxy)  # (a zombie waiting for init to reap it is gone)
    assert not _cullers(klass)
    assert not _processes_of(klass.uids())
