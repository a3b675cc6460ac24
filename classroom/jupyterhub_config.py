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
#   MNISTLAB_CLASS_PORT      port of the class address (8000)
#   MNISTLAB_CLASS_IDLE      seconds without activity before a server is stopped (3600)
#   MNISTLAB_CLASS_STATE     the hub's state directory (classroom/state)
#   MNISTLAB_CLASS_STUDENTS  system group of students (mnistlab-students)
#   MNISTLAB_CLASS_TEACHERS  system group of teachers = admins (mnistlab-teachers)
#   MNISTLAB_CLASS_SERIES    folder of the notebooks handed out (notebooks/ of this repository)
import os
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
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.JupyterHub.cleanup_servers = True           # stopping the hub stops every student's server

# --- who may log in ----------------------------------------------------------
# Both groups exist from the start (PAM's group check fails on a missing group).
for group in (STUDENTS, TEACHERS):
    subprocess.run(["groupadd", "--force", group], check=True)
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {STUDENTS, TEACHERS}
c.PAMAuthenticator.admin_groups = {TEACHERS}

# --- each student's server ---------------------------------------------------
c.JupyterHub.spawner_class = "localprocess"   # runs as the student's own system user
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/lab/tree/mnistlab"
c.Spawner.environment = {"PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin"}
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
    if copy.returncode:
        raise RuntimeError(f"노트북을 {account.pw_dir}/mnistlab 에 복사하지 못했습니다: {err.decode()}")


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

# --- students in containers instead (README "수업 서버", classroom/containers.py) ----
#   MNISTLAB_CLASS_SPAWNER   process (each server as the student's system user; default)
#                            or container (podman + DockerSpawner, image from make classroom-image)
if os.environ.get("MNISTLAB_CLASS_SPAWNER", "process") == "container":
    sys.path.insert(0, str(HERE))
    import containers

    containers.configure(c, state=STATE)
