"""스스로 확인하기: the exercise rules of mnistlab.check on right, wrong and oddly-typed answers.

``mnistlab.check`` the attribute is the function; the module with the rules is
reached through importlib.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import numpy as np
import pytest

import mnistlab as ml
from mnistlab.errors import MnistlabError

C = importlib.import_module("mnistlab.check")
HANGUL = re.compile("[가-힣]")

# answers of the wrong kind for almost any exercise: none of them may crash a check
ODD_ANSWERS = [None, {}, {"a": 1}, "zzz", "", [], [[1, 2], [3]], object(), float("nan"),
               float("inf"), True, np.bool_(False), b"5", {1, 2}, (1, "x"), np.array([])]


@pytest.fixture
def registry(monkeypatch):
    """Register throw-away exercises for one test only (the real registry is left as it was)."""
    C._load()

    def add(name, judge, hint="힌트입니다."):
        monkeypatch.setitem(C._REGISTRY, name, C.Exercise(judge, hint))
        return name

    return add


# ------------------------------------------------------------------ integer

@pytest.mark.parametrize("answer", [784, np.int64(784), np.int32(784), 784.0, np.float32(784),
                                    "784", " 784 ", "784.0", np.array(784), np.array([784]),
                                    [784]])
def test_integer_accepts_equivalent_forms(answer):
    assert C.integer(784)(answer) is True


@pytest.mark.parametrize("answer", [783, np.int64(785), "0", -784])
def test_integer_rejects_other_numbers(answer):
    assert C.integer(784)(answer) is False


@pytest.mark.parametrize("answer", [784.5, "7.5", True, None, "칠백", [1, 2], {}, {"n": 784}])
def test_integer_names_the_expected_shape(answer):
    with pytest.raises(C.AnswerShapeError) as e:
        C.integer(784)(answer)
    assert HANGUL.search(str(e.value))


def test_integer_expected_may_be_lazy():
    calls = []

    def expected():
        calls.append(1)
        return np.int64(12)

    judge = C.integer(expected)
    assert calls == []                       # nothing computed at registration time
    assert judge(12) is True and judge(13) is False
    assert len(calls) == 2


# ------------------------------------------------------------------ number

@pytest.mark.parametrize("answer", [0.784, 0.79, 0.775, np.float32(0.784), np.float64(0.78),
                                    "0.78", "0.784", np.array([[0.78]])])
def test_number_within_absolute_tolerance(answer):
    assert C.number(0.784, tol=0.01)(answer) is True


@pytest.mark.parametrize("answer", [0.8, 0.77, 1, "0.7", -0.784])
def test_number_outside_tolerance(answer):
    assert C.number(0.784, tol=0.01)(answer) is False


def test_number_relative_tolerance():
    judge = C.number(60000, tol=0.01, relative=True)
    assert judge(60500) and judge("59,500") and judge(np.int64(60000))
    assert not judge(61000)
    assert not judge(0.6)


def test_number_lazy_expected_and_default_tolerance():
    judge = C.number(lambda: 1 / 3)
    assert judge(0.33) is True                 # default tol 0.01
    assert judge(0.32) is False


@pytest.mark.parametrize("answer", [None, "약 0.8", [0.1, 0.2], {}, False, np.array([0.5, 0.5])])
def test_number_rejects_non_numbers_with_a_shape_message(answer):
    with pytest.raises(C.AnswerShapeError):
        C.number(0.5)(answer)


# ------------------------------------------------------------------ choice

def test_choice_text_ignores_spaces_and_case():
    judge = C.choice("딥러닝", options=["인공지능", "머신러닝", "딥러닝"])
    assert judge("딥러닝") and judge(" 딥 러닝 ")
    assert judge("머신러닝") is False
    en = C.choice("Deep Learning")
    assert en("deeplearning") and en("DEEP learning")
    assert en("machine learning") is False


def test_choice_outside_the_options_explains_what_is_allowed():
    judge = C.choice("딥러닝", options=["인공지능", "머신러닝", "딥러닝"])
    with pytest.raises(C.AnswerShapeError) as e:
        judge("양자컴퓨터")
    assert "인공지능" in str(e.value) and "딥러닝" in str(e.value)


def test_choice_numbers_compare_as_numbers():
    judge = C.choice(3, options=[1, 2, 3])
    assert judge(3) and judge(np.int64(3)) and judge(3.0)
    assert judge(np.int8(2)) is False


def test_choice_several_right_answers():
    judge = C.choice({"a", "b"}, options=["a", "b", "c"])
    assert judge("A") and judge("b") and not judge("c")


# ------------------------------------------------------------------ array

@pytest.mark.parametrize("answer", [[1, 2, 3], (1, 2, 3), np.array([1, 2, 3]),
                                    np.array([1.0, 2.0, 3.0], dtype=np.float32),
                                    [np.int64(1), 2, 3.0000001]])
def test_array_accepts_lists_tuples_and_arrays(answer):
    assert C.array([1, 2, 3])(answer) is True


def test_array_tolerance_and_wrong_values():
    judge = C.array(np.array([0.25, 0.5]), tol=0.01)
    assert judge([0.251, 0.499])
    assert judge([0.3, 0.5]) is False


def test_array_shape_mismatch_names_both_shapes():
    with pytest.raises(C.AnswerShapeError) as e:
        C.array(np.zeros((2, 3)))(np.zeros(6))
    assert "(2, 3)" in str(e.value) and "(6,)" in str(e.value)


@pytest.mark.parametrize("answer", ["1, 2, 3", b"123", {"a": 1}, ["a", "b", "c"], None,
                                    [None, None, None]])
def test_array_rejects_non_numeric_answers(answer):
    with pytest.raises(C.AnswerShapeError):
        C.array([1, 2, 3])(answer)


# ------------------------------------------------------------------ check() and Feedback

def test_placeholder_means_not_answered_yet(registry):
    name = registry("test.int", C.integer(5))
    fb = ml.check(name, ...)
    assert fb.correct is None and not fb
    assert "아직 답하지 않았습니다" in str(fb) and str(fb).startswith("⏳")


def test_right_and_wrong_answers(registry):
    name = registry("test.int", C.integer(5), hint="다섯 손가락을 세어 보세요.")
    right, wrong = ml.check(name, np.int64(5)), ml.check(name, 4)
    assert right.correct is True and bool(right) and str(right).startswith("✅")
    assert wrong.correct is False and not wrong
    assert "다섯 손가락" in wrong.message and str(wrong).startswith("❌")


def test_shape_problems_are_replies_not_exceptions(registry):
    name = registry("test.int", C.integer(5))
    fb = ml.check(name, "다섯")
    assert fb.correct is False and "답의 형태" in fb.message


def test_custom_judge_that_crashes_gives_a_korean_reply(registry):
    def judge(answer):
        return answer["key"] > 0                    # crashes on anything but a dict

    name = registry("test.custom", judge)
    assert ml.check(name, {"key": 1}).correct is True
    assert ml.check(name, {"key": -1}).correct is False
    for odd in ODD_ANSWERS:
        fb = ml.check(name, odd)
        assert fb.correct is False and HANGUL.search(fb.message)


def test_unknown_exercise_is_a_korean_error_listing_the_valid_ids():
    with pytest.raises(MnistlabError, match="연습문제는 없습니다") as e:
        ml.check("02.nothing", 1)
    assert "02.threshold" in str(e.value) and "01.count7" not in str(e.value)
    with pytest.raises(MnistlabError) as e:
        ml.check("99.nothing", 1)
    assert all(i in str(e.value) for i in C.exercises())
    assert isinstance(e.value, KeyError) and str(e.value) == e.value.args[0]  # no extra quotes


@pytest.mark.parametrize("exercise", [["02.threshold"], 2, None])
def test_exercise_id_of_the_wrong_kind_is_a_korean_error(exercise):
    with pytest.raises(MnistlabError, match="연습문제 번호"):
        ml.check(exercise, 1)


@pytest.mark.parametrize("answer", [["아니요"], {"답": "예"}, {"예"}, [["θ0"]]])
def test_unhashable_answer_to_a_choice_gets_a_korean_reply(answer):
    for exercise in ("02.threshold", "02.theta0"):
        fb = ml.check(exercise, answer)
        assert fb.correct is False and HANGUL.search(fb.message)
        assert not fb.message.startswith("힌트:")


@pytest.mark.parametrize("text, same", [("θ₀", "θ0"), ("theta_0", "θ0"), ("$\\theta_0$", "θ0"),
                                        ("Θ0", "θ0"), ("세타 0", "θ0"), (" 아니오 ", "아니요"),
                                        ("No", "아니요"), ("네", "예"), ("θ₁", "θ1")])
def test_normalize_text_gives_one_spelling(text, same):
    assert C.normalize_text(text) == C.normalize_text(same)


def test_normalize_text_keeps_different_answers_apart():
    assert C.normalize_text("θ0") != C.normalize_text("θ1")
    assert C.normalize_text("0.5") != C.normalize_text("5")
    assert C.normalize_text("예") != C.normalize_text("아니요")


@pytest.mark.parametrize("answer", [(784, 10), [784, 10], np.array([784, 10]), "(784, 10)",
                                    "784x10", "784 × 10", (np.int64(784), 10.0)])
def test_shape_accepts_every_spelling(answer):
    assert C.shape((784, 10))(answer) is True


@pytest.mark.parametrize("answer", [(10, 784), (784,), (785, 10), "10x784"])
def test_shape_rejects_other_shapes(answer):
    assert C.shape((784, 10))(answer) is False


@pytest.mark.parametrize("answer", ["모양", 784, np.zeros((2, 2)), {"a": 1}])
def test_shape_explains_the_expected_form(answer):
    with pytest.raises(C.AnswerShapeError):
        C.shape((784, 10))(answer)


@pytest.mark.parametrize("near_miss", [200 / 256, round(200 / 256, 3), 200 / 255 * 0.99, 0.78])
def test_normalize_exercise_rejects_near_miss_methods(near_miss):
    assert ml.check("01.normalize", near_miss).correct is False


def test_feedback_html_escapes_and_colours(registry):
    name = registry("test.int", C.integer(5), hint="<b>굵게</b> 가 아니라 글자 그대로")
    html = ml.check(name, 3)._repr_html_()
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert ml.check(name, 5)._repr_html_() != ml.check(name, ...)._repr_html_()


# ------------------------------------------------------------------ every registered exercise

def test_exercises_are_discovered_for_every_chapter_module():
    ids = C.exercises()
    import pkgutil

    import mnistlab.exercises as pkg

    chapters = {m.name[2:] for m in pkgutil.iter_modules(pkg.__path__) if m.name.startswith("ch")}
    assert chapters, "mnistlab/exercises 에 chNN.py 가 하나도 없습니다"
    for ch in chapters:
        mine = [i for i in ids if i.startswith(ch + ".")]
        assert len(mine) >= 2, f"{ch} 장의 연습문제가 {len(mine)}개뿐입니다"


@pytest.mark.parametrize("exercise", C.exercises())
def test_every_exercise_placeholder_is_not_answered(exercise):
    fb = ml.check(exercise, ...)
    assert fb.correct is None and "아직 답하지 않았습니다" in fb.message


@pytest.mark.parametrize("exercise", C.exercises())
def test_every_exercise_survives_odd_answers(exercise):
    for odd in ODD_ANSWERS:
        fb = ml.check(exercise, odd)
        assert fb.correct is False, f"{exercise}: {odd!r} 가 정답으로 처리되었습니다"
        assert HANGUL.search(fb.message)


@pytest.mark.parametrize("exercise", C.exercises())
def test_every_exercise_has_a_korean_hint(exercise):
    ex = C._REGISTRY[exercise]
    assert HANGUL.search(ex.hint) and HANGUL.search(ex.praise)


# ------------------------------------------------------------------ known answers, in equivalent forms

def _count7() -> int:
    return int(np.count_nonzero(ml.load_mnist("train")[1] == 7))


def _prediction8() -> int:
    """What the shipped network predicts for test image 33 (a 4 it gets wrong; 04.predict)."""
    return int(ml.pretrained_network().predict(ml.normalize(ml.load_mnist("test")[0][33])))


# exercise: (equivalent right answers, a wrong answer of the right kind)
KNOWN = {
    "00.add": ([54_880_000, np.int64(54_880_000), 54880000.0, "54880000", "54,880,000"], 784),
    "00.family": (["딥러닝", " 딥 러닝", "Deep Learning", "deep-learning", "심층 학습"], "머신러닝"),
    "01.normalize": ([200 / 255, np.float32(0.784), "0.784", 0.785], 200 / 256),
    "01.position": ([89, np.int32(89), np.array([89])], 88),
    "01.count7": ([_count7, lambda: np.int64(_count7())], lambda: _count7() + 1),
    "02.theta0": (["θ0", "theta0", "THETA0", "θ₀", "theta_0", "$\\theta_0$", "세타0"], "θ₁"),
    "02.features": ([401, np.int64(401), "401", "401개", "４０１"], 400),
    "02.update": ([0.3, np.float32(0.3), "0.3", "０.３"], 0.7),
    "02.sigmoid0": ([0.5, np.float32(0.5), "0.5"], 0.88),
    "02.threshold": (["아니요", "아니오", "아니 요", "no"], "예"),
    "02.ten_params": ([20410, np.int64(20410), 20410.0, "20,410", "20410개"], 20384),
    "02.argmax": ([7, np.int64(7), "7"], 5),
    "02.theta_shape": ([(784, 26), [784, 26], "(784, 26)", "784×26", "784 x 26", "784*26",
                        "[784, 26]", "784 26", "（７８４, ２６）"], (26, 784)),
    "03.z": ([1.1, np.float64(1.1), "1.1"], 0.6),
    "03.step": ([0, np.int64(0), 0.0], 1),
    "03.bias": ([0.5, "0.5", np.float64(0.5), "０.５"], 2),
    "03.and": ([-3, -4, "-3", "−3", -2.01, np.float64(-3.9)], -2),
    "03.or": ([-1, -2, "-1", -0.01, "-0.5"], 0),
    "04.L": ([4, np.int64(4)], 3),
    "04.params": ([25450, np.int64(25450), "25,450", "25450개"], 25408),
    "04.predict": ([_prediction8, lambda: np.int64(_prediction8())],
                   4),
    "04.argmax": ([6, np.int64(6), "6"], 7),
    "04.shape": ([(10, 100), [10, 100], np.array([10, 100]), "(10, 100)", "10x100", "10 × 100",
                  "10*100"], (100, 10)),
    "04.validation": (["검증", "검증 데이터", "검증데이터", "validation"], "시험"),
    "05.weights": ([30, np.int64(30), "30개"], 784),
    "05.loops": ([8, np.int8(8), "8"], 9),
    "05.zero": (["큰 고리", "큰고리"], "위쪽 고리"),
    "05.xor": ([1, "1", np.int64(1), "１"], 0),
    "05.xor_one": (["아니요", "아니오", "no", "아니"], "예"),
    "06.n0": ([1024, np.uint16(1024), "1024개", "1,024"], 784),
    "06.L": ([1, 1.0, np.int64(1), "1개", "1층"], 2),
    "06.symbol": (["a^[2]_4", "a^{[2]}_{4}", "$a^{[2]}_{4}$", "a[2]4", (2, 4), [2, 4],
                   np.array([2, 4]), "a_4^[2]", "a_{4}^{[2]}", "$a_4^{[2]}$", "a^[２]_４"], "a^[4]_2"),
    "06.last": ([16, np.int64(16), "16번째", "16 번째"], 10),
    "07.none": ([1, "1개", "１", np.int64(1)], 0),
    "07.maps": ([32, "32장", "32개"], 16),
    "07.box": ([20, "20개", "20"], 16),
}


def _value(v):
    return v() if callable(v) else v


@pytest.mark.parametrize("exercise", sorted(KNOWN))
def test_known_answers_in_every_equivalent_form(exercise):
    rights, wrong = KNOWN[exercise]
    for r in rights:
        fb = ml.check(exercise, _value(r))
        assert fb.correct is True, f"{exercise}: {r!r} → {fb}"
    fb = ml.check(exercise, _value(wrong))
    assert fb.correct is False and fb.message.startswith("힌트:")


def test_known_exercises_are_registered():
    assert set(KNOWN) <= set(C.exercises())


@pytest.mark.parametrize("answer", ["a^[2]", "2, 4", "b^[2]_4", 24, (2,), None, "a_4[2]_"])
def test_symbol_exercise_explains_the_expected_form(answer):
    fb = ml.check("06.symbol", answer)
    assert fb.correct is False and not fb.message.startswith("힌트:")


# ------------------------------------------------------------------ the notebooks use them

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CHECK_CALL = re.compile(r"""ml\.check\(\s*["']([0-9]{2}\.[A-Za-z0-9_]+)["']""")


def _cells(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_each_notebook_has_unanswered_exercises_and_a_summary(path):
    cells = _cells(path)
    chapter = path.name[:2]
    ids = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"])
        found = CHECK_CALL.findall(src)
        if not found:
            continue
        ids += found
        assert re.search(r"^answer\s*=\s*\.\.\.", src, re.MULTILINE), \
            f"{path.name}: 답 칸에 ... 이 없습니다"
        shown = json.dumps(cell.get("outputs", []), ensure_ascii=False)
        assert "아직 답하지 않았습니다" in shown, f"{path.name}: {found} 의 출력이 \"아직…\" 이 아닙니다"
    assert len(set(ids)) >= 2, f"{path.name}: 연습문제가 {len(set(ids))}개뿐입니다"
    assert all(i.startswith(chapter + ".") for i in ids), ids
    assert set(ids) <= set(C.exercises()), set(ids) - set(C.exercises())
    headings = [line for c in cells if c["cell_type"] == "markdown"
                for line in "".join(c["source"]).splitlines() if line.startswith("#")]
    assert any("정리" in h for h in headings), f"{path.name}: '정리' 절이 없습니다"


def test_every_registered_exercise_is_asked_in_its_notebook():
    asked = {i for path in NOTEBOOKS for cell in _cells(path) if cell["cell_type"] == "code"
             for i in CHECK_CALL.findall("".join(cell["source"]))}
    chapters = {p.name[:2] for p in NOTEBOOKS}
    registered = {i for i in C.exercises() if i[:2] in chapters}
    assert registered <= asked, f"노트북에서 묻지 않는 연습문제: {sorted(registered - asked)}"


@pytest.mark.parametrize("exercise, answer", [("02.theta0", "θ₀"), ("02.theta0", "$\\theta_0$")])
def test_notation_the_notebooks_write_is_accepted(exercise, answer):
    assert ml.check(exercise, answer).correct is True


# ------------------------------------------------------------------ spellings and near misses

@pytest.mark.parametrize("answer", ["785개", "785 개", "７８５", "785.", " 785 "])
def test_integer_accepts_a_unit_suffix_and_fullwidth_digits(answer):
    assert C.integer(785)(answer) is True


@pytest.mark.parametrize("answer", ["784개", "786", "7850"])
def test_integer_with_a_unit_still_rejects_other_numbers(answer):
    assert C.integer(785)(answer) is False


@pytest.mark.parametrize("answer", ["약 785", "785개쯤", "칠백팔십오", "785 또는 784"])
def test_integer_with_other_words_is_a_shape_reply(answer):
    with pytest.raises(C.AnswerShapeError):
        C.integer(785)(answer)


@pytest.mark.parametrize("answer", ["없음", "없다", "없습니다", " 없어요 ", "0개", "하나도 없습니다"])
def test_zero_may_be_said_in_words(answer):
    assert C.integer(0)(answer) is True
    assert C.integer(1)(answer) is False


@pytest.mark.parametrize("answer", ["784 x 10", "784X10", "784*10", "784 * 10", "784 10", "[784, 10]",
                                    "784 by 10", "784행 10열", "７８４×１０", "(784,10)"])
def test_shape_accepts_more_spellings(answer):
    assert C.shape((784, 10))(answer) is True


@pytest.mark.parametrize("answer", ["784 - 10", "784x10 아님", "모양은 784"])
def test_shape_with_other_words_is_a_shape_reply(answer):
    with pytest.raises(C.AnswerShapeError):
        C.shape((784, 10))(answer)


@pytest.mark.parametrize("answer", ["a_2^[4]", "a^[4]_2", (4, 2)])
def test_symbol_in_either_index_order_keeps_layer_and_neuron_apart(answer):
    assert C.symbol(2, 4)(answer) is False


def test_interval_accepts_the_whole_range_and_not_its_open_end():
    judge = C.interval(-2.0, -1.0)
    assert judge(-2) and judge("-1.5") and judge(-1.001)
    assert not judge(-1) and not judge(-2.01) and not judge(1.5)


@pytest.mark.parametrize("answer, name", [("5", None), (None, "없음"), ([1, 2], "목록"),
                                          ({"a": 1}, "사전"), (b"5", "글자")])
def test_replies_name_the_kind_of_answer_in_korean(answer, name):
    fb = ml.check("02.sigmoid0", answer)
    if name is not None:
        assert name in fb.message and "NoneType" not in fb.message and "str" not in fb.message


def test_the_second_xor_network_of_05_computes_xor():
    """05.xor's network (hidden OR and AND, output h1 − h2 − 0.5) is XOR, and its answer at (0, 1)."""
    from mnistlab.gates import INPUTS, perceptron

    out = ml.Neuron(W=[1, -1], b=-0.5, activation="step")
    table = [int(out([perceptron("OR")(list(x)), perceptron("AND")(list(x))])) for x in INPUTS]
    assert table == [0, 1, 1, 0]
    assert ml.check("05.xor", table[INPUTS.index((0, 1))]).correct is True


def test_the_logic_gate_biases_really_make_the_gates():
    """03.and / 03.or: every accepted bias gives the gate's truth table with a step neuron."""
    inputs = [(0, 0), (0, 1), (1, 0), (1, 1)]
    for exercise, gate in (("03.and", lambda p, q: p and q), ("03.or", lambda p, q: p or q)):
        for b in np.linspace(-5, 1, 601):
            table = [int(2 * x1 + 2 * x2 + b >= 0) for x1, x2 in inputs]     # w = (2, 2)
            makes_gate = table == [int(gate(x1, x2)) for x1, x2 in inputs]
            assert ml.check(exercise, float(b)).correct is makes_gate, (exercise, b)


def test_the_registry_is_the_explicit_chapter_list():
    """Every chNN.py is listed in mnistlab.exercises.CHAPTERS (the registry is filled from that
    list, not by scanning the folder), and every listed chapter has exercises."""
    from mnistlab.exercises import CHAPTERS

    folder = Path(C.__file__).parent / "exercises"
    assert sorted(p.stem for p in folder.glob("ch*.py")) == sorted(CHAPTERS)
    ids = C.exercises()
    for chapter in CHAPTERS:
        assert any(i.startswith(chapter[2:] + ".") for i in ids), chapter
    with pytest.raises(MnistlabError, match="두 번"):
        C.register(ids[0], lambda answer: True, "hint")
