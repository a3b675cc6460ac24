"""mnistlab.sgd and mnistlab.draw.descent: mini-batch gradients, training vs validation
curves, the shipped histories, and the numbers the chapter's figures draw."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from mnistlab import draw, landscape, sgd
from mnistlab.data import load_mnist, validation_split
from mnistlab.errors import MnistlabValueError
from mnistlab.network import Network, pretrained_network


@pytest.fixture(scope="module")
def train():
    images, labels = load_mnist("train")
    return images[:300], np.asarray(labels[:300])


def test_flat_gradient_is_every_dW_and_db_in_order(train):
    net = pretrained_network()
    X, y = sgd.rows(train[0][:20]), train[1][:20]
    g = sgd.flat_gradient(net, X, y)
    dW, db = net.gradients(X, y)
    assert g.shape == (13_002,)
    assert np.array_equal(g[:784 * 16], dW[1].ravel())
    assert np.array_equal(g[784 * 16:784 * 16 + 16], db[1])
    assert np.array_equal(g[-10:], db[3])


def test_full_gradient_in_chunks_is_the_gradient_of_one_big_batch(train):
    net = pretrained_network()
    one = sgd.flat_gradient(net, sgd.rows(train[0][:70]), train[1][:70])
    chunked = sgd.full_gradient(net, train[0][:70], train[1][:70], chunk=16)
    assert np.allclose(chunked, one, rtol=1e-12, atol=1e-15)


def test_slice_index_points_at_the_slice_weights(train):
    X, y = sgd.rows(train[0][:40]), train[1][:40]
    net = sgd.spread_network()
    g = sgd.flat_gradient(net, X, y)
    s = landscape.WeightSlice(X=X, y=y)
    assert np.allclose(g[sgd.slice_index(net)], s.gradient(s.center + sgd.SPREAD_POINT))


def test_bigger_mini_batches_point_closer_to_the_full_gradient(train):
    net = sgd.spread_network()
    full = sgd.full_gradient(net, *train)
    spread = sgd.minibatch_spread(net, *train, full=full, batch_sizes=(5, 50, 300),
                                      n_batches=6)
    means = [spread[s]["cos"].mean() for s in (5, 50, 300)]
    assert means[0] < means[1] < means[2]
    assert np.allclose(spread[300]["cos"], 1.0)          # the whole set: the full gradient
    assert spread[5]["slice"].shape == (6, 2)
    assert np.allclose(spread["full_slice"], full[sgd.slice_index(net)])
    with pytest.raises(MnistlabValueError, match="batch_size"):
        sgd.minibatch_spread(net, *train, full=full, batch_sizes=(301,))


def test_train_with_validation_measures_both_sets_after_each_epoch(train):
    h = sgd.train_with_validation((train[0][:200], train[1][:200]),
                                      (train[0][200:], train[1][200:]), epochs=2)
    assert h["epoch"].tolist() == [0, 1, 2]
    net = Network([784, 16, 16, 10], seed=0)            # epoch 0: the fresh network
    assert h["val_loss"][0] == pytest.approx(net.loss(sgd.rows(train[0][200:]), train[1][200:]))
    net.fit(sgd.rows(train[0][:200]), train[1][:200], epochs=1, batch_size=32, lr=0.5,
            seed=1, progress=False)
    assert h["accuracy"][1] == pytest.approx(net.score(sgd.rows(train[0][:200]),
                                                       train[1][:200]))


def test_the_shipped_histories_match_a_short_rerun():
    small = sgd.history("small")
    full = sgd.history("full")
    assert int(small["n_train"]) == 500 and int(full["n_train"]) == 50_000
    assert len(small["epoch"]) == sgd.SMALL_RUN["epochs"] + 1
    images, labels = load_mnist("train")
    (ti, tl), validation = validation_split(images, labels)
    h = sgd.train_with_validation((ti[:500], tl[:500]), validation, epochs=3)
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        assert np.allclose(h[key], small[key][:4], rtol=1e-9), key
    # overfitting is visible: all 500 learned, validation cost rises again after its lowest
    assert small["accuracy"][-1] > 0.99
    best = int(np.argmin(small["val_loss"]))
    assert 0 < best < len(small["epoch"]) - 1
    assert small["val_loss"][-1] > small["val_loss"][best] * 1.1
    assert full["val_accuracy"][-1] > small["val_accuracy"].max()


def test_the_shipped_full_gradient_matches_a_fresh_computation():
    data = sgd.load_histories()
    assert data["spread_point"].tolist() == list(sgd.SPREAD_POINT)   # the ball's start
    images, labels = load_mnist("train")
    (ti, tl), _ = validation_split(images, labels)
    net = sgd.spread_network(data["spread_point"])
    fresh = sgd.full_gradient(net, ti, tl)
    assert np.allclose(data["full_gradient"], fresh, rtol=1e-10, atol=1e-15)


def test_the_numerical_gradient_timing_counts_every_parameter(train):
    net = pretrained_network()
    t = sgd.time_numerical_gradient(net, sgd.rows(train[0][:30]), train[1][:30],
                                        sample=3, repeat=2)
    assert t["n_params"] == 13_002 and t["forward_passes"] == 26_004
    assert t["numerical_seconds"] == pytest.approx(t["seconds_per_pass"] * 26_004)
    assert t["ratio"] == pytest.approx(t["numerical_seconds"] / t["backprop_seconds"])


# ------------------------------------------------------------------ figures: the numbers drawn

def test_slope_line_draws_the_curve_and_a_tangent_of_the_given_slope(tmp_path):
    values, costs = np.linspace(-2, 2, 9), np.linspace(-2, 2, 9) ** 2
    fig = draw.slope_line(values, costs, at=1.0, cost_at=1.0, slope=2.0, weight=(3, 3, 6))
    curve, tangent = fig.axes[0].lines[:2]
    assert np.array_equal(curve.get_ydata(), costs)
    (x0, x1), (y0, y1) = tangent.get_xdata(), tangent.get_ydata()
    assert (y1 - y0) / (x1 - x0) == pytest.approx(2.0)
    assert "+2.0000" in tangent.get_label()
    fig.savefig(tmp_path / "slope.png")


def test_gradient_arrows_are_the_grids_gradients_pointing_uphill(tmp_path):
    land = landscape.load_landscape()
    fig = draw.gradient_arrows(land, every=5)
    quiver = next(c for c in fig.axes[0].collections if isinstance(c, matplotlib.quiver.Quiver))
    g = land.G[2::5, 2::5]
    assert np.allclose(quiver.U, g[..., 0].ravel()) and np.allclose(quiver.V, g[..., 1].ravel())
    assert np.allclose(quiver.X, np.meshgrid(land.w1[2::5], land.w2[2::5])[0].ravel())
    # uphill: a small step along an arrow raises the cost on the grid
    v = np.array([land.w1[37], land.w2[37]])
    u = land.gradient(v) / np.linalg.norm(land.gradient(v))
    assert land.cost(v + 0.1 * u) > land.cost(v) > land.cost(v - 0.1 * u)
    fig.savefig(tmp_path / "arrows.png")


def test_minibatch_directions_draw_minus_each_gradient_scaled_by_the_full_one():
    rng = np.random.default_rng(0)
    spread = {"full_slice": np.array([2.0, -1.0]),
              4: {"cos": np.array([0.5, 0.7]), "slice": rng.normal(size=(2, 2))}}
    fig = draw.minibatch_directions(spread)
    ax = fig.axes[0]
    tips = [t.xy for t in ax.texts]
    scale = np.linalg.norm([2.0, -1.0])
    assert np.allclose(tips[:2], -spread[4]["slice"] / scale)
    assert np.allclose(tips[2], [-2.0 / scale, 1.0 / scale])
    assert "0.60" in ax.get_title()


def test_learning_curves_plot_the_histories():
    h = {"epoch": np.arange(4), "loss": np.array([2.0, 1.0, 0.5, 0.3]),
         "val_loss": np.array([2.0, 1.2, 0.9, 1.1]), "accuracy": np.array([0.1, 0.5, 0.8, 0.9]),
         "val_accuracy": np.array([0.1, 0.4, 0.6, 0.6])}
    fig = draw.learning_curves({"연습": h})
    top, bottom = fig.axes[:2]
    assert np.array_equal(top.lines[1].get_ydata(), h["val_loss"][1:])    # from epoch 1
    assert top.lines[2].get_xdata()[0] == 2                  # the lowest validation cost
    assert np.allclose(bottom.lines[0].get_ydata(), h["accuracy"] * 100)
