"""손실 탐험기: nudge one output bias or weight and watch each output's loss term (chapter 09).

Pick a test image (or draw a digit on 07's canvas and say which digit it is); choose the 편향 b^[3]_j of an output neuron or one of its incoming
가중치 w^[3]_jk, and add Δ to it. The picture shows the image, the outputs a^[3] beside
the one-hot target y, and each output's term of the chosen loss with their sum: the
image's loss. Only that one value differs from the trained network; '학습된 값으로'
brings it back exactly.

The numbers come from ``Network.forward`` on an edited copy of the shipped network and
:func:`mnistlab.loss.output_terms`; the picture is drawn with numpy into a 256-colour frame (a few ms per change).
"""

from __future__ import annotations

import functools

import ipywidgets as W
import numpy as np
from PIL import Image, ImageDraw

from mnistlab import validate
from mnistlab.data import SIDE, dataset, normalize
from mnistlab.draw.loss import OUTPUT_COLOR, SQUARED_COLOR, TARGET_COLOR
from mnistlab.drawing import check_drawing, preparation_steps
from mnistlab.loss import KOREAN_LOSS_NAMES, output_terms
from mnistlab.network import Network, pretrained_network
from mnistlab.raster import png_fast, png_small, scaled_font, shrink
from mnistlab.widgets.base import DigitPicker, Explorer, caption, font
from mnistlab.widgets.draw import DrawingCanvas


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i:i + 2], 16) for i in (1, 3, 5))


COLORS = {"a": _rgb(OUTPUT_COLOR), "y": _rgb(TARGET_COLOR), "squared_error": _rgb(SQUARED_COLOR),
          "cross_entropy": _rgb(OUTPUT_COLOR), "axis": (90, 90, 90), "text": (40, 40, 40),
          "trained": (0, 0, 0), "grid": (225, 225, 225), "chosen": (60, 60, 60)}
SIZE = (830, 232)             # the picture's 1× size (fits 848 px)
DIGIT = 4                     # screen pixels per image pixel
BAR_TOP, BAR_H = 44, 140      # the bar panels' top and the height of the value 1.0
BIAS, WEIGHT = "bias", "weight"
TEST, DRAW = "test", "draw"                  # where the image comes from
PANELS = ((132, 470), (500, SIZE[0] - 4))   # x ranges of the outputs panel and the loss panel


def _center(x0: float, x1: float, i: int, n: int) -> float:
    """x of output neuron i's bars in the panel from x0 to x1."""
    return x0 + 10 + i * (x1 - x0 - 20) / (n - 1)


# One 256-colour palette for every frame: a gray ramp (the digit, black and gray text, axes)
# and a ramp from white to each colour (bars, and coloured text smoothed onto white). A frame
# is then one byte per pixel, drawn with numpy slices, and three times cheaper to encode.
GRAYS, RAMP = 64, 32
RAMPS = ("a", "y", "squared_error")


def _palette() -> np.ndarray:
    colors = np.zeros((256, 3), np.uint8)
    colors[:GRAYS] = np.round(np.linspace(0, 255, GRAYS))[:, None]
    for n, name in enumerate(RAMPS):
        t = np.linspace(0, 1, RAMP)[:, None]
        start = GRAYS + n * RAMP
        colors[start:start + RAMP] = np.round(255 * (1 - t) + np.array(COLORS[name]) * t)
    return colors


PALETTE = _palette()
PALETTE_BYTES = PALETTE.tobytes()
WHITE = GRAYS - 1


def _ink(color: str) -> int:
    """The palette number of a named colour (the far end of its ramp; a gray for the grays)."""
    if color in RAMPS:
        return GRAYS + RAMPS.index(color) * RAMP + RAMP - 1
    return round(COLORS[color][0] / 255 * (GRAYS - 1))


@functools.lru_cache(maxsize=4096)
def _text_mask(text: str, size: int, bold: bool, color: str, ratio: int):
    """A line of text as (mask, palette numbers) at ``ratio``× pixels, smoothed onto white:
    rendered once, then copied into frames (glyph rendering would be most of a frame's cost,
    and the same values come back again and again)."""
    f = scaled_font(font(size, bold), ratio)
    _, _, right, bottom = f.getbbox(text)
    im = Image.new("L", (max(1, right), max(1, bottom)), 0)
    ImageDraw.Draw(im).text((0, 0), text, fill=255, font=f)
    cover = np.asarray(im, dtype=float) / 255
    if color in RAMPS:
        idx = GRAYS + RAMPS.index(color) * RAMP + np.round(cover * (RAMP - 1))
    else:
        ink = _ink(color)
        idx = np.round(WHITE - cover * (WHITE - ink))
    return cover > 0.02, idx.astype(np.uint8)


