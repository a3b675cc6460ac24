# JupyterHub for a class on one machine: `make classroom` (as root) runs
#     .venv/bin/python -m jupyterhub -f classroom/jupyterhub_config.py
#
# - Students and teachers are system accounts (PAM log-in) that the teacher
#   creates with `make student NAME=...` / `make teacher NAME=...`; only members
#   of the two groups below may log in, and only teachers are admins.
# - Each student's server runs as that student's own system user, in the
#   student's home (mode 700), with the repository's .venv (mnistlab installed).
# - Before each start the series' notebooks are copied into ~/mnistlab/ as the
#   student: new notebooks are added, a notebook already there is never replaced.
# - All state (database, cookie secret, pid files) lives in one directory, so a
#   restart of the hub keeps every account's log-in and nothing of a student's.
#
# Settings, all from the environment (`make classroom VAR=value` passes them):
#   MNISTLAB_CLASS_IP        address to listen on (127.0.0.1; 0.0.0.0 for a classroom network)
#   MNISTLAB_CLASS_PORT      port of the class address (8000); the teacher's view listens on
#                            127.0.0.1 at this port + 3
#   MNISTLAB_CLASS_IDLE      seconds without activity before a server is stopped (3600)
#   MNISTLAB_CLASS_STATE     the hub's state directory (classroom/state)
#   MNISTLAB_CLASS_STUDENTS  system group of students (mnistlab-students)
#   MNISTLAB_CLASS_TEACHERS  system group of teachers = admins (mnistlab-teachers)
#   MNISTLAB_CLASS_SERIES    folder of the notebooks handed out (notebooks/ of this repository)
#   MNISTLAB_CLASS_MEMORY    memory cap of each student's server and kernels (1G)
#   MNISTLAB_CLASS_CPUS      CPUs each student's server may use at most (1)
#   MNISTLAB_CLASS_PROCESSES processes and threads of each student's server (256)
#   MNISTLAB_CLASS_LOGIN_TRIES    failed log-ins of one account before it waits (5)
#   MNISTLAB_CLASS_ADDRESS_TRIES  failed log-ins from one address before it waits (50)
#   MNISTLAB_CLASS_LOGIN_WINDOW   seconds a failed log-in counts (300)
import json
import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

c = get_config()  # noqa: F821  (provided by JupyterHub when it loads this file)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
VENV_BIN = Path(sys.prefix) / "bin"          # the hub runs from the repository's .venv

IP = os.environ.get("MNISTLAB_CLASS_IP", "127.0.0.1")
PORT = int(os.environ.get("MNISTLAB_CLASS_PORT", "8000"))
IDLE = int(os.environ.get("MNISTLAB_CLASS_IDLE", "3600"))
STATE = Path(os.environ.get("MNISTLAB_CLASS_STATE", HERE / "state")).resolve()
STUDENTS = os.environ.get("MNISTLAB_CLASS_STUDENTS", "mnistlab-students")
TEACHERS = os.environ.get("MNISTLAB_CLASS_TEACHERS", "mnistlab-teachers")
SERIES = Path(os.environ.get("MNISTLAB_CLASS_SERIES", REPO / "notebooks")).resolve()
LOGIN_TRIES = int(os.environ.get("MNISTLAB_CLASS_LOGIN_TRIES", "5"))
ADDRESS_TRIES = int(os.environ.get("MNISTLAB_CLASS_ADDRESS_TRIES", "50"))
LOGIN_WINDOW = float(os.environ.get("MNISTLAB_CLASS_LOGIN_WINDOW", "300"))
sys.path.insert(0, str(HERE))


def _readable_by_everyone(path: Path) -> bool:
    """Can another system user reach `path` (every parent folder o+x, the file o+r)?"""
    for parent in reversed(path.parents):
        if not parent.stat().st_mode & stat.S_IXOTH:
            return False
    return bool(path.stat().st_mode & stat.S_IROTH)


# The students' servers run this .venv's Python as the students: they must reach it,
# the interpreter it links to (not one under /root, e.g. pyenv's), mnistlab and the series.
for needed in (Path(sys.executable).resolve(), Path(os.__file__).resolve(),
               VENV_BIN / "jupyterhub-singleuser", REPO / "mnistlab" / "__init__.py",
               SERIES / "00_getting_started.ipynb"):
    if not _readable_by_everyone(needed):
        sys.exit(f"수업 서버를 시작할 수 없습니다: 학생 계정이 {needed} 를 읽을 수 없습니다. "
                 f"저장소를 모두가 읽을 수 있는 곳(예: /opt/mnistlab)에 두고, 가상환경을 "
                 f"시스템 파이썬으로 다시 만드세요: make clean && make classroom PYTHON=/usr/bin/python3")

STATE.mkdir(mode=0o700, parents=True, exist_ok=True)

# --- the hub and its proxy ---------------------------------------------------
c.JupyterHub.bind_url = f"http://{IP}:{PORT}"
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
# JupyterHub kills the pid in the proxy's pid file at start; after a reboot or a crash
# that pid may belong to an unrelated process, so a pid that is not our proxy is dropped.
_proxy_pid = STATE / "jupyterhub-proxy.pid"
if _proxy_pid.exists():
    from server import is_proxy, read_pid
    if not is_proxy(read_pid(_proxy_pid) or 0):
        _proxy_pid.unlink()
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.JupyterHub.cleanup_servers = True           # stopping the hub stops every student's server

