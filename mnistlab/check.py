"""스스로 확인하기: self-checked exercises for every notebook.

A notebook cell holds ``answer = ...``; the learner replaces ``...`` and runs
``ml.check("01.pixels", answer)``. The answer is judged by a rule registered
in ``mnistlab/exercises/chNN.py``; the reply is Korean: correct, a hint that
points at the idea (never the answer), or "not answered yet" for ``...``.
"""

from __future__ import annotations

import collections.abc
import html
import importlib
import numbers
import pkgutil
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from mnistlab.errors import MnistlabError, MnistlabTypeError, MnistlabValueError
from mnistlab.progress import recorded

NOT_ANSWERED = ...        # the placeholder the committed notebooks keep


class UnknownExerciseError(MnistlabValueError, KeyError):
    """``check`` was given an exercise id that does not exist (a KeyError too, for old code)."""

    def __str__(self) -> str:          # KeyError would show the message in quotes
        return str(self.args[0])


class AnswerShapeError(MnistlabError):
    """The answer has a form the rule cannot judge (e.g. a word where a number is asked)."""


@dataclass
class Exercise:
    judge: Callable[[Any], bool]
    hint: str
    praise: str = "정답입니다! 잘 하셨어요."


@dataclass
class Feedback:
    """The reply to one answer: ``correct`` is True, False, or None (not answered)."""

    exercise: str
    correct: bool | None
    message: str

    def __bool__(self) -> bool:
        return bool(self.correct)

    def __str__(self) -> str:
        mark = {True: "✅", False: "❌", None: "⏳"}[self.correct]
        return f"{mark} [{self.exercise}] {self.message}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        color = {True: "#e8f5e9", False: "#fff3e0", None: "#eceff1"}[self.correct]
        return (f"<div style='background:{color};padding:6px 10px;border-radius:4px'>"
                f"{html.escape(str(self))}</div>")


_REGISTRY: dict[str, Exercise] = {}
_loaded = False


def register(exercise: str, judge: Callable[[Any], bool], hint: str,
             praise: str = "정답입니다! 잘 하셨어요.") -> None:
    """Register an exercise: its rule and a hint for a wrong answer."""
    _REGISTRY[exercise] = Exercise(judge, hint, praise)


def exercises() -> list[str]:
    """The ids of every registered exercise."""
    _load()
    return sorted(_REGISTRY)


@recorded  # each judged answer also goes to the learner's progress file (mnistlab/progress.py)
def check(exercise: str, answer: Any) -> Feedback:
    """Judge a learner's answer to ``exercise`` and reply in Korean."""
    _load()
    if not isinstance(exercise, str):
        raise MnistlabTypeError(
            f"연습문제 번호는 \"02.threshold\" 처럼 따옴표 안의 글자로 적어야 합니다 "
            f"(받은 것: {type(exercise).__name__}). 셀의 ml.check(\"…\", answer) 를 확인하세요.")
    if exercise not in _REGISTRY:
        chapter = exercise.strip()[:2]
        same = [i for i in sorted(_REGISTRY) if i.startswith(chapter + ".")] or sorted(_REGISTRY)
        raise UnknownExerciseError(
            f"'{exercise}' 라는 연습문제는 없습니다. 셀의 문제 번호를 확인하세요. "
            f"있는 번호: {', '.join(same)}")
    ex = _REGISTRY[exercise]
    if answer is NOT_ANSWERED:
        return Feedback(exercise, None, "아직 답하지 않았습니다. ... 자리에 답을 적고 셀을 다시 실행하세요.")
    try:
        ok = bool(ex.judge(answer))
    except AnswerShapeError as e:
        return Feedback(exercise, False, f"답의 형태를 확인하세요: {e}")
    except Exception:  # noqa: BLE001 — a learner's odd answer must never crash the check
        return Feedback(exercise, False, "이 답은 채점할 수 없는 형태입니다. 문제가 묻는 형태(숫자, 목록 등)로 적어 주세요.")
    return Feedback(exercise, True, ex.praise) if ok else Feedback(exercise, False, f"힌트: {ex.hint}")


def _load() -> None:
    """Import every mnistlab/exercises/chNN.py once (they call :func:`register`)."""
    global _loaded
    if _loaded:
        return
    import mnistlab.exercises as pkg

    for mod in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(f"{pkg.__name__}.{mod.name}")
    _loaded = True


# ------------------------------------------------------------------ rules

def _value(expected):
    return expected() if callable(expected) else expected


def _as_number(answer) -> float:
    if isinstance(answer, (bool, np.bool_)):
        raise AnswerShapeError("참/거짓(True/False)이 아니라 숫자 하나를 적어 주세요.")
    if isinstance(answer, numbers.Number):
        return float(answer)
    a = np.asarray(answer) if not isinstance(answer, str) else None
    if a is not None and a.size == 1 and np.issubdtype(a.dtype, np.number):
        return float(a.reshape(()))
    if isinstance(answer, str):
        try:
            return float(answer.strip().replace(",", ""))
        except ValueError:
            pass
    raise AnswerShapeError(f"숫자 하나를 적어 주세요 (받은 것: {type(answer).__name__}).")


