"""Shared test set-up: a headless matplotlib, figures closed after each test, the shipped
network, and a guard against network use.

The series must work offline, so any attempt by the code under test to open a
connection to a non-loopback address fails the test that made it.
"""

from __future__ import annotations

import ipaddress
import socket

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_local(address) -> bool:
    if isinstance(address, (str, bytes)):          # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded(real):
    def connect(self, address):
        if not _is_local(address):
            raise AssertionError(f"테스트 중 네트워크 연결 시도: {address!r} (mnistlab 은 오프라인으로 동작해야 합니다)")
        return real(self, address)
    return connect


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail any test whose code connects anywhere but this machine."""
    monkeypatch.setattr(socket.socket, "connect", _guarded(_real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded(_real_connect_ex))
    yield


@pytest.fixture(autouse=True)
def close_figures():
    """Close every figure a test made (a module's figures would otherwise pile up)."""
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def net():
    """The shipped 784-16-16-10 network (a fresh copy for each test module)."""
    import mnistlab as ml

    return ml.pretrained_network()


@pytest.fixture
def restore_display():
    """Give back the default screen setting ("normal", 1× widget pictures) and matplotlib's
    sizes after a test that calls ml.set_display, even when the test fails."""
    import mnistlab as ml

    saved = dict(matplotlib.rcParams)
    yield
    ml.set_display("normal")
    matplotlib.rcParams.update(saved)


# ------------------------------------------------------------------ markers by path
_SLOW = {"test_wheel.py", "test_static_export.py"}


def pytest_collection_modifyitems(config, items):
    """browser / classroom by folder, notebook for the notebooks nbval runs (and the wheel's run
    of the series), slow for what builds or executes the whole series."""
    for item in items:
        path = item.path
        parts = set(path.parts)
        if "browser" in parts:
            item.add_marker(pytest.mark.browser)
        if "classroom" in parts:
            item.add_marker(pytest.mark.classroom)
        if path.suffix == ".ipynb" or path.name == "test_wheel.py":
            item.add_marker(pytest.mark.notebook)
        if path.suffix == ".ipynb" or path.name in _SLOW:
            item.add_marker(pytest.mark.slow)
