"""Chapter 02 models: sigmoid, log loss, gradients, accuracy on MNIST, input errors."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import mnistlab as ml
from mnistlab.data import load_mnist, normalize
from mnistlab.formulas import EPS, sigmoid, sigmoid_prime
from mnistlab.logistic import (
    OneDigitLogistic,
    OnePixelLogistic,
    PerDigitLogistic,
    confusion_matrix,
    log_loss,
    log_loss_grad,
    pixel_values,
)
from mnistlab.validate import digit_labels as check_labels
from mnistlab.validate import pixel_index


@pytest.fixture(scope="module")
def mnist():
    Xtr, ytr = load_mnist("train")
    Xte, yte = load_mnist("test")
    return normalize(Xtr), ytr, normalize(Xte), yte


@pytest.fixture(scope="module")
def ten(mnist):
    """The ten models trained on all 60,000 images with the default seed (about a second)."""
    Xtr, ytr, _, _ = mnist
    return fitted(PerDigitLogistic(seed=0), Xtr, ytr)


def fitted(model, X, y, **training):
    """The model after ``model.fit`` (which returns the history, not the model)."""
    model.fit(X, y, **training)
    return model


def numeric_grad(f, x, h=1e-6):
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        a, b = x.copy(), x.copy()
        a[i] += h
        b[i] -= h
        g[i] = (f(a) - f(b)) / (2 * h)
    return g


# ------------------------------------------------------------ sigmoid and log loss

def test_top_level_names():
    assert ml.sigmoid is sigmoid and ml.log_loss is log_loss
    assert ml.PerDigitLogistic is PerDigitLogistic and ml.OnePixelLogistic is OnePixelLogistic
    assert ml.OneDigitLogistic is OneDigitLogistic


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_extremes_without_overflow(dtype):
    z = np.array([-1e4, -800, -50, 0, 50, 800, 1e4], dtype=dtype)
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        s = sigmoid(z)
    assert s.dtype == dtype
    assert np.all(np.isfinite(s))
    assert s[0] == 0 and s[-1] == 1 and s[3] == 0.5
    assert np.all(np.diff(s) >= 0)


def test_sigmoid_matches_formula_and_symmetry():
    z = np.linspace(-30, 30, 121)
    assert np.allclose(sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-12, atol=1e-15)
    assert np.allclose(sigmoid(-z), 1 - sigmoid(z))
    assert isinstance(sigmoid(0), float) and sigmoid(0) == 0.5
    assert sigmoid(np.int64(2)) == pytest.approx(0.8807970779778823)


def test_sigmoid_prime_matches_numerical():
    z = np.linspace(-6, 6, 13)
    num = np.array([numeric_grad(lambda v: sigmoid(v[0]), [zi])[0] for zi in z])
    assert np.allclose(sigmoid_prime(z), num, atol=1e-8)
    assert sigmoid_prime(0.0) == pytest.approx(0.25)


def test_log_loss_values_and_clipping():
    assert log_loss([1, 0], [0.5, 0.5]) == pytest.approx(np.log(2))
    assert log_loss([1, 0, 1], [0.9, 0.2, 0.6]) == pytest.approx(
        -(np.log(0.9) + np.log(0.8) + np.log(0.6)) / 3)
    assert log_loss([1, 0], [1.0, 0.0]) == pytest.approx(0, abs=1e-6)
    worst = log_loss([1, 0], [0.0, 1.0])                 # confident and wrong: large but finite
    assert np.isfinite(worst) and worst == pytest.approx(-np.log(EPS), rel=1e-6)
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        log_loss(np.ones(3), np.array([0.0, 1e-300, 1.0], dtype=np.float32))


def test_log_loss_sample_weight_equals_repeating_rows():
    y = np.array([1, 0, 1, 0])
    p = np.array([0.8, 0.3, 0.4, 0.1])
    w = np.array([3, 1, 0, 2])
    assert log_loss(y, p, sample_weight=w) == pytest.approx(log_loss(np.repeat(y, w), np.repeat(p, w)))


def test_log_loss_grad_matches_numerical():
    y = np.array([1.0, 0.0, 1.0, 0.0])
    p = np.array([0.7, 0.2, 0.05, 0.9])
    num = numeric_grad(lambda q: log_loss(y, q), p)
    assert np.allclose(log_loss_grad(y, p), num, rtol=1e-5)


# ------------------------------------------------------------ one pixel

def test_one_pixel_gradient_matches_numerical():
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 1, 200)
    t = (rng.uniform(0, 1, 200) < x).astype(float)
    w = rng.integers(1, 5, 200)
    for weights in (None, w):
        m = OnePixelLogistic(-0.7, 1.9)

        def loss(th, weights=weights):
            return OnePixelLogistic(*th).loss(x, t, sample_weight=weights)
        assert np.allclose(m.gradient(x, t, sample_weight=weights), numeric_grad(loss, [-0.7, 1.9]),
                           atol=1e-7)


def test_one_pixel_step_and_fit_lower_the_loss(mnist):
    Xtr, ytr, _, _ = mnist
    x = pixel_values(Xtr[:5000], (12, 12))
    t = ytr[:5000] == 5
    m = OnePixelLogistic()
    start = m.loss(x, t)
    assert start == pytest.approx(np.log(2))
    m.step(x, t)
    after_step = m.loss(x, t)
    m.fit(x, t, epochs=300)
    assert start > after_step > m.loss(x, t)
    assert m.theta1 > 0            # ink at the middle of the image makes a 5 more likely


def test_one_pixel_weighted_fit_equals_full_data(mnist):
    """The widget's trick: 60,000 values grouped into 256 levels × 2 answers give the same θ."""
    Xtr, ytr, _, _ = mnist
    raw = (Xtr[:, 12, 12] * 255).round().astype(int)
    t = ytr == 5
    full = fitted(OnePixelLogistic(), raw / 255, t, epochs=50)
    levels = np.arange(256) / 255
    counts = np.concatenate([np.bincount(raw[t], minlength=256), np.bincount(raw[~t], minlength=256)])
    grouped = fitted(OnePixelLogistic(), np.concatenate([levels, levels]),
                     np.r_[np.ones(256), np.zeros(256)], epochs=50, sample_weight=counts)
    assert grouped.theta0 == pytest.approx(full.theta0, rel=1e-6)
    assert grouped.theta1 == pytest.approx(full.theta1, rel=1e-6)


