"""대체 텍스트: a Korean text alternative for every inline matplotlib figure.

Screen readers and static pages (``make html``) read a picture's ``alt``; the inline backend
gives none, so mnistlab adds one to each figure's output metadata (kept in the saved notebook).
"""

from __future__ import annotations

from mnistlab.a11y import figure_alt


def install_figure_alt(shell) -> None:
    """Every inline matplotlib figure carries a Korean ``alt`` in its output's metadata
    (kept in the saved notebook and used by static exports). The inline backend may register
    its PNG formatter later (on the first figure, ``%matplotlib``), so this is checked again
    before and after each cell — after runs before the backend shows the cell's figures, as it
    registers its own post-execute hook later than mnistlab's import. One look-up each."""
    ensure_figure_alt(shell)
    if getattr(shell, "_mnistlab_figure_alt", False):
        return
    shell._mnistlab_figure_alt = True
    shell.events.register("pre_run_cell", lambda *_: ensure_figure_alt(shell))
    shell.events.register("post_execute", lambda *_: ensure_figure_alt(shell))


def ensure_figure_alt(shell) -> None:
    from matplotlib.figure import Figure

    png = shell.display_formatter.formatters["image/png"]
    try:
        draw = png.lookup_by_type(Figure)
    except KeyError:                          # no inline backend (yet)
        return
    if getattr(draw, "adds_alt", False):
        return

    def with_alt(fig):
        return _with_alt(draw(fig), fig)

    with_alt.adds_alt = True
    png.for_type(Figure, with_alt)


def _with_alt(drawn, fig):
    """Add the figure's Korean ``alt`` to what the inline backend's PNG formatter returned."""
    data, metadata = drawn if isinstance(drawn, tuple) else (drawn, {})
    return data, {**(metadata or {}), "alt": figure_alt(fig)}
