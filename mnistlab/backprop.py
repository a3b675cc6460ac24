"""오차역전파법 (backpropagation), chapter 11: reading the blame that ``Network`` computes.

Nothing here runs a second backward pass. The numbers come from the one
:class:`~mnistlab.network.Network`:

- ``Network.gradients(x, y)`` gives ∂C/∂W^[l] and ∂C/∂b^[l]; for ONE image the
  bias gradient *is* the error of the layer, δ^[l] = ∂C/∂b^[l] (the fourth
  equation), so :func:`deltas` reads δ's from it;
- ``Network.loss`` gives the cost C that :func:`gradient_check`'s central
  differences (수치 미분) compare against (기울기 확인).

:func:`neuron_graph` is the chapter's 계산 그래프 of one neuron, z = w·a + b,
a' = σ(z) and its log loss, worked by hand: values forward, local derivatives,
products backward (연쇄법칙). Tests hold it to ``Network.gradients`` of a
1-1 network and to finite differences.
"""

from __future__ import annotations

import contextlib
import inspect
from dataclasses import dataclass

import numpy as np

from mnistlab import formulas, validate
from mnistlab.network import Network

# The one place that names Network's backpropagation method (shown in notebook 11).
BACKPROP_METHOD = "_backprop"


def backprop_source() -> str:
    """The source of ``Network``'s backpropagation, exactly as the package runs it."""
    return inspect.getsource(getattr(Network, BACKPROP_METHOD))


def _one_image(net: Network, x, y) -> tuple[np.ndarray, int]:
    validate.network(net)
    a0, single = validate.network_inputs(x, net.n[0], "x (이미지 한 장)")
    if not single and len(a0) != 1:
        from mnistlab.errors import MnistlabValueError

        raise MnistlabValueError(f"이미지 한 장을 넣으세요 (받은 것: {len(a0)}장의 배치).")
    y = int(validate.class_labels(y, 1, net.n[-1], "정답 y")[0])
    return a0[0], y


def deltas(net: Network, x, y) -> list:
    """δ^[l] = ∂C/∂z^[l] of one image for l = 1 … L ([None, δ1, …, δL]), from ``Network.gradients``:
    for one image ∂C/∂b^[l]_j = δ^[l]_j (the fourth equation)."""
    x, y = _one_image(net, x, y)
    _, db = net.gradients(x, y)
    return [None] + [np.array(v) for v in db[1:]]


def activation_wishes(net: Network, x, y) -> list:
    """−∂C/∂a^[l] for l = 1 … L−1 ([None, …, None at L]): what the next layer's neurons together
    wish each neuron's output to do, Σ_j w^[l+1]_jk · (−δ^[l+1]_j) (the sum of their wishes)."""
    d = deltas(net, x, y)
    return [None] + [-(net.W[l + 1].T @ d[l + 1]) for l in range(1, net.L)] + [None]


@dataclass
class Nudges:
    """The wished nudges of one image: the negative gradient, layer by layer (index 0 None)."""

    a: list            # a^[0] … a^[L] (the forward pass)
    z: list            # [None, z^[1] … z^[L]]
    delta: list        # [None, δ^[1] … δ^[L]]
    dW: list           # [None, ∂C/∂W^[1] …]
    db: list           # [None, ∂C/∂b^[1] …]
    loss: float        # C of this image
    label: int


def nudges(net: Network, x, y) -> Nudges:
    """Everything the nudges figure and widget show for one image, from ``Network``."""
    x, y = _one_image(net, x, y)
    a, z = net.forward(x, return_z=True)
    dW, db = net.gradients(x, y)
    return Nudges(a, z, [None] + [np.array(v) for v in db[1:]], dW, db, net.loss(x, y), y)


def one_update(net: Network, x, y, lr: float) -> tuple[float, float, Network]:
    """경사 하강법 한 걸음 on one image with a copy of ``net``: (loss before, loss after, the copy)."""
    x, y = _one_image(net, x, y)
    moved = net.copy()
    before = moved.step(x, y, lr=lr)
    return before, moved.loss(x, y), moved