# --- who may log in ----------------------------------------------------------
# Both groups exist from the start (PAM's group check fails on a missing group).
for group in (STUDENTS, TEACHERS):
    subprocess.run(["groupadd", "--force", group], check=True)
c.JupyterHub.authenticator_class = "classauth.ClassAuthenticator"   # PAM with log-in limits
c.PAMAuthenticator.allowed_groups = {STUDENTS, TEACHERS}
c.PAMAuthenticator.admin_groups = {TEACHERS}
c.ClassAuthenticator.account_tries = LOGIN_TRIES
c.ClassAuthenticator.address_tries = ADDRESS_TRIES
c.ClassAuthenticator.window = LOGIN_WINDOW

# --- each student's server ---------------------------------------------------
# Runs as the student's own system user, in a cgroup with the limits (classroom/limits.py).
c.JupyterHub.spawner_class = "limits.LimitedSpawner"
_memory = os.environ.get("MNISTLAB_CLASS_MEMORY", "1G")        # bytes, or with K, M, G, T
c.Spawner.mem_limit = int(_memory) if _memory.isdigit() else _memory
c.Spawner.cpu_limit = float(os.environ.get("MNISTLAB_CLASS_CPUS", "1"))
c.LimitedSpawner.pids_limit = int(os.environ.get("MNISTLAB_CLASS_PROCESSES", "256"))
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/lab/tree/mnistlab"
# JUPYTER_PATH: the students' python3 kernel (classroom/jupyter/kernels/python3) is
# ipykernel with no TCP port at all (its subprocess-output pipe on a Unix socket too).
c.Spawner.environment = {"PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",
                         "JUPYTER_PATH": str(HERE / "jupyter")}
# Kernels talk to their server over Unix sockets in the student's own runtime folder
# (inside the 700 home), not over TCP ports on 127.0.0.1: sixty kernels starting at
# once made random TCP ports collide ("Address already in use"), and nobody else can
# reach a socket in a closed home.
c.Spawner.args = ["--KernelManager.transport=ipc"]
# Thirty servers starting at once on a small machine need more than the default 30 s.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180


async def hand_out_series(spawner):
    """Copy the notebooks into ~/mnistlab/ as the student, never over an existing one."""
    import asyncio
    import pwd

    account = pwd.getpwnam(spawner.user.name)
    os.chmod(account.pw_dir, 0o700)            # no student reads another's home
    copy = await asyncio.create_subprocess_exec(
        sys.executable, str(HERE / "hand_out.py"), str(SERIES), str(Path(account.pw_dir) / "mnistlab"),
        user=account.pw_uid, group=account.pw_gid, extra_groups=[], cwd=account.pw_dir,
        env={"HOME": account.pw_dir, "PATH": "/usr/bin:/bin"},
        stderr=asyncio.subprocess.PIPE)
    _, err = await copy.communicate()
    said = err.decode(errors="replace").strip()
    if said:
        spawner.log.warning("hand_out for %s: %s", spawner.user.name, said)
    if copy.returncode:
        # hand_out.py's last line is a Korean message for the student (shown on the spawn page).
        raise RuntimeError(said.splitlines()[-1] if said else
                           f"노트북을 {account.pw_dir}/mnistlab 에 복사하지 못했습니다.")


c.Spawner.pre_spawn_hook = hand_out_series

# --- idle servers are stopped (files stay in the student's home) -------------
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={IDLE}", f"--cull-every={max(IDLE // 4, 5)}"],
    "cwd": str(STATE),
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]

# --- the teacher's view of the class (classroom/teacher_view.py) -------------
# /services/class-progress/: who solved which exercise, from the students' own progress
# files; only teachers (admins hold access:services) get in through the hub's OAuth.
c.JupyterHub.services.append({
    "name": "class-progress",
    "url": f"http://127.0.0.1:{PORT + 3}",
    "command": [sys.executable, str(HERE / "teacher_view.py")],
    "cwd": str(STATE),
    "oauth_no_confirm": True,
    "display": True,
    "environment": {"MNISTLAB_CLASS_STUDENTS": STUDENTS},
})

# --- accounts.py removes an account from the hub too -------------------------
# (the hub user, every API token and OAuth token of it, so that its log-in cookie and
# tokens open nothing, not even a new account with the same name). Its token and the
# hub's address are in the state folder, readable by root only.
_accounts = STATE / "accounts.json"
if _accounts.exists():
    _accounts_token = json.loads(_accounts.read_text())["token"]
else:
    _accounts_token = secrets.token_hex(32)
_accounts.touch(mode=0o600)
_accounts.write_text(json.dumps({
    "token": _accounts_token,
    "url": f"http://{'127.0.0.1' if IP in ('0.0.0.0', '') else IP}:{PORT}/hub/api"}))
c.JupyterHub.services.append({"name": "accounts", "api_token": _accounts_token})
c.JupyterHub.load_roles.append({
    "name": "accounts", "services": ["accounts"],
    "scopes": ["list:users", "read:users", "delete:users", "admin:servers"],
})

# --- students in containers instead (README "수업 서버", classroom/containers.py) ----
#   MNISTLAB_CLASS_SPAWNER   process (each server as the student's system user; default)
#                            or container (podman + DockerSpawner, image from make classroom-image)
if os.environ.get("MNISTLAB_CLASS_SPAWNER", "process") == "container":
    sys.path.insert(0, str(HERE))
    import containers

    containers.configure(c, state=STATE)
