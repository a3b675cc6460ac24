"""경사 하강법 (chapter 10): mini-batch gradients, epochs, 검증 데이터 and overfitting, measured.

The slice of the cost over two real weights lives in :mod:`mnistlab.landscape`; this
module holds the rest of the chapter's numbers, all from :class:`Network`:

- :func:`flat_gradient` / :func:`full_gradient`: ∇C over all 13,002 parameters as one
  vector (the full gradient over 50,000 images in chunks, so memory stays small);
- :func:`minibatch_spread`: the gradients of many mini-batches (확률적 경사 하강법)
  against the full one: their cosine with it, and their two slice components;
- :func:`train_with_validation`: :meth:`Network.fit` one epoch at a time, with the cost
  and accuracy on the training and the validation images after each epoch;
- :func:`time_numerical_gradient`: what the 수치 미분 of every parameter would cost.
"""

from __future__ import annotations

import functools
import time

import numpy as np

from mnistlab import validate
from mnistlab.data import load_mnist, normalize, validation_split
from mnistlab.landscape import LANDSCAPE_WEIGHTS, numerical_partial, parameters
from mnistlab.network import Network, pretrained_network

HISTORY_FILE = "chapter10_histories.npz"     # in resources/models/
SIZES = (784, 16, 16, 10)
FULL_RUN = {"n_train": 50_000, "epochs": 10, "batch_size": 32, "lr": 0.5, "seed": 0}
SMALL_RUN = {"n_train": 500, "epochs": 150, "batch_size": 32, "lr": 0.5, "seed": 0}
SPREAD_POINT = (-11.0, -7.0)    # where on the 2-D slice the mini-batch gradients are compared
                                # (the ball's start, widgets.descent.START)
BATCH_SIZES = (10, 100, 1000)
CHUNK = 5_000


def rows(images) -> np.ndarray:
    """uint8 images (N, 28, 28) → normalized float rows (N, 784)."""
    return normalize(images).reshape(len(images), -1).astype(np.float64)


def flat_gradient(net: Network, X, y) -> np.ndarray:
    """∇C on the batch (X, y) as one vector: W[1], b[1], W[2], … (13,002 numbers for 784-16-16-10)."""
    dW, db = net.gradients(X, y)
    return np.concatenate([np.concatenate([dW[l].ravel(), db[l]]) for l in range(1, net.L + 1)])


def full_gradient(net: Network, images, labels, chunk: int = CHUNK) -> np.ndarray:
    """∇C over all of ``images`` (uint8), in chunks: the mean of the chunks' gradients,
    each weighted by its number of images (the same vector as one huge batch)."""
    total, n = 0.0, len(images)
    for k in range(0, n, chunk):
        part = slice(k, min(k + chunk, n))
        total = total + flat_gradient(net, rows(images[part]), labels[part]) * (part.stop - k)
    return total / n


def slice_index(net: Network, weights=LANDSCAPE_WEIGHTS) -> list[int]:
    """Where the slice's weights w^[l]_jk sit in :func:`flat_gradient`'s vector."""
    offsets, at = {}, 0
    for l in range(1, net.L + 1):
        offsets[l] = at
        at += net.W[l].size + net.b[l].size
    return [offsets[l] + (j - 1) * net.W[l].shape[1] + (k - 1) for l, j, k in weights]


def spread_network(point=SPREAD_POINT) -> Network:
    """The shipped network with the two slice weights moved to trained value + ``point``."""
    net = pretrained_network().copy()
    for (l, j, k), d in zip(LANDSCAPE_WEIGHTS, point):
        net.W[l][j - 1, k - 1] += d
    return net


def minibatch_spread(net: Network, images, labels, full: np.ndarray,
                     batch_sizes=BATCH_SIZES, n_batches: int = 8, seed: int = 0) -> dict:
    """확률적 경사 하강법: gradients of ``n_batches`` random mini-batches per batch size.

    Returns {batch size: {"cos": cosine of each with ``full`` over all parameters,
    "slice": (n_batches, 2) their two slice components}} and "full_slice".
    """
    n_batches = validate.positive_int(n_batches, "n_batches")
    rng = np.random.default_rng(validate.integer(seed, "seed", low=0))
    where = slice_index(net)
    out: dict = {"full_slice": full[where]}
    for size in batch_sizes:
        size = validate.integer(size, "batch_size", low=1, high=len(images))
        cos, comps = [], []
        for _ in range(n_batches):
            idx = np.sort(rng.choice(len(images), size, replace=False))
            g = flat_gradient(net, rows(images[idx]), labels[idx])
            cos.append(float(g @ full / (np.linalg.norm(g) * np.linalg.norm(full))))
            comps.append(g[where])
        out[int(size)] = {"cos": np.array(cos), "slice": np.array(comps)}
    return out


# ------------------------------------------------------------------ 검증 데이터 and overfitting

def _evaluate(net: Network, X, y) -> tuple[float, float]:
    """(mean cost, accuracy) on X, y in chunks (small memory)."""
    loss = acc = 0.0
    for k in range(0, len(X), CHUNK):
        Xc, yc = X[k:k + CHUNK], y[k:k + CHUNK]
        loss += net.loss(Xc, yc) * len(Xc)
        acc += net.score(Xc, yc) * len(Xc)
    return loss / len(X), acc / len(X)


