"""손실 지형: the real cost C as a function of two of the network's real weights
(drawn in chapter 09, descended in chapter 10).

The network has 13,002 parameters, so its cost lives in 13,002 dimensions. A *slice*
keeps all of them at their trained values except one or two weights, moves those over a
line or a grid, and computes C (``Network.loss``, 교차 엔트로피 오차) at every point, and
the slope ∇C (``Network.gradients``, 역전파) where chapter 10 needs it.

The one slice of the series (:data:`LANDSCAPE_WEIGHTS`, 1-based (l, j, k) = w^[l]_jk):
both weights go into the output neuron a^[3]_3 (the digit 2), from the hidden neurons
a^[2]_6 and a^[2]_11. Those two hidden neurons often fire together, so raising one weight
and lowering the other by the same amount changes little: the slice is one long, narrow
valley along w1 + w2 = constant (its curvature across is about 8 times the curvature
along). That is what chapter 10's ball needs: a small learning rate crawls, a good one
reaches the floor, and a too large one overshoots across the narrow valley, further at
every step, until it leaves the map. (An earlier pair, w^[3]_{1,5} and w^[3]_{1,8}, had a
wide, flat-floored valley with one steep wall: too large rates there jump off the map in
a single step instead of visibly overshooting.) Both weights sit in the last layer, so
the valley is smooth and has one floor. The cost is the mean over the first
:data:`LANDSCAPE_IMAGES` training images (all in the training part of
``ml.validation_split``).

A full 49×49 grid with gradients takes about four minutes (a forward and a backward pass per
point), so the grid is precomputed by ``benchmarks/make_landscape.py`` into
:data:`LANDSCAPE_FILE` (.npz, no pickle); :func:`load_landscape` reads it, and a test
recomputes some of its points. Between grid points :class:`Landscape` reads cost and
gradient by bilinear interpolation (a few µs: fast enough for the ball widget).

Weights are named as in the lesson, 1-based: ``(l, j, k)`` is w^[l]_jk, the weight INTO
neuron j of layer l FROM neuron k of layer l−1 (``net.W[l][j-1, k-1]``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mnistlab import validate
from mnistlab.errors import MnistlabValueError
from mnistlab.resources import resource_dir

LANDSCAPE_WEIGHTS = ((3, 3, 6), (3, 3, 11))  # w^[3]_{3,6} and w^[3]_{3,11}: into a^[3]_3 (digit 2)
LANDSCAPE_IMAGES = 2000                      # C over the first 2,000 training images
LANDSCAPE_SPAN = 12.0                        # each weight from trained − 12 to trained + 12
LANDSCAPE_STEPS = 49                         # 49 values per weight (step 0.5)
LANDSCAPE_FILE = resource_dir("models") / "loss_landscape_784_16_16_10.npz"
FORMAT = "mnistlab.Landscape/2"              # /2: with the gradient G on every grid point
H = 1e-4                                     # the step h of the central difference


def weight_name(weight) -> str:
    """'w[3]_3,6' for (3, 3, 6): how figures and widgets label a weight."""
    l, j, k = weight
    return f"w[{l}]_{j},{k}"


@functools.lru_cache(maxsize=2)
def landscape_data(n: int = LANDSCAPE_IMAGES) -> tuple[np.ndarray, np.ndarray]:
    """The first ``n`` training images (normalized, flattened (n, 784), one per row) and their
    labels: the images the slice's cost is averaged over. Read-only (they are cached)."""
    from mnistlab.data import load_mnist, normalize

    images, labels = load_mnist("train")
    n = validate.integer(n, "n (이미지 수)", 1, len(images))
    X = normalize(images[:n]).reshape(n, -1).astype(np.float64)
    y = np.array(labels[:n])
    X.flags.writeable = y.flags.writeable = False
    return X, y


