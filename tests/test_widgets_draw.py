"""숫자 그리기 widget: a drawing fed as the browser feeds it gives the network's answer."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

import mnistlab as ml
from mnistlab import widgets
from mnistlab.errors import MnistlabError
from mnistlab.widgets.draw import EMPTY, place_digit


@pytest.fixture(scope="module")
def w():
    return widgets.draw_digit()


@pytest.fixture(scope="module")
def test_digits():
    return ml.load_mnist("test")


def test_starts_empty_with_no_prediction(w):
    w.clear()
    assert w.prediction is None and w.outputs is None
    assert EMPTY in w.status.value
    assert w.snapshot()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_drawing_gets_the_networks_answer(w, test_digits):
    images, labels = test_digits
    net = ml.pretrained_network()
    drawing = place_digit(images[0], np.random.default_rng(1))
    w.prepare.value = True
    w.set_drawing(drawing)
    expected = net.forward(ml.normalize(ml.prepare_drawing(drawing)).reshape(-1))
    np.testing.assert_allclose(w.outputs, expected[-1])
    assert w.prediction == int(np.argmax(expected[-1])) == labels[0]
    assert f">{w.prediction}</b>" in w.status.value
    assert len(w.activations) == 4 and w.activations[1].shape == (16,)
    np.testing.assert_array_equal(w.digit, ml.prepare_drawing(drawing))
    assert "로지스틱" in w.evidence.value and w.diagram.value and w.steps.value


def test_the_canvas_holds_what_the_browser_would_send(w):
    drawing = np.zeros((280, 280), np.uint8)
    drawing[50:230, 130:150] = 255
    w.set_drawing(drawing)
    assert w.canvas.ink_shape == [280, 280]
    np.testing.assert_array_equal(w.canvas.drawing(), drawing)
    # the browser's way: the ink traits change, nothing else
    other = np.zeros((280, 280), np.uint8)
    other[60:220, 60:220] = 255
    other[90:190, 90:190] = 0
    w.canvas.ink = other.tobytes()
    np.testing.assert_array_equal(w.digit, ml.prepare_drawing(other))


def test_the_toggle_turns_preparation_off(w, test_digits):
    images, _ = test_digits
    drawing = np.zeros((280, 280), np.uint8)
    drawing[:84, :84] = np.asarray(Image.fromarray(images[3]).resize((84, 84)))
    w.set_drawing(drawing)
    prepared = w.digit.copy()
    w.prepare.value = False
    try:
        assert not np.array_equal(w.digit, prepared)
        assert w.digit[14:, :].sum() < w.digit[:14, :].sum()     # the digit stays in the corner
    finally:
        w.prepare.value = True
    np.testing.assert_array_equal(w.digit, prepared)


def test_the_example_button_draws_a_test_digit(w):
    w.clear()
    w.example.click()
    assert w.prediction is not None and w.canvas.drawing().any()


def test_noise_still_gets_a_confident_answer(w):
    w.set_drawing(np.random.default_rng(0).integers(0, 256, (280, 280)).astype(np.uint8))
    assert w.prediction in range(10)


@pytest.mark.parametrize("bad", [np.zeros((28, 28, 3)), "그림", np.full((5, 5), 999)])
def test_bad_drawings_are_refused_in_korean(w, bad):
    before = w.prediction
    with pytest.raises(MnistlabError):
        w.set_drawing(bad)
    assert w.prediction == before


def test_after_clearing_the_network_picture_names_no_prediction(w, test_digits):
    """'모두 지우기' leaves a blank network picture: no winner ring, no '← 예측: 0'."""
    from mnistlab.widgets.network import DiagramCanvas

    canvas = DiagramCanvas(w.net)
    blank = canvas.paint_index([np.zeros(n) for n in w.net.sizes])
    drawn = canvas.paint_index(w.net.forward(ml.normalize(test_digits[0][0]).reshape(-1)))
    winner = canvas.mark["winner"]                      # the palette entry of the winner ring
    assert np.any(drawn == winner) and not np.any(blank == winner)


def test_the_snapshot_shows_both_answers_the_notebook_compares(w, test_digits):
    """07's static picture has the network's ten outputs and the ten logistic models' bars."""
    import io

    from PIL import Image

    from mnistlab.widgets.per_digit import YES_RGB

    w.set_drawing(place_digit(test_digits[0][0], np.random.default_rng(1)))
    picture = np.asarray(Image.open(io.BytesIO(w.snapshot())).convert("RGB"))
    bottom = picture[-210:]                                   # the two bar charts, side by side
    winner_bar = np.all(bottom == np.array(YES_RGB, np.uint8), axis=-1)
    left, right = winner_bar[:, : picture.shape[1] // 2], winner_bar[:, picture.shape[1] // 2:]
    assert left.sum() > 300 and right.sum() > 300             # one winning bar in each chart
