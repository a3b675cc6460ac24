"""The notation picture of chapter 06: the network with L, n^[l], a^[l], a^[l]_i and the vector a^[l].

Drawn with PIL through the fixed palette of :mod:`mnistlab.draw.sprites`: the fixed
parts once, the neurons' shades and the highlight on every change, so the
표기법 탐색기 (:mod:`mnistlab.widgets.notation`) redraws in a few milliseconds and
:func:`notation_picture` gives the same picture as a static figure.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from mnistlab import notation, validate
from mnistlab.data import N_PIXELS, SIDE
from mnistlab.draw.sprites import (
    BLUE,
    DARK_BLUE,
    DARK_ORANGE,
    GRAY_LINE,
    GRAYS,
    INK,
    ORANGE,
    OUTLINE,
    PIX,
    SOFT,
    TAG_FILL,
    digit_font,
    draw_symbol,
    idx,
    symbol_sprite,
    text_sprite,
    to_palette,
)
from mnistlab.korean import pil_font as font
from mnistlab.raster import Pen, png


class NotationPicture:
    """The network drawn for the notation chapter: layers as columns, the 784 inputs as the
    digit (28×28 block, pixel i = a^[0]_i row by row), every neuron at a known place.

    The parts that never change (lines, labels, the vector's symbols) are drawn
    once and cached; :meth:`render` only shades the neurons and marks (l, i).
    Positions are in shown (1×) pixels; the picture has ``ratio``× as many (sharp on
    HiDPI screens, see :class:`~mnistlab.raster.Pen`).
    """

    VECTOR_W = 250

    def __init__(self, sizes, width: int = 960, height: int = 640, ratio: int = 1):
        self.sizes = validate.notation_sizes(sizes)
        self.L = len(self.sizes) - 1
        self.width, self.height, self.ratio = width, height, ratio
        self.block = self.sizes[0] == N_PIXELS
        self.top, self.bottom = 100, height - 150
        span = self.bottom - self.top
        left0 = 30 if self.block else 60
        self.block_box = (left0, (self.top + self.bottom) // 2 - SIDE * PIX // 2)
        first = 1 if self.block else 0
        first_x = left0 + SIDE * PIX + 150 if self.block else left0
        gap = min(190, (width - self.VECTOR_W - 70 - first_x) // max(1, self.L - first))
        self.col_x = {l: first_x + (l - first) * gap for l in range(first, self.L + 1)}
        if self.block:
            self.col_x[0] = left0 + SIDE * PIX // 2
        self.pos: dict[int, np.ndarray] = {}
        self.radius: dict[int, int] = {}
        for l, n in enumerate(self.sizes):
            if l == 0 and self.block:
                continue
            shown = min(n, 20)
            step = min(30.0, span / max(shown, 1))
            self.pos[l] = (self.top + self.bottom) / 2 + (np.arange(shown) - (shown - 1) / 2) * step
            self.radius[l] = int(max(4, min(11, step * 0.38)))
        self._statics: dict[tuple, Image.Image] = {}
        self._vectors: dict[tuple, Image.Image] = {}

    # which drawn row shows neuron i of layer l (big layers show their first and last 10)
    def _row(self, l: int, i: int) -> int | None:
        n = self.sizes[l]
        if n <= 20 or i <= 10:
            return i - 1
        if i > n - 10:
            return 20 - (n - i) - 1
        return None

    def neuron_xy(self, l: int, i: int) -> tuple[float, float]:
        """Screen position of neuron i of layer l (for layer 0 as a block: pixel i's centre)."""
        if l == 0 and self.block:
            r, c = divmod(i - 1, SIDE)
            bx, by = self.block_box
            return bx + c * PIX + PIX / 2, by + r * PIX + PIX / 2
        row = self._row(l, i)
        ys = self.pos[l]
        if row is None:
            return self.col_x[l], float((ys[9] + ys[10]) / 2)
        return self.col_x[l], float(ys[row])

    def _centres(self, l: int) -> list[tuple[float, float]]:
        if l == 0 and self.block:
            bx, by = self.block_box
            e = SIDE * PIX
            return [(bx + e, by + e * k / 6) for k in range(1, 6)]
        return [(self.col_x[l], float(y)) for y in self.pos[l]]

    def _static(self, show: tuple[str, ...]) -> Image.Image:
        """Lines, the block's frame and the labels chosen by ``show`` (drawn once per choice)."""
        key = tuple(sorted(k for k in show if k in ("layers", "a", "n")))
        if key in self._statics:
            return self._statics[key]
        d = Pen.new((self.width, self.height), ratio=self.ratio)
        for l in range(1, self.L + 1):
            src = self._centres(l - 1)
            for (x1, y1) in self._centres(l):
                for (x0, y0) in src:
                    d.line([(x0, y0), (x1, y1)], fill=GRAY_LINE, width=1)
        if self.block:
            bx, by = self.block_box
            d.rectangle([bx - 1, by - 1, bx + SIDE * PIX, by + SIDE * PIX], outline=(68, 68, 68))
        for l, n in enumerate(self.sizes):
            if n > 20 and not (l == 0 and self.block):
                ys = self.pos[l]
                d.text((self.col_x[l] - 3, (ys[9] + ys[10]) / 2 - 9), "⋮", font=font(16),
                       fill=SOFT)
        if "layers" in key:
            self._layer_labels(d, with_n="n" in key)
        elif "n" in key:
            for layer in range(len(self.sizes)):
                self._n_label(d, layer, self.bottom + 24)
        if "a" in key:
            for layer in range(self.L + 1):
                draw_symbol(d, (self.col_x[layer] - 16, self.top - 48), "a", layer, size=24,
                            fill=BLUE)
        self._statics[key] = to_palette(d.image)
        return self._statics[key]

    def _n_label(self, d, layer: int, y: float) -> None:
        t = f"= {self.sizes[layer]}"
        w = 30 + d.textlength(t, font=digit_font(14))
        draw_symbol(d, (self.col_x[layer] - w / 2, y + 10), "n", layer, size=18, suffix=t)

    def _layer_labels(self, d: Pen, with_n: bool) -> None:
        y = self.bottom + 20
        for layer in range(self.L + 1):
            x = self.col_x[layer]
            t1, t2 = f"{layer}번째 층", notation.layer_name(self.sizes, layer)
            d.text((x - d.textlength(t1, font=font(14, True)) / 2, y), t1, font=font(14, True),
                   fill=INK)
            d.text((x - d.textlength(t2, font=font(12)) / 2, y + 20), t2, font=font(12), fill=SOFT)
            if with_n:
                self._n_label(d, layer, y + 40)
        # L counts layers 1 … L: a bracket under them
        x0, x1 = self.col_x[1] - 30, self.col_x[self.L] + 30
        yb = y + (78 if with_n else 44)
        d.line([(x0, yb), (x0, yb + 6), (x1, yb + 6), (x1, yb)], fill=ORANGE, width=2)
        t = f"L = {self.L}  (입력층은 세지 않습니다)"
        d.text(((x0 + x1) / 2 - d.textlength(t, font=font(13, True)) / 2, yb + 10), t,
               font=font(13, True), fill=(230, 81, 0))

    def render(self, activations=None, l: int | None = None, i: int | str | None = None,
               show: tuple[str, ...] = ("layers",), title: str = "") -> np.ndarray:
        """RGB array: the diagram shaded by ``activations`` (or gray), with the chosen labels.

        show: any of "layers" (l numbers, layer names and L), "a" (a^[l] over each column),
        "n" (n^[l] = … under each column), "symbol" (a^[l]_i at the highlighted neuron),
        "vector" (the whole a^[l] beside the network).
        """
        return np.asarray(self.render_image(activations, l, i, show, title).convert("RGB"))

    def render_image(self, activations=None, l: int | None = None, i: int | str | None = None,
                     show: tuple[str, ...] = ("layers",), title: str = "") -> Image.Image:
        """:meth:`render` as a palette image (what the widget encodes: no colour conversion)."""
        d = Pen(self._static(tuple(show)).copy(), self.ratio)
        acts = None if activations is None else [np.asarray(a, dtype=float).reshape(-1)
                                                 for a in activations]
        if i == notation.LAST and l is not None:
            i = self.sizes[l]
        if self.block:
            x0 = np.zeros((SIDE, SIDE)) if acts is None else acts[0].reshape(SIDE, SIDE)
            g = (np.clip(x0, 0, 1) * (GRAYS - 1) + 0.5).astype(np.uint8)
            k = PIX * self.ratio
            d.paste(Image.fromarray(np.repeat(np.repeat(g, k, 0), k, 1), "P"), self.block_box)
        outline = idx(OUTLINE)
        for layer, ys in self.pos.items():
            n, r, x = self.sizes[layer], self.radius[layer], self.col_x[layer]
            rows = np.arange(len(ys))
            k = np.where((n <= 20) | (rows < 10), rows, n - 20 + rows)
            v = np.full(len(ys), 0.5) if acts is None else np.clip(acts[layer][k], 0, 1)
            for y, s in zip(ys.tolist(), (v * (GRAYS - 1) + 0.5).astype(int).tolist()):
                d.ellipse([x - r, y - r, x + r, y + r], fill=s, outline=outline)
        if acts is not None and self.sizes[-1] <= 20:
            self._output_labels(d, int(np.argmax(acts[-1])), short="vector" in show)
        blue = idx(BLUE)
        if l is not None and i is None and not (l == 0 and self.block):
            ys, r = self.pos[l], self.radius[l]                 # the whole layer: a^[l]
            x = self.col_x[l]
            d.rounded_rectangle([x - r - 7, ys[0] - r - 7, x + r + 7, ys[-1] + r + 7], radius=10,
                                outline=blue, width=3)
            if "vector" in show:
                self._vector(d, l, None, acts)
        if l is not None and i is not None:
            cx, cy = self.neuron_xy(l, i)
            if l == 0 and self.block:
                d.rectangle([cx - PIX / 2 - 2, cy - PIX / 2 - 2, cx + PIX / 2 + 1, cy + PIX / 2 + 1],
                            outline=blue, width=2)
                d.rectangle([cx - PIX * 2, cy - PIX * 2, cx + PIX * 2, cy + PIX * 2],
                            outline=blue, width=1)
            else:
                rr = self.radius[l] + 5
                d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], outline=blue, width=3)
            if "symbol" in show:
                self._symbol_tag(d, l, i, cx, cy, acts)
            if "vector" in show:
                self._vector(d, l, i, acts)
        if title:
            d.paste(text_sprite(title, 17, True, INK, ratio=self.ratio), (16, 10))
        return d.image

    def _output_labels(self, d: Pen, win: int, short: bool = False) -> None:
        """Name each output neuron with its digit: a^[L]_i stands for the digit i − 1.

        The label is "a^[L]_i = 숫자 i−1", or only "숫자 i−1" when the vector panel
        leaves no room (``short``); the winning output is drawn in orange.
        """
        x = int(self.col_x[self.L] + self.radius[self.L] + 10)     # clear of the highlight ring
        for row, y in enumerate(self.pos[self.L]):
            colour = DARK_ORANGE if row == win else INK
            words = text_sprite(output_label(row + 1), 13, row == win, colour, ratio=d.ratio)
            if short:
                d.paste(words, (x, int(y - 8)))
                continue
            sym, right = symbol_sprite("a", self.L, row + 1, 15, colour, ratio=d.ratio)
            d.paste(sym, (x, int(y - 15)))
            d.paste(text_sprite("=", 13, False, colour, ratio=d.ratio), (x + right + 4, int(y - 8)))
            d.paste(words, (x + right + 17, int(y - 8)))

    def _symbol_tag(self, d: Pen, l, i, cx, cy, acts) -> None:
        sub = notation.LAST if (i == self.sizes[l] and self.sizes[l] > 1 and l > 0) else i
        x = int(cx + (PIX * 2 + 8 if l == 0 and self.block else self.radius[l] + 12))
        y = int(cy - 28 if l < self.L else cy + 26)
        sym, right = symbol_sprite("a", l, sub, 22, DARK_BLUE, TAG_FILL, ratio=d.ratio)
        val = None if acts is None else text_sprite(f"= {acts[l][i - 1]:.2f}", 14, True,
                                                   DARK_BLUE, TAG_FILL, ratio=d.ratio)
        width = right + 8 + (val.width // d.ratio + 4 if val is not None else 0)
        if l == self.L and l > 0:                 # left of the output layer: its labels are on the right
            x = int(cx - self.radius[l] - 12 - width)
        d.rounded_rectangle([x - 4, y - 19, x + width, y + 19], radius=6, fill=idx(TAG_FILL),
                            outline=idx(BLUE))
        d.paste(sym, (x + 2, y - 22))
        if val is not None:
            d.paste(val, (x + 2 + right + 5, y - 9))

    def _vector_labels(self, l: int, rows: tuple, h: int) -> Image.Image:
        """The bracket and the symbols a^[l]_k of the vector panel (cached per layer and rows)."""
        key = (l, rows, h)
        if key not in self._vectors:
            if len(self._vectors) > 64:
                self._vectors.clear()
            d = Pen.new((self.VECTOR_W, self.height), ratio=self.ratio)
            n, x0, y = self.sizes[l], 10, self.top
            draw_symbol(d, (x0, self.top - 34), "a", l, size=24, fill=INK, suffix="=")
            yb = y + h * len(rows)
            d.line([(x0 + 6, y), (x0, y), (x0, yb), (x0 + 6, yb)], fill=INK, width=2)
            xr = x0 + 190
            d.line([(xr - 6, y), (xr, y), (xr, yb), (xr - 6, yb)], fill=INK, width=2)
            for k, row in enumerate(rows):
                yy = y + k * h
                if row is None:
                    d.text((x0 + 70, yy + 1), "⋮", font=font(h - 6), fill=SOFT)
                    continue
                sub = notation.LAST if row == n and n > 1 else row
                right = draw_symbol(d, (x0 + h + 8, yy + h / 2 + 1), "a", l, sub,
                                    size=vector_symbol_size(h), fill=INK)
                if l == self.L and n <= 20:          # the output neuron's digit
                    d.text((right + 5, yy + h / 2 - 7), output_label(row),
                           font=font(12), fill=SOFT)
            self._vectors[key] = to_palette(d.image)
        return self._vectors[key]

    def _vector(self, d: Pen, l, i, acts) -> None:
        """The whole a^[l] as a column beside the network, row i marked."""
        rows = tuple(_vector_rows(self.sizes[l], i))
        h = min(30, (self.bottom + 60 - self.top) // len(rows))
        X0 = self.width - self.VECTOR_W
        d.paste(self._vector_labels(l, rows, h), (X0, 0))
        x0 = X0 + 10
        for k, row in enumerate(rows):
            if row is None:
                continue
            yy = self.top + k * h
            if row == i:
                d.rectangle([x0 + 4, yy + 1, x0 + 186, yy + h - 1], outline=idx(BLUE), width=2)
            if acts is not None:
                v = float(acts[l][row - 1])
                s = int(np.clip(v, 0, 1) * (GRAYS - 1) + 0.5)
                d.rectangle([x0 + 10, yy + 3, x0 + 10 + h - 6, yy + h - 3], fill=s,
                            outline=idx((80, 80, 80)))
                d.paste(text_sprite(f"{v:.2f}", 14, row == i, BLUE if row == i else INK,
                                    ratio=d.ratio), (x0 + 128, int(yy + h / 2 - 8)))


def output_label(i: int, L: int | None = None) -> str:
    """What output neuron a^[L]_i (i from 1) stands for: the digit i − 1.

    ``output_label(1)`` → "숫자 0"; with the layer, ``output_label(1, 3)`` → "a^[3]_1 (숫자 0)".
    """
    return f"숫자 {i - 1}" if L is None else f"a^[{L}]_{i} (숫자 {i - 1})"


def vector_symbol_size(row_height: int) -> int:
    """Font size of a^[l]_k in a vector row: its superscript and subscript stay inside the row."""
    return max(10, int(row_height * 0.64))


def _vector_rows(n: int, i: int | None) -> list[int | None]:
    """Which rows of a long vector to show: the first and last few and the rows around i."""
    if n <= 16:
        return list(range(1, n + 1))
    keep = {1, 2, 3, n - 1, n}
    if i is not None:
        keep |= set(range(max(1, i - 2), min(n, i + 2) + 1))
    out: list[int | None] = []
    for r in sorted(keep):
        if out and out[-1] is not None and r != out[-1] + 1:
            out.append(None)
        out.append(r)
    return out


class Picture:
    """A rendered RGB array that notebooks show as a PNG image."""

    def __init__(self, rgb: np.ndarray, title: str = ""):
        self.rgb = rgb
        self.title = title

    def __repr__(self) -> str:
        return f"[그림] {self.title}" if self.title else "[그림]"

    def _repr_png_(self) -> bytes:
        return png(self.rgb)

    def save(self, path) -> None:
        Image.fromarray(self.rgb).save(path)


def notation_picture(net, x=None, l: int | None = None, i: int | str | None = None,
                     show=("layers",), title: str = "") -> Picture:
    """The notation figure of chapter 06 for ``net`` and one image ``x`` (may be None).

    ``show`` picks the labels: "layers" (층 번호와 L), "a", "n", "symbol", "vector";
    ``(l, i)`` highlights a^[l]_i (i from 1 at the top, or "n" for the last); ``l`` alone
    frames the whole layer a^[l].
    """
    sizes = validate.notation_sizes(net)
    if l is not None:
        notation.a_symbol(sizes, l, i)                  # checks l and i, Korean errors
    acts = None if x is None else net.forward(x)
    rgb = NotationPicture(sizes).render(acts, l, i, tuple(show), title)
    ink = np.nonzero(np.any(rgb < 250, axis=2))          # crop the unused white margins
    r1, c1 = min(rgb.shape[0], ink[0].max() + 14), min(rgb.shape[1], ink[1].max() + 14)
    return Picture(np.ascontiguousarray(rgb[:r1, :c1]), title)
