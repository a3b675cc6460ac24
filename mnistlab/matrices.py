"""가중치 행렬과 순전파: one layer's weighted sums three ways, and the shapes of a batch (chapter 08).

The lesson writes one neuron, then one layer, then a batch:

    z^[l]_j = Σ_k w^[l]_jk a^[l-1]_k + b^[l]_j           (one neuron: a loop over k)
    z^[l]   = W^[l] a^[l-1] + b^[l]                      (one layer: a matrix times a column)
    Z^[l]   = A^[l-1] W^[l]ᵀ + b^[l]                     (m images, one per ROW, as the code does)

``w^[l]_jk`` is the weight INTO neuron j of layer l FROM neuron k of layer l−1, so
``W^[l]`` has shape (n^[l], n^[l−1]); in code ``net.W[l][j - 1, k - 1]`` (1-based in
the notation, 0-based in Python). The three functions below compute the same z^[l]
the slow way, row by row, and in one product; :class:`~mnistlab.network.Network` does
the last one. :func:`shapes` and :func:`product` say which shapes a batch has and what
numpy makes of a product, without building the arrays (the 모양 실험실 widget).
"""

from __future__ import annotations

import inspect
import time
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from mnistlab import validate
from mnistlab.errors import MnistlabValueError

# ------------------------------------------------------------ one layer, three ways


def weighted_sums_loops(W, b, a) -> np.ndarray:
    """z_j = Σ_k w_jk a_k + b_j with two plain Python loops (over j, then over k)."""
    W, b, a = np.asarray(W, float), np.asarray(b, float), np.asarray(a, float)
    z = []
    for j in range(W.shape[0]):
        total = 0.0
        for k in range(W.shape[1]):
            total += W[j, k] * a[k]
        z.append(total + b[j])
    return np.array(z)


def weighted_sums_rows(W, b, a) -> np.ndarray:
    """z_j = (row j of W) · a + b_j: one dot product per neuron."""
    W, b, a = np.asarray(W, float), np.asarray(b, float), np.asarray(a, float)
    return np.array([np.dot(W[j], a) + b[j] for j in range(W.shape[0])])


def weighted_sums_matrix(W, b, a) -> np.ndarray:
    """z = W a + b: the whole layer in one matrix product."""
    return np.asarray(W, float) @ np.asarray(a, float) + np.asarray(b, float)


WAYS = {"반복문 (j, k)": weighted_sums_loops, "행마다 내적": weighted_sums_rows,
        "행렬 곱 한 번": weighted_sums_matrix}


@dataclass
class ThreeWays:
    """z^[l] of one image computed by each way of :data:`WAYS`, and the time each took."""

    layer: int
    z: dict[str, np.ndarray]
    seconds: dict[str, float]

    def max_difference(self) -> float:
        """The largest |difference| between any two ways (rounding of the sums' order)."""
        zs = list(self.z.values())
        return float(max(np.abs(u - v).max() for u in zs for v in zs))

    def ratios(self) -> dict[str, float]:
        """Each way's time divided by the matrix product's (how many times slower)."""
        fastest = self.seconds["행렬 곱 한 번"]
        return {name: s / fastest for name, s in self.seconds.items()}


def three_ways(net, x, layer: int = 1, repeat: int = 3) -> ThreeWays:
    """Layer ``layer``'s weighted sums z^[l] for one image ``x`` (784 values), three ways.

    a^[l−1] comes from ``net.forward``; each way runs ``repeat`` times and keeps its
    fastest time (seconds), so a busy machine disturbs the ratio less.
    """
    net = validate.network(net)
    layer = validate.integer(layer, "layer (층 l)", 1, net.L)
    repeat = validate.integer(repeat, "repeat", 1)
    a = net.forward(x)
    if np.ndim(a[0]) != 1:
        raise MnistlabValueError("three_ways 는 이미지 한 장(784개의 값)을 받습니다. "
                                 "여러 장이면 그중 하나를 고르세요 (예: X[0]).")
    W, b, a_prev = net.W[layer], net.b[layer], a[layer - 1]
    z, seconds = {}, {}
    for name, way in WAYS.items():
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            z[name] = way(W, b, a_prev)
            best = min(best, time.perf_counter() - t0)
        seconds[name] = best
    return ThreeWays(layer, z, seconds)


# ------------------------------------------------------------ the network as one function


def n_parameters(sizes) -> int:
    """가중치와 편향의 수: Σ_l n^[l] (n^[l−1] + 1), e.g. 13,002 for 784-16-16-10."""
    sizes = validate.layer_sizes(sizes)
    return sum(n * (m + 1) for m, n in pairwise(sizes))


def parameter_counts(sizes) -> list[tuple[int, int, int]]:
    """Per layer l = 1 … L: (l, weights n^[l]·n^[l−1], biases n^[l])."""
    sizes = validate.layer_sizes(sizes)
    return [(l, n * m, n) for l, (m, n) in enumerate(pairwise(sizes), start=1)]


