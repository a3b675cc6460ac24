"""래스터 그림: widget pictures drawn at a pixel ratio (:class:`Pen`) and their PNG encoders.

Every widget picture is drawn at ``ratio``× pixels (2 when ``ml.set_display`` asks for
sharp pictures, see :mod:`mnistlab.display`) and shown at its 1× size. :class:`Pen`
lets drawing code keep its 1× numbers; :func:`shrink` brings a picture back to 1×.

Every PNG the widgets send goes through one of these three encoders:

- :func:`png` — any RGB (or gray) array, PIL at zlib level 1: the default;
- :func:`png_fast` — an index image plus a 256-colour palette (or plain RGB),
  written directly with zlib level 1 and no row filters: about 3× faster than
  PIL's encoder for the big network diagrams that change on every slider move;
- :func:`png_small` — quantized to 256 colours and optimized: a third of the
  size, too slow per event, for the snapshot kept in a saved notebook.
"""

from __future__ import annotations

import functools
import io
import struct
import zlib

import numpy as np
from PIL import Image, ImageDraw, ImageFont


class Pen:
    """PIL drawing in shown (1×) pixels on a picture of ``ratio``× pixels.

    A widget picture is shown at its 1× size; a HiDPI screen, a 125 % zoom or a
    projector has up to ``ratio`` device pixels for each of those. Drawing code keeps
    its 1× numbers (positions, line widths, font sizes) and the pen multiplies
    them, so the picture at ratio 2 is the picture at ratio 1 with twice the detail.

    >>> pen = Pen.new((200, 40), ratio=2)                  # a 400×80 image
    >>> pen.text((6, 5), "가중합 z", fill="black", font=korean.pil_font(14))  # drawn at 28 px
    >>> pen.array().shape
    (80, 400, 3)

    It draws like ``ImageDraw.Draw`` (same method names), so a function written
    for either takes a pen.
    """

    def __init__(self, image: Image.Image, ratio: int = 1):
        self.image, self.ratio = image, ratio
        self.draw = ImageDraw.Draw(image)

    @classmethod
    def new(cls, size: tuple[int, int], color="white", ratio: int = 1, mode: str = "RGB") -> Pen:
        """A blank picture whose 1× size is ``size`` (width, height)."""
        return cls(Image.new(mode, (size[0] * ratio, size[1] * ratio), color), ratio)

    def array(self) -> np.ndarray:
        return np.asarray(self.image)

    @property
    def fontmode(self) -> str:
        return self.draw.fontmode

    @fontmode.setter
    def fontmode(self, mode: str) -> None:
        self.draw.fontmode = mode

    # A 1× pixel becomes a ratio × ratio block: points go to the block's middle, boxes
    # (PIL includes both corners) to its first and last device pixel, text and pastes
    # to its top-left corner.
    def _points(self, xy) -> list:
        s, half = self.ratio, (self.ratio - 1) / 2
        if isinstance(xy[0], (tuple, list)):
            return [(x * s + half, y * s + half) for x, y in xy]
        return [v * s + half for v in xy]

    def _box(self, xy) -> list:
        x0, y0, x1, y1 = (*xy[0], *xy[1]) if isinstance(xy[0], (tuple, list)) else xy
        s = self.ratio
        return [x0 * s, y0 * s, x1 * s + s - 1, y1 * s + s - 1]

    def line(self, xy, fill=None, width: float = 1, joint=None) -> None:
        self.draw.line(self._points(xy), fill=fill, width=round(width * self.ratio), joint=joint)

    def polygon(self, xy, fill=None, outline=None) -> None:
        self.draw.polygon(self._points(xy), fill=fill, outline=outline)

    def rectangle(self, xy, fill=None, outline=None, width: float = 1) -> None:
        self.draw.rectangle(self._box(xy), fill=fill, outline=outline,
                            width=round(width * self.ratio))

    def rounded_rectangle(self, xy, radius: float = 0, fill=None, outline=None,
                          width: float = 1) -> None:
        self.draw.rounded_rectangle(self._box(xy), radius=radius * self.ratio, fill=fill,
                                    outline=outline, width=round(width * self.ratio))

    def ellipse(self, xy, fill=None, outline=None, width: float = 1) -> None:
        self.draw.ellipse(self._box(xy), fill=fill, outline=outline,
                          width=round(width * self.ratio))

    def text(self, xy, text: str, fill=None, font=None, anchor=None) -> None:
        """Text at 1× position ``xy`` in ``font`` (a 1× font: the pen draws it ratio× larger)."""
        self.draw.text((xy[0] * self.ratio, xy[1] * self.ratio), text, fill=fill,
                       font=scaled_font(font, self.ratio), anchor=anchor)

    def textlength(self, text: str, font=None) -> float:
        """Width of ``text`` in 1× pixels (what layout code measures with)."""
        return self.draw.textlength(text, font=font)

    def paste(self, picture: Image.Image, xy) -> None:
        """Paste a picture already drawn at this ratio, its top-left corner at 1× ``xy``."""
        self.image.paste(picture, (round(xy[0] * self.ratio), round(xy[1] * self.ratio)))


