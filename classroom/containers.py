"""Students' servers in containers: DockerSpawner against podman's Docker-compatible API.

Chosen in classroom/jupyterhub_config.py with MNISTLAB_CLASS_SPAWNER=container (the
default, "process", runs each server as the student's own system user, no engine needed).

- The image is the one `make classroom-image` builds (classroom/image/build.sh) and
  classroom/z2jh/values.yaml names for Kubernetes: localhost/mnistlab-classroom:<version>.
- The student's system home is the container's /home/jovyan, and the container runs as
  the student's uid:gid: the files are the same whichever spawner the class uses, and no
  container sees another student's home.
- Limits are container limits from the same settings as the process-based hub:
  MNISTLAB_CLASS_MEMORY (1G, no swap on top), MNISTLAB_CLASS_CPUS (1),
  MNISTLAB_CLASS_PROCESSES (256); the kernel's OOM killer acts inside one container.
- podman's API service is started by the hub when its socket does not answer
  (`podman system service --time=0`), with `--runtime runc` where crun is missing.

Settings (environment): MNISTLAB_CLASS_IMAGE (the image), MNISTLAB_CLASS_PODMAN_SOCKET
(/run/podman/podman.sock).
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
IMAGE_NAME = "localhost/mnistlab-classroom"
HOME_IN_IMAGE = "/home/jovyan"
VENV_IN_IMAGE = "/opt/mnistlab/venv"


def project_version() -> str:
    """The version in pyproject.toml: the tag build.sh gives the image."""
    for line in (REPO / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("version = "):
            return line.split('"')[1]
    raise RuntimeError("no version in pyproject.toml")


def default_image() -> str:
    return f"{IMAGE_NAME}:{project_version()}"


def limits_from_environment(env=os.environ) -> dict:
    """The per-student limits, read from the same settings as the process-based hub."""
    memory = env.get("MNISTLAB_CLASS_MEMORY", "1G")
    return {"mem_limit": int(memory) if memory.isdigit() else memory,
            "cpu_limit": float(env.get("MNISTLAB_CLASS_CPUS", "1")),
            "pids_limit": int(env.get("MNISTLAB_CLASS_PROCESSES", "256"))}


def _answers(sock: str) -> bool:
    try:
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(2)
            s.connect(sock)
            s.sendall(b"GET /_ping HTTP/1.0\r\n\r\n")
            return b" 200 " in s.recv(64)
    except OSError:
        return False


def podman_command() -> list[str]:
    podman = shutil.which("podman")
    if not podman:
        raise SystemExit("수업 서버를 컨테이너로 시작할 수 없습니다: podman 이 없습니다. "
                         "apt-get install podman runc uidmap 후 다시 시작하거나, "
                         "MNISTLAB_CLASS_SPAWNER=process 로 시작하세요.")
    # podman's default runtime is crun; Debian's podman works with runc when crun is missing.
    return [podman] + ([] if shutil.which("crun") else ["--runtime", "runc"])


def ensure_podman_service(sock: str, state: Path) -> subprocess.Popen | None:
    """Start podman's Docker-compatible API on `sock` unless it answers already; return the
    service started (it outlives the hub, like a system service), None if one was running."""
    if _answers(sock):
        return None
    Path(sock).parent.mkdir(parents=True, exist_ok=True)
    with open(state / "podman-service.log", "ab") as log:
        service = subprocess.Popen(
            [*podman_command(), "system", "service", "--time=0", f"unix://{sock}"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 30
    while not _answers(sock):
        if time.monotonic() > deadline:
            raise SystemExit(f"podman API 가 {sock} 에서 응답하지 않습니다: {state}/podman-service.log 를 보세요.")
        time.sleep(0.2)
    return service


def image_exists(image: str) -> bool:
    found = subprocess.run([*podman_command(), "image", "exists", image], check=False)
    return found.returncode == 0


def bridge_gateway() -> str:
    """The host's address on podman's default network: where containers reach the hub."""
    out = subprocess.run([*podman_command(), "network", "inspect", "podman"],
                         capture_output=True, text=True, check=True).stdout
    net = json.loads(out)[0]
    for subnet in net.get("subnets") or []:              # netavark
        if subnet.get("gateway"):
            return subnet["gateway"]
    for plugin in net.get("plugins") or []:              # CNI (Debian 12's podman 4.3)
        for ranges in plugin.get("ipam", {}).get("ranges", []):
            for r in ranges:
                if r.get("gateway"):
                    return r["gateway"]
    return "10.88.0.1"


def configure(c, *, state: Path, env=os.environ) -> None:
    """Switch the hub's spawner to containers (called from jupyterhub_config.py)."""
    sock = env.get("MNISTLAB_CLASS_PODMAN_SOCKET", "/run/podman/podman.sock")
    image = env.get("MNISTLAB_CLASS_IMAGE", default_image())
    ensure_podman_service(sock, state)
    if not image_exists(image):
        raise SystemExit(f"학생 서버 이미지 {image} 가 없습니다: 먼저 'sudo make classroom-image' 를 "
                         f"실행하세요 (처음 한 번 몇 분).")
    limits = limits_from_environment(env)

    c.JupyterHub.spawner_class = "dockerspawner.DockerSpawner"
    c.DockerSpawner.client_kwargs = {"base_url": f"unix://{sock}"}
    c.DockerSpawner.image = image
    c.DockerSpawner.pull_policy = "never"              # built here, no registry
    c.DockerSpawner.remove = True                      # the files live in the home, not the container
    c.DockerSpawner.name_template = "mnistlab-{prefix}-{username}"
    c.DockerSpawner.prefix = "student"
    # The proxy talks to the container's own address; the containers reach the hub's API
    # on the host's address on podman's network (the API asks for a token on every call).
    c.DockerSpawner.network_name = "podman"            # podman's default network (Docker's "bridge")
    c.DockerSpawner.use_internal_ip = True
    c.JupyterHub.hub_ip = "0.0.0.0"
    c.JupyterHub.hub_connect_ip = bridge_gateway()
    c.DockerSpawner.cmd = [f"{VENV_IN_IMAGE}/bin/jupyterhub-singleuser"]
    c.DockerSpawner.notebook_dir = HOME_IN_IMAGE
    c.DockerSpawner.environment = {"PATH": f"{VENV_IN_IMAGE}/bin:/usr/local/bin:/usr/bin:/bin",
                                   "HOME": HOME_IN_IMAGE, "LANG": "C.UTF-8"}
    c.DockerSpawner.mem_limit = limits["mem_limit"]
    c.DockerSpawner.cpu_limit = limits["cpu_limit"]
    c.DockerSpawner.extra_host_config = {
        "pids_limit": limits["pids_limit"],
        "memswap_limit": limits["mem_limit"],          # no swap past the memory cap
        "security_opt": ["no-new-privileges"],
        "cap_drop": ["ALL"],
        # Explicit limits: podman would raise them to its maxima, which a machine may refuse.
        "ulimits": [{"Name": "nofile", "Soft": 4096, "Hard": 4096},
                    {"Name": "nproc", "Soft": 4096, "Hard": 4096}],
    }

    hand_out = c.Spawner.pre_spawn_hook if "pre_spawn_hook" in c.Spawner else None

    async def mount_the_students_home(spawner):
        """The student's own home as /home/jovyan, the container as the student's uid."""
        if hand_out:
            await hand_out(spawner)
        account = pwd.getpwnam(spawner.user.name)
        spawner.volumes = {account.pw_dir: {"bind": HOME_IN_IMAGE, "mode": "rw"}}
        spawner.extra_create_kwargs = {"user": f"{account.pw_uid}:{account.pw_gid}"}

    c.Spawner.pre_spawn_hook = mount_the_students_home
