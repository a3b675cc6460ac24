"""손실 함수 (chapter 09): the loss formulas, the cost C, the weight sweep, the landscape slice
and the numbers the chapter's figures draw, each against an independent implementation
(explicit loops over images and outputs, a forward pass written out with math.exp)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import mnistlab as ml
from mnistlab import draw
from mnistlab import loss as L
from mnistlab.errors import MnistlabError
from mnistlab.formulas import (
    EPS,
    cross_entropy,
    cross_entropy_terms,
    mean_squared_error,
    squared_error_terms,
)
from mnistlab.landscape import (
    LANDSCAPE_IMAGES,
    LANDSCAPE_SPAN,
    LANDSCAPE_STEPS,
    LANDSCAPE_WEIGHTS,
    landscape_data,
    load_landscape,
    loss_landscape,
)


@pytest.fixture(scope="module")
def test_data():
    images, labels = ml.load_mnist("test")
    return ml.normalize(images[:200]).reshape(200, -1), np.asarray(labels[:200])


def loop_forward(net, x) -> list[float]:
    """a^[L] of one image, one neuron at a time: z_j = Σ_k w_jk a_k + b_j, a_j = 1/(1 + e^-z_j)."""
    a = [float(v) for v in x]
    for l in range(1, net.L + 1):
        W, b = net.W[l], net.b[l]
        a = [1.0 / (1.0 + math.exp(-(sum(W[j, k] * a[k] for k in range(len(a))) + b[j])))
             for j in range(len(b))]
    return a


def loop_cross_entropy(a: list[float], label: int) -> float:
    """−Σ log a (the label's output) / log(1 − a) (the others), outputs clipped to [EPS, 1 − EPS]
    as documented (else an output of 1e-12 would count 1e-12, not 1e-7)."""
    a = [min(max(v, EPS), 1.0 - EPS) for v in a]
    return -sum(math.log(v) if i == label else math.log(1.0 - v) for i, v in enumerate(a))


def loop_squared_error(a: list[float], label: int) -> float:
    return 0.5 * sum((v - (1.0 if i == label else 0.0)) ** 2 for i, v in enumerate(a))


# ------------------------------------------------------------ the formulas

def test_terms_are_the_log_loss_and_half_squared_error_once_per_output():
    a = np.array([0.02, 0.05, 0.60, 0.10, 0.01, 0.03, 0.02, 0.30, 0.04, 0.01])
    y = ml.one_hot(2)
    ce, se = cross_entropy_terms(y, a), squared_error_terms(y, a)
    for i in range(10):
        expected = -math.log(a[i]) if i == 2 else -math.log(1 - a[i])
        assert ce[i] == pytest.approx(expected, rel=1e-12)
        assert se[i] == pytest.approx(0.5 * (a[i] - (i == 2)) ** 2, rel=1e-12)
    assert ce.sum() == pytest.approx(1.1559416660971051)
    assert se.sum() == pytest.approx(0.133)


def test_network_loss_is_the_mean_over_images_of_the_per_output_sums(net, test_data):
    X, y = test_data[0][:20], test_data[1][:20]
    per_image = [loop_cross_entropy(loop_forward(net, x), int(d)) for x, d in zip(X, y)]
    assert net.loss(X, y) == pytest.approx(np.mean(per_image), rel=1e-9)
    np.testing.assert_allclose(L.per_image_loss(net, X, y), per_image, rtol=1e-9)
    assert cross_entropy(ml.one_hot(y), net.forward(X)[-1]) == pytest.approx(net.loss(X, y))


def test_mean_squared_error_is_the_mean_of_the_half_sums(net, test_data):
    X, y = test_data[0][:20], test_data[1][:20]
    per_image = [loop_squared_error(loop_forward(net, x), int(d)) for x, d in zip(X, y)]
    assert mean_squared_error(ml.one_hot(y), net.forward(X)[-1]) == pytest.approx(np.mean(per_image))
    np.testing.assert_allclose(L.per_image_loss(net, X, y, "squared_error"), per_image, rtol=1e-9)


def test_one_image_terms_add_up_to_its_loss(net, test_data):
    X, y = test_data
    a = net.forward(X[8])[-1]
    for kind in ("cross_entropy", "squared_error"):
        terms = L.output_terms(a, int(y[8]), kind)
        assert terms.shape == (10,)
        assert terms.sum() == pytest.approx(L.per_image_loss(net, X[8:9], y[8:9], kind)[0])


def test_a_confident_wrong_answer_costs_far_more_in_cross_entropy():
    a = np.full(10, 0.001)
    ce, se = L.output_terms(a, 3), L.output_terms(a, 3, "squared_error")
    assert ce[3] == pytest.approx(-math.log(0.001)) and ce[3] > 6.9
    assert se[3] < 0.5


def test_hardest_are_the_largest_losses_largest_first():
    losses = np.array([0.1, 5.0, 0.2, 9.0, 9.0, 0.0])
    assert list(L.hardest(losses, 3)) == [3, 4, 1]


def test_known_label_errors_name_the_label_in_the_file_and_another_digit():
    _, labels = ml.load_mnist("test")
    for k, (given, shown) in L.KNOWN_LABEL_ERRORS.items():
        assert int(labels[k]) == given and shown != given


@pytest.mark.parametrize("bad, words", [
    ((3, 11, 1), "뉴런 번호 i"), ((3, 1, 17), "앞 층의 뉴런 번호 k"), ((0, 1, 1), "층 번호 l"),
    ((3, 1), "(l, j, k)"), ("3,1,5", "(l, j, k)"),
])
def test_a_wrong_weight_address_is_a_korean_error(net, bad, words):
    with pytest.raises(MnistlabError, match=words.replace("(", r"\(").replace(")", r"\)")):
        L.weight(net, bad)


def test_an_unknown_loss_is_a_korean_error():
    with pytest.raises(MnistlabError, match="손실 함수"):
        L.output_terms(np.full(10, 0.5), 1, "hinge")


# ------------------------------------------------------------ one weight moves

def test_weight_sweep_matches_network_loss_and_score_and_leaves_the_network_alone(net, test_data):
    X, y = test_data
    trained = L.weight(net, (3, 1, 8))
    assert trained == net.W[3][0, 7]
    values = np.array([trained - 5, trained, trained + 7])
    sweep = L.weight_sweep(net, X, y, (3, 1, 8), values)
    assert net.W[3][0, 7] == trained
    for v, loss, acc in zip(values, sweep["loss"], sweep["accuracy"]):
        moved = net.copy()
        moved.W[3][0, 7] = v
        assert loss == pytest.approx(moved.loss(X, y), rel=1e-12)
        assert acc == pytest.approx(moved.score(X, y))


def test_accuracy_is_a_staircase_and_the_loss_is_not(net, test_data):
    X, y = test_data
    values = L.weight(net, (3, 1, 8)) + np.linspace(-12, 12, 41)
    sweep = L.weight_sweep(net, X, y, (3, 1, 8), values)
    acc_steps = np.diff(sweep["accuracy"])
    assert np.mean(acc_steps == 0) > 0.6                  # mostly flat …
    assert np.any(acc_steps != 0)                        # … with steps
    assert np.all(np.diff(sweep["loss"]) != 0)           # the cost moves at every value
    right = sweep["accuracy"] * len(y)                   # images right: whole numbers
    np.testing.assert_allclose(right, np.round(right), atol=1e-9)


# ------------------------------------------------------------ the landscape slice

@pytest.fixture(scope="module")
def shipped():
    return load_landscape()


def test_the_shipped_slice_is_the_pretrained_networks_cost_on_the_documented_weights(net, shipped):
    assert (shipped.first, shipped.second) == LANDSCAPE_WEIGHTS
    assert shipped.images == LANDSCAPE_IMAGES
    assert shipped.C.shape == (LANDSCAPE_STEPS, LANDSCAPE_STEPS)
    assert shipped.trained == (net.W[3][2, 5], net.W[3][2, 10])
    np.testing.assert_allclose(shipped.w1[[0, -1]], shipped.trained[0] + np.array([-1, 1]) * LANDSCAPE_SPAN)


def test_the_shipped_grid_matches_what_the_code_computes(net, shipped):
    """A 3×3 grid with the same span falls on rows/columns 0, 20, 40 of the shipped 41×41."""
    X, y = landscape_data()
    small = loss_landscape(net, X, y, steps=3)
    idx = [0, LANDSCAPE_STEPS // 2, LANDSCAPE_STEPS - 1]
    np.testing.assert_allclose(small.C, shipped.C[np.ix_(idx, idx)], rtol=1e-10)
    assert small.trained_cost == pytest.approx(net.loss(X, y))


def test_a_landscape_point_is_the_cost_with_those_two_weights(net, test_data):
    X, y = test_data[0][:10], test_data[1][:10]
    land = loss_landscape(net, X, y, (3, 2, 1), (2, 4, 7), span=3.0, steps=3)
    moved = net.copy()
    moved.W[3][1, 0] = land.w1[0]
    moved.W[2][3, 6] = land.w2[2]
    expected = np.mean([loop_cross_entropy(loop_forward(moved, x), int(d)) for x, d in zip(X, y)])
    assert land.C[2, 0] == pytest.approx(expected, rel=1e-9)
    assert net.W[3][1, 0] == land.trained[0]              # the given network is unchanged


def test_the_slice_is_a_valley_with_the_trained_weights_near_its_floor(shipped):
    w1, w2, lowest = shipped.lowest
    assert shipped.trained_cost - lowest < 0.01
    assert abs(w1 - shipped.trained[0]) <= 2 and abs(w2 - shipped.trained[1]) <= 2
    assert shipped.C.max() > 3 * lowest
    assert shipped.C[0, 0] > lowest and shipped.C[-1, -1] > lowest


def test_two_equal_weights_cannot_make_a_slice(net, test_data):
    with pytest.raises(MnistlabError, match="같습니다"):
        loss_landscape(net, *test_data, (3, 1, 5), (3, 1, 5), steps=2)


# ------------------------------------------------------------ the figures draw those numbers

def _bar_heights(ax):
    return np.array([p.get_height() for p in ax.patches])


def test_target_and_output_draws_the_outputs_beside_the_one_hot_target(net, test_data):
    X, y = test_data
    a = net.forward(X[8])[-1]
    fig = draw.target_and_output(a, int(y[8]))
    heights = _bar_heights(fig.axes[0])
    np.testing.assert_allclose(heights[:10], a)
    np.testing.assert_array_equal(heights[10:], ml.one_hot(int(y[8])))


def test_loss_terms_draws_each_term_and_says_their_sum(net, test_data):
    X, y = test_data
    a = net.forward(X[8])[-1]
    fig = draw.loss_terms(a, int(y[8]))
    for ax, kind in zip(fig.axes, ("cross_entropy", "squared_error")):
        terms = L.output_terms(a, int(y[8]), kind)
        np.testing.assert_allclose(_bar_heights(ax)[:10], terms)
        assert f"{terms.sum():.3f}" in ax.get_title()


def test_accuracy_and_loss_draws_the_sweep_on_one_x_axis(net, test_data):
    X, y = test_data
    values = L.weight(net, (3, 1, 8)) + np.linspace(-4, 4, 9)
    sweep = L.weight_sweep(net, X, y, (3, 1, 8), values)
    fig = draw.accuracy_and_loss(sweep, values[4], "w")
    loss_line, acc_line = fig.axes[0].get_lines()[0], fig.axes[1].get_lines()[0]
    np.testing.assert_allclose(loss_line.get_ydata(), sweep["loss"])
    np.testing.assert_allclose(acc_line.get_ydata(), 100 * sweep["accuracy"])
    np.testing.assert_allclose(acc_line.get_xdata(), loss_line.get_xdata())


def test_loss_distribution_counts_every_image_and_marks_the_mean():
    rng = np.random.default_rng(0)
    trained, untrained = np.exp(rng.normal(-4, 2, 500)), rng.uniform(6, 9, 500)
    fig = draw.loss_distribution(trained, untrained)
    ax = fig.axes[0]
    assert sum(p.get_height() for p in ax.patches) == 1000
    means = sorted(line.get_xdata()[0] for line in ax.get_lines())
    np.testing.assert_allclose(means, sorted([trained.mean(), untrained.mean()]))


def test_hardest_images_label_each_picture_and_flag_only_known_label_errors(net):
    images, labels = ml.load_mnist("test")
    indices = [6783, 9716]
    losses = np.zeros(len(labels))
    losses[indices] = [11.3, 19.3]
    answers = np.zeros(len(labels), int)
    answers[indices] = [6, 5]
    fig = draw.hardest_images(images, labels, answers, losses, indices, L.KNOWN_LABEL_ERRORS)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts[0].startswith("레이블 오류: 6") and "정답 1 · 답 6" in texts[0]
    assert "#9716" in texts[1] and "정답 2 · 답 5" in texts[1] and "손실 19.3" in texts[1]
    assert "레이블 오류" not in texts[1]


def test_landscape_draws_the_slice_and_the_trained_point(shipped):
    fig = draw.landscape(shipped)
    contour_ax, surface_ax = fig.axes[0], fig.axes[-1]
    point = contour_ax.get_lines()[0]
    assert (point.get_xdata()[0], point.get_ydata()[0]) == shipped.trained
    filled = contour_ax.collections[0]                # the filled contours of C
    assert filled.levels[0] <= shipped.C.min() < shipped.C.max() <= filled.levels[-1]
    assert filled.levels[-1] - filled.levels[0] < 1.2 * np.ptp(shipped.C)
    low, high = surface_ax.get_zlim()
    assert low <= shipped.C.min() and high >= shipped.C.max() and high < 1.2 * shipped.C.max()


def test_image_losses_from_outputs_equal_the_per_image_losses(net, test_data):
    X, y = test_data
    outputs = net.predict_proba(X)
    np.testing.assert_array_equal(L.image_losses(outputs, y), L.per_image_loss(net, X, y))
    with pytest.raises(MnistlabError, match="입력 수와 레이블 수"):
        L.image_losses(outputs, y[:5])


@pytest.mark.parametrize("call, words", [
    (lambda net, X, y: L.weight_sweep(net, X, y, (3, 1, 8), [0.0, float("nan")]), "NaN"),
    (lambda net, X, y: L.weight_sweep(net, X, y[:3], (3, 1, 8), [0.0]), "레이블 수"),
    (lambda net, X, y: L.output_terms([0.5] * 10, 10), "정답"),
    (lambda net, X, y: L.hardest([0.1, 0.2], 3), "이미지 수"),
    (lambda net, X, y: loss_landscape(net, X, y, span=-1.0, steps=2), "범위"),
    (lambda net, X, y: loss_landscape(net, X, y, steps=1), "격자 수"),
    (lambda net, X, y: L.per_image_loss("net", X, y), "신경망"),
])
def test_bad_input_to_the_loss_functions_is_a_korean_error(net, test_data, call, words):
    X, y = test_data[0][:10], test_data[1][:10]
    with pytest.raises(MnistlabError, match=words):
        call(net, X, y)
