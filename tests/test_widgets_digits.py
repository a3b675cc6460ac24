"""The digit browser: its outputs follow its controls, and it shows where widgets can't run."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from PIL import Image

import mnistlab as ml
from mnistlab.widgets import digit_browser


@pytest.fixture(scope="module")
def browser():
    return digit_browser()


def _outputs(w):
    return (w.header.value, w.picture.value, (w.grid.values, tuple(w.grid.texts.split())), w.strip.value)


def test_defaults_show_the_first_training_digit(browser):
    browser.label.value = "전체"
    browser.index.value = 0
    assert "정답(목표변수): <b style='font-size:1.3em'>5</b>" in browser.header.value
    img = Image.open(io.BytesIO(browser.picture.value))
    assert img.size == (224, 224)
    strip = Image.open(io.BytesIO(browser.strip.value))
    assert strip.size[0] == 784
    images, _ = ml.load_mnist("train")
    assert browser.grid.values == images[0].tobytes()            # the grid shades digit #0
    texts = browser.grid.texts.split(" ")
    assert texts[:28] == ["0"] * 28 and len(texts) == 784 and texts[152:156] == ["3", "18", "18", "18"]


def test_moving_the_index_changes_every_output(browser):
    browser.index.value = 0
    before = _outputs(browser)
    browser.index.value = 1
    after = _outputs(browser)
    assert all(a != b for a, b in zip(before, after))
    assert "정답(목표변수): <b style='font-size:1.3em'>0</b>" in browser.header.value


def test_choosing_a_label_browses_only_that_digit(browser):
    _, labels = ml.load_mnist("train")
    browser.label.value = "7"
    assert browser.index.value == 0
    assert browser.index.max == int(np.count_nonzero(labels == 7)) - 1
    for k in (0, 5, 100):
        browser.index.value = k
        assert int(labels[browser.current]) == 7
        assert "<b style='font-size:1.3em'>7</b>" in browser.header.value
    browser.label.value = "전체"
    assert browser.index.max == 59999


def test_normalized_view_changes_only_the_number_grid(browser):
    browser.index.value = 0
    before = _outputs(browser)
    browser.normalized.value = True
    after = _outputs(browser)
    assert after[2] != before[2]
    raw, scaled = before[2][1], after[2][1]
    assert "255" in raw and "126" in raw                        # raw bytes of digit #0
    assert "1" in scaled and ".49" in scaled and "0" in scaled  # 255/255, 126/255 and 0
    assert max(map(len, scaled)) <= 3                            # every number fits its cell
    assert "255" not in scaled and after[2][0] == before[2][0]  # same shades, other numbers
    assert (after[0], after[1], after[3]) == (before[0], before[1], before[3])
    browser.normalized.value = False


def test_random_button_moves_to_another_image(browser):
    browser.index.value = 0
    browser.random.click()
    assert browser.index.value != 0


def test_setting_the_same_value_changes_nothing(browser):
    browser.index.value = 3
    before = _outputs(browser)
    browser.index.value = 3
    assert _outputs(browser) == before


def test_display_bundle_carries_a_png_snapshot_and_korean_text(browser):
    bundle = browser._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    png = Image.open(io.BytesIO(base64.b64decode(bundle["image/png"])))
    assert png.size[0] > 500 and png.size[1] > 300
    assert "숫자 브라우저" in bundle["text/plain"]


def test_browser_accepts_test_data_and_rejects_bad_shapes():
    images, labels = ml.load_mnist("test")
    w = digit_browser(images[:50], labels[:50])
    assert w.index.max == 49
    with pytest.raises(ValueError, match="모양"):
        digit_browser(images[:5].reshape(5, 784), labels[:5])
    with pytest.raises(ValueError, match="레이블 수"):
        digit_browser(images[:5], labels[:4])


def test_label_menu_offers_only_digits_present_in_the_data():
    images, labels = ml.load_mnist("train")
    w = digit_browser(images[:5], labels[:5])              # labels 5 0 4 1 9
    assert list(w.label.options) == ["전체", "0", "1", "4", "5", "9"]
    w.label.value = "4"
    assert w.index.max == 0 and int(labels[w.current]) == 4


def test_normalized_images_are_refused_with_a_korean_message():
    images, labels = ml.load_mnist("test")
    with pytest.raises(ValueError, match="0..255 정수"):
        digit_browser(ml.normalize(images[:10]), labels[:10])
