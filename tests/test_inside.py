"""신경망 안에서 일어나는 일들: top-k images per hidden neuron, the hand-built template network."""

from __future__ import annotations

import numpy as np
import pytest

import mnistlab as ml
from mnistlab import inside
from mnistlab.network import Network


@pytest.fixture(scope="module")
def test_digits():
    X, y = ml.load_mnist("test")
    return ml.normalize(X).reshape(-1, 784), np.asarray(y)


@pytest.fixture(scope="module")
def tn():
    return inside.template_network()


@pytest.fixture(scope="module")
def fired(tn, test_digits):
    """Mean activation of every hidden pattern and detector for each digit 0..9 (all test images)."""
    X, y = test_digits
    a = tn.forward(X)
    hidden = {n: np.array([a[1][y == d, j].mean() for d in range(10)])
              for j, n in enumerate(tn.hidden)}
    detect = {d: np.array([a[2][y == k, j].mean() for k in range(10)])
              for j, d in enumerate(tn.digits)}
    return hidden, detect


# ------------------------------------------------------------------ top-k

def brute_top_k(a: np.ndarray, k: int):
    idx, val = [], []
    for j in range(a.shape[1]):
        order = sorted(range(a.shape[0]), key=lambda r: (-a[r, j], r))[:k]
        idx.append(order)
        val.append([a[r, j] for r in order])
    return np.array(idx), np.array(val)


@pytest.mark.parametrize("N, n, k, seed", [(50, 3, 5, 0), (200, 16, 9, 1), (7, 2, 7, 2), (30, 4, 1, 3)])
def test_top_k_matches_a_brute_force_loop(N, n, k, seed):
    a = np.random.default_rng(seed).random((N, n))
    idx, val = inside.top_k(a, k)
    bidx, bval = brute_top_k(a, k)
    assert idx.shape == (n, k) and val.shape == (n, k)
    assert np.array_equal(idx, bidx)
    assert np.array_equal(val, bval)


def test_top_k_with_ties_returns_the_largest_values():
    a = np.array([[0.5, 1.0], [1.0, 1.0], [0.5, 0.0], [1.0, 1.0], [0.2, 0.3]])
    idx, val = inside.top_k(a, 3)
    assert np.array_equal(val, brute_top_k(a, 3)[1])
    assert np.array_equal(np.take_along_axis(a, idx.T, 0).T, val)     # each index has its value
    assert all(len(set(row)) == 3 for row in idx)


def test_top_images_on_the_trained_network_and_all_test_images(test_digits):
    X, _ = test_digits
    net = ml.pretrained_network()
    idx, val = inside.top_images(net, X, l=1, k=9)
    a, z = net.forward(X, return_z=True)
    # ranked by the weighted sum (no ties at a = 1.0), values are the outputs a
    bidx, _ = brute_top_k(z[1][:, :3], 9)             # brute force is slow: check three neurons
    _, bval = brute_top_k(a[1][:, :3], 9)
    assert np.array_equal(idx[:3], bidx) and np.allclose(val[:3], bval)
    assert idx.shape == (16, 9) and np.all(np.diff(val, axis=1) <= 0)
    assert np.allclose(val, np.take_along_axis(a[1], idx.T, 0).T)
    idx2, _ = inside.top_images(net, X, l=2, k=4)
    assert idx2.shape == (16, 4)
    with pytest.raises(ValueError, match="1 부터 L = 3"):
        inside.top_images(net, X[:5], l=4)


@pytest.mark.parametrize("k", [0, 11, 2.5, True])
def test_top_k_bad_k(k):
    with pytest.raises(ValueError, match=r"k \(이미지 수 10 이하\)"):
        inside.top_k(np.zeros((10, 3)), k)


def test_top_k_wants_a_matrix():
    with pytest.raises(ValueError, match="2차원"):
        inside.top_k(np.zeros(10), 3)


