"""A widget picture with a Korean text alternative still renders in JupyterLab.

ipywidgets 8 cannot draw an Image that has a tooltip but no description ("Could not create a
view", jupyter-widgets/ipywidgets#3860); ``Explorer.show_png(alt=…)`` gives the Image an empty
description first. This notebook shows such a picture, moves the slider that redraws it, and
the generic checks of test_browser say whether the view rendered and answered.
"""

from __future__ import annotations

import nbformat
from test_browser import run_in_browser

CELL = '''\
import ipywidgets as W
import numpy as np
from mnistlab.raster import png
from mnistlab.widgets.base import Explorer

class Shade(Explorer):
    title = "밝기 시험"
    def __init__(self):
        self.level = W.IntSlider(0, 0, 255, description="밝기")
        self.picture = W.Image(format="png")
        super().__init__([self.level, self.picture])
        self.level.observe(self._on_level, "value")
        self._on_level()
    def _on_level(self, _=None):
        a = np.full((20, 40, 3), self.level.value, np.uint8)
        self.show_png(self.picture, png(a), alt=f"밝기 {self.level.value}인 회색 사각형")
    def snapshot(self):
        return self.picture.value

Shade()
'''


def test_a_picture_with_alt_text_renders_and_answers(jupyter, browser_context, nb_root, artifacts):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(CELL)]
    nbformat.write(nb, nb_root / "picture_alt.ipynb")
    run_in_browser(browser_context, jupyter, nb_root, "picture_alt.ipynb", "lab", artifacts)
