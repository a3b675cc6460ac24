"""In a notebook, mnistlab's failures read as one short Korean message (tests in an IPython shell)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from IPython.core.interactiveshell import InteractiveShell

from mnistlab import notebook
from mnistlab.errors import MnistlabValueError


def plain(text: str) -> str:
    """Terminal text without its colour codes."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.fixture(scope="module")
def shell():
    sh = InteractiveShell.instance()
    assert notebook.install(sh)             # what `import mnistlab` does in a notebook's kernel
    yield sh
    sh.set_custom_exc((), None)


def test_a_name_from_a_skipped_cell_says_in_korean_to_run_the_cells_above(shell, capsys):
    result = shell.run_cell("net.forward(x)")
    out = plain(capsys.readouterr().out)
    assert isinstance(result.error_in_exec, NameError)
    assert "아직 없는 이름입니다: net" in out
    assert "위의 셀" in out and "Run All Above Selected Cell" in out
    assert "Traceback" not in out and "is not defined" not in out


def test_tb_still_shows_the_full_traceback_of_a_name_error(shell, capsys):
    shell.run_cell("def lesson():\n    return missing_thing\nlesson()")
    capsys.readouterr()
    shell.run_cell("%tb")
    full = plain(capsys.readouterr().out)
    assert "Traceback" in full and "lesson()" in full and "missing_thing" in full


def test_a_mnistlab_error_is_one_short_korean_message_without_its_internals(shell, capsys):
    shell.user_ns["MnistlabValueError"] = MnistlabValueError
    result = shell.run_cell(
        "def _deep_inside_mnistlab():\n"
        "    raise MnistlabValueError('편향 b 는 수여야 합니다. 예: b = 0.5')\n"
        "_deep_inside_mnistlab()")
    out = plain(capsys.readouterr().out)
    assert isinstance(result.error_in_exec, MnistlabValueError)
    assert "MnistlabValueError" in out and "편향 b 는 수여야 합니다" in out and "%tb" in out
    assert "_deep_inside_mnistlab" not in out and "Traceback" not in out
    shell.run_cell("%tb")
    full = plain(capsys.readouterr().out)
    assert "_deep_inside_mnistlab" in full and "Traceback" in full


def test_importing_mnistlab_in_ipython_installs_the_korean_messages():
    code = "import mnistlab\nnet"
    run = subprocess.run([sys.executable, "-m", "IPython", "--colors=nocolor", "-c", code],
                         check=False, capture_output=True, text=True, timeout=120)
    assert "아직 없는 이름입니다: net" in run.stdout + run.stderr


def test_outside_ipython_nothing_is_installed():
    assert notebook.install(shell=None) is (notebook.current_shell() is not None)


def test_the_progress_bar_label_stays_on_one_line(monkeypatch):
    import tqdm.auto
    import tqdm.notebook

    monkeypatch.setattr(tqdm.auto, "tqdm", tqdm.notebook.tqdm)
    bar = notebook.progress(total=3, desc="학습")
    label = bar.container.children[0]
    assert "학습" in label.value
    assert label.layout.flex == "0 0 auto"       # never shrinks, so "학습" never breaks
    bar.close()
