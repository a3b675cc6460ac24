"""Sprites for the PIL-drawn diagrams: a fixed 256-colour palette and text drawn once.

The notation picture (chapter 06) is mostly grays plus a few exact colours; drawing
it through this palette makes every pixel one byte, so a PNG encodes in about a
millisecond, and each label is rendered once and pasted from a cache.
"""

from __future__ import annotations

import functools
from pathlib import Path

import matplotlib
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from mnistlab import notation
from mnistlab.korean import pil_font as font
from mnistlab.raster import Pen, png

BLUE = (30, 136, 229)
ORANGE = (255, 152, 0)
GRAY_LINE = (214, 218, 222)
INK = (34, 34, 34)
SOFT = (100, 100, 100)
PIX = 6                       # one input pixel → 6×6 screen pixels

TAG_FILL = (227, 242, 253)
DARK_BLUE = (13, 71, 161)
DARK_ORANGE = (230, 81, 0)
OUTLINE = (51, 51, 51)
EXACT = (BLUE, ORANGE, DARK_BLUE, DARK_ORANGE, TAG_FILL, GRAY_LINE, INK, SOFT, OUTLINE)
GRAYS = 192                   # palette entries 0 … 191 are grays from black to white


@functools.lru_cache(maxsize=1)
def _palette_colors() -> tuple[tuple[int, int, int], ...]:
    """192 grays, the diagram's exact colours, and ramps so anti-aliased coloured text stays smooth."""
    colors = [(round(k * 255 / (GRAYS - 1)),) * 3 for k in range(GRAYS)] + list(EXACT)
    for c, bg in ((BLUE, (255, 255, 255)), (ORANGE, (255, 255, 255)),
                  (DARK_ORANGE, (255, 255, 255)), (DARK_BLUE, TAG_FILL), (DARK_BLUE, (255, 255, 255))):
        for t in np.linspace(0.1, 0.9, 11):
            colors.append(tuple(round(bg[j] + (c[j] - bg[j]) * t) for j in range(3)))
    return tuple(colors[:256])


@functools.lru_cache(maxsize=1)
def _palette() -> Image.Image:
    pal = Image.new("P", (1, 1))
    flat = [v for c in _palette_colors() for v in c]
    pal.putpalette(flat + [0] * (768 - len(flat)))
    return pal


@functools.lru_cache(maxsize=64)
def idx(color) -> int:
    """The palette index of an exact colour (or the nearest gray for a gray)."""
    colors = _palette_colors()
    if color in colors[GRAYS:]:
        return GRAYS + colors[GRAYS:].index(color)
    return round(color[0] * (GRAYS - 1) / 255)


def to_palette(img: Image.Image) -> Image.Image:
    """RGB → the fixed palette (nearest colour, no dithering)."""
    return img.convert("RGB").quantize(palette=_palette(), dither=Image.Dither.NONE)


def encode_p(img: Image.Image) -> bytes:
    """PNG bytes of a palette image (see :mod:`mnistlab.raster`)."""
    return png(img)


@functools.lru_cache(maxsize=2048)
def text_sprite(text: str, size: int, bold: bool, fill, bg=(255, 255, 255),
                ratio: int = 1) -> Image.Image:
    """A line of text drawn once (anti-aliased, on ``bg``) and kept as a palette image
    (``ratio``× larger, for a picture of ratio× pixels)."""
    f = font(size * ratio, bold)
    box = f.getbbox(text)
    img = Image.new("RGB", (max(1, box[2] + 2 * ratio), max(1, box[3] + 2 * ratio)), bg)
    ImageDraw.Draw(img).text((0, 0), text, font=f, fill=fill)
    return to_palette(img)


@functools.lru_cache(maxsize=4096)
def symbol_sprite(letter: str, l, sub, size: int, fill, bg=(255, 255, 255),
                  suffix: str = "", ratio: int = 1) -> tuple[Image.Image, int]:
    """:func:`draw_symbol` drawn once; returns the sprite (its middle at y = size) and its
    width, in 1× pixels (the sprite itself has ``ratio``× as many)."""
    pen = Pen.new((8 * size, 2 * size), bg, ratio)
    right = draw_symbol(pen, (0, size), letter, l, sub, size, fill, suffix)
    return to_palette(pen.image.crop((0, 0, (right + 2) * ratio, 2 * size * ratio))), right



@functools.lru_cache(maxsize=8)
def math_font(size: int) -> ImageFont.FreeTypeFont:
    """DejaVu Serif Italic (shipped with matplotlib) for the letters a, n, L."""
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSerif-Italic.ttf"
    return ImageFont.truetype(str(path), size)


@functools.lru_cache(maxsize=8)
def digit_font(size: int) -> ImageFont.FreeTypeFont:
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSerif.ttf"
    return ImageFont.truetype(str(path), size)


def draw_symbol(d: ImageDraw.ImageDraw | Pen, xy, letter: str, l: int | None = None,
                sub: int | str | None = None, size: int = 22, fill=INK, suffix: str = "") -> int:
    """Draw ``letter^[l]_sub`` (sub may be "n" → n^[l]) at xy (left, middle); returns the right x.

    ``d`` is an ``ImageDraw`` or a :class:`~mnistlab.raster.Pen` (then in 1× pixels)."""
    x, y = xy
    big, small, tiny = math_font(size), digit_font(int(size * 0.62)), digit_font(int(size * 0.5))
    top = y - size * 0.62
    d.text((x, top), letter, font=big, fill=fill)
    x += d.textlength(letter, font=big) + 1
    right = x
    if l is not None:
        d.text((x, top - size * 0.2), f"[{l}]", font=small, fill=fill)
        right = max(right, x + d.textlength(f"[{l}]", font=small))
    if sub is not None:
        sy = top + size * 0.62
        if sub == notation.LAST:
            sf = math_font(int(size * 0.62))
            d.text((x, sy), "n", font=sf, fill=fill)
            sx = x + d.textlength("n", font=sf) + 1
            d.text((sx, sy - size * 0.12), f"[{l}]", font=tiny, fill=fill)
            right = max(right, sx + d.textlength(f"[{l}]", font=tiny))
        else:
            d.text((x, sy), str(sub), font=small, fill=fill)
            right = max(right, x + d.textlength(str(sub), font=small))
    if suffix:
        d.text((right + 4, top + size * 0.08), suffix, font=digit_font(int(size * 0.8)), fill=fill)
        right += 4 + d.textlength(suffix, font=digit_font(int(size * 0.8)))
    return int(right)


def png_palette(rgb: np.ndarray) -> bytes:
    """PNG of a mostly-gray diagram through the fixed palette: 1 byte a pixel, fast to encode."""
    return encode_p(to_palette(Image.fromarray(np.ascontiguousarray(rgb))))
