"""The Korean NameError is there before any cell runs: in a real kernel, before the setup
cell and after a restart (the two cases the message exists for).

The package installs etc/ipython/ipython_kernel_config.py into the environment (setup.py),
which loads the ``mnistlab.notebook`` extension in every IPython kernel of it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupyter_client
import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = Path(sys.prefix, "etc", "ipython", "ipython_kernel_config.py")


def _run(client, code: str) -> list[dict]:
    """Execute ``code`` and return the iopub messages of that execution (until idle)."""
    msg_id = client.execute(code)
    messages = []
    while True:
        msg = client.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages


def _error(messages) -> dict:
    errors = [m["content"] for m in messages if m["msg_type"] == "error"]
    assert len(errors) == 1, messages
    return errors[0]


def test_the_kernel_configuration_is_installed_with_the_package():
    assert CONFIG.is_file(), f"{CONFIG} 가 없습니다: 'pip install -e .' (또는 make lab) 을 다시 실행하세요"
    assert CONFIG.read_text(encoding="utf-8") == (ROOT / "ipython" / "ipython_kernel_config.py").read_text(
        encoding="utf-8")


@pytest.fixture(scope="module")
def kernel():
    km = jupyter_client.KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(ROOT))
    client = km.client()
    client.start_channels()
    client.wait_for_ready(timeout=120)
    yield km, client
    client.stop_channels()
    km.shutdown_kernel(now=True)


def _assert_korean_name_error(client, name: str) -> None:
    error = _error(_run(client, f"{name}.shape"))
    text = "\n".join(error["traceback"])
    assert error["ename"] == "NameError"
    assert f"아직 없는 이름입니다: {name}" in text and "준비 셀" in text
    assert "Traceback (most recent call last)" not in text and "is not defined" not in text


def test_a_cell_run_before_the_setup_cell_gets_the_korean_message(kernel):
    _, client = kernel
    shown = "".join(m["content"].get("text", "") for m in _run(client, "print('ml' in globals())"))
    assert shown.strip() == "False"                          # the setup cell has not run
    _assert_korean_name_error(client, "X_test")


def test_after_a_restart_the_korean_message_is_still_there(kernel):
    km, client = kernel
    _run(client, "import mnistlab as ml\nX_test = 1")
    km.restart_kernel(now=True)
    client.wait_for_ready(timeout=120)
    _assert_korean_name_error(client, "X_test")
    _assert_korean_name_error(client, "ml")


def test_the_full_traceback_is_one_percent_tb_away(kernel):
    _, client = kernel
    _run(client, "undefined_name_for_tb")
    streams = _run(client, "%tb")
    text = "\n".join(m["content"].get("text", "") + "\n".join(m["content"].get("traceback", []))
                     for m in streams)
    assert "NameError" in text and "undefined_name_for_tb" in text
