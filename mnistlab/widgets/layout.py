"""배치: make a widget fit a classroom screen (projector, 125 % zoom, side bar open).

A widget is built for a wide screen; a classroom gives it about 800 px (1280×720
with JupyterLab's file browser open) or less (the same at 125 % zoom). :func:`fit`
walks a widget tree once, when the widget is displayed, and changes only CSS
layout traits, so nothing needs to be re-sent when values change:

- rows (``HBox``) wrap: a control or picture that does not fit moves to the next line;
- no box, control or picture is wider than its output area (``max-width: 100%``);
- pictures keep their proportions when they shrink (``height: auto``).
"""

from __future__ import annotations

import ipywidgets as W

FULL = "100%"
# An Image keeps ipywidgets' 2 px margin on each side, so it may take 4 px less.
IMAGE_MAX = "calc(100% - 4px)"


def walk(widget: W.Widget):
    """The widget and every widget inside it (children of boxes), depth first."""
    stack = [widget]
    while stack:
        w = stack.pop()
        yield w
        stack.extend(reversed(getattr(w, "children", ())))


def fit(widget: W.Widget) -> W.Widget:
    """Let every part of `widget` fit an output area as narrow as 600 px; returns it."""
    for w in walk(widget):
        layout = getattr(w, "layout", None)
        if layout is None:
            continue
        layout.max_width = FULL
        if isinstance(w, W.HBox) and not layout.flex_flow:
            layout.flex_flow = "row wrap"
        if isinstance(w, W.Image):
            layout.max_width = IMAGE_MAX
            layout.height = "auto"
            layout.object_fit = "contain"
    return widget