class Frame:
    """A picture of palette numbers drawn in 1× coordinates on ``ratio``× pixels."""

    def __init__(self, pixels: np.ndarray, ratio: int):
        self.pixels, self.ratio = pixels, ratio

    def box(self, x0, y0, x1, y1, ink: int) -> None:
        """Fill the 1× box x0 ≤ x < x1, y0 ≤ y < y1."""
        r = self.ratio
        self.pixels[max(0, round(y0 * r)):round(y1 * r), max(0, round(x0 * r)):round(x1 * r)] = ink

    def outline(self, x0, y0, x1, y1, ink: int, width: float = 2) -> None:
        self.box(x0, y0, x1, y0 + width, ink)
        self.box(x0, y1 - width, x1, y1, ink)
        self.box(x0, y0, x0 + width, y1, ink)
        self.box(x1 - width, y0, x1, y1, ink)

    def text(self, xy, text: str, size: int, color: str, bold: bool = False,
             align: str = "left") -> None:
        """Text with its top at 1× y, its left (or centre, or right) at 1× x."""
        mask, idx = _text_mask(text, size, bold, color, self.ratio)
        h, w = mask.shape
        x = round(xy[0] * self.ratio - {"left": 0, "center": w / 2, "right": w}[align])
        y = round(xy[1] * self.ratio)
        H, Wd = self.pixels.shape
        if x < 0 or y < 0 or x + w > Wd or y + h > H:
            return
        region = self.pixels[y:y + h, x:x + w]
        region[mask] = idx[mask]

    def paste(self, xy, picture: np.ndarray) -> None:
        x, y = round(xy[0] * self.ratio), round(xy[1] * self.ratio)
        self.pixels[y:y + picture.shape[0], x:x + picture.shape[1]] = picture


def _nice(value: float) -> float:
    """The smallest of 0.5, 1, 2, 5, 10, 20 … at least ``value`` (the loss panel's scale)."""
    for top in (0.5, 1, 2, 5, 10, 20):
        if value <= top:
            return float(top)
    return float(np.ceil(value / 10) * 10)


