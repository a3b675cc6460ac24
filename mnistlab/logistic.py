"""로지스틱 회귀 on MNIST: sigmoid, log loss, one pixel, and ten per-digit models.

The chapter-02 models, small enough to read in one sitting:

- :func:`sigmoid` and :func:`log_loss` (with their gradients) — the two formulas
  the whole chapter rests on;
- :class:`OnePixelLogistic` — 입력변수 하나: ``p = sigmoid(θ0 + θ1·x)`` for one
  pixel's value, fitted by gradient descent one step at a time;
- :class:`PerDigitLogistic` — 785개의 입력(x0 = 1 and 784 pixels) per model, ten
  "is it a d?" models trained side by side (one-vs-rest), the answer is the
  model with the largest output (argmax);
- :class:`OneDigitLogistic` — a single "is it a 5?" model: the same training,
  restricted to one digit, answered with the 0.5 threshold.

Every ``fit`` is :func:`mnistlab.descent.descend` (the loop ``Network.fit`` uses
too) with the same keywords (``epochs, batch_size, lr, seed, validation,
progress``) and the same history. The ten models train with momentum and a
step size that decays linearly to zero: on the full 60,000 images they reach
about 91.9 % test accuracy in about a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from mnistlab import validate
from mnistlab.data import N_PIXELS, SIDE
from mnistlab.descent import descend
from mnistlab.errors import MnistlabValueError, NotFittedError
from mnistlab.formulas import EPS, cross_entropy, sigmoid
from mnistlab.validate import DIGITS, as_inputs, pixel_index
from mnistlab.validate import digit as check_digit
from mnistlab.validate import digit_labels as check_labels
from mnistlab.validate import probability_pair as _pair
from mnistlab.validate import sample_weights as _weights
from mnistlab.validate import targets01 as _targets01

# ------------------------------------------------------------ log loss

def log_loss(y: ArrayLike, p: ArrayLike, eps: float = EPS, sample_weight: ArrayLike | None=None) -> float:
    """Log loss (로그 손실), the mean of −[y·log p + (1 − y)·log(1 − p)] over every value.

    y: targets 0 or 1 (목표변수: "is it a 5?"); p: predicted probabilities of
    the same shape, any number of dimensions: for a 2-D (N, k) pair (k models'
    answers for N images) it is the mean over all N·k values, not a sum per row.
    p is clipped to [eps, 1 − eps], so a confident mistake costs a large but
    finite amount instead of infinity. sample_weight (one count per value,
    optional) makes it a weighted mean.
    """
    y, p = _pair(y, p)
    eps = validate.real(eps, "eps", low=0.0, high=0.5, open_low=True, open_high=True)
    w = _weights(sample_weight, y.shape)
    return cross_entropy(y.ravel(), p.ravel(), eps, None if w is None else w.ravel())


def log_loss_grad(y: ArrayLike, p: ArrayLike, eps: float = EPS) -> np.ndarray:
    """Gradient of :func:`log_loss` with respect to each p: (p − y) / (p(1 − p)) / n."""
    targets, probs = _pair(y, p)
    eps = validate.real(eps, "eps", low=0.0, high=0.5, open_low=True, open_high=True)
    probs = np.clip(probs, eps, 1.0 - eps)
    return (probs - targets) / (probs * (1.0 - probs)) / targets.size


# ------------------------------------------------------------ one pixel's values

def pixel_values(X: ArrayLike, pixel: int | tuple[int, int]) -> np.ndarray:
    """입력변수 하나: one pixel's value in every image, as a float (N,) array.

    pixel is a flat index 0..783 or a (row, column) pair.
    """
    batch, _ = as_inputs(X)
    return batch[:, pixel_index(pixel)].astype(np.float64)


# ------------------------------------------------------------ one pixel

class OnePixelLogistic:
    """입력변수 하나의 로지스틱 회귀: p = sigmoid(θ0 + θ1·x).

    θ0 shifts the curve left and right, θ1 sets how steep it is (and which
    way it faces). x is one pixel's value 0..1 in each image, the target is
    1 for "it is a 5" and 0 otherwise.
    """

    def __init__(self, theta0: float = 0.0, theta1: float = 0.0) -> None:
        self.theta0 = validate.real(theta0, "theta0 (θ0)")
        self.theta1 = validate.real(theta1, "theta1 (θ1)")

    def __repr__(self) -> str:
        return f"OnePixelLogistic(theta0={self.theta0:.4g}, theta1={self.theta1:.4g})"

    def predict_proba(self, x: ArrayLike) -> np.ndarray:
        """The sigmoid's output for each pixel value: the probability of "yes"."""
        return sigmoid(self.theta0 + self.theta1 * validate.pixel_values01(x))

    def loss(self, x: ArrayLike, t: ArrayLike, sample_weight: ArrayLike | None=None) -> float:
        """Log loss of the current θ0, θ1 on pixel values x and 0/1 targets t."""
        x = validate.pixel_values01(x)
        return log_loss(_targets01(t, len(x)), self.predict_proba(x),
                        sample_weight=sample_weight)

    def gradient(self, x: ArrayLike, t: ArrayLike, sample_weight: ArrayLike | None=None) -> tuple[float, float]:
        """(∂loss/∂θ0, ∂loss/∂θ1) = (mean(p − t), mean((p − t)·x))."""
        x = validate.pixel_values01(x)
        t = _targets01(t, len(x))
        return self._gradient(x, t, _weights(sample_weight, x.shape))

    def _gradient(self, x: np.ndarray, t: np.ndarray, w: np.ndarray | None) -> tuple[float, float]:
        err = sigmoid(self.theta0 + self.theta1 * x) - t
        if w is None:
            return float(err.mean()), float((err * x).mean())
        total = w.sum()
        return float(np.sum(w * err) / total), float(np.sum(w * err * x) / total)

    def step(self, x: ArrayLike, t: ArrayLike, *, lr: float = 5.0, sample_weight: ArrayLike | None=None) -> OnePixelLogistic:
        """경사 하강법 한 단계: move θ0 and θ1 a little against the gradient."""
        lr = validate.positive(lr, "lr (학습률)")
        g0, g1 = self.gradient(x, t, sample_weight)
        self.theta0 -= lr * g0
        self.theta1 -= lr * g1
        return self

    def fit(self, x: ArrayLike, t: ArrayLike, *, epochs: int = 500, batch_size: int | None = None, lr: float = 5.0,
            seed: int = 0, validation: tuple | None = None, progress: bool = False,
            sample_weight: ArrayLike | None=None, **unknown: Any) -> list[dict]:
        """Gradient descent from the current θ0, θ1 (:func:`mnistlab.descent.descend`).

        ``batch_size=None`` uses all the data in every step (one step per epoch).
        sample_weight (optional) counts how often each (x, t) pair occurs, so
        60,000 images can be passed as their 512 distinct (value, answer) pairs.
        Returns the history: per epoch ``epoch, lr, loss, accuracy`` (accuracy of
        "yes" where p ≥ 0.5) and, with ``validation=(x_val, t_val)``, ``val_loss, val_accuracy``.
        """
        validate.no_unknown_keywords(unknown, "OnePixelLogistic.fit")
        x = validate.pixel_values01(x)
        t = _targets01(t, len(x))
        w = _weights(sample_weight, x.shape)
        data = {"train": (x, t, w)}
        if validation is not None:
            xv, tv = validate.validation_pair(validation)
            xv = validate.pixel_values01(xv, "validation 의 픽셀 값")
            data["val"] = (xv, _targets01(tv, len(xv)), None)

        def step(rows: np.ndarray, lr: float) -> None:
            g0, g1 = self._gradient(x[rows], t[rows], None if w is None else w[rows])
            self.theta0 -= lr * g0
            self.theta1 -= lr * g1

        def measure(part: str) -> tuple[float, float]:
            xs, ts, ws = data[part]
            p = sigmoid(self.theta0 + self.theta1 * xs)
            right = ((p >= 0.5) == (ts == 1)).astype(float)
            return (cross_entropy(ts, p, EPS, ws),
                    float(np.mean(right) if ws is None else np.sum(ws * right) / ws.sum()))

        return descend(len(x), step, measure, rates=validate.learning_rates(lr, None, epochs),
                       batch_size=validate.batch_size(batch_size), seed=validate.seed(seed),
                       validation=validation is not None, progress=progress,
                       after_epoch=lambda lr: validate.finite_parameters(
                           (self.theta0, self.theta1), lr, "θ0, θ1"))


