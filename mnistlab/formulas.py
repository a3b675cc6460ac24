"""The lesson's formulas, each in one place: activation functions, their slopes, log loss.

logistic regression (chapter 02), the neuron (03) and the network (04) all
import them from here — in the code as in the lesson, a neuron with the
sigmoid *is* logistic regression.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from mnistlab.errors import MnistlabTypeError, MnistlabValueError

EPS = 1e-7          # log loss clips probabilities to [EPS, 1 - EPS]


def _real(z: ArrayLike) -> np.ndarray:
    """z as a real float array (float32 stays float32); a Korean error for anything else."""
    a = np.asarray(z)
    if a.dtype.kind not in "fiu":
        raise MnistlabTypeError(
            f"활성함수에는 실수(또는 실수 배열)를 넣으세요. 받은 값의 종류: {a.dtype} "
            "(문자열·복소수·True/False 는 쓸 수 없습니다)."
        )
    return a if a.dtype.kind == "f" else a.astype(np.float64)


def _same_kind(out: np.ndarray) -> Any:
    """A float for a scalar input, else the array."""
    return out if out.ndim else float(out)


# ------------------------------------------------------------ activation functions

def sigmoid(z: ArrayLike) -> Any:
    """시그모이드 1 / (1 + e^-z): squeezes any number into 0..1 (the logistic function).

    Written as (1 + tanh(z/2)) / 2, which is the same function but never
    computes e^(+large): no warning and no NaN even for z = ±1e4, in float32
    and float64. Returns an array of z's shape (a float for a scalar).
    """
    return _same_kind(0.5 * (1.0 + np.tanh(0.5 * _real(z))))


def step(z: ArrayLike) -> Any:
    """계단 함수: 1 once z reaches the threshold 0, else 0 (fires or not, like a real neuron)."""
    return _same_kind((_real(z) >= 0).astype(float))


def tanh(z: ArrayLike) -> Any:
    """하이퍼볼릭 탄젠트: like the sigmoid but from -1 to 1, centred on 0."""
    return _same_kind(np.tanh(_real(z)))


def relu(z: ArrayLike) -> Any:
    """ReLU max(0, z): 0 for negative sums, the sum itself otherwise."""
    return _same_kind(np.maximum(0.0, _real(z)))


# ------------------------------------------------------------ their slopes (for learning)

def sigmoid_prime(z: ArrayLike) -> Any:
    """Slope of the sigmoid: σ(z) (1 - σ(z)), largest (0.25) at z = 0."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh_prime(z: ArrayLike) -> Any:
    """Slope of tanh: 1 - tanh(z)²."""
    return 1.0 - tanh(z) ** 2


def relu_prime(z: ArrayLike) -> Any:
    """Slope of ReLU: 0 left of 0, 1 right of it."""
    return _same_kind((_real(z) > 0).astype(float))


# name → function: the choices the lesson and the widgets offer.
ACTIVATIONS: dict[str, Callable] = {
    "sigmoid": sigmoid,
    "step": step,
    "tanh": tanh,
    "relu": relu,
}
KOREAN_NAMES = {
    "sigmoid": "시그모이드",
    "step": "계단 함수",
    "tanh": "tanh (하이퍼볼릭 탄젠트)",
    "relu": "ReLU",
}
DERIVATIVES: dict[str, Callable] = {          # the step has no slope to follow
    "sigmoid": sigmoid_prime,
    "tanh": tanh_prime,
    "relu": relu_prime,
}


def activation(name: str) -> Callable:
    """The activation function called ``name`` (sigmoid, step, tanh or relu)."""
    if not isinstance(name, str) or name not in ACTIVATIONS:
        raise MnistlabValueError(
            f"알 수 없는 활성함수입니다: {name!r}. 다음 중 하나를 쓰세요: {', '.join(ACTIVATIONS)}."
        )
    return ACTIVATIONS[name]


# ------------------------------------------------------------ targets and losses

def one_hot(labels: ArrayLike, k: int = 10) -> np.ndarray:
    """원-핫 인코딩: labels → rows (N, k) with a single 1 at the label (what the 출력층 should say).

    One label gives one row of k numbers: ``one_hot(3)`` is [0, 0, 0, 1, 0, 0, 0, 0, 0, 0].
    """
    y = np.asarray(labels)
    if y.dtype == bool or y.dtype.kind not in "iu" or (y.size and (y.min() < 0 or y.max() >= k)):
        raise MnistlabValueError(
            f"원-핫 인코딩에는 0 이상 {k - 1} 이하의 정수 정답을 넣으세요. 받은 값: {np.ravel(y)[:5]}"
        )
    Y = np.zeros((*y.shape, k))
    np.put_along_axis(Y, y[..., None].astype(np.intp), 1.0, axis=-1)
    return Y


def cross_entropy(y: np.ndarray, p: np.ndarray, eps: float = EPS, w: ArrayLike | None=None) -> float:
    """Mean of −[y·log p + (1 − y)·log(1 − p)] on checked arrays (p clipped to [eps, 1 − eps]).

    ``w`` (optional, one weight per value) makes it a weighted mean. Summed over
    the last axis first when ``y`` is 2-D (the network: one sum per image).
    """
    losses = cross_entropy_terms(y, p, eps)
    if losses.ndim == 2:
        losses = losses.sum(axis=1)
    return float(np.mean(losses) if w is None else np.sum(w * losses) / np.sum(w))


def cross_entropy_terms(y: np.ndarray, p: np.ndarray, eps: float = EPS) -> np.ndarray:
    """교차 엔트로피 오차의 항: −[y·log p + (1 − y)·log(1 − p)] for each value (p clipped).

    The log loss of 02, once per output neuron: an image's loss is the sum of its
    ten terms, and :func:`cross_entropy` is the mean of those sums over the images.
    """
    p = np.clip(p, eps, 1.0 - eps)
    return -(y * np.log(p) + (1.0 - y) * np.log1p(-p))


def squared_error_terms(y: np.ndarray, p: np.ndarray) -> np.ndarray:
    """제곱 오차의 항: ½ (p − y)² for each value (the ½ makes its slope simply p − y)."""
    return 0.5 * (np.asarray(p, dtype=float) - y) ** 2


def mean_squared_error(y: np.ndarray, p: np.ndarray) -> float:
    """평균 제곱 오차: ½ Σ (p − y)² over the outputs (last axis), averaged over the images.

    3Blue1Brown's cost leaves out the ½ (twice this number); the ½ is the
    convention of 밑바닥부터 시작하는 딥러닝 and of ``Network`` for non-sigmoid outputs.
    """
    terms = squared_error_terms(y, p)
    if terms.ndim == 2:
        terms = terms.sum(axis=1)
    return float(np.mean(terms))


__all__ = [
    "ACTIVATIONS", "DERIVATIVES", "EPS", "KOREAN_NAMES", "activation", "cross_entropy",
    "cross_entropy_terms", "mean_squared_error", "one_hot", "relu", "relu_prime", "sigmoid",
    "sigmoid_prime", "squared_error_terms", "step", "tanh", "tanh_prime",
]
