"""신경망 안에서 일어나는 일들: what hidden neurons respond to (chapter 05).

Two pictures of a hidden layer:

- **the hoped-for one** — :func:`template_network` builds a small network by
  hand whose 은닉층 neurons are drawn 28×28 templates (an upper loop, a lower
  loop, a big ring, a vertical bar, a top bar, a lower-right stroke) and whose
  output neurons combine them into digit detectors (8 = upper loop + lower
  loop, 9 = upper loop + lower-right stroke, …). Run on real MNIST digits it
  shows which patterns fire;
- **the real one** — a trained network's hidden neurons: their incoming
  가중치 as a 28×28 picture (:func:`incoming_weights`) and the test images that
  excite each neuron most (:func:`top_images`, vectorised over all images).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mnistlab import validate
from mnistlab.data import N_PIXELS, SIDE
from mnistlab.errors import MnistlabValueError
from mnistlab.validate import as_inputs

# ------------------------------------------------------------------ drawing templates

_R, _C = np.mgrid[0:SIDE, 0:SIDE].astype(float)


def _blur(a: np.ndarray, sigma: float = 0.8) -> np.ndarray:
    """Soften a drawn mask a little (a pen stroke, not a pixel-sharp edge)."""
    k = np.exp(-0.5 * (np.arange(-3, 4) / sigma) ** 2)
    k /= k.sum()
    a = np.apply_along_axis(np.convolve, 0, a, k, "same")
    return np.apply_along_axis(np.convolve, 1, a, k, "same")


def ring(row: float, col: float, radius_r: float, radius_c: float | None = None,
         width: float = 1.2) -> np.ndarray:
    """A drawn ring (고리) centred at (row, col): 1 on the stroke, 0 elsewhere."""
    rc = radius_c or radius_r
    d = np.sqrt(((_R - row) / radius_r) ** 2 + ((_C - col) / rc) ** 2)
    return (np.abs(d - 1) * min(radius_r, rc) < width).astype(float)


def disk(row: float, col: float, radius_r: float, radius_c: float | None = None) -> np.ndarray:
    """A filled ellipse: the hole a loop should leave empty."""
    rc = radius_c or radius_r
    return ((((_R - row) / radius_r) ** 2 + ((_C - col) / rc) ** 2) < 1).astype(float)


def bar(rows: tuple[int, int], cols: tuple[int, int]) -> np.ndarray:
    """A filled rectangle (rows and cols inclusive): a straight stroke (획)."""
    return ((rows[0] <= _R) & (rows[1] >= _R) & (cols[0] <= _C) & (cols[1] >= _C)).astype(float)


def template(ink: np.ndarray, empty: np.ndarray, empty_weight: float = 1.0) -> np.ndarray:
    """Weights that look for ``ink`` where the pattern has a stroke and no ink in ``empty``.

    The positive part sums to 1 and the negative part to ``empty_weight``, so
    ``template · image`` is "mean ink on the stroke − mean ink in the hole".
    """
    ink, empty = _blur(ink), _blur(empty)
    return ink / ink.sum() - empty_weight * empty / empty.sum()


@dataclass(frozen=True)
class Pattern:
    """One hand-drawn hidden neuron: its name, its 28×28 weights and when it fires."""

    name: str
    weights: np.ndarray          # (28, 28), the template
    threshold: float             # template · image above this → output above 0.5
    gain: float                  # how sharply it switches on
    digits: tuple[int, ...]      # the digits it was drawn for
    drawing: np.ndarray          # (28, 28) 0..1, the stroke as a picture


def patterns() -> list[Pattern]:
    """The six drawn patterns of the hand-built network (은닉층 of :func:`template_network`).

    Thresholds and gains were set by hand after looking at how strongly each
    template responds to real training digits: about halfway between the
    digits it was drawn for and the rest.
    """
    drawn = [  # name, stroke, hole (must stay empty), hole weight, threshold, gain, digits
        ("위쪽 고리", ring(10, 14, 3), disk(10, 14, 1.2), 0.3, 0.36, 30, (8, 9)),
        ("아래쪽 고리", ring(18, 14, 3), disk(18, 14, 2), 0.3, 0.33, 30, (6, 8)),
        ("큰 고리", ring(14, 14, 9, 6), disk(14, 14, 5, 2.5), 1.0, 0.092, 7, (0,)),
        ("가운데 세로 막대", bar((5, 23), (13, 15)),
         bar((5, 23), (6, 9)) + bar((5, 23), (19, 22)), 1.0, 0.344, 15, (1,)),
        ("위쪽 가로 막대", bar((6, 9), (6, 22)), bar((14, 18), (6, 22)), 1.0, 0.03, 25, (5, 7)),
        ("오른쪽 아래 세로 획", bar((14, 23), (16, 19)), bar((14, 23), (8, 11)), 1.0, 0.068, 22,
         (4, 7, 9)),
    ]
    return [Pattern(name, template(ink, empty, w), thr, gain, digits, _blur(ink).clip(0, 1))
            for name, ink, empty, w, thr, gain, digits in drawn]


# digit detectors: which patterns each output neuron wants (+) and refuses (−)
DETECTORS: dict[int, dict[str, float]] = {
    0: {"큰 고리": 6, "가운데 세로 막대": -3, "위쪽 가로 막대": -1},
    1: {"가운데 세로 막대": 6, "큰 고리": -4, "위쪽 고리": -2, "아래쪽 고리": -2},
    7: {"위쪽 가로 막대": 4, "오른쪽 아래 세로 획": 4, "아래쪽 고리": -4, "큰 고리": -3},
    8: {"위쪽 고리": 4, "아래쪽 고리": 4, "큰 고리": -3, "오른쪽 아래 세로 획": -1},
    9: {"위쪽 고리": 5, "오른쪽 아래 세로 획": 4, "아래쪽 고리": -3, "위쪽 가로 막대": -2},
}
DETECTOR_BIAS = {0: -3.0, 1: -3.0, 7: -4.5, 8: -5.0, 9: -5.0}


@dataclass
class TemplateNetwork:
    """A hand-built 784-6-5 network: drawn hidden patterns → digit detectors.

    ``net`` is an ordinary :class:`mnistlab.Network` (sigmoid) whose W^[1] rows
    are the drawn templates and whose W^[2] says which patterns each digit
    needs; ``hidden`` names the 6 hidden neurons, ``digits`` the 5 outputs.
    """

    net: object
    hidden: list[str]
    digits: list[int]
    patterns: list[Pattern] = field(repr=False)

    def forward(self, X) -> list[np.ndarray]:
        """[a^[0], a^[1] (the patterns), a^[2] (the detectors)] for one image or a batch.

        A batch goes through in chunks of 1,000 images (same numbers, less memory).
        """
        batch, single = as_inputs(X, "X")
        if single:
            return self.net.forward(X)
        return forward_in_chunks(self.net, batch)[0]

    def read(self, X):
        """The digit whose detector fires most (an int, or one per image)."""
        out = self.forward(X)[-1]
        idx = np.argmax(out, axis=-1)
        return int(self.digits[int(idx)]) if np.ndim(idx) == 0 else np.asarray(self.digits)[idx]


def template_network() -> TemplateNetwork:
    """The hand-built network of chapter 05: what we *hope* hidden neurons do."""
    from mnistlab.network import Network

    pats = patterns()
    names = [p.name for p in pats]
    digits = sorted(DETECTORS)
    net = Network([N_PIXELS, len(pats), len(digits)])
    net.W[1] = np.stack([p.gain * p.weights.reshape(-1) for p in pats])
    net.b[1] = np.array([-p.gain * p.threshold for p in pats])
    net.W[2] = np.array([[DETECTORS[d].get(n, 0.0) for n in names] for d in digits], dtype=float)
    net.b[2] = np.array([DETECTOR_BIAS[d] for d in digits])
    return TemplateNetwork(net, names, digits, pats)


# ------------------------------------------------------------------ the trained network's hidden neurons

def incoming_weights(net, l: int, i: int) -> np.ndarray:
    """가중치 into neuron i (from 1, top) of layer l; as a 28×28 picture for layer 1."""
    l, i = net.check_neuron(l, i)
    w = np.asarray(net.W[l][i - 1])
    return w.reshape(SIDE, SIDE) if w.size == N_PIXELS else w


def layer_activations(net, X, l: int = 1, weighted_sum: bool = False) -> np.ndarray:
    """a^[l] (or the 가중합 z^[l]) for a batch of images: shape (N, n[l]), one row per image."""
    batch, _ = as_inputs(X, "X")
    l = validate.integer(l, f"층 번호 l (1 부터 L = {net.L} 까지)", 1, net.L)
    z = weighted_sums(net, batch, l)
    return z if weighted_sum else net.f(z)


def top_k(activations: np.ndarray, k: int = 9) -> tuple[np.ndarray, np.ndarray]:
    """For every neuron (column), the k rows (images) that excite it most.

    activations: (N, n) — one row per image. Returns ``(index, value)``, each
    (n, k), strongest first (ties: the lower index first). Vectorised: one
    argpartition over all images, then a sort of the k winners.
    """
    a = np.asarray(activations, dtype=float)
    if a.ndim != 2:
        raise MnistlabValueError(f"활성값은 (이미지 수, 뉴런 수) 모양의 2차원 배열이어야 합니다. 받은 모양: {a.shape}")
    N = a.shape[0]
    k = validate.integer(k, f"k (이미지 수 {N} 이하)", low=1, high=N)
    part = np.argpartition(-a, k - 1, axis=0)[:k]                 # (k, n), unordered
    vals = np.take_along_axis(a, part, axis=0)
    order = np.lexsort((part, -vals), axis=0)                      # by value, ties by index
    idx = np.take_along_axis(part, order, axis=0).T
    return idx, np.take_along_axis(a, idx.T, axis=0).T


def top_images(net, X, l: int = 1, k: int = 9, value: str = "a") -> tuple[np.ndarray, np.ndarray]:
    """The k images of X that excite each neuron of layer l most: ``(index, value)``, (n[l], k).

    Images are ranked by the weighted sum z (the sigmoid is increasing, so this
    is the order of the outputs a, without the ties of outputs that round to
    1.0); the values returned are the outputs a^[l]_i, or with ``value="z"`` the
    가중합 z^[l]_i themselves (a saturated sigmoid shows 1.00 for all top images;
    z still tells them apart).
    """
    value = validate.choice(value, 'value ("a" 는 뉴런의 출력, "z" 는 가중합)', ("a", "z"))
    batch, _ = as_inputs(X, "X")
    l = validate.integer(l, f"층 번호 l (1 부터 L = {net.L} 까지)", 1, net.L)
    z = weighted_sums(net, batch, l)
    idx, _ = top_k(z, k)
    return idx, np.take_along_axis(z if value == "z" else net.f(z), idx.T, axis=0).T


def top_of_layer(a: list, z: list, l: int, k: int, value: str = "a") -> tuple[np.ndarray, np.ndarray]:
    """:func:`top_images` from a forward pass already made (``a, z = net.forward(X, return_z=True)``):
    ranked by z[l], valued by a[l] (or z[l] with ``value="z"``) — what the hidden-neuron explorer
    needs for every layer."""
    idx, _ = top_k(z[l], k)
    return idx, np.take_along_axis(z[l] if value == "z" else a[l], idx.T, axis=0).T


def forward_in_chunks(net, batch: np.ndarray, chunk: int = 1000) -> tuple[list, list]:
    """``net.forward(batch, return_z=True)`` for a checked (N, 784) batch, 1,000 images at a time.

    Same numbers, less memory: a[0] is the batch itself and the matrix product's
    float64 copy of the inputs stays small (see :func:`weighted_sums`).
    """
    runs = [net.forward(batch[s:s + chunk], return_z=True) for s in range(0, len(batch), chunk)]
    a = [batch] + [np.concatenate([r[0][l] for r in runs]) for l in range(1, net.L + 1)]
    z = [None] + [np.concatenate([r[1][l] for r in runs]) for l in range(1, net.L + 1)]
    return a, z


def weighted_sums(net, batch: np.ndarray, l: int, chunk: int = 1000) -> np.ndarray:
    """가중합 z^[l] of a checked (N, 784) batch, computed 1,000 images at a time.

    The same numbers as ``net.forward(batch, return_z=True)[1][l]``; working in
    chunks keeps the float64 copy of the inputs that the matrix product makes
    small (10,000 test images at once would need 63 MB more).
    """
    parts = [net.forward(batch[s:s + chunk], return_z=True)[1][l]
             for s in range(0, len(batch), chunk)]
    return np.concatenate(parts)


# ------------------------------------------------------------------ what the network does not know

def noise_images(n: int = 1000, seed: int = 0) -> np.ndarray:
    """n images of random noise (무작위 잡음): every pixel uniform in 0..1, shape (n, 784)."""
    n = validate.integer(n, "잡음 이미지 수 n", low=1)
    return np.random.default_rng(seed).random((n, N_PIXELS), dtype=np.float32)


def confident_on_noise(net, n: int = 1000, k: int = 6, seed: int = 0):
    """Feed n noise images to a trained network; return the k it answers most confidently.

    A network trained on digits only has no "none of these" answer: its output
    layer always names some digit, and on some noise one output neuron is far
    above 0.5. Returns ``(images (k, 784), outputs (k, n[L]), share)``, strongest
    first, where ``share`` is the fraction of all n noise images on which some
    output neuron is 0.5 or more (the network says "yes, this is a digit d").
    """
    X = noise_images(n, seed)
    k = validate.integer(k, "k", low=1, high=len(X))
    out = net.f(weighted_sums(net, X, net.L))
    best = out.max(axis=1)
    pick = np.argsort(-best, kind="stable")[:k]
    return X[pick], out[pick], float(np.mean(best >= 0.5))
