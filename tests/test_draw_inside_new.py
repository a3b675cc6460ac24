"""Chapter 05/06 additions: z-labelled top images, noise the network answers, readable labels."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import mnistlab as ml
from mnistlab import draw, inside
from mnistlab.draw.common import ink_on
from mnistlab.draw.notation import NotationPicture, output_label, vector_symbol_size


@pytest.fixture(scope="module")
def X_test():
    images, _ = ml.load_mnist("test")
    return ml.normalize(images[:2000])


def test_top_images_by_z_tell_apart_what_the_outputs_cannot(net, X_test):
    idx_a, a = inside.top_images(net, X_test, l=1, k=8)
    idx_z, z = inside.top_images(net, X_test, l=1, k=8, value="z")
    assert np.array_equal(idx_a, idx_z)                      # the same images, the same order
    assert np.allclose(a, ml.sigmoid(z), atol=1e-5)          # a = σ(z)
    assert np.all(np.diff(z, axis=1) <= 0)                   # strongest first
    saturated = np.all(np.round(a, 2) == 1.0, axis=1)
    assert saturated.sum() >= 4                              # many neurons read "1.00" eight times …
    for row in z[saturated]:
        assert len(np.unique(np.round(row, 1))) >= 4        # … their z still differ


def test_top_images_rejects_an_unknown_value(net, X_test):
    from mnistlab.errors import MnistlabError

    with pytest.raises(MnistlabError, match="가중합"):
        inside.top_images(net, X_test, value="output")


def test_noise_is_seeded_uniform_and_answered_confidently(net):
    X = inside.noise_images(500, seed=3)
    assert X.shape == (500, 784) and X.min() >= 0 and X.max() < 1
    assert np.array_equal(X, inside.noise_images(500, seed=3))
    imgs, out, share = inside.confident_on_noise(net, n=500, k=4, seed=3)
    assert imgs.shape == (4, 784) and out.shape == (4, 10)
    assert np.all(np.diff(out.max(axis=1)) <= 0)
    assert out.max() > 0.9                                   # a confident answer to pure noise
    best = net.forward(X)[-1].max(axis=1)
    assert share == pytest.approx(np.mean(best >= 0.5))
    from mnistlab.errors import MnistlabError

    with pytest.raises(MnistlabError):
        inside.noise_images(0)


def test_noise_figure_names_each_answer(net):
    imgs, out, share = inside.confident_on_noise(net, n=200, k=3)
    fig = draw.noise_answers(imgs, out, share)
    titles = [ax.get_title() for ax in fig.axes[:3]]
    assert titles == [f"답: {int(np.argmax(o))}\n(출력 {o.max():.2f})" for o in out]
    assert f"{share * 100:.0f}%" in fig._suptitle.get_text()
    plt.close(fig)


def test_hidden_neuron_captions_show_z_when_asked(net, X_test):
    fig = draw.hidden_neurons(net, X_test, l=1, neurons=[10], k=3, value="z")
    texts = [t.get_text() for t in fig.axes[0].texts]
    _, z = inside.top_images(net, X_test, l=1, k=3, value="z")
    assert [f"z = {v:.1f}" for v in z[9]] == [t for t in texts if t.startswith("z = ")]
    assert "가중합 z" in fig._suptitle.get_text()
    plt.close(fig)


@pytest.mark.parametrize("gray, colour", [(0.0, "white"), (0.3, "white"), (0.45, "white"),
                                          (0.5, "black"), (0.55, "black"), (1.0, "black")])
def test_ink_on_picks_the_readable_text_colour(gray, colour):
    assert ink_on(gray) == colour


def test_table_numbers_are_dark_on_light_cells():
    tn = ml.template_network()
    images, labels = ml.load_mnist("test")
    fig = draw.pattern_response(tn, ml.normalize(images[:1000]), labels[:1000])
    for ax in fig.axes:
        m = ax.images[0].get_array()
        for t in ax.texts:
            x, y = t.get_position()
            assert t.get_color() == ink_on(m[round(y), round(x)])
    plt.close(fig)


def test_output_neuron_i_is_named_digit_i_minus_1():
    assert output_label(1) == "숫자 0"
    assert output_label(10, 3) == "a^[3]_10 (숫자 9)"


def test_vector_symbols_fit_their_rows():
    for h in (20, 26, 28, 30):
        size = vector_symbol_size(h)
        assert size * 1.3 <= h + 2          # superscript top to subscript bottom ≈ 1.3 × size


def test_output_labels_sit_right_of_the_output_layer(net):
    x = ml.normalize(ml.load_mnist("test")[0][0])
    pic = NotationPicture(net.sizes)
    plain = pic.render(net.forward(x), show=("layers",))
    col = int(pic.col_x[pic.L] + pic.radius[pic.L] + 10)
    right = plain[:, col:col + 120]
    assert np.any(right < 128)              # labels drawn there
    with_vector = pic.render(net.forward(x), 2, show=("vector",))
    gap = with_vector[:, col + 50:pic.width - pic.VECTOR_W]
    assert np.all(gap > 200)                # the short labels leave the vector panel free


def test_explorer_captions_top_images_with_z_when_asked(net):
    from mnistlab import widgets

    images, labels = ml.load_mnist("test")
    X = ml.normalize(images[:600])
    w = widgets.hidden_neuron_explorer(net, X, labels[:600], value="z")
    assert w.X is X or np.shares_memory(w.X, X)            # float32 images are not copied
    idx, z = inside.top_images(net, X, l=1, k=12, value="z")
    assert np.allclose(w.top[1][1], z) and np.array_equal(w.top[1][0], idx)
    assert "가중합 z" in w.children[2].children[1].children[0].value
    with pytest.raises(ValueError):
        widgets.hidden_neuron_explorer(net, X, labels[:600], value="q")


def test_weighted_sums_in_chunks_equal_one_forward_pass(net, X_test):
    _, z = net.forward(X_test[:2500], return_z=True)
    for l in (1, 2, 3):
        assert np.allclose(inside.weighted_sums(net, X_test[:2500], l, chunk=1000), z[l])
    assert np.allclose(inside.layer_activations(net, X_test[:2500], 2),
                       net.forward(X_test[:2500])[2])


def test_forward_in_chunks_equals_one_forward_pass(net, X_test):
    a, z = net.forward(X_test[:2100], return_z=True)
    ca, cz = inside.forward_in_chunks(net, X_test[:2100], chunk=1000)
    assert ca[0] is X_test[:2100] or np.shares_memory(ca[0], X_test)
    for l in (1, 2, 3):
        assert np.allclose(ca[l], a[l]) and np.allclose(cz[l], z[l])


def test_load_mnist_without_cache_returns_the_same_data_and_keeps_nothing():
    from mnistlab import data

    cached = dict(data._cache)
    data._cache.clear()
    try:
        images, labels = ml.load_mnist("test", cache=False)
        assert not data._cache
        again, again_labels = ml.load_mnist("test")
        assert np.array_equal(images, again) and np.array_equal(labels, again_labels)
        assert again is not images and len(data._cache) == 1
    finally:
        data._cache.clear()
        data._cache.update(cached)