def mean_abs_deltas(net: Network, X, y) -> np.ndarray:
    """Mean |δ^[l]_j| over images and neurons for l = 1 … L (index l−1): how big each layer's
    blame is. Small in early layers when sigmoids saturate (기울기 소실, a look ahead)."""
    validate.network(net)
    X, _ = validate.network_inputs(X, net.n[0])
    y = validate.class_labels(y, len(X), net.n[-1], "정답 y")
    sums = np.zeros(net.L)
    for x, label in zip(X, y):
        d = deltas(net, x, int(label))
        sums += [np.abs(d[l]).mean() for l in range(1, net.L + 1)]
    return sums / len(X)


# ------------------------------------------------------------------ 기울기 확인

@dataclass
class GradientCheck:
    """Backpropagation against central differences for a sample of parameters."""

    names: list           # "W[1][3,200]", "b[2][5]", …
    layers: np.ndarray    # the layer l of each parameter
    backprop: np.ndarray
    numerical: np.ndarray
    relative: np.ndarray  # |backprop − numerical| / max(|backprop| + |numerical|, floor)

    @property
    def largest(self) -> float:
        """The largest relative difference: tiny (≈1e-7 or less) when backpropagation is right."""
        return float(self.relative.max())


def _params(net: Network, a0: np.ndarray, per_layer: int, rng) -> list[tuple[str, int, tuple]]:
    """All biases and ``per_layer`` seeded weights per layer (layer 1: only from inked pixels,
    whose weights have a slope at all)."""
    chosen = []
    for l in range(1, net.L + 1):
        rows, cols = net.W[l].shape
        ks = np.flatnonzero(a0 > 0) if l == 1 else np.arange(cols)
        js = rng.integers(0, rows, per_layer)
        for j, k in zip(js, rng.choice(ks, per_layer)):
            chosen.append(("W", l, (int(j), int(k))))
        chosen += [("b", l, (j,)) for j in range(rows)]
    return chosen


def gradient_check(net: Network, x, y, per_layer: int = 20, eps: float = 1e-4,
                   seed: int = 0) -> GradientCheck:
    """기울기 확인: ∂C/∂θ by ``Network.gradients`` against (C(θ+ε) − C(θ−ε)) / 2ε by
    ``Network.loss`` for every bias and ``per_layer`` seeded weights per layer."""
    x, y = _one_image(net, x, y)
    eps = validate.positive(eps, "eps")
    dW, db = net.gradients(x, y)
    probe = net.copy()
    rows = []
    for kind, l, idx in _params(net, x, validate.positive_int(per_layer, "per_layer"),
                                np.random.default_rng(seed)):
        P = (probe.W if kind == "W" else probe.b)[l]
        keep = P[idx]
        P[idx] = keep + eps
        up = probe.loss(x, y)
        P[idx] = keep - eps
        down = probe.loss(x, y)
        P[idx] = keep
        grad = (dW if kind == "W" else db)[l][idx]
        name = f"{kind}[{l}][{','.join(map(str, idx))}]"
        rows.append((name, l, float(grad), (up - down) / (2 * eps)))
    names, layers, bp, num = zip(*rows)
    bp, num = np.array(bp), np.array(num)
    rel = np.abs(bp - num) / np.maximum(np.abs(bp) + np.abs(num), 1e-8)
    return GradientCheck(list(names), np.array(layers), bp, num, rel)


@contextlib.contextmanager
def planted_bug():
    """A classic backpropagation bug, for the 기울기 확인 demonstration: inside, the network
    uses σ(z) where its backward pass needs σ′(z) (the forward pass is unchanged)."""
    right = formulas.DERIVATIVES["sigmoid"]
    formulas.DERIVATIVES["sigmoid"] = formulas.sigmoid
    try:
        yield
    finally:
        formulas.DERIVATIVES["sigmoid"] = right


