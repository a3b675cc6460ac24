"""Widgets of chapters 05 and 06: outputs follow the controls (and only the controls)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

import mnistlab as ml
from mnistlab import widgets
from mnistlab.draw.notation import NotationPicture
from mnistlab.draw.sprites import png_palette


def as_array(png_bytes: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png_bytes)).convert("RGB"))


@pytest.fixture(scope="module")
def hidden(net):
    return widgets.hidden_neuron_explorer(net)


@pytest.fixture(scope="module")
def notation_w(net):
    return widgets.notation_explorer(net)


# ------------------------------------------------------------------ 은닉 뉴런 탐색기

def test_hidden_explorer_works_with_no_arguments():
    w = widgets.hidden_neuron_explorer()
    assert w.net.sizes == [784, 16, 16, 10] and len(w.X) == 10_000
    assert w.weights.value and w.grid.value and w.digit.value


def test_hidden_neuron_choice_changes_weights_and_top_images(hidden):
    hidden.layer.value, hidden.neuron.value = 1, 1
    before = (hidden.weights.value, hidden.grid.value, hidden.header.value)
    digit_before = hidden.digit.value
    hidden.neuron.value = 2
    after = (hidden.weights.value, hidden.grid.value, hidden.header.value)
    assert all(b != a for b, a in zip(before, after))
    assert hidden.digit.value == digit_before              # the digit did not change
    hidden.neuron.value = 1
    assert (hidden.weights.value, hidden.grid.value, hidden.header.value) == before


def test_weights_picture_is_the_neurons_weights_on_the_layers_shared_scale(hidden, net):
    from mnistlab.korean import THETA_CMAP, shared_limit

    lim = shared_limit(net.W[1])
    lut = (THETA_CMAP(np.linspace(0, 1, 256))[:, :3] * 255 + 0.5).astype(np.uint8)

    def expected(v):            # the colour of weight v on the layer's one scale
        return lut[int(np.clip(((v + lim) / (2 * lim)) * 255 + 0.5, 0, 255))]

    for i in (3, 7):
        hidden.layer.value, hidden.neuron.value = 1, i
        img = as_array(hidden.weights.value)
        assert img.shape[1] == 28 * 6 and img.shape[0] > 28 * 6   # the map, then its colour bar
        w = net.W[1][i - 1].reshape(28, 28)
        for pick in (np.argmax, np.argmin, lambda a: np.argmin(np.abs(a))):
            r, c = np.unravel_index(pick(w), w.shape)
            assert np.array_equal(img[r * 6 + 3, c * 6 + 3], expected(w[r, c]))
        r, c = np.unravel_index(np.argmax(w), w.shape)          # most positive → blue
        px = img[r * 6 + 3, c * 6 + 3].astype(int)
        assert px[2] > px[0] + 50
        r, c = np.unravel_index(np.argmin(w), w.shape)          # most negative → red
        px = img[r * 6 + 3, c * 6 + 3].astype(int)
        assert px[0] > px[2] + 50
        assert "색 범위 ±" in hidden.weights.tooltip and "양수(+)" in hidden.weights.tooltip


def test_digit_choice_changes_only_the_current_output(hidden, net):
    hidden.layer.value, hidden.neuron.value = 1, 5
    grid, weights = hidden.grid.value, hidden.weights.value
    hidden.index.value = 0
    text0, pic0 = hidden.now.value, hidden.digit.value
    hidden.index.value = 1
    assert hidden.now.value != text0 and hidden.digit.value != pic0
    assert (hidden.grid.value, hidden.weights.value) == (grid, weights)
    x = ml.normalize(ml.load_mnist("test")[0][1])
    assert f"{net.forward(x)[1][4]:.3f}" in hidden.now.value


def test_second_hidden_layer_and_neuron_range(hidden):
    hidden.layer.value = 1
    hidden.neuron.value = 16
    hidden.layer.value = 2
    assert hidden.neuron.max == 16 and "a<sup>[2]</sup><sub>16</sub>" in hidden.header.value
    assert [v for _, v in hidden.layer.options] == [1, 2]     # only hidden layers


def test_hidden_explorer_snapshot_and_names():
    tn = ml.template_network()
    w = widgets.hidden_neuron_explorer(tn.net, names=tn.hidden)
    assert "위쪽 고리" in w.header.value
    top_labels = w.labels[w.top[1][0][0]]                    # upper loop's top images
    assert set(top_labels.tolist()) <= {8, 9, 0, 2, 3, 5, 6}
    assert np.mean(np.isin(top_labels, [8, 9])) > 0.5
    snap = Image.open(io.BytesIO(w.snapshot()))
    assert snap.format == "PNG" and snap.size[0] > 300
    bundle = w._repr_mimebundle_()
    assert "image/png" in bundle


def test_one_hidden_layer_shows_no_one_choice_layer_menu(hidden):
    """05's hand-built 784-6-5 network has one hidden layer: no '층' menu with a single entry."""
    tn = ml.template_network()
    one = widgets.hidden_neuron_explorer(tn.net, names=tn.hidden)
    assert len(one.layer.options) == 1 and one.layer.layout.display == "none"
    assert hidden.layer.layout.display != "none" and len(hidden.layer.options) == 2


