"""인공신경망: a fully connected network in the lesson's notation (chapter 04).

Layer 0 is the 입력층 (input layer); ``L`` counts the other layers, so the
lesson's 784-16-16-10 network has L = 3 (two 은닉층 and the 출력층).
Layer l has ``n[l]`` neurons. For l = 1 … L

    z[l] = W[l] @ a[l-1] + b[l]        (가중합, weighted sums)
    a[l] = activation(z[l])            (출력, the neurons' activations)

with ``W[l]`` of shape (n[l], n[l-1]) and ``b[l]`` of shape (n[l],); row i of
``W[l]`` and entry i of ``b[l]`` are the 가중치 and 편향 of neuron i of layer l,
which is one logistic model of the previous layer's outputs. Index 0 of ``W``
and ``b`` is None, so ``net.W[l]`` reads exactly like the lesson's W^[l].

Read it in this order: ``forward`` (the lesson's two lines per layer),
``_backprop`` (the same layers walked backwards), ``step`` (one move against
the gradient) and ``fit`` (many steps). Training is here so that the shipped
weights come from real, readable code; the lesson only shows its result.
Files live in :mod:`mnistlab.network_files`, input checks in :mod:`mnistlab.validate`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mnistlab import network_files
from mnistlab import validate as check
from mnistlab.errors import MnistlabValueError
from mnistlab.formulas import ACTIVATIONS, DERIVATIVES, cross_entropy, one_hot
from mnistlab.network_files import (  # noqa: F401  (their old home)
    FORMAT,
    MODEL_DIR,
    PRETRAINED_FILE,
    PRETRAINED_SIZES,
    NetworkFileError,
    pretrained_network,
)

TRAINABLE = check.TRAINABLE             # sigmoid, tanh, relu (the step has no slope to follow)


class Network:
    """인공신경망 with layers ``sizes`` = [n[0], n[1], …, n[L]] and one activation function.

    >>> net = Network([784, 16, 16, 10])
    >>> a = net.forward(x)          # [a0, a1, a2, a3]: every layer's outputs
    >>> net.predict(x)              # the digit whose output neuron is most activated

    Weights start small and random (seeded), scaled by 1/√n[l-1] so that the
    weighted sums start in the sigmoid's sensitive middle.
    """

    def __init__(self, sizes, activation: str = "sigmoid", seed: int = 0):
        self.sizes = check.layer_sizes(sizes)
        self.activation = check.choice(activation, "activation (활성함수)", ACTIVATIONS)
        self.f = ACTIVATIONS[activation]
        rng = np.random.default_rng(check.integer(seed, "seed", low=0))
        self.W: list[np.ndarray | None] = [None]
        self.b: list[np.ndarray | None] = [None]
        for l in range(1, self.L + 1):
            self.W.append(rng.normal(0.0, 1.0 / np.sqrt(self.n[l - 1]), (self.n[l], self.n[l - 1])))
            self.b.append(np.zeros(self.n[l]))

    @classmethod
    def from_parameters(cls, W: list, b: list, activation: str = "sigmoid") -> Network:
        """A network with the given W[1..L] and b[1..L] (index 0 None), e.g. read from a file."""
        net = cls.__new__(cls)
        net.sizes = [W[1].shape[1]] + [w.shape[0] for w in W[1:]]
        net.activation, net.f = activation, ACTIVATIONS[activation]
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
        return sum(self.W[l].size + self.b[l].size for l in range(1, self.L + 1))

    def __repr__(self) -> str:
        shape = "-".join(map(str, self.sizes))
        return (f"Network({shape}, activation={self.activation!r}, L={self.L}, "
                f"가중치와 편향 {self.n_params:,}개)")

    # ------------------------------------------------------------ forward
    def forward(self, X, return_z: bool = False, *, off=()):
        """순전파: every layer's outputs [a0, a1, …, aL] for one input or a batch.

        One image (784,) or (28, 28) gives 1-D arrays; a batch (N, 784) gives
        arrays of shape (N, n[l]). With ``return_z=True`` also returns the
        weighted sums [None, z1, …, zL] (the input layer has none). ``off``
        names neurons (l, i) switched off: their output is 0 whatever they sum.
        """
        a0, single = check.network_inputs(X, self.n[0])
        off = [check.neuron_address(l, i, self.sizes) for l, i in off]
        self._check_parameters()
        a, z = self._forward(a0, off)
        if single:
            a = [v[0] for v in a]
            z = [None] + [v[0] for v in z[1:]]
        return (a, z) if return_z else a

    def _forward(self, a0: np.ndarray, off=()) -> tuple[list, list]:
        """z[l] = a[l-1] W[l]ᵀ + b[l], a[l] = f(z[l]) on a checked (N, n[0]) batch, rows = images."""
        a, z = [a0], [None]
        for l in range(1, self.L + 1):
            z.append(a[-1] @ self.W[l].T + self.b[l])
            a.append(self.f(z[-1]))
            for ol, oi in off:
                if ol == l:
                    a[-1][:, oi - 1] = 0.0
        return a, z

    def _check_parameters(self) -> None:
        """A NaN or infinite weight would silently turn every output into NaN: say so."""
        for l in range(1, self.L + 1):
            if not (np.all(np.isfinite(self.W[l])) and np.all(np.isfinite(self.b[l]))):
                raise MnistlabValueError(
                    f"{l}번째 층의 가중치 W[{l}] 나 편향 b[{l}] 에 NaN 이나 무한대가 있습니다. "
                    "값을 고치거나 ml.pretrained_network() 로 학습된 신경망을 다시 불러오세요."
                )

    def predict_proba(self, X, *, off=()) -> np.ndarray:
        """출력층의 출력 a[L]: one activation per class (digit 0 … 9)."""
        return self.forward(X, off=off)[-1]

    output = predict_proba

    def predict(self, X, *, off=()):
        """The class whose output neuron is most activated (an int, or one per image)."""
        out = self.predict_proba(X, off=off)
        return int(np.argmax(out)) if out.ndim == 1 else np.argmax(out, axis=1)

    def score(self, X, y) -> float:
        """정확도 (accuracy, 0..1): the share of inputs whose prediction equals the label."""
        a0, _ = check.network_inputs(X, self.n[0])
        y = check.class_labels(y, len(a0), self.n[-1], "정답 y")
        return float(np.mean(np.atleast_1d(self.predict(X)) == y))

    accuracy = score

    # ------------------------------------------------------------ learning
    def loss(self, X, y) -> float:
        """Mean loss over the inputs (cross-entropy for sigmoid outputs, else squared error)."""
        a0, Y = self._batch(X, y)
        self._check_parameters()
        return self._loss(self._forward(a0)[0][-1], Y)

    def _loss(self, aL: np.ndarray, Y: np.ndarray) -> float:
        if self.activation == "sigmoid":
            return cross_entropy(Y, aL)
        return float((0.5 * ((aL - Y) ** 2).sum(axis=1)).mean())

    def gradients(self, X, y) -> tuple[list, list]:
        """역전파 (backpropagation): the slopes of :meth:`loss` for every W[l] and b[l].

        Returns ``(dW, db)``, lists indexed like ``W`` and ``b`` (index 0 is None).
        """
        check.trainable(self)
        a0, Y = self._batch(X, y)
        return self._backprop(a0, Y)[:2]

    def _backprop(self, a0: np.ndarray, Y: np.ndarray) -> tuple[list, list, np.ndarray]:
        """Gradients of the mean loss over the batch, layer by layer from the output back
        (and the batch's outputs a[L], from the same forward pass)."""
        a, z = self._forward(a0)
        fprime = DERIVATIVES[self.activation]
        N = len(a0)
        # Output error δ[L] = ∂loss/∂z[L]. With sigmoid + cross-entropy the σ' cancels: a - y.
        delta = a[-1] - Y if self.activation == "sigmoid" else (a[-1] - Y) * fprime(z[-1])
        dW: list = [None] * (self.L + 1)
        db: list = [None] * (self.L + 1)
        for l in range(self.L, 0, -1):
            dW[l] = delta.T @ a[l - 1] / N
            db[l] = delta.mean(axis=0)
            if l > 1:
                delta = (delta @ self.W[l]) * fprime(z[l - 1])
        return dW, db, a[-1]

    def step(self, X_batch, y_batch, *, lr: float) -> float:
        """경사 하강법 한 걸음: move every W[l] and b[l] by −lr × its gradient on this batch.

        Returns the batch's loss before the step (what the step is making smaller).
        """
        check.trainable(self)
        a0, Y = self._batch(X_batch, y_batch)
        self._check_parameters()
        lr = check.positive(lr, "lr (학습률)")
        with np.errstate(over="ignore", invalid="ignore"):    # divergence is checked below
            loss = self._step(a0, Y, lr)
        check.not_diverged(self, lr)
        return loss

    def _step(self, a0: np.ndarray, Y: np.ndarray, lr: float) -> float:
        dW, db, aL = self._backprop(a0, Y)
        for l in range(1, self.L + 1):
            self.W[l] -= lr * dW[l]
            self.b[l] -= lr * db[l]
        return self._loss(aL, Y)

    def fit(self, X, y, *, epochs: int = 10, batch_size: int = 32, lr: float = 0.5,
            lr_end: float | None = None, seed: int = 0, progress: bool = True,
            validation: tuple | None = None) -> list[dict]:
        """Train by mini-batch gradient descent (경사 하강법): many :meth:`step` s.

        Each epoch shuffles the training data with ``seed`` (so a run is
        reproducible), then takes one step per mini-batch. The step size (학습률)
        is ``lr`` in the first epoch and, with ``lr_end``, shrinks evenly
        (geometrically) to ``lr_end`` in the last one: big steps to get close,
        small ones to settle. Shows a tqdm progress bar when ``progress``.
        Returns one record per epoch: epoch, lr, loss, train_accuracy and, with
        ``validation=(X_test, y_test)``, test_accuracy.
        """
        from mnistlab.notebook import progress as progress_bar

        check.trainable(self)
        X, Y = self._batch(X, y)
        y = Y.argmax(axis=1)
        self._check_parameters()
        batch_size = check.positive_int(batch_size, "batch_size")
        rates = check.learning_rates(lr, lr_end, epochs)
        rng = np.random.default_rng(check.integer(seed, "seed", low=0))
        if validation is not None:
            Xv, Yv = self._batch(*check.validation_pair(validation))
            validation = (Xv, Yv.argmax(axis=1))
        steps = -(-len(X) // batch_size)
        bar = progress_bar(total=len(rates) * steps, desc="학습", unit="배치", disable=not progress)
        history = []
        for epoch, rate in enumerate(rates, start=1):
            order = rng.permutation(len(X))
            with np.errstate(over="ignore", invalid="ignore"):    # divergence is checked below
                for k in range(steps):
                    idx = order[k * batch_size:(k + 1) * batch_size]
                    self._step(X[idx], Y[idx], rate)
                    bar.update(1)
            check.not_diverged(self, rate)
            aL = np.vstack([self._forward(X[k:k + 10_000])[0][-1]       # in chunks: small memory
                            for k in range(0, len(X), 10_000)])
            record = {"epoch": epoch, "lr": float(rate), "loss": self._loss(aL, Y),
                      "train_accuracy": float(np.mean(aL.argmax(axis=1) == y))}
            if validation is not None:
                record["test_accuracy"] = self.score(*validation)
            bar.set_postfix(loss=f"{record['loss']:.4f}",
                            acc=f"{record.get('test_accuracy', record['train_accuracy']):.4f}")
            history.append(record)
        bar.close()
        return history

    # ------------------------------------------------------------ checks at the edges
    def _batch(self, X, y) -> tuple[np.ndarray, np.ndarray]:
        """Checked inputs (N, n[0]) and their labels as one-hot rows (N, n[L])."""
        a0, _ = check.network_inputs(X, self.n[0])
        y = check.class_labels(y, len(a0), self.n[-1], "정답 y")
        return a0, one_hot(y, self.n[-1])

    def check_neuron(self, l, i) -> tuple[int, int]:
        """Check a neuron address (layer l = 1 … L, index i = 1 … n[l], counted from the top
        as in the lesson's a^[l]_i) and return it as ints."""
        return check.neuron_address(l, i, self.sizes)

    # ------------------------------------------------------------ copies and files
    def copy(self) -> Network:
        """An independent copy (changing its weights leaves this network alone)."""
        return Network.from_parameters(self.W, self.b, self.activation)

    def save(self, path) -> Path:
        """Save sizes, activation, every W[l] and b[l] to a .npz file (no pickle)."""
        return network_files.save(self, path)

    @classmethod
    def load(cls, path, sizes=None, activation: str | None = None) -> Network:
        """Load a network saved by :meth:`save` (see :func:`mnistlab.network_files.load`)."""
        return network_files.load(cls, path, sizes, activation)


__all__ = ["Network", "NetworkFileError", "pretrained_network"]
