"""선명한 그림: with ml.set_display(..., sharp=True) every widget picture has twice the pixels
in each direction and is shown at the size of the 1× picture (crisp on HiDPI screens)."""

from __future__ import annotations

import inspect
import io

import ipywidgets as W
import numpy as np
import pytest
from PIL import Image

import mnistlab as ml
from mnistlab import widgets
from mnistlab.widgets.draw import place_digit
from mnistlab.widgets.layout import walk

# every widget factory that works with no arguments (as in test_widgets_layout.py)
FACTORIES = sorted(name for name in widgets.__all__
                   if name[:1].islower() and inspect.isfunction(getattr(widgets, name))
                   and all(p.default is not p.empty
                           for p in inspect.signature(getattr(widgets, name)).parameters.values()))


def pictures(widget) -> list[tuple[tuple[int, int], int]]:
    """(pixels (width, height), shown width) of every picture of a widget, in order."""
    out = []
    for part in walk(widget):
        if isinstance(part, W.Image):
            out.append((Image.open(io.BytesIO(part.value)).size, int(part.width)))
    return out


def made(factory, sharp: bool, change=None):
    ml.set_display("normal", sharp=sharp)
    widget = factory()
    if change is not None:
        change(widget)
    return widget


def assert_twice(one: list, two: list) -> None:
    assert one and len(one) == len(two)
    for ((w1, h1), shown1), ((w2, h2), shown2) in zip(one, two):
        assert (w2, h2) == (2 * w1, 2 * h1)
        assert shown1 == shown2 == w1


@pytest.mark.parametrize("name", FACTORIES)
def test_every_picture_has_twice_the_pixels_at_the_same_shown_size(name, restore_display):
    factory = getattr(widgets, name)
    one, two = made(factory, False), made(factory, True)
    assert_twice(pictures(one), pictures(two))
    # the snapshot kept in a saved notebook stays 1×
    size = Image.open(io.BytesIO(one.snapshot())).size
    assert Image.open(io.BytesIO(two.snapshot())).size == size


def _draw(w):
    w.set_drawing(place_digit(ml.load_mnist("test")[0][3], np.random.default_rng(0)))


CHANGES = {        # a control moved after the widget was made: the pictures stay sharp
    "network_explorer": lambda w: (w.select(2, 4), setattr(w.bias, "value", 3.0)),
    "notation_explorer": lambda w: (setattr(w.layer, "value", 0), setattr(w.neuron, "value", 400)),
    "sigmoid_explorer": lambda w: (setattr(w.col, "value", 15), w.step_button.click()),
    "neuron_playground": lambda w: setattr(w.activation, "value", "relu"),
    "hidden_neuron_explorer": lambda w: (setattr(w.layer, "value", 2), setattr(w.index, "value", 5)),
    "digit_browser": lambda w: setattr(w.label, "value", "3"),
    "training_explorer": lambda w: (setattr(w.hidden, "value", 64), w.run_steps(3)),
    "draw_digit": _draw,                         # four preparation steps instead of one
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_pictures_stay_sharp_after_a_change(name, restore_display):
    factory, change = getattr(widgets, name), CHANGES[name]
    assert_twice(pictures(made(factory, False, change)), pictures(made(factory, True, change)))
