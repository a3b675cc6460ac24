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

Training (mini-batch gradient descent with backpropagation) is here so that the
shipped weights come from real, readable code; the lesson only shows its result.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np

from mnistlab.data import N_PIXELS, as_inputs
from mnistlab.neuron import ACTIVATIONS, DERIVATIVES

MODEL_DIR = Path(__file__).resolve().parent.parent / "resources" / "models"
PRETRAINED_FILE = MODEL_DIR / "mnist_784_16_16_10_sigmoid.npz"
PRETRAINED_SIZES = (784, 16, 16, 10)
FORMAT = "mnistlab.Network/1"
TRAINABLE = tuple(DERIVATIVES)          # sigmoid, tanh, relu (the step has no slope to follow)


class NetworkFileError(ValueError):
    """A saved network file is missing, damaged or does not match what was expected."""


class Network:
    """인공신경망 with layers ``sizes`` = [n[0], n[1], …, n[L]] and one activation function.

    >>> net = Network([784, 16, 16, 10])
    >>> a = net.forward(x)          # [a0, a1, a2, a3]: every layer's outputs
    >>> net.predict(x)              # the digit whose output neuron is most activated

    Weights start small and random (seeded), scaled by 1/√n[l-1] so that the
    weighted sums start in the sigmoid's sensitive middle.
    """

    def __init__(self, sizes, activation: str = "sigmoid", seed: int = 0):
        self.sizes = _check_sizes(sizes)
        if activation not in ACTIVATIONS:
            raise ValueError(
                f"알 수 없는 활성함수입니다: {activation!r}. "
                f"다음 중 하나를 쓰세요: {', '.join(ACTIVATIONS)}."
            )
        self.activation = activation
        self.f = ACTIVATIONS[activation]
        rng = np.random.default_rng(seed)
        self.W: list[np.ndarray | None] = [None]
        self.b: list[np.ndarray | None] = [None]
        for l in range(1, self.L + 1):
            self.W.append(rng.normal(0.0, 1.0 / np.sqrt(self.n[l - 1]), (self.n[l], self.n[l - 1])))
            self.b.append(np.zeros(self.n[l]))

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
    def forward(self, X, return_z: bool = False):
        """순전파: every layer's outputs [a0, a1, …, aL] for one input or a batch.

        One image (784,) or (28, 28) gives 1-D arrays; a batch (N, 784) gives
        arrays of shape (N, n[l]). With ``return_z=True`` also returns the
        weighted sums [None, z1, …, zL] (the input layer has none).
        """
        a0, single = self._inputs(X)
        self._check_parameters()
        a, z = self._forward(a0)
        if single:
            a = [v[0] for v in a]
            z = [None] + [v[0] for v in z[1:]]
        return (a, z) if return_z else a

    def _check_parameters(self) -> None:
        """A NaN or infinite weight would silently turn every output into NaN: say so."""
        for l in range(1, self.L + 1):
            if not (np.all(np.isfinite(self.W[l])) and np.all(np.isfinite(self.b[l]))):
                raise ValueError(
                    f"{l}번째 층의 가중치 W[{l}] 나 편향 b[{l}] 에 NaN 이나 무한대가 있습니다. "
                    "값을 고치거나 ml.pretrained_network() 로 학습된 신경망을 다시 불러오세요."
                )

    def _forward(self, a0: np.ndarray) -> tuple[list, list]:
        """Forward pass on a checked (N, n[0]) batch, rows = images."""
        a, z = [a0], [None]
        for l in range(1, self.L + 1):
            z.append(a[-1] @ self.W[l].T + self.b[l])
            a.append(self.f(z[-1]))
        return a, z

    def output(self, X) -> np.ndarray:
        """출력층의 출력 a[L]: one activation per class (digit 0 … 9)."""
        return self.forward(X)[-1]

    def predict(self, X):
        """The class whose output neuron is most activated (an int, or one per image)."""
        out = self.output(X)
        return int(np.argmax(out)) if out.ndim == 1 else np.argmax(out, axis=1)

    def accuracy(self, X, y) -> float:
        """Share of inputs whose prediction equals the label (정확도, 0..1)."""
        y = self._labels(y, len(self._inputs(X)[0]))
        return float(np.mean(np.atleast_1d(self.predict(X)) == y))

    # ------------------------------------------------------------ learning
    def loss(self, X, y) -> float:
        """Mean loss over the inputs (cross-entropy for sigmoid outputs, else squared error)."""
        a0, _ = self._inputs(X)
        Y = _one_hot(self._labels(y, len(a0)), self.n[-1])
        return self._loss(self._forward(a0)[0][-1], Y)

    def _loss(self, aL: np.ndarray, Y: np.ndarray) -> float:
        if self.activation == "sigmoid":
            eps = 1e-12
            per = -(Y * np.log(aL + eps) + (1 - Y) * np.log(1 - aL + eps)).sum(axis=1)
        else:
            per = 0.5 * ((aL - Y) ** 2).sum(axis=1)
        return float(per.mean())

    def gradients(self, X, y) -> tuple[list, list]:
        """역전파 (backpropagation): the slopes of :meth:`loss` for every W[l] and b[l].

        Returns ``(dW, db)``, lists indexed like ``W`` and ``b`` (index 0 is None).
        """
        if self.activation not in TRAINABLE:
            raise ValueError(
                f"활성함수 {self.activation!r} 는 기울기가 0 이라 경사 하강법으로 학습할 수 없습니다. "
                f"{', '.join(TRAINABLE)} 중 하나를 쓰세요."
            )
        a0, _ = self._inputs(X)
        return self._backprop(a0, _one_hot(self._labels(y, len(a0)), self.n[-1]))

    def _backprop(self, a0: np.ndarray, Y: np.ndarray) -> tuple[list, list]:
        """Gradients of the mean loss over the batch, layer by layer from the output back."""
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
        return dW, db

    def fit(self, X, y, epochs: int = 10, batch_size: int = 32, lr: float = 0.5,
            lr_end: float | None = None, seed: int = 0, progress: bool = True,
            validation: tuple | None = None) -> list[dict]:
        """Train by mini-batch gradient descent (경사 하강법) with backpropagation.

        Each epoch shuffles the training data with ``seed`` (so a run is
        reproducible), then for every mini-batch moves each W[l] and b[l] a
        step against its gradient. The step size (학습률) is ``lr`` in the first
        epoch and, with ``lr_end``, shrinks evenly (geometrically) to ``lr_end``
        in the last one: big steps to get close, small ones to settle. Shows a
        tqdm progress bar when
        ``progress``. Returns one dict per epoch: loss, train accuracy and,
        with ``validation=(X_test, y_test)``, the test accuracy.
        """
        from mnistlab.notebook import progress as progress_bar

        X, _ = self._inputs(X)
        y = self._labels(y, len(X))
        lr_end = lr if lr_end is None else lr_end
        if int(batch_size) < 1 or int(epochs) < 1 or not (lr > 0 and lr_end > 0):
            raise ValueError("epochs 와 batch_size 는 1 이상, lr(학습률)은 0보다 커야 합니다.")
        if self.activation not in TRAINABLE:
            raise ValueError(f"활성함수 {self.activation!r} 는 학습할 수 없습니다. "
                             f"{', '.join(TRAINABLE)} 중 하나를 쓰세요.")
        Y = _one_hot(y, self.n[-1])
        rng = np.random.default_rng(seed)
        history = []
        steps = -(-len(X) // batch_size)
        bar = progress_bar(total=epochs * steps, desc="학습", unit="배치", disable=not progress)
        rates = lr * (lr_end / lr) ** (np.arange(epochs) / max(1, epochs - 1))
        for epoch, rate in enumerate(rates, start=1):
            order = rng.permutation(len(X))
            for k in range(steps):
                idx = order[k * batch_size:(k + 1) * batch_size]
                dW, db = self._backprop(X[idx], Y[idx])
                for l in range(1, self.L + 1):
                    self.W[l] -= rate * dW[l]
                    self.b[l] -= rate * db[l]
                bar.update(1)
            aL = np.vstack([self._forward(X[k:k + 10_000])[0][-1]       # in chunks: small memory
                            for k in range(0, len(X), 10_000)])
            record = {"epoch": epoch, "lr": float(rate), "loss": self._loss(aL, Y),
                      "train_accuracy": float(np.mean(aL.argmax(axis=1) == y))}
            if validation is not None:
                record["test_accuracy"] = self.accuracy(*validation)
            bar.set_postfix(loss=f"{record['loss']:.4f}",
                            acc=f"{record.get('test_accuracy', record['train_accuracy']):.4f}")
            history.append(record)
        bar.close()
        return history

    # ------------------------------------------------------------ helpers
    def copy(self) -> Network:
        """An independent copy (changing its weights leaves this network alone)."""
        new = Network.__new__(Network)
        new.sizes, new.activation, new.f = list(self.sizes), self.activation, self.f
        new.W = [None] + [w.copy() for w in self.W[1:]]
        new.b = [None] + [v.copy() for v in self.b[1:]]
        return new

    def check_neuron(self, l, i) -> tuple[int, int]:
        """Check a neuron address (layer l = 1 … L, index i = 1 … n[l], counted from the top
        as in the lesson's a^[l]_i) and return it as ints."""
        if isinstance(l, bool) or not isinstance(l, (int, np.integer)) or not 1 <= l <= self.L:
            raise ValueError(
                f"층 번호 l 이 맞지 않습니다: {l!r}. 이 신경망에서 l 은 1 부터 L = {self.L} 까지입니다 "
                "(입력층 0 은 뉴런이 계산을 하지 않으므로 고를 수 없습니다)."
            )
        if isinstance(i, bool) or not isinstance(i, (int, np.integer)) or not 1 <= i <= self.n[l]:
            raise ValueError(
                f"뉴런 번호 i 가 맞지 않습니다: {i!r}. {l}번째 층에는 뉴런이 n[{l}] = {self.n[l]}개 "
                f"있으므로 i 는 1 부터 {self.n[l]} 까지입니다(위에서부터 셉니다)."
            )
        return int(l), int(i)

    def _inputs(self, X) -> tuple[np.ndarray, bool]:
        """Validated float batch (N, n[0]) and whether one input was given."""
        if self.n[0] == N_PIXELS:
            return as_inputs(X, "X")
        a = np.asarray(X)
        if a.dtype == bool or not np.issubdtype(a.dtype, np.number):
            raise TypeError(f"X 는 숫자 배열이어야 합니다(받은 dtype: {a.dtype}).")
        single = a.ndim == 1
        a = np.atleast_2d(a).astype(float)
        if a.ndim != 2 or a.shape[1] != self.n[0]:
            raise ValueError(
                f"X 의 모양이 맞지 않습니다: {np.shape(X)}. 입력층에 뉴런이 n[0] = {self.n[0]}개 "
                f"있으므로 입력 하나는 ({self.n[0]},), 여러 개는 (N, {self.n[0]}) 이어야 합니다."
            )
        if not np.all(np.isfinite(a)):
            raise ValueError("X 에 NaN 이나 무한대 값이 있습니다.")
        return a, single

    def _labels(self, y, N: int) -> np.ndarray:
        y = np.atleast_1d(np.asarray(y))
        if y.shape != (N,) or not np.issubdtype(y.dtype, np.integer):
            raise ValueError(
                f"정답 y 는 입력 수와 같은 길이({N})의 정수 배열이어야 합니다. "
                f"받은 모양: {y.shape}, dtype: {y.dtype}"
            )
        if y.min() < 0 or y.max() >= self.n[-1]:
            raise ValueError(f"정답 y 는 0 … {self.n[-1] - 1} 사이여야 합니다(출력층 뉴런 "
                             f"{self.n[-1]}개). 받은 범위: {y.min()} … {y.max()}")
        return y.astype(np.intp)

    # ------------------------------------------------------------ files
    def save(self, path) -> Path:
        """Save sizes, activation, every W[l] and b[l] to a .npz file (no pickle)."""
        path = Path(path)
        if path.suffix != ".npz":
            path = path.with_name(path.name + ".npz")
        arrays = {"format": np.array(FORMAT), "sizes": np.array(self.sizes, dtype=np.int64),
                  "activation": np.array(self.activation)}
        for l in range(1, self.L + 1):
            arrays[f"W{l}"] = self.W[l]
            arrays[f"b{l}"] = self.b[l]
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)
        return path

    @classmethod
    def load(cls, path, sizes=None, activation: str | None = None) -> Network:
        """Load a network saved by :meth:`save`.

        With ``sizes`` / ``activation`` given, a file for a different network is
        refused with a message saying what it holds.
        """
        path = Path(path)
        if not path.exists():
            raise NetworkFileError(
                f"신경망 파일이 없습니다: {path}\n"
                "저장한 경로를 확인하거나, 학습된 신경망은 저장소 폴더에서 'make model' 로 "
                "다시 만드세요."
            )
        try:
            with np.load(path, allow_pickle=False) as f:
                data = {k: f[k] for k in f.files}
        except (OSError, ValueError, EOFError, zipfile.BadZipFile, AttributeError, TypeError) as e:
            # not a zip, truncated, a lone .npy, or pickled objects
            raise NetworkFileError(
                f"신경망 파일을 읽을 수 없습니다: {path}\n원인: {type(e).__name__}: {e}\n"
                "Network.save 로 저장한 .npz 파일인지 확인하세요."
            ) from None
        if str(data.get("format", "")) != FORMAT or "sizes" not in data or "activation" not in data:
            raise NetworkFileError(
                f"신경망 파일이 아닙니다: {path}\n담긴 배열: {', '.join(sorted(data)) or '(없음)'}\n"
                "Network.save 로 저장한 파일(format, sizes, activation, W1, b1, … 포함)을 넣으세요."
            )
        file_sizes = [int(s) for s in np.atleast_1d(data["sizes"])]
        file_act = str(data["activation"])
        described = f"{'-'.join(map(str, file_sizes))} ({file_act})"
        if sizes is not None and list(sizes) != file_sizes:
            raise NetworkFileError(
                f"파일의 신경망 모양이 기대와 다릅니다: {path}\n파일: {described}, "
                f"기대한 모양: {'-'.join(map(str, sizes))}"
            )
        if activation is not None and activation != file_act:
            raise NetworkFileError(
                f"파일의 활성함수가 기대와 다릅니다: {path}\n파일: {file_act}, 기대: {activation}"
            )
        try:
            net = cls(file_sizes, activation=file_act)
        except ValueError as e:
            raise NetworkFileError(f"파일에 적힌 신경망 설정이 잘못되었습니다: {path}\n{e}") from None
        for l in range(1, net.L + 1):
            for name, shape in ((f"W{l}", (net.n[l], net.n[l - 1])), (f"b{l}", (net.n[l],))):
                arr = data.get(name)
                if arr is None or arr.shape != shape or not np.issubdtype(arr.dtype, np.floating):
                    found = "없음" if arr is None else f"{arr.shape} {arr.dtype}"
                    raise NetworkFileError(
                        f"신경망 파일의 {name} 가 맞지 않습니다: {path}\n"
                        f"sizes {described} 라면 모양 {shape} 의 실수 배열이어야 하는데, 실제: {found}"
                    )
                if not np.all(np.isfinite(arr)):
                    raise NetworkFileError(f"신경망 파일의 {name} 에 NaN 이나 무한대가 있습니다: {path}")
                (net.W if name[0] == "W" else net.b)[l] = arr.astype(float)
        return net


def pretrained_network() -> Network:
    """The shipped trained network: 784-16-16-10, sigmoid, L = 3 (a fresh copy each call).

    Made by ``python -m mnistlab.train_network`` (``make model``).
    """
    return Network.load(PRETRAINED_FILE, sizes=PRETRAINED_SIZES, activation="sigmoid")


def _check_sizes(sizes) -> list[int]:
    try:
        out = [int(s) for s in sizes]
        ok = len(out) >= 2 and all(s >= 1 and s == t for s, t in zip(out, sizes))
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise ValueError(
            f"sizes 는 층마다 뉴런 수를 적은 정수 목록이어야 합니다(입력층 포함, 2개 이상). "
            f"예: [784, 16, 16, 10]. 받은 값: {sizes!r}"
        )
    return out


def _one_hot(y: np.ndarray, k: int) -> np.ndarray:
    """Labels → rows with a single 1 at the label (the output we want from the 출력층)."""
    Y = np.zeros((len(y), k))
    Y[np.arange(len(y)), y] = 1.0
    return Y


__all__ = ["Network", "NetworkFileError", "pretrained_network"]
