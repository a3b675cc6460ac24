"""숫자 브라우저: browse MNIST by index or by label (chapter 01)."""

from __future__ import annotations

import functools
from pathlib import Path

import anywidget
import ipywidgets as W
import numpy as np
import traitlets
from ipywidgets.widgets.trait_types import bytes_serialization
from PIL import Image, ImageDraw

from mnistlab.data import N_PIXELS, SIDE, dataset
from mnistlab.errors import MnistlabValueError
from mnistlab.raster import Pen, png
from mnistlab.widgets.base import (
    DigitPicker,
    Explorer,
    caption,
    font,
    gray,
    hstack,
    upscale,
    vstack,
)

SCALE = 8            # one MNIST pixel → 8×8 screen pixels
STRIP_H = 40         # height of the 784-value strip
GRID_WIDTH = 640     # the number grid's width when there is room: 3-digit numbers at 12 px


def _grid_lines(rgb: np.ndarray, k: int, ratio: int = 1) -> np.ndarray:
    """Faint lines between pixels (``ratio`` screen pixels wide), so the 28×28 cells can be
    counted; one MNIST pixel is k × k screen pixels."""
    out = rgb.copy()
    for t in range(ratio):
        out[t::k, :, :] = out[t::k, :, :] // 2 + 40
    for t in range(ratio):
        out[:, t::k, :] = out[:, t::k, :] // 2 + 40
    return out


@functools.lru_cache(maxsize=2)
def _ruler(ratio: int = 1) -> np.ndarray:
    """The static ruler under the strip: a tick and a row number every 28 values."""
    pen = Pen.new((N_PIXELS, 18), ratio=ratio)
    for r in range(SIDE):
        x = r * SIDE
        pen.line([(x, 0), (x, 5)], fill=(200, 30, 30))
        if r % 4 == 0:
            pen.text((x + 2, 4), f"{r}행", fill=(120, 0, 0), font=font(10))
    return pen.array()


def strip_rgb(image: np.ndarray, ratio: int = 1) -> np.ndarray:
    """The 784 values of one image in a row (1 px each, ``ratio`` screen pixels when sharp),
    rows marked in red."""
    flat = image.reshape(-1).astype(np.float32) / 255
    g = (flat * 255).astype(np.uint8)
    band = np.repeat(np.repeat(g[None, :], STRIP_H, axis=0)[..., None], 3, axis=2)
    band[:, ::SIDE, :] = (200, 30, 30)            # row boundaries: every 28 values
    return np.vstack([upscale(band, ratio), _ruler(ratio)])


# Number colours that stay readable on every gray (contrast ≥ 4.5 : 1 against the cell):
# black on light cells, white on dark ones, a dim gray for the many zeros on black.
DARK_TEXT_FROM = 118       # cell value from which black text has more contrast than white


def _cell_text(v: int, normalized: bool) -> str:
    """At most three characters, so every number fits its cell: 0 → "0", 253 → ".99", 255 → "1"."""
    if normalized:
        if v == 0:
            return "0"
        text = f"{v / 255:.2f}"
        return "1" if text == "1.00" else text.lstrip("0")
    return str(v)


def cell_texts(image: np.ndarray, normalized: bool) -> list[str]:
    """The 784 numbers the grid shows, row by row ("253", or ".99" when normalized)."""
    return [_cell_text(int(v), normalized) for v in np.asarray(image).reshape(-1)]


class NumberGrid(anywidget.AnyWidget):
    """숫자 격자: the 28×28 pixel values as shaded cells (0 = black … 255 = white), on a
    browser canvas (mnistlab/widgets/static/grid.js) that fills the widget's width (its
    ``layout``) and is drawn at the screen's pixel density."""

    _esm = Path(__file__).resolve().parent / "static" / "grid.js"
    values = traitlets.Bytes(bytes(N_PIXELS)).tag(sync=True, **bytes_serialization)
    texts = traitlets.Unicode(" ".join(["0"] * N_PIXELS)).tag(sync=True)  # 784, space-separated
    dark_text_from = traitlets.Int(DARK_TEXT_FROM).tag(sync=True)

    def show(self, image: np.ndarray, normalized: bool) -> None:
        """Show one 28×28 uint8 image (its numbers as 0..255, or as 0..1 when normalized)."""
        with self.hold_sync():                          # one message, one repaint
            self.values = np.ascontiguousarray(image, dtype=np.uint8).tobytes()
            self.texts = " ".join(cell_texts(image, normalized))


