"""Each student's server in a cgroup of its own: memory cap, CPU share, process limit.

JupyterHub's LocalProcessSpawner has the standard `mem_limit` / `cpu_limit` settings but
does not enforce them; SystemdSpawner does (a systemd unit per server), and needs systemd.
This spawner enforces them, plus `pids_limit`, with the kernel's cgroup controllers
(cgroup v2, or the v1 memory/cpu/pids hierarchies where the machine has those): the
server joins its cgroup before it drops to the student's account, so the student's
kernels and every process they start are inside it and cannot leave it. The kernel
enforces the limits: past the memory cap its out-of-memory killer ends a process of that
cgroup only (the largest: the kernel that allocated), past the process limit fork() fails,
and the CPU quota throttles only that student. Nothing here kills anything.

Below the student's cgroup the server runs in ``server/`` and its kernels move themselves
into ``kernels/`` when they start (classroom/jupyter/kernels/python3/launch.py; only that
folder's cgroup.procs belongs to the student), whose process limit leaves the server
SERVER_RESERVE processes of its own: a fork bomb in a notebook stops at the kernels'
limit while the server still answers, so *Shut Down Kernel* works.

Where no cgroup controllers are writable (not root, a container without them) the limits
are not enforced; the hub logs one warning per server.
"""

from __future__ import annotations

import contextlib
import os
import pwd
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Integer, Unicode

ROOT = Path("/sys/fs/cgroup")
CONTROLLERS = ("memory", "cpu", "pids")
PERIOD = 100_000  # µs: the CPU quota's period
SERVER_RESERVE = 32  # processes/threads kept for the server when its kernels hit the limit


def _own_path(controller: str) -> str:
    """This process's cgroup in a v1 hierarchy (the class's cgroups go below it)."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, names, path = line.split(":", 2)
        if controller in names.split(","):
            return path.lstrip("/")
    return ""


def cgroup_version() -> int:
    if (ROOT / "cgroup.controllers").exists():
        return 2
    if all((ROOT / c / "cgroup.procs").exists() for c in CONTROLLERS):
        return 1
    return 0


def class_cgroups(name: str, base: str) -> list[Path]:
    """The cgroup folders of student `name` (one per hierarchy)."""
    version = cgroup_version()
    if version == 2:
        return [ROOT / base / name]
    if version == 1:
        return [ROOT / c / _own_path(c) / base / name for c in CONTROLLERS]
    return []


def _write(path: Path, value: str) -> None:
    path.write_text(value)


def set_up(name: str, base: str, *, memory: int, cpus: float, pids: int, uid: int) -> list[Path]:
    """Create (or update) the student's cgroups with the limits; return their folders."""
    version = cgroup_version()
    folders = class_cgroups(name, base)
    kernels_pids = str(max(pids - SERVER_RESERVE, pids // 2))
    if version == 2:
        enable = "".join(f" +{c}" for c in CONTROLLERS).strip()
        _write(ROOT / "cgroup.subtree_control", enable)
        (ROOT / base).mkdir(exist_ok=True)
        _write(ROOT / base / "cgroup.subtree_control", enable)
        folder = folders[0]
        folder.mkdir(exist_ok=True)
        _write(folder / "memory.max", str(memory))
        if (folder / "memory.swap.max").exists():
            _write(folder / "memory.swap.max", "0")
        _write(folder / "cpu.max", f"{int(cpus * PERIOD)} {PERIOD}")
        _write(folder / "pids.max", str(pids))
        _write(folder / "cgroup.subtree_control", "+pids")
        for part in ("server", "kernels"):
            (folder / part).mkdir(exist_ok=True)
        _write(folder / "kernels" / "pids.max", kernels_pids)
        # v2 moves need write access at the common parent: the student's own folder.
        for procs in (folder, folder / "server", folder / "kernels"):
            os.chown(procs / "cgroup.procs", uid, -1)
    elif version == 1:
        for folder in folders:
            for part in ("server", "kernels"):
                (folder / part).mkdir(parents=True, exist_ok=True)
            os.chown(folder / "kernels" / "cgroup.procs", uid, -1)
        memory_folder, cpu_folder, pids_folder = folders
        _write(memory_folder / "memory.limit_in_bytes", str(memory))
        if (memory_folder / "memory.memsw.limit_in_bytes").exists():
            # no swap past the cap either (where swap accounting is on)
            with contextlib.suppress(OSError):
                _write(memory_folder / "memory.memsw.limit_in_bytes", str(memory))
        _write(cpu_folder / "cpu.cfs_period_us", str(PERIOD))
        _write(cpu_folder / "cpu.cfs_quota_us", str(int(cpus * PERIOD)))
        _write(pids_folder / "pids.max", str(pids))
        _write(pids_folder / "kernels" / "pids.max", kernels_pids)
    return folders


def oom_kills(folder: Path) -> int:
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


class LimitedSpawner(LocalProcessSpawner):
    """LocalProcessSpawner whose `mem_limit`, `cpu_limit` and `pids_limit` are enforced."""

    pids_limit = Integer(256, config=True, help="Processes and threads of one student's server.")
    cgroup_base = Unicode(
        "mnistlab-class", config=True, help="Parent cgroup of the students' cgroups."
    )

    def _limits(self) -> dict:
        return {
            "memory": int(self.mem_limit or 1024**3),
            "cpus": float(self.cpu_limit or 1.0),
            "pids": int(self.pids_limit),
        }

    def get_env(self):
        env = super().get_env()
        folders = class_cgroups(self.user.name, self.cgroup_base)
        env["MNISTLAB_PIDS_LIMIT"] = str(
            max(self.pids_limit - SERVER_RESERVE, self.pids_limit // 2)
        )
        if folders:  # where a kernel moves itself, and finds the OOM count of the student
            env["MNISTLAB_KERNEL_CGROUPS"] = os.pathsep.join(str(f / "kernels") for f in folders)
            env["MNISTLAB_MEMORY_CGROUP"] = str(folders[0])
        return env

    async def start(self):
        self._cgroups = []
        try:
            uid = pwd.getpwnam(self.user.name).pw_uid
            self._cgroups = set_up(self.user.name, self.cgroup_base, uid=uid, **self._limits())
        except OSError as error:
            self.log.warning("Limits for %s not enforced: %s", self.user.name, error)
        if not self._cgroups:
            self.log.warning("Limits for %s not enforced: no writable cgroups", self.user.name)
        return await super().start()

    def make_preexec_fn(self, name):
        drop_privileges = super().make_preexec_fn(name)
        procs = [str(f / "server" / "cgroup.procs") for f in getattr(self, "_cgroups", [])]

        def preexec():
            # Join the cgroups as root, before becoming the student (runs in the child).
            for path in procs:
                fd = os.open(path, os.O_WRONLY)
                try:
                    os.write(fd, str(os.getpid()).encode())
                finally:
                    os.close(fd)
            drop_privileges()

        return preexec

    async def stop(self, now=False):
        await super().stop(now=now)
        for folder in class_cgroups(self.user.name, self.cgroup_base):
            for empty in (folder / "server", folder / "kernels", folder):
                with contextlib.suppress(OSError):
                    empty.rmdir()  # empty once the server and its kernels are gone