# ------------------------------------------------------------ 784 pixels, ten digits

def test_per_digit_gradient_step_matches_numerical():
    """One full-batch step without momentum from θ = 0 moves θ by −lr × the numerical gradient
    of the summed mean log loss of the models."""
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 1, (30, 784)).astype(np.float32) * (rng.uniform(0, 1, (30, 784)) < 0.05)
    y = rng.integers(0, 10, 30)
    y[:3] = 3
    digits = (3, 7)
    T = (y[:, None] == np.array(digits)).astype(float)
    cols = [5, 100, 400, 783]

    def loss(params):
        W = np.zeros((784, 2))
        W[cols] = params[:-2].reshape(len(cols), 2)
        p = sigmoid(X.astype(float) @ W + params[-2:])
        return sum(log_loss(T[:, k], p[:, k]) for k in range(2))
    num = numeric_grad(loss, np.zeros(len(cols) * 2 + 2))
    m = fitted(PerDigitLogistic(digits=digits, epochs=1, batch_size=30, lr=0.1, momentum=0.0),
               X, y)
    got = np.concatenate([m.W[cols].ravel(), m.b])
    assert np.allclose(got, -0.1 * num, atol=1e-6)


def test_ten_models_reach_the_accuracy_bar(ten, mnist):
    _, _, Xte, yte = mnist
    assert ten.score(Xte, yte) >= 0.918
    proba = ten.predict_proba(Xte)
    assert proba.shape == (10000, 10) and np.all((proba >= 0) & (proba <= 1))
    assert np.array_equal(ten.predict(Xte), np.argmax(proba, axis=1))
    assert ten.loss_history[-1] < ten.loss_history[0]