class WeightSlice:
    """The cost C as a function of a few chosen weights, the others kept at their values.

    >>> s = WeightSlice()                  # the shipped network, LANDSCAPE_WEIGHTS, 2,000 images
    >>> s.center                           # the trained values of the two weights
    >>> s.cost(s.center + [1.0, -2.0])     # C with both weights moved
    >>> s.gradient(s.center)               # (∂C/∂w1, ∂C/∂w2) by backpropagation
    >>> s.numerical_gradient(s.center)     # the same by central differences
    """

    def __init__(self, net=None, weights=LANDSCAPE_WEIGHTS, X=None, y=None):
        from mnistlab.network import pretrained_network

        net = pretrained_network() if net is None else net
        validate.network(net)
        self.net = net.copy()              # moving weights here never touches the caller's net
        self.weights = [validate.weight_address(w, self.net.sizes) for w in weights]
        if len(set(self.weights)) != len(self.weights):
            raise MnistlabValueError("같은 가중치가 두 번 있습니다. 서로 다른 가중치를 고르세요.")
        if X is None or y is None:
            X, y = landscape_data()
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
                v = self.center + np.array([d1, d2])     # the centre moved by (d1, d2)
                if gradients:
                    grads[r, c] = self.gradient(v)
                costs[r, c] = self.cost(v)
        self._set(self.center)
        return (costs, grads) if gradients else costs


