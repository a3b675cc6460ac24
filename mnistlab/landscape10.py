"""비용 지형 (cost landscape): the cost C of the shipped network over one or two of its real weights.

The shipped 784-16-16-10 network has 13,002 weights and biases, so its cost C
lives over a 13,002-dimensional space that nobody can draw. Holding all of them
at their trained values but one (a 1-D slice) or two (a 2-D slice) gives a curve
or a map that we can draw: the "landscape" the ball of chapter 10 rolls on.

Every number here comes from the package's one :class:`~mnistlab.network.Network`:
the cost is :meth:`Network.loss` (mean cross-entropy over a fixed subset of
training images), the exact slope is :meth:`Network.gradients` (역전파), and the
수치 미분 (central difference) is two calls of ``loss``:

    ∂C/∂w ≈ (C(w + h) − C(w − h)) / (2h)

Weights are named as in the lesson, 1-based: ``(l, j, k)`` is w^[l]_jk, the
weight INTO neuron j of layer l FROM neuron k of layer l−1 (``net.W[l][j-1, k-1]``).
"""

from __future__ import annotations

import functools

import numpy as np

from mnistlab import validate
from mnistlab.data import load_mnist, normalize
from mnistlab.errors import MnistlabValueError
from mnistlab.network import Network, pretrained_network

# The two real weights of the 2-D slice: both lead INTO output neuron 3 (the digit 2) of the
# shipped network, FROM hidden neurons 6 and 11 of layer 2. The two hidden neurons often fire
# together, so the cost's valley is long and narrow (along w1 + w2 = constant): a good map on
# which a too large learning rate visibly overshoots.
SLICE_WEIGHTS = ((3, 3, 6), (3, 3, 11))
N_IMAGES = 500            # the cost is the mean over the first 500 training images
SPAN = 12.0               # the 2-D map covers trained value ± SPAN for both weights
GRID = 61                 # points per side of the precomputed map
H = 1e-4                  # the step h of the central difference


def weight_name(weight) -> str:
    """'w^[3]_3,6' for (3, 3, 6): how figures and widgets label a weight."""
    l, j, k = weight
    return f"w[{l}]_{j},{k}"


@functools.lru_cache(maxsize=2)
def subset(n: int = N_IMAGES) -> tuple[np.ndarray, np.ndarray]:
    """The first ``n`` training images (normalized, one per row) and their labels: the images
    the slice's cost is averaged over. Read-only, so the cache cannot be changed by a caller."""
    images, labels = load_mnist("train")
    X = normalize(images[:n]).reshape(n, -1).astype(np.float64)
    y = np.array(labels[:n])
    X.flags.writeable = y.flags.writeable = False
    return X, y


def check_weight(weight, sizes) -> tuple[int, int, int]:
    """A weight address (l, j, k), 1-based as in the lesson, checked against the layer sizes."""
    if not isinstance(weight, (tuple, list)) or len(weight) != 3:
        raise MnistlabValueError(
            f"가중치는 (l, j, k) 세 수로 적으세요: w^[l]_jk 는 l번째 층 뉴런 j 로 들어오는, "
            f"l−1번째 층 뉴런 k 의 가중치입니다. 받은 값: {weight!r}")
    L = len(sizes) - 1
    l = validate.integer(weight[0], "층 l", low=1, high=L)
    j = validate.integer(weight[1], "뉴런 j", low=1, high=sizes[l])
    k = validate.integer(weight[2], "앞 층의 뉴런 k", low=1, high=sizes[l - 1])
    return l, j, k


