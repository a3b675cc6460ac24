"""인공뉴런: activation functions and one artificial neuron (chapter 03).

A neuron takes many numbers and returns one: it multiplies each input by its
가중치 (weight) W, adds the 편향 (bias) b, and passes that 가중합 (weighted sum)
z through an 활성함수 (activation function). With the sigmoid it is exactly the
logistic regression model of chapter 02: W were the θ1…θ784 and b was θ0.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def sigmoid(z):
    """시그모이드 1 / (1 + e^-z): squeezes any number into 0..1 (the logistic function)."""
    # 0.5 (1 + tanh(z/2)) is the same function, computed without overflow for large |z|.
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))


def step(z):
    """계단 함수: 1 once z reaches the threshold 0, else 0 (fires or not, like a real neuron)."""
    return (np.asarray(z, dtype=float) >= 0).astype(float)


def tanh(z):
    """하이퍼볼릭 탄젠트: like the sigmoid but from -1 to 1, centred on 0."""
    return np.tanh(np.asarray(z, dtype=float))


def relu(z):
    """ReLU max(0, z): 0 for negative sums, the sum itself otherwise."""
    return np.maximum(0.0, np.asarray(z, dtype=float))


def sigmoid_prime(z):
    """Slope of the sigmoid: σ(z) (1 - σ(z))."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh_prime(z):
    """Slope of tanh: 1 - tanh(z)²."""
    return 1.0 - np.tanh(np.asarray(z, dtype=float)) ** 2


def relu_prime(z):
    """Slope of ReLU: 0 left of 0, 1 right of it."""
    return (np.asarray(z, dtype=float) > 0).astype(float)


# name → (function, Korean name, output range) — the choices the lesson and the widgets offer.
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
DERIVATIVES: dict[str, Callable] = {
    "sigmoid": sigmoid_prime,
    "tanh": tanh_prime,
    "relu": relu_prime,
}


def activation(name: str) -> Callable:
    """The activation function called ``name`` (sigmoid, step, tanh or relu)."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"알 수 없는 활성함수입니다: {name!r}. "
            f"다음 중 하나를 쓰세요: {', '.join(ACTIVATIONS)}."
        ) from None


class Neuron:
    """인공뉴런: output = activation(W · x + b), for one input vector or many.

    ``W`` holds one 가중치 per input, ``b`` is the 편향. Calling the neuron on
    inputs of shape (n,) gives one number; on (N, n) it gives N numbers.
    """

    def __init__(self, W, b: float = 0.0, activation: str = "sigmoid"):
        W = np.asarray(W, dtype=float)
        if W.ndim != 1 or W.size == 0:
            raise ValueError(
                f"가중치 W 는 입력 하나당 숫자 하나인 1차원 배열이어야 합니다. 받은 모양: {W.shape}"
            )
        try:
            b = float(b)
        except (TypeError, ValueError):
            raise TypeError(f"편향 b 는 실수 하나여야 합니다(받은 것: {b!r}).") from None
        if not np.all(np.isfinite(W)) or not np.isfinite(b):
            raise ValueError("가중치나 편향에 NaN 이나 무한대가 있습니다. 보통의 실수를 넣으세요.")
        self.W = W
        self.b = float(b)
        self.activation = activation
        self.f = globals()["activation"](activation)

    @property
    def n_inputs(self) -> int:
        """How many numbers the neuron takes in."""
        return self.W.size

    def _check(self, x) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        if x.ndim not in (1, 2) or x.shape[-1] != self.n_inputs:
            raise ValueError(
                f"입력의 길이가 가중치 수와 달라요: 가중치 {self.n_inputs}개, 받은 입력 모양 "
                f"{x.shape}. 입력 하나는 ({self.n_inputs},), 여러 개는 (N, {self.n_inputs}) "
                "모양으로 넣으세요."
            )
        if not np.all(np.isfinite(x)):
            raise ValueError("입력에 NaN 이나 무한대가 있습니다. 보통의 실수를 넣으세요.")
        return x

    def weighted_sum(self, x):
        """가중합 z = W · x + b (a number, or one per row of x)."""
        z = self._check(x) @ self.W + self.b
        return float(z) if np.ndim(z) == 0 else z

    def __call__(self, x):
        """출력 a = activation(z): how strongly the neuron is 활성화 (activated)."""
        a = self.f(self.weighted_sum(x))
        return float(a) if np.ndim(a) == 0 else a

    def __repr__(self) -> str:
        return f"Neuron(입력 {self.n_inputs}개, b={self.b:.3g}, activation={self.activation!r})"


__all__ = [
    "ACTIVATIONS", "KOREAN_NAMES", "Neuron", "activation", "relu", "sigmoid", "step", "tanh",
]
