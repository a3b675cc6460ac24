"""손실 지형: the real cost C as a function of two of the network's real weights (chapter 09,
descended in 10).

The network has 13,002 parameters, so its cost lives in 13,002 dimensions. A *slice*
keeps all of them at their trained values except two weights, moves those two over a
grid, and computes C (``Network.loss``, 교차 엔트로피 오차) at every grid point.

The two weights (:data:`LANDSCAPE_WEIGHTS`, 1-based (l, j, k) = w^[l]_jk): both go into
the output neuron a^[3]_1 (the digit 0); w^[3]_{1,5} is its most negative incoming weight
(from a^[2]_5) and w^[3]_{1,8} its most positive one (from a^[2]_8). Both sit in the last
layer, so this slice of C is one smooth valley (convex there), which 10 descends. The cost
is the mean over the first :data:`LANDSCAPE_IMAGES` training images (all in the training
part of ``ml.validation_split``).

A full 41×41 grid takes about a minute (one forward pass per point), so the grid is
precomputed by ``benchmarks/make_landscape_09.py`` into :data:`LANDSCAPE_FILE` (.npz, no
pickle); :func:`load_landscape` reads it, and a test recomputes some of its points.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mnistlab import validate
from mnistlab.errors import MnistlabValueError
from mnistlab.resources import resource_dir

LANDSCAPE_WEIGHTS = ((3, 1, 5), (3, 1, 8))   # w^[3]_{1,5} and w^[3]_{1,8}: into a^[3]_1 (digit 0)
LANDSCAPE_IMAGES = 2000                      # C over the first 2,000 training images
LANDSCAPE_SPAN = 8.0                         # each weight from trained − 8 to trained + 8
LANDSCAPE_STEPS = 41                         # 41 values per weight (step 0.4)
LANDSCAPE_FILE = resource_dir("models") / "loss_landscape_784_16_16_10.npz"
FORMAT = "mnistlab.Landscape/1"


@dataclass
class Landscape:
    """A 2-D slice of the cost: ``C[i2, i1]`` is the cost with the first weight at ``w1[i1]``
    and the second at ``w2[i2]`` (rows follow the second weight, as ``contour(w1, w2, C)``
    expects); ``trained`` are the two weights' trained values."""

    first: tuple[int, int, int]
    second: tuple[int, int, int]
    w1: np.ndarray
    w2: np.ndarray
    C: np.ndarray
    trained: tuple[float, float]
    images: int

    @property
    def trained_cost(self) -> float:
        """C at the centre of the grid (both weights trained)."""
        return float(self.C[len(self.w2) // 2, len(self.w1) // 2])

    @property
    def lowest(self) -> tuple[float, float, float]:
        """(w1, w2, C) of the lowest grid point."""
        i2, i1 = np.unravel_index(np.argmin(self.C), self.C.shape)
        return float(self.w1[i1]), float(self.w2[i2]), float(self.C[i2, i1])


def landscape_data(n: int = LANDSCAPE_IMAGES) -> tuple[np.ndarray, np.ndarray]:
    """The first ``n`` training images (normalized, flattened (n, 784)) and their labels."""
    from mnistlab.data import load_mnist, normalize

    images, labels = load_mnist("train")
    n = validate.integer(n, "n (이미지 수)", 1, len(images))
    return normalize(images[:n]).reshape(n, -1), np.asarray(labels[:n])


def loss_landscape(net, X, y, first=LANDSCAPE_WEIGHTS[0], second=LANDSCAPE_WEIGHTS[1],
                   span: float = LANDSCAPE_SPAN, steps: int = LANDSCAPE_STEPS) -> Landscape:
    """The cost C = ``net.loss(X, y)`` on a ``steps`` × ``steps`` grid of the two weights
    ``first`` and ``second`` (each (l, j, k), 1-based), each from its trained value − ``span``
    to + ``span``. ``net`` itself is left unchanged (the grid is walked on a copy)."""
    net = validate.network(net)
    first = validate.weight_address(first, net.sizes)
    second = validate.weight_address(second, net.sizes)
    if first == second:
        raise MnistlabValueError("두 가중치가 같습니다. 지형을 그리려면 서로 다른 가중치 두 개를 고르세요.")
    span = validate.positive(span, "span (범위)")
    steps = validate.integer(steps, "steps (격자 수)", 2, 201)
    moved = net.copy()
    (l1, j1, k1), (l2, j2, k2) = first, second
    t1, t2 = float(net.W[l1][j1 - 1, k1 - 1]), float(net.W[l2][j2 - 1, k2 - 1])
    w1 = t1 + np.linspace(-span, span, steps)
    w2 = t2 + np.linspace(-span, span, steps)
    C = np.empty((steps, steps))
    for i2, v2 in enumerate(w2):
        moved.W[l2][j2 - 1, k2 - 1] = v2
        for i1, v1 in enumerate(w1):
            moved.W[l1][j1 - 1, k1 - 1] = v1
            C[i2, i1] = moved.loss(X, y)
    return Landscape(first, second, w1, w2, C, (t1, t2), len(np.atleast_2d(X)))


def save_landscape(landscape: Landscape, path=LANDSCAPE_FILE) -> Path:
    """Write a landscape to a .npz file (no pickle)."""
    path = Path(path)
    np.savez_compressed(path, format=np.array(FORMAT), first=np.array(landscape.first),
                        second=np.array(landscape.second), w1=landscape.w1, w2=landscape.w2,
                        C=landscape.C, trained=np.array(landscape.trained),
                        images=np.array(landscape.images))
    return path


def load_landscape(path=LANDSCAPE_FILE) -> Landscape:
    """The shipped slice of the pretrained network's cost (see the module docstring)."""
    path = Path(path)
    if not path.is_file():
        raise MnistlabValueError(
            f"손실 지형 파일이 없습니다: {path}. 저장소 폴더에서 "
            "'python benchmarks/make_landscape_09.py' 로 다시 만들 수 있습니다."
        )
    with np.load(path, allow_pickle=False) as f:
        if str(f["format"]) != FORMAT:
            raise MnistlabValueError(f"손실 지형 파일의 형식이 다릅니다: {path}")
        return Landscape(tuple(int(v) for v in f["first"]), tuple(int(v) for v in f["second"]),
                         f["w1"], f["w2"], f["C"], tuple(float(v) for v in f["trained"]),
                         int(f["images"]))


__all__ = [
    "LANDSCAPE_FILE", "LANDSCAPE_IMAGES", "LANDSCAPE_SPAN", "LANDSCAPE_STEPS", "LANDSCAPE_WEIGHTS",
    "Landscape", "landscape_data", "load_landscape", "loss_landscape", "save_landscape",
]
