"""A student at the keyboard, in code: log in to the class hub, start a server,
open a notebook and run its cells, move a slider — through the same HTTP,
REST and kernel websocket protocol the browser uses.

Used by tests/classroom and benchmarks/bench_classroom.py; loopback only.
"""

from __future__ import annotations

import json
import os
import signal
import struct
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests
import websocket

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "jupyterhub_config.py"


class Hub:
    """A JupyterHub process started from classroom/jupyterhub_config.py."""

    def __init__(self, state: Path, port: int, *, env: dict[str, str] | None = None,
                 log: Path | None = None):
        self.state, self.port = Path(state), port
        self.url = f"http://127.0.0.1:{port}"
        self.env = {**os.environ, "MNISTLAB_CLASS_STATE": str(state),
                    "MNISTLAB_CLASS_PORT": str(port), **(env or {})}
        self.log = Path(log or Path(state) / "hub.log")
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> Hub:
        self.state.mkdir(parents=True, exist_ok=True)
        # The hub's API and the proxy's API get their own ports next to the public one.
        # Through the supervisor (classroom/server.py run), as `make classroom` does.
        command = [sys.executable, str(HERE / "server.py"), "run", "--",
                   f"--JupyterHub.hub_port={self.port + 1}",
                   f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{self.port + 2}"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(command, cwd=self.state, env=self.env,
                                            stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"hub exited ({self.process.returncode}):\n{self.tail()}")
            try:
                if requests.get(f"{self.url}/hub/health", timeout=2).ok:
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"hub not up after {timeout} s:\n{self.tail()}")

    def stop(self, timeout: float = 60) -> None:
        """SIGTERM, as Ctrl+C: the hub stops the students' servers and the proxy, then exits
        (the supervisor forwards the signal and waits)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def hub_pid(self) -> int | None:
        """The JupyterHub process under the supervisor (from its pid file)."""
        try:
            return int((self.state / "jupyterhub.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def wait_healthy(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/hub/health", timeout=2).ok:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"hub not up after {timeout} s:\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


class LoginFailed(Exception):
    pass


class KernelDied(Exception):
    pass


@dataclass
class Student:
    """A logged-in browser session plus an API token of the same user."""

    hub: str
    name: str
    session: requests.Session
    token: str = ""

    @classmethod
    def login(cls, hub: str, name: str, password: str) -> Student:
        session = requests.Session()
        session.get(f"{hub}/hub/login", timeout=30)
        xsrf = session.cookies.get("_xsrf", path="/hub/")
        reply = session.post(f"{hub}/hub/login?next=", timeout=60, allow_redirects=False,
                             data={"username": name, "password": password, "_xsrf": xsrf})
        if reply.status_code != 302:
            raise LoginFailed(f"{name}: HTTP {reply.status_code}")
        student = cls(hub, name, session)
        xsrf = session.cookies.get("_xsrf", path="/hub/")      # a new one comes with the log-in
        made = session.post(f"{hub}/hub/api/users/{name}/tokens", timeout=60,
                            headers={"X-XSRFToken": xsrf}, json={"note": "classroom client"})
        made.raise_for_status()
        student.token = made.json()["token"]
        return student

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"token {self.token}"}

    def hub_api(self, method: str, path: str, **kw) -> requests.Response:
        return requests.request(method, f"{self.hub}/hub/api{path}", headers=self.headers,
                                timeout=60, **kw)

    def server_api(self, method: str, path: str, *, user: str | None = None,
                   **kw) -> requests.Response:
        """A request to a user's own server (another user's, to check it is refused)."""
        return requests.request(method, f"{self.hub}/user/{user or self.name}/api{path}",
                                headers=self.headers, timeout=60, **kw)

    def start_server(self, timeout: float = 300) -> float:
        """Ask the hub to start this student's server; wait until it answers. Return seconds."""
        t0 = time.monotonic()
        reply = self.hub_api("POST", f"/users/{self.name}/server")
        if reply.status_code not in (201, 202, 400):    # 400: already running
            reply.raise_for_status()
        while time.monotonic() - t0 < timeout:
            server = self.hub_api("GET", f"/users/{self.name}").json()["servers"].get("", {})
            if server.get("ready"):
                return time.monotonic() - t0
            if not server:
                raise RuntimeError(f"{self.name}: the server stopped while starting")
            time.sleep(1)
        raise TimeoutError(f"{self.name}: server not ready after {timeout} s")

    def stop_server(self, timeout: float = 120) -> None:
        self.hub_api("DELETE", f"/users/{self.name}/server")
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            if not self.hub_api("GET", f"/users/{self.name}").json()["servers"]:
                return
            time.sleep(1)
        raise TimeoutError(f"{self.name}: server still running after {timeout} s")

    def read_notebook(self, path: str) -> dict:
        reply = self.server_api("GET", f"/contents/{path}")
        reply.raise_for_status()
        return reply.json()["content"]

    def save_notebook(self, path: str, notebook: dict) -> None:
        self.server_api("PUT", f"/contents/{path}",
                        json={"type": "notebook", "content": notebook}).raise_for_status()

    def open_kernel(self, path: str) -> Kernel:
        """Open a notebook as JupyterLab does: a session (kernel) for its path."""
        reply = self.server_api("POST", "/sessions", json={
            "path": path, "name": Path(path).name, "type": "notebook",
            "kernel": {"name": "python3"}})
        reply.raise_for_status()
        kernel_id = reply.json()["kernel"]["id"]
        url = (f"{self.hub.replace('http', 'ws', 1)}/user/{self.name}/api/kernels/"
               f"{kernel_id}/channels?session_id={uuid.uuid4().hex}")
        return Kernel(websocket.create_connection(url, header=self.headers, timeout=300),
                      kernel_id, self.name)

    def shut_down(self, kernel: Kernel) -> None:
        """Close the notebook's kernel, as *Shut Down Kernel* does."""
        kernel.close()
        self.server_api("DELETE", f"/kernels/{kernel.id}").raise_for_status()


