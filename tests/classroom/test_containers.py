"""Students in containers: the image `make classroom-image` builds (mmdebstrap + the
project's wheel, imported into podman), run by the class hub through DockerSpawner
against podman's Docker-compatible API (MNISTLAB_CLASS_SPAWNER=container).

The full hub, not DockerSpawner alone: two students log in, their servers start in
containers, a notebook cell runs in each through the kernel protocol, neither sees the
other's files, and a kernel that allocates past the memory cap dies alone.

Needs root, podman and mmdebstrap (CI installs them). The image is built once and
reused while its content hash (wheel, package list, lock, series) is unchanged.
"""

from __future__ import annotations

import json
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
import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "classroom"))

import containers  # noqa: E402  (classroom/containers.py)

MISSING = [tool for tool in ("podman", "mmdebstrap") if not shutil.which(tool)]
needs_engine = pytest.mark.skipif(
    os.geteuid() != 0 or bool(MISSING),
    reason="컨테이너 수업 서버 테스트는 root 와 podman·mmdebstrap 이 있어야 합니다 "
           f"(없음: {', '.join(MISSING) or 'root'}; apt-get install podman runc uidmap mmdebstrap).")
NOTEBOOK = "mnistlab/01_mnist_dataset.ipynb"


def test_values_yaml_runs_the_image_the_build_makes_with_the_same_limits():
    values = yaml.safe_load((REPO / "classroom" / "z2jh" / "values.yaml").read_text())
    image = values["singleuser"]["image"]
    assert f"{image['name']}:{image['tag']}" == containers.default_image()
    build = (REPO / "classroom" / "image" / "build.sh").read_text()
    assert f"IMAGE:-{image['name']}" in build and "USER 1000" in build
    # The chart's limits are the class server's defaults.
    limits = containers.limits_from_environment({})
    assert limits == {"mem_limit": "1G", "cpu_limit": 1.0, "pids_limit": 256}
    assert values["singleuser"]["memory"]["limit"] == limits["mem_limit"]
    assert values["singleuser"]["cpu"]["limit"] == limits["cpu_limit"]
    # The notebooks are handed out by the copy of hand_out.py the image carries.
    hook = values["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"]
    assert hook[:2] == [f"{containers.VENV_IN_IMAGE}/bin/python", "/opt/mnistlab/hand_out.py"]


def _podman(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(containers.podman_command() + list(args), capture_output=True,
                          text=True, check=check)


def _free_port_block() -> int:
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port > 65000:
            continue
        try:
            for offset in (1, 2):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port + offset))
            return port
        except OSError:
            continue
    raise RuntimeError("no free ports")


