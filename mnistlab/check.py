"""스스로 확인하기: self-checked exercises for every notebook.

A notebook cell holds ``answer = ...``; the learner replaces ``...`` and runs
``ml.check("01.pixels", answer)``. The answer is judged by a rule registered
in ``mnistlab/exercises/chNN.py``; the reply is Korean: correct, a hint that
points at the idea (never the answer), or "not answered yet" for ``...``.
"""

from __future__ import annotations

import html
import importlib
import numbers
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from mnistlab.errors import MnistlabValueError

NOT_ANSWERED = ...        # the placeholder the committed notebooks keep


class UnknownExerciseError(MnistlabValueError, KeyError):
    """``check`` was given an exercise name that does not exist."""

    def __str__(self) -> str:          # KeyError would show the message in quotes
        return str(self.args[0])


class AnswerShapeError(Exception):
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


def check(exercise: str, answer: Any) -> Feedback:
    """Judge a learner's answer to ``exercise`` and reply in Korean."""
    _load()
    if not isinstance(exercise, str) or exercise not in _REGISTRY:
        raise UnknownExerciseError(
            f"{exercise!r} 라는 연습문제는 없습니다. 셀의 문제 번호(예: '01.normalize')를 확인하세요.")
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


def choice(expected, options=None) -> Callable[[Any], bool]:
    """One of a few options (text compared without spaces or case; numbers as numbers)."""
    def norm(v):
        if isinstance(v, str):
            return v.replace(" ", "").lower()
        try:
            return _as_number(v)
        except AnswerShapeError:
            return v

    def judge(answer):
        if options is not None and norm(answer) not in {norm(o) for o in options}:
            opts = ", ".join(map(str, options))
            raise AnswerShapeError(f"다음 중 하나로 답해 주세요: {opts}")
        exp = _value(expected)
        exp = exp if isinstance(exp, (set, frozenset, list, tuple)) else [exp]
        return norm(answer) in {norm(e) for e in exp}
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
