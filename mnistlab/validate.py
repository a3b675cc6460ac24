"""입력 점검: every check of a learner's input, each one line at a public edge.

Each function returns the value in the form the math wants (an int, a float,
a float array …) or raises a :class:`~mnistlab.errors.MnistlabError` with a
short Korean message: what was wrong, what is expected, how to fix it. The
models call these once at their public methods, so the math itself reads top
to bottom without guards.

A leaf: it imports only the errors and the Korean particle helper, nothing of
the lesson (no model, no data loading), and reads objects only through their
public attributes, so every other module may import it.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Sequence
from itertools import pairwise

import numpy as np

from mnistlab.errors import MnistlabTypeError, MnistlabValueError
from mnistlab.korean import particle

SIDE = 28                  # MNIST images are 28 × 28 pixels
N_PIXELS = SIDE * SIDE     # 784 inputs
_INTEGER = (numbers.Integral,)
_REAL = (numbers.Real,)


def _is_bool(value) -> bool:
    return isinstance(value, (bool, np.bool_))


# ------------------------------------------------------------ single numbers

def integer(value, name: str, low: int | None = None, high: int | None = None) -> int:
    """A whole number (not True/False, not 2.7) within [low, high]."""
    if _is_bool(value) or not isinstance(value, _INTEGER):
        kind = MnistlabValueError if isinstance(value, _REAL) else MnistlabTypeError
        raise kind(f"{particle(name, '은/는')} 정수여야 합니다(받은 값: {value!r}).")
    value = int(value)
    if (low is not None and value < low) or (high is not None and value > high):
        raise MnistlabValueError(f"{particle(name, '은/는')} {_range(low, high)} 정수여야 합니다(받은 값: {value}).")
    return value


def real(value, name: str, low: float | None = None, high: float | None = None,
         open_low: bool = False, open_high: bool = False) -> float:
    """A finite real number (not True/False, not NaN or ∞) within the given range."""
    if _is_bool(value) or not isinstance(value, _REAL):
        raise MnistlabTypeError(f"{particle(name, '은/는')} 실수 하나여야 합니다(받은 값: {value!r}).")
    value = float(value)
    if not np.isfinite(value):
        raise MnistlabValueError(f"{particle(name, '이/가')} NaN 이나 무한대입니다. 보통의 실수를 넣으세요.")
    below = low is not None and (value <= low if open_low else value < low)
    above = high is not None and (value >= high if open_high else value > high)
    if below or above:
        lo = None if low is None else f"{low:g}{' 초과' if open_low else ' 이상'}"
        hi = None if high is None else f"{high:g}{' 미만' if open_high else ' 이하'}"
        rule = " ".join(p for p in (lo, hi) if p)
        raise MnistlabValueError(f"{particle(name, '은/는')} {rule}이어야 합니다(받은 값: {value:g}).")
    return value


def positive(value, name: str) -> float:
    """A finite number above 0 (학습률 lr …)."""
    return real(value, name, low=0.0, open_low=True)


def positive_int(value, name: str) -> int:
    """A whole number 1, 2, 3 … (epochs, batch_size …)."""
    return integer(value, name, low=1)


def seed(value) -> int:
    """A random seed: a whole number 0, 1, 2 … (the same seed gives the same run)."""
    return integer(value, "seed", low=0)


def batch_size(value) -> int | None:
    """A mini-batch size 1, 2, 3 …, or None for all the data in every step."""
    return None if value is None else positive_int(value, "batch_size")


def no_unknown_keywords(unknown: dict, where: str, allowed: Iterable[str] | None = None) -> None:
    """``**unknown`` of a model's method must be empty (or only ``allowed`` names): a misspelt
    setting would otherwise be silently ignored or fail with Python's English TypeError."""
    bad = sorted(unknown) if allowed is None else sorted(set(unknown) - set(allowed))
    if bad:
        hint = f" 쓸 수 있는 이름: {', '.join(allowed)}." if allowed is not None else ""
        raise MnistlabTypeError(
            f"{where} 에는 {', '.join(map(repr, bad))} 라는 설정이 없습니다. 철자를 확인하세요.{hint}"
        )