# ------------------------------------------------------------------ 계산 그래프

@dataclass
class GraphNode:
    """One node of the one-neuron 계산 그래프: its value (forward) and ∂C/∂(it) (backward)."""

    name: str        # "w", "a", "b", "p = w·a", "z", "a'", "C"
    formula: str     # how its value is computed
    value: float
    grad: float      # ∂C/∂(this node)
    local: str       # the local derivative used to get grad, as text


GRAPH_FORWARD = ("w·a", "z", "σ(z)", "C")                    # forward steps, in order
GRAPH_BACKWARD = ("C", "σ(z)", "z", "w·a", "w, a, b")        # backward steps, in order


def neuron_graph(w: float, a: float, b: float, y: float = 1.0) -> dict[str, GraphNode]:
    """The 계산 그래프 of one sigmoid neuron and its log loss, worked node by node.

    Forward: p = w·a, z = p + b, s = σ(z), C = −[y ln s + (1 − y) ln(1 − s)].
    Backward (연쇄법칙): ∂C/∂C = 1, ∂C/∂s = −y/s + (1 − y)/(1 − s), ∂C/∂z = ∂C/∂s · σ′(z),
    ∂C/∂p = ∂C/∂b = ∂C/∂z · 1, ∂C/∂w = ∂C/∂p · a, ∂C/∂a = ∂C/∂p · w.
    """
    w = validate.real(w, "w (가중치)")
    a = validate.real(a, "a (입력)")
    b = validate.real(b, "b (편향)")
    y = validate.real(y, "y (정답)", 0.0, 1.0)
    p = w * a
    z = p + b
    s = float(formulas.sigmoid(z))
    if not 0.0 < s < 1.0:
        from mnistlab.errors import MnistlabValueError

        raise MnistlabValueError(f"z = {z:g} 가 너무 커서 σ(z) 가 0 이나 1 이 됩니다. w, a, b 를 줄이세요.")
    C = -(y * np.log(s) + (1 - y) * np.log1p(-s))
    dC = 1.0
    ds = dC * (-y / s + (1 - y) / (1 - s))
    dz = ds * s * (1 - s)
    dp = dz * 1.0
    return {
        "w": GraphNode("w", "가중치", w, dp * a, f"∂(w·a)/∂w = a = {a:.3f}"),
        "a": GraphNode("a", "입력", a, dp * w, f"∂(w·a)/∂a = w = {w:.3f}"),
        "b": GraphNode("b", "편향", b, dz * 1.0, "∂z/∂b = 1"),
        "p": GraphNode("w·a", "w × a", p, dp, "∂z/∂(w·a) = 1"),
        "z": GraphNode("z", "w·a + b", z, dz, f"σ′(z) = σ(z)(1 − σ(z)) = {s * (1 - s):.3f}"),
        "s": GraphNode("σ(z)", "σ(z)", s, ds,
                       f"∂C/∂σ = −y/σ + (1 − y)/(1 − σ) = {ds:.3f}"),
        "C": GraphNode("C", "−[y ln σ + (1 − y) ln(1 − σ)]", float(C), dC, "∂C/∂C = 1"),
    }


def neuron_network(w: float, b: float) -> Network:
    """The same neuron as a 1-1 ``Network`` (one input, one sigmoid output), whose
    ``gradients`` must agree with :func:`neuron_graph` (target y = 1: the class 0 of one)."""
    return Network.from_parameters([None, np.array([[float(w)]])], [None, np.array([float(b)])])


__all__ = [
    "BACKPROP_METHOD", "GRAPH_BACKWARD", "GRAPH_FORWARD", "GradientCheck", "GraphNode", "Nudges",
    "activation_wishes", "backprop_source", "deltas", "gradient_check", "mean_abs_deltas",
    "neuron_graph", "neuron_network", "nudges", "one_update", "planted_bug",
]
