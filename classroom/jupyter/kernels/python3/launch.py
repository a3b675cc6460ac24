"""The students' Python kernel on the class server: ipykernel with no TCP port at all.

The server already talks to each kernel over Unix sockets (--KernelManager.transport=ipc),
but ipykernel still opens one TCP port on 127.0.0.1 for the output of forked child
processes (the IOPub pipe), which every other account on the machine can reach (and fill
the student's log with "Bad pipe message" lines). Here that pipe is a Unix socket in the
student's own runtime folder, inside the closed home. Everything else is ipykernel as is.
"""

import os
import sys
import uuid
import warnings

import zmq
from ipykernel import iostream
from jupyter_core.paths import jupyter_runtime_dir
from zmq.eventloop.zmqstream import ZMQStream


def _setup_pipe_in(self):
    """As IOPubThread._setup_pipe_in, bound to ipc:// in the runtime folder instead of TCP."""
    self._pipe_uuid = os.urandom(16)
    pipe_in = self.socket.context.socket(zmq.PULL)
    pipe_in.linger = 0
    folder = jupyter_runtime_dir()
    os.makedirs(folder, mode=0o700, exist_ok=True)
    self._pipe_address = f"ipc://{folder}/pipe-{uuid.uuid4().hex[:12]}"
    try:
        pipe_in.bind(self._pipe_address)
    except zmq.ZMQError as error:
        warnings.warn(
            f"IOPub pipe not bound ({error}): output of subprocesses will be lost", stacklevel=2
        )
        self._pipe_flag = False
        pipe_in.close()
        return
    self._pipe_in = ZMQStream(pipe_in, self.io_loop)
    self._pipe_in.on_recv(self._handle_pipe_msg)


def _setup_pipe_out(self):
    ctx = zmq.Context()
    pipe_out = ctx.socket(zmq.PUSH)
    pipe_out.linger = 3000
    pipe_out.connect(self._pipe_address)
    return ctx, pipe_out


iostream.IOPubThread._setup_pipe_in = _setup_pipe_in
iostream.IOPubThread._setup_pipe_out = _setup_pipe_out

if __name__ == "__main__":
    if sys.path[0] == os.path.dirname(os.path.abspath(__file__)):
        del sys.path[0]  # the kernel's imports as with ipykernel_launcher
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()