def test_hidden_explorer_needs_a_hidden_layer():
    with pytest.raises(ValueError, match="은닉층"):
        widgets.hidden_neuron_explorer(ml.Network([784, 10]))


# ------------------------------------------------------------------ 표기법 탐색기

def test_notation_explorer_with_no_arguments():
    w = widgets.notation_explorer()
    assert w.nt.L == 3 and w.image.value and "$a^{[1]}_{4}" in w.symbol.value


def test_notation_neuron_and_layer_change_the_outputs(notation_w, net):
    w = notation_w
    w.index.value, w.layer.value, w.neuron.value = 0, 1, 4
    img, sym = w.image.value, w.symbol.value
    w.neuron.value = 5
    assert w.image.value != img and w.symbol.value != sym
    x = ml.normalize(ml.load_mnist("test")[0][0])
    assert f"a^{{[1]}}_{{5}} = {net.forward(x)[1][4]:.3f}" in w.symbol.value
    w.layer.value = 3
    assert w.neuron.max == 10 and w.neuron.value == 5 and "출력층" in w.symbol.value
    w.neuron.value = 4
    same = w.image.value
    w.neuron.value = 4                                       # no change → same output
    assert w.image.value == same


def test_notation_layer_zero_and_last_neuron(notation_w):
    w = notation_w
    w.layer.value = 0
    assert w.neuron.max == 784
    w.last.click()
    assert w.neuron.value == 784 and "a^{[0]}_{784}" in w.symbol.value
    w.layer.value = 2
    assert w.neuron.value == 16 and "a^{[2]}_{n^{[2]}}" in w.symbol.value
    w.neuron.value = 1
    assert "n^{[2]}" not in w.symbol.value.split("—")[0]


def test_notation_digit_changes_values_not_symbol(notation_w):
    w = notation_w
    w.layer.value, w.neuron.value = 1, 3
    w.index.value = 0
    img, sym = w.image.value, w.symbol.value
    w.index.value = 7
    assert w.image.value != img and w.symbol.value != sym
    assert sym.split("=")[0] == w.symbol.value.split("=")[0]   # same a^[1]_3


def test_highlight_is_drawn_at_the_neuron(net):
    pic = NotationPicture(net.sizes)
    acts = net.forward(ml.normalize(ml.load_mnist("test")[0][0]))
    plain = pic.render(acts, None, None, ())
    for l, i in [(1, 1), (2, 16), (3, 10), (0, 1), (0, 784)]:
        marked = pic.render(acts, l, i, ())
        x, y = pic.neuron_xy(l, i)
        diff = np.any(marked != plain, axis=2)
        ys, xs = np.nonzero(diff)
        assert abs(xs.mean() - x) < 12 and abs(ys.mean() - y) < 12, (l, i)


def ink(rgb: np.ndarray) -> int:
    return int(np.count_nonzero(np.any(rgb < 250, axis=2)))


def test_notation_picture_labels_and_errors(net):
    x = ml.normalize(ml.load_mnist("test")[0][0])
    a = widgets.notation_picture(net, x, show=("layers",)).rgb
    b = widgets.notation_picture(net, x, show=("layers", "n", "a")).rgb
    assert ink(b) > ink(a) + 500                             # the n^[l] and a^[l] labels
    assert widgets.notation_picture(net, x, 2).rgb.shape[1] < 800     # cropped margins
    framed = widgets.notation_picture(net, x, 2, show=("vector",)).rgb
    assert framed.shape[1] > 800 and ink(framed) > ink(a)
    assert widgets.notation_picture(net, x, 2, "n", show=("symbol",))._repr_png_()[:4] == b"\x89PNG"
    with pytest.raises(ValueError, match="l = 4"):
        widgets.notation_picture(net, x, 4, 1)
    with pytest.raises(ValueError, match="i = 17"):
        widgets.notation_picture(net, x, 1, 17)


def test_png_fast_keeps_the_picture():
    rgb = np.full((40, 60, 3), 255, np.uint8)
    rgb[10:20, 10:20] = (30, 136, 229)
    rgb[25:35, 30:50] = 0
    back = as_array(png_palette(rgb)).astype(int)
    assert np.abs(back - rgb).max() <= 24