@dataclass
class Reply:
    status: str
    seconds: float
    error: str = ""
    outputs: list = field(default_factory=list)


class Kernel:
    """One kernel's channels over the server's websocket (JSON messages)."""

    def __init__(self, ws: websocket.WebSocket, kernel_id: str, username: str):
        self.ws, self.id, self.username = ws, kernel_id, username
        self.session = uuid.uuid4().hex
        self.sliders: dict[str, dict] = {}          # comm_id -> widget state

    def _send(self, channel: str, msg_type: str, content: dict) -> str:
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "session": self.session,
                       "username": self.username, "version": "5.3",
                       "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
            "parent_header": {}, "metadata": {}, "content": content,
            "channel": channel, "buffers": []}))
        return msg_id

    def _recv(self) -> dict:
        """The next message; one with buffers (a widget's PNG) comes as a binary frame:
        a count n, n offsets, then the JSON message and the buffers (dropped here).
        A kernel that died (the server says 'restarting' or 'dead') raises KernelDied:
        the reply would never come."""
        data = self.ws.recv()
        if isinstance(data, bytes):
            n = struct.unpack("!I", data[:4])[0]
            offsets = (*struct.unpack(f"!{n}I", data[4:4 + 4 * n]), len(data))
            data = data[offsets[0]:offsets[1]]
        message = json.loads(data)
        if message.get("msg_type") == "status" and not message.get("parent_header") and \
                message["content"].get("execution_state") in ("restarting", "dead"):
            raise KernelDied(f"kernel {self.id}: {message['content']['execution_state']}")
        return message

    def _until_done(self, msg_id: str, reply_type: str, t0: float) -> Reply:
        """Read messages until the reply and the idle status for msg_id have both come."""
        reply, idle, outputs = None, False, []
        while reply is None or not idle:
            message = self._recv()
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == reply_type:
                reply = content
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
            elif kind == "comm_open":
                state = content.get("data", {}).get("state", {})
                if state.get("_model_name") in ("IntSliderModel", "FloatSliderModel"):
                    self.sliders[content["comm_id"]] = state
            elif kind in ("stream", "execute_result", "display_data", "error", "comm_msg"):
                outputs.append(message)
        seconds = time.monotonic() - t0
        error = f"{reply.get('ename')}: {reply.get('evalue')}" if reply["status"] == "error" else ""
        return Reply(reply["status"], seconds, error, outputs)

    def execute(self, code: str) -> Reply:
        t0 = time.monotonic()
        msg_id = self._send("shell", "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        return self._until_done(msg_id, "execute_reply", t0)

    def move_slider(self) -> Reply:
        """Set the first slider the notebook showed to another value, as a drag would."""
        comm_id, state = next(iter(self.sliders.items()))
        low, high = state["min"], state["max"]
        value = high if state["value"] != high else low
        t0 = time.monotonic()
        msg_id = self._send("shell", "comm_msg", {
            "comm_id": comm_id,
            "data": {"method": "update", "state": {"value": value}, "buffer_paths": []}})
        # A comm message has no reply of its own; the kernel's idle status ends it.
        idle, outputs = False, []
        while not idle:
            message = self._recv()
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                idle = True
            elif message["msg_type"] in ("comm_msg", "error"):
                outputs.append(message)
        return Reply("ok", time.monotonic() - t0, "", outputs)

    def close(self) -> None:
        self.ws.close()


def code_cells(notebook: dict) -> list[str]:
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in notebook["cells"] if c["cell_type"] == "code"]