def finite_parameters(params, lr: float, name: str) -> None:
    """After training: parameters that ran off to ∞ or NaN mean the learning rate was too large."""
    if not all(np.all(np.isfinite(p)) for p in params):
        raise MnistlabValueError(
            f"학습률 lr = {particle(f'{lr:g}', '이/가')} 너무 커서 {name} 가 무한대로 발산했습니다. "
            "더 작은 lr 로 다시 학습하세요."
        )


def _range(low, high) -> str:
    if low is not None and high is not None:
        return f"{low} 부터 {high} 까지의"
    return f"{low} 이상의" if low is not None else f"{high} 이하의"


def choice(value, name: str, options: Iterable[str]) -> str:
    """One of a few names (활성함수 'sigmoid' …)."""
    options = tuple(options)
    if not isinstance(value, str) or value not in options:
        raise MnistlabValueError(f"{particle(name, '은/는')} {', '.join(options)} 중 하나여야 합니다(받은 값: {value!r}).")
    return value


# ------------------------------------------------------------ arrays

def numbers_array(value, name: str, ndim: int | Iterable[int] | None = None,
                  allow_empty: bool = False) -> np.ndarray:
    """A finite real float64 array (no strings, complex, True/False or NaN)."""
    try:
        a = np.asarray(value)
    except (ValueError, TypeError):                # ragged lists
        raise MnistlabValueError(f"{particle(name, '은/는')} 길이가 고른 숫자 배열이어야 합니다.") from None
    if a.dtype.kind not in "fiu":
        raise MnistlabTypeError(
            f"{particle(name, '은/는')} 실수 배열이어야 합니다(받은 종류: {a.dtype}). "
            "문자열·복소수·True/False 는 쓸 수 없습니다."
        )
    if ndim is not None:
        dims = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if a.ndim not in dims:
            raise MnistlabValueError(
                f"{name} 의 차원이 맞지 않습니다: 받은 모양 {a.shape}, 기대한 차원 "
                f"{' 또는 '.join(map(str, dims))}차원."
            )
    if a.size == 0 and not allow_empty:
        raise MnistlabValueError(f"{name} 에 값이 하나도 없습니다.")
    a = a.astype(np.float64)
    if not np.all(np.isfinite(a)):
        raise MnistlabValueError(f"{name} 에 NaN 이나 무한대 값이 있습니다. 보통의 실수를 넣으세요.")
    return a


def class_labels(y, n: int | None, classes: int, name: str = "y") -> np.ndarray:
    """Labels 0 … classes-1 as an intp array of length n (정답, 목표변수)."""
    a = np.atleast_1d(np.asarray(y))
    if a.dtype.kind not in "fiu":
        raise MnistlabTypeError(f"{particle(name, '은/는')} 정수로 된 숫자 레이블 배열이어야 합니다(받은 종류: {a.dtype}).")
    if a.ndim != 1:
        raise MnistlabValueError(f"{particle(name, '은/는')} 1차원 레이블 배열 (N,)이어야 합니다. 받은 모양: {a.shape}")
    if n is not None and len(a) != n:
        raise MnistlabValueError(
            f"입력 수와 레이블 수가 다릅니다: 입력 {n}개, {name} {len(a)}개. 입력 하나에 정답 하나씩 넣으세요."
        )
    if a.size == 0:
        raise MnistlabValueError(f"{name} 에 레이블이 하나도 없습니다.")
    if a.dtype.kind == "f" and (not np.all(np.isfinite(a)) or np.any(a != np.round(a))):
        raise MnistlabValueError(f"{particle(name, '은/는')} 0..{classes - 1}의 정수여야 합니다(소수나 NaN이 있습니다).")
    bad = (a < 0) | (a > classes - 1)
    if np.any(bad):
        raise MnistlabValueError(
            f"{particle(name, '은/는')} 0..{classes - 1} 사이여야 합니다. 범위를 벗어난 값: {a[bad][0].item()!r} "
            f"({int(bad.sum())}개)."
        )
    return a.astype(np.intp)


