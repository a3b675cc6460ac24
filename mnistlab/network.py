"""인공신경망: a fully connected network in the lesson's notation (chapter 04).

Layer 0 is the 입력층 (input layer); ``L`` counts the other layers, so the
lesson's 784-16-16-10 network has L = 3 (two 은닉층 and the 출력층).
Layer l has ``n[l]`` neurons. ``W[l]`` has shape (n[l], n[l-1]) and ``b[l]``
shape (n[l],): row j of ``W[l]`` and entry j of ``b[l]`` are the 가중치 and
편향 of neuron j of layer l, which is one logistic model of the previous
layer's outputs. Index 0 of ``W`` and ``b`` is None, so ``net.W[l]`` reads
exactly like the lesson's W^l.

Read ``_forward`` and ``_backprop`` beside the four equations of
backpropagation (Nielsen, chapter 2); each line is commented with its equation:

    z^l = W^l a^{l-1} + b^l,   a^l = σ(z^l)                 (순전파)
    δ^L = a^L − y                                             (출력층의 오차)
    δ^l = (W^{l+1})ᵀ δ^{l+1} ⊙ σ′(z^l)                        (오차를 뒤로 전파)
    ∂C/∂w^l_jk = a^{l−1}_k δ^l_j,   ∂C/∂b^l_j = δ^l_j         (기울기)

The code works on a batch of N inputs at once, one input per row, so
``W^l a^{l-1}`` is written ``a[l-1] @ W[l].T`` and the gradients are means over
the rows. ``step`` is one move against the gradient and ``fit`` many steps
(the loop itself is :func:`mnistlab.descent.descend`, shared by every model).
Files live in :mod:`mnistlab.network_files`, input checks in :mod:`mnistlab.validate`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike

from mnistlab import network_files, validate
from mnistlab.descent import descend
from mnistlab.formulas import ACTIVATIONS, DERIVATIVES, cross_entropy, mean_squared_error, one_hot
from mnistlab.network_files import PRETRAINED_FILE, PRETRAINED_SIZES, NetworkFileError

TRAINABLE = validate.TRAINABLE          # sigmoid, tanh, relu (the step has no slope to follow)
CHUNK = 10_000                          # inputs per forward pass when measuring a whole data set


class Network:
    """인공신경망 with layers ``sizes`` = [n[0], n[1], …, n[L]] and one activation function.

    >>> net = Network([784, 16, 16, 10])
    >>> a = net.forward(x)          # [a0, a1, a2, a3]: every layer's outputs
    >>> net.predict(x)              # the digit whose output neuron is most activated

    Weights start small and random (seeded), scaled by 1/√n[l-1] so that the
    weighted sums start in the sigmoid's sensitive middle.
    """

    def __init__(self, sizes: Sequence[int] | None, activation: str = "sigmoid", seed: int = 0) -> None:
        self.sizes = validate.layer_sizes(sizes)
        self.activation = validate.choice(activation, "activation (활성함수)", ACTIVATIONS)
        self.f = ACTIVATIONS[activation]
        rng = np.random.default_rng(validate.integer(seed, "seed", low=0))
        self.W: list = [None]           # W[0] = b[0] = None: the input layer has none
        self.b: list = [None]
        for l in range(1, self.L + 1):
            self.W.append(rng.normal(0.0, 1.0 / np.sqrt(self.n[l - 1]), (self.n[l], self.n[l - 1])))
            self.b.append(np.zeros(self.n[l]))

    @classmethod
    def from_parameters(cls, W: list, b: list, activation: str = "sigmoid") -> Network:
        """A network with the given W[1..L] and b[1..L] (index 0 None), e.g. read from a file."""
        sizes, W, b = validate.parameters(W, b)
        net = cls.__new__(cls)
        net.sizes = sizes
        net.activation = validate.choice(activation, "activation (활성함수)", ACTIVATIONS)
        net.f = ACTIVATIONS[activation]
        net.W = [None] + [np.array(w, dtype=float) for w in W[1:]]
        net.b = [None] + [np.array(v, dtype=float) for v in b[1:]]
        return net

    # ------------------------------------------------------------ notation
    @property
    def L(self) -> int:
        """층의 수 L: the number of layers, not counting the input layer (layer 0)."""
        return len(self.sizes) - 1

    @property
    def n(self) -> list[int]:
        """n[l]: how many neurons layer l has (n[0] = 784 inputs for MNIST)."""
        return self.sizes

    @property
    def n_params(self) -> int:
        """How many weights and biases the network has in total."""
        return sum(int(self.W[l].size + self.b[l].size) for l in range(1, self.L + 1))

    def __repr__(self) -> str:
        shape = "-".join(map(str, self.sizes))
        return (f"Network({shape}, activation={self.activation!r}, L={self.L}, "
                f"가중치와 편향 {self.n_params:,}개)")

    # ------------------------------------------------------------ the lesson's math
    def _forward(self, a0: np.ndarray) -> tuple[list, list]:
        """순전파 on a checked (N, n[0]) batch: [a0, a1, …, aL] and [None, z1, …, zL].

        ``sigma`` is the network's activation function σ (the sigmoid unless chosen otherwise)."""
        W, b, sigma = self.W, self.b, self.f
        a, z = [a0], [None]
        for l in range(1, self.L + 1):
            z.append(a[l - 1] @ W[l].T + b[l])           # z^l = W^l a^{l-1} + b^l
            a.append(sigma(z[l]))                          # a^l = σ(z^l)
        return a, z

    def _backprop(self, a0: np.ndarray, Y: np.ndarray) -> tuple[list, list, np.ndarray]:
        """역전파: the gradients (dW, db) of the mean loss over the batch, and its a^L."""
        W, sigma_prime, L = self.W, DERIVATIVES[self.activation], self.L
        a, z = self._forward(a0)
        delta: list = [None] * (L + 1)
        delta[L] = self._output_error(a[L], Y, z[L])    # δ^L = a^L − y
        for l in range(L - 1, 0, -1):
            delta[l] = (delta[l + 1] @ W[l + 1]) * sigma_prime(z[l])  # δ^l = (W^{l+1})ᵀ δ^{l+1} ⊙ σ′(z^l)
        dW: list = [None] * (L + 1)
        db: list = [None] * (L + 1)
        for l in range(1, L + 1):
            dW[l] = delta[l].T @ a[l - 1] / len(a0)      # ∂C/∂w^l_jk = a^{l−1}_k δ^l_j
            db[l] = delta[l].mean(axis=0)                # ∂C/∂b^l_j = δ^l_j
        return dW, db, a[L]

    def _output_error(self, aL: np.ndarray, Y: np.ndarray, zL: np.ndarray) -> np.ndarray:
        """δ^L = ∂C/∂z^L. With sigmoid outputs and cross-entropy σ′ cancels: a^L − y.
        The other activations use the squared error, whose δ^L keeps σ′: (a^L − y) ⊙ σ′(z^L)."""
        if self.activation == "sigmoid":
            return aL - Y
        return (aL - Y) * DERIVATIVES[self.activation](zL)

    def _loss(self, aL: np.ndarray, Y: np.ndarray) -> float:
        """Mean loss C over the batch (cross-entropy for sigmoid outputs, else squared error)."""
        if self.activation == "sigmoid":
            return cross_entropy(Y, aL)
        return mean_squared_error(Y, aL)

    def _step(self, a0: np.ndarray, Y: np.ndarray, lr: float) -> float:
        """경사 하강법 한 걸음 on a checked batch: W^l ← W^l − lr ∂C/∂W^l, b^l ← b^l − lr ∂C/∂b^l."""
        dW, db, aL = self._backprop(a0, Y)
        for l in range(1, self.L + 1):
            self.W[l] -= lr * dW[l]
            self.b[l] -= lr * db[l]
        return self._loss(aL, Y)

    # ------------------------------------------------------------ the public edge (checked)
    def forward(self, X: ArrayLike, return_z: bool = False) -> list | tuple[list, list]:
        """순전파: every layer's outputs [a0, a1, …, aL] for one input or a batch.

        One image (784,) or (28, 28) gives 1-D arrays; a batch (N, 784) gives
        arrays of shape (N, n[l]). With ``return_z=True`` also returns the
        weighted sums [None, z1, …, zL] (the input layer has none).
        """
        a0, single = validate.network_inputs(X, self.n[0])
        self._check_parameters()
        a, z = self._forward(a0)
        if single:
            a = [v[0] for v in a]
            z = [None] + [v[0] for v in z[1:]]
        return (a, z) if return_z else a

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """출력층의 출력 a[L]: one activation per class (digit 0 … 9)."""
        a0, single = validate.network_inputs(X, self.n[0])
        self._check_parameters()
        aL = self._forward(a0)[0][-1]
        return aL[0] if single else aL

    def predict(self, X: ArrayLike) -> int | np.ndarray:
        """The class whose output neuron is most activated (an int, or one per image)."""
        out = self.predict_proba(X)
        return int(np.argmax(out)) if out.ndim == 1 else np.argmax(out, axis=1)

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """정확도 (accuracy, 0..1): the share of inputs whose prediction equals the label."""
        a0, Y = self._batch(X, y)
        self._check_parameters()
        return self._measure(a0, Y)[1]

    def loss(self, X: ArrayLike, y: ArrayLike) -> float:
        """Mean loss over the inputs (cross-entropy for sigmoid outputs, else squared error)."""
        a0, Y = self._batch(X, y)
        self._check_parameters()
        return self._loss(self._forward(a0)[0][-1], Y)

    def gradients(self, X: ArrayLike, y: ArrayLike) -> tuple[list, list]:
        """역전파 (backpropagation): the slopes of :meth:`loss` for every W[l] and b[l].

        Returns ``(dW, db)``, lists indexed like ``W`` and ``b`` (index 0 is None).
        """
        validate.trainable(self.activation)
        a0, Y = self._batch(X, y)
        self._check_parameters()
        return self._backprop(a0, Y)[:2]

    def step(self, X_batch: ArrayLike, y_batch: ArrayLike, *, lr: float) -> float:
        """경사 하강법 한 걸음: move every W[l] and b[l] by −lr × its gradient on this batch.

        Returns the batch's loss before the step (what the step is making smaller).
        """
        validate.trainable(self.activation)
        a0, Y = self._batch(X_batch, y_batch)
        self._check_parameters()
        lr = validate.positive(lr, "lr (학습률)")
        with np.errstate(over="ignore", invalid="ignore"):    # divergence is checked below
            loss = self._step(a0, Y, lr)
        validate.not_diverged(self.W, self.b, lr)
        return loss

    def fit(self, X: ArrayLike, y: ArrayLike, *, epochs: int = 10, batch_size: int = 32, lr: float = 0.5,
            lr_end: float | None = None, seed: int = 0, validation: tuple | None = None,
            progress: bool = True) -> list[dict]:
        """Train by mini-batch gradient descent (경사 하강법): many :meth:`step` s.

        Each epoch shuffles the training data with ``seed`` (so a run is
        reproducible), then takes one step per mini-batch. The step size (학습률)
        is ``lr`` in the first epoch and, with ``lr_end``, shrinks evenly
        (geometrically) to ``lr_end`` in the last one: big steps to get close,
        small ones to settle. Shows a tqdm progress bar when ``progress``.
        Returns one record per epoch with ``epoch, lr, loss, accuracy`` (on the
        training data) and, with ``validation=(X_val, y_val)``, ``val_loss, val_accuracy``.
        """
        validate.trainable(self.activation)
        X, Y = self._batch(X, y)
        self._check_parameters()
        batch_size = validate.positive_int(batch_size, "batch_size")
        rates = validate.learning_rates(lr, lr_end, epochs)
        seed = validate.integer(seed, "seed", low=0)
        data = {"train": (X, Y)}
        if validation is not None:
            data["val"] = self._batch(*validate.validation_pair(validation))
        return descend(len(X), lambda rows, rate: self._step(X[rows], Y[rows], rate),
                       lambda part: self._measure(*data[part]), rates=rates,
                       batch_size=batch_size, seed=seed, validation=validation is not None,
                       progress=bool(progress),
                       after_epoch=lambda rate: validate.not_diverged(self.W, self.b, rate))

    def _measure(self, a0: np.ndarray, Y: np.ndarray) -> tuple[float, float]:
        """(mean loss, accuracy) on a checked data set, CHUNK inputs at a time (small memory)."""
        aL = np.vstack([self._forward(a0[k:k + CHUNK])[0][-1] for k in range(0, len(a0), CHUNK)])
        return self._loss(aL, Y), float(np.mean(aL.argmax(axis=1) == Y.argmax(axis=1)))

    def _batch(self, X: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """Checked inputs (N, n[0]) and their labels as one-hot rows (N, n[L])."""
        a0, _ = validate.network_inputs(X, self.n[0])
        y = validate.class_labels(y, len(a0), self.n[-1], "정답 y")
        return a0, one_hot(y, self.n[-1])

    def _check_parameters(self) -> None:
        """A W[l] of the wrong shape, or a NaN weight, would fail deep inside numpy: say so."""
        validate.parameters(self.W, self.b, self.sizes)

    def check_neuron(self, l: int, i: int) -> tuple[int, int]:
        """Check a neuron address (layer l = 1 … L, index i = 1 … n[l], counted from the top
        as in the lesson's a^[l]_i) and return it as ints."""
        return validate.neuron_address(l, i, self.sizes)

    # ------------------------------------------------------------ copies and files
    def copy(self) -> Network:
        """An independent copy (changing its weights leaves this network alone)."""
        return Network.from_parameters(self.W, self.b, self.activation)

    def save(self, path: str | Path) -> Path:
        """Save sizes, activation, every W[l] and b[l] to a .npz file (no pickle)."""
        self._check_parameters()
        return network_files.save(path, self.sizes, self.activation, self.W, self.b)

    @classmethod
    def load(cls, path: str | Path, sizes: Sequence[int] | None=None, activation: str | None = None) -> Network:
        """Load a network saved by :meth:`save`; with ``sizes`` / ``activation`` given, a file
        for a different network is refused with what it holds."""
        if sizes is not None:
            sizes = validate.layer_sizes(sizes)
        if activation is not None:
            activation = validate.choice(activation, "activation (활성함수)", ACTIVATIONS)
        W, b, file_activation = network_files.load(path, sizes, activation)
        return cls.from_parameters(W, b, activation=file_activation)


def pretrained_network() -> Network:
    """The shipped trained network: 784-16-16-10, sigmoid, L = 3 (a fresh copy each call).

    Made by ``python -m mnistlab.train_network`` (``make model``); its file is
    pinned by SHA-256, so a changed file is refused with how to restore it.
    """
    W, b, activation = network_files.load(PRETRAINED_FILE, list(PRETRAINED_SIZES), "sigmoid",
                                          sha256=network_files.PRETRAINED_SHA256)
    return Network.from_parameters(W, b, activation=activation)


__all__ = ["Network", "NetworkFileError", "pretrained_network"]
