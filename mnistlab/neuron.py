"""인공뉴런: activation functions and one artificial neuron (chapter 03).

A neuron takes many numbers and returns one: it multiplies each input by its
가중치 (weight) W, adds the 편향 (bias) b, and passes that 가중합 (weighted sum)
z through an 활성함수 (activation function). With the sigmoid it is exactly the
logistic regression model of chapter 02: W were the θ1…θ784 and b was θ0.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from mnistlab import validate
from mnistlab.formulas import activation as activation_function


class Neuron:
    """인공뉴런: output = activation(W · x + b), for one input vector or many.

    ``W`` holds one 가중치 per input, ``b`` is the 편향. Calling the neuron on
    inputs of shape (n,) gives one number; on (N, n) it gives N numbers.
    """

    def __init__(self, W: ArrayLike, b: float = 0.0, activation: str = "sigmoid") -> None:
        self.W = validate.numbers_array(W, "가중치 W", ndim=1)
        self.b = validate.real(b, "편향 b")
        self.activation = activation
        self.f = activation_function(activation)

    @property
    def n_inputs(self) -> int:
        """How many numbers the neuron takes in."""
        return self.W.size

    def weighted_sum(self, x: ArrayLike) -> Any:
        """가중합 z = W · x + b (a number, or one per row of x)."""
        z = validate.neuron_inputs(x, self.n_inputs) @ self.W + self.b
        return float(z) if np.ndim(z) == 0 else z

    def __call__(self, x: ArrayLike) -> Any:
        """출력 a = activation(z): how strongly the neuron is 활성화 (activated)."""
        a = self.f(self.weighted_sum(x))
        return float(a) if np.ndim(a) == 0 else a

    def __repr__(self) -> str:
        return f"Neuron(입력 {self.n_inputs}개, b={self.b:.3g}, activation={self.activation!r})"


__all__ = ["Neuron"]