def dataset(images, labels) -> tuple[np.ndarray, np.ndarray]:
    """A data set given to a widget: images (N, 28, 28) or (N, 784), uint8 0..255 or floats
    0..1, and one label 0..9 per image (both given; see :func:`mnistlab.data.dataset`)."""
    if images is None or labels is None:
        missing = "labels (정답)" if labels is None else "images (이미지)"
        raise MnistlabValueError(
            f"이미지와 정답은 함께 주어야 합니다: {particle(missing, '이/가')} 없습니다. 둘 다 주거나, "
            "둘 다 빼면 MNIST 데이터를 씁니다."
        )
    a = np.asarray(images) if isinstance(images, np.ndarray) else numbers_array(images, "images")
    if a.ndim not in (2, 3) or a.shape[1:] not in ((N_PIXELS,), (28, 28)) or len(a) == 0:
        raise MnistlabValueError(
            f"images 의 모양이 맞지 않습니다: {a.shape}. (N, 28, 28) 또는 (N, 784) 이어야 합니다."
        )
    if a.dtype != np.uint8:
        as_inputs(a, "images")                  # floats 0..1 (a Korean error otherwise)
    return a, class_labels(labels, len(a), 10, "labels")


def as_inputs(X, name: str = "X") -> tuple[np.ndarray, bool]:
    """Check model inputs and return them as a float (N, 784) batch.

    Accepts one image or a batch, flat (784,) / (N, 784) or square (28, 28) /
    (N, 28, 28), normalized to 0..1. Returns ``(batch, was_single)``.
    Used at the public boundary of every model (로지스틱 회귀, 신경망).
    """
    a = np.asarray(X)
    if a.dtype == bool or a.dtype.kind not in "fiu":
        raise MnistlabTypeError(f"{name} 는 숫자 배열이어야 합니다(받은 dtype: {a.dtype}).")
    single = a.ndim == 1 or a.shape == (SIDE, SIDE)
    if a.ndim >= 2 and a.shape[-2:] == (SIDE, SIDE):
        a = a.reshape((*a.shape[:-2], N_PIXELS))
    if a.ndim == 1:
        a = a[None, :]
    if a.ndim != 2 or a.shape[1] != N_PIXELS:
        raise MnistlabValueError(
            f"{name} 의 모양이 맞지 않습니다: {np.shape(X)}. 이미지 한 장은 (784,) 또는 (28, 28), "
            "여러 장은 (N, 784) 또는 (N, 28, 28) 이어야 합니다."
        )
    if a.shape[0] == 0:
        raise MnistlabValueError(f"{name} 에 이미지가 한 장도 없습니다.")
    lo, hi = float(a.min()), float(a.max())    # NaN or ±inf anywhere shows in these two
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise MnistlabValueError(f"{name} 에 NaN 이나 무한대 값이 있습니다.")
    if not np.issubdtype(a.dtype, np.floating):
        raise MnistlabValueError(
            f"{name} 가 0..255 정수 픽셀입니다(dtype {a.dtype}). 먼저 mnistlab.normalize 로 "
            "0..1 로 정규화하세요."
        )
    if lo < 0 or hi > 1:
        hint = " 0..255 값이라면 mnistlab.normalize 로 먼저 정규화하세요." if hi <= 255 and lo >= 0 else ""
        raise MnistlabValueError(
            f"{name} 의 픽셀 값은 0..1 사이여야 합니다. 받은 범위: {lo:.4g} .. {hi:.4g}.{hint}"
        )
    return a, single


