"""손글씨 준비 (prepare_drawing): hand-made drawings come out as MNIST-style digits."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

import mnistlab as ml
from mnistlab.drawing import preparation_steps, shrink_drawing
from mnistlab.errors import MnistlabError, MnistlabTypeError, MnistlabValueError


def one(left=60, top=40, height=200, width=12, size=280) -> np.ndarray:
    """A hand-made "1": a vertical stroke on a size×size canvas."""
    img = Image.new("L", (size, size), 0)
    ImageDraw.Draw(img).line([(left, top), (left, top + height)], fill=255, width=width)
    return np.asarray(img)


def zero(cx=140, cy=140, r=80, width=16, size=280) -> np.ndarray:
    """A hand-made "0": a ring."""
    img = Image.new("L", (size, size), 0)
    ImageDraw.Draw(img).ellipse([cx - r * 0.7, cy - r, cx + r * 0.7, cy + r], outline=255,
                                width=width)
    return np.asarray(img)


def centre_of_mass(a: np.ndarray) -> tuple[float, float]:
    a = a.astype(float)
    rows, cols = np.indices(a.shape) + 0.5
    return float((rows * a).sum() / a.sum()), float((cols * a).sum() / a.sum())


def ink_box(a: np.ndarray) -> tuple[int, int]:
    rows, cols = np.flatnonzero(a.any(axis=1)), np.flatnonzero(a.any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


@pytest.mark.parametrize("drawing", [zero(), zero(cx=60, cy=200, r=40), one(), one(left=250, top=5),
                                     one(width=3), one(width=40)],
                         ids=["zero", "small zero in a corner", "one", "one at the edge",
                              "thin one", "thick one"])
def test_prepared_digit_is_28x28_uint8_centred_and_20_high(drawing):
    out = ml.prepare_drawing(drawing)
    assert out.shape == (28, 28) and out.dtype == np.uint8
    r, c = centre_of_mass(out)
    assert abs(r - 14) <= 1 and abs(c - 14) <= 1
    h, w = ink_box(out)
    assert max(h, w) in (20, 21)          # the longest side fills the 20×20 box (± anti-aliasing)


def test_shift_and_scale_do_not_matter():
    a = ml.prepare_drawing(zero())
    b = ml.prepare_drawing(zero(cx=80, cy=90, r=40, width=8))      # half as big, elsewhere
    assert np.abs(a.astype(int) - b).mean() < 12
    assert np.corrcoef(a.ravel(), b.ravel())[0, 1] > 0.9


def test_aspect_ratio_is_kept():
    h, w = ink_box(ml.prepare_drawing(one(width=12)))
    assert h == 20 and w <= 3               # a "1" stays thin, it is not stretched into a block


def test_steps_show_the_crop_and_the_fit():
    s = preparation_steps(zero(cx=100, cy=120, r=50, width=10))
    assert 95 <= s.cropped.shape[0] <= 112 and s.cropped.shape[1] < s.cropped.shape[0]
    assert max(s.fitted.shape) == 20 and not s.empty
    assert s.drawn.shape == (280, 280)


def test_the_network_reads_prepared_drawings_better_than_shrunk_ones():
    images, labels = ml.load_mnist("test")
    net = ml.pretrained_network()
    rng = np.random.default_rng(0)
    from mnistlab.widgets.draw import place_digit

    drawings = [place_digit(images[i], rng) for i in range(200)]
    prepared = ml.normalize(np.stack([ml.prepare_drawing(d) for d in drawings]))
    shrunk = ml.normalize(np.stack([shrink_drawing(d) for d in drawings]))
    assert net.score(prepared, labels[:200]) > 0.8
    assert net.score(shrunk, labels[:200]) < 0.5


def test_blank_dot_full_and_huge_ink_give_a_defined_result():
    blank = np.zeros((280, 280), np.uint8)
    assert preparation_steps(blank).empty
    assert not ml.prepare_drawing(blank).any()
    dot = blank.copy()
    dot[100, 200] = 255
    assert ml.prepare_drawing(dot).max() > 0
    full = np.full((280, 280), 255, np.uint8)
    out = ml.prepare_drawing(full)
    assert ink_box(out) == (20, 20) and out[4:24, 4:24].min() > 200
    huge = np.asarray(Image.new("L", (3000, 50), 255))
    assert ink_box(ml.prepare_drawing(huge))[1] == 20


@pytest.mark.parametrize("bad, kind", [
    (np.zeros((28, 28, 3)), MnistlabValueError),
    (np.zeros(784), MnistlabValueError),
    (np.zeros((0, 10)), MnistlabValueError),
    (np.full((10, 10), 300), MnistlabValueError),
    (np.full((10, 10), -1.0), MnistlabValueError),
    (np.full((10, 10), np.nan), MnistlabValueError),
    (np.full((10, 10), 0.5), MnistlabValueError),       # 0..1 image: asks for 0..255
    (np.zeros((10, 10), bool), MnistlabTypeError),
    ("그림", MnistlabTypeError),
], ids=["colour", "flat", "empty", "over 255", "negative", "nan", "0..1", "bool", "string"])
def test_bad_drawings_give_korean_errors(bad, kind):
    with pytest.raises(kind) as e:
        ml.prepare_drawing(bad)
    assert isinstance(e.value, MnistlabError)
    assert any("\uac00" <= ch <= "\ud7a3" for ch in str(e.value))
