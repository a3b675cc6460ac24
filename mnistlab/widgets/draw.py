"""숫자 그리기: draw a digit with the mouse, pen or finger, and watch the network read it (ch. 07).

The canvas is an anywidget (mnistlab/widgets/static/draw.js, shipped in the
package: no CDN) that draws strokes in the browser at full frame rate and
sends the ink to the kernel while drawing and when a stroke ends. The kernel
prepares it as MNIST's authors prepared their digits (:mod:`mnistlab.drawing`),
shows the steps, and runs the shipped network and the ten per-digit logistic
models (02) on it. Everything below the canvas follows the widget convention
of :mod:`mnistlab.widgets.base`: built once, only PNG bytes and HTML replaced.
"""

from __future__ import annotations

import functools
from pathlib import Path

import anywidget
import ipywidgets as W
import numpy as np
import traitlets
from ipywidgets.widgets.trait_types import bytes_serialization
from PIL import Image

from mnistlab import validate
from mnistlab.data import N_PIXELS, SIDE, load_mnist, normalize
from mnistlab.drawing import check_drawing, preparation_steps, shrink_drawing
from mnistlab.errors import MnistlabTypeError, MnistlabValueError
from mnistlab.logistic import PerDigitLogistic
from mnistlab.network import Network, pretrained_network
from mnistlab.raster import png_fast, png_small, shrink
from mnistlab.widgets.base import Explorer, bars_html, caption, hstack, vstack
from mnistlab.widgets.network import DiagramCanvas
from mnistlab.widgets.per_digit import _bars_rgb

STATIC = Path(__file__).resolve().parent / "static"
CANVAS = 280                     # canvas side in pixels: 10× MNIST's 28
PANEL = 84                       # side of each picture in the steps strip
EMPTY = "아직 아무것도 그리지 않았어요. 왼쪽 칸에 숫자 하나를 그려 보세요."


class DrawingCanvas(anywidget.AnyWidget):
    """The browser canvas: ``ink`` holds the drawing, one byte per pixel (0 = no ink)."""

    _esm = STATIC / "draw.js"
    _css = STATIC / "draw.css"
    size = traitlets.Int(CANVAS).tag(sync=True)
    brush = traitlets.Int(20).tag(sync=True)
    ink = traitlets.Bytes(b"").tag(sync=True, **bytes_serialization)   # binary, not JSON
    ink_shape = traitlets.List([0, 0]).tag(sync=True)
    strokes = traitlets.Int(0).tag(sync=True)       # counts the drawings the browser sent

    def drawing(self) -> np.ndarray:
        """The current ink as an (H, W) uint8 array (all zeros when nothing is drawn)."""
        h, w = self.ink_shape
        if h * w == 0 or len(self.ink) != h * w:
            return np.zeros((self.size, self.size), np.uint8)
        return np.frombuffer(self.ink, np.uint8).reshape(h, w)


@functools.lru_cache(maxsize=1)
def _logistic_models() -> PerDigitLogistic:
    """The ten per-digit logistic models of chapter 02, trained once per process
    (one epoch on 20,000 training digits: half a second, 91 % on the test set)."""
    images, labels = load_mnist("train")
    models = PerDigitLogistic(epochs=1, seed=0)
    models.fit(normalize(images[:20_000]), labels[:20_000])
    return models


def _strip(pictures: list[tuple[str, np.ndarray]], ratio: int = 1) -> np.ndarray:
    """The preparation steps side by side, each fitted into a PANEL×PANEL frame with a caption
    (PANEL × ratio pixels when sharp)."""
    tiles = []
    side = PANEL * ratio
    for title, ink in pictures:
        frame = np.full((side + 2 * ratio, side + 2 * ratio), 176, np.uint8)
        inner = np.full((side, side), 255, np.uint8)
        if ink.size:
            h, w = ink.shape
            k = side / max(h, w)
            size = (max(1, round(w * k)), max(1, round(h * k)))
            resample = Image.NEAREST if k >= 1 else Image.BOX
            small = np.asarray(Image.fromarray(255 - ink).resize(size, resample))
            top, left = (side - size[1]) // 2, (side - size[0]) // 2
            inner[top:top + size[1], left:left + size[0]] = small
        frame[ratio:-ratio, ratio:-ratio] = inner
        tiles.append(caption(np.repeat(frame[..., None], 3, axis=2), title, size=12, pad=4,
                             ratio=ratio))
    return hstack(*tiles, gap=8 * ratio)


GRAY_PALETTE = bytes(np.repeat(np.arange(256, dtype=np.uint8), 3))


