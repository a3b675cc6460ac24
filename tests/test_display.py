"""ml.set_display: a projector setting with larger widget text and figures, and sharp
(2×) widget pictures for the projector and HiDPI screens."""

from __future__ import annotations

import io

import matplotlib
import pytest
from PIL import Image

import mnistlab as ml
from mnistlab import widgets
from mnistlab.errors import MnistlabError


def picture_size(widget) -> tuple[tuple[int, int], str]:
    """The pixels of a widget check's picture and the width it is shown at."""
    return Image.open(io.BytesIO(widget.picture.value)).size, widget.picture.width


def test_projector_enlarges_widget_text_and_figures(restore_display):
    style = ml.set_display("projector").data
    assert "--jp-widgets-font-size:18px" in style
    assert matplotlib.rcParams["font.size"] > 10 and matplotlib.rcParams["figure.dpi"] > 100
    normal = ml.set_display("normal").data
    assert "--jp-widgets-font-size:13px" in normal
    assert matplotlib.rcParams["font.size"] == 10


def test_an_unknown_setting_lists_the_valid_ones_in_korean(restore_display):
    with pytest.raises(MnistlabError, match="'normal', 'projector'"):
        ml.set_display("big")


def test_projector_pictures_are_sharp_and_normal_ones_are_not(restore_display):
    ml.set_display("normal")
    assert picture_size(widgets.widget_check()) == ((168, 168), "168")
    ml.set_display("projector")
    assert picture_size(widgets.widget_check()) == ((336, 336), "168")
    ml.set_display("normal")
    assert picture_size(widgets.widget_check()) == ((168, 168), "168")


def test_sharp_is_asked_for_or_switched_off_in_either_mode(restore_display):
    style = ml.set_display("normal", sharp=True).data
    assert picture_size(widgets.widget_check()) == ((336, 336), "168")
    assert "--jp-widgets-font-size:13px" in style and "!important" not in style   # text stays normal
    ml.set_display("projector", sharp=False)
    assert picture_size(widgets.widget_check()) == ((168, 168), "168")


def test_a_widget_keeps_the_setting_it_was_made_with(restore_display):
    ml.set_display("normal", sharp=True)
    w = widgets.widget_check()
    ml.set_display("normal")
    w.brightness.value = 0.5
    assert picture_size(w) == ((336, 336), "168")


@pytest.mark.parametrize("sharp", ["yes", 2, 1.0])
def test_a_bad_sharp_value_is_refused_in_korean_and_changes_nothing(restore_display, sharp):
    ml.set_display("projector")
    with pytest.raises(MnistlabError, match="sharp 는 True.*False") as error:
        ml.set_display("normal", sharp=sharp)
    assert repr(sharp) in str(error.value)
    assert picture_size(widgets.widget_check()) == ((336, 336), "168")    # still the projector's


def test_inline_figures_carry_a_korean_alt_in_a_real_kernel():
    """The figure's titles become its text alternative, saved in the output's metadata."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3")
    try:
        def run(code):
            kc.execute(code)
            found = []
            while True:
                msg = kc.get_iopub_msg(timeout=120)
                if msg["msg_type"] == "display_data":
                    found.append(msg["content"]["metadata"])
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    return found

        run("import mnistlab as ml")
        shown = run("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\n"
                    "ax.set_title('픽셀 하나'); ax.set_xlabel('픽셀 값')")
        assert shown == [{"image/png": {**shown[0]["image/png"],
                                        "alt": "그림: 픽셀 하나; 가로축: 픽셀 값"}}]
    finally:
        km.shutdown_kernel(now=True)
