"""One training loop, one fit contract: every model's fit walks the same mini-batches and
returns the same history (epoch, lr, loss, accuracy, and val_loss, val_accuracy with validation)."""

from __future__ import annotations

import numpy as np
import pytest

import mnistlab as ml
from mnistlab.descent import batches_per_epoch, minibatches
from mnistlab.errors import MnistlabTypeError

KEYS = {"epoch", "lr", "loss", "accuracy"}
VAL_KEYS = KEYS | {"val_loss", "val_accuracy"}


@pytest.fixture(scope="module")
def digits():
    images, labels = ml.load_mnist("test")
    X = ml.flatten(ml.normalize(images[:1200]))
    return (X[:1000], labels[:1000]), (X[1000:], labels[1000:1200])


def test_minibatches_cover_every_row_once_per_epoch():
    rng = np.random.default_rng(0)
    batches = list(minibatches(10, 4, rng))
    assert [len(b) for b in batches] == [4, 4, 2]
    assert sorted(np.concatenate(batches).tolist()) == list(range(10))
    assert [len(b) for b in minibatches(10, 4, rng, drop_last=True)] == [4, 4]
    assert batches_per_epoch(10, 4) == 3 and batches_per_epoch(10, 4, drop_last=True) == 2
    # the same seed, the same order: the shuffle is numpy's permutation of the epoch
    np.testing.assert_array_equal(np.concatenate(list(minibatches(10, 4, np.random.default_rng(5)))),
                                  np.random.default_rng(5).permutation(10))
    # full batch: all rows, in order, no shuffle
    np.testing.assert_array_equal(next(minibatches(5, None, rng)), np.arange(5))


def test_every_model_returns_the_same_history(digits):
    (X, y), (Xv, yv) = digits
    net = ml.Network([784, 8, 10], seed=0)
    ten = ml.PerDigitLogistic(epochs=2)
    five = ml.OneDigitLogistic(5)
    pixel = ml.OnePixelLogistic()
    x, t, xv, tv = X[:, 400], (y == 1), Xv[:, 400], (yv == 1)
    histories = {
        "Network": net.fit(X, y, epochs=2, batch_size=32, lr=1.0, seed=0, progress=False,
                           validation=(Xv, yv)),
        "PerDigitLogistic": ten.fit(X, y, validation=(Xv, yv)),
        "OneDigitLogistic": five.fit(X, y, epochs=2, seed=1, validation=(Xv, yv)),
        "OnePixelLogistic": pixel.fit(x, t, epochs=2, validation=(xv, tv)),
    }
    for name, history in histories.items():
        assert [r["epoch"] for r in history] == [1, 2], name
        assert all(set(r) == VAL_KEYS for r in history), name
        assert all(0 <= r["accuracy"] <= 1 and 0 <= r["val_accuracy"] <= 1 for r in history), name
        assert all(np.isfinite(r["loss"]) and np.isfinite(r["val_loss"]) for r in history), name
    # the numbers are the models' own measures on those data
    assert histories["Network"][-1]["val_accuracy"] == pytest.approx(net.score(Xv, yv))
    assert histories["Network"][-1]["val_loss"] == pytest.approx(net.loss(Xv, yv))
    assert histories["PerDigitLogistic"][-1]["val_accuracy"] == pytest.approx(ten.score(Xv, yv))
    assert histories["OneDigitLogistic"][-1]["val_accuracy"] == pytest.approx(five.score(Xv, yv))
    assert histories["OnePixelLogistic"][-1]["loss"] == pytest.approx(pixel.loss(x, t))
    assert ten.loss_history == [r["loss"] for r in histories["PerDigitLogistic"]]
    # without validation: only the training keys
    assert set(ml.Network([784, 4, 10]).fit(X, y, epochs=1, progress=False)[0]) == KEYS


def test_one_pixel_mini_batches_follow_the_seed(digits):
    (X, y), _ = digits
    x, t = X[:, 400], (y == 1)
    a, b, c = ml.OnePixelLogistic(), ml.OnePixelLogistic(), ml.OnePixelLogistic()
    a.fit(x, t, epochs=3, batch_size=50, seed=1)
    b.fit(x, t, epochs=3, batch_size=50, seed=1)
    c.fit(x, t, epochs=3, batch_size=50, seed=2)
    assert (a.theta0, a.theta1) == (b.theta0, b.theta1) != (c.theta0, c.theta1)


@pytest.mark.parametrize("call", [
    lambda: ml.PerDigitLogistic(learning_rate=0.1),
    lambda: ml.PerDigitLogistic().fit(np.zeros((2, 784)), [0, 1], step=3),
    lambda: ml.OneDigitLogistic(5, lerning_rate=0.1),
    lambda: ml.OneDigitLogistic(5).fit(np.zeros((2, 784)), [0, 5], momentum=0.5),
    lambda: ml.OnePixelLogistic().fit([0.1, 0.2], [0, 1], steps=10),
])
def test_unknown_keywords_are_refused_in_korean(call):
    with pytest.raises(MnistlabTypeError, match="설정이 없습니다"):
        call()


def test_removed_aliases_are_gone():
    net = ml.Network([4, 3, 2])
    for name in ("output", "accuracy"):
        assert not hasattr(net, name)
    from mnistlab import logistic

    assert not hasattr(logistic, "sigmoid_grad")
    with pytest.raises(TypeError):
        net.forward(np.zeros(4), off=[(1, 1)])
