"""화면 설정: ``ml.set_display("projector")`` makes the lesson readable from the back row.

A projector shows a 1280×720 page on a wall; the default 13 px widget text and
10 pt figure labels are too small there. The projector setting enlarges

- widget text, numbers and controls (a page style: ipywidgets' size variables),
- matplotlib figures and their labels (larger text, more pixels per figure),

and draws figures and widget pictures at twice the pixels shown (sharp on
HiDPI screens, at 125 % zoom and on a projector). The style lives in the output
of the cell that called it; the picture setting is kept by mnistlab. Run
``set_display("normal")`` to go back (clearing that output resets only the page
style). Widgets read the picture setting when they are made, so call it in the
set-up cell, before any widget.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from mnistlab.errors import MnistlabValueError


@dataclass(frozen=True)
class DisplayMode:
    widget_font_px: int       # ipywidgets' text (JupyterLab's default: 13 px)
    control_height_px: int    # one row of controls (default 28 px)
    label_width_px: int       # control descriptions (default 80 px)
    figure_font_pt: float     # matplotlib's text (default 10 pt)
    figure_dpi: int           # matplotlib's pixels per inch on screen (default 100)
    pixel_ratio: int          # widget pictures: pixels drawn per pixel shown (2 = HiDPI-sharp)


MODES = {
    "normal": DisplayMode(13, 28, 80, 10.0, 100, 1),
    "projector": DisplayMode(18, 36, 110, 14.0, 130, 2),
}
_current = MODES["normal"]     # what the last set_display chose (widgets read it when made)
_current_name = "normal"


def page_style(mode: DisplayMode) -> str:
    """The page CSS of a mode: ipywidgets' size variables and the text of HTML outputs."""
    scale = mode.widget_font_px / MODES["normal"].widget_font_px
    return (
        "<style>"
        ".jp-Notebook, .jp-OutputArea, body {"
        f"--jp-widgets-font-size:{mode.widget_font_px}px;"
        f"--jp-widgets-inline-height:{mode.control_height_px}px;"
        f"--jp-widgets-inline-label-width:{mode.label_width_px}px;"
        f"--jp-widgets-slider-handle-size:{round(16 * scale)}px;}}"
        ".jp-OutputArea-output .widget-html-content, .jp-OutputArea-output .widget-htmlmath-content"
        f"{{font-size:{mode.widget_font_px}px;line-height:1.45}}"
        + ("" if mode.widget_font_px <= MODES["normal"].widget_font_px else
           # larger text must not be cut off ("무작위로…"): labels and buttons grow to fit it
           ".jp-OutputArea-output .widget-inline-hbox .widget-label,"
           " .jp-OutputArea-output .widget-button, .jp-OutputArea-output .widget-checkbox,"
           " .jp-OutputArea-output .widget-toggle-button"
           "{width:auto !important;max-width:100%;min-width:var(--jp-widgets-inline-label-width)}"
           # a slider's readout of words ("3층 → 2층 → 1층") grows with its text too
           ".jp-OutputArea-output .widget-readout{width:auto !important;max-width:none}")
        + "</style>"
    )


def set_display(mode: str | None = None, sharp: bool | None = None, colors: str | None = None):
    """화면 설정: "projector" (큰 글자·그림, 교실 뒷자리용) or "normal" (기본).

    ``sharp`` (선명한 그림): widget pictures drawn at 2× pixels and shown at their
    usual size, crisp on a HiDPI laptop, at 125 % zoom and on a projector; a
    picture then has 4× the pixels to draw and send. Default: on for "projector",
    off for "normal"; a HiDPI laptop asks for it with
    ``ml.set_display("normal", sharp=True)``. Widgets made after the call use it.

    ``colors`` (가중치 색): "safe" (기본, 색각 이상이 있어도 +와 −가 구별되는 빨강·검정·파랑)
    or "lesson" (원래 강의의 빨강·검정·초록), for the figures and widgets made after the call.
    ``ml.set_display(colors="lesson")`` alone changes only the colours and keeps the
    screen setting; otherwise ``mode`` defaults to "projector".

    Returns the page style to show as the cell's output (the last line of a cell),
    and sets matplotlib's sizes for the figures drawn after it.
    """
    global _current, _current_name
    if colors is not None:
        from mnistlab.korean import use_colors

        use_colors(colors)                      # a Korean error for an unknown name
        if mode is None and sharp is None:      # colours only: the screen setting stays
            from IPython.display import HTML

            return HTML(page_style(_current))
    if mode is None:
        mode = "projector"
    if mode not in MODES:
        raise MnistlabValueError(
            f"화면 설정 {mode!r} 은 없습니다. 다음 중 하나를 쓰세요: "
            + ", ".join(repr(m) for m in MODES) + ' (예: ml.set_display("projector"))')
    if sharp is not None and not isinstance(sharp, bool):
        raise MnistlabValueError(
            f"sharp 는 True(위젯 그림을 2배 픽셀로 선명하게) 또는 False 여야 합니다(받은 값: {sharp!r}). "
            '예: ml.set_display("normal", sharp=True)')
    m = MODES[mode]
    if sharp is not None:
        m = dataclasses.replace(m, pixel_ratio=2 if sharp else 1)
    _current, _current_name = m, mode
    import matplotlib

    matplotlib.rcParams["font.size"] = m.figure_font_pt
    matplotlib.rcParams["figure.dpi"] = m.figure_dpi
    _retina_figures()
    from IPython.display import HTML

    return HTML(page_style(m))


def pixel_ratio() -> int:
    """Pixels drawn per pixel shown in widget pictures made now: 1, or 2 when sharp."""
    return _current.pixel_ratio


def _retina_figures() -> None:
    """Inline figures drawn at 2× their shown size: sharp on HiDPI screens and projectors."""
    from mnistlab.notebook import current_shell

    if current_shell() is None:                     # plain Python: no inline figures
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("retina")
    from mnistlab.alt_text import ensure_figure_alt

    ensure_figure_alt(current_shell())
