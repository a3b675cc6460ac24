"""신경망 탐험기 and the network diagram: outputs follow edits and return exactly on reset."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import mnistlab as ml
from mnistlab import draw, widgets


@pytest.fixture(scope="module")
def explorer():
    return widgets.network_explorer()


def _state(w):
    return [a.copy() for a in w.activations()], w.picture.value, w.bars.value, w.info.value


def test_starts_at_the_trained_network(explorer):
    net = ml.pretrained_network()
    a = explorer.activations()
    for mine, theirs in zip(a, net.forward(explorer.X[explorer.index.value])):
        np.testing.assert_allclose(mine, theirs, rtol=1e-12, atol=1e-15)
    assert explorer.selected == (1, 1)
    assert explorer.bias.value == round(float(net.b[1][0]), 2)   # on the slider grid


def test_weight_change_moves_later_layers_only_and_reset_is_exact(explorer):
    explorer.reset_weights()
    a0, pic0, bars0, _ = _state(explorer)
    explorer.select(2, 4)
    explorer.scale.value = -1.5
    a1 = explorer.activations()
    np.testing.assert_array_equal(a1[0], a0[0])
    np.testing.assert_array_equal(a1[1], a0[1])                    # earlier layer untouched
    assert a1[2][3] != a0[2][3]                                    # the neuron itself
    np.testing.assert_array_equal(np.delete(a1[2], 3), np.delete(a0[2], 3))
    assert not np.array_equal(a1[3], a0[3])                        # every output after it
    assert explorer.picture.value != pic0 and explorer.bars.value != bars0
    explorer.select(1, 3)
    explorer.bias.value = 6.0
    explorer.select(3, 8)
    explorer.off.value = True
    assert explorer.outputs()[7] == 0.0
    assert len(explorer.edits) == 3
    explorer.reset.click()
    a2, _, bars2, _ = _state(explorer)
    for l in range(4):
        np.testing.assert_array_equal(a2[l], a0[l])                # EXACTLY the trained state
    trained = ml.pretrained_network()
    for l in range(1, 4):
        np.testing.assert_array_equal(explorer.net.W[l], trained.W[l])
        np.testing.assert_array_equal(explorer.net.b[l], trained.b[l])
    assert bars2 == bars0 and explorer.edits == {}
    assert explorer.scale.value == 1.0 and explorer.off.value is False


def test_switching_a_hidden_neuron_off_changes_the_outputs(explorer):
    explorer.reset_weights()
    explorer.index.value = 0
    out0 = explorer.outputs().copy()
    explorer.select(1, 1)
    explorer.off.value = True
    assert explorer.activations()[1][0] == 0.0
    assert not np.array_equal(explorer.outputs(), out0)
    explorer.off.value = False
    np.testing.assert_array_equal(explorer.outputs(), out0)
    assert explorer.edits == {}


def test_edits_are_remembered_per_neuron(explorer):
    explorer.reset_weights()
    explorer.select(2, 2)
    explorer.scale.value = 2.0
    explorer.select(2, 5)
    assert explorer.scale.value == 1.0                             # a fresh neuron
    explorer.select(2, 2)
    assert explorer.scale.value == 2.0                             # the edit is still there
    explorer.reset_weights()


def test_picking_another_digit_updates_prediction_text(explorer):
    explorer.reset_weights()
    explorer.index.value = 0
    info = explorer.info.value
    explorer.index.value = 1
    label = int(explorer.y[1])
    assert explorer.info.value != info and f"정답 <b>{label}</b>" in explorer.info.value
    layer_max = explorer.neuron.max
    explorer.layer.value = 3
    assert explorer.neuron.max == 10 and layer_max == 16
    explorer.layer.value = 1


def test_bad_layer_or_neuron_index_gives_korean_errors(explorer):
    with pytest.raises(ValueError, match="층 번호 l"):
        explorer.select(0, 1)
    with pytest.raises(ValueError, match="층 번호 l"):
        explorer.select(4, 1)
    with pytest.raises(ValueError, match="1 부터 10"):
        explorer.select(3, 11)
    with pytest.raises(ValueError, match="뉴런 번호 i"):
        explorer.select(1, 0)


def test_snapshot_is_a_png(explorer):
    assert explorer.snapshot()[:8] == b"\x89PNG\r\n\x1a\n"
    bundle = explorer._repr_mimebundle_()
    assert "image/png" in bundle


def test_diagram_positions_and_highlight():
    net = ml.pretrained_network()
    layout = draw.network_positions(net.sizes)
    assert len(layout.pos) == 784 + 16 + 16 + 10
    assert layout.pos[(1, 1)][1] > layout.pos[(1, 16)][1]          # i = 1 is the top neuron
    X, _ = ml.load_mnist("test")
    fig = draw.network_diagram(net, ml.normalize(X[0]), highlight=(2, 4))
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert f"예측: {net.predict(ml.normalize(X[0]))}" in texts
    for name in ("입력층", "은닉층", "출력층"):
        assert name in texts
    rings = [p for p in fig.axes[0].patches if getattr(p, "center", None) == layout.pos[(2, 4)]]
    assert len(rings) == 2                                       # the neuron and its ring
    plt.close(fig)
    with pytest.raises(ValueError, match="층 번호 l"):
        draw.network_diagram(net, ml.normalize(X[0]), highlight=(5, 1))


def test_browser_snapping_the_bias_slider_is_not_an_edit(explorer):
    """The slider shows the trained bias rounded to its grid; that is not an edit."""
    explorer.reset_weights()
    explorer.select(1, 1)
    trained_b = float(ml.pretrained_network().b[1][0])
    a0, pic0, bars0, _ = _state(explorer)
    assert explorer.bias.value == round(trained_b, 2)
    explorer.bias.value = round(trained_b, 2) + 7e-16    # what the browser sends back
    assert explorer.edits == {}
    assert explorer.net.b[1][0] == trained_b
    a1, pic1, bars1, _ = _state(explorer)
    for mine, before in zip(a1, a0):
        np.testing.assert_array_equal(mine, before)
    assert (pic1, bars1) == (pic0, bars0)
    explorer.bias.value = round(trained_b, 2) + 0.3      # a real move is still an edit
    assert (1, 1) in explorer.edits and explorer.net.b[1][0] != trained_b
    explorer.reset_weights()


def test_a_switched_off_neuron_outputs_zero_and_later_layers_follow():
    """The explorer's off switch (an edited copy, not a flag in Network.forward) gives what the
    lesson says: a^[l]_i = 0, and the next layer sums as if that output were 0."""
    from mnistlab.widgets.network import forward_switched_off

    net = ml.pretrained_network()
    x = ml.normalize(ml.load_mnist("test")[0][0]).reshape(-1)
    a = forward_switched_off(net, x, {(1, 3), (3, 7)})
    assert a[1][2] == 0.0 and a[3][6] == 0.0
    h1 = ml.sigmoid(net.W[1] @ x + net.b[1])
    h1[2] = 0.0
    np.testing.assert_allclose(a[1], h1)
    np.testing.assert_allclose(a[2], ml.sigmoid(net.W[2] @ h1 + net.b[2]))
    np.testing.assert_array_equal(net.W[2], ml.pretrained_network().W[2])   # net itself untouched
    np.testing.assert_array_equal(forward_switched_off(net, x, set())[3], net.forward(x)[3])
