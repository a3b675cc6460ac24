"""손실 탐험기: nudge one output bias or weight and watch each output's loss term (chapter 09).

Pick a test image; choose the 편향 b^[3]_j of an output neuron or one of its incoming
가중치 w^[3]_jk, and add Δ to it. The picture shows the image, the outputs a^[3] beside
the one-hot target y, and each output's term of the chosen loss with their sum: the
image's loss. Only that one value differs from the trained network; '학습된 값으로'
brings it back exactly.

The numbers come from ``Network.forward`` on an edited copy of the shipped network and
:func:`mnistlab.loss.output_terms`; the picture is drawn with PIL (a few ms per change).
"""

from __future__ import annotations

import functools

import ipywidgets as W
import numpy as np
from PIL import Image, ImageDraw

from mnistlab import validate as check
from mnistlab.data import SIDE, normalize
from mnistlab.draw.loss import OUTPUT_COLOR, SQUARED_COLOR, TARGET_COLOR
from mnistlab.loss import KOREAN_LOSS_NAMES, output_terms
from mnistlab.network import Network, pretrained_network
from mnistlab.raster import png_fast, png_small, scaled_font
from mnistlab.widgets.base import DigitPicker, Explorer, Pen, caption, font, gray, shrink


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i:i + 2], 16) for i in (1, 3, 5))


COLORS = {"a": _rgb(OUTPUT_COLOR), "y": _rgb(TARGET_COLOR), "squared_error": _rgb(SQUARED_COLOR),
          "cross_entropy": _rgb(OUTPUT_COLOR), "axis": (90, 90, 90), "text": (40, 40, 40),
          "trained": (0, 0, 0), "grid": (225, 225, 225), "chosen": (60, 60, 60)}
SIZE = (830, 232)             # the picture's 1× size (fits 848 px)
DIGIT = 4                     # screen pixels per image pixel
BAR_TOP, BAR_H = 44, 140      # the bar panels' top and the height of the value 1.0
BIAS, WEIGHT = "bias", "weight"
PANELS = ((132, 470), (500, SIZE[0] - 4))   # x ranges of the outputs panel and the loss panel


def _center(x0: float, x1: float, i: int, n: int) -> float:
    """x of output neuron i's bars in the panel from x0 to x1."""
    return x0 + 10 + i * (x1 - x0 - 20) / (n - 1)


@functools.lru_cache(maxsize=4096)
def _text_image(text: str, size: int, bold: bool, color: tuple, ratio: int) -> Image.Image:
    """A line of text as a transparent picture at ``ratio``× pixels (drawn once, pasted often:
    rendering glyphs is most of a frame's cost, and the same values come back again and again)."""
    f = scaled_font(font(size, bold), ratio)
    _, _, right, bottom = f.getbbox(text)
    im = Image.new("RGBA", (max(1, right), max(1, bottom)), (0, 0, 0, 0))
    ImageDraw.Draw(im).text((0, 0), text, fill=color, font=f)
    return im


