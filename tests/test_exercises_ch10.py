"""Chapter 10's exercises: the right answer in its usual spellings, wrong ones with a hint."""

from __future__ import annotations

import numpy as np
import pytest

import mnistlab as ml


@pytest.mark.parametrize("exercise, answers", [
    ("10.update", [[1.3, -0.5], (1.3, -0.5), np.array([1.3, -0.5])]),
    ("10.slope", [0.12, "0.12", 0.1200]),
    ("10.passes", [50_900, "50900", "50,900", "50,900번", "50900 번", "5만 900번"]),
    ("10.steps", [1000, "1000", "1,000걸음", "1000번", 1000.0]),
    ("10.diverge", ["가", " 가 ", "'가'"]),
])
def test_right_answers_in_their_usual_spellings(exercise, answers):
    for answer in answers:
        assert ml.check(exercise, answer).correct, (exercise, answer)


@pytest.mark.parametrize("exercise, answer", [
    ("10.update", [1.7, -3.5]),          # added the step instead of subtracting it
    ("10.update", [1.3, 1.0]),
    ("10.slope", 0.24),                  # divided by h, not 2h
    ("10.passes", 25_450),               # the parameters, not the passes
    ("10.passes", "25450개"),
    ("10.steps", 50),
    ("10.diverge", "다"),
    ("10.diverge", "나"),
])
def test_wrong_answers_get_the_hint(exercise, answer):
    reply = ml.check(exercise, answer)
    assert reply.correct is False and "힌트" in reply.message


def test_odd_forms_get_a_korean_reply_not_a_crash():
    assert "형태" in ml.check("10.passes", "많이").message
    assert "가, 나, 다" in ml.check("10.diverge", "라").message
    assert ml.check("10.update", [1.3]).correct is False


def test_the_answers_are_what_the_widget_and_the_network_say():
    from mnistlab.widgets.descent import MARKED, BallExplorer

    b = BallExplorer()
    b.marked.value = MARKED["가"]
    b.run(60)
    assert b.left_map                                   # 가 is the rate that flies off
    net = ml.Network([784, 32, 10])
    assert 2 * net.n_params == 50_900
