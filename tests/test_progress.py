"""ml.check writes each judged attempt to the learner's progress file (mnistlab/progress.py)."""

from __future__ import annotations

import json

import mnistlab as ml
from mnistlab import progress
from mnistlab.check import NOT_ANSWERED, Feedback, exercises


def _lines(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_each_checked_answer_is_recorded_and_not_answered_is_not(tmp_path, monkeypatch):
    target = tmp_path / "home" / "progress.jsonl"
    monkeypatch.setenv("MNISTLAB_PROGRESS", str(target))
    exercise = exercises()[0]
    ml.check(exercise, NOT_ANSWERED)
    assert not target.exists()
    feedback = ml.check(exercise, "분명히 틀린 답")
    assert feedback.correct is False
    ml.check(exercise, "또 틀린 답")
    lines = _lines(target)
    assert [(x["exercise"], x["correct"]) for x in lines] == [(exercise, False)] * 2
    assert lines[0]["time"] <= lines[1]["time"]
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_right_answer_is_recorded_as_right(tmp_path, monkeypatch):
    target = tmp_path / "progress.jsonl"
    monkeypatch.setenv("MNISTLAB_PROGRESS", str(target))
    judged = progress.recorded(lambda exercise, answer: Feedback(exercise, answer == 7, "잘했어요"))
    assert judged("01.demo", 7).correct and not judged("01.demo", 3).correct
    assert [x["correct"] for x in _lines(target)] == [True, False]


def test_nothing_is_written_off_the_class_server(tmp_path, monkeypatch):
    monkeypatch.delenv("MNISTLAB_PROGRESS", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert progress.progress_file() is None
    exercise = exercises()[0]
    ml.check(exercise, "틀린 답")
    assert not list(tmp_path.rglob("*.jsonl"))
    monkeypatch.setenv("JUPYTERHUB_USER", "kim")
    assert progress.progress_file() == tmp_path / ".local/share/mnistlab/progress.jsonl"


def test_an_unwritable_progress_file_never_fails_a_check(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("MNISTLAB_PROGRESS", str(blocker / "sub" / "progress.jsonl"))
    exercise = exercises()[0]
    assert ml.check(exercise, "틀린 답").correct is False
