"""ml.set_display: a projector setting with larger widget text and figures."""

from __future__ import annotations

import matplotlib
import pytest

import mnistlab as ml
from mnistlab.errors import MnistlabError


@pytest.fixture
def restore():
    saved = dict(matplotlib.rcParams)
    yield
    matplotlib.rcParams.update(saved)


def test_projector_enlarges_widget_text_and_figures(restore):
    style = ml.set_display("projector").data
    assert "--jp-widgets-font-size:18px" in style
    assert matplotlib.rcParams["font.size"] > 10 and matplotlib.rcParams["figure.dpi"] > 100
    normal = ml.set_display("normal").data
    assert "--jp-widgets-font-size:13px" in normal
    assert matplotlib.rcParams["font.size"] == 10


def test_an_unknown_setting_lists_the_valid_ones_in_korean(restore):
    with pytest.raises(MnistlabError, match="'normal', 'projector'"):
        ml.set_display("big")
