"""What the chapter-03 and chapter-05 figures draw: activation curves, one neuron's sum,
weight maps and the images a hidden neuron answers most."""

from __future__ import annotations

import numpy as np
import pytest

import mnistlab as ml
from mnistlab import draw
from mnistlab.formulas import ACTIVATIONS


@pytest.fixture(scope="module")
def test_images():
    images, labels = ml.load_mnist("test")
    return ml.normalize(images[:300]), labels[:300]


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_activation_functions_draw_each_function():
    fig = draw.activation_functions()
    for ax, name in zip(fig.axes, ("sigmoid", "step", "tanh", "relu")):
        for line in ax.lines:
            z = np.asarray(line.get_xdata(), float)
            if len(z) > 2:
                np.testing.assert_allclose(line.get_ydata(), ACTIVATIONS[name](z))


def test_artificial_neuron_writes_its_weighted_sum_and_output():
    x, W, b = [0.5, 1.0], [1.0, -2.0], 0.3
    fig = draw.artificial_neuron(x, W, b)
    z = 0.5 * 1.0 + 1.0 * -2.0 + 0.3
    text = " ".join(_texts(fig))
    assert f"= {z:.3g}" in text
    assert f"{ml.sigmoid(z):.2f}" in text


def test_neuron_as_model_panels_and_sum(test_images):
    X, _ = test_images
    rng = np.random.default_rng(1)
    W, b = rng.normal(0, 0.3, 784), -0.4
    fig = draw.neuron_as_model(X[0], W, b, digit=5)
    x_panel, w_panel, xw_panel = (ax.images[0].get_array() for ax in fig.axes[:3])
    np.testing.assert_allclose(x_panel, X[0])
    np.testing.assert_allclose(w_panel, W.reshape(28, 28))
    np.testing.assert_allclose(xw_panel, X[0] * W.reshape(28, 28))
    z = float(np.sum(X[0].reshape(-1) * W) + b)
    text = " ".join(_texts(fig))
    assert f"가중합 z = {z:.2f}" in text and f"(z) = {ml.sigmoid(z):.3f}" in text


def test_weight_maps_are_the_weights_on_their_own_symmetric_scale():
    rng = np.random.default_rng(2)
    weights = rng.normal(0, 1, (3, 784)) * np.array([[1], [5], [0.1]])
    fig = draw.weight_maps(weights, ["a", "b", "c"])
    shown = [ax for ax in fig.axes if ax.images]
    assert [ax.get_title() for ax in shown] == ["a", "b", "c"]
    for ax, w in zip(shown, weights):
        np.testing.assert_allclose(ax.images[0].get_array(), w.reshape(28, 28))
        lo, hi = ax.images[0].get_clim()
        assert lo == -hi and hi >= np.abs(w).max() * 0.5


def test_hidden_neurons_show_the_top_images_and_their_activations(test_images):
    X, _ = test_images
    net = ml.pretrained_network()
    fig = draw.hidden_neurons(net, X, l=1, neurons=[3], k=4)
    idx, val = ml.top_images(net, X, l=1, k=4)
    mosaic = fig.axes[0].images[0].get_array()
    texts = _texts(fig)
    step_x, top, gap = 28 + 6, 12, 6
    for c in range(4):
        x0 = (c + 1) * step_x + gap
        np.testing.assert_allclose(mosaic[top:top + 28, x0:x0 + 28, 0],
                                   X[idx[2, c]].reshape(28, 28))
        assert f"{val[2, c]:.2f}" in texts
    assert np.all(np.diff(val[2]) <= 0)                      # the strongest first
    np.testing.assert_allclose(val[2], net.forward(X[idx[2]])[1][:, 2])


def test_pattern_templates_show_each_pattern_and_its_weights():
    tn = ml.template_network()
    fig = draw.pattern_templates(tn)
    n = len(tn.patterns)
    for j, p in enumerate(tn.patterns):
        np.testing.assert_allclose(fig.axes[j].images[0].get_array(), p.drawing)
        np.testing.assert_allclose(fig.axes[n + j].images[0].get_array(), p.weights)
