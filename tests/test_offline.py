"""The series works offline: no network at import or run time."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest


def test_the_guard_blocks_outside_connections():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(AssertionError, match="네트워크"):
            s.connect(("203.0.113.1", 80))          # TEST-NET-3: never reached
    finally:
        s.close()


def test_import_load_and_widgets_work_with_sockets_disabled():
    """In a fresh interpreter where creating any internet socket fails."""
    code = """
import socket
class NoNet(socket.socket):
    def __init__(self, family=socket.AF_INET, *a, **k):
        if family in (socket.AF_INET, socket.AF_INET6):
            raise OSError("network disabled for this test")
        super().__init__(family, *a, **k)
socket.socket = NoNet
import matplotlib; matplotlib.use("Agg")
import mnistlab as ml
from mnistlab.widgets import digit_browser
x, y = ml.load_mnist("test")
w = digit_browser(x, y)
w.index.value = 7
print(len(x), ml.check_environment().ok)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["10000", "True"]
