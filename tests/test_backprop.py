"""Chapter 11 (오차역전파법): the numbers mnistlab.backprop reads from Network and the numbers the
figures of mnistlab.draw.backprop draw, against an independent implementation (an explicit
forward pass and the log loss written out here, differentiated by central differences)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

import mnistlab as ml
from mnistlab import backprop as bp
from mnistlab import draw
from mnistlab.errors import MnistlabTypeError, MnistlabValueError

IMAGE = 38          # the notebook's "2"


# ------------------------------------------------------------------ an independent reference

def ref_forward(W, b, x):
    """Explicit forward pass: a^[l]_j = 1 / (1 + exp(−(Σ_k w_jk a_k + b_j)))."""
    a = [np.asarray(x, dtype=float)]
    for l in range(1, len(W)):
        z = np.array([np.dot(W[l][j], a[-1]) + b[l][j] for j in range(len(b[l]))])
        a.append(1.0 / (1.0 + np.exp(-z)))
    return a


def ref_loss(W, b, x, label):
    out = np.clip(ref_forward(W, b, x)[-1], 1e-7, 1 - 1e-7)      # the package's log clip
    y = np.zeros(len(out))
    y[label] = 1.0
    return float(-np.sum(y * np.log(out) + (1 - y) * np.log(1 - out)))


def fd(f, value: float, eps: float = 1e-6) -> float:
    return (f(value + eps) - f(value - eps)) / (2 * eps)


def fd_bias(net, x, label, l, j, eps=1e-6):
    W = [None] + [w.copy() for w in net.W[1:]]
    b = [None] + [v.copy() for v in net.b[1:]]

    def at(v):
        b[l][j] = v
        return ref_loss(W, b, x, label)

    keep = b[l][j]
    g = fd(at, keep, eps)
    b[l][j] = keep
    return g


@pytest.fixture(scope="module")
def small():
    net = ml.Network([6, 5, 4, 3], seed=3)
    x = np.random.default_rng(1).uniform(0, 1, 6)
    return net, x, 1


@pytest.fixture(scope="module")
def real():
    images, labels = ml.load_mnist("test")
    net = ml.pretrained_network()
    return net, ml.flatten(ml.normalize(images[IMAGE])), int(labels[IMAGE])


# ------------------------------------------------------------------ the math

def test_deltas_are_the_finite_difference_slopes_of_the_cost_in_each_bias(small):
    net, x, label = small
    d = bp.deltas(net, x, label)
    for l in range(1, net.L + 1):
        expected = [fd_bias(net, x, label, l, j) for j in range(net.n[l])]
        np.testing.assert_allclose(d[l], expected, atol=1e-8)


def test_output_delta_is_a_minus_y_and_real_hidden_deltas_match_finite_differences(real):
    net, x, label = real
    d = bp.deltas(net, x, label)
    out = ref_forward(net.W, net.b, x)[-1]
    y = np.eye(10)[label]
    np.testing.assert_allclose(d[3], out - y, atol=1e-12)
    for l, j in [(2, 0), (2, 7), (1, 0), (1, 7)]:
        assert d[l][j] == pytest.approx(fd_bias(net, x, label, l, j, 1e-5), abs=1e-7)


def test_activation_wishes_are_minus_the_slope_of_the_cost_in_each_activation(small):
    net, x, label = small
    wishes = bp.activation_wishes(net, x, label)
    a = ref_forward(net.W, net.b, x)
    for l in range(1, net.L):
        for k in range(net.n[l]):
            def cost(v, l=l, k=k):
                act = a[l].copy()
                act[k] = v
                sub = [None] + [net.W[m] for m in range(l + 1, net.L + 1)]
                bs = [None] + [net.b[m] for m in range(l + 1, net.L + 1)]
                return ref_loss(sub, bs, act, label)
            assert wishes[l][k] == pytest.approx(-fd(cost, a[l][k]), abs=1e-8)
    assert wishes[0] is None and wishes[net.L] is None


def test_nudges_are_the_networks_own_numbers(real):
    net, x, label = real
    n = bp.nudges(net, x, label)
    dW, _ = net.gradients(x, label)
    assert n.label == 2 and n.loss == pytest.approx(ref_loss(net.W, net.b, x, label), rel=1e-9)
    for l in range(1, 4):
        np.testing.assert_array_equal(n.dW[l], dW[l])
        np.testing.assert_allclose(n.a[l], ref_forward(net.W, net.b, x)[l], atol=1e-12)
    # equation (3): ∂C/∂w_jk = a_k δ_j
    np.testing.assert_allclose(n.dW[1], np.outer(n.delta[1], x), atol=1e-15)


def test_gradient_check_is_tiny_for_backprop_and_flags_the_planted_bug_by_layer(real):
    net, x, label = real
    right = bp.gradient_check(net, x, label)
    assert len(right.names) == 42 + 60
    assert right.largest < 1e-4
    with bp.planted_bug():
        buggy = bp.gradient_check(net, x, label)
    assert buggy.relative[buggy.layers == 3].max() < 1e-4        # δ[L] has no σ′
    assert buggy.relative[buggy.layers == 2].max() > 0.5
    assert buggy.relative[buggy.layers == 1].max() > 0.5
    again = bp.gradient_check(net, x, label)                      # the bug is gone afterwards
    np.testing.assert_array_equal(again.backprop, right.backprop)


def test_gradient_check_numerical_column_is_a_central_difference_of_the_cost(real):
    net, x, label = real
    r = bp.gradient_check(net, x, label, per_layer=2)
    name = next(nm for nm in r.names if nm.startswith("b[3]"))
    i = r.names.index(name)
    assert r.numerical[i] == pytest.approx(fd_bias(net, x, label, 3, 0, 1e-4), abs=1e-9)


def test_one_neuron_graph_matches_network_gradients_and_finite_differences():
    w, a, b = 0.8, 1.0, -0.5
    g = bp.neuron_graph(w, a, b)

    def cost(w=w, a=a, b=b):
        s = 1 / (1 + np.exp(-(w * a + b)))
        return -np.log(s)

    assert g["C"].value == pytest.approx(cost())
    assert g["w"].grad == pytest.approx(fd(lambda v: cost(w=v), w), abs=1e-8)
    assert g["a"].grad == pytest.approx(fd(lambda v: cost(a=v), a), abs=1e-8)
    assert g["b"].grad == pytest.approx(fd(lambda v: cost(b=v), b), abs=1e-8)
    assert g["z"].grad == pytest.approx(g["s"].value - 1.0)           # σ(z) − y
    dW, db = bp.neuron_network(w, b).gradients([a], [0])
    assert dW[1][0, 0] == pytest.approx(g["w"].grad) and db[1][0] == pytest.approx(g["b"].grad)
    # each backward value is the local derivative times the one on its right
    assert g["w"].grad == pytest.approx(g["p"].grad * a)
    assert g["z"].grad == pytest.approx(g["s"].grad * g["s"].value * (1 - g["s"].value))


def test_one_update_lowers_this_images_loss_and_leaves_the_network_alone(real):
    net, x, label = real
    W1 = net.W[1].copy()
    before, after, moved = bp.one_update(net, x, label, lr=0.5)
    assert before == pytest.approx(ref_loss(net.W, net.b, x, label))
    assert after == pytest.approx(ref_loss(moved.W, moved.b, x, label))
    assert after < before
    np.testing.assert_array_equal(net.W[1], W1)
    np.testing.assert_allclose(moved.W[1], W1 - 0.5 * net.gradients(x, label)[0][1])


def test_mean_abs_deltas_average_the_per_image_deltas(small):
    net, x, _ = small
    X = np.vstack([x, x[::-1]])
    y = [0, 2]
    m = bp.mean_abs_deltas(net, X, y)
    for l in range(1, net.L + 1):
        per = [np.mean(np.abs([fd_bias(net, xi, yi, l, j) for j in range(net.n[l])]))
               for xi, yi in zip(X, y)]
        assert m[l - 1] == pytest.approx(np.mean(per), abs=1e-8)


def test_backprop_source_is_the_method_the_network_runs():
    src = bp.backprop_source()
    assert f"def {bp.BACKPROP_METHOD}(" in src and "delta" in src


def test_bad_inputs_give_korean_errors(real):
    net, x, label = real
    with pytest.raises(MnistlabValueError, match="한 장"):
        bp.deltas(net, np.vstack([x, x]), label)
    with pytest.raises(MnistlabTypeError):
        bp.neuron_graph("크게", 1.0, 0.0)
    with pytest.raises(MnistlabValueError, match="너무 커서"):
        bp.neuron_graph(100.0, 100.0, 100.0)
    with pytest.raises(MnistlabTypeError):
        bp.nudges("신경망", x, label)


# ------------------------------------------------------------------ the figures' numbers

@pytest.fixture(scope="module")
def real_nudges(real):
    net, x, label = real
    return net, x, label, bp.nudges(net, x, label)


def test_output_wishes_bars_are_y_minus_a(real_nudges):
    net, x, label, n = real_nudges
    fig = draw.output_wishes(n)
    out = ref_forward(net.W, net.b, x)[-1]
    bars = [p.get_height() for p in fig.axes[2].patches]
    np.testing.assert_allclose(bars, np.eye(10)[label] - out, atol=1e-12)
    np.testing.assert_allclose([p.get_height() for p in fig.axes[1].patches], out, atol=1e-12)
    plt.close(fig)


def test_three_levers_bars(real_nudges):
    net, x, label, n = real_nudges
    fig = draw.three_levers(net, n)
    a = ref_forward(net.W, net.b, x)
    wish = -fd_bias(net, x, label, 3, label, 1e-5)
    assert fig.axes[0].patches[0].get_height() == pytest.approx(wish, abs=1e-7)
    np.testing.assert_allclose([p.get_height() for p in fig.axes[1].patches], wish * a[2], atol=1e-7)
    np.testing.assert_allclose([p.get_height() for p in fig.axes[2].patches],
                               wish * net.W[3][label], atol=1e-6)
    plt.close(fig)


def test_hidden_wishes_table_and_sums(real_nudges):
    net, x, label, n = real_nudges
    fig = draw.hidden_wishes(net, n)
    out = ref_forward(net.W, net.b, x)[-1]
    table = net.W[3] * (np.eye(10)[label] - out)[:, None]
    np.testing.assert_allclose(fig.axes[0].images[0].get_array(), table, atol=1e-12)
    bars = fig.axes[2].patches
    np.testing.assert_allclose([p.get_height() for p in bars[:16]], table.sum(axis=0), atol=1e-12)
    own = [-fd_bias(net, x, label, 2, k, 1e-5) for k in range(16)]
    np.testing.assert_allclose([p.get_height() for p in bars[16:]], own, atol=1e-7)
    plt.close(fig)


def test_weight_gradient_maps_are_minus_delta_times_the_image(real_nudges):
    net, x, label, n = real_nudges
    from mnistlab.draw.backprop import tile_origin

    fig = draw.weight_gradient_maps(n)
    mosaic = fig.axes[0].images[0].get_array()
    for j in (0, 7, 15):
        r, c = tile_origin(j)
        shown = mosaic[r:r + 28, c:c + 28]
        expected = -fd_bias(net, x, label, 1, j, 1e-5) * x.reshape(28, 28)
        np.testing.assert_allclose(shown, expected, atol=1e-7)
    plt.close(fig)


def test_delta_layers_labels_are_the_deltas(real_nudges):
    net, x, label, n = real_nudges
    fig = draw.delta_layers(n)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert f"{-n.delta[3][label]:+.3f}" in texts
    assert f"{-fd_bias(net, x, label, 3, label, 1e-5):+.3f}" in texts
    plt.close(fig)


def test_gradient_check_figure_plots_both_columns(real):
    net, x, label = real
    r = bp.gradient_check(net, x, label, per_layer=3)
    fig = draw.gradient_check(r)
    points = np.vstack([c.get_offsets() for c in fig.axes[0].collections])
    assert len(points) == len(r.names)
    np.testing.assert_allclose(sorted(points[:, 0]), sorted(r.numerical))
    np.testing.assert_allclose(sorted(points[:, 1]), sorted(r.backprop))
    plt.close(fig)


def test_delta_sizes_lines():
    fig = draw.delta_sizes({"a": [0.1, 0.2, 0.4], "b": [0.01, 0.1]})
    lines = fig.axes[0].lines
    np.testing.assert_allclose(lines[0].get_ydata(), [0.1, 0.2, 0.4])
    np.testing.assert_allclose(lines[1].get_xdata(), [1, 2])
    plt.close(fig)


def test_the_code_the_notebook_points_at_is_in_the_backprop_source():
    """Notebook 11's table (7절) names code fragments of Network's backpropagation: when the
    method is rewritten, this says which rows of the table to update."""
    import json
    import re
    from pathlib import Path

    nb = json.loads((Path(__file__).resolve().parents[1] / "notebooks" /
                     "11_backpropagation.ipynb").read_text(encoding="utf-8"))
    table = next("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"
                 and "코드에서 찾을 것" in "".join(c["source"]))
    fragments = [f for line in table.splitlines() if line.startswith("| ")
                 for f in re.findall(r"`([^`]+)`", line.split("|")[2])]
    assert len(fragments) >= 5
    source = bp.backprop_source()
    missing = [f for f in fragments if f not in source]
    assert not missing, f"노트북 11의 표가 가리키는 코드가 {bp.BACKPROP_METHOD} 에 없습니다: {missing}"