def neuron_inputs(x, n: int) -> np.ndarray:
    """Inputs of a neuron with n weights: one (n,) vector or a batch (N, n) of real numbers."""
    x = numbers_array(x, "입력 x", ndim=(1, 2))
    if x.shape[-1] != n:
        raise MnistlabValueError(
            f"입력의 길이가 가중치 수와 달라요: 가중치 {n}개, 받은 입력 모양 "
            f"{x.shape}. 입력 하나는 ({n},), 여러 개는 (N, {n}) 모양으로 넣으세요."
        )
    return x


# ------------------------------------------------------------ the network's shape

def layer_sizes(sizes) -> list[int]:
    """[n[0], n[1], …, n[L]]: whole numbers ≥ 1, at least two layers (입력층 포함)."""
    example = "예: [784, 16, 16, 10]"
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Iterable):
        raise MnistlabTypeError(f"sizes 는 층마다 뉴런 수를 적은 정수 목록이어야 합니다. {example}. 받은 값: {sizes!r}")
    sizes = list(sizes)
    if len(sizes) < 2 or any(_is_bool(s) or not isinstance(s, _INTEGER) or s < 1 for s in sizes):
        raise MnistlabValueError(
            f"sizes 는 1 이상의 정수를 2개 이상(입력층 포함) 적은 목록이어야 합니다. {example}. 받은 값: {sizes!r}"
        )
    sizes = [int(s) for s in sizes]
    params = sum(n * (m + 1) for m, n in pairwise(sizes))
    if params > 50_000_000:
        raise MnistlabValueError(
            f"sizes {sizes} 의 신경망은 가중치가 {params:,}개나 되어 메모리에 들어가지 않습니다. "
            "층마다 뉴런 수를 줄이세요(수업의 신경망은 784-16-16-10)."
        )
    return sizes


def network_inputs(X, n0: int, name: str = "X") -> tuple[np.ndarray, bool]:
    """Inputs of a network with n[0] inputs as a float (N, n[0]) batch, and whether one was given.

    With n[0] = 784 these are MNIST images (checked by :func:`as_inputs`).
    """
    if n0 == N_PIXELS:
        return as_inputs(X, name)
    a = numbers_array(X, name, ndim=(1, 2))
    single = a.ndim == 1
    a = np.atleast_2d(a)
    if a.shape[1] != n0:
        raise MnistlabValueError(
            f"{name} 의 모양이 맞지 않습니다: {np.shape(X)}. 입력층에 뉴런이 n[0] = {n0}개 "
            f"있으므로 입력 하나는 ({n0},), 여러 개는 (N, {n0}) 이어야 합니다."
        )
    return a, single


def network(net, name: str = "net", hidden: bool = False):
    """A network (``ml.Network``: sizes, activation, W, b) with finite weights of the right
    shapes (with a hidden layer if asked). Checked by what it has, so this module needs no
    import of the lesson's classes."""
    if isinstance(net, type) or not all(hasattr(net, k) for k in ("sizes", "activation", "W", "b")):
        raise MnistlabTypeError(
            f"{particle(name, '은/는')} 신경망(ml.Network, 예: ml.pretrained_network())이어야 합니다. "
            f"받은 것: {type(net).__name__}"
        )
    parameters(net.W, net.b, net.sizes)
    if hidden and len(net.sizes) < 3:
        raise MnistlabValueError("은닉층이 있는 신경망이 필요합니다 (L 이 2 이상이어야 합니다).")
    return net


