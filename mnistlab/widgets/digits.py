"""숫자 브라우저: browse MNIST by index or by label (chapter 01)."""

from __future__ import annotations

import ipywidgets as W
import numpy as np
from PIL import Image, ImageDraw

from mnistlab import validate as check
from mnistlab.data import N_PIXELS, SIDE
from mnistlab.errors import MnistlabValueError
from mnistlab.widgets.base import (
    DigitPicker,
    Explorer,
    caption,
    font,
    gray,
    hstack,
    png,
    vstack,
)

SCALE = 8            # one MNIST pixel → 8×8 screen pixels
STRIP_H = 40         # height of the 784-value strip
GRID_WIDTH = 640     # the number grid's width when there is room: 3-digit numbers at 12 px


def _grid_lines(rgb: np.ndarray, k: int) -> np.ndarray:
    """Faint lines between pixels, so the 28×28 cells can be counted."""
    out = rgb.copy()
    out[::k, :, :] = out[::k, :, :] // 2 + 40
    out[:, ::k, :] = out[:, ::k, :] // 2 + 40
    return out


def _ruler() -> np.ndarray:
    """The static ruler under the strip: a tick and a row number every 28 values."""
    img = Image.new("RGB", (N_PIXELS, 18), "white")
    d = ImageDraw.Draw(img)
    for r in range(SIDE):
        x = r * SIDE
        d.line([(x, 0), (x, 5)], fill=(200, 30, 30))
        if r % 4 == 0:
            d.text((x + 2, 4), f"{r}행", fill=(120, 0, 0), font=font(10))
    return np.asarray(img)


def strip_rgb(image: np.ndarray) -> np.ndarray:
    """The 784 values of one image in a row (1 px each), rows marked in red."""
    flat = image.reshape(-1).astype(np.float32) / 255
    g = (flat * 255).astype(np.uint8)
    band = np.repeat(np.repeat(g[None, :], STRIP_H, axis=0)[..., None], 3, axis=2)
    band[:, ::SIDE, :] = (200, 30, 30)            # row boundaries: every 28 values
    return np.vstack([band, _RULER])


_RULER = _ruler()


# Number colours that stay readable on every gray (contrast ≥ 4.5 : 1 against the cell):
# black on light cells, white on dark ones, a dim gray for the many zeros on black.
# The cell rule names the class twice to outrank reveal.js's `.reveal table td` (padding
# 0.5em, left-aligned) on RISE slides, which would cut 253 to "25".
DARK_TEXT_FROM = 118       # cell value from which black text has more contrast than white
GRID_CSS = (
    ".mnl-grid{width:100%;table-layout:fixed;border-collapse:collapse;text-align:center;"
    "font-family:monospace;font-size:11px;font-size:clamp(8px,1.85cqw,13px);line-height:1.5}"
    ".mnl-grid.mnl-grid td{padding:0;border:1px solid #333;text-align:center;overflow:hidden;"
    "white-space:nowrap}"
    ".mnl-grid .k{color:#000}.mnl-grid .w{color:#fff}.mnl-grid .z{color:#777;background:#000}"
)


def _cell_text(v: int, normalized: bool) -> str:
    if normalized:
        return f"{v / 255:.2f}".lstrip("0") or "0"
    return str(v)


def number_grid_html(image: np.ndarray, normalized: bool) -> str:
    """The 28×28 pixel values as a shaded table (0 = black … 255 = white).

    The table takes the width it is given (up to the widget's 640 px) and the digits
    grow with it (CSS container units), so three digits always fit their cell.
    """
    cells = []
    for row in image:
        tds = []
        for v in row:
            v = int(v)
            if v == 0:                    # most cells: short, styled by the class alone
                tds.append(f"<td class=z>{_cell_text(v, normalized)}</td>")
                continue
            cls = "k" if v >= DARK_TEXT_FROM else "w"
            tds.append(f"<td class={cls} style=background:#{v:02x}{v:02x}{v:02x}>"
                       f"{_cell_text(v, normalized)}</td>")
        cells.append("<tr>" + "".join(tds) + "</tr>")
    return (f"<style>{GRID_CSS}</style><div style='container-type:inline-size'>"
            f"<table class=mnl-grid>{''.join(cells)}</table></div>")


class DigitBrowser(Explorer):
    """숫자 브라우저: image, number grid and the 784-value strip of one digit."""

    title = "숫자 브라우저"

    def __init__(self, images: np.ndarray | None = None, labels: np.ndarray | None = None,
                 split: str = "train", seed: int = 0):
        images, labels = check.images_and_labels(images, labels, split)
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
        self.normalized = W.Checkbox(False, description="0..1 로 정규화해서 보기")
        self.header = W.HTML()
        self.picture = W.Image(format="png")
        self.grid = W.HTML(layout=W.Layout(width=f"{GRID_WIDTH}px"))
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
        self.grid.value = number_grid_html(self.images[self.current], self.normalized.value)

    def _on_change(self, _=None):
        i = self.current
        image = self.images[i]
        self.header.value = (
            f"<b>데이터 #{i}</b> · 정답(목표변수): <b style='font-size:1.3em'>{int(self.labels[i])}</b>"
            f" · 잉크가 있는 픽셀 {int(np.count_nonzero(image))}개 / 784개"
        )
        self.picture.value = png(_grid_lines(gray(image / 255, SCALE), SCALE))
        self.grid.value = number_grid_html(image, self.normalized.value)
        self.strip.value = png(strip_rgb(image))

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
