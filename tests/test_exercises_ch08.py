"""Chapter 08's exercises: right answers in their usual spellings, wrong ones get a hint."""

from __future__ import annotations

import numpy as np
import pytest

import mnistlab as ml
from mnistlab.exercises import ch08

KNOWN = {
    "08.index": ([(2, 13), [2, 13], "2, 13", "[2, 13]", "(2,13)", np.array([2, 13])], (3, 14)),
    "08.hand": ([[0.5, 3.0], (0.5, 3), np.array([0.5, 3.0])], [0.5, -3.0]),
    "08.shape": ([(64, 10), [64, 10], "64x10", "64×10", "(64, 10)"], (10, 64)),
    "08.params": ([25450, np.int64(25450), "25,450", "25450개", "25,450 개"], 13002),
    "08.broadcast": ([(16, 16), "16x16", "(16, 16)"], (1, 16)),
}


@pytest.mark.parametrize("exercise", sorted(KNOWN))
def test_right_answers_in_usual_spellings_and_a_wrong_one(exercise):
    rights, wrong = KNOWN[exercise]
    for answer in rights:
        assert ml.check(exercise, answer).correct is True, (exercise, answer)
    fb = ml.check(exercise, wrong)
    assert fb.correct is False and fb.message.startswith("힌트:")


def test_the_hand_exercise_agrees_with_numpy():
    W, a, b = (np.array(v) for v in (ch08.HAND_W, ch08.HAND_A, ch08.HAND_B))
    assert ml.check("08.hand", W @ a + b).correct is True


def test_the_broadcast_exercise_agrees_with_numpy():
    net = ml.pretrained_network()
    z1 = net.forward(np.zeros((1, 784)), return_z=True)[1][1]
    assert ml.check("08.broadcast", (z1 + net.b[1].reshape(-1, 1)).shape).correct is True


def test_the_params_exercise_agrees_with_a_real_network():
    assert ml.check("08.params", ml.Network([784, 32, 10]).n_params).correct is True