def forward_source(network_class=None) -> str:
    """The source of the method holding ``Network``'s layer loop (its current code, read by
    :func:`inspect.getsource`, so what the notebook shows cannot drift from what runs)."""
    if network_class is None:
        from mnistlab.network import Network as network_class
    return inspect.cleandoc("\n" + inspect.getsource(network_class._forward))


def forward_loop_lines(network_class=None) -> list[str]:
    """Just the loop of :func:`forward_source`: from ``for l in …`` to the line that appends the
    layer's activations, without the formulas written beside them as comments."""
    lines = forward_source(network_class).splitlines()
    start = next(i for i, s in enumerate(lines) if s.strip().startswith("for l in"))
    end = next(i for i in range(start, len(lines)) if "a.append(" in lines[i])
    return [line.split("  #")[0].rstrip() for line in lines[start:end + 1]]


# ------------------------------------------------------------ shapes of a batch


@dataclass(frozen=True)
class LayerShapes:
    """The shapes of layer l for m images: code (one image per row) and lesson (per column)."""

    layer: int
    W: tuple[int, int]
    b: tuple[int]
    Z: tuple[int, int] | None        # None for the input layer (it has no weighted sums)
    A: tuple[int, int]

    def lesson(self, name: str) -> tuple:
        """The lesson's shape of ``name`` (images in columns): Z and A transposed."""
        shape = getattr(self, name)
        return shape[::-1] if name in ("Z", "A") and shape is not None else shape


def shapes(sizes, m: int) -> list[LayerShapes]:
    """Every layer's shapes in code for m images: W (n^[l], n^[l−1]), b (n^[l],),
    Z = A^[l−1] @ W.T + b and A of shape (m, n^[l]). Entry 0 is the input layer (W, b, Z None).
    """
    sizes = validate.layer_sizes(sizes)
    m = validate.integer(m, "m (이미지 수)", 1, 1_000_000)
    out = [LayerShapes(0, None, None, None, (m, sizes[0]))]
    for l, (n_prev, n) in enumerate(pairwise(sizes), start=1):
        out.append(LayerShapes(l, (n, n_prev), (n,), (m, n), (m, n)))
    return out


# ------------------------------------------------------------ a product and numpy's answer

# The products the 모양 실험실 offers for layer l: (code, operation, left, right), where left
# and right name arrays of layer l ("A-" = A^[l−1]; ".T" transposed; "b|" = b as a column).
PRODUCTS = {
    "A[l-1] @ W[l].T": ("matmul", "A-", "W.T"),
    "W[l] @ A[l-1].T": ("matmul", "W", "A-.T"),
    "A[l-1] @ W[l]": ("matmul", "A-", "W"),
    "W[l] @ A[l-1]": ("matmul", "W", "A-"),
    "A[l-1] * W[l]": ("multiply", "A-", "W"),
    "Z[l] + b[l]": ("add", "Z", "b"),
    "Z[l] + b[l].reshape(-1, 1)": ("add", "Z", "b|"),
}
RIGHT = {"A[l-1] @ W[l].T", "Z[l] + b[l]"}       # what Network._forward writes


@dataclass
class Product:
    """What numpy does with one product of :data:`PRODUCTS`: its result shape, or its error."""

    code: str
    left: tuple
    right: tuple
    shape: tuple | None           # None when numpy refuses
    error: str | None             # numpy's own message (English), when it refuses
    explanation: str              # what happened, in Korean

    @property
    def ok(self) -> bool:
        return self.error is None


def _operand(name: str, layer: LayerShapes, before: LayerShapes) -> tuple:
    base = name.removesuffix(".T")
    shape = {"A-": before.A, "W": layer.W, "Z": layer.Z, "b": layer.b,
             "b|": (layer.b[0], 1)}[base]
    return shape[::-1] if name.endswith(".T") else shape


def _matmul_shape(left: tuple, right: tuple) -> tuple | None:
    """numpy's rule for 2-D @ 2-D: (p, q) @ (q, r) → (p, r); else it refuses."""
    return (left[0], right[1]) if left[1] == right[0] else None


def _broadcast_shape(left: tuple, right: tuple) -> tuple | None:
    """numpy's broadcasting rule: align from the right; each pair equal or one of them 1."""
    out = []
    for p, q in zip(left[::-1] + (1,) * (len(right) - len(left)),
                    right[::-1] + (1,) * (len(left) - len(right))):
        if p != q and 1 not in (p, q):
            return None
        out.append(max(p, q))
    return tuple(out[::-1])


