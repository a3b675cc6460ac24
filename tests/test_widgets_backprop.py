"""Chapter 11's widgets: a control moved → the output changes as expected, checked against an
independent computation; bad input → a Korean MnistlabError."""

from __future__ import annotations

import numpy as np
import pytest

import mnistlab as ml
from mnistlab.errors import MnistlabError, MnistlabTypeError, MnistlabValueError
from mnistlab.widgets import graph_stepper, nudge_explorer
from mnistlab.widgets.backprop import GraphStepper, NudgeExplorer

PNG = b"\x89PNG"


def ref_output(net, x):
    a = np.asarray(x, dtype=float)
    for l in range(1, net.L + 1):
        a = 1 / (1 + np.exp(-(net.W[l] @ a + net.b[l])))
    return a


@pytest.fixture(scope="module")
def data():
    images, labels = ml.load_mnist("test")
    return images, labels, ml.pretrained_network()


@pytest.fixture
def explorer():
    return nudge_explorer()


# ------------------------------------------------------------------ 바라는 변화 탐험기

def test_starts_on_the_notebooks_two_and_lists_the_output_wishes_y_minus_a(explorer, data):
    images, labels, net = data
    assert explorer.current == 38 and labels[38] == 2
    assert "정답 <b>2</b>" in explorer.info.value
    wish = np.eye(10)[2] - ref_output(net, ml.flatten(ml.normalize(images[38])))
    for d in range(10):
        assert f"숫자 {d}</td><td style='font-family:monospace'>{round(wish[d], 3) + 0.0:+.3f}" in explorer.bars.value
    assert bytes(explorer.picture.value).startswith(PNG)


def test_choosing_another_image_changes_picture_loss_and_wishes(explorer, data):
    images, labels, net = data
    before = (explorer.picture.value, explorer.info.value)
    explorer.picker.index.value = 1
    assert explorer.current == 1
    assert (explorer.picture.value, explorer.info.value) != before
    x = ml.flatten(ml.normalize(images[1]))
    out = np.clip(ref_output(net, x), 1e-7, 1 - 1e-7)
    y = np.eye(10)[labels[1]]
    loss = -np.sum(y * np.log(out) + (1 - y) * np.log(1 - out))
    assert f"C = <b>{loss:.3f}</b>" in explorer.info.value


def _pixel(explorer, xy):
    x, y = xy
    return tuple(int(v) for v in explorer._paint(1)[round(y), round(x)])


def test_layers_turn_from_gray_to_their_wish_as_the_backward_pass_reaches_them(explorer, data):
    images, _, net = data
    x = ml.flatten(ml.normalize(images[38]))
    # −δ^[1] by central differences of the cost in each layer-1 bias
    def cost(l, j, v):
        b = [None] + [c.copy() for c in net.b[1:]]
        b[l][j] = v
        a = x
        for m in range(1, 4):
            a = 1 / (1 + np.exp(-(net.W[m] @ a + b[m])))
        return -np.sum(np.eye(10)[2] * np.log(a) + (1 - np.eye(10)[2]) * np.log(1 - a))
    wish1 = np.array([-(cost(1, j, net.b[1][j] + 1e-5) - cost(1, j, net.b[1][j] - 1e-5)) / 2e-5
                      for j in range(16)])
    j = int(np.argmax(np.abs(wish1)))                       # the layer-1 neuron with most blame
    centre = (explorer.X[1], explorer._positions(1)[j])
    explorer.reach.value = 3
    assert _pixel(explorer, centre) == (200, 200, 200)        # gray: not reached yet
    explorer.reach.value = 1
    palette = explorer.palette()
    lim = np.abs(wish1).max()
    expected = palette[explorer._signed(wish1[j], lim)]
    assert np.abs(np.array(_pixel(explorer, centre)) - expected).max() <= 1


def test_the_neuron_slider_shows_that_neurons_weight_wishes_minus_delta_times_image(explorer, data):
    images = data[0]
    x = ml.normalize(images[38])
    explorer.neuron.value = 8
    picture = explorer._paint(1)
    n = explorer.nudges
    lim = np.abs(n.dW[1]).max()
    palette = explorer.palette()
    for r, c in [(14, 14), (10, 12), (0, 0)]:
        v = -n.delta[1][7] * x[r, c]                          # equation (3) for one pixel
        shown = picture[200 + 4 * r + 1, 20 + 4 * c + 1]
        np.testing.assert_array_equal(shown, palette[explorer._signed(v, lim)])
    before = explorer.picture.value
    explorer.neuron.value = 1
    assert explorer.picture.value != before


def test_snapshot_and_alt_text(explorer):
    assert explorer.snapshot().startswith(PNG)
    assert "정답 2" in explorer.picture.tooltip and "숫자 3" in explorer.picture.tooltip


def test_nudge_explorer_bad_input_gives_korean_errors(explorer):
    with pytest.raises(MnistlabValueError):
        explorer.show(10_000)
    with pytest.raises(MnistlabTypeError):
        NudgeExplorer(net="신경망")
    with pytest.raises(MnistlabValueError, match="784-n-n-10"):
        NudgeExplorer(net=ml.Network([784, 16, 10]))


# ------------------------------------------------------------------ 계산 그래프 한 단계씩

def _neuron_cost(w, a, b):
    return -np.log(1 / (1 + np.exp(-(w * a + b))))


def test_stepping_forward_then_backward_shows_the_numbers_of_each_node():
    g = graph_stepper()
    assert g.step.value == 0 and "시작" in g.info.value
    pictures = {g.picture.value}
    for k in range(1, 10):
        g.next.click()
        assert g.step.value == k
        pictures.add(g.picture.value)
    assert len(pictures) == 10                                  # every step draws something new
    w, a, b = 0.8, 1.0, -0.5
    assert "순전파" not in g.info.value and "역전파 5" in g.info.value
    dw = (_neuron_cost(w + 1e-6, a, b) - _neuron_cost(w - 1e-6, a, b)) / 2e-6
    assert "∂C/∂w = ∂C/∂p × a = " in g.info.value and f"= {dw:.3f}" in g.info.value
    g.next.click()
    assert g.step.value == 9                                    # stays at the last step
    g.back.click()
    assert g.step.value == 8


def test_forward_steps_show_the_values():
    g = graph_stepper(step=2)
    assert "z = p + b = 0.800 + (-0.50) = 0.300" in g.info.value
    g.step.value = 4
    assert f"= {_neuron_cost(0.8, 1.0, -0.5):.3f}" in g.info.value


def test_moving_w_changes_the_numbers():
    g = graph_stepper(step=7)
    before = (g.info.value, g.picture.value)
    g.w.value = -1.5
    assert (g.info.value, g.picture.value) != before
    s = 1 / (1 + np.exp(-(-1.5 * 1.0 - 0.5)))
    assert f"= {s - 1:.3f}" in g.info.value                  # ∂C/∂z = σ(z) − y


def test_graph_stepper_bad_input_gives_korean_errors():
    g = graph_stepper()
    with pytest.raises(MnistlabError):
        g.set(5.0, 1.0, 0.0)
    with pytest.raises(MnistlabTypeError):
        g.set("하나", 1.0, 0.0)
    with pytest.raises(MnistlabValueError):
        GraphStepper(step=20)
    assert g.snapshot().startswith(PNG)
