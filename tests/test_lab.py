"""make lab and make update: one Korean line to read, and a learner's work never lost to git pull."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

import lab  # noqa: E402


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd,
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def series(tmp_path):
    """A published series (a bare 'origin') and a learner's clone of it."""
    author = tmp_path / "author"
    (author / "notebooks").mkdir(parents=True)
    (author / "notebooks" / "00_start.ipynb").write_text('{"v": 1}')
    (author / ".gitignore").write_text("my-notebooks/\n")
    _git(tmp_path, "init", "-q", "-b", "main", str(author))
    _git(author, "add", "-A")
    _git(author, "commit", "-qm", "v1")
    _git(tmp_path, "clone", "-q", "--bare", str(author), str(tmp_path / "origin.git"))
    _git(author, "remote", "add", "origin", str(tmp_path / "origin.git"))
    _git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), str(tmp_path / "learner"))
    return author, tmp_path / "learner"


def _publish(author: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (author / "notebooks" / name).write_text(text)
    _git(author, "add", "-A")
    _git(author, "commit", "-qm", "next")
    _git(author, "push", "-q", "origin", "main")


def test_copies_are_made_once_and_never_overwritten(tmp_path):
    originals, copies = tmp_path / "notebooks", tmp_path / "my-notebooks"
    originals.mkdir()
    (originals / "00_a.ipynb").write_text("A")
    assert lab.sync_copies(originals, copies) == (["00_a.ipynb"], [])
    (copies / "00_a.ipynb").write_text("learner's work")
    (originals / "00_a.ipynb").write_text("A, new version")
    (originals / "01_b.ipynb").write_text("B")
    assert lab.sync_copies(originals, copies) == (["01_b.ipynb"], ["00_a.ipynb"])
    assert (copies / "00_a.ipynb").read_text() == "learner's work"


def test_update_keeps_the_work_in_my_notebooks_and_adds_new_chapters(series, capsys):
    author, learner = series
    lab.sync_copies(learner / "notebooks", learner / "my-notebooks")
    (learner / "my-notebooks" / "00_start.ipynb").write_text('{"v": 1, "my": "answers"}')
    _publish(author, {"00_start.ipynb": '{"v": 2}', "01_next.ipynb": '{"new": 1}'})
    assert lab.update(learner, learner / "my-notebooks") == 0
    out = capsys.readouterr().out
    assert "새 노트북: my-notebooks/01_next.ipynb" in out and "원본이 바뀐 노트북: 00_start.ipynb" in out
    assert (learner / "my-notebooks" / "00_start.ipynb").read_text() == '{"v": 1, "my": "answers"}'
    assert (learner / "notebooks" / "00_start.ipynb").read_text() == '{"v": 2}'


def test_work_saved_in_a_tracked_notebook_is_moved_aside_before_the_pull(series, capsys):
    """Where plain `git pull` stops with 'would be overwritten', make update saves and pulls."""
    author, learner = series
    (learner / "notebooks" / "00_start.ipynb").write_text('{"v": 1, "ran": true}')
    _publish(author, {"00_start.ipynb": '{"v": 2}'})
    plain = subprocess.run(["git", "pull", "--ff-only"], cwd=learner, capture_output=True, text=True)
    assert plain.returncode != 0 and "overwritten" in plain.stderr
    assert lab.update(learner, learner / "my-notebooks") == 0
    assert "옮겨 두었습니다: my-notebooks/00_start.ipynb" in capsys.readouterr().out
    assert (learner / "my-notebooks" / "00_start.ipynb").read_text() == '{"v": 1, "ran": true}'
    assert (learner / "notebooks" / "00_start.ipynb").read_text() == '{"v": 2}'


def test_a_failed_pull_says_so_in_korean_and_keeps_everything(series, capsys):
    _, learner = series
    _git(learner, "remote", "set-url", "origin", str(learner.parent / "gone.git"))
    assert lab.update(learner, learner / "my-notebooks") == 1
    assert "받지 못했습니다" in capsys.readouterr().out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_prints_one_korean_line_with_the_address(tmp_path):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, str(REPO / "tools" / "lab.py"), f"--port={port}",
                             f"--root={tmp_path}", "--no-browser", "--allow-root"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("JupyterLab 이 열렸습니다: "), line
        assert f"http://127.0.0.1:{port}/lab?token=" in line
        import urllib.request

        url = line.split(": ", 1)[1].split()[0]
        with urllib.request.urlopen(url, timeout=30) as page:
            assert page.status == 200
    finally:
        proc.terminate()
        rest, _ = proc.communicate(timeout=30)
    assert "[I " not in rest and "LabApp" not in rest and "http://" not in rest, rest
    with socket.socket() as s:                              # Jupyter stopped with the launcher
        assert s.connect_ex(("127.0.0.1", port)) != 0


def test_a_busy_port_gets_a_korean_hint(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        done = subprocess.run([sys.executable, str(REPO / "tools" / "lab.py"), f"--port={port}",
                               f"--root={tmp_path}", "--no-browser"],
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and f"make lab PORT={port + 1}" in done.stdout
