"""What the chapter-01 figures draw: pixels, numbers, normalization, flattening, counts."""

from __future__ import annotations

import numpy as np
import pytest

import mnistlab as ml
from mnistlab import draw


@pytest.fixture(scope="module")
def test_set():
    return ml.load_mnist("test")


def test_digit_grid_places_each_digit_under_its_label(test_set):
    images, labels = test_set
    fig = draw.digit_grid(images[:12], labels[:12], rows=2, cols=6)
    ax = fig.axes[0]
    mosaic = ax.images[0].get_array()
    assert [t.get_text() for t in ax.texts] == [f"정답 {d}" for d in labels[:12]]
    for k in range(12):
        r, c = divmod(k, 6)
        y, x = r * (28 + 2 + 9) + 9, c * (28 + 2)
        np.testing.assert_array_equal(mosaic[y:y + 28, x:x + 28], images[k])


def test_pixel_image_is_the_image_itself(test_set):
    image = test_set[0][0]
    im = draw.pixel_image(image).axes[0].images[0]
    np.testing.assert_array_equal(im.get_array(), image)
    assert im.get_clim() == (0, 255)


@pytest.mark.parametrize("normalized", [False, True])
def test_pixel_numbers_write_the_values_of_the_crop(test_set, normalized):
    image = test_set[0][0]
    fig = draw.pixel_numbers(image, normalized=normalized, rows=slice(8, 12), cols=slice(6, 10))
    crop = image[8:12, 6:10]
    texts = {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text()
             for t in fig.axes[0].texts}
    for (r, c), v in np.ndenumerate(crop):
        expect = ("0" if v == 0 else f"{v / 255:.2f}") if normalized else str(int(v))
        assert texts[(8 + r, 6 + c)] == expect


def test_normalization_line_is_x_over_255():
    fig = draw.normalization(example=100)
    line = fig.axes[0].lines[0]
    np.testing.assert_allclose(line.get_ydata(), np.asarray(line.get_xdata()) / 255)
    point = fig.axes[0].collections[0].get_offsets()[0]
    np.testing.assert_allclose(point, [100, 100 / 255])
    assert "0.39" in fig.axes[0].texts[0].get_text()


def test_flatten_strip_is_the_flattened_image_and_the_zoom_its_row(test_set):
    image = test_set[0][0]
    fig = draw.flatten_strip(image, highlight=(5, 14, 20))
    _, strip_ax, zoom_ax = fig.axes
    np.testing.assert_array_equal(strip_ax.images[0].get_array()[0], ml.flatten(image))
    np.testing.assert_array_equal(zoom_ax.images[0].get_array()[0], image[14])
    assert [t.get_text() for t in zoom_ax.texts] == [str(int(v)) for v in image[14]]
    assert "392 … 419" in zoom_ax.get_title()


def test_label_counts_bars_are_the_counts(test_set):
    _, test_labels = test_set
    train_labels = np.repeat(np.arange(10), np.arange(1, 11) * 100)
    fig = draw.label_counts(train_labels, test_labels)
    heights = [p.get_height() for p in fig.axes[0].patches]
    np.testing.assert_array_equal(heights[:10], np.arange(1, 11) * 100)
    np.testing.assert_array_equal(heights[10:20], np.bincount(test_labels, minlength=10))
