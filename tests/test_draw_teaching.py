"""Figures a teacher checked: Korean labels with the right particle, an S-shaped surface
for two inputs, and number grids readable from the back row."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgb

from mnistlab import draw


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _texts(fig) -> list[str]:
    out = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None:
            out += [t.get_text() for t in legend.get_texts()]
    return out


@pytest.mark.parametrize("digit, label", [(5, "5가 아닌"), (3, "3이 아닌"), (1, "1이 아닌"),
                                          (9, "9가 아닌")])
def test_one_pixel_legend_computes_the_particle(digit, label):
    rng = np.random.default_rng(0)
    fig = draw.one_pixel(rng.uniform(0, 1, 200), rng.integers(0, 2, 200), 0.0, 1.0, digit=digit)
    texts = " ".join(_texts(fig))
    assert label in texts and "(가)" not in texts and "아니오" not in texts


def test_yes_rule_reads_0_5_or_more():
    texts = " ".join(_texts(draw.sigmoid_of_z()))
    assert "0.5 이상" in texts and "아니요" in texts and "아니오" not in texts
    fig = draw.diagram_image(np.zeros((28, 28)), np.zeros((28, 28)), 0.0, digit=5)  # output 0.5
    assert any("≥ 0.5" in t and "5이다" in t for t in _texts(fig))


def test_two_input_surface_is_s_shaped_not_flat():
    rng = np.random.default_rng(0)
    fig = draw.two_pixels(rng.uniform(0, 1, (300, 784)), rng.integers(0, 2, 300).astype(float))
    surface = next(c for ax in fig.axes for c in ax.collections
                   if type(c).__name__ == "Poly3DCollection")
    z = np.asarray(surface.get_array())        # mean height of each facet (colour-mapped)
    assert z.min() < 0.05 and z.max() > 0.95   # from "no" to "yes" across the square
    assert np.mean((z > 0.2) & (z < 0.8)) < 0.5  # a steep middle: an S, not a ramp


def test_number_grid_is_large_and_contrasts_with_each_cell():
    image = np.zeros((28, 28), np.uint8)
    image[10, 10], image[10, 11], image[10, 12] = 255, 60, 180
    fig = draw.pixel_numbers(image, rows=slice(8, 14), cols=slice(8, 14))
    cells = {t.get_text(): t for t in fig.axes[0].texts}
    assert min(t.get_fontsize() for t in fig.axes[0].texts) >= 9
    assert to_rgb(cells["255"].get_color()) == (0, 0, 0)      # dark text on a light cell
    assert to_rgb(cells["60"].get_color()) == (1, 1, 1)       # light text on a dark cell
    assert to_rgb(cells["0"].get_color()) == (1, 1, 1)
