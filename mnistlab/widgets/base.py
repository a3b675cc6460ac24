"""What every mnistlab widget shares: the Explorer base and fast image rendering.

The convention (why widgets answer within milliseconds):
- build every control and output once; on a change, recompute the numbers and
  replace only the bytes of an ``Image`` or the text of an ``HTML`` widget;
- draw pixels with numpy + PIL (well under a millisecond for a digit) instead
  of re-drawing a matplotlib figure (100+ ms);
- every widget also carries a PNG snapshot of its current state, so GitHub,
  nbviewer and nbconvert show a picture where there is no live kernel.

Sharp pictures (선명한 그림): a widget draws its pictures at ``self.ratio``× pixels
(``ml.set_display`` chooses 1 or 2, read when the widget is made) and shows each at
its 1× width (:meth:`Explorer.show_png`): pixel art takes ``k * ratio`` screen pixels
per value, PIL drawings go through :class:`~mnistlab.raster.Pen`. The snapshot stays
1× (smaller saved notebooks): drawn at 1×, or :func:`~mnistlab.raster.shrink`-ed.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import html
from decimal import Decimal

import ipywidgets as W
import numpy as np

from mnistlab.display import pixel_ratio
from mnistlab.korean import pil_font as font
from mnistlab.raster import Pen, png_width
from mnistlab.widgets.layout import fit


class Quiet:
    """One guard for programmatic control changes: handlers return early while quiet.

    >>> with self.quiet():          # move two sliders, then redraw once
    ...     self.theta0.value, self.theta1.value = 1.0, 2.0
    >>> self._on_theta()
    """

    _quiet = False

    @contextlib.contextmanager
    def quiet(self):
        """While inside, ``self._quiet`` is True (nested uses keep it so until the outermost ends)."""
        before, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = before


def _describable(picture: W.Image) -> None:
    """Let an Image carry a tooltip: ipywidgets 8.1's ImageView reads ``description.length``
    when the tooltip is set, and an Image has no description, so its view fails to render
    ("Failed to create view for 'ImageView'"). An empty synced description (sent before the
    tooltip) fixes it in every front end; the picture shows the same."""
    if "description" in picture.keys:
        return
    import traitlets

    picture.add_traits(description=traitlets.Unicode("").tag(sync=True))
    picture.keys = [*picture.keys, "description"]
    if picture.comm is not None:
        picture.send_state("description")


class MimeBundle(tuple):
    """``(data, metadata)`` as IPython takes it from ``_repr_mimebundle_`` (the metadata
    carries the snapshot's alt text), read like the data dict: ``bundle["image/png"]``."""

    def __new__(cls, data: dict, metadata: dict):
        return super().__new__(cls, (data, metadata))

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, 0)[key]
        return tuple.__getitem__(self, key)

    def __contains__(self, key) -> bool:
        return key in tuple.__getitem__(self, 0)

    def get(self, key, default=None):
        return tuple.__getitem__(self, 0).get(key, default)

    def keys(self):
        return tuple.__getitem__(self, 0).keys()


