"""손실 탐험기: a control moved → the outputs, the loss terms and the picture follow; reset is
exact; bad input is a Korean error."""

from __future__ import annotations

import numpy as np
import pytest

import mnistlab as ml
from mnistlab import loss as L
from mnistlab import widgets
from mnistlab.errors import MnistlabError


@pytest.fixture(scope="module")
def w():
    return widgets.loss_explorer(index=8)


@pytest.fixture(scope="module")
def image8():
    images, labels = ml.load_mnist("test")
    return ml.normalize(images[8]).ravel(), int(labels[8])


def test_starts_at_the_trained_network_on_the_chosen_image(w, net, image8):
    x, label = image8
    w.reset_values()
    np.testing.assert_array_equal(w.outputs(), net.forward(x)[-1])
    assert w.label == label == 5
    assert w.image_loss() == pytest.approx(net.loss(x[None], [label]))
    assert w.address == ("bias", 3, 1)
    assert "정답 <b>5</b>" in w.info.value and "예측 <b>6</b>" in w.info.value


def test_a_bias_nudge_moves_only_its_output_and_the_loss(w, net, image8):
    _, label = image8
    w.reset_values()
    w.choose("bias", 6)
    before = (w.outputs().copy(), w.picture.value, w.info.value, w.image_loss())
    w.delta.value = 4.0
    a = w.outputs()
    assert w.net.b[3][5] == pytest.approx(net.b[3][5] + 4.0)
    assert a[5] > before[0][5]
    np.testing.assert_array_equal(np.delete(a, 5), np.delete(before[0], 5))
    assert w.image_loss() < before[3]                     # the right answer got more confident
    assert w.picture.value != before[1] and w.info.value != before[2]
    assert int(np.argmax(a)) == label                     # enough to flip the answer to 5
    assert "예측 <b>5</b>" in w.info.value


def test_a_weight_nudge_changes_z_by_delta_times_the_incoming_activation(w, net, image8):
    x, _ = image8
    w.reset_values()
    w.choose("weight", 7, 3)
    w.delta.value = -2.5
    a, z = net.forward(x, return_z=True)
    expected_z7 = z[3][6] - 2.5 * a[2][2]                 # z_j = Σ_k w_jk a_k + b_j
    assert w.net.W[3][6, 2] == pytest.approx(net.W[3][6, 2] - 2.5)
    assert w.outputs()[6] == pytest.approx(1 / (1 + np.exp(-expected_z7)))
    assert w.address == ("weight", 3, 7, 3)
    assert not w.source.disabled


def test_choosing_another_value_moves_delta_there_and_restores_the_first(w, net):
    w.reset_values()
    w.choose("bias", 2)
    w.delta.value = 4.0
    w.choose("bias", 9)
    assert w.net.b[3][1] == net.b[3][1]
    assert w.net.b[3][8] == pytest.approx(net.b[3][8] + 4.0)
    assert w.source.disabled


def test_the_loss_toggle_switches_the_terms(w, net, image8):
    x, label = image8
    w.reset_values()
    w.loss.value = "squared_error"
    np.testing.assert_allclose(w.terms(), L.output_terms(net.forward(x)[-1], label, "squared_error"))
    assert "평균 제곱 오차" in w.info.value
    w.loss.value = "cross_entropy"
    assert "교차 엔트로피 오차" in w.info.value


def test_reset_is_exact(w, net):
    w.choose("weight", 1, 16)
    w.delta.value = 7.3
    picture = w.picture.value
    w.reset.click()
    assert w.delta.value == 0.0 and w.picture.value != picture
    for l in (1, 2, 3):
        np.testing.assert_array_equal(w.net.W[l], net.W[l])
        np.testing.assert_array_equal(w.net.b[l], net.b[l])


def test_picking_another_image_changes_the_label_and_outputs(w, net):
    images, labels = ml.load_mnist("test")
    w.reset_values()
    w.set_image(0)
    assert w.label == int(labels[0])
    np.testing.assert_array_equal(w.outputs(), net.forward(ml.normalize(images[0]))[-1])
    w.picker.label.value = "3"                           # the first 3 of the test set
    assert w.label == 3


def test_the_picture_has_a_korean_text_alternative_and_a_snapshot(w):
    w.reset_values()
    assert w.picture.tooltip.startswith("시험 이미지 #") and "합" in w.picture.tooltip
    # ipywidgets' browser side reads the description's length to place a tooltip: an Image
    # with a tooltip and no synced description fails to show at all
    assert "description" in w.picture.keys and w.picture.description == ""
    assert w.snapshot()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("call, words", [
    (lambda w: w.choose("bias", 11), "뉴런 번호 i"),
    (lambda w: w.choose("weight", 1, 17), "앞 층의 뉴런 번호 k"),
    (lambda w: w.choose("gain", 1), "바꿀 값"),
    (lambda w: w.set_image(10_000), "시험 이미지 번호"),
])
def test_bad_input_is_a_korean_error(w, call, words):
    with pytest.raises(MnistlabError, match=words):
        call(w)


def test_a_bad_index_when_made_is_a_korean_error():
    with pytest.raises(MnistlabError, match="시험 이미지 번호"):
        widgets.loss_explorer(index=-1)


def test_a_drawing_on_07s_canvas_is_prepared_like_mnist_and_judged_by_its_label(w, net):
    images, _labels = ml.load_mnist("test")
    ink = np.kron(images[0], np.ones((10, 10), np.uint8))          # a 7, drawn 280×280
    w.reset_values()
    w.set_drawing(ink, 7)
    expected = net.forward(ml.normalize(ml.prepare_drawing(ink)))[-1]
    np.testing.assert_allclose(w.outputs(), expected)
    assert w.label == 7 and w.mode.value == "draw"
    assert w.draw_box.layout.display is None and w.picker.box.layout.display == "none"
    assert "직접 그린 숫자" in w.info.value and "예측 <b>7</b>" in w.info.value
    low = w.image_loss()
    w.drawn_label.value = 1                                         # the same drawing, called a 1
    assert w.image_loss() > low + 1
    w.mode.value = "test"
    assert w.picker.box.layout.display is None and w.draw_box.layout.display == "none"
    assert "시험 이미지 #" in w.info.value
    with pytest.raises(MnistlabError):
        w.set_drawing("not a drawing", 3)
