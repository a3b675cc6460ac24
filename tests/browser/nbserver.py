"""A throwaway Jupyter server for the browser tests.

It runs from this project's Python (``sys.executable``), listens on 127.0.0.1 at
a free port with a random token, serves a temporary root directory and keeps
every Jupyter/IPython/matplotlib setting in temporary folders, so nothing from
the user's own set-up leaks into a run (and a run changes nothing of theirs).
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

# JupyterLab / Notebook 7 settings for a predictable page: every cell stays in
# the DOM (no virtual scrolling), no news or update pop-ups.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False,
    },
    # `make lab` makes Korean Lab's default (overrides.json); the tests find menus by
    # their English names, as a learner who chose English would see them.
    "@jupyterlab/translation-extension/plugin.jupyterlab-settings": {"locale": "en"},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterServer:
    """``python -m jupyter lab`` on a free loopback port, with its own state folders."""

    def __init__(self, root: Path, state: Path):
        self.root = Path(root)
        self.state = Path(state)
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log_path = self.state / "server.log"

    # ------------------------------------------------------------ lifecycle
    def env(self) -> dict[str, str]:
        dirs = {
            "HOME": "home", "JUPYTER_CONFIG_DIR": "config", "JUPYTER_DATA_DIR": "data",
            "JUPYTER_RUNTIME_DIR": "runtime", "IPYTHONDIR": "ipython", "MPLCONFIGDIR": "mpl",
            "JUPYTERLAB_SETTINGS_DIR": "config/lab/user-settings",
            "JUPYTERLAB_WORKSPACES_DIR": "config/lab/workspaces",
        }
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
        for key, sub in dirs.items():
            path = self.state / sub
            path.mkdir(parents=True, exist_ok=True)
            env[key] = str(path)
        env["PYTHONUNBUFFERED"] = "1"
        return env

    def write_settings(self) -> None:
        base = self.state / "config" / "lab" / "user-settings"
        for name, values in LAB_SETTINGS.items():
            path = base / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")

    def start(self, timeout: float = 60) -> JupyterServer:
        self.write_settings()
        cmd = [
            sys.executable, "-m", "jupyter", "lab", "--no-browser",
            "--ip", "127.0.0.1", "--port", str(self.port),
            f"--IdentityProvider.token={self.token}", "--allow-root",
            f"--ServerApp.root_dir={self.root}",
            "--ServerApp.port_retries=0",
            "--LabApp.news_url=",
        ]
        self._log = open(self.log_path, "w", encoding="utf-8")  # noqa: SIM115 (lives with the server)
        self.proc = subprocess.Popen(cmd, env=self.env(), cwd=self.root,
                                     stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Jupyter server exited early; log:\n{self.log()}")
            try:
                self.api("GET", "/api/status")
                return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.25)
        raise RuntimeError(f"Jupyter server did not answer in {timeout} s; log:\n{self.log()}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            for s in self.sessions():
                self.api("DELETE", f"/api/sessions/{s['id']}")
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if getattr(self, "_log", None):
            self._log.close()

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    # ------------------------------------------------------------ REST
    def api(self, method: str, path: str):
        sep = "&" if "?" in path else "?"
        req = urllib.request.Request(f"{self.base}{path}{sep}token={self.token}", method=method)
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def sessions(self) -> list[dict]:
        return self.api("GET", "/api/sessions")

    def kernel_state(self, path: str) -> str | None:
        """Execution state of the kernel attached to notebook ``path`` (None: no kernel yet)."""
        for s in self.sessions():
            if s.get("path") == path and s.get("kernel"):
                return s["kernel"].get("execution_state")
        return None

    def shutdown_kernel(self, path: str) -> None:
        for s in self.sessions():
            if s.get("path") == path:
                self.api("DELETE", f"/api/sessions/{s['id']}")

    # ------------------------------------------------------------ URLs
    def lab_url(self, path: str) -> str:
        return f"{self.base}/lab/tree/{path}?token={self.token}&reset"

    def notebook7_url(self, path: str) -> str:
        return f"{self.base}/notebooks/{path}?token={self.token}"
