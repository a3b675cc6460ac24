"""06.digit: which digit the output neuron a^[3]_4 stands for (a^[3]_i ↔ the digit i − 1)."""

import numpy as np
import pytest

import mnistlab as ml


@pytest.mark.parametrize("answer", [3, np.int64(3), 3.0, "3"])
def test_digit_of_an_output_neuron_accepts_three(answer):
    assert ml.check("06.digit", answer).correct is True


@pytest.mark.parametrize("answer", [4, 2, 10])
def test_digit_of_an_output_neuron_rejects_the_off_by_one_answers(answer):
    fb = ml.check("06.digit", answer)
    assert fb.correct is False and fb.message.startswith("힌트:")
    assert "숫자 3" not in fb.message and "3입니다" not in fb.message    # no give-away


def test_last_exercise_hint_does_not_state_the_answer():
    fb = ml.check("06.last", 9)
    assert fb.correct is False
    assert "10번째" not in fb.message and "10입니다" not in fb.message and "같습니다" not in fb.message