def parameters(W, b, sizes: list[int] | None = None) -> tuple[list[int], list, list]:
    """A network's weights W[1..L] and biases b[1..L] (index 0 None): real finite arrays whose
    shapes chain, W[l] (n[l], n[l-1]) and b[l] (n[l],). Returns (sizes, W, b); with ``sizes``
    given (a network's own), the shapes must be those."""
    if not isinstance(W, (list, tuple)) or not isinstance(b, (list, tuple)) or len(W) < 2 \
            or len(W) != len(b) or W[0] is not None or b[0] is not None:
        raise MnistlabTypeError(
            "가중치 W 와 편향 b 는 [None, W1, …, WL] 와 [None, b1, …, bL] 처럼 길이가 같은 목록이어야 "
            "합니다 (0번째 층은 입력층이라 None)."
        )
    W = [None] + [numbers_array(w, f"W[{l}]", ndim=2) for l, w in enumerate(W[1:], 1)]
    b = [None] + [numbers_array(v, f"b[{l}]", ndim=1) for l, v in enumerate(b[1:], 1)]
    found = [W[1].shape[1]] + [w.shape[0] for w in W[1:]]
    expected = found if sizes is None else list(sizes)
    for l in range(1, len(W)):
        want_W, want_b = (expected[l], expected[l - 1]), (expected[l],)
        if len(expected) != len(W) or W[l].shape != want_W or b[l].shape != want_b:
            raise MnistlabValueError(
                f"{l}번째 층의 가중치 W[{l}] 또는 편향 b[{l}] 의 모양이 맞지 않습니다: "
                f"W[{l}] {W[l].shape}, b[{l}] {b[l].shape}. "
                f"층 {'-'.join(map(str, expected))} 이라면 W[{l}] 은 (n[{l}], n[{l - 1}]) = {want_W}, "
                f"b[{l}] 은 {want_b} 이어야 합니다. ml.pretrained_network() 로 다시 불러올 수 있습니다."
            )
    return expected, W, b


TRAINABLE = ("sigmoid", "tanh", "relu")     # the step has no slope to follow


def trainable(activation: str) -> None:
    """Gradient descent needs an activation with a slope."""
    if activation not in TRAINABLE:
        raise MnistlabValueError(
            f"활성함수 {activation!r} 는 기울기가 0 이라 경사 하강법으로 학습할 수 없습니다. "
            f"{', '.join(TRAINABLE)} 중 하나를 쓰세요."
        )


def not_diverged(W: list, b: list, lr: float) -> None:
    """After a step: weights that ran off to ∞ or NaN mean the learning rate was too large."""
    if not all(np.all(np.isfinite(w)) and np.all(np.isfinite(v)) for w, v in zip(W[1:], b[1:])):
        raise MnistlabValueError(
            f"학습률 lr = {particle(f'{lr:g}', '이/가')} 너무 커서 가중치가 무한대로 발산했습니다. "
            "더 작은 lr 로 새 신경망을 다시 학습하세요."
        )


def pixel_values01(x, name: str = "픽셀 값") -> np.ndarray:
    """One pixel's values in N images: a float (N,) array of normalized values 0..1."""
    a = np.asarray(x)
    if a.dtype == bool or a.dtype.kind not in "fiu":
        raise MnistlabTypeError(f"{particle(name, '은/는')} 숫자여야 합니다(받은 dtype: {a.dtype}).")
    a = np.atleast_1d(a).astype(np.float64)
    if a.ndim != 1 or a.size == 0:
        raise MnistlabValueError(f"{particle(name, '은/는')} 1차원 배열 (N,) 이어야 합니다. 받은 모양: {a.shape}")
    if not np.all(np.isfinite(a)):
        raise MnistlabValueError(f"{name} 에 NaN 이나 무한대 값이 있습니다.")
    if a.min() < 0 or a.max() > 1:
        raise MnistlabValueError(
            f"{particle(name, '은/는')} 0..1 로 정규화되어 있어야 합니다. 받은 범위: {a.min():.4g} .. {a.max():.4g}. "
            "mnistlab.normalize 로 먼저 정규화하세요."
        )
    return a


def learning_rates(lr, lr_end, epochs) -> np.ndarray:
    """One step size per epoch: ``lr`` shrinking geometrically to ``lr_end`` (or constant)."""
    epochs = positive_int(epochs, "epochs")
    lr = positive(lr, "lr (학습률)")
    lr_end = lr if lr_end is None else positive(lr_end, "lr_end")
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        rates = lr * (lr_end / lr) ** (np.arange(epochs) / max(1, epochs - 1))
    if not np.all(np.isfinite(rates) & (rates > 0)):
        raise MnistlabValueError(f"lr = {lr:g} 에서 lr_end = {lr_end:g} 까지는 너무 멉니다. "
                                 "보통 0.01 ~ 10 사이의 학습률을 쓰세요.")
    return rates