@functools.lru_cache(maxsize=128)
def scaled_font(font: ImageFont.FreeTypeFont, ratio: int) -> ImageFont.FreeTypeFont:
    """The same typeface ``ratio`` times larger (fonts come from cached factories such as
    ``korean.pil_font``, so each (font, ratio) pair is made once)."""
    return font if ratio == 1 else font.font_variant(size=font.size * ratio)


def shrink(rgb: np.ndarray, ratio: int) -> np.ndarray:
    """A picture drawn at ``ratio``× pixels brought back to 1× by averaging each
    ratio × ratio block (what a 1× screen shows of it): for the saved snapshots."""
    if ratio == 1:
        return rgb
    return np.asarray(Image.fromarray(np.ascontiguousarray(rgb)).reduce(ratio))


def png_width(data: bytes) -> int:
    """The width in pixels written in PNG bytes (their IHDR chunk)."""
    return int.from_bytes(data[16:20], "big")


def png(rgb) -> bytes:
    """Encode an (H, W, 3) or (H, W) uint8 array (or a PIL image) as PNG, favouring speed."""
    img = rgb if isinstance(rgb, Image.Image) else Image.fromarray(np.ascontiguousarray(rgb))
    buf = io.BytesIO()
    img.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


def png_fast(pixels: np.ndarray, palette: bytes | None = None) -> bytes:
    """PNG bytes written directly with zlib level 1 and no row filters (PIL tries every
    filter on every row).

    ``pixels`` is (H, W, 3) uint8 RGB, or (H, W) uint8 colour numbers into ``palette``
    (256 × RGB bytes): one byte per pixel, so three times less to compress.
    """
    h, w = pixels.shape[:2]
    raw = np.empty((h, pixels[0].size + 1), np.uint8)
    raw[:, 0] = 0                                   # filter type 0 (none) for every row
    raw[:, 1:] = pixels.reshape(h, -1)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    color_type = 2 if palette is None else 3        # 8-bit RGB, or 8-bit palette
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, color_type,
                                                                0, 0, 0))
    if palette is not None:
        out += chunk(b"PLTE", palette)
    return out + chunk(b"IDAT", zlib.compress(raw.tobytes(), 1)) + chunk(b"IEND", b"")


def png_small(rgb: np.ndarray) -> bytes:
    """PNG bytes with a 256-colour palette (a third of the size, looks the same): for pictures
    made once (the snapshot kept in the saved notebook), too slow per event."""
    buf = io.BytesIO()
    Image.fromarray(rgb).quantize(256, method=Image.Quantize.MEDIANCUT).save(buf, format="PNG",
                                                                            optimize=True)
    return buf.getvalue()


__all__ = ["Pen", "png", "png_fast", "png_small", "png_width", "scaled_font", "shrink"]
