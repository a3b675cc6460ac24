"""Each ``ml.check`` attempt, written down in the learner's own home (class server only).

On the class server (JupyterHub sets ``JUPYTERHUB_USER`` in every student's kernel) each
answer checked by :func:`mnistlab.check` adds one line to
``~/.local/share/mnistlab/progress.jsonl`` (readable by the student only, and by the
class server's teacher view, which runs as root): the exercise, right or wrong, and the
time. Nothing leaves the machine, and nothing is written on a learner's own computer
unless ``MNISTLAB_PROGRESS`` names a file. Writing never fails a check.
"""

from __future__ import annotations

import functools
import json
import os
import time
from pathlib import Path

FILE = Path(".local") / "share" / "mnistlab" / "progress.jsonl"


def progress_file() -> Path | None:
    """Where attempts are written: ``MNISTLAB_PROGRESS``, or the home's file on a hub."""
    if os.environ.get("MNISTLAB_PROGRESS"):
        return Path(os.environ["MNISTLAB_PROGRESS"])
    if os.environ.get("JUPYTERHUB_USER"):
        return Path.home() / FILE
    return None


def record(exercise: str, correct: bool) -> None:
    """Append one attempt; silently skipped where it cannot be written."""
    path = progress_file()
    if path is None:
        return
    line = json.dumps({"exercise": exercise, "correct": bool(correct), "time": time.time()})
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        try:
            os.write(fd, (line + "\n").encode())
        finally:
            os.close(fd)
    except OSError:
        pass


def recorded(check):
    """Decorator for :func:`mnistlab.check.check`: records every judged answer."""

    @functools.wraps(check)
    def checked(exercise, answer):
        feedback = check(exercise, answer)
        if feedback.correct is not None:  # "not answered yet" is no attempt
            record(feedback.exercise, feedback.correct)
        return feedback

    return checked