@dataclass
class Landscape:
    """A 2-D slice of the cost: ``C[i2, i1]`` is the cost with the first weight at ``w1[i1]``
    and the second at ``w2[i2]`` (rows follow the second weight, as ``contour(w1, w2, C)``
    expects), ``G[i2, i1]`` = (∂C/∂w1, ∂C/∂w2) there (backpropagation); ``trained`` are the
    two weights' trained values (the grid's centre).

    :meth:`cost` and :meth:`gradient` read the grid at any point v = (w1, w2) by bilinear
    interpolation; outside the grid they return NaN (the ball has left the map)."""

    first: tuple[int, int, int]
    second: tuple[int, int, int]
    w1: np.ndarray
    w2: np.ndarray
    C: np.ndarray
    G: np.ndarray
    trained: tuple[float, float]
    images: int

    @property
    def weights(self) -> list[tuple[int, int, int]]:
        return [self.first, self.second]

    @property
    def center(self) -> np.ndarray:
        """The two trained values as an array (the grid's centre)."""
        return np.array(self.trained, dtype=float)

    @property
    def offsets(self) -> np.ndarray:
        """The grid's offsets from the trained value (the same for both weights)."""
        return self.w1 - self.trained[0]

    @property
    def lo(self) -> np.ndarray:
        return np.array([self.w1[0], self.w2[0]])

    @property
    def hi(self) -> np.ndarray:
        return np.array([self.w1[-1], self.w2[-1]])

    @property
    def step(self) -> float:
        return float(self.w1[1] - self.w1[0])

    @property
    def trained_cost(self) -> float:
        """C at the centre of the grid (both weights trained)."""
        return float(self.C[len(self.w2) // 2, len(self.w1) // 2])

    @property
    def lowest(self) -> tuple[float, float, float]:
        """(w1, w2, C) of the lowest grid point."""
        i2, i1 = np.unravel_index(np.argmin(self.C), self.C.shape)
        return float(self.w1[i1]), float(self.w2[i2]), float(self.C[i2, i1])

    def inside(self, v) -> bool:
        v = np.asarray(v, float)
        return bool(np.all(v >= self.lo) and np.all(v <= self.hi))

    def _read(self, table: np.ndarray, v):
        if not self.inside(v):
            return np.full(table.shape[2:], np.nan) if table.ndim == 3 else np.nan
        v = np.asarray(v, float)
        t = np.array([(v[0] - self.w1[0]) / (self.w1[1] - self.w1[0]),
                      (v[1] - self.w2[0]) / (self.w2[1] - self.w2[0])])
        c0 = min(int(t[0]), len(self.w1) - 2)
        r0 = min(int(t[1]), len(self.w2) - 2)
        fc, fr = t[0] - c0, t[1] - r0
        return ((1 - fr) * ((1 - fc) * table[r0, c0] + fc * table[r0, c0 + 1])
                + fr * ((1 - fc) * table[r0 + 1, c0] + fc * table[r0 + 1, c0 + 1]))

    def cost(self, v) -> float:
        """C at v = (w1, w2), read from the grid (NaN outside)."""
        return float(self._read(self.C, v))

    def gradient(self, v) -> np.ndarray:
        """∇C at v = (w1, w2), read from the grid's backpropagated gradients (NaN outside)."""
        return np.asarray(self._read(self.G, v), float)

    def descend(self, start, lr: float, steps: int) -> np.ndarray:
        """경사 하강법 on the grid: v ← v − lr ∇C(v), ``steps`` times; the path (steps + 1, 2).
        Stops (the rest NaN) once the ball leaves the grid."""
        lr = validate.positive(lr, "학습률 η")
        path = np.full((int(steps) + 1, 2), np.nan)
        path[0] = start
        for t in range(int(steps)):
            g = self.gradient(path[t])
            if np.isnan(g).any():
                break
            path[t + 1] = path[t] - lr * g
        return path


def loss_landscape(net, X, y, first=LANDSCAPE_WEIGHTS[0], second=LANDSCAPE_WEIGHTS[1],
                   span: float = LANDSCAPE_SPAN, steps: int = LANDSCAPE_STEPS) -> Landscape:
    """The cost C = ``net.loss(X, y)`` and its gradient along the two weights (``net.gradients``)
    on a ``steps`` × ``steps`` grid of the two weights ``first`` and ``second`` (each (l, j, k),
    1-based), each from its trained value − ``span`` to + ``span``. ``net`` itself is left
    unchanged (the grid is walked on a copy)."""
    net = validate.network(net)
    first = validate.weight_address(first, net.sizes)
    second = validate.weight_address(second, net.sizes)
    if first == second:
        raise MnistlabValueError("두 가중치가 같습니다. 지형을 그리려면 서로 다른 가중치 두 개를 고르세요.")
    span = validate.positive(span, "span (범위)")
    steps = validate.integer(steps, "steps (격자 수)", 2, 201)
    s = WeightSlice(net, (first, second), X, y)
    offsets = np.linspace(-span, span, steps)
    C, G = s.grid(offsets, offsets, gradients=True)
    t1, t2 = (float(v) for v in s.center)
    return Landscape(first, second, t1 + offsets, t2 + offsets, C, G, (t1, t2),
                     len(np.atleast_2d(X)))


def save_landscape(landscape: Landscape, path=LANDSCAPE_FILE) -> Path:
    """Write a landscape to a .npz file (no pickle)."""
    path = Path(path)
    np.savez_compressed(path, format=np.array(FORMAT), first=np.array(landscape.first),
                        second=np.array(landscape.second), w1=landscape.w1, w2=landscape.w2,
                        C=landscape.C, G=landscape.G, trained=np.array(landscape.trained),
                        images=np.array(landscape.images))
    return path


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> Landscape:
    if not path.is_file():
        raise MnistlabValueError(
            f"손실 지형 파일이 없습니다: {path}. 저장소 폴더에서 "
            "'python benchmarks/make_landscape.py' 로 다시 만들 수 있습니다."
        )
    with np.load(path, allow_pickle=False) as f:
        if str(f["format"]) != FORMAT:
            raise MnistlabValueError(f"손실 지형 파일의 형식이 다릅니다: {path}")
        arrays = {k: f[k] for k in ("w1", "w2", "C", "G")}
        for a in arrays.values():
            a.flags.writeable = False
        return Landscape(tuple(int(v) for v in f["first"]), tuple(int(v) for v in f["second"]),
                         trained=tuple(float(v) for v in f["trained"]), images=int(f["images"]),
                         **arrays)


def load_landscape(path=LANDSCAPE_FILE) -> Landscape:
    """The shipped slice of the pretrained network's cost (see the module docstring); its
    arrays are read-only."""
    return _load(Path(path))


# ------------------------------------------------------------------ all 13,002 parameters

def parameters(net) -> list[tuple[str, int, tuple[int, ...]]]:
    """Every parameter of ``net`` as ("W" or "b", l, 0-based index): 13,002 for 784-16-16-10."""
    out = []
    for l in range(1, net.L + 1):
        out += [("W", l, idx) for idx in np.ndindex(net.W[l].shape)]
        out += [("b", l, idx) for idx in np.ndindex(net.b[l].shape)]
    return out


def numerical_partial(net, X, y, param, h: float = H) -> float:
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
    "LANDSCAPE_FILE",
    "LANDSCAPE_IMAGES",
    "LANDSCAPE_SPAN",
    "LANDSCAPE_STEPS",
    "LANDSCAPE_WEIGHTS",
    "H",
    "Landscape",
    "WeightSlice",
    "landscape_data",
    "load_landscape",
    "loss_landscape",
    "numerical_partial",
    "parameters",
    "save_landscape",
    "weight_name",
]
