"""Chapter 02 widgets: outputs change when their controls change, and only then."""

from __future__ import annotations

import numpy as np
import pytest

import mnistlab.widgets as mw
from mnistlab.data import load_mnist, normalize
from mnistlab.logistic import PerDigitLogistic

PNG = b"\x89PNG"


@pytest.fixture(scope="module")
def train_small():
    X, y = load_mnist("train")
    return X[:6000], y[:6000]


@pytest.fixture
def one(train_small):
    return mw.sigmoid_explorer(*train_small)


@pytest.fixture(scope="module")
def model(train_small):
    X, y = train_small
    models = PerDigitLogistic(epochs=2)
    models.fit(normalize(X), y)
    return models


@pytest.fixture
def ten(model):
    X, y = load_mnist("test")
    return mw.per_digit_explorer(model, X[:300], y[:300])


def outputs(w, names):
    return {n: getattr(w, n).value for n in names}


ONE = ("plot", "where", "loss")
TEN = ("header", "picture", "bars", "winner_map", "chosen_map")


def test_sigmoid_explorer_theta_changes_curve_and_loss_only(one):
    before = outputs(one, ONE)
    one.theta1.value = 4.0
    after = outputs(one, ONE)
    assert after["plot"] != before["plot"] and after["loss"] != before["loss"]
    assert after["where"] == before["where"]                    # the pixel did not move
    one.theta0.value = -2.0
    assert one.plot.value != after["plot"] and one.loss.value != after["loss"]
    assert "0.6931" in before["loss"]                           # θ = 0: log loss = log 2


def test_sigmoid_explorer_pixel_and_digit_change_the_data(one):
    before = outputs(one, ONE)
    thetas = (one.theta0.value, one.theta1.value)
    one.col.value = 20
    moved = outputs(one, ONE)
    assert moved["where"] != before["where"] and moved["plot"] != before["plot"]
    assert (one.theta0.value, one.theta1.value) == thetas
    one.digit.value = 0
    assert one.where.value != moved["where"] and one.plot.value != moved["plot"]
    assert "0인 이미지" in one.loss.value


def test_sigmoid_explorer_buttons_descend(one):
    start = one.current_loss()
    one.step_button.click()
    assert (one.theta0.value, one.theta1.value) != (0.0, 0.0)
    after_step = one.current_loss()
    assert f"{after_step:.4f}" in one.loss.value          # the shown loss follows the step
    plot_after_step = one.plot.value
    one.fit_button.click()
    after_fit = one.current_loss()
    assert f"{after_fit:.4f}" in one.loss.value and one.plot.value != plot_after_step
    assert start > after_step > after_fit
    one.reset_button.click()
    assert (one.theta0.value, one.theta1.value) == (0.0, 0.0)
    assert one.current_loss() == pytest.approx(start)
    assert f"{start:.4f}" in one.loss.value


def test_sigmoid_explorer_step_lands_on_the_slider_grid(one):
    """The browser's slider rounds to its 0.01 step and sends back what it rounded: the
    button puts θ on that grid itself, so the page has nothing to send back or redraw."""
    for _ in range(3):
        one.step_button.click()
        for slider in (one.theta0, one.theta1):
            assert slider.value == round(slider.value, 2) != 0.0
    plot, loss = one.plot.value, one.loss.value
    one.theta0.value += 1e-12                  # what a slider echo of the same θ looks like
    assert (one.plot.value, one.loss.value) == (plot, loss)
    one.theta0.value = round(one.theta0.value + 0.01, 2)          # a real move still redraws
    assert one.plot.value != plot and one.loss.value != loss


def test_on_step_rounds_like_the_slider():
    import ipywidgets as W

    from mnistlab.widgets.base import on_step

    s = W.FloatSlider(0.0, min=-10, max=10, step=0.05)
    assert on_step(s, 1.2371) == 1.25 and on_step(s, -3.3249) == -3.3
    assert on_step(s, 99.0) == 10.0 and on_step(s, -99.0) == -10.0
    s = W.FloatSlider(1.0, min=-2.0, max=3.0, step=0.01)
    assert on_step(s, 0.076) == 0.08 and on_step(s, -1.234) == -1.23
    s = W.FloatSlider(0.0, min=-5.0, max=5.0, step=0.25)        # two decimals, not one
    assert on_step(s, 0.3) == 0.25 and on_step(s, -0.9) == -1.0
    s = W.FloatSlider(0.0, min=0.0, max=20.0, step=2.5)
    assert on_step(s, 3.0) == 2.5 and on_step(s, 6.4) == 7.5


def test_sigmoid_explorer_nothing_changes_without_a_control(one):
    before = outputs(one, ONE)
    one.snapshot()
    one.current_loss()
    assert outputs(one, ONE) == before


def test_sigmoid_explorer_snapshot_and_bad_data(one, train_small):
    assert one.snapshot().startswith(PNG)
    assert "image/png" in one._repr_mimebundle_()
    X, y = train_small
    with pytest.raises(ValueError, match="레이블 수가 다릅니다"):
        mw.sigmoid_explorer(X, y[:10])
    with pytest.raises(ValueError, match="0..9"):
        mw.sigmoid_explorer(X, np.full(len(y), 12))


def test_per_digit_explorer_index_changes_everything_about_the_image(ten):
    before = outputs(ten, TEN)
    ten.index.value = 7
    after = outputs(ten, TEN)
    for name in ("header", "picture", "bars", "winner_map", "chosen_map"):
        assert after[name] != before[name], name
    assert f"#{7}" in after["header"]


def test_per_digit_explorer_chosen_model_changes_only_its_map(ten):
    ten.index.value = 3
    before = outputs(ten, TEN)
    ten.chosen.value = 0 if ten.chosen.value != 0 else 1
    after = outputs(ten, TEN)
    assert after["chosen_map"] != before["chosen_map"]
    for name in ("header", "picture", "bars", "winner_map"):
        assert after[name] == before[name], name


def test_per_digit_explorer_label_and_random(ten):
    ten.label.value = "4"
    assert ten.index.value == 0 and int(ten.labels[ten.current]) == 4
    assert ten.index.max == int(np.sum(ten.labels == 4)) - 1
    before = outputs(ten, TEN)
    picks = set()
    for _ in range(5):
        ten.random.click()
        picks.add(ten.current)
        assert int(ten.labels[ten.current]) == 4
    assert len(picks) > 1 and outputs(ten, TEN) != before


def test_per_digit_explorer_bars_show_the_winner(ten, model):
    ten.index.value = 11
    out = model.predict_proba(ten.images[11])
    win = int(np.argmax(out))
    assert f"{out[win]:.3f}" in ten.bars.value
    assert f"예측(가장 큰 출력): <b style='font-size:1.3em'>{win}</b>" in ten.header.value
    assert ten.snapshot().startswith(PNG)


def test_per_digit_explorer_needs_ten_models(train_small):
    X, y = train_small
    five = PerDigitLogistic(digits=(5,), epochs=1)
    five.fit(normalize(X[:500]), y[:500])
    with pytest.raises(ValueError, match="열 개의 숫자"):
        mw.per_digit_explorer(five, X[:10], y[:10])
