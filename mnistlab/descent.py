"""경사 하강법 (gradient descent): the one training loop every model's ``fit`` uses.

Every model of the lesson learns the same way: shuffle the training data,
cut it into mini-batches (미니배치), take one step against the gradient per
batch; one pass over the data is one epoch (에포크). Only the step differs
(one pixel's θ0, θ1; ten models' 785 θ; a network's W[l] and b[l]), so the
models hand their step to :func:`descend` and all return the same history:

    [{"epoch": 1, "lr": 0.5, "loss": …, "accuracy": …, "val_loss": …, "val_accuracy": …}, …]

(``val_…`` only with ``validation=(X_val, y_val)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

Measure = Callable[[str], tuple[float, float]]      # "train" / "val" → (loss, accuracy)


def minibatches(n: int, batch_size: int | None, rng: np.random.Generator, *,
                drop_last: bool = False) -> Iterator[np.ndarray]:
    """One epoch's mini-batches: row numbers of a fresh shuffle of 0 … n-1, ``batch_size`` at a time.

    ``batch_size=None`` (or ≥ n) is one batch of all the rows in order (full-batch
    gradient descent; nothing to shuffle). With ``drop_last`` a short last batch is
    left out, so every step sees exactly ``batch_size`` rows.
    """
    if batch_size is None or batch_size >= n:
        yield np.arange(n)
        return
    order = rng.permutation(n)
    stop = n - batch_size + 1 if drop_last else n
    for start in range(0, stop, batch_size):
        yield order[start:start + batch_size]


def batches_per_epoch(n: int, batch_size: int | None, *, drop_last: bool = False) -> int:
    """How many mini-batches :func:`minibatches` gives for ``n`` rows."""
    if batch_size is None or batch_size >= n:
        return 1
    return n // batch_size if drop_last else -(-n // batch_size)


def descend(n: int, step: Callable[[np.ndarray, float], object], measure: Measure, *,
            rates: Sequence[float] | np.ndarray, batch_size: int | None, seed: int,
            validation: bool = False, progress: bool = False, drop_last: bool = False,
            after_epoch: Callable[[float], None] | None = None) -> list[dict]:
    """Train for ``len(rates)`` epochs (epoch k uses step size ``rates[k]``) and return the history.

    ``step(rows, lr)`` moves the parameters once on the training rows ``rows``;
    ``measure("train")`` (and ``measure("val")`` with ``validation``) gives
    (loss, accuracy) after each epoch; ``after_epoch(lr)`` may refuse a diverged run.
    """
    from mnistlab.notebook import progress as progress_bar

    rng = np.random.default_rng(seed)
    per_epoch = batches_per_epoch(n, batch_size, drop_last=drop_last)
    bar = progress_bar(total=len(rates) * per_epoch, desc="학습", unit="배치", disable=not progress)
    history = []
    for epoch, lr in enumerate(rates, start=1):
        with np.errstate(over="ignore", invalid="ignore"):    # divergence: after_epoch
            for rows in minibatches(n, batch_size, rng, drop_last=drop_last):
                step(rows, float(lr))
                bar.update(1)
        if after_epoch is not None:
            after_epoch(float(lr))
        loss, accuracy = measure("train")
        record = {"epoch": epoch, "lr": float(lr), "loss": loss, "accuracy": accuracy}
        if validation:
            record["val_loss"], record["val_accuracy"] = measure("val")
        bar.set_postfix(loss=f"{loss:.4f}", acc=f"{record.get('val_accuracy', accuracy):.4f}")
        history.append(record)
    bar.close()
    return history


__all__ = ["batches_per_epoch", "descend", "minibatches"]