class DigitBrowser(Explorer):
    """숫자 브라우저: image, number grid and the 784-value strip of one digit."""

    title = "숫자 브라우저"

    def __init__(self, images: np.ndarray | None = None, labels: np.ndarray | None = None,
                 split: str = "train", seed: int = 0):
        images, labels = dataset(images, labels, split)
        self.images, self.labels = np.asarray(images), np.asarray(labels)
        if self.images.ndim != 3 or self.images.shape[1:] != (SIDE, SIDE):
            raise MnistlabValueError(f"이미지는 (N, 28, 28) 모양이어야 합니다. 받은 모양: {self.images.shape}")
        if not np.issubdtype(self.images.dtype, np.integer) or self.images.min() < 0 \
                or self.images.max() > 255:
            raise MnistlabValueError("숫자 브라우저는 정규화하기 전의 0..255 정수 이미지(load_mnist 가 돌려주는 "
                             f"uint8)를 받습니다. 받은 dtype: {self.images.dtype}")
        if len(self.labels) != len(self.images):
            raise MnistlabValueError("이미지 수와 레이블 수가 다릅니다: "
                             f"{len(self.images)} 대 {len(self.labels)}")
        self.picker = DigitPicker(self.labels, self._on_change, seed=seed)
        self.label, self.index, self.random = self.picker.label, self.picker.index, self.picker.random
        self.normalized = W.Checkbox(False, description="0–1로 정규화해서 보기")
        self.header = W.HTML()
        self.picture = W.Image(format="png")
        self.grid = NumberGrid(layout=W.Layout(width=f"{GRID_WIDTH}px"))   # fit(): ≤ 100 %
        self.strip = W.Image(format="png")

        self.normalized.observe(self._on_normalized, "value")

        super().__init__([
            self.picker.box,
            self.normalized,
            self.header,
            W.HBox([self.picture, self.grid], layout=W.Layout(align_items="flex-start")),
            W.HTML("<b>한 줄로 펼친 784개의 값</b> (빨간 눈금 = 이미지의 한 행이 끝나는 곳, 28개마다)"),
            self.strip,
        ])
        self._on_change()

    @property
    def current(self) -> int:
        """The row of the data set the controls point at."""
        return self.picker.current

    def _on_normalized(self, _=None):
        self.grid.show(self.images[self.current], self.normalized.value)

    def _on_change(self, _=None):
        i = self.current
        image = self.images[i]
        self.header.value = (
            f"<b>데이터 #{i}</b> · 정답(목표변수): <b style='font-size:1.3em'>{int(self.labels[i])}</b>"
            f" · 잉크가 있는 픽셀 {int(np.count_nonzero(image))}개 / 784개"
        )
        k = SCALE * self.ratio
        ink = int(np.count_nonzero(image))
        self.show_png(self.picture, png(_grid_lines(gray(image / 255, k), k, self.ratio)),
                      alt=f"데이터 #{i}: 정답 {int(self.labels[i])}인 손글씨 숫자, 28×28 픽셀, "
                          f"잉크가 있는 픽셀 {ink}개, 가장 밝은 값 {int(image.max())}")
        self.grid.show(image, self.normalized.value)
        self.show_png(self.strip, png(strip_rgb(image, self.ratio)),
                      alt=f"데이터 #{i}의 픽셀 784개를 한 줄로 펼친 띠 (28행을 차례로 이어 붙임)")

    def snapshot(self) -> bytes:
        i = self.current
        image = self.images[i]
        digit = _grid_lines(gray(image / 255, SCALE), SCALE)
        numbers = _number_grid_rgb(image, self.normalized.value)
        top = hstack(digit, numbers)
        text = f"데이터 #{i} · 정답(목표변수): {int(self.labels[i])}"
        return png(vstack(caption(top, text, 16), caption(strip_rgb(image), "한 줄로 펼친 784개의 값")))


def _number_grid_rgb(image: np.ndarray, normalized: bool, cell: int = 24) -> np.ndarray:
    """The number grid drawn with PIL (for the static snapshot only)."""
    img = Image.new("RGB", (SIDE * cell, SIDE * cell), "white")
    d = ImageDraw.Draw(img)
    f = font(10)
    colors = {"z": (119, 119, 119), "k": (0, 0, 0), "w": (255, 255, 255)}
    for r in range(SIDE):
        for c in range(SIDE):
            v = int(image[r, c])
            x, y = c * cell, r * cell
            d.rectangle([x, y, x + cell - 1, y + cell - 1], fill=(v, v, v), outline=(51, 51, 51))
            cls = "z" if v == 0 else "k" if v >= DARK_TEXT_FROM else "w"
            d.text((x + cell / 2, y + cell / 2), _cell_text(v, normalized), fill=colors[cls],
                   font=f, anchor="mm")
    return np.asarray(img)


def digit_browser(images=None, labels=None, split: str = "train") -> DigitBrowser:
    """숫자 브라우저 widget: pick by index or by label; see image, numbers and strip.

    With no arguments it browses the 60,000 training images.
    """
    return DigitBrowser(images, labels, split=split)


__all__ = ["DigitBrowser", "digit_browser"]