def test_is_it_a_five_reaches_the_accuracy_bar(ten, mnist):
    Xtr, ytr, Xte, yte = mnist
    five = fitted(OneDigitLogistic(5, seed=0), Xtr, ytr)
    assert five.score(Xte, yte) >= 0.97
    # the same training restricted to one digit learns the "5" model of the ten
    assert np.allclose(five.theta(), ten.theta(5), atol=1e-4)
    assert five.predict(Xte[:50]).dtype == bool
    assert np.array_equal(five.predict(Xte), five.predict_proba(Xte) > 0.5)


def test_single_image_and_shapes(ten, mnist):
    _, _, Xte, yte = mnist
    img = Xte[0]                                      # (28, 28)
    assert ten.predict_proba(img).shape == (10,)
    assert ten.predict(img) == ten.predict(Xte[:1])[0]
    assert ten.theta(5).shape == (28, 28)
    ev = ten.evidence(img, 7)
    assert ev.shape == (28, 28)
    z = ten.decision_function(img)[7]
    assert ev.sum() + ten.theta0(7) == pytest.approx(float(z), rel=1e-4)
    cm = confusion_matrix(yte, ten.predict(Xte))
    assert cm.sum() == 10000 and np.trace(cm) / 10000 == pytest.approx(ten.score(Xte, yte))


def test_training_is_seeded():
    rng = np.random.default_rng(3)
    X = rng.uniform(0, 1, (400, 784)).astype(np.float32)
    y = rng.integers(0, 10, 400)
    a = fitted(PerDigitLogistic(epochs=2, batch_size=50, seed=1), X, y)
    b = fitted(PerDigitLogistic(epochs=2, batch_size=50, seed=1), X, y)
    c = fitted(PerDigitLogistic(epochs=2, batch_size=50, seed=2), X, y)
    assert np.array_equal(a.W, b.W) and not np.array_equal(a.W, c.W)


# ------------------------------------------------------------ input errors (Korean)

@pytest.fixture(scope="module")
def small():
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 1, (20, 784)).astype(np.float32)
    y = np.arange(20) % 10
    return X, y, fitted(PerDigitLogistic(epochs=1, batch_size=10), X, y)


@pytest.mark.parametrize("X, message", [
    (np.zeros((5, 780)), "모양이 맞지 않습니다"),
    (np.zeros((5, 784), dtype=np.uint8), "정규화"),
    (np.full((5, 784), 2.0), "0..1 사이"),
    (np.full((5, 784), np.nan), "NaN"),
    (np.zeros((0, 784)), "한 장도 없습니다"),
    (np.array([["a"] * 784] * 5), "숫자 배열"),
])
def test_bad_images_are_explained(small, X, message):
    _, y, m = small
    with pytest.raises((ValueError, TypeError), match=message):
        m.predict(X)
    with pytest.raises((ValueError, TypeError), match=message):
        PerDigitLogistic().fit(X, y[:len(X)] if len(X) else y[:0])


@pytest.mark.parametrize("y, message", [
    (np.arange(19) % 10, "레이블 수가 다릅니다"),
    (np.full(20, 10), "0..9"),
    (np.full(20, -1), "0..9"),
    (np.full(20, np.nan), "NaN"),
    (np.full(20, 2.5), "정수"),
    (np.zeros(20, dtype=bool), "숫자 레이블"),
    (np.zeros((20, 1)), "1차원"),
    (np.array(["5"] * 20), "숫자 레이블"),
])
def test_bad_labels_are_explained(small, y, message):
    X, _, m = small
    with pytest.raises((ValueError, TypeError), match=message):
        PerDigitLogistic().fit(X, y)
    with pytest.raises((ValueError, TypeError), match=message):
        m.score(X, y)


