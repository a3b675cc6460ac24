"""The new figures of chapters 03 and 04: the numbers they draw, and what a reader sees."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.image import AxesImage

import mnistlab as ml
from mnistlab import draw
from mnistlab.draw.layer_math import column_excerpt, layer_numbers, zoom_numbers
from mnistlab.draw.nervous_system import activation_values, small_change
from mnistlab.draw.network import input_edges


@pytest.fixture(scope="module")
def seven():
    images, _ = ml.load_mnist("test")
    return ml.normalize(images[0])                 # test image 0, a 7


def _texts(fig) -> str:
    return "\n".join(t.get_text() for ax in fig.axes for t in ax.texts) + "\n".join(
        t.get_text() for t in fig.texts) + "\n".join(ax.get_title() for ax in fig.axes)


# ------------------------------------------------------------------ 03

def test_nervous_system_names_the_parts_in_korean():
    fig = draw.nervous_system()
    text = _texts(fig)
    for word in ("가지돌기", "세포체", "축삭돌기", "시냅스", "감각 뉴런", "운동 뉴런", "근육"):
        assert word in text
    plt.close(fig)


def test_a_small_weight_change_moves_a_sigmoid_a_little_and_a_step_all_or_nothing():
    far = small_change(0.3, 0.1, x=1.0, b=-1.0)            # z stays below 0
    near = small_change(0.95, 0.1, x=1.0, b=-1.0)          # z crosses 0
    assert far["step"] == (0.0, 0.0)
    assert near["step"] == (0.0, 1.0)
    for case in (far, near):
        before, after = case["sigmoid"]
        assert 0 < after - before < 0.05


def test_step_is_one_at_zero_in_the_table():
    values = activation_values([-1.0, 0.0, 1.0])
    assert list(values["계단 함수"]) == [0.0, 1.0, 1.0]
    assert values["시그모이드"][1] == pytest.approx(0.5)


def test_activation_table_is_an_html_table_with_one_row_per_function():
    html = draw.activation_table([-2.0, 0.0, 2.0])._repr_html_()
    assert html.startswith("<table>") and html.count("<tr>") == 1 + 4
    assert "시그모이드" in html and "z = -2" in html


def test_step_vs_sigmoid_has_two_panels():
    fig = draw.step_vs_sigmoid()
    assert [ax.get_title() for ax in fig.axes] == ["계단 함수 뉴런", "시그모이드 뉴런"]
    plt.close(fig)


# ------------------------------------------------------------------ 04

def test_column_excerpt_shows_first_inked_and_last_pixels(seven):
    head, middle, tail = column_excerpt(seven)
    seven = seven.reshape(-1)
    assert head == [0, 1, 2, 3] and tail == [781, 782, 783]
    assert middle == list(range(middle[0], middle[0] + 12))
    assert seven[middle].sum() == pytest.approx(
        max(seven[k:k + 12].sum() for k in range(5, 784 - 12 - 4)))


def test_input_column_draws_one_line_per_shown_neuron(seven):
    fig = draw.input_column(seven)
    lines = [c for c in fig.axes[0].collections if isinstance(c, LineCollection)]
    assert len(lines) == 1 and len(lines[0].get_segments()) == 4 + 12 + 3
    plt.close(fig)


def test_zoom_numbers_read_the_bias_as_a_threshold(net, seven):
    d = zoom_numbers(net, seven, i=1)
    assert d["w"].shape == (784,)
    assert d["threshold"] == -d["b"]
    assert d["z"] == pytest.approx(d["weighted_sum"] + d["b"])
    assert d["a"] == pytest.approx(net.forward(seven)[1][0])
    assert d["fires"] == (d["weighted_sum"] >= d["threshold"])


def test_layer_numbers_are_the_forward_pass(net, seven):
    acts = net.forward(seven)
    for l in range(1, net.L + 1):
        d = layer_numbers(net, seven, l)
        assert d["W"].shape == (net.n[l], net.n[l - 1])
        np.testing.assert_allclose(d["a"], acts[l], rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(d["a_prev"], acts[l - 1], rtol=1e-5, atol=1e-6)


def test_layer_product_shows_the_shapes_and_the_chosen_row(net, seven):
    fig = draw.layer_product(net, seven, l=2, row=4)
    text = _texts(fig)
    assert "모양 (16, 16)" in text and "4번째 행" in text
    plt.close(fig)
    with pytest.raises(ValueError):
        draw.layer_product(net, seven, l=2, row=17)


def test_neuron_zoom_shows_weights_image_and_output(net, seven):
    fig = draw.neuron_zoom(net, seven, i=1)
    images = [im for ax in fig.axes for im in ax.get_images()]
    assert len(images) == 3 and all(im.get_array().shape == (28, 28) for im in images)
    assert "−b" in _texts(fig)
    plt.close(fig)


def test_network_diagram_input_lines_start_at_their_pixels_above_the_image(net, seven):
    fig = draw.network_diagram(net, seven)
    ax = fig.axes[0]
    image = next(a for a in ax.get_children() if isinstance(a, AxesImage))
    left, right, bottom, top = image.get_extent()
    triples = input_edges(net, seven.reshape(-1))
    inputs = [c for c in ax.collections if isinstance(c, LineCollection)
              and len(c.get_segments()) == len(triples)]
    assert len(inputs) == 1 and inputs[0].get_zorder() > image.get_zorder()
    starts = np.array([s[0] for s in inputs[0].get_segments()])
    assert np.all((starts[:, 0] > left) & (starts[:, 0] < right))
    assert np.all((starts[:, 1] > bottom) & (starts[:, 1] < top))
    assert all(seven.reshape(-1)[k] > 0 for k, _, _ in triples)   # each starts on an inked pixel
    plt.close(fig)


def test_layer_figures_show_what_a_tanh_network_computes(seven):
    """No sigmoid of the figures' own: a and z are the network's forward pass, whatever its
    activation; a wrong row is a Korean MnistlabError."""
    from mnistlab.errors import MnistlabValueError

    net = ml.Network([784, 6, 5, 3], activation="tanh", seed=1)
    a, z = net.forward(seven, return_z=True)
    d = layer_numbers(net, seven, 2)
    np.testing.assert_array_equal(d["a"], a[2])
    np.testing.assert_array_equal(d["z"], z[2])
    assert d["a"].min() < 0                       # tanh outputs; a sigmoid would be 0..1
    zoom = zoom_numbers(net, seven, i=2)
    assert zoom["a"] == pytest.approx(float(np.tanh(zoom["z"])))
    with pytest.raises(MnistlabValueError, match="row"):
        draw.layer_product(net, seven, l=2, row=6)
