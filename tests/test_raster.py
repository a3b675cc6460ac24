"""The PNG encoders, read back through PIL: the same pixels for RGB, palette pictures and odd
widths (png_fast writes the file itself, so a wrong row length or chunk would show here)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from mnistlab.raster import png, png_fast, png_small, png_width


def _read(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()                          # decodes every row and checks the CRCs
    return image


@pytest.mark.parametrize("shape", [(1, 1), (3, 7), (17, 33), (28, 29)])
def test_png_fast_rgb_round_trip(shape):
    rgb = np.random.default_rng(sum(shape)).integers(0, 256, (*shape, 3), dtype=np.uint8)
    data = png_fast(rgb)
    image = _read(data)
    assert image.mode == "RGB" and image.size == (shape[1], shape[0])
    np.testing.assert_array_equal(np.asarray(image), rgb)
    assert png_width(data) == shape[1]


@pytest.mark.parametrize("width", [1, 5, 13, 255])
def test_png_fast_palette_round_trip(width):
    rng = np.random.default_rng(width)
    palette = rng.integers(0, 256, 256 * 3, dtype=np.uint8)
    index = rng.integers(0, 256, (9, width), dtype=np.uint8)
    image = _read(png_fast(index, palette.tobytes()))
    assert image.mode == "P" and image.size == (width, 9)
    np.testing.assert_array_equal(np.asarray(image), index)
    np.testing.assert_array_equal(np.asarray(image.convert("RGB")), palette.reshape(256, 3)[index])


def test_png_and_png_small_keep_the_picture():
    rgb = np.zeros((11, 15, 3), np.uint8)
    rgb[2:5, 3:9] = (30, 136, 229)
    rgb[7:, 10:] = (255, 255, 255)
    np.testing.assert_array_equal(np.asarray(_read(png(rgb)).convert("RGB")), rgb)
    gray = rgb[..., 0]
    np.testing.assert_array_equal(np.asarray(_read(png(gray))), gray)
    small = _read(png_small(rgb))                 # ≤ 256 colours: exact for this picture
    assert small.mode == "P"
    np.testing.assert_array_equal(np.asarray(small.convert("RGB")), rgb)