class WeightSlice:
    """The cost C as a function of a few chosen weights, the others kept at their values.

    >>> s = WeightSlice()                  # the shipped network, SLICE_WEIGHTS, 500 images
    >>> s.center                           # the trained values of the two weights
    >>> s.cost(s.center + [1.0, -2.0])     # C with both weights moved
    >>> s.gradient(s.center)               # (∂C/∂w1, ∂C/∂w2) by backpropagation
    >>> s.numerical_gradient(s.center)     # the same by central differences
    """

    def __init__(self, net: Network | None = None, weights=SLICE_WEIGHTS, X=None, y=None):
        net = pretrained_network() if net is None else net
        validate.network(net)
        self.net = net.copy()              # moving weights here never touches the caller's net
        self.weights = [check_weight(w, self.net.sizes) for w in weights]
        if X is None or y is None:
            X, y = subset()
        self.X, self.y = X, y
        self.center = np.array([self.net.W[l][j - 1, k - 1] for l, j, k in self.weights])

    def _set(self, v) -> None:
        v = validate.numbers_array(v, "가중치 값 v", ndim=1)
        if len(v) != len(self.weights):
            raise MnistlabValueError(
                f"가중치 값은 {len(self.weights)}개를 넣으세요(받은 수: {len(v)}).")
        if not np.all(np.isfinite(v)):
            raise MnistlabValueError("가중치 값에 NaN 이나 무한대가 있습니다. 보통의 실수를 넣으세요.")
        for (l, j, k), value in zip(self.weights, v):
            self.net.W[l][j - 1, k - 1] = value

    def cost(self, v) -> float:
        """C(v): the network's mean loss on the slice's images with the chosen weights set to v."""
        self._set(v)
        return self.net.loss(self.X, self.y)

    def gradient(self, v) -> np.ndarray:
        """∇C at v along the chosen weights, from :meth:`Network.gradients` (역전파)."""
        self._set(v)
        dW, _ = self.net.gradients(self.X, self.y)
        return np.array([dW[l][j - 1, k - 1] for l, j, k in self.weights])

    def numerical_gradient(self, v, h: float = H) -> np.ndarray:
        """수치 미분: each slope by the central difference (C(w + h) − C(w − h)) / 2h."""
        v = np.array(validate.numbers_array(v, "가중치 값 v", ndim=1), dtype=float)
        h = validate.positive(h, "h")
        slopes = []
        for i in range(len(v)):
            up, down = v.copy(), v.copy()
            up[i] += h
            down[i] -= h
            slopes.append((self.cost(up) - self.cost(down)) / (2 * h))
        self._set(v)
        return np.array(slopes)

    def line(self, offsets, which: int = 0) -> np.ndarray:
        """The 1-D slice: C with weight ``which`` at center + each offset, the others trained."""
        costs = []
        for d in np.asarray(offsets, dtype=float):
            v = self.center.copy()
            v[which] += d
            costs.append(self.cost(v))
        self._set(self.center)
        return np.array(costs)

    def grid(self, offsets1, offsets2, gradients: bool = False):
        """The 2-D slice over center + (offsets1[c], offsets2[r]): costs[r, c] (row = 2nd weight),
        and with ``gradients`` also grads[r, c] = (∂C/∂w1, ∂C/∂w2) from backpropagation."""
        o1, o2 = np.asarray(offsets1, float), np.asarray(offsets2, float)
        costs = np.empty((len(o2), len(o1)))
        grads = np.empty((len(o2), len(o1), 2))
        for r, d2 in enumerate(o2):
            for c, d1 in enumerate(o1):
                v = self.center + [d1, d2]
                if gradients:
                    grads[r, c] = self.gradient(v)
                costs[r, c] = self.cost(v)
        self._set(self.center)
        return (costs, grads) if gradients else costs


# ------------------------------------------------------------------ the precomputed map

MAP_FILE = "chapter10_landscape.npz"      # in resources/models/ (shipped like the weights)


def compute_map(grid: int = GRID, span: float = SPAN, n: int = N_IMAGES) -> dict:
    """The 2-D map of chapter 10: costs and backpropagated gradients on a grid × grid lattice.

    Takes about a minute (grid² forward and backward passes), so the notebook loads
    the result from ``resources/models/chapter10_landscape.npz`` (``benchmarks/make_10.py``).
    """
    s = WeightSlice(X=subset(n)[0], y=subset(n)[1])
    offsets = np.linspace(-span, span, grid)
    costs, grads = s.grid(offsets, offsets, gradients=True)
    return {"offsets": offsets, "center": s.center, "costs": costs, "grads": grads,
            "weights": np.array(s.weights), "n_images": np.array(n)}