@pytest.fixture(scope="module")
def image():
    """The students' image, built by classroom/image/build.sh (cached by content)."""
    t0 = time.monotonic()
    built = subprocess.run(["sh", str(REPO / "classroom" / "image" / "build.sh")],
                           env={**os.environ, "PY": sys.executable}, capture_output=True,
                           text=True, timeout=1200, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    print(built.stdout.strip(), f"({time.monotonic() - t0:.0f} s)")
    return containers.default_image()


@pytest.fixture(scope="module")
def klass(image):
    """Two students and one hub whose spawner runs them in containers."""
    from client import Hub, Student

    if not (REPO / "classroom" / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        pytest.fail("수업 서버의 프록시가 설치되지 않았습니다: 'make classroom-setup' 을 먼저 실행하세요.")
    tag = secrets.token_hex(3)
    groups = {"MNISTLAB_CLASS_STUDENTS": f"mlc-s-{tag}", "MNISTLAB_CLASS_TEACHERS": f"mlc-t-{tag}"}
    names = {"a": f"mlca{tag}", "b": f"mlcb{tag}"}
    passwords = {role: secrets.token_urlsafe(12) for role in names}
    root = Path(tempfile.mkdtemp(prefix="mnistlab-containers-"))
    root.chmod(0o755)
    series = root / "series"
    series.mkdir(mode=0o755)
    for name in ("00_getting_started.ipynb", "01_mnist_dataset.ipynb"):
        shutil.copyfile(REPO / "notebooks" / name, series / name)
    # podman's API on a socket of this test's own, started the way the hub starts one
    # when none answers (and stopped at the end).
    sock = f"/run/podman/mnistlab-test-{tag}.sock"
    service = containers.ensure_podman_service(sock, root)
    assert service is not None and containers.ensure_podman_service(sock, root) is None

    def accounts(*args, stdin=""):
        return subprocess.run([sys.executable, str(REPO / "classroom" / "accounts.py"), *args],
                              input=stdin, capture_output=True, text=True, check=False,
                              env={**os.environ, **groups})

    hub = Hub(root / "state", _free_port_block(),
              env={**groups, "MNISTLAB_CLASS_SERIES": str(series),
                   "MNISTLAB_CLASS_SPAWNER": "container", "MNISTLAB_CLASS_IMAGE": image,
                   "MNISTLAB_CLASS_PODMAN_SOCKET": sock})
    def clean_up():
        hub.stop()
        for name in names.values():
            _podman("rm", "--force", "--ignore", f"mnistlab-student-{name}", check=False)
            accounts("remove", name)
        for group in groups.values():
            subprocess.run(["groupdel", group], capture_output=True, check=False)
        service.terminate()
        service.wait(timeout=30)
        Path(sock).unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)

    try:
        for role, name in names.items():
            done = accounts("add", "--password-stdin", name, stdin=passwords[role] + "\n")
            assert done.returncode == 0, done.stderr
        hub.start()
        students = {role: Student.login(hub.url, names[role], passwords[role]) for role in names}
        for student in students.values():
            student.start_server()
    except BaseException:
        print(hub.tail(60) if hub.log.exists() else "(no hub log)")
        clean_up()
        raise
    try:
        yield {"hub": hub, "students": students, "names": names,
               "home": {role: Path(pwd.getpwnam(n).pw_dir) for role, n in names.items()}}
    finally:
        clean_up()


def _container(name: str) -> dict:
    return json.loads(_podman("container", "inspect", f"mnistlab-student-{name}").stdout)[0]


@needs_engine
def test_each_student_runs_a_cell_in_their_own_container_with_the_limits(klass):
    from client import code_cells

    for student in klass["students"].values():
        info = _container(student.name)
        assert info["State"]["Running"] and info["ImageName"] == containers.default_image()
        host = info["HostConfig"]
        assert host["Memory"] == 2**30 and host["MemorySwap"] == 2**30
        assert host["PidsLimit"] == 256
        assert host["NanoCpus"] == 10**9 or host["CpuQuota"] == host["CpuPeriod"]
        uid = pwd.getpwnam(student.name).pw_uid
        assert info["Config"]["User"] == f"{uid}:{pwd.getpwnam(student.name).pw_gid}"

        kernel = student.open_kernel(NOTEBOOK)
        try:
            assert code_cells(student.read_notebook(NOTEBOOK))      # the handed-out copy
            reply = kernel.execute("import os, mnistlab; "
                                   "print(mnistlab.load_mnist('test')[0].shape, os.getuid(), "
                                   "os.getcwd(), sorted(os.listdir('/home')))")
            assert reply.status == "ok", reply.error
            text = reply.outputs[-1]["content"]["text"]
            assert text.split() == ["(10000,", "28,", "28)", str(uid),
                                    "/home/jovyan/mnistlab", "['jovyan']"]
        finally:
            kernel.close()


@needs_engine
def test_no_student_sees_the_others_files(klass):
    a, b = klass["students"]["a"], klass["students"]["b"]
    secret = secrets.token_hex(8)
    kernel_a = a.open_kernel(NOTEBOOK)
    try:
        reply = kernel_a.execute(f"open('/home/jovyan/mnistlab/secret.txt', 'w').write({secret!r})")
        assert reply.status == "ok", reply.error
        # The search b runs below finds the file where it is (here, in a's own container).
        found = kernel_a.execute(f"import subprocess; print(subprocess.run(['grep', '-rlsF', "
                                 f"{secret[::-1]!r}[::-1], '/home/jovyan/mnistlab'], "
                                 "capture_output=True, text=True).stdout.strip())")
        assert found.outputs[-1]["content"]["text"].split() == ["/home/jovyan/mnistlab/secret.txt"]
    finally:
        kernel_a.close()
    # On the host the file is a's own, in a's home.
    written = klass["home"]["a"] / "mnistlab" / "secret.txt"
    assert written.read_text() == secret and written.stat().st_uid == pwd.getpwnam(a.name).pw_uid

    kernel_b = b.open_kernel(NOTEBOOK)
    try:
        # The secret goes in reversed: b's own input history must not hold the text searched for.
        probe = ("import os, subprocess; "
                 f"print(os.path.exists('/home/jovyan/mnistlab/secret.txt'), "
                 f"os.path.exists({str(klass['home']['a'])!r}), "
                 f"subprocess.run(['grep', '-rlsF', {secret[::-1]!r}[::-1], '/home', '/tmp', '/opt', "
                 "'/srv', '/mnt', '/root', '/var'], capture_output=True, text=True).stdout.strip() "
                 "or '-')")
        reply = kernel_b.execute(probe)
        assert reply.status == "ok", reply.error
        assert reply.outputs[-1]["content"]["text"].split() == ["False", "False", "-"]
    finally:
        kernel_b.close()
    # And a's server, through the proxy, refuses b.
    assert b.server_api("GET", "/contents/mnistlab/secret.txt", user=a.name).status_code == 403


@needs_engine
def test_past_the_memory_cap_only_that_students_kernel_dies(klass):
    from client import KernelDied

    a, b = klass["students"]["a"], klass["students"]["b"]
    kernel_b = b.open_kernel(NOTEBOOK)
    kernel_a = a.open_kernel(NOTEBOOK)
    try:
        assert kernel_b.execute("x = 41").status == "ok"
        with pytest.raises(KernelDied):
            # 1.5 GiB touched page by page, past the 1 GiB cap of a's container.
            kernel_a.execute("import numpy as np; big = np.ones(3 * 2**27)")
        # b's kernel (state kept) and a's server are alive; a's container still runs.
        reply = kernel_b.execute("print(x + 1)")
        assert reply.status == "ok" and reply.outputs[-1]["content"]["text"].strip() == "42"
        assert a.server_api("GET", "/contents/mnistlab").status_code == 200
        assert _container(a.name)["State"]["Running"]
        assert _container(b.name)["State"]["Running"]
    finally:
        kernel_a.close()
        kernel_b.close()


@needs_engine
def test_stopping_the_hub_removes_the_containers_and_keeps_the_files(klass):
    klass["hub"].stop()
    for student in klass["students"].values():
        gone = _podman("container", "exists", f"mnistlab-student-{student.name}", check=False)
        assert gone.returncode == 1
    assert (klass["home"]["a"] / "mnistlab" / "secret.txt").exists()
    assert (klass["home"]["b"] / NOTEBOOK).exists()
