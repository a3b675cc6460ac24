"""학습 지켜보기 widget and Network.step: a fresh network learns, one mini-batch at a time."""

from __future__ import annotations

import numpy as np
import pytest

import mnistlab as ml
from mnistlab import widgets
from mnistlab.errors import MnistlabError


@pytest.fixture(scope="module")
def w():
    return widgets.training_explorer()


def test_step_is_one_gradient_step_and_fit_is_made_of_steps():
    images, labels = ml.load_mnist("test")
    X, y = ml.normalize(images[:256]).reshape(256, -1), labels[:256]
    a, b = ml.Network([784, 8, 10], seed=1), ml.Network([784, 8, 10], seed=1)
    loss = a.step(X[:32], y[:32], lr=0.5)
    assert loss == pytest.approx(b.loss(X[:32], y[:32]))
    assert a.loss(X[:32], y[:32]) < loss
    # fit with one epoch = steps over the same shuffled batches
    c, d = ml.Network([784, 8, 10], seed=2), ml.Network([784, 8, 10], seed=2)
    c.fit(X, y, epochs=1, batch_size=64, lr=0.5, seed=3, progress=False)
    order = np.random.default_rng(3).permutation(256)
    for k in range(4):
        rows = order[k * 64:(k + 1) * 64]
        d.step(X[rows], y[rows], lr=0.5)
    for l in (1, 2):
        np.testing.assert_allclose(c.W[l], d.W[l])
        np.testing.assert_allclose(c.b[l], d.b[l])


def test_step_refuses_a_bad_learning_rate():
    net = ml.Network([784, 4, 10])
    with pytest.raises(ValueError, match="학습률"):
        net.step(np.zeros((2, 784)), np.array([0, 1]), lr=0)


def test_starts_untrained_from_the_seed(w):
    w.reset()
    assert w.sizes == [784, 16, 16, 10] and w.steps == 0
    assert len(w.history) == 1 and w.history[0]["val_accuracy"] < 0.3
    assert set(w.history[0]) == {"step", "epoch", "lr", "loss", "accuracy", "val_loss", "val_accuracy"}
    assert len(w.images) == 50_000            # the last 10,000 training images are 검증 데이터
    np.testing.assert_array_equal(w.net.W[1], ml.Network([784, 16, 16, 10], seed=0).W[1])


def test_run_steps_trains_and_records(w):
    w.reset()
    before = (w.curves.value, w.weights.value, w.samples.value)
    w.run_steps(300)
    assert w.steps == 300 and w.history[-1]["step"] == 300
    assert w.history[-1]["val_accuracy"] > 0.6 > w.history[0]["val_accuracy"]
    assert w.history[-1]["loss"] < w.history[0]["loss"]
    assert w.history[-1]["val_loss"] < w.history[0]["val_loss"]
    assert all(a != b for a, b in zip(before, (w.curves.value, w.weights.value, w.samples.value)))
    assert "배치 300개" in w.info.value and w.progress.value == 300


def test_same_seed_same_run(w):
    w.reset()
    w.run_steps(40)
    first = w.net.W[1].copy()
    w.reset()
    w.run_steps(40)
    np.testing.assert_array_equal(w.net.W[1], first)


def test_shape_controls_make_a_new_network(w):
    w.run_steps(5)
    w.layers.value = 1
    w.hidden.value = 32
    try:
        assert w.sizes == [784, 32, 10] and w.net.sizes == [784, 32, 10] and w.steps == 0
        w.one_step.click()
        assert w.steps == 1
    finally:
        w.layers.value, w.hidden.value = 2, 16


def test_play_ticks_train_and_stop_rewinds_without_training(w):
    w.reset()
    w.play.value = 1
    assert w.steps == w.speed.value
    w.play.value = 0                     # the Play's stop button
    assert w.steps == w.speed.value


def test_compares_with_the_shipped_network(w):
    assert w.shipped == pytest.approx(0.954, abs=0.002)
    assert "95.4%" in w.info.value
    assert w.snapshot()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def small():
    images, labels = ml.load_mnist("train")
    return images[:1200], labels[:1200]


@pytest.mark.parametrize("settings, message", [
    ({"hidden": 0}, "hidden"), ({"hidden": 2.5}, "hidden"), ({"hidden": "16"}, "hidden"),
    ({"layers": 3}, "layers"), ({"layers": True}, "layers"),
    ({"lr": -1}, "lr"), ({"lr": 0}, "lr"), ({"lr": float("inf")}, "lr"),
    ({"lr": "0.5"}, "lr"), ({"batch_size": 0}, "batch_size"),
])
def test_bad_settings_are_korean_errors(small, settings, message):
    with pytest.raises(MnistlabError, match=message):
        widgets.TrainingExplorer(images=small[0], labels=small[1], **settings)


def test_an_unlisted_size_or_rate_joins_the_menus(small):
    w = widgets.TrainingExplorer(hidden=24, layers=1, lr=0.7, images=small[0], labels=small[1])
    assert w.sizes == [784, 24, 10] and 24 in w.hidden.options and w.lr.value == 0.7


def test_run_steps_is_bounded(small):
    w = widgets.TrainingExplorer(hidden=8, layers=1, images=small[0], labels=small[1])
    with pytest.raises(MnistlabError, match="20000|20,000"):
        w.run_steps(10**12)
    with pytest.raises(MnistlabError, match="n"):
        w.run_steps(0)
    assert w.steps == 0 and len(w.history) == 1
    w.run_steps(40)                      # past one epoch (1,000 training images / 32 = 31)
    assert w.steps == 40 and w.epoch == 2 and w.history[-1]["epoch"] == 2