@functools.lru_cache(maxsize=1)
def load_map() -> dict:
    """The shipped 2-D map (see :func:`compute_map`), arrays read-only."""
    from mnistlab.resources import resource_dir

    with np.load(resource_dir("models") / MAP_FILE) as f:
        data = {k: f[k] for k in f.files}
    for v in data.values():
        v.flags.writeable = False
    return data


class Landscape:
    """The precomputed 2-D map, read at any point by bilinear interpolation (a few µs).

    ``cost(v)`` and ``gradient(v)`` take v as the two weights' values; outside the
    map they return NaN (the ball has left the map).
    """

    def __init__(self, data: dict | None = None):
        data = load_map() if data is None else data
        self.offsets = np.asarray(data["offsets"])
        self.center = np.asarray(data["center"])
        self.costs = np.asarray(data["costs"])
        self.grads = np.asarray(data["grads"])
        self.weights = [tuple(int(x) for x in w) for w in data["weights"]]
        self.lo = self.center + self.offsets[0]
        self.hi = self.center + self.offsets[-1]
        self.step = self.offsets[1] - self.offsets[0]

    def inside(self, v) -> bool:
        v = np.asarray(v, float)
        return bool(np.all(v >= self.lo) and np.all(v <= self.hi))

    def _read(self, table: np.ndarray, v):
        if not self.inside(v):
            return np.full(table.shape[2:], np.nan) if table.ndim == 3 else np.nan
        t = (np.asarray(v, float) - self.lo) / self.step
        n = len(self.offsets) - 1
        c0, r0 = (min(int(x), n - 1) for x in t)
        fc, fr = t[0] - c0, t[1] - r0
        return ((1 - fr) * ((1 - fc) * table[r0, c0] + fc * table[r0, c0 + 1])
                + fr * ((1 - fc) * table[r0 + 1, c0] + fc * table[r0 + 1, c0 + 1]))

    def cost(self, v) -> float:
        return float(self._read(self.costs, v))

    def gradient(self, v) -> np.ndarray:
        return np.asarray(self._read(self.grads, v), float)

    def descend(self, start, lr: float, steps: int) -> np.ndarray:
        """경사 하강법 on the map: v ← v − lr ∇C(v), ``steps`` times; the path (steps + 1, 2).
        Stops (the rest NaN) once the ball leaves the map."""
        lr = validate.positive(lr, "학습률 η")
        path = np.full((int(steps) + 1, 2), np.nan)
        path[0] = start
        for t in range(int(steps)):
            g = self.gradient(path[t])
            if np.isnan(g).any():
                break
            path[t + 1] = path[t] - lr * g
        return path


# ------------------------------------------------------------------ all 13,002 parameters

def parameters(net: Network) -> list[tuple[str, int, tuple[int, ...]]]:
    """Every parameter of ``net`` as ("W" or "b", l, 0-based index): 13,002 for 784-16-16-10."""
    out = []
    for l in range(1, net.L + 1):
        out += [("W", l, idx) for idx in np.ndindex(net.W[l].shape)]
        out += [("b", l, idx) for idx in np.ndindex(net.b[l].shape)]
    return out


def numerical_partial(net: Network, X, y, param, h: float = H) -> float:
    """수치 미분 of the mean loss for one parameter ("W" or "b", l, index): two forward passes."""
    kind, l, idx = param
    table = (net.W if kind == "W" else net.b)[l]
    old = table[idx]
    table[idx] = old + h
    up = net.loss(X, y)
    table[idx] = old - h
    down = net.loss(X, y)
    table[idx] = old
    return (up - down) / (2 * h)


__all__ = [
    "GRID",
    "MAP_FILE",
    "N_IMAGES",
    "SLICE_WEIGHTS",
    "SPAN",
    "H",
    "Landscape",
    "WeightSlice",
    "check_weight",
    "compute_map",
    "load_map",
    "numerical_partial",
    "parameters",
    "subset",
    "weight_name",
]
