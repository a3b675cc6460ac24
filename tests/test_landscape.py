"""mnistlab.landscape: the cost of the shipped network over real weights, its slopes, the shipped grid
(the one slice of chapters 09 and 10).

The numbers are checked against independent computations: an explicit forward pass
written here (loops over layers, the sigmoid as 1 / (1 + e^−z)), central differences
against backpropagation, and the shipped map against a fresh computation at a few points.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from mnistlab import landscape
from mnistlab.errors import MnistlabValueError
from mnistlab.landscape import WeightSlice, load_landscape
from mnistlab.network import Network, pretrained_network


def explicit_cost(W, b, X, y) -> float:
    """Mean cross-entropy of a sigmoid network, written out independently of mnistlab."""
    a = X
    for l in range(1, len(W)):
        a = 1.0 / (1.0 + np.exp(-(a @ W[l].T + b[l])))
    Y = np.eye(a.shape[1])[y]
    p = np.clip(a, 1e-7, 1 - 1e-7)
    return float(np.mean(-(Y * np.log(p) + (1 - Y) * np.log(1 - p)).sum(axis=1)))


@pytest.fixture(scope="module")
def small():
    """The slice on 60 images (fast), the shipped network."""
    X, y = landscape.landscape_data()
    return WeightSlice(X=X[:60], y=y[:60])


def test_the_slice_weights_are_real_weights_of_the_shipped_network(small):
    net = pretrained_network()
    (l1, j1, k1), (l2, j2, k2) = landscape.LANDSCAPE_WEIGHTS
    assert small.center.tolist() == [net.W[l1][j1 - 1, k1 - 1], net.W[l2][j2 - 1, k2 - 1]]


def test_cost_equals_an_explicit_forward_pass_with_the_weights_moved(small):
    net = pretrained_network()
    W = [None] + [w.copy() for w in net.W[1:]]
    (l, j, k), (l2, j2, k2) = small.weights
    W[l][j - 1, k - 1] += 2.5
    W[l2][j2 - 1, k2 - 1] -= 1.0
    expected = explicit_cost(W, net.b, small.X, small.y)
    assert small.cost(small.center + np.array([2.5, -1.0])) == pytest.approx(expected, rel=1e-9)


def test_moving_the_slice_leaves_the_callers_network_alone(small):
    net = pretrained_network()
    before = net.W[3].copy()
    WeightSlice(net, X=small.X, y=small.y).cost(small.center + np.array([5.0, 5.0]))
    assert np.array_equal(net.W[3], before)


@pytest.mark.parametrize("offset", [(0.0, 0.0), (-6.0, 4.0), (8.0, -3.0)])
def test_central_differences_agree_with_backpropagation(small, offset):
    v = small.center + offset
    numerical, backprop = small.numerical_gradient(v), small.gradient(v)
    assert np.allclose(numerical, backprop, rtol=1e-5, atol=1e-9)


def test_the_line_is_the_cost_with_one_weight_moved(small):
    offsets = [-4.0, 0.0, 3.0]
    line = small.line(offsets, which=1)
    assert line.tolist() == pytest.approx([small.cost(small.center + np.array([0.0, d])) for d in offsets])
    assert line[1] == pytest.approx(pretrained_network().loss(small.X, small.y))


def test_grid_rows_follow_the_second_weight(small):
    costs, grads = small.grid([-2.0, 2.0], [-1.0, 0.0, 1.0], gradients=True)
    assert costs.shape == (3, 2) and grads.shape == (3, 2, 2)
    assert costs[2, 0] == pytest.approx(small.cost(small.center + np.array([-2.0, 1.0])))
    assert np.allclose(grads[0, 1], small.gradient(small.center + np.array([2.0, -1.0])))


def test_bad_weights_and_values_get_korean_errors(small):
    with pytest.raises(MnistlabValueError, match="층 번호 l"):
        WeightSlice(weights=[(4, 1, 1), (3, 1, 1)], X=small.X, y=small.y)
    with pytest.raises(MnistlabValueError, match="뉴런"):
        WeightSlice(weights=[(3, 11, 1), (3, 1, 1)], X=small.X, y=small.y)
    with pytest.raises(MnistlabValueError, match="세 정수"):
        WeightSlice(weights=[(3, 1), (3, 1, 1)], X=small.X, y=small.y)
    with pytest.raises(MnistlabValueError, match="같은 가중치"):
        WeightSlice(weights=[(3, 1, 5), (3, 1, 5)], X=small.X, y=small.y)
    with pytest.raises(MnistlabValueError, match="2개"):
        small.cost([1.0, 2.0, 3.0])


def test_every_parameter_is_listed_and_its_numerical_slope_is_right():
    net = Network([5, 4, 3], seed=1)
    rng = np.random.default_rng(0)
    X, y = rng.random((7, 5)), rng.integers(0, 3, 7)
    params = landscape.parameters(net)
    assert len(params) == net.n_params == 5 * 4 + 4 + 4 * 3 + 3
    dW, db = net.gradients(X, y)
    for kind, l, idx in params:
        exact = (dW if kind == "W" else db)[l][idx]
        assert landscape.numerical_partial(net, X, y, (kind, l, idx)) == pytest.approx(
            exact, rel=1e-5, abs=1e-9)
    assert len(landscape.parameters(pretrained_network())) == 13_002


# ------------------------------------------------------------------ the shipped grid

def test_the_shipped_grid_matches_a_fresh_computation_at_a_few_points():
    land = load_landscape()
    n = landscape.LANDSCAPE_STEPS
    assert land.C.shape == (n, n) and land.G.shape == (n, n, 2)
    assert land.offsets[0] == -landscape.LANDSCAPE_SPAN
    assert land.offsets[-1] == pytest.approx(landscape.LANDSCAPE_SPAN)
    assert land.weights == list(landscape.LANDSCAPE_WEIGHTS)
    assert land.images == landscape.LANDSCAPE_IMAGES
    s = WeightSlice()                                     # the same 2,000 images
    assert np.array_equal(s.center, land.center)
    for r, c in [(0, 0), (20, 20), (35, 6), (4, 38)]:
        v = [land.w1[c], land.w2[r]]
        assert land.C[r, c] == pytest.approx(s.cost(v), rel=1e-12)
        assert np.allclose(land.G[r, c], s.gradient(v), rtol=1e-10, atol=1e-15)
    # and the stored gradient is the slope of the cost (central differences, away from the clip)
    v = [land.w1[24], land.w2[16]]
    assert np.allclose(land.G[16, 24], s.numerical_gradient(v), rtol=1e-5, atol=1e-9)


def test_the_grid_is_read_between_grid_points_and_is_nan_outside():
    m = load_landscape()
    step = m.step
    v = [m.w1[10], m.w2[20]]
    assert m.cost(v) == pytest.approx(m.C[20, 10], rel=1e-12)
    assert np.allclose(m.gradient(v), m.G[20, 10], rtol=1e-10)
    mid = np.add(v, [step / 2, 0])
    assert m.cost(mid) == pytest.approx((m.C[20, 10] + m.C[20, 11]) / 2)
    quarter = np.add(v, [0, step / 4])
    assert np.allclose(m.gradient(quarter), 0.75 * m.G[20, 10] + 0.25 * m.G[21, 10])
    assert np.isnan(m.cost(m.hi + 0.1))
    assert np.isnan(m.gradient(m.lo - 0.1)).all()


def test_descending_the_grid_lowers_the_cost_with_a_small_rate():
    m = load_landscape()
    path = m.descend(m.center + np.array([6.0, 6.0]), lr=2.0, steps=40)
    costs = [m.cost(v) for v in path]
    assert all(b < a for a, b in itertools.pairwise(costs))
    with pytest.raises(MnistlabValueError, match="학습률"):
        m.descend(m.center, lr=0, steps=3)