def test_layer_activations_checks_layer_and_inputs(test_digits):
    X, _ = test_digits
    net = Network([784, 16, 16, 10], seed=0)
    with pytest.raises(ValueError, match="1 부터 L = 3"):
        inside.layer_activations(net, X[:5], l=0)
    with pytest.raises(ValueError, match="정규화"):
        inside.layer_activations(net, X[:5] * 255, l=1)


def test_incoming_weights_is_row_i_minus_one():
    net = Network([784, 16, 16, 10], seed=0)
    w = inside.incoming_weights(net, 1, 1)
    assert w.shape == (28, 28) and np.array_equal(w.reshape(-1), net.W[1][0])
    assert np.array_equal(inside.incoming_weights(net, 2, 16), net.W[2][15])
    with pytest.raises(ValueError):
        inside.incoming_weights(net, 1, 17)


# ------------------------------------------------------------------ the hand-built network

def test_template_network_shape(tn):
    assert tn.net.sizes[0] == 784 and tn.net.W[1].shape == (6, 784) and tn.net.W[2].shape == (5, 6)
    assert tn.digits == [0, 1, 7, 8, 9]
    assert len(set(tn.hidden)) == 6


def test_each_pattern_fires_most_on_the_digits_it_was_drawn_for(tn, fired):
    hidden, _ = fired
    for p in tn.patterns:
        m = hidden[p.name]
        own = m[list(p.digits)].mean()
        others = np.delete(m, list(p.digits)).mean()
        assert own > others + 0.2, f"{p.name}: 그린 숫자 {own:.2f}, 나머지 {others:.2f}"


def test_an_eight_lights_both_loops_and_a_one_lights_neither(fired):
    hidden, _ = fired
    up, low = hidden["위쪽 고리"], hidden["아래쪽 고리"]
    assert up[8] > 0.6 and low[8] > 0.6
    assert up[1] < 0.2 and low[1] < 0.2
    assert up[8] == up.max()


def test_a_zero_lights_the_big_ring_and_not_the_bar(fired):
    hidden, _ = fired
    assert hidden["큰 고리"][0] > 0.7 and hidden["큰 고리"].argmax() == 0
    assert hidden["가운데 세로 막대"][0] < 0.1


def test_a_one_lights_the_vertical_bar(fired):
    hidden, _ = fired
    assert hidden["가운데 세로 막대"].argmax() == 1 and hidden["가운데 세로 막대"][1] > 0.6


def test_a_nine_lights_upper_loop_and_right_stroke_more_than_a_six(fired):
    hidden, _ = fired
    assert hidden["위쪽 고리"][9] > 0.6 and hidden["오른쪽 아래 세로 획"][9] > 0.6
    assert hidden["위쪽 고리"][9] > hidden["위쪽 고리"][6] + 0.3
    assert hidden["아래쪽 고리"][6] > hidden["아래쪽 고리"][9] + 0.2


def test_each_detector_fires_most_on_its_digit(tn, fired):
    _, detect = fired
    for d in tn.digits:
        assert detect[d].argmax() == d, f"{d} 검출기: {np.round(detect[d], 2)}"


def test_template_network_reads_its_digits_better_than_chance(tn, test_digits):
    X, y = test_digits
    mine = np.isin(y, tn.digits)
    acc = np.mean(tn.read(X[mine]) == y[mine])
    assert acc > 0.7                      # chance among 5 digits is 0.2
    assert tn.read(X[np.flatnonzero(y == 0)[0]]) in tn.digits


def test_each_pattern_fires_on_its_own_drawing_and_not_on_a_blank_page(tn):
    blank = np.zeros(784)
    for j, p in enumerate(tn.patterns):
        assert p.weights.shape == (28, 28) and p.weights.max() > 0 > p.weights.min()
        assert tn.forward(p.drawing)[1][j] > 0.9, p.name
        assert tn.forward(blank)[1][j] < 0.5, p.name