class LossExplorer(Explorer):
    """손실 탐험기: one test image, one output bias or weight under your hand, the loss live."""

    title = "손실 탐험기"

    def __init__(self, net: Network | None = None, images=None, labels=None, index: int = 0,
                 seed: int = 0):
        self.trained = pretrained_network() if net is None else validate.network(net).copy()
        self.net = self.trained.copy()
        self._backgrounds: dict[int, np.ndarray] = {}
        self._trained_a: tuple[tuple | None, np.ndarray | None] = (None, None)
        self._x: tuple[tuple | None, np.ndarray | None] = (None, None)
        self._drawings = 0                   # counts the drawings received (cache key)
        images, labels = dataset(images, labels, "test")
        self.images, self.y = images, np.asarray(labels)
        index = validate.integer(index, "index (시험 이미지 번호)", 0, len(images) - 1)
        L = self.net.L
        self.picker = DigitPicker(self.y, self._on_change, seed=seed)
        with self.picker.quiet():
            self.picker.index.value = index
        style = {"description_width": "120px"}
        self.mode = W.ToggleButtons(options=[("시험 이미지", TEST), ("직접 그리기", DRAW)], value=TEST,
                                    description="이미지", style=style)
        self.canvas = DrawingCanvas()        # 07's canvas: draw a digit, prepared like MNIST's
        self.drawn_label = W.Dropdown(options=[(str(d), d) for d in range(self.net.n[L])], value=0,
                                      description="그린 숫자(정답)", style=style,
                                      layout=W.Layout(width="240px"))
        self.draw_box = W.HBox([self.canvas, self.drawn_label], layout=W.Layout(display="none"))
        self.kind = W.Dropdown(options=[(f"편향 b[{L}]_j", BIAS), (f"가중치 w[{L}]_jk", WEIGHT)],
                               value=BIAS, description="바꿀 값", style=style,
                               layout=W.Layout(width="260px"))
        self.neuron = W.IntSlider(1, 1, self.net.n[L], description="출력 뉴런 j", style=style,
                                  layout=W.Layout(width="400px"))
        self.source = W.IntSlider(1, 1, self.net.n[L - 1], description=f"앞 층 뉴런 k (a[{L - 1}])",
                                  style=style, layout=W.Layout(width="400px"), disabled=True)
        self.delta = W.FloatSlider(0.0, min=-10.0, max=10.0, step=0.1, description="더하는 양 Δ",
                                   readout_format="+.1f", style=style,
                                   layout=W.Layout(width="400px"))
        self.loss = W.ToggleButtons(options=[(KOREAN_LOSS_NAMES[k], k) for k in KOREAN_LOSS_NAMES],
                                    value="cross_entropy", description="손실 함수", style=style)
        self.reset = W.Button(description="학습된 값으로", icon="undo", button_style="warning",
                              tooltip="바꾼 편향이나 가중치를 학습된 값으로 되돌립니다")
        self.info = W.HTML()
        self.picture = W.Image(format="png")
        for control in (self.kind, self.neuron, self.source):
            control.observe(self._on_choose, "value")
        self.delta.observe(self._on_delta, "value")
        self.loss.observe(self._on_change, "value")
        self.reset.on_click(self._on_reset)
        self.mode.observe(self._on_mode, "value")
        self.canvas.observe(self._on_drawing, "ink")
        self.drawn_label.observe(self._on_change, "value")
        super().__init__([
            self.mode,
            self.picker.box,
            self.draw_box,
            W.HBox([W.VBox([self.kind, self.loss]), W.VBox([self.neuron, self.source])]),
            W.HBox([self.delta, self.reset]),
            self.info,
            self.picture,
        ])
        self._on_change()

    # ---------------------------------------------------------------- API
    @property
    def address(self) -> tuple:
        """The chosen value: ("bias", l, j) or ("weight", l, j, k), 1-based as in the lesson."""
        L = self.net.L
        if self.kind.value == BIAS:
            return (BIAS, L, int(self.neuron.value))
        return (WEIGHT, L, int(self.neuron.value), int(self.source.value))

    def _key(self) -> tuple:
        return (DRAW, self._drawings) if self.mode.value == DRAW else (TEST, self.picker.current)

    @property
    def x(self) -> np.ndarray:
        """The chosen image (a test image, or the drawing prepared like MNIST's digits),
        normalized to 0..1 (784 numbers); kept until the image changes."""
        key = self._key()
        if self._x[0] != key:
            if key[0] == DRAW:
                steps = preparation_steps(self.canvas.drawing())
                x = np.zeros(SIDE * SIDE) if steps.empty else normalize(steps.centred).ravel()
            else:
                image = self.images[self.picker.current]
                x = (normalize(image) if image.dtype == np.uint8
                     else np.asarray(image, float)).ravel()
            self._x = (key, x)
        return self._x[1]

    @property
    def label(self) -> int:
        """The chosen image's 정답: the test label, or the digit chosen for the drawing."""
        if self.mode.value == DRAW:
            return int(self.drawn_label.value)
        return int(self.y[self.picker.current])

    def outputs(self) -> np.ndarray:
        """a^[L] of the chosen image with the current (edited) value."""
        return self.net.forward(self.x)[-1]

    def trained_outputs(self) -> np.ndarray:
        """a^[L] of the chosen image with the trained network (kept per image)."""
        key = self._key()
        if self._trained_a[0] != key:
            self._trained_a = (key, self.trained.forward(self.x)[-1])
        return self._trained_a[1]

    def terms(self) -> np.ndarray:
        """Each output neuron's term of the chosen loss (their sum is :meth:`image_loss`)."""
        return output_terms(self.outputs(), self.label, self.loss.value)

    def image_loss(self) -> float:
        """The chosen image's loss: the sum of its output terms."""
        return float(self.terms().sum())

    def choose(self, kind: str, j: int, k: int | None = None) -> None:
        """Choose the bias b^[L]_j (``kind="bias"``) or the weight w^[L]_jk (``"weight"``)."""
        kind = validate.choice(kind, "kind (바꿀 값)", (BIAS, WEIGHT))
        L = self.net.L
        if kind == BIAS:
            validate.neuron_address(L, j, self.net.sizes)
        else:
            validate.weight_address((L, j, k), self.net.sizes)
        with self.quiet():
            self.kind.value = kind
            self.neuron.value = int(j)
            if k is not None:
                self.source.value = int(k)
        self._on_choose()

    def set_image(self, index: int) -> None:
        """Show test image ``index`` (of all of them)."""
        index = validate.integer(index, "index (시험 이미지 번호)", 0, len(self.y) - 1)
        with self.quiet():
            self.mode.value = TEST
        self._show_source()
        with self.picker.quiet():
            self.picker.label.value = DigitPicker.ALL
            self.picker.index.max = len(self.y) - 1
            self.picker.index.value = index
        self._on_change()

    def set_drawing(self, image, label: int) -> None:
        """Use a drawing (H×W ink 0..255, as 07's canvas sends it) whose 정답 is ``label``;
        it is prepared like MNIST's digits (ml.prepare_drawing) before the network sees it."""
        ink = check_drawing(image, "image")
        label = validate.integer(label, "label (정답)", 0, self.net.n[-1] - 1)
        with self.quiet():
            self.mode.value = DRAW
            self.drawn_label.value = label
            self.canvas.ink_shape = list(ink.shape)
            self.canvas.ink = np.ascontiguousarray(ink).tobytes()
            self.canvas.strokes += 1
        self._drawings += 1
        self._show_source()
        self._on_change()

    def reset_values(self) -> None:
        """Back to the trained network exactly (Δ = 0)."""
        with self.quiet():
            self.delta.value = 0.0
        self._apply()
        self._on_change()

    # ---------------------------------------------------------------- events
    def _apply(self) -> None:
        """Put the trained values back, then add Δ to the chosen one."""
        L = self.net.L
        self.net.W[L][:] = self.trained.W[L]
        self.net.b[L][:] = self.trained.b[L]
        address, d = self.address, float(self.delta.value)
        if address[0] == BIAS:
            self.net.b[L][address[2] - 1] += d
        else:
            self.net.W[L][address[2] - 1, address[3] - 1] += d

    def _on_choose(self, _=None):
        if self._quiet:
            return
        self.source.disabled = self.kind.value == BIAS
        self._apply()
        self._on_change()

    def _on_delta(self, _=None):
        if self._quiet:
            return
        self._apply()
        self._on_change()

    def _on_reset(self, _=None):
        self.reset_values()

    def _show_source(self) -> None:
        """Show the test-image picker or the canvas, whichever the image comes from."""
        drawing = self.mode.value == DRAW
        self.picker.box.layout.display = "none" if drawing else None
        self.draw_box.layout.display = None if drawing else "none"

    def _on_mode(self, _=None):
        if self._quiet:
            return
        self._show_source()
        self._on_change()

    def _on_drawing(self, _=None):
        self._drawings += 1
        if not self._quiet and self.mode.value == DRAW:
            self._on_change()

    def _where(self) -> str:
        return "직접 그린 숫자" if self.mode.value == DRAW else f"시험 이미지 #{self.picker.current}"

    def _name(self) -> str:
        a = self.address
        return f"b[{a[1]}]_{a[2]}" if a[0] == BIAS else f"w[{a[1]}]_{a[2]},{a[3]}"

    def _value(self, net: Network) -> float:
        a = self.address
        return float(net.b[a[1]][a[2] - 1] if a[0] == BIAS else net.W[a[1]][a[2] - 1, a[3] - 1])

    def _on_change(self, _=None):
        if self._quiet:
            return
        a = self.outputs()
        trained_a = self.trained_outputs()
        terms = output_terms(a, self.label, self.loss.value)
        total = float(terms.sum())
        trained_total = float(output_terms(trained_a, self.label, self.loss.value).sum())
        pred = int(np.argmax(a))
        name = KOREAN_LOSS_NAMES[self.loss.value]
        verdict = "맞음 ✅" if pred == self.label else "틀림 ❌"
        d = float(self.delta.value)
        self.info.value = (
            f"{self._where()} · 정답 <b>{self.label}</b> · 예측 <b>{pred}</b> {verdict} · "
            f"{self._name()} = {self._value(self.trained):.2f} {'+' if d >= 0 else '−'} {abs(d):.1f}"
            f" = <b>{self._value(self.net):.2f}</b> · 이 이미지의 {name} <b>{total:.3f}</b>"
            f" (학습된 값일 때 {trained_total:.3f})"
        )
        alt = (f"{self._where()}, 정답 {self.label}, 예측 {pred}. 출력 a[3]: "
               + ", ".join(f"{v:.2f}" for v in a)
               + f". {name}의 항 10개의 합 {total:.3f}. 바꾼 값 {self._name()} (Δ {d:+.1f}).")
        pixels = self.paint_index(a, trained_a, terms, self.ratio)
        self.show_png(self.picture, png_fast(pixels, PALETTE_BYTES), alt=alt)

    # ---------------------------------------------------------------- drawing
    def _background(self, ratio: int) -> np.ndarray:
        """The parts that never change (axes, neuron numbers, grid lines), drawn once per ratio."""
        if ratio not in self._backgrounds:
            frame = Frame(np.full((SIZE[1] * ratio, SIZE[0] * ratio), WHITE, np.uint8), ratio)
            base, n = BAR_TOP + BAR_H, self.net.n[-1]
            for x0, x1 in PANELS:
                frame.box(x0, base, x1, base + 1, _ink("axis"))
                frame.box(x0, base - BAR_H, x1, base - BAR_H + 1, _ink("grid"))
                for i in range(n):
                    cx = _center(x0, x1, i, n)
                    frame.text((cx, base + 3), str(i + 1), 12, "text", align="center")
                    frame.text((cx, base + 18), f"'{i}'", 10, "axis", align="center")
            frame.text((PANELS[0][0] - 4, base - BAR_H - 6), "1", 10, "axis", align="right")
            frame.text((PANELS[0][0], 4), "출력 a[3] (파랑) · 목표 y (주황)", 14, "text", bold=True)
            self._backgrounds[ratio] = frame.pixels
        return self._backgrounds[ratio]

    def paint_index(self, a, trained_a, terms, ratio: int = 1) -> np.ndarray:
        """The picture as palette numbers (``ratio``× pixels): the image, the outputs beside
        their targets, the loss terms. Fixed parts come from :meth:`_background`."""
        frame = Frame(self._background(ratio).copy(), ratio)
        n, base, ink = len(a), BAR_TOP + BAR_H, _ink
        where = "그린 숫자" if self.mode.value == DRAW else f"#{self.picker.current}"
        frame.text((0, 4), f"{where} · 정답 {self.label}", 14, "text", bold=True)
        digit = np.round(np.clip(self.x, 0, 1) * (GRAYS - 1)).astype(np.uint8).reshape(SIDE, SIDE)
        k = DIGIT * ratio
        frame.paste((0, BAR_TOP), np.repeat(np.repeat(digit, k, axis=0), k, axis=1))
        (x0, x1), (t0, t1) = PANELS
        j = self.address[2] - 1
        for i in range(n):                                   # outputs a beside targets y
            cx = _center(x0, x1, i, n)
            h = float(np.clip(a[i], 0, 1)) * BAR_H
            frame.box(cx - 10, base - h, cx - 1, base, ink("a"))
            if i == self.label:
                frame.box(cx + 1, base - BAR_H, cx + 10, base, ink("y"))
            th = float(np.clip(trained_a[i], 0, 1)) * BAR_H
            if abs(th - h) > 0.5:
                frame.box(cx - 13, base - th - 1, cx + 2, base - th + 1, ink("trained"))
            frame.text((cx - 5, base - h - 13), f"{a[i]:.2f}", 10, "a", align="center")
        kind, top = self.loss.value, _nice(float(terms.max()))
        color = "a" if kind == "cross_entropy" else "squared_error"
        frame.text((t0, 4), f"{KOREAN_LOSS_NAMES[kind]}의 항 · 합 {float(terms.sum()):.3f}", 14,
                   "text", bold=True)
        frame.text((t0 - 4, base - BAR_H - 6), f"{top:g}", 10, "axis", align="right")
        for i in range(n):                                   # each output's loss term
            cx = _center(t0, t1, i, n)
            h = float(terms[i]) / top * BAR_H
            frame.box(cx - 9, base - h, cx + 9, base, ink(color))
            if i == self.label:
                frame.outline(cx - 9, base - max(h, 2), cx + 9, base, ink("y"))
            frame.text((cx, base - h - 13), f"{terms[i]:.2f}", 10, "text", align="center")
        for p0, p1 in PANELS:                                # ▲ under the chosen neuron j
            cx = _center(p0, p1, j, n)
            for row in range(8):
                frame.box(cx - row * 0.75, base + 34 + row, cx + row * 0.75 + 1, base + 35 + row,
                          ink("chosen"))
        return frame.pixels

    def paint(self, a, trained_a, terms, ratio: int = 1) -> np.ndarray:
        """The same picture as RGB."""
        return PALETTE[self.paint_index(a, trained_a, terms, ratio)]

    def snapshot(self) -> bytes:
        a = self.outputs()
        picture = self.paint(a, self.trained_outputs(),
                             output_terms(a, self.label, self.loss.value), 1)
        text = (f"손실 탐험기 · 바꾼 값 {self._name()}: Δ {self.delta.value:+.1f} · "
                f"{KOREAN_LOSS_NAMES[self.loss.value]} {self.image_loss():.3f}")
        return png_small(caption(shrink(picture, 1), text, 14))


def loss_explorer(net: Network | None = None, index: int = 0) -> LossExplorer:
    """손실 탐험기 widget: the shipped 784-16-16-10 network on test image ``index``.

    Choose an output bias b^[3]_j or weight w^[3]_jk, add Δ, and watch the outputs,
    each output's loss term and their sum (the image's loss); reset any time.
    """
    return LossExplorer(net, index=index)


__all__ = ["LossExplorer", "loss_explorer"]