def integer(expected) -> Callable[[Any], bool]:
    """An integer answer; 5, np.int64(5), 5.0 and "5" all count as 5."""
    def judge(answer):
        x = _as_number(answer)
        if x != round(x):
            raise AnswerShapeError("정수(소수점 없는 수)를 적어 주세요.")
        return round(x) == int(_value(expected))
    return judge


def number(expected, tol: float = 1e-2, relative: bool = False) -> Callable[[Any], bool]:
    """A real number within ``tol`` (absolute, or relative when ``relative``)."""
    def judge(answer):
        x, e = _as_number(answer), float(_value(expected))
        return abs(x - e) <= (tol * abs(e) if relative else tol)
    return judge


# Spellings that mean the same answer: the notation the notebooks write (θ₀, $\\theta_0$,
# 세타0), everyday words for yes/no, and the English names of the fields in 00.
_SAME = {"theta": "θ", "세타": "θ", "쎄타": "θ"}
_WORDS = {"네": "예", "yes": "예", "y": "예", "응": "예", "맞다": "예", "그렇다": "예",
          "아니오": "아니요", "아니": "아니요", "no": "아니요", "n": "아니요", "아니다": "아니요",
          "ai": "인공지능", "artificialintelligence": "인공지능", "ml": "머신러닝",
          "machinelearning": "머신러닝", "기계학습": "머신러닝", "dl": "딥러닝", "deeplearning": "딥러닝",
          "심층학습": "딥러닝"}


def normalize_text(text: str) -> str:
    """One spelling for text answers: no spaces, quotes, TeX marks or case; θ₀ = theta_0 = θ0."""
    t = unicodedata.normalize("NFKC", text).lower()      # NFKC: ₀ → 0, full-width → ASCII
    t = re.sub(r"[\s'\"`$\\{}_]", "", t).rstrip(".")
    t = re.sub(r"(?<=[a-z])-(?=[a-z])", "", t)           # deep-learning = deeplearning
    for word, same in _SAME.items():
        t = t.replace(word, same)
    return _WORDS.get(t, t)


def choice(expected, options=None) -> Callable[[Any], bool]:
    """One of a few options (text compared by :func:`normalize_text`; numbers as numbers)."""
    def norm(v):
        if isinstance(v, str):
            return normalize_text(v)
        try:
            return _as_number(v)
        except AnswerShapeError:
            if not isinstance(v, collections.abc.Hashable):
                raise AnswerShapeError("목록이나 사전이 아니라 글자 하나(따옴표 안의 답)로 적어 "
                                       "주세요.") from None
            return v

    def judge(answer):
        exp = _value(expected)
        exp = {norm(e) for e in (exp if isinstance(exp, (set, frozenset, list, tuple)) else [exp])}
        if options is not None and norm(answer) not in {norm(o) for o in options} | exp:
            opts = ", ".join(map(str, options))
            raise AnswerShapeError(f"다음 중 하나로 답해 주세요: {opts}")
        return norm(answer) in exp
    return judge


def shape(expected) -> Callable[[Any], bool]:
    """An array shape such as (784, 10): a tuple, list, array or text like "784x10" or "(784, 10)"."""
    def judge(answer):
        if isinstance(answer, str):
            parts = re.findall(r"-?\d+(?:\.\d+)?", unicodedata.normalize("NFKC", answer))
            if not parts:
                raise AnswerShapeError("(784, 10) 처럼 숫자들의 튜플로 적어 주세요.")
            answer = [float(p) for p in parts]
        if not isinstance(answer, (tuple, list, np.ndarray)) or \
                isinstance(answer, np.ndarray) and answer.ndim != 1:
            raise AnswerShapeError("모양은 (행의 수, 열의 수) 처럼 숫자들의 튜플로 적어 주세요.")
        values = [_as_number(v) for v in answer]
        return values == [float(v) for v in _value(expected)]
    return judge


def array(expected, tol: float = 1e-6) -> Callable[[Any], bool]:
    """A list or array equal to ``expected`` (same shape, values within ``tol``)."""
    def judge(answer):
        if isinstance(answer, (str, bytes, dict)):
            raise AnswerShapeError("숫자들의 목록(리스트나 배열)을 적어 주세요.")
        a = np.asarray(answer)
        if not np.issubdtype(a.dtype, np.number):
            raise AnswerShapeError("목록 안에 숫자만 넣어 주세요.")
        e = np.asarray(_value(expected))
        if a.shape != e.shape:
            raise AnswerShapeError(f"모양이 다릅니다: 기대한 모양 {e.shape} 의 목록이어야 합니다 "
                                   f"(받은 모양: {a.shape}).")
        return bool(np.allclose(a.astype(float), e.astype(float), atol=tol, rtol=0))
    return judge