def _numpy_error(op: str, left: tuple, right: tuple) -> str:
    """numpy's own message for a product it refuses (arrays of zero strides: no memory)."""
    x = np.broadcast_to(np.zeros(()), left)
    y = np.broadcast_to(np.zeros(()), right)
    try:
        {"matmul": np.matmul, "multiply": np.multiply, "add": np.add}[op](x, y)
    except ValueError as e:
        return str(e)
    raise AssertionError(f"numpy accepted {left} {op} {right}")     # the rules above disagree


def product(code: str, sizes, m: int, layer: int = 1) -> Product:
    """Try one product of :data:`PRODUCTS` for layer ``layer`` of a network ``sizes`` and
    m images: the result's shape, or numpy's error, explained in Korean."""
    code = validate.choice(code, "곱셈 식", PRODUCTS)
    table = shapes(sizes, m)
    layer = validate.integer(layer, "layer (층 l)", 1, len(table) - 1)
    op, left_name, right_name = PRODUCTS[code]
    here, before = table[layer], table[layer - 1]
    left, right = _operand(left_name, here, before), _operand(right_name, here, before)
    rule = _matmul_shape if op == "matmul" else _broadcast_shape
    shape = rule(left, right)
    error = None if shape is not None else _numpy_error(op, left, right)
    return Product(code, left, right, shape, error,
                   _explain(code, op, left, right, shape, here, m))


def _shape_text(shape) -> str:
    return "(" + ", ".join(f"{s:,}" for s in shape) + ("," if len(shape) == 1 else "") + ")"


def _explain(code, op, left, right, shape, here: LayerShapes, m: int) -> str:
    """One or two Korean sentences: why numpy refused, or what the result means."""
    L, R = _shape_text(left), _shape_text(right)
    n = here.W[0]
    if shape is None and op == "matmul":
        return (f"행렬 곱 X @ Y 는 X 의 열 수와 Y 의 행 수가 같아야 합니다. 여기서는 X {L} 의 열 "
                f"{left[1]:,}개와 Y {R} 의 행 {right[0]:,}개가 달라서 numpy 가 곱하지 않습니다.")
    if shape is None:
        sign = "*" if op == "multiply" else "+"
        return (f"{sign} 는 같은 자리의 값끼리 계산합니다(브로드캐스팅). 두 모양을 오른쪽 끝부터 맞춰 "
                f"보면 {L} 와 {R} 에 같지도 않고 1 도 아닌 크기가 있어서 numpy 가 계산하지 않습니다.")
    result = _shape_text(shape)
    if code in RIGHT:
        if op == "add":
            return (f"편향 b {R} 가 이미지 {m:,}장의 행마다 한 번씩 더해집니다(브로드캐스팅). 결과 "
                    f"{result} 는 한 행이 이미지 한 장의 가중합 z 입니다.")
        return (f"코드의 방식입니다: 이미지 한 장이 한 행이므로 결과 {result} 의 행 i 가 i번째 "
                f"이미지의 가중합 {n:,}개입니다.")
    if code == "W[l] @ A[l-1].T":
        return (f"강의의 방식 Z = W A 입니다: 이미지 한 장이 한 열이므로 결과 {result} 의 열 i 가 "
                f"i번째 이미지입니다. 코드의 결과를 전치(.T)한 것과 같습니다.")
    if op == "add":
        return (f"오류는 없지만 틀렸습니다: b 를 열 {R} 로 세우면 모양 {L} 와 맞춰지며 결과가 "
                f"{result} 가 됩니다. 편향이 이미지마다가 아니라 엉뚱한 방향으로 더해집니다.")
    if code == "W[l] @ A[l-1]":
        return (f"오류는 없지만 틀렸습니다: 이미지 수 m 과 n^[l-1] 이 우연히 같은 수({m:,})라서 "
                f"결과 {result} 가 나오지만, W 의 행(뉴런 하나의 가중치)이 이미지가 아니라 A 의 열(모든 "
                f"이미지의 같은 픽셀)과 곱해집니다.")
    if op == "matmul":
        return (f"오류는 없지만 틀렸습니다: 모양이 우연히 맞아 결과 {result} 가 나오지만, W 가 전치되지 "
                f"않아 뉴런 j 의 가중치 대신 뉴런 k 에서 나가는 가중치가 곱해집니다 "
                f"(W 가 {n:,}×{n:,} 정사각 행렬이라서 numpy 가 알아채지 못합니다).")
    return (f"오류는 없지만 행렬 곱이 아닙니다: * 는 같은 자리의 값끼리 곱할 뿐 더하지 않으므로 "
            f"결과 {result} 는 가중합이 아닙니다.")


__all__ = [
    "PRODUCTS",
    "WAYS",
    "LayerShapes",
    "Product",
    "ThreeWays",
    "forward_loop_lines",
    "forward_source",
    "n_parameters",
    "parameter_counts",
    "product",
    "shapes",
    "three_ways",
    "weighted_sums_loops",
    "weighted_sums_matrix",
    "weighted_sums_rows",
]