class Explorer(Quiet, W.VBox):
    """An ipywidgets VBox that also shows as a PNG where widgets cannot run.

    Subclasses build their controls once in ``__init__``, update outputs in
    small ``_on_*`` handlers, and implement :meth:`snapshot` (PNG bytes).
    """

    title = "mnistlab 위젯"
    _ratio: int | None = None

    @property
    def ratio(self) -> int:
        """Pixels drawn per pixel shown in this widget's pictures (1, or 2 when sharp):
        ``ml.set_display``'s setting when the widget first drew (in ``__init__``), kept after."""
        if self._ratio is None:
            self._ratio = pixel_ratio()
        return self._ratio

    def show_png(self, picture: W.Image, data: bytes, alt: str | None = None) -> None:
        """Put PNG ``data`` drawn at ``self.ratio``× pixels into ``picture``, shown at its
        1× width (``layout.fit`` may still shrink it in a narrow output area).

        ``alt``: the picture's Korean text alternative (what it shows and the numbers
        that matter, e.g. "예측: 7, 출력 0.91"), for screen readers and static exports.
        """
        # The front end (mnistlab/labextension, src/a11y.js) makes the tooltip the <img>'s alt.
        text = alt if alt is not None else (picture.tooltip or f"{self.title}의 그림")
        if text != picture.tooltip:
            _describable(picture)
            picture.tooltip = text
        picture.width = str(png_width(data) // self.ratio)    # sent only when it changes
        picture.value = data

    def __init__(self, children=(), **kwargs):
        super().__init__(children, **kwargs)
        # Show images at their own size: a stretched PNG would look blurry.
        self.layout.align_items = "flex-start"
        self.add_class("mnistlab-explorer")     # the front end: lang="ko", names, keys
        accessible_buttons(self)
        for name in self.live:                  # changing results: a polite live region
            widget = self.__dict__.get(name)
            if isinstance(widget, (W.HTML, W.HTMLMath, W.Label)):
                widget.add_class("mnistlab-live")

    #: attributes holding HTML outputs that change with the controls: read out by screen
    #: readers when they change (not the bar tables, which change with every value).
    live: tuple[str, ...] = ("status", "header", "info", "now", "formula", "loss", "text")

    def snapshot_alt(self) -> str:
        """The Korean text alternative of the snapshot: the widget and what its pictures show."""
        todo, parts = [self], []
        while todo:
            w = todo.pop(0)
            if isinstance(w, W.Image) and w.tooltip and w.tooltip not in parts:
                parts.append(w.tooltip)
            todo.extend(getattr(w, "children", ()) or ())
        return " · ".join([f"{self.title} (저장된 정지 화면)", *parts])

    def snapshot(self) -> bytes:
        """PNG bytes of the widget's current state (for static viewers)."""
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        fit(self)        # rows wrap and pictures shrink in a narrow output area (projector)
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = f"[{self.title}] 노트북을 실행하면 움직이는 위젯이 나타납니다."
        try:
            bundle["image/png"] = base64.b64encode(self.snapshot()).decode("ascii")
        except NotImplementedError:
            return bundle
        # nbconvert writes this as the snapshot <img>'s alt (and the extension reads it)
        return MimeBundle(bundle, {"image/png": {"alt": self.snapshot_alt()}})


def set_slider_range(owner, slider: W.IntSlider, maximum: int, value: int) -> None:
    """Give an IntSlider a new maximum and value as one change.

    The owner is :meth:`Quiet.quiet` meanwhile, so its handlers (which check ``_quiet``)
    stay silent and the caller redraws once, instead of once per trait.
    """
    with owner.quiet():
        if maximum >= slider.max:        # order matters: the slider clamps value to max
            slider.max = maximum
            slider.value = min(value, maximum)
        else:
            slider.value = min(value, maximum)
            slider.max = maximum


def on_step(slider: W.FloatSlider, value: float) -> float:
    """``value`` clipped to the slider's range and rounded to its step: what the page shows.

    A value set from Python off the step grid is rounded by the browser's slider, which
    then sends the rounded value back (a second redraw, a second round trip); a value
    already on the grid is shown as it is.
    """
    step = float(slider.step)
    decimals = max(0, -Decimal(repr(step)).normalize().as_tuple().exponent)   # 0.25 → 2
    value = float(np.clip(value, slider.min, slider.max))
    return round(round((value - slider.min) / step) * step + slider.min, decimals)


class DigitPicker(Quiet):
    """숫자 고르기: choose an image by position, by label (정답 숫자), or at random.

    Shared by the explorers that browse a data set. ``on_change()`` is called once
    per change of the chosen image; :attr:`current` is its row in the data set.
    """

    ALL = "전체"

    def __init__(self, labels: np.ndarray, on_change, label_description: str = "숫자(레이블)",
                 width: str = "420px", seed: int = 0):
        self.labels = np.asarray(labels)
        self._by_label = {int(d): np.flatnonzero(self.labels == d) for d in np.unique(self.labels)}
        self._rng = np.random.default_rng(seed)
        self._on_change = on_change
        self.label = W.Dropdown(options=[self.ALL] + [str(d) for d in self._by_label],
                                value=self.ALL, description=label_description)
        self.index = W.IntSlider(0, 0, len(self.labels) - 1, description="몇 번째",
                                 tooltip="오른쪽의 번호를 클릭하면 번호를 직접 입력할 수 있습니다 (Enter)",
                                 layout=W.Layout(width=width))
        self.random = W.Button(description="무작위로 고르기", icon="random")
        self.label.observe(self._on_label, "value")
        self.index.observe(self._on_index, "value")
        self.random.on_click(self._on_random)
        self.box = W.HBox([self.label, self.index, self.random])

    @property
    def current(self) -> int:
        """The row of the data set the controls point at."""
        if self.label.value == self.ALL:
            return int(self.index.value)
        return int(self._by_label[int(self.label.value)][self.index.value])

    def _on_index(self, _=None):
        if not self._quiet:
            self._on_change()

    def _on_label(self, _=None):
        n = len(self.labels) if self.label.value == self.ALL \
            else len(self._by_label[int(self.label.value)])
        set_slider_range(self, self.index, n - 1, 0)
        self._on_change()

    def _on_random(self, _=None):
        self.index.value = int(self._rng.integers(0, self.index.max + 1))


# ---------------------------------------------------------------- rendering

def upscale(a: np.ndarray, k: int) -> np.ndarray:
    """Nearest-neighbour enlargement: each pixel becomes a k×k block."""
    return np.repeat(np.repeat(a, k, axis=0), k, axis=1)


def gray(image01: np.ndarray, k: int = 8) -> np.ndarray:
    """회색척도 image (0 = black … 1 = white) as an enlarged uint8 RGB array."""
    g = (np.clip(image01, 0, 1) * 255 + 0.5).astype(np.uint8)
    return np.repeat(upscale(g, k)[..., None], 3, axis=2)


def _lut(cmap_name: str) -> np.ndarray:
    """The 256-entry uint8 RGB table of a colour map; THETA_CMAP's (korean.py, the one home
    of the weight colours) in the colour scheme in use."""
    from mnistlab.korean import THETA_CMAP, current_colors

    return _lut_for(cmap_name, current_colors() if cmap_name == THETA_CMAP.name else "")


@functools.lru_cache(maxsize=8)
def _lut_for(cmap_name: str, scheme: str) -> np.ndarray:
    import matplotlib

    from mnistlab.korean import THETA_CMAP

    cmap = THETA_CMAP if cmap_name == THETA_CMAP.name else matplotlib.colormaps[cmap_name]
    return (cmap(np.linspace(0, 1, 256))[:, :3] * 255 + 0.5).astype(np.uint8)


def colormap(values: np.ndarray, cmap: str, vmin: float, vmax: float, k: int = 8) -> np.ndarray:
    """Map values to an enlarged RGB image through a 256-entry colour table."""
    t = (np.asarray(values, dtype=np.float64) - vmin) / (vmax - vmin or 1.0)
    idx = np.clip((t * 255 + 0.5).astype(np.intp), 0, 255)
    return upscale(_lut(cmap)[idx], k)


def color_bar(lim: float, width: int, ratio: int = 1, label: str = "가중치",
              height: int = 12, size: int = 12, clipped: bool = True) -> np.ndarray:
    """A horizontal colour bar of THETA_CMAP from −lim to +lim: the shared scale of a
    widget's weight pictures, with the numbers and signs under it and the colour words
    above ("빨강 -, 검정 0, 파랑 +"), so it reads without telling colours apart.

    Drawn once per shown limit (two decimals) and colour scheme: read-only, do not change it."""
    from mnistlab.korean import current_colors

    return _color_bar(round(float(lim), 2), int(width), ratio, label, height, size, clipped,
                      current_colors())


@functools.lru_cache(maxsize=64)
def _color_bar(lim: float, width: int, ratio: int, label: str, height: int, size: int,
               clipped: bool, scheme: str) -> np.ndarray:
    from mnistlab.korean import THETA_CMAP, sign_legend

    w = max(120, int(width))
    bar = colormap(np.linspace(-lim, lim, w * ratio)[None, :], THETA_CMAP.name, -lim, lim, 1)
    bar = np.repeat(bar, height * ratio, axis=0)
    pen = Pen.new((w, size + 6), ratio=ratio)
    f = font(size)
    pen.text((0, 1), f"-{lim:.2f} (-)", fill="black", font=f)     # PIL's font has no U+2212
    pen.text(((w - pen.textlength("0", f)) // 2, 1), "0", fill="black", font=f)
    right = f"+{lim:.2f} (+)"
    pen.text((w - pen.textlength(right, f) - 1, 1), right, fill="black", font=f)
    out = caption(np.vstack([bar, pen.array()]), sign_legend(short=True).replace("−", "-"),
                  size, pad=3, ratio=ratio)
    if clipped:     # values beyond ±lim take the end colours
        out = np.vstack([out, caption(np.full((0, w * ratio, 3), 255, np.uint8),
                                      f"±{lim:.2f} 넘는 값은 끝 색", size - 1, pad=2, ratio=ratio)])
    out = caption(out, label, size, pad=3, ratio=ratio)
    out.flags.writeable = False
    return out


def weight_alt(w, lim: float, what: str = "가중치") -> str:
    """The Korean text alternative of a weight picture: counts and extremes with their signs."""
    w = np.asarray(w, dtype=float)
    return (f"{what} 지도 ({w.size}개): 양수(+) {int((w > 0).sum())}개, 음수(-) "
            f"{int((w < 0).sum())}개, 가장 큰 값 {w.max():+.2f}, 가장 작은 값 {w.min():+.2f}, "
            f"색 범위 ±{lim:.2f}")


# Buttons in ipywidgets' colours carry white text at 2.7:1 (warning) and 4.1:1 (success):
# the same hues, dark enough for 4.5:1 (tests/test_contrast.py).
BUTTON_COLORS = {"warning": "#b45309", "success": "#2e7d32", "danger": "#c62828",
                 "info": "#0b6e99", "primary": "#1565c0"}


def accessible_buttons(widget) -> None:
    """Give every styled Button under ``widget`` a background with ≥ 4.5:1 for its white text."""
    todo = [widget]
    while todo:
        w = todo.pop()
        if isinstance(w, W.Button) and w.button_style in BUTTON_COLORS:
            w.style.button_color = BUTTON_COLORS[w.button_style]
            w.style.text_color = "white"
        todo.extend(getattr(w, "children", ()) or ())


def caption(rgb: np.ndarray, text: str, size: int = 14, pad: int = 6,
            ratio: int = 1) -> np.ndarray:
    """Return the image (drawn at ``ratio``× pixels) with a line of (Korean) text added above it."""
    pen = Pen.new((rgb.shape[1] // ratio, size + 2 * pad), ratio=ratio)
    pen.text((pad, pad - 1), text, fill="black", font=font(size))
    return np.vstack([pen.array(), rgb])


def hstack(*images: np.ndarray, gap: int = 12) -> np.ndarray:
    """Place RGB images side by side on white, top-aligned."""
    h = max(i.shape[0] for i in images)
    parts = []
    for n, im in enumerate(images):
        pad = np.full((h - im.shape[0], im.shape[1], 3), 255, np.uint8)
        parts.append(np.vstack([im, pad]))
        if n < len(images) - 1:
            parts.append(np.full((h, gap, 3), 255, np.uint8))
    return np.hstack(parts)


def vstack(*images: np.ndarray, gap: int = 12) -> np.ndarray:
    """Place RGB images one under another on white, left-aligned."""
    w = max(i.shape[1] for i in images)
    parts = []
    for n, im in enumerate(images):
        pad = np.full((im.shape[0], w - im.shape[1], 3), 255, np.uint8)
        parts.append(np.hstack([im, pad]))
        if n < len(images) - 1:
            parts.append(np.full((gap, w, 3), 255, np.uint8))
    return np.vstack(parts)


def bars_html(values, labels, winner: int | None = None, title: str = "",
              vmax: float = 1.0, fmt: str = "{:.3f}") -> str:
    """Horizontal bars as an HTML table: cheap to rebuild on every change."""
    rows = []
    for i, (v, lab) in enumerate(zip(values, labels)):
        width = max(0.0, min(1.0, float(v) / vmax)) * 100
        color = "#2e7d32" if i == winner else "#78909c"
        weight = "bold" if i == winner else "normal"
        rows.append(
            f"<tr style='font-weight:{weight}'><td style='padding:0 6px;text-align:right'>"
            f"{html.escape(str(lab))}</td><td style='width:180px;padding:1px 0'>"
            f"<div style='background:{color};height:14px;width:{width:.1f}%'></div></td>"
            f"<td style='padding:0 6px;font-family:monospace'>{fmt.format(float(v))}</td></tr>"
        )
    head = f"<div style='font-weight:bold;margin-bottom:4px'>{html.escape(title)}</div>" if title else ""
    return f"{head}<table style='border-collapse:collapse;font-size:13px'>{''.join(rows)}</table>"
