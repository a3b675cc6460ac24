"""손글씨 준비: turn a drawing into an MNIST-style 28×28 digit (chapter 07).

The MNIST digits were prepared the same way before anyone trained on them
(LeCun, Cortes and Burges, "The MNIST database"): the ink's bounding box is
scaled to fit a 20×20 box keeping its aspect ratio, with anti-aliasing, and
placed in a 28×28 image so that its centre of mass (무게중심) is at the centre.
A network trained on such digits only knows digits that look like that, so
a learner's drawing goes through the same steps before the network sees it:

    drawn (H×W)  →  cropped  →  fitted into 20×20  →  centred in 28×28

:func:`preparation_steps` returns every step (the widget shows them);
:func:`prepare_drawing` returns only the last one. :func:`shrink_drawing` is the
naive alternative (the whole canvas scaled down) that the widget's toggle shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from mnistlab.data import SIDE
from mnistlab.errors import MnistlabTypeError, MnistlabValueError

BOX = 20                 # the digit's longest side after scaling, as in MNIST
MAX_SIDE = 4096          # a bigger canvas is almost surely a mistake (and slow)


@dataclass
class Preparation:
    """Every step of :func:`preparation_steps` (uint8 ink 0..255, 0 = no ink)."""

    drawn: np.ndarray        # the drawing as given (H, W)
    cropped: np.ndarray      # the ink's bounding box (h, w); empty (0, 0) for a blank drawing
    fitted: np.ndarray       # scaled so the longest side is 20 (≤ 20, ≤ 20)
    centred: np.ndarray      # in 28×28 with the centre of mass at the centre: the network's input
    shift: tuple[int, int]   # (rows, cols) the fitted digit's top-left corner was placed at

    @property
    def empty(self) -> bool:
        """True when there was no ink at all (nothing to prepare)."""
        return self.cropped.size == 0


def check_drawing(image, name: str = "image") -> np.ndarray:
    """A drawing as a 2-D uint8 array of ink 0..255, or a Korean error saying what is wrong."""
    a = np.asarray(image) if not isinstance(image, (str, bytes)) else None
    if a is None or a.dtype == bool or not np.issubdtype(a.dtype, np.number):
        kind = type(image).__name__ if a is None else f"dtype {a.dtype}"
        raise MnistlabTypeError(
            f"{name} 는 잉크의 진하기(0..255)를 담은 숫자 배열이어야 합니다(받은 것: {kind}). "
            "예: np.zeros((280, 280), np.uint8) 에 획을 그린 배열."
        )
    if a.ndim != 2 or min(a.shape) < 1 or max(a.shape) > MAX_SIDE:
        raise MnistlabValueError(
            f"{name} 의 모양이 맞지 않습니다: {a.shape}. 세로×가로의 2차원 배열(각 변 1..{MAX_SIDE})"
            "이어야 합니다. 컬러 이미지라면 한 채널만 쓰거나 회색으로 바꾸세요."
        )
    if np.issubdtype(a.dtype, np.floating) and not np.all(np.isfinite(a)):
        raise MnistlabValueError(f"{name} 에 NaN 이나 무한대 값이 있습니다.")
    lo, hi = float(a.min()), float(a.max())
    if lo < 0 or hi > 255:
        raise MnistlabValueError(
            f"{name} 의 값은 0..255 사이여야 합니다(0 = 빈 곳, 255 = 진한 잉크). "
            f"받은 범위: {lo:.4g} .. {hi:.4g}."
        )
    if np.issubdtype(a.dtype, np.floating) and hi <= 1 and hi > 0:
        raise MnistlabValueError(
            f"{name} 의 값이 모두 0..1 사이입니다. 0..255 의 잉크 값을 넣으세요"
            f"(0..1 로 정규화한 이미지라면 {name} * 255 를 넣으면 됩니다)."
        )
    return np.rint(a).astype(np.uint8) if a.dtype != np.uint8 else a


def preparation_steps(image) -> Preparation:
    """The MNIST preparation of a drawing, step by step (see the module's docstring).

    A blank drawing gives a blank 28×28 image; one dot, a canvas full of ink or a
    stroke across the whole canvas are scaled like any other ink.
    """
    drawn = check_drawing(image)
    rows = np.flatnonzero(drawn.any(axis=1))
    if rows.size == 0:
        none = np.zeros((0, 0), np.uint8)
        return Preparation(drawn, none, none, np.zeros((SIDE, SIDE), np.uint8), (0, 0))
    cols = np.flatnonzero(drawn.any(axis=0))
    cropped = drawn[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    h, w = cropped.shape
    scale = BOX / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))          # PIL: (width, height)
    fitted = Image.fromarray(cropped.astype(np.float32), mode="F").resize(size, Image.LANCZOS)
    fitted = np.clip(np.rint(np.asarray(fitted)), 0, 255).astype(np.uint8)
    # centre of mass of the ink → the 28×28 image's centre (14, 14), moved by whole pixels
    ink = fitted.astype(np.float64)
    total = ink.sum()
    if total > 0:
        r = (ink.sum(axis=1) @ (np.arange(fitted.shape[0]) + 0.5)) / total
        c = (ink.sum(axis=0) @ (np.arange(fitted.shape[1]) + 0.5)) / total
    else:                                   # ink too faint to survive scaling: use the box centre
        r, c = fitted.shape[0] / 2, fitted.shape[1] / 2
    top, left = round(SIDE / 2 - r), round(SIDE / 2 - c)
    centred = np.zeros((SIDE, SIDE), np.uint8)
    r0, c0 = max(0, top), max(0, left)
    r1, c1 = min(SIDE, top + fitted.shape[0]), min(SIDE, left + fitted.shape[1])
    centred[r0:r1, c0:c1] = fitted[r0 - top:r1 - top, c0 - left:c1 - left]
    return Preparation(drawn, cropped, fitted, centred, (top, left))


def prepare_drawing(image) -> np.ndarray:
    """손글씨 준비: H×W ink 0..255 → the MNIST-style 28×28 uint8 digit (0 = background).

    >>> x = ml.normalize(ml.prepare_drawing(canvas))   # ready for net.predict(x)
    """
    return preparation_steps(image).centred


def shrink_drawing(image) -> np.ndarray:
    """The whole drawing scaled down to 28×28 with no cropping or centring (uint8).

    What a network would see without the preparation: a small digit stays small,
    a digit in a corner stays in the corner.
    """
    drawn = check_drawing(image)
    small = Image.fromarray(drawn.astype(np.float32), mode="F").resize((SIDE, SIDE), Image.BOX)
    return np.clip(np.rint(np.asarray(small)), 0, 255).astype(np.uint8)


__all__ = [
    "Preparation",
    "check_drawing",
    "preparation_steps",
    "prepare_drawing",
    "shrink_drawing",
]