def _stamp(pen: Pen, xy, text: str, size: int, bold: bool, color: tuple,
           center: bool = False, right: bool = False) -> None:
    """Paste cached text at 1× ``xy`` (its top-left; or top-centre / top-right)."""
    im = _text_image(text, size, bold, color, pen.ratio)
    x = xy[0] * pen.ratio - (im.width / 2 if center else im.width if right else 0)
    pen.image.paste(im, (round(x), round(xy[1] * pen.ratio)), im)


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
        self.trained = pretrained_network() if net is None else check.network(net).copy()
        self.net = self.trained.copy()
        self._backgrounds: dict[int, Image.Image] = {}
        self._trained_a: tuple[int, np.ndarray | None] = (-1, None)
        images, labels = check.images_and_labels(images, labels, "test")
        self.images, self.y = images, np.asarray(labels)
        index = check.integer(index, "index (시험 이미지 번호)", 0, len(images) - 1)
        L = self.net.L
        self.picker = DigitPicker(self.y, self._on_change, seed=seed)
        with self.picker.quiet():
            self.picker.index.value = index
        style = {"description_width": "120px"}
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
        super().__init__([
            self.picker.box,
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

    @property
    def x(self) -> np.ndarray:
        """The chosen image, normalized to 0..1 (784 numbers)."""
        image = self.images[self.picker.current]
        return (normalize(image) if image.dtype == np.uint8 else np.asarray(image, float)).ravel()

    @property
    def label(self) -> int:
        return int(self.y[self.picker.current])

    def outputs(self) -> np.ndarray:
        """a^[L] of the chosen image with the current (edited) value."""
        return self.net.forward(self.x)[-1]

    def trained_outputs(self) -> np.ndarray:
        """a^[L] of the chosen image with the trained network (kept per image)."""
        k = self.picker.current
        if self._trained_a[0] != k:
            self._trained_a = (k, self.trained.forward(self.x)[-1])
        return self._trained_a[1]

    def terms(self) -> np.ndarray:
        """Each output neuron's term of the chosen loss (their sum is :meth:`image_loss`)."""
        return output_terms(self.outputs(), self.label, self.loss.value)

    def image_loss(self) -> float:
        """The chosen image's loss: the sum of its output terms."""
        return float(self.terms().sum())

    def choose(self, kind: str, j: int, k: int | None = None) -> None:
        """Choose the bias b^[L]_j (``kind="bias"``) or the weight w^[L]_jk (``"weight"``)."""
        kind = check.choice(kind, "kind (바꿀 값)", (BIAS, WEIGHT))
        L = self.net.L
        if kind == BIAS:
            check.neuron_address(L, j, self.net.sizes)
        else:
            check.weight_address((L, j, k), self.net.sizes)
        with self.quiet():
            self.kind.value = kind
            self.neuron.value = int(j)
            if k is not None:
                self.source.value = int(k)
        self._on_choose()

    def set_image(self, index: int) -> None:
        """Show test image ``index`` (of all of them)."""
        index = check.integer(index, "index (시험 이미지 번호)", 0, len(self.y) - 1)
        with self.picker.quiet():
            self.picker.label.value = DigitPicker.ALL
            self.picker.index.max = len(self.y) - 1
            self.picker.index.value = index
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
        pred, k = int(np.argmax(a)), self.picker.current
        name = KOREAN_LOSS_NAMES[self.loss.value]
        verdict = "맞음 ✅" if pred == self.label else "틀림 ❌"
        d = float(self.delta.value)
        self.info.value = (
            f"시험 이미지 #{k} · 정답 <b>{self.label}</b> · 예측 <b>{pred}</b> {verdict} · "
            f"{self._name()} = {self._value(self.trained):.2f} {'+' if d >= 0 else '−'} {abs(d):.1f}"
            f" = <b>{self._value(self.net):.2f}</b> · 이 이미지의 {name} <b>{total:.3f}</b>"
            f" (학습된 값일 때 {trained_total:.3f})"
        )
        alt = (f"시험 이미지 #{k}, 정답 {self.label}, 예측 {pred}. 출력 a[3]: "
               + ", ".join(f"{v:.2f}" for v in a)
               + f". {name}의 항 10개의 합 {total:.3f}. 바꾼 값 {self._name()} (Δ {d:+.1f}).")
        self.show_png(self.picture, png_fast(self.paint(a, trained_a, terms, self.ratio)), alt=alt)

    # ---------------------------------------------------------------- drawing
    def _background(self, ratio: int) -> Image.Image:
        """The parts that never change (axes, neuron numbers, grid lines), drawn once per ratio."""
        if ratio not in self._backgrounds:
            pen = Pen.new(SIZE, ratio=ratio)
            f, small, c, base = font(12), font(10), COLORS, BAR_TOP + BAR_H
            for x0, x1 in PANELS:
                pen.line([(x0, base), (x1, base)], fill=c["axis"], width=1)
                pen.line([(x0, base - BAR_H), (x1, base - BAR_H)], fill=c["grid"], width=1)
                for i in range(self.net.n[-1]):
                    cx = _center(x0, x1, i, self.net.n[-1])
                    pen.text((cx, base + 4), str(i + 1), fill=c["text"], font=f, anchor="ma")
                    pen.text((cx, base + 18), f"'{i}'", fill=c["axis"], font=small, anchor="ma")
            pen.text((PANELS[0][0] - 4, base - BAR_H - 6), "1", fill=c["axis"], font=small,
                     anchor="ra")
            self._backgrounds[ratio] = pen.image
        return self._backgrounds[ratio]

    def paint(self, a, trained_a, terms, ratio: int = 1) -> np.ndarray:
        """The picture (RGB, ``ratio``× pixels): image, outputs beside targets, loss terms.
        Fixed parts come from :meth:`_background`; texts that change are cached stamps."""
        pen = Pen(self._background(ratio).copy(), ratio)
        c, n, base = COLORS, len(a), BAR_TOP + BAR_H
        stamp = functools.partial(_stamp, pen)
        stamp((0, 4), f"#{self.picker.current} · 정답 {self.label}", 14, True, c["text"])
        pen.paste(Image.fromarray(gray(self.x.reshape(SIDE, SIDE), DIGIT * ratio)), (0, BAR_TOP))
        # outputs a beside targets y
        (x0, x1), (t0, t1) = PANELS
        stamp((x0, 4), "출력 a[3] (파랑) · 목표 y (주황)", 14, True, c["text"])
        j = self.address[2] - 1
        for i in range(n):
            cx = _center(x0, x1, i, n)
            h = float(np.clip(a[i], 0, 1)) * BAR_H
            pen.rectangle([cx - 10, base - h, cx - 1, base], fill=c["a"])
            if i == self.label:
                pen.rectangle([cx + 1, base - BAR_H, cx + 10, base], fill=c["y"])
            th = float(np.clip(trained_a[i], 0, 1)) * BAR_H
            if abs(th - h) > 0.5:
                pen.line([(cx - 13, base - th), (cx + 2, base - th)], fill=c["trained"], width=2)
            stamp((cx - 5, base - h - 13), f"{a[i]:.2f}", 10, False, c["a"], center=True)
        # loss terms
        kind, top = self.loss.value, _nice(float(terms.max()))
        stamp((t0, 4), f"{KOREAN_LOSS_NAMES[kind]}의 항 · 합 {float(terms.sum()):.3f}", 14, True,
              c["text"])
        stamp((t0 - 4, base - BAR_H - 6), f"{top:g}", 10, False, c["axis"], right=True)
        for i in range(n):
            cx = _center(t0, t1, i, n)
            h = float(terms[i]) / top * BAR_H
            pen.rectangle([cx - 9, base - h, cx + 9, base], fill=c[kind],
                          outline=c["y"] if i == self.label else None, width=2)
            stamp((cx, base - h - 13), f"{terms[i]:.2f}", 10, False, c["text"], center=True)
        # the chosen output neuron j, under both panels
        for p0, p1 in PANELS:
            cx = _center(p0, p1, j, n)
            pen.polygon([(cx, base + 33), (cx - 6, base + 42), (cx + 6, base + 42)],
                        fill=c["chosen"])
        return pen.array()

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