def validation_pair(validation) -> tuple:
    """``validation=(X_test, y_test)`` of ``fit`` (checked when the score is computed)."""
    if not isinstance(validation, (tuple, list)) or len(validation) != 2:
        raise MnistlabValueError("validation 은 (X_test, y_test) 처럼 입력과 정답의 쌍이어야 합니다.")
    return tuple(validation)


def neuron_address(l, i, sizes: list[int]) -> tuple[int, int]:
    """Layer l = 1 … L and neuron i = 1 … n[l] (counted from the top, as in a^[l]_i)."""
    L = len(sizes) - 1
    if _is_bool(l) or not isinstance(l, _INTEGER) or not 1 <= int(l) <= L:
        raise MnistlabValueError(
            f"층 번호 l 이 맞지 않습니다: {l!r}. 이 신경망에서 l 은 1 부터 L = {L} 까지입니다 "
            "(입력층 0 은 뉴런이 계산을 하지 않으므로 고를 수 없습니다)."
        )
    if _is_bool(i) or not isinstance(i, _INTEGER) or not 1 <= int(i) <= sizes[int(l)]:
        raise MnistlabValueError(
            f"뉴런 번호 i 가 맞지 않습니다: {i!r}. {l}번째 층에는 뉴런이 n[{l}] = {sizes[l]}개 "
            f"있으므로 i 는 1 부터 {sizes[l]} 까지입니다(위에서부터 셉니다)."
        )
    return int(l), int(i)


def weight_address(address, sizes: list[int]) -> tuple[int, int, int]:
    """A weight w^[l]_jk as (l, j, k): into neuron j = 1 … n[l] of layer l = 1 … L from
    neuron k = 1 … n[l-1] of the layer before (1-based, as in the lesson)."""
    if isinstance(address, (str, bytes)) or not isinstance(address, (tuple, list)) \
            or len(address) != 3:
        raise MnistlabValueError(
            f"가중치의 주소는 (l, j, k) 세 정수로 적으세요: w^[l]_jk 는 l번째 층 뉴런 j 로 "
            f"들어오는 가중치이고 k 는 앞 층(l−1)의 뉴런입니다. 받은 값: {address!r}"
        )
    l, j = neuron_address(address[0], address[1], sizes)
    k = address[2]
    if _is_bool(k) or not isinstance(k, _INTEGER) or not 1 <= k <= sizes[l - 1]:
        raise MnistlabValueError(
            f"앞 층의 뉴런 번호 k 가 맞지 않습니다: {k!r}. {l - 1}번째 층에는 뉴런이 "
            f"n[{l - 1}] = {sizes[l - 1]}개 있으므로 k 는 1 부터 {sizes[l - 1]} 까지입니다."
        )
    return l, j, int(k)


# ------------------------------------------------------------ the notation (chapter 06)

def notation_sizes(sizes) -> tuple[int, ...]:
    """The layer sizes [n^[0], n^[1], …, n^[L]] of a network, or of a sizes list itself."""
    s = getattr(sizes, "sizes", sizes)
    if isinstance(s, (str, bytes)) or not isinstance(s, (Sequence, np.ndarray)) \
            or np.ndim(s) != 1:
        raise MnistlabTypeError(
            "층의 크기 목록이 필요합니다: 예를 들어 [784, 16, 16, 10] 처럼 입력층부터 출력층까지 "
            f"각 층의 뉴런 수를 적거나, 신경망(Network)을 넣으세요. 받은 것: {type(sizes).__name__}"
        )
    out = []
    for k, v in enumerate(s):
        if isinstance(v, (bool, np.bool_)) or not isinstance(v, numbers.Integral) or v < 1:
            raise MnistlabValueError(
                f"층의 크기는 1 이상의 정수여야 합니다: {k}번째 값이 {v!r} 입니다 "
                f"(받은 목록: {list(s)})."
            )
        out.append(int(v))
    if len(out) < 2:
        raise MnistlabValueError(
            "신경망에는 입력층(0번째 층)과 적어도 하나의 층이 있어야 합니다: 크기 목록에 "
            f"값이 2개 이상 필요합니다 (받은 목록: {out})."
        )
    return tuple(out)


