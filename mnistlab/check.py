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
    """Register an exercise: its rule and a hint for a wrong answer (each id once)."""
    if exercise in _REGISTRY:
        raise MnistlabValueError(f"연습문제 '{exercise}' 가 두 번 등록되었습니다: 번호는 하나씩만 쓰세요.")
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
            f"연습문제 번호는 \"02.threshold\"처럼 따옴표 안의 글자로 적어야 합니다 "
            f"(받은 것: {kind(exercise)}). 셀의 ml.check(\"…\", answer)를 확인하세요.")
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
    except Exception:
        return Feedback(exercise, False, "이 답은 채점할 수 없는 형태입니다. 문제가 묻는 형태(숫자, 목록 등)로 적어 주세요.")
    return Feedback(exercise, True, ex.praise) if ok else Feedback(exercise, False, f"힌트: {ex.hint}")


def _load() -> None:
    """Fill the registry once, explicitly: the chapters listed in
    ``mnistlab.exercises.CHAPTERS``, each of which calls :func:`register`."""
    global _loaded
    if _loaded:
        return
    from mnistlab.exercises import CHAPTERS

    for chapter in CHAPTERS:
        importlib.import_module(f"mnistlab.exercises.{chapter}")
    _loaded = True


# ------------------------------------------------------------------ rules

def _value(expected):
    return expected() if callable(expected) else expected


def kind(value) -> str:
    """The Korean name of a value's kind, for replies such as "받은 것: 글자"."""
    if value is None:
        return "없음(None)"
    if isinstance(value, (bool, np.bool_)):
        return "참/거짓"
    if isinstance(value, (str, bytes)):
        return "글자"
    if isinstance(value, numbers.Number):
        return "숫자"
    if isinstance(value, np.ndarray):
        return "배열"
    if isinstance(value, (list, tuple)):
        return "목록"
    if isinstance(value, (set, frozenset)):
        return "집합"
    if isinstance(value, dict):
        return "사전"
    return "그 밖의 값"


# A number written with its unit or counter, as a learner would say it: "785개", "10번째",
# "20 픽셀". Only these words, and only after the number: "약 0.8" stays a shape error.
_UNITS = ("개", "번째", "째", "번", "장", "층", "픽셀", "칸", "행", "열", "차원", "명", "%")
_WITH_UNIT = re.compile(r"([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*(?:"
                        + "|".join(map(re.escape, _UNITS)) + r")?")
# "None of them": a count of zero said in words.
_ZERO_WORDS = {"없음", "없다", "없습니다", "없어요", "하나도없음", "하나도없다", "하나도없습니다",
               "영", "0개", "none", "zero"}


def _as_number(answer) -> float:
    if isinstance(answer, (bool, np.bool_)):
        raise AnswerShapeError("참/거짓(True/False)이 아니라 숫자 하나를 적어 주세요.")
    if isinstance(answer, numbers.Number):
        return float(answer)
    a = np.asarray(answer) if not isinstance(answer, str) else None
    if a is not None and a.size == 1 and np.issubdtype(a.dtype, np.number):
        return float(a.reshape(()))
    if isinstance(answer, str):
        t = unicodedata.normalize("NFKC", answer).strip().rstrip(".")   # fullwidth ７８４ → 784
        t = t.replace("\u2212", "-")                 # the minus sign the notebooks print: −1.5
        if re.sub(r"\s", "", t).lower() in _ZERO_WORDS:
            return 0.0
        m = _WITH_UNIT.fullmatch(t)
        if m:
            return float(m.group(1).replace(",", ""))
    raise AnswerShapeError(f"숫자 하나를 적어 주세요 (받은 것: {kind(answer)}).")


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
            t = unicodedata.normalize("NFKC", answer)
            if not re.fullmatch(r"[\s()\[\]]*\d+(?:\.0+)?(?:\s*(?:행|열|개)?\s*(?:[,x×X*·]|by|\s)\s*"
                                r"\d+(?:\.0+)?\s*(?:행|열|개)?)*[\s()\[\],]*", t):
                raise AnswerShapeError("(784, 10)처럼 괄호 안에 숫자들을 적어 주세요. "
                                       "\"784x10\", \"784 × 10\"도 됩니다.")
            answer = [float(p) for p in re.findall(r"\d+(?:\.\d+)?", t)]
        if not isinstance(answer, (tuple, list, np.ndarray)) or \
                (isinstance(answer, np.ndarray) and answer.ndim != 1):
            raise AnswerShapeError("모양은 (행의 수, 열의 수)처럼 괄호 안에 숫자들을 적어 주세요.")
        values = [_as_number(v) for v in answer]
        return values == [float(v) for v in _value(expected)]
    return judge


def array(expected, tol: float = 1e-6) -> Callable[[Any], bool]:
    """A list or array equal to ``expected`` (same shape, values within ``tol``)."""
    def judge(answer):
        if isinstance(answer, (str, bytes, dict)):
            raise AnswerShapeError(f"숫자들의 목록(리스트나 배열)을 적어 주세요 (받은 것: {kind(answer)}).")
        a = np.asarray(answer)
        if not np.issubdtype(a.dtype, np.number):
            raise AnswerShapeError("목록 안에 숫자만 넣어 주세요.")
        e = np.asarray(_value(expected))
        if a.shape != e.shape:
            raise AnswerShapeError(f"모양이 다릅니다: 기대한 모양이 {e.shape}인 목록이어야 합니다 "
                                   f"(받은 모양: {a.shape}).")
        return bool(np.allclose(a.astype(float), e.astype(float), atol=tol, rtol=0))
    return judge


def symbol(l: int, i: int) -> Callable[[Any], bool]:
    """The symbol a^[l]_i, however it is typed.

    "a^[2]_4", "a^{[2]}_{4}", "$a^{[2]}_4$", "a[2]4", the other index order "a_4^[2]" or
    "a_{4}^{[2]}", fullwidth digits, and (l, i) as two numbers all count; "a^[4]_2" does not.
    """
    def judge(answer) -> bool:
        if not isinstance(answer, str) and np.ndim(answer) == 1 and np.size(answer) == 2:
            return [_as_number(v) for v in np.asarray(answer).tolist()] == [l, i]   # (l, i)
        if not isinstance(answer, str):
            raise AnswerShapeError(f'기호를 따옴표 안의 글자로 적어 주세요. 예: "a^[1]_3" (받은 것: {kind(answer)})')
        s = re.sub(r"[\s{}$\\]", "", unicodedata.normalize("NFKC", answer)).lower()
        m = (re.fullmatch(r"a\^?\[(\d+)\]_?(\d+)", s)              # a^[l]_i
             or re.fullmatch(r"a_(\d+)\^\[(\d+)\]", s))             # a_i^[l]
        if m is None:
            raise AnswerShapeError('a^[층]_번호 모양으로 적어 주세요. 예: "a^[1]_3"')
        got = (int(m.group(1)), int(m.group(2)))
        if m.re.pattern.startswith("a_"):
            got = got[::-1]
        return got == (l, i)
    return judge


def interval(low: float, high: float, *, low_closed: bool = True,
             high_closed: bool = False) -> Callable[[Any], bool]:
    """Any number in a range, for questions with many right answers (e.g. a bias from −2 up to −1)."""
    def judge(answer):
        x = _as_number(answer)
        above = x >= low if low_closed else x > low
        below = x <= high if high_closed else x < high
        return above and below
    return judge
