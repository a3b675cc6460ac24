"""Korean renders in figures: the bundled NanumGothic is registered, no missing glyphs."""

from __future__ import annotations

import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

import mnistlab as ml
from mnistlab import korean


def _draw(fig) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    return [str(w.message) for w in caught]


def test_importing_mnistlab_selects_nanumgothic():
    assert matplotlib.rcParams["font.family"][0] == "NanumGothic"
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    registered = {f.fname for f in matplotlib.font_manager.fontManager.ttflist}
    assert {str(p) for p in korean.FONT_FILES} <= registered


def test_korean_title_and_negative_ticks_draw_without_missing_glyph_warning():
    fig, ax = plt.subplots()
    ax.plot([-1, 0, 1], [-2, 0, 2])
    ax.set_title("가중치(세타) 지도: 빨강 = 음수, 초록 = 양수")
    ax.set_xlabel("입력변수 − (빼기 기호도 그려져야 합니다) θ₀ ✓")
    fig.suptitle("굵은 제목", fontweight="bold")
    messages = _draw(fig)
    plt.close(fig)
    assert not [m for m in messages if "missing" in m.lower()], messages


def test_a_hangul_title_puts_ink_on_the_canvas():
    """A missing font would draw empty boxes or nothing: the text must leave real ink."""
    fig = plt.figure(figsize=(3, 1), dpi=100)
    fig.text(0.5, 0.5, "한글", fontsize=30, ha="center", va="center")
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3]
    plt.close(fig)
    assert (pixels < 128).any()


def test_widget_images_use_the_bundled_font():
    from mnistlab.widgets.base import caption

    out = caption(np.full((10, 200, 3), 255, np.uint8), "한글 캡션")
    assert out.shape[1] == 200 and (out < 128).any()
    Image.fromarray(out)  # a valid image


def test_theta_colour_map_is_dark_at_zero_and_the_lesson_red_green_is_a_setting():
    lo, mid, hi = (korean.THETA_CMAP(v)[:3] for v in (0.0, 0.5, 1.0))
    assert lo[0] > 0.9 and lo[0] > lo[2] + 0.2           # reddish for negative
    assert max(mid) < 0.12                               # dark near 0
    assert hi[2] > 0.9 and hi[2] > hi[0] + 0.2           # bluish for positive
    try:
        ml.set_display(colors="lesson")
        lo, mid, hi = (korean.THETA_CMAP(v)[:3] for v in (0.0, 0.5, 1.0))
        assert lo[0] > 0.9 and lo[1] < 0.3               # the lesson's red for negative
        assert max(mid) < 0.05                           # black near 0
        assert hi[1] > 0.8 and hi[0] < 0.3               # the lesson's green for positive
    finally:
        ml.set_display(colors="safe")
    assert korean.symmetric_limit(np.array([-3.0, 2.0])) == 3.0
    assert korean.symmetric_limit(np.zeros(3)) == 1.0
    assert ml.THETA_CMAP is korean.THETA_CMAP


def test_calling_again_restores_korean_after_a_style_reset():
    matplotlib.rcdefaults()
    assert matplotlib.rcParams["font.family"] == ["sans-serif"]
    ml.use_korean_font()
    assert matplotlib.rcParams["font.family"][0] == "NanumGothic"
    assert matplotlib.rcParams["axes.unicode_minus"] is False
