"""Weight colours a colour-blind learner can read (issue 22): the ΔE table of the map in use,
the lesson's red/green as a setting, one home for the figures' map and the widgets' table."""

import numpy as np
import pytest

import mnistlab as ml
from mnistlab import a11y, korean
from mnistlab.errors import MnistlabValueError
from mnistlab.widgets.base import _lut, colormap


@pytest.fixture
def lesson_colors():
    ml.set_display(colors="lesson")
    yield
    ml.set_display(colors="safe")


def test_simulation_reproduces_the_measured_lesson_figures():
    # the numbers for #ff3030 – black – #30e030: ΔE 150 normal, 15 / 10 for deutan
    t = a11y.theta_delta_e(korean.LinearSegmentedColormap.from_list("l", korean.LESSON_COLORS))
    assert t["normal"][0] == pytest.approx(150.3, abs=0.5)
    assert t["deutan"] == pytest.approx((15.3, 10.2), abs=0.5)


def test_default_weight_map_stays_apart_for_every_deficiency():
    table = a11y.theta_delta_e(korean.THETA_CMAP)
    for vision in a11y.DEFICIENCIES:
        full, half = table[vision]
        assert full >= 40, (vision, table)
        assert half >= 25, (vision, table)
    # a dark zero, like the lesson's black
    assert a11y.luminance(np.asarray(korean.THETA_CMAP(0.5))[:3]) < 0.02


def test_widget_colour_table_is_the_figures_map(lesson_colors):
    for scheme in ("lesson", "safe"):
        ml.set_display(colors=scheme)
        lut = _lut(korean.THETA_CMAP.name)
        ref = (korean.THETA_CMAP(np.linspace(0, 1, 256))[:, :3] * 255 + 0.5).astype(np.uint8)
        assert np.array_equal(lut, ref)
        # what a widget's weight picture actually shows at −max and +max
        px = colormap(np.array([[-1.0, 1.0]]), korean.THETA_CMAP.name, -1, 1, k=1)[0]
        assert np.array_equal(px[0], ref[0]) and np.array_equal(px[1], ref[-1])
    table = a11y.theta_delta_e(lambda t: lut[round(t * 255)] / 255)
    assert min(table[v][0] for v in a11y.DEFICIENCIES) >= 40


def test_lesson_setting_is_the_lessons_red_green(lesson_colors):
    assert korean.current_colors() == "lesson"
    table = a11y.theta_delta_e(korean.THETA_CMAP)
    assert table["deutan"][0] < 20            # why it is not the default
    assert korean.sign_legend(short=True) == "빨강 −, 검정 0, 초록 +"


def test_colours_only_keeps_the_screen_setting(restore_display):
    ml.set_display("projector")
    ml.set_display(colors="safe")
    from mnistlab import display

    assert display._current_name == "projector" and display.pixel_ratio() == 2


def test_unknown_colour_setting_is_a_korean_error():
    with pytest.raises(MnistlabValueError, match="색 설정"):
        ml.set_display(colors="rainbow")
    assert korean.current_colors() == "safe"


def test_sign_line_colours_read_on_white_and_stay_apart():
    for name in ("safe", "lesson"):
        s = korean.COLOR_SCHEMES[name]
        assert a11y.contrast(s.negative_line, "white") >= 4.5
        assert a11y.contrast(s.positive_line, "white") >= 4.5
    s = korean.COLOR_SCHEMES["safe"]
    for vision in a11y.DEFICIENCIES:
        assert a11y.delta_e(s.negative_line, s.positive_line, vision) >= 25, vision
