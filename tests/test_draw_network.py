"""What the network diagram draws: node shades = activations, lines = weights, the winner."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.patches import Circle

import mnistlab as ml
from mnistlab import draw
from mnistlab.draw.network import _rgb, edges, input_edges
from mnistlab.korean import sign_color


@pytest.fixture(scope="module")
def x():
    images, _ = ml.load_mnist("test")
    return ml.normalize(images[0]).reshape(-1)


def test_node_shades_are_the_activations_and_the_winner_is_the_prediction(net, x):
    fig = draw.network_diagram(net, x)
    ax = fig.axes[0]
    layout = draw.network_positions(net.sizes)
    a = net.forward(x)
    shades = {c.center: c.get_facecolor()[0] for c in ax.patches
              if isinstance(c, Circle) and c.get_fill() and c.get_radius() == layout.radius}
    for l in range(1, net.L + 1):
        for i in range(1, net.n[l] + 1):
            assert shades[layout.pos[(l, i)]] == pytest.approx(a[l][i - 1], abs=1e-9)
    texts = [t.get_text() for t in ax.texts]
    for d in range(10):
        assert f"{a[-1][d]:.2f}" in texts
    assert f"예측: {net.predict(x)}" in texts
    np.testing.assert_allclose(ax.images[0].get_array(), x.reshape(28, 28))


def test_lines_are_every_hidden_weight_with_its_sign(net, x):
    layout = draw.network_positions(net.sizes)
    segs, rgba, widths = edges(net, layout, x, top_k=6)
    n_hidden = sum(net.W[l].size for l in range(2, net.L + 1))
    assert len(segs) == 6 * net.n[1] + n_hidden
    w = np.concatenate([[t[2] for t in input_edges(net, x, 6)]]
                       + [net.W[l].ravel() for l in range(2, net.L + 1)])
    positive = np.all(np.isclose(rgba[:, :3], _rgb(sign_color(1))), axis=1)
    np.testing.assert_array_equal(positive, w >= 0)
    WL = np.abs(net.W[net.L]).ravel()                     # width grows with |w| / max |w| of a layer
    np.testing.assert_allclose(widths[-WL.size:], 0.25 + 2.0 * (WL / WL.max()) ** 1.5)
    fig = draw.network_diagram(net, x)
    drawn = [c for c in fig.axes[0].collections if isinstance(c, LineCollection)]
    assert sum(len(c.get_segments()) for c in drawn) == len(segs)   # hidden lines, then input lines


def test_input_edges_are_the_pixels_that_push_most(net, x):
    triples = input_edges(net, x, top_k=3)
    assert len(triples) == 3 * net.n[1]
    for k, i, w in triples:
        assert w == net.W[1][i - 1, k]
        push = np.abs(net.W[1][i - 1] * x)
        assert push[k] >= np.sort(push)[-3] - 1e-12


def test_positions_follow_the_lesson_numbering():
    layout = draw.network_positions([784, 16, 16, 10])
    assert len(layout.pos) == 784 + 16 + 16 + 10
    (x1, y_top), (_, y_next) = layout.pos[(1, 1)], layout.pos[(1, 2)]
    assert y_top > y_next                                  # i = 1 is the top neuron
    assert layout.pos[(0, 1)][0] < layout.pos[(0, 28)][0]  # pixels row by row
    assert layout.pos[(0, 1)][1] > layout.pos[(0, 29)][1]
    assert layout.x(2) > x1


def test_layer_names_under_the_diagram(net, x):
    fig = draw.network_diagram(net, x)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert [t for t in texts if t in ("입력층", "은닉층", "출력층")] == ["입력층", "은닉층", "은닉층", "출력층"]


def test_legend_shades_go_from_black_to_white():
    fig = draw.network_legend()
    shades = [c.get_facecolor()[0] for c in fig.axes[0].patches if isinstance(c, Circle)]
    np.testing.assert_allclose(shades, np.linspace(0, 1, 6))
