"""PNG 인코딩: every PNG the widgets send goes through one of these three encoders.

- :func:`png` — any RGB (or gray) array, PIL at zlib level 1: the default;
- :func:`png_fast` — an index image plus a 256-colour palette (or plain RGB),
  written directly with zlib level 1 and no row filters: about 3× faster than
  PIL's encoder for the big network diagrams that change on every slider move;
- :func:`png_small` — quantized to 256 colours and optimized: a third of the
  size, too slow per event, for the snapshot kept in a saved notebook.
"""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
from PIL import Image


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


__all__ = ["png", "png_fast", "png_small"]