def test_float_labels_that_are_whole_numbers_are_accepted():
    assert check_labels(np.array([0.0, 5.0, 9.0])).tolist() == [0, 5, 9]


def test_unfitted_model_and_bad_digits(small):
    X, _, m = small
    with pytest.raises(RuntimeError, match="먼저 model.fit"):
        PerDigitLogistic().predict(X)
    with pytest.raises(ValueError, match="모델이 없습니다"):
        m.theta(11)
    with pytest.raises(TypeError, match="정수"):
        m.theta(5.0)
    with pytest.raises(ValueError, match="모델이 없습니다"):
        fitted(OneDigitLogistic(3, epochs=1), X, np.arange(20) % 10).model.theta(4)
    with pytest.raises(ValueError, match="서로 다른"):
        PerDigitLogistic(digits=(1, 1))
    with pytest.raises(ValueError, match="이미지 한 장"):
        m.evidence(X[:2], 3)


@pytest.mark.parametrize("kwargs, message", [
    ({"epochs": 0}, "epochs"),
    ({"epochs": 2.5}, "epochs"),
    ({"batch_size": -1}, "batch_size"),
    ({"lr": 0}, "lr"),
    ({"momentum": 1.0}, "momentum"),
])
def test_bad_training_settings(kwargs, message):
    with pytest.raises(ValueError, match=message):
        PerDigitLogistic(**kwargs)


@pytest.mark.parametrize("y, p, message", [
    ([1, 0], [0.5], "모양이 다릅니다"),
    ([1, 2], [0.5, 0.5], "0\\(아니다\\) 또는 1"),
    ([1, 0], [0.5, 1.5], "0..1 사이"),
    ([1, 0], [0.5, np.nan], "NaN"),
    ([], [], "하나도 없습니다"),
])
def test_bad_log_loss_inputs(y, p, message):
    with pytest.raises(ValueError, match=message):
        log_loss(y, p)
    with pytest.raises(ValueError, match="sample_weight"):
        log_loss([1, 0], [0.5, 0.5], sample_weight=[1, -1])


def test_bad_one_pixel_inputs():
    m = OnePixelLogistic()
    with pytest.raises(ValueError, match="정규화"):
        m.loss(np.array([0, 128, 255]), [0, 1, 0])
    with pytest.raises(ValueError, match="NaN"):
        m.predict_proba([0.1, np.nan])
    with pytest.raises(ValueError, match="0\\(아니다\\) 또는 1"):
        m.loss([0.1, 0.2], [0, 5])
    with pytest.raises(ValueError, match="수가 다릅니다"):
        m.gradient([0.1, 0.2], [0, 1, 1])
    with pytest.raises(ValueError, match="epochs"):
        m.fit([0.1, 0.2], [0, 1], epochs=0)
    with pytest.raises(ValueError, match="0..783"):
        pixel_index(784)
    with pytest.raises(ValueError, match="0..27"):
        pixel_index((28, 3))
    with pytest.raises(TypeError, match="픽셀 번호"):
        pixel_index(1.5)
    assert pixel_index((12, 12)) == 12 * 28 + 12


def test_log_loss_of_a_2d_pair_is_the_mean_over_every_value():
    """One meaning for any shape: the element mean (k models' answers for N images), the same
    as the mean of the flattened values, and not the mean of the row sums."""
    y = np.array([[1, 0, 0], [0, 1, 0]])
    p = np.array([[0.9, 0.2, 0.1], [0.3, 0.6, 0.2]])
    flat = log_loss(y.ravel(), p.ravel())
    assert log_loss(y, p) == pytest.approx(flat)
    assert log_loss(y, p) != pytest.approx(flat * 3)                 # the mean of row sums
    w = np.array([[1, 1, 1], [3, 3, 3]])
    assert log_loss(y, p, sample_weight=w) == pytest.approx(
        log_loss(y.ravel(), p.ravel(), sample_weight=w.ravel()))