def train_with_validation(train, validation, *, epochs: int, batch_size: int = 32,
                          lr: float = 0.5, seed: int = 0, sizes=SIZES) -> dict:
    """A fresh network trained by :meth:`Network.fit`, one epoch per call (seed + epoch
    shuffles each), measured after each epoch on the training and the validation images.

    ``train`` and ``validation`` are (uint8 images, labels) pairs. Returns arrays
    epoch, loss, accuracy, val_loss, val_accuracy (index 0 = before training).
    """
    X, y = rows(train[0]), np.asarray(train[1])
    Xv, yv = rows(validation[0]), np.asarray(validation[1])
    net = Network(list(sizes), seed=seed)
    record = {"epoch": [], "loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
    for epoch in range(validate.integer(epochs, "epochs", low=0) + 1):
        if epoch:
            net.fit(X, y, epochs=1, batch_size=batch_size, lr=lr, seed=seed + epoch,
                    progress=False)
        loss, acc = _evaluate(net, X, y)
        val_loss, val_acc = _evaluate(net, Xv, yv)
        for key, value in zip(record, (epoch, loss, acc, val_loss, val_acc)):
            record[key].append(value)
    return {k: np.array(v) for k, v in record.items()}


def compute_histories(full_run: dict = FULL_RUN, small_run: dict = SMALL_RUN,
                      spread_point=SPREAD_POINT) -> dict:
    """Everything chapter 10 loads instead of computing (``benchmarks/make_10.py`` writes it):
    the two training runs (prefixes ``full_`` and ``small_``) and the full gradient over
    the 50,000 training images at ``spread_point`` of the slice."""
    images, labels = load_mnist("train")
    (train_images, train_labels), validation = validation_split(images, labels)
    out = {}
    for prefix, run in (("full_", full_run), ("small_", small_run)):
        n = run["n_train"]
        h = train_with_validation((train_images[:n], train_labels[:n]), validation,
                                  epochs=run["epochs"], batch_size=run["batch_size"],
                                  lr=run["lr"], seed=run["seed"])
        out.update({prefix + k: v for k, v in h.items()})
        out.update({prefix + k: np.array(v) for k, v in run.items()})
    out.update(compute_spread(spread_point))
    return out


def compute_spread(spread_point=SPREAD_POINT) -> dict:
    """The full gradient over the 50,000 training images with the slice's two weights at
    trained value + ``spread_point`` (the ball's start): ``spread_point``, ``full_gradient``."""
    (train_images, train_labels), _ = validation_split(*load_mnist("train"))
    return {"spread_point": np.array(spread_point),
            "full_gradient": full_gradient(spread_network(spread_point), train_images,
                                           train_labels)}


@functools.lru_cache(maxsize=1)
def load_histories() -> dict:
    """The shipped file written by :func:`compute_histories` (arrays read-only)."""
    from mnistlab.resources import resource_dir

    with np.load(resource_dir("models") / HISTORY_FILE) as f:
        data = {k: f[k] for k in f.files}
    for v in data.values():
        v.flags.writeable = False
    return data


def history(prefix: str) -> dict:
    """One shipped run, "full" (50,000 images) or "small" (500 images), without its prefix."""
    prefix = validate.choice(prefix, "학습 기록", ("full", "small"))
    data = load_histories()
    return {k[len(prefix) + 1:]: v for k, v in data.items() if k.startswith(prefix + "_")}


# ------------------------------------------------------------------ why a smarter way is needed

def time_numerical_gradient(net: Network, X, y, sample: int = 20, repeat: int = 5,
                            seed: int = 0) -> dict:
    """Time the 수치 미분 of ``sample`` random parameters (two forward passes each) and one
    :meth:`Network.gradients` call on the same batch; extrapolate to every parameter.

    Returns n_params, forward_passes (2 per parameter), seconds_per_pass (median),
    numerical_seconds (extrapolated), backprop_seconds (median of ``repeat``), ratio.
    """
    params = parameters(net)
    rng = np.random.default_rng(seed)
    chosen = [params[i] for i in rng.choice(len(params), sample, replace=False)]
    t = time.perf_counter()
    for p in chosen:
        numerical_partial(net, X, y, p)
    per_pass = (time.perf_counter() - t) / (2 * sample)
    back = []
    for _ in range(repeat):
        t = time.perf_counter()
        net.gradients(X, y)
        back.append(time.perf_counter() - t)
    numerical = per_pass * 2 * len(params)
    backprop = float(np.median(back))
    return {"n_params": len(params), "forward_passes": 2 * len(params),
            "seconds_per_pass": per_pass, "numerical_seconds": numerical,
            "backprop_seconds": backprop, "ratio": numerical / backprop}


__all__ = [
    "BATCH_SIZES", "FULL_RUN", "HISTORY_FILE", "SMALL_RUN", "SPREAD_POINT", "compute_histories",
    "compute_spread",
    "flat_gradient", "full_gradient", "history", "load_histories", "minibatch_spread", "rows",
    "slice_index", "spread_network", "time_numerical_gradient", "train_with_validation",
]
