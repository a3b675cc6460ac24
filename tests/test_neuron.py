"""인공뉴런: activation functions, the Neuron, its figures and the neuron playground."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import mnistlab as ml
from mnistlab import draw, widgets
from mnistlab.formulas import ACTIVATIONS, activation, relu, sigmoid, step, tanh
from mnistlab.neuron import Neuron


def test_activation_functions_values():
    z = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_allclose(sigmoid(z), 1 / (1 + np.exp(-z)))
    np.testing.assert_array_equal(step(z), [0.0, 1.0, 1.0])
    np.testing.assert_allclose(tanh(z), np.tanh(z))
    np.testing.assert_array_equal(relu(z), [0.0, 0.0, 3.0])
    assert sigmoid(-1000.0) == 0.0 and sigmoid(1000.0) == 1.0      # no overflow warnings
    assert set(ACTIVATIONS) == {"sigmoid", "step", "tanh", "relu"}
    with pytest.raises(ValueError, match="알 수 없는 활성함수"):
        activation("softmax")


def test_neuron_is_weighted_sum_then_activation():
    n = Neuron([2.0, -1.5, 0.7], b=-0.4)
    x = [0.9, 0.2, 0.6]
    z = 2.0 * 0.9 - 1.5 * 0.2 + 0.7 * 0.6 - 0.4
    assert n.weighted_sum(x) == pytest.approx(z)
    assert n(x) == pytest.approx(1 / (1 + np.exp(-z)))
    batch = np.array([x, [0, 0, 0]])
    np.testing.assert_allclose(n(batch), [1 / (1 + np.exp(-z)), 1 / (1 + np.exp(0.4))])
    assert Neuron([1.0], b=-0.5, activation="step")([0.4]) == 0.0
    assert Neuron([1.0], b=-0.5, activation="step")([0.6]) == 1.0


def test_neuron_bad_inputs_give_korean_errors():
    n = Neuron([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="입력의 길이가 가중치 수와 달라요"):
        n([1.0, 2.0])
    with pytest.raises(ValueError, match="NaN"):
        n([1.0, np.nan, 0.0])
    with pytest.raises(ValueError, match="1차원"):
        Neuron([[1.0, 2.0]])
    with pytest.raises(ValueError, match="활성함수"):
        Neuron([1.0], activation="swish")


def test_logistic_model_as_one_neuron_gives_the_same_output():
    """The chapter's claim: a trained logistic model IS an artificial neuron."""
    net = ml.pretrained_network()
    X, _ = ml.load_mnist("test")
    x = ml.flatten(ml.normalize(X[:5]))
    first = Neuron(net.W[1][0], net.b[1][0])             # neuron 1 of layer 1
    np.testing.assert_allclose(first(x), net.forward(x)[1][:, 0])


def test_chapter_03_figures_draw():
    net = ml.pretrained_network()
    X, _ = ml.load_mnist("test")
    figs = [draw.biological_neuron(), draw.learning_connections(),
            draw.artificial_neuron(), draw.artificial_neuron([0.5, 1.0], [1.0, -2.0], 0.3),
            draw.activation_functions(),
            draw.neuron_as_model(ml.normalize(X[0]), net.W[1][0], net.b[1][0])]
    texts = [t.get_text() for t in figs[-1].texts + figs[-1].axes[-1].texts]
    z = float(ml.normalize(X[0]).reshape(-1) @ net.W[1][0] + net.b[1][0])
    assert any(f"가중합 z = {z:.2f}" in t for t in texts)
    for f in figs:
        plt.close(f)


def test_neuron_playground_updates_live():
    w = widgets.neuron_playground()
    before = (w.picture.value, w.formula.value)
    z0, a0 = w.compute()
    w.ws[0].value = -3.0
    z1, a1 = w.compute()
    assert z1 == pytest.approx(z0 + (-3.0 - 2.0) * 0.9)
    assert a1 < a0
    assert w.picture.value != before[0] and w.formula.value != before[1]
    assert f"{z1:.3f}" in w.formula.value
    png = w.picture.value
    w.activation.value = "step"
    assert w.compute()[1] in (0.0, 1.0)
    assert w.picture.value != png
    w.ws[0].value = 2.0                               # back to the start → the same numbers
    w.activation.value = "sigmoid"
    assert w.compute() == (z0, a0) and w.formula.value == before[1]
    assert w.snapshot()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match="입력 수"):
        widgets.neuron_playground(n_inputs=0)


def test_a_bias_that_is_not_a_number_gives_a_korean_error():
    with pytest.raises(TypeError, match="편향 b"):
        ml.Neuron([1.0, 2.0], b="크게")
