"""Every widget, once shown, is laid out to fit a narrow output area (see widgets/layout.py).

The browser test (tests/browser/test_fit.py) measures the real widths; this one checks,
without a browser, that each factory's widget gets the layout that makes it fit.
"""

from __future__ import annotations

import inspect

import ipywidgets as W
import pytest

from mnistlab import widgets
from mnistlab.widgets.layout import IMAGE_MAX, fit, walk


def _factories() -> list[str]:
    names = []
    for name in widgets.__all__:
        obj = getattr(widgets, name)
        if name[:1].islower() and inspect.isfunction(obj) and all(
                p.default is not p.empty for p in inspect.signature(obj).parameters.values()):
            names.append(name)
    return sorted(names)


@pytest.mark.parametrize("factory", _factories())
def test_a_shown_widget_wraps_its_rows_and_shrinks_its_pictures(factory):
    widget = getattr(widgets, factory)()
    bundle = widget._repr_mimebundle_()
    assert "image/png" in bundle                       # the static views' picture
    parts = list(walk(widget))
    rows = [w for w in parts if isinstance(w, W.HBox)]
    assert all(r.layout.flex_flow == "row wrap" for r in rows)
    assert all(w.layout.max_width in ("100%", IMAGE_MAX) for w in parts)
    images = [w for w in parts if isinstance(w, W.Image)]
    assert images and all(i.layout.height == "auto" for i in images)


def test_fit_keeps_a_row_direction_that_was_chosen_on_purpose():
    row = W.HBox([W.Button()], layout=W.Layout(flex_flow="column"))
    fit(row)
    assert row.layout.flex_flow == "column" and row.children[0].layout.max_width == "100%"
