"""손실 함수: how wrong the network is, as one number (chapter 09).

The target of an image with label d is its 원-핫 인코딩 y (a 1 at a^[L]_{d+1}, see
:func:`mnistlab.one_hot`); the network's answer is a^[L]. Two ways to measure the
distance between them, both a sum over the n[L] output neurons:

- 교차 엔트로피 오차 −Σ [y log a + (1 − y) log(1 − a)]: the log loss of 02, once per
  output neuron. This is what :class:`~mnistlab.network.Network` trains with.
- 평균 제곱 오차 ½ Σ (a − y)² (3Blue1Brown's cost, without his factor 2).

The cost C is the mean of the per-image losses (``Network.loss``). Every a^[L] here
comes from ``Network.forward``; the formulas come from :mod:`mnistlab.formulas`.
"""

from __future__ import annotations

import numpy as np

from mnistlab import validate
from mnistlab.formulas import cross_entropy_terms, one_hot, squared_error_terms

LOSSES = {"cross_entropy": cross_entropy_terms, "squared_error": squared_error_terms}
KOREAN_LOSS_NAMES = {"cross_entropy": "교차 엔트로피 오차", "squared_error": "평균 제곱 오차"}

# MNIST test images whose label is wrong: index → (label in the file, the digit it shows).
# From the five-person majority of Northcutt, Athalye and Mueller, "Pervasive Label Errors
# in Test Sets" (NeurIPS 2021, labelerrors.com), only where the majority named another
# digit AND the picture, looked at for this chapter, clearly shows that digit (1901, 2462,
# 5937 and 6651 are on their list too, but could be read either way, so they are not here).
KNOWN_LABEL_ERRORS = {
    947: (8, 9), 1621: (0, 6), 2597: (5, 3), 3558: (5, 0), 6783: (1, 6), 9729: (5, 6),
}


def loss_kind(loss: str) -> str:
    """Check a loss name: "cross_entropy" (교차 엔트로피 오차) or "squared_error" (평균 제곱 오차)."""
    return validate.choice(loss, "loss (손실 함수)", LOSSES)


def output_terms(outputs, label: int, loss: str = "cross_entropy") -> np.ndarray:
    """One image's loss split into its n[L] terms, one per output neuron (their sum is the
    image's loss). ``outputs`` is a^[L] of one image, ``label`` its digit."""
    a = validate.numbers_array(outputs, "outputs (출력 a[L])", ndim=1)
    label = validate.integer(label, "label (정답)", 0, len(a) - 1)
    return LOSSES[loss_kind(loss)](one_hot(label, len(a)), a)


def per_image_loss(net, X, labels, loss: str = "cross_entropy") -> np.ndarray:
    """Each image's loss (the sum of its output terms); their mean is the cost C.

    For the sigmoid network with ``loss="cross_entropy"`` the mean equals ``net.loss(X, labels)``.
    """
    net = validate.network(net)
    return image_losses(net.forward(X)[-1], labels, loss)


def image_losses(outputs, labels, loss: str = "cross_entropy") -> np.ndarray:
    """Each image's loss from outputs a^[L] already computed (one row per image), e.g. by
    ``net.predict_proba(X)``: one forward pass then gives both the losses and the answers."""
    a = np.atleast_2d(validate.numbers_array(outputs, "outputs (출력 a[L])", ndim=(1, 2)))
    y = validate.class_labels(labels, len(a), a.shape[1], "정답 labels")
    return LOSSES[loss_kind(loss)](one_hot(y, a.shape[1]), a).sum(axis=1)


def hardest(losses, n: int = 10) -> np.ndarray:
    """The positions of the ``n`` largest losses, largest first (the images the network finds hardest)."""
    losses = validate.numbers_array(losses, "losses (손실)", ndim=1)
    n = validate.integer(n, "n (이미지 수)", 1, len(losses))
    order = np.argsort(-losses, kind="stable")
    return order[:n]


def weight(net, address) -> float:
    """The value of the weight w^[l]_jk at ``address`` = (l, j, k), 1-based as in the lesson."""
    l, j, k = validate.weight_address(address, validate.network(net).sizes)
    return float(net.W[l][j - 1, k - 1])


def weight_sweep(net, X, labels, address, values) -> dict[str, np.ndarray]:
    """Move one real weight w^[l]_jk through ``values``; the cost C (교차 엔트로피 오차) and the
    accuracy (정확도) on (X, labels) for each value, everything else unchanged.

    Returns ``{"values", "loss", "accuracy"}``. One forward pass per value on a copy of ``net``
    (the given network is left as it is); ``loss`` is what ``Network.loss`` gives for that value.
    """
    net = validate.network(net)
    l, j, k = validate.weight_address(address, net.sizes)
    values = validate.numbers_array(values, "values (가중치 값)", ndim=1)
    moved = net.copy()
    a0 = net.forward(X)[0]
    y = validate.class_labels(labels, len(np.atleast_2d(a0)), net.n[-1], "정답 labels")
    Y = one_hot(y, net.n[-1])
    loss, accuracy = np.empty(len(values)), np.empty(len(values))
    for i, v in enumerate(values):
        moved.W[l][j - 1, k - 1] = v
        a = np.atleast_2d(moved.forward(a0)[-1])
        loss[i] = cross_entropy_terms(Y, a).sum(axis=1).mean()
        accuracy[i] = np.mean(a.argmax(axis=1) == y)
    return {"values": values.astype(float), "loss": loss, "accuracy": accuracy}


__all__ = [
    "KNOWN_LABEL_ERRORS", "KOREAN_LOSS_NAMES", "LOSSES", "hardest", "image_losses", "loss_kind",
    "output_terms",
    "per_image_loss", "weight", "weight_sweep",
]