def notation_layer(sizes: tuple[int, ...], l) -> int:
    """A layer number l = 0 (입력층) … L of the notation."""
    L = len(sizes) - 1
    if isinstance(l, (bool, np.bool_)) or not isinstance(l, numbers.Integral):
        raise MnistlabTypeError(f"층 번호 l은 정수여야 합니다 (받은 것: {l!r}). 0부터 {L}까지 고르세요.")
    if not 0 <= int(l) <= L:
        raise MnistlabValueError(
            f"층 번호 l = {l}인 층은 없습니다. 이 신경망은 L = {L}이므로 l은 "
            f"0(입력층)부터 {L}(출력층)까지입니다."
        )
    return int(l)


def notation_neuron(sizes: tuple[int, ...], l: int, i) -> int:
    """A neuron number i = 1 … n^[l] (counted from the top) of layer l."""
    n = sizes[l]
    if isinstance(i, (bool, np.bool_)) or not isinstance(i, numbers.Integral):
        raise MnistlabTypeError(
            f"뉴런 번호 i는 정수여야 합니다 (받은 것: {i!r}). {l}번째 층에서는 1부터 {n}까지입니다."
        )
    if not 1 <= int(i) <= n:
        extra = " 뉴런은 0이 아니라 1부터, 위에서부터 셉니다." if int(i) < 1 else ""
        raise MnistlabValueError(
            f"뉴런 번호 i = {i}인 뉴런은 {l}번째 층에 없습니다. 이 층에는 n^[{l}] = {n}개의 "
            f"뉴런이 있으므로 i는 1부터 {n}까지입니다.{extra}"
        )
    return int(i)


# ------------------------------------------------------------ logistic regression (chapter 02)

DIGITS = tuple(range(10))


def sample_weights(w, shape) -> np.ndarray | None:
    if w is None:
        return None
    w = numbers_array(w, "sample_weight", allow_empty=True)
    if w.shape != shape or not np.all(np.isfinite(w)) or np.any(w < 0) or not w.sum() > 0:
        raise MnistlabValueError(
            f"sample_weight 는 값마다 하나씩, 0 이상의 유한한 수여야 합니다(합은 0보다 커야 함). "
            f"기대한 모양: {shape}, 받은 모양: {w.shape}"
        )
    return w


def probability_pair(y, p) -> tuple[np.ndarray, np.ndarray]:
    y = numbers_array(y, "정답 y", allow_empty=True)
    p = numbers_array(p, "확률 p", allow_empty=True)
    if y.shape != p.shape:
        raise MnistlabValueError(
            f"정답 y 와 확률 p 의 모양이 다릅니다: {y.shape} 대 {p.shape}. 같은 수의 값을 넣으세요."
        )
    if y.size == 0:
        raise MnistlabValueError("값이 하나도 없습니다. 적어도 하나의 (정답, 확률) 쌍이 필요합니다.")
    if not (np.all(np.isfinite(y)) and np.all(np.isfinite(p))):
        raise MnistlabValueError("y 또는 p 에 NaN 이나 무한대 값이 있습니다.")
    if np.any((y != 0) & (y != 1)):
        raise MnistlabValueError("정답 y 는 0(아니다) 또는 1(맞다)만 될 수 있습니다.")
    if p.min() < 0 or p.max() > 1:
        raise MnistlabValueError(
            f"확률 p 는 0..1 사이여야 합니다. 받은 범위: {p.min():.4g} .. {p.max():.4g}. "
            "sigmoid 를 거친 값을 넣으세요."
        )
    return y, p