def _strip_png(pictures: list[tuple[str, np.ndarray]], ratio: int = 1) -> bytes:
    """The strip as a one-byte-per-pixel gray PNG (fast enough for every stroke)."""
    return png_fast(np.ascontiguousarray(_strip(pictures, ratio)[..., 0]), GRAY_PALETTE)


class DrawDigit(Explorer):
    """숫자 그리기: your own digit → MNIST preparation → the network's answer."""

    title = "숫자 그리기"

    def __init__(self, net: Network | None = None, logistic: PerDigitLogistic | None = None,
                 seed: int = 0):
        self.net = pretrained_network() if net is None else validate.network(net).copy()
        if self.net.sizes[0] != N_PIXELS or self.net.sizes[-1] != 10:
            raise MnistlabValueError(
                "숫자 그리기에는 입력층 784개(28×28 픽셀), 출력층 10개(숫자 0..9)의 신경망이 필요합니다. "
                f"받은 신경망: {'-'.join(map(str, self.net.sizes))}"
            )
        if logistic is not None and (not isinstance(logistic, PerDigitLogistic)
                                     or logistic.digits != tuple(range(10))):
            raise MnistlabTypeError(
                "logistic 은 숫자 0..9 를 모두 학습한 ml.PerDigitLogistic 이어야 합니다. "
                f"받은 것: {type(logistic).__name__}"
            )
        self.logistic = _logistic_models() if logistic is None else logistic
        self.logistic.theta0(0)                      # a Korean error if it is not trained yet
        seed = validate.seed(seed)
        self.diagram_canvas = DiagramCanvas(self.net, ratio=self.ratio)
        self._rng = np.random.default_rng(seed)
        self._examples = None
        self.prediction: int | None = None
        self.outputs: np.ndarray | None = None
        self.activations: list[np.ndarray] | None = None
        self.digit: np.ndarray | None = None           # the 28×28 uint8 input the network saw

        self.canvas = DrawingCanvas()
        self.prepare = W.Checkbox(True, description="MNIST처럼 준비하기 (자르기 → 20×20 → 가운데로)",
                                  indent=False, layout=W.Layout(width="auto"))
        self.example = W.Button(description="시험 숫자 하나 그려 넣기", icon="pencil",
                                layout=W.Layout(width="auto"))
        self.status = W.HTML()
        self.steps = W.Image(format="png", layout=W.Layout(max_width="100%"))
        self.diagram = W.Image(format="png", layout=W.Layout(max_width="100%"))
        self.bars = W.HTML()
        self.evidence = W.HTML()

        self.canvas.observe(self._on_drawing, "ink")
        self.prepare.observe(self._on_drawing, "value")
        self.example.on_click(self._on_example)
        wrap = {"flex_flow": "row wrap", "align_items": "flex-start", "grid_gap": "12px",
                "max_width": "100%"}
        super().__init__([
            W.HBox([self.canvas,
                    W.VBox([self.status, self.prepare, self.example, self.steps],
                           layout=W.Layout(max_width="100%", align_items="flex-start"))],
                   layout=W.Layout(**wrap)),
            self.diagram,
            W.HBox([self.bars, self.evidence], layout=W.Layout(**wrap)),
        ])
        self.layout.max_width = "100%"
        self._on_drawing()

    # ---------------------------------------------------------------- API
    def set_drawing(self, image) -> None:
        """Put a drawing on the canvas exactly as the browser sends one: (H, W) ink 0..255."""
        ink = check_drawing(image, "image")
        self.canvas.ink_shape = list(ink.shape)
        self.canvas.ink = np.ascontiguousarray(ink).tobytes()     # → _on_drawing
        self.canvas.strokes += 1

    def clear(self) -> None:
        """Empty the canvas."""
        self.set_drawing(np.zeros((CANVAS, CANVAS), np.uint8))

    def example_drawing(self) -> np.ndarray:
        """A random MNIST test digit, enlarged 3–8× and put somewhere on a 280×280 canvas."""
        if self._examples is None:
            self._examples = load_mnist("test")[0]
        digit = self._examples[int(self._rng.integers(len(self._examples)))]
        return place_digit(digit, self._rng)

    # ---------------------------------------------------------------- events
    def _on_example(self, _=None):
        self.set_drawing(self.example_drawing())

    def _on_drawing(self, _=None):
        steps = preparation_steps(self.canvas.drawing())
        if steps.empty:
            self.prediction = self.outputs = self.activations = self.digit = None
            self.status.value = f"<div style='font-size:15px;padding:4px 0'>{EMPTY}</div>"
            self.show_png(self.steps, _strip_png([("그린 그림", steps.drawn)], self.ratio),
                          alt="아직 아무것도 그리지 않은 빈 그림")
            blank = [np.zeros(n) for n in self.net.sizes]
            self.show_png(self.diagram, self.diagram_canvas.png(blank),
                          alt="신경망 그림: 아직 입력이 없어 모든 뉴런이 0")
            self.bars.value = self.evidence.value = ""
            return
        if self.prepare.value:
            self.digit = steps.centred
            pictures = [("그린 그림", steps.drawn), ("잉크 자르기", steps.cropped),
                        ("20×20 맞춤", steps.fitted), ("28×28 중심", steps.centred)]
        else:
            self.digit = shrink_drawing(steps.drawn)
            pictures = [("그린 그림", steps.drawn), ("28×28 축소", self.digit)]
        x = normalize(self.digit).reshape(-1)
        self.activations = self.net.forward(x)
        self.outputs = self.activations[-1]
        self.prediction = int(np.argmax(self.outputs))
        sure = float(self.outputs[self.prediction])
        self.status.value = (
            f"<div style='font-size:15px;padding:4px 0'>신경망의 예측: "
            f"<b style='font-size:26px;color:#b34000'>{self.prediction}</b> "
            f"(출력 {sure:.2f}{'' if sure >= 0.5 else ', 0.5보다 작아 자신 없음'})</div>")
        self.show_png(self.steps, _strip_png(pictures, self.ratio),
                      alt=f"그린 그림을 28×28로 줄이는 단계 {len(pictures)}개: "
                          + ", ".join(name for name, _ in pictures)
                          + f" — 예측: {self.prediction}, 출력 {sure:.2f}")
        self.show_png(self.diagram, self.diagram_canvas.png(self.activations),
                      alt=f"신경망 {'-'.join(map(str, self.net.sizes))}에서 뉴런이 켜진 모습: "
                          f"가장 크게 켜진 출력 뉴런은 숫자 {self.prediction} (출력 {sure:.2f})")
        digits = [str(d) for d in range(10)]
        self.bars.value = bars_html(self.outputs, digits, self.prediction,
                                    title="신경망의 출력 a[3] (뉴런 i → 숫자 i−1)")
        p = self.logistic.predict_proba(x)
        self.evidence.value = bars_html(p, digits, int(np.argmax(p)),
                                        title="비교: 숫자별 로지스틱 모델 10개 (02)")

    def snapshot(self) -> bytes:
        if self.activations is None:
            return png_small(caption(np.full((60, 600, 3), 255, np.uint8), EMPTY, 15))
        ink = 255 - self.canvas.drawing()
        drawn = np.repeat(np.pad(ink, 1, constant_values=176)[..., None], 3, axis=2)
        steps = preparation_steps(self.canvas.drawing())
        pictures = ([("잉크 자르기", steps.cropped), ("20×20 맞춤", steps.fitted),
                     ("28×28 중심", steps.centred)] if self.prepare.value
                    else [("28×28 축소", self.digit)])
        top = hstack(drawn, _strip(pictures))
        picture = vstack(top, shrink(self.diagram_canvas.paint(self.activations), self.ratio))
        # the two answers the notebook compares: the network's ten outputs and the ten models'
        x = normalize(self.digit).reshape(-1)
        p = self.logistic.predict_proba(x)
        bars = hstack(caption(_bars_rgb(self.outputs, self.prediction, -1), "신경망의 출력 a[3]", 13),
                      caption(_bars_rgb(p, int(np.argmax(p)), -1), "비교: 숫자별 로지스틱 모델 10개 (02)", 13))
        picture = vstack(picture, bars)
        text = f"숫자 그리기 · 신경망의 예측 {self.prediction} · 로지스틱 모델 10개의 답 {int(np.argmax(p))}"
        return png_small(caption(picture, text, 15))


def place_digit(digit: np.ndarray, rng: np.random.Generator, size: int = CANVAS) -> np.ndarray:
    """An MNIST digit (28×28 uint8) enlarged 3–8× and moved to a random place on a size×size
    canvas: what a learner's drawing might look like before preparation."""
    k = float(rng.uniform(3, 8))
    side = round(SIDE * k)
    big = np.asarray(Image.fromarray(digit).resize((side, side), Image.BILINEAR))
    canvas = np.zeros((size, size), np.uint8)
    top, left = (int(rng.integers(0, size - side + 1)) for _ in range(2))
    canvas[top:top + side, left:left + side] = big
    return canvas


def draw_digit(net: Network | None = None) -> DrawDigit:
    """숫자 그리기 widget: draw a digit and see the shipped 784-16-16-10 network read it.

    ``.set_drawing(image)`` puts an (H, W) ink array on the canvas; ``.prediction`` is
    the network's answer (None while nothing is drawn).
    """
    return DrawDigit(net)


__all__ = ["DrawDigit", "DrawingCanvas", "draw_digit", "place_digit"]