# ------------------------------------------------------------ 784 pixels, ten digits

class PerDigitLogistic:
    """Ten "is it a d?" logistic models (one-vs-rest) trained side by side.

    Each model d has 785 θ: the bias θ0 = ``b[d]`` (times x0 = 1) and one
    weight per pixel, θ1..θ784 = ``W[:, d]``. Its output sigmoid(x·W[:, d] + b[d])
    answers "is it a d?" on its own; the ten answers do not sum to 1. The
    prediction is the digit whose model answers highest (argmax).

    Training: mini-batch gradient descent on the mean log loss of all the
    models, with momentum and a step size decaying linearly from ``lr`` to 0;
    the batch order is drawn from ``seed``, so the same seed gives the same θ.
    The training settings given here are the defaults of :meth:`fit`. Small
    batches (32 images) keep every matrix product small enough for one CPU
    core, which stays fast even when other programs keep the machine busy.
    """

    def __init__(self, digits: Iterable[int] = DIGITS, epochs: int = 4, batch_size: int = 32,
                 lr: float = 0.1, momentum: float = 0.9, seed: int = 0, **unknown: Any) -> None:
        validate.no_unknown_keywords(unknown, "PerDigitLogistic")
        digits = tuple(digits) if isinstance(digits, Iterable) and not isinstance(digits, str) \
            else ()
        if not digits or len(set(digits)) != len(digits):
            raise MnistlabValueError(f"digits 는 서로 다른 숫자 0..9 의 목록이어야 합니다. 받은 값: {digits!r}")
        self.digits = tuple(check_digit(d) for d in digits)
        self.epochs = validate.positive_int(epochs, "epochs")
        self.batch_size = validate.positive_int(batch_size, "batch_size")
        self.lr = validate.positive(lr, "lr (학습률)")
        self.momentum = validate.real(momentum, "momentum", low=0.0, high=1.0, open_high=True)
        self.seed = validate.seed(seed)
        self.W: np.ndarray | None = None      # (784, k): θ1..θ784 of each model
        self.b: np.ndarray | None = None      # (k,): θ0 of each model
        self.history: list[dict] = []         # one record per epoch of the last fit

    def __repr__(self) -> str:
        state = "학습됨" if self.W is not None else "학습 전"
        return (f"PerDigitLogistic(digits={self.digits}, epochs={self.epochs}, "
                f"batch_size={self.batch_size}, lr={self.lr}, "
                f"momentum={self.momentum}, seed={self.seed})  # {state}")

    @property
    def loss_history(self) -> list[float]:
        """The training log loss after each epoch of the last fit."""
        return [r["loss"] for r in self.history]

    def fit(self, X: ArrayLike, y: ArrayLike, *, epochs: int | None = None, batch_size: int | None = None,
            lr: float | None = None, seed: int | None = None, validation: tuple | None = None,
            progress: bool = False, **unknown: Any) -> list[dict]:
        """Learn θ from images X (normalized 0..1) and their labels y (0..9); return the history.

        ``epochs``, ``batch_size``, ``lr`` and ``seed`` given here replace the model's
        settings (the same words as ``Network.fit``); progress=True shows a progress
        bar. History: per epoch ``epoch, lr, loss, accuracy`` on the training data and,
        with ``validation=(X_val, y_val)``, ``val_loss, val_accuracy``.
        """
        validate.no_unknown_keywords(unknown, "PerDigitLogistic.fit")
        if epochs is not None:
            self.epochs = validate.positive_int(epochs, "epochs")
        if batch_size is not None:
            self.batch_size = validate.positive_int(batch_size, "batch_size")
        if lr is not None:
            self.lr = validate.positive(lr, "lr (학습률)")
        if seed is not None:
            self.seed = validate.seed(seed)
        data = {"train": self._data(X, y)}
        if validation is not None:
            data["val"] = self._data(*validate.validation_pair(validation))
        X, T = data["train"]
        n, k = len(X), len(self.digits)
        W = np.zeros((N_PIXELS, k), np.float32)
        b = np.zeros(k, np.float32)
        vW, vb = np.zeros_like(W), np.zeros_like(b)
        total = self.epochs * (n // min(self.batch_size, n))
        done = 0

        def step(rows: np.ndarray, lr: float) -> None:
            nonlocal done, W, b, vW, vb                          # updated in place
            x, target = X[rows], T[rows]
            err = (sigmoid(x @ W + b) - target) / len(rows)      # ∂loss/∂z, for every model
            rate = np.float32(lr * (1 - done / total))           # decays linearly to 0
            vW *= self.momentum
            vW -= rate * (x.T @ err)
            vb *= self.momentum
            vb -= rate * err.sum(axis=0)
            W += vW
            b += vb
            done += 1

        self.W, self.b, self.history = W, b, []
        self.history = descend(n, step, lambda part: self._measure(*data[part]),
                               rates=[self.lr] * self.epochs, batch_size=self.batch_size,
                               seed=self.seed, validation=validation is not None,
                               progress=progress, drop_last=True,
                               after_epoch=lambda lr: validate.finite_parameters((W, b), lr, "θ"))
        return self.history

    def _data(self, X: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """Checked float32 images (N, 784) and their 0/1 targets (N, k), one column per model."""
        X, _ = as_inputs(X, "X")
        y = check_labels(y, len(X))
        T = (y[:, None] == np.array(self.digits)[None, :]).astype(np.float32)
        return X.astype(np.float32, copy=False), T

    def _measure(self, X: np.ndarray, T: np.ndarray) -> tuple[float, float]:
        """(mean log loss of every model, accuracy): argmax of the models, or p ≥ 0.5 for one."""
        p = sigmoid(X @ self.W + self.b)
        loss = cross_entropy(T.ravel(), p.ravel())
        if p.shape[1] == 1:
            return loss, float(np.mean((p[:, 0] >= 0.5) == (T[:, 0] == 1)))
        return loss, float(np.mean(p.argmax(axis=1) == T.argmax(axis=1)))

    def decision_function(self, X: ArrayLike) -> np.ndarray:
        """z = θ0 + Σ θi·xi of every model: (N, k), or (k,) for one image."""
        batch, single = as_inputs(X, "X")
        W, b = self._fitted()
        z = batch.astype(np.float32, copy=False) @ W + b
        return z[0] if single else z

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """Each model's sigmoid output (N, k): the probability it gives "yes"."""
        return sigmoid(self.decision_function(X))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The digit whose model answers highest (argmax), for each image."""
        z = self.decision_function(X)
        return np.asarray(self.digits)[np.argmax(z, axis=-1)]

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Accuracy: the fraction of images whose prediction equals the label."""
        X, _ = as_inputs(X, "X")
        y = check_labels(y, len(X))
        return float(np.mean(self.predict(X) == y))

    def theta(self, digit: int) -> np.ndarray:
        """θ1..θ784 of the "is it a {digit}?" model as a 28×28 image (세타 지도)."""
        W, _ = self._fitted()
        return W[:, self.digits.index(check_digit(digit, self.digits))].reshape(SIDE, SIDE)

    def theta0(self, digit: int) -> float:
        """θ0 (the bias, multiplied by x0 = 1) of the "is it a {digit}?" model."""
        _, b = self._fitted()
        return float(b[self.digits.index(check_digit(digit, self.digits))])

    def evidence(self, image: ArrayLike, digit: int) -> np.ndarray:
        """Pixel × θ for one image and one model, as 28×28 (증폭: where the sum comes from).

        Its sum plus θ0 is the model's z; positive cells push towards "yes", negative towards "no".
        """
        batch, single = as_inputs(image, "image")
        if not single:
            raise MnistlabValueError("evidence 는 이미지 한 장((784,) 또는 (28, 28))을 받습니다.")
        return (batch[0] * self.theta(digit).reshape(-1)).reshape(SIDE, SIDE)

    def _fitted(self) -> tuple[np.ndarray, np.ndarray]:
        if self.W is None or self.b is None or not self.history:
            raise NotFittedError("아직 학습하지 않은 모델입니다. 먼저 model.fit(X, y) 를 실행하세요.")
        return self.W, self.b


class OneDigitLogistic:
    """One "is it a {digit}?" model: 785 θ, sigmoid output, the 0.5 threshold.

    The same training as :class:`PerDigitLogistic`, restricted to one digit
    (with the same seed it learns exactly that model's θ).
    """

    def __init__(self, digit: int = 5, **training: Any) -> None:
        self.digit = check_digit(digit)
        validate.no_unknown_keywords(training, "OneDigitLogistic",
                                     allowed=("epochs", "batch_size", "lr", "momentum", "seed"))
        self.model = PerDigitLogistic(digits=(self.digit,), **training)

    def __repr__(self) -> str:
        return f"OneDigitLogistic(digit={self.digit})  # {self.model!r}"

    def fit(self, X: ArrayLike, y: ArrayLike, **training: Any) -> list[dict]:
        """Learn θ from images X and their digit labels y (0..9); the same keywords and
        history as :meth:`PerDigitLogistic.fit` (accuracy: yes/no against y == digit)."""
        validate.no_unknown_keywords(training, "OneDigitLogistic.fit", allowed=(
            "epochs", "batch_size", "lr", "seed", "validation", "progress"))
        return self.model.fit(X, y, **training)

    def decision_function(self, X: ArrayLike) -> np.ndarray:
        """z = θ0 + Σ θi·xi for each image."""
        return self.model.decision_function(X)[..., 0]

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """The sigmoid output: the probability that the image is the digit."""
        return sigmoid(self.decision_function(X))

    def predict(self, X: ArrayLike, threshold: float = 0.5) -> np.ndarray:
        """True where the output reaches the threshold ("yes, it is a 5"): p ≥ threshold."""
        threshold = validate.real(threshold, "threshold (기준값)", low=0.0, high=1.0,
                                  open_low=True, open_high=True)
        return self.predict_proba(X) >= threshold

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Accuracy of yes/no against (y == digit)."""
        X, _ = as_inputs(X, "X")
        y = check_labels(y, len(X))
        return float(np.mean(self.predict(X) == (y == self.digit)))

    def theta(self) -> np.ndarray:
        """θ1..θ784 as a 28×28 image."""
        return self.model.theta(self.digit)

    def theta0(self) -> float:
        """θ0, the bias."""
        return self.model.theta0(self.digit)

    @property
    def history(self) -> list[dict]:
        return self.model.history

    @property
    def loss_history(self) -> list[float]:
        return self.model.loss_history


def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike) -> np.ndarray:
    """10×10 counts: row = true digit, column = predicted digit."""
    t = check_labels(y_true, name="y_true")
    p = check_labels(y_pred, len(t), name="y_pred")
    return np.bincount(t * 10 + p, minlength=100).reshape(10, 10)


__all__ = [
    "OneDigitLogistic",
    "OnePixelLogistic",
    "PerDigitLogistic",
    "check_digit",
    "check_labels",
    "confusion_matrix",
    "log_loss",
    "log_loss_grad",
    "pixel_index",
    "pixel_values",
    "sigmoid",
]