def digit_labels(y, n: int | None = None, name: str = "y") -> np.ndarray:
    """Digit labels (목표변수) 0..9 as an int array (an empty one is allowed: nothing to count)."""
    a = np.atleast_1d(np.asarray(y))
    if a.size == 0 and a.ndim == 1 and a.dtype.kind in "fiu" and not n:
        return a.astype(np.intp)
    return class_labels(y, n, 10, name)


def digit(digit, allowed: Iterable[int] = DIGITS) -> int:
    """One digit 0..9 (e.g. the "5" of "is it a 5?")."""
    allowed = tuple(allowed)
    if isinstance(digit, (bool, np.bool_)) or not isinstance(digit, (int, np.integer)):
        raise MnistlabTypeError(f"숫자는 0..9 의 정수로 고르세요(받은 값: {digit!r}).")
    if int(digit) not in allowed:
        raise MnistlabValueError(
            f"이 모델에는 숫자 {digit} 의 모델이 없습니다. 고를 수 있는 숫자: "
            f"{', '.join(map(str, allowed))}."
        )
    return int(digit)


def pixel_index(pixel: int | tuple[int, int]) -> int:
    """Flat index 0..783 of a pixel given flat or as (row, column)."""
    if isinstance(pixel, tuple):
        if len(pixel) != 2 or not all(isinstance(v, (int, np.integer)) for v in pixel):
            raise MnistlabValueError(f"픽셀은 (행, 열) 정수 쌍으로 주세요. 받은 값: {pixel!r}")
        r, c = (int(v) for v in pixel)
        if not (0 <= r < SIDE and 0 <= c < SIDE):
            raise MnistlabValueError(f"행과 열은 0..27 이어야 합니다. 받은 값: ({r}, {c})")
        return r * SIDE + c
    if isinstance(pixel, (bool, np.bool_)) or not isinstance(pixel, (int, np.integer)):
        raise MnistlabTypeError(f"픽셀 번호는 0..783 의 정수 또는 (행, 열) 쌍입니다. 받은 값: {pixel!r}")
    if not 0 <= int(pixel) < N_PIXELS:
        raise MnistlabValueError(f"픽셀 번호는 0..783 이어야 합니다. 받은 값: {pixel}")
    return int(pixel)


def targets01(t, n: int) -> np.ndarray:
    a = np.asarray(t)
    if a.dtype == bool:
        a = a.astype(np.float64)
    if a.dtype.kind not in "fiu" or a.ndim != 1:
        raise MnistlabValueError(f"정답은 0/1 값의 1차원 배열이어야 합니다. 받은 모양: {a.shape}, dtype {a.dtype}")
    if len(a) != n:
        raise MnistlabValueError(f"픽셀 값 {n}개와 정답 {len(a)}개의 수가 다릅니다.")
    if not np.all(np.isfinite(a)):
        raise MnistlabValueError("정답에 NaN 이나 무한대 값이 있습니다.")
    if np.any((a != 0) & (a != 1)):
        raise MnistlabValueError("정답은 0(아니다) 또는 1(맞다)이어야 합니다. 예: (labels == 5)")
    return a.astype(np.float64)


__all__ = [
    "TRAINABLE",
    "as_inputs",
    "batch_size",
    "choice",
    "class_labels",
    "dataset",
    "digit",
    "digit_labels",
    "finite_parameters",
    "integer",
    "layer_sizes",
    "learning_rates",
    "network",
    "network_inputs",
    "neuron_address",
    "neuron_inputs",
    "no_unknown_keywords",
    "not_diverged",
    "notation_layer",
    "notation_neuron",
    "notation_sizes",
    "numbers_array",
    "parameters",
    "pixel_index",
    "pixel_values01",
    "positive",
    "positive_int",
    "probability_pair",
    "real",
    "sample_weights",
    "seed",
    "targets01",
    "trainable",
    "validation_pair",
]
