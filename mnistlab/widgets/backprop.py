"""Widgets of chapter 11 (오차역전파법).

- :class:`NudgeExplorer` (바라는 변화 탐험기): choose a test image; every neuron and connection
  of the shipped network shows its wished nudge, the negative gradient, as colour (up / down)
  and size, layer by layer from the output back. The numbers are ``Network.gradients``
  (via :func:`mnistlab.backprop.nudges`).
- :class:`GraphStepper` (계산 그래프 한 단계씩): one neuron z = w·a + b, σ(z) and its loss; step
  forward node by node (values), then backward (local derivative × the gradient from the
  right), with the numbers; at the end ``Network.gradients`` of the same neuron agrees.

Both paint with PIL (:class:`~mnistlab.raster.Pen`) on every change: no matplotlib per event.
"""

from __future__ import annotations

import html
from typing import ClassVar

import ipywidgets as W
import numpy as np
from PIL import Image

from mnistlab import backprop as bp
from mnistlab import validate
from mnistlab.data import SIDE, dataset, normalize
from mnistlab.korean import THETA_CMAP
from mnistlab.network import Network, pretrained_network
from mnistlab.raster import Pen, png_fast, png_small, shrink
from mnistlab.widgets.base import DigitPicker, Explorer, caption, font, set_slider_range

LUT = (THETA_CMAP(np.linspace(0, 1, 256))[:, :3] * 255 + 0.5).astype(np.uint8)
GRAY = (200, 200, 200)
TEXT = (60, 60, 60)
HIGHLIGHT = (30, 136, 229)
DEFAULT_IMAGE = 38          # a "2" the network reads as 2 (0.68) but also a bit as 3 (0.39)


def signed_color(v: float, lim: float) -> tuple[int, int, int]:
    """THETA_CMAP colour of a signed value on a ± ``lim`` scale (negative … 0 black … positive)."""
    t = 0.5 + 0.5 * float(np.clip(v / (lim or 1.0), -1, 1))
    return tuple(int(c) for c in LUT[round(t * 255)])


# ---------------------------------------------------------------- 바라는 변화 탐험기

class NudgeExplorer(Explorer):
    """바라는 변화 탐험기: the negative gradient of one image's loss on every neuron and connection."""

    title = "바라는 변화 탐험기"
    WIDTH, HEIGHT = 700, 430
    X: ClassVar[dict] = {1: 290, 2: 460, 3: 610}          # x of each layer's column (1× pixels)
    REACH: ClassVar[list] = [("3층 (출력층)만", 3), ("3층 → 2층", 2), ("3층 → 2층 → 1층", 1)]

    def __init__(self, net: Network | None = None, images=None, labels=None,
                 index: int = DEFAULT_IMAGE):
        self.net = pretrained_network() if net is None else validate.network(net, hidden=True)
        if self.net.sizes[0] != SIDE * SIDE or self.net.L != 3:
            from mnistlab.errors import MnistlabValueError

            raise MnistlabValueError("이 위젯은 784-n-n-10 모양(L = 3)의 신경망을 그립니다. "
                                     "ml.pretrained_network() 를 넣어 보세요.")
        images, labels = dataset(images, labels, "test")
        self.images, self.labels = images, np.asarray(labels)
        index = validate.integer(index, "index (시험 이미지 번호)", 0, len(images) - 1)
        self.picker = DigitPicker(self.labels, self._on_image)
        with self.picker.quiet():
            self.picker.index.value = index
        style = {"description_width": "110px"}
        self.reach = W.ToggleButtons(options=self.REACH, value=1, description="거꾸로 간 층",
                                     style={**style, "button_width": "auto"})
        self.neuron = W.IntSlider(1, 1, self.net.n[1], description="1층 뉴런 j", style=style,
                                  layout=W.Layout(width="360px"))
        self.info = W.HTML()
        self.picture = W.Image(format="png")
        self.bars = W.HTML()
        self._palette_bytes = self.palette().tobytes()
        self.reach.observe(self._on_view, "value")
        self.neuron.observe(self._on_view, "value")
        super().__init__([self.picker.box, W.VBox([self.reach, self.neuron]), self.info,
                          W.HBox([self.picture, self.bars], layout=W.Layout(align_items="center"))])
        self._on_image()

    # ---------------------------------------------------------------- API
    @property
    def current(self) -> int:
        """The test image shown (its row in the test set)."""
        return self.picker.current

    def show(self, index: int) -> None:
        """Show test image ``index`` (a wrong number gives a Korean error)."""
        index = validate.integer(index, "index (시험 이미지 번호)", 0, len(self.images) - 1)
        with self.picker.quiet():
            self.picker.label.value = DigitPicker.ALL
            set_slider_range(self.picker, self.picker.index, len(self.images) - 1, index)
        self._on_image()

    def _positions(self, l: int) -> np.ndarray:
        m = self.net.n[l]
        gap = min(24.0, (self.HEIGHT - 80) / max(m - 1, 1))
        return 50 + (self.HEIGHT - 80) / 2 + (np.arange(m) - (m - 1) / 2) * gap

    # ---------------------------------------------------------------- events
    def _on_image(self):
        k = self.current
        self.nudges = bp.nudges(self.net, normalize(self.images[k]), int(self.labels[k]))
        self._on_view()

    def _on_view(self, _=None):
        if self._quiet:
            return
        n, reach, j = self.nudges, int(self.reach.value), int(self.neuron.value)
        self.show_png(self.picture, png_fast(self._paint_index(self.ratio), self._palette_bytes),
                      alt=self._alt())
        self.bars.value = self._bars()
        pred = int(np.argmax(n.a[-1]))
        wish = -n.delta[3]
        top = int(np.argmax(np.abs(wish)))
        verb = "올리기" if wish[top] > 0 else "내리기"
        layer_text = {3: "출력층의 바람만", 2: "2층까지 거꾸로", 1: "1층까지 거꾸로"}[reach]
        self.info.value = (
            f"시험 이미지 #{self.current} · 정답 <b>{n.label}</b> · 예측 <b>{pred}</b> · "
            f"이 이미지의 손실 C = <b>{n.loss:.3f}</b> · 가장 큰 바람: 숫자 {top} 출력 {verb} "
            f"({wish[top]:+.3f}) · {layer_text} · 1층 뉴런 {j}의 −δ = {-n.delta[1][j - 1]:+.2e}")

    def _bars(self) -> str:
        """Each layer's largest |δ| and the ten outputs' wishes −δ^[3] (up / down) as text."""
        n, reach = self.nudges, int(self.reach.value)
        rows = "".join(
            f"<tr><td>{l}층</td><td style='font-family:monospace'>"
            f"{np.abs(n.delta[l]).max():.2e}</td></tr>" if l >= reach else
            f"<tr><td>{l}층</td><td>아직</td></tr>" for l in (3, 2, 1))
        wish = -n.delta[3]
        out = "".join(f"<tr><td>숫자 {d}</td><td style='font-family:monospace'>{round(wish[d], 3) + 0.0:+.3f}"
                      f"</td></tr>" for d in range(len(wish)))
        return ("<div style='font-size:12px'><b>최대 |δ|</b><table>" + rows + "</table>"
                "<b>출력층의 바람 −δ<sup>[3]</sup> = y − a</b><table>" + out + "</table></div>")

    def _alt(self) -> str:
        n = self.nudges
        wish = -n.delta[3]
        parts = ", ".join(f"숫자 {d} {wish[d]:+.2f}" for d in np.argsort(-np.abs(wish))[:3])
        return (f"정답 {n.label}인 시험 이미지 #{self.current}의 바라는 변화(음의 기울기). "
                f"출력층: {parts}. 색은 올리기(+)/내리기(−), 크기는 바람의 크기.")

    # Palette of every frame (one byte per pixel: PNG encoding about 3× cheaper than RGB):
    # 0–127 THETA_CMAP (negative … 0 … positive), 128–191 a gray ramp, then fixed colours.
    THETA0, GRAY0 = 0, 128
    FIXED: ClassVar[dict] = {"text": TEXT, "gray": GRAY, "highlight": HIGHLIGHT, "outline": (97, 97, 97),
             "blank": (235, 235, 235)}

    @classmethod
    def palette(cls) -> np.ndarray:
        colors = np.zeros((256, 3), np.uint8)
        colors[:128] = LUT[np.round(np.linspace(0, 255, 128)).astype(int)]
        colors[128:192] = np.round(np.linspace(0, 255, 64))[:, None]
        for k, rgb in enumerate(cls.FIXED.values()):
            colors[192 + k] = rgb
        return colors

    def _index(self, name: str) -> int:
        return 192 + list(self.FIXED).index(name)

    def _signed(self, values, lim: float) -> np.ndarray:
        """Palette numbers of signed values on a ± lim scale."""
        t = 0.5 + 0.5 * np.clip(np.asarray(values, dtype=float) / (lim or 1.0), -1, 1)
        return (self.THETA0 + np.round(t * 127)).astype(int)

    def _background(self, ratio: int) -> np.ndarray:
        """The parts that never change (titles, digit labels, legend) as palette numbers."""
        cache = getattr(self, "_bg", None)
        if cache is not None and cache[0] == ratio:
            return cache[1]
        pen = Pen.new((self.WIDTH, self.HEIGHT), ratio=ratio)
        f_small, f = font(11), font(13)
        pen.text((20, 12), "입력 이미지", fill=TEXT, font=f)
        pen.text((20, 318), "1층 뉴런 j로 들어오는", fill=TEXT, font=f_small)
        pen.text((20, 334), "가중치 784개의 바라는 변화", fill=TEXT, font=f_small)
        for l in (1, 2, 3):
            pen.text((self.X[l] - 16, 16), f"{l}층", fill=TEXT, font=f)
        for i, y in enumerate(self._positions(3)):
            pen.text((self.X[3] + 18, y - 8), f"숫자 {i}", fill=TEXT, font=f)
        pen.text((20, self.HEIGHT - 22), "색: + 올리기 / - 내리기, 크기: 바람의 크기"
                 " (층마다 따로 맞춤) · 회색: 역전파가 아직 닿지 않은 곳", fill=TEXT, font=f_small)
        pal = Image.new("P", (1, 1))
        pal.putpalette(self.palette().tobytes())
        rgb = Image.fromarray(pen.array())
        index = np.asarray(rgb.quantize(palette=pal, dither=Image.Dither.NONE), np.uint8)
        self._bg = (ratio, index)
        return index

    def _paint_index(self, ratio: int) -> np.ndarray:
        n, reach, j = self.nudges, int(self.reach.value), int(self.neuron.value)
        pen = Pen(Image.fromarray(self._background(ratio).copy(), mode="L"), ratio)
        gray, outline = self._index("gray"), self._index("outline")
        s = 4                                               # 28×28 → 112×112 px
        img = self.GRAY0 + np.round(np.clip(n.a[0].reshape(SIDE, SIDE), 0, 1) * 63)
        size = (SIDE * s * ratio,) * 2
        pen.paste(Image.fromarray(img.astype(np.uint8), mode="L").resize(size, Image.NEAREST),
                  (20, 34))
        if reach <= 1:
            g = self._signed(-n.dW[1][j - 1].reshape(SIDE, SIDE), float(np.abs(n.dW[1]).max()))
        else:
            g = np.full((SIDE, SIDE), self._index("blank"))
        pen.paste(Image.fromarray(g.astype(np.uint8), mode="L").resize(size, Image.NEAREST),
                  (20, 200))
        ys = {l: self._positions(l) for l in (1, 2, 3)}
        lim_d = {l: float(np.abs(n.delta[l]).max()) or 1.0 for l in (1, 2, 3)}
        # connections into layer l: colour = sign of −∂C/∂w, width = its size (layer's own scale)
        for l in (3, 2):
            G = -n.dW[l]
            lim = float(np.abs(G).max()) or 1.0
            jj, kk = np.nonzero(np.abs(G) >= 0.1 * lim)
            v = G[jj, kk]
            colors = self._signed(v, lim).tolist() if l >= reach else [gray] * len(v)
            widths = (1 + np.round(3 * np.abs(v) / lim)).astype(int).tolist()
            x0, x1 = self.X[l - 1] + 12, self.X[l] - 12
            for a, b, c, w in zip(ys[l - 1][kk].tolist(), ys[l][jj].tolist(), colors, widths):
                pen.line([(x0, a), (x1, b)], fill=c, width=w)
        pen.line([(134, 256), (self.X[1] - 12, ys[1][j - 1])],
                 fill=self._index("highlight") if reach <= 1 else gray, width=2)
        for l in (1, 2, 3):
            shown = l >= reach
            d = -n.delta[l]
            radii = (4 + 7 * np.sqrt(np.abs(d) / lim_d[l])) if shown else np.full(len(d), 6.0)
            fills = self._signed(d, lim_d[l]).tolist() if shown else [gray] * len(d)
            x = self.X[l]
            for i, (y, r, c) in enumerate(zip(ys[l].tolist(), radii.tolist(), fills)):
                pen.ellipse([x - r, y - r, x + r, y + r], fill=c, outline=outline)
                if l == 1 and i == j - 1:
                    R = r + 4
                    pen.ellipse([x - R, y - R, x + R, y + R], outline=self._index("highlight"),
                                width=2)
        return pen.array()

    def _paint(self, ratio: int) -> np.ndarray:
        """The picture as RGB (for the snapshot and tests)."""
        return self.palette()[self._paint_index(ratio)]

    def snapshot(self) -> bytes:
        n = self.nudges
        text = f"바라는 변화: 시험 이미지 #{self.current} · 정답 {n.label} · 손실 {n.loss:.3f}"
        return png_small(caption(shrink(self._paint(self.ratio), self.ratio), text, 15))


def nudge_explorer(index: int = DEFAULT_IMAGE) -> NudgeExplorer:
    """바라는 변화 탐험기: the shipped 784-16-16-10 network's wished nudges for test image ``index``."""
    return NudgeExplorer(index=index)


# ---------------------------------------------------------------- 계산 그래프 한 단계씩

STEPS = [
    ("시작", "값을 넣기 전입니다. '다음 ▶'을 누르면 왼쪽에서 오른쪽으로 값을 계산합니다."),
    ("순전파 1", "p"), ("순전파 2", "z"), ("순전파 3", "s"), ("순전파 4", "C"),
    ("역전파 1", "C"), ("역전파 2", "s"), ("역전파 3", "z"), ("역전파 4", "p"), ("역전파 5", "w"),
]
N_FORWARD = 4


class GraphStepper(Explorer):
    """계산 그래프 한 단계씩: one neuron's graph, forward then backward, node by node."""

    title = "계산 그래프 한 단계씩"
    WIDTH, HEIGHT = 820, 300
    POS: ClassVar[dict] = {"w": (50, 60), "a": (50, 150), "b": (50, 230), "p": (230, 110), "z": (400, 175),
           "s": (570, 175), "C": (740, 175)}
    SYMBOL: ClassVar[dict] = {"p": "×", "z": "+", "s": "σ", "C": "손실"}

    def __init__(self, w: float = 0.8, a: float = 1.0, b: float = -0.5, step: int = 0):
        slider = {"style": {"description_width": "70px"}, "layout": W.Layout(width="260px"),
                  "continuous_update": True, "readout_format": ".1f"}
        self.w = W.FloatSlider(0.8, min=-3, max=3, step=0.1, description="가중치 w", **slider)
        self.a = W.FloatSlider(1.0, min=-3, max=3, step=0.1, description="입력 a", **slider)
        self.b = W.FloatSlider(-0.5, min=-3, max=3, step=0.1, description="편향 b", **slider)
        self.step = W.IntSlider(0, 0, len(STEPS) - 1, description="단계",
                                style={"description_width": "70px"}, layout=W.Layout(width="420px"))
        self.back = W.Button(description="◀ 이전", layout=W.Layout(width="90px"))
        self.next = W.Button(description="다음 ▶", button_style="primary",
                             layout=W.Layout(width="90px"))
        self.info = W.HTML()
        self.picture = W.Image(format="png")
        for c in (self.w, self.a, self.b, self.step):
            c.observe(self._on_change, "value")
        self.back.on_click(lambda _: self._move(-1))
        self.next.on_click(lambda _: self._move(+1))
        super().__init__([W.HBox([self.w, self.a, self.b]),
                          W.HBox([self.step, self.back, self.next]), self.info, self.picture])
        self.set(w, a, b, step)

    def set(self, w: float, a: float, b: float, step: int | None = None) -> None:
        """Put w, a, b (and the step) on the controls; out-of-range values give a Korean error."""
        values = [validate.real(v, name, -3.0, 3.0) for v, name in
                  ((w, "w (가중치)"), (a, "a (입력)"), (b, "b (편향)"))]
        with self.quiet():
            self.w.value, self.a.value, self.b.value = values
            if step is not None:
                self.step.value = validate.integer(step, "step (단계)", 0, len(STEPS) - 1)
        self._on_change()

    def _move(self, d: int) -> None:
        self.step.value = int(np.clip(self.step.value + d, 0, len(STEPS) - 1))

    @property
    def graph(self) -> dict:
        return bp.neuron_graph(self.w.value, self.a.value, self.b.value, 1.0)

    def _on_change(self, _=None):
        if self._quiet:
            return
        self.nodes = self.graph
        self.show_png(self.picture, png_fast(self._paint(self.ratio)), alt=self._text(plain=True))
        self.info.value = self._text()

    def _text(self, plain: bool = False) -> str:
        g, k = self.nodes, int(self.step.value)
        name, key = STEPS[k]
        w, a, b = g["w"].value, g["a"].value, g["b"].value
        lines = {
            ("순전파 1", "p"): f"p = w × a = {w:.2f} × {a:.2f} = {g['p'].value:.3f}",
            ("순전파 2", "z"): f"z = p + b = {g['p'].value:.3f} + ({b:.2f}) = {g['z'].value:.3f}",
            ("순전파 3", "s"): f"σ(z) = 1 / (1 + e^(−z)) = {g['s'].value:.3f}",
            ("순전파 4", "C"): f"C = −ln σ(z) (정답 y = 1) = {g['C'].value:.3f}",
            ("역전파 1", "C"): "∂C/∂C = 1 (출발점)",
            ("역전파 2", "s"): f"∂C/∂σ = −1/σ(z) = {g['s'].grad:.3f}",
            ("역전파 3", "z"): (f"∂C/∂z = ∂C/∂σ × σ′(z) = {g['s'].grad:.3f} × "
                               f"{g['s'].value * (1 - g['s'].value):.3f} = {g['z'].grad:.3f}"
                               " (= σ(z) − y)"),
            ("역전파 4", "p"): (f"∂C/∂p = ∂C/∂z × 1 = {g['p'].grad:.3f}, "
                               f"∂C/∂b = ∂C/∂z × 1 = {g['b'].grad:.3f}"),
            ("역전파 5", "w"): (f"∂C/∂w = ∂C/∂p × a = {g['p'].grad:.3f} × {a:.2f} = {g['w'].grad:.3f}, "
                               f"∂C/∂a = ∂C/∂p × w = {g['a'].grad:.3f}"),
        }
        text = lines.get((name, key), key)
        if k == len(STEPS) - 1:
            dW, db = bp.neuron_network(w, b).gradients([a], [0])
            text += (f" · Network.gradients: ∂C/∂w = {dW[1][0, 0]:.3f}, ∂C/∂b = {db[1][0]:.3f}")
        return f"{k}단계 · {name}: {text}" if plain else \
            f"<b>{k}단계 · {html.escape(name)}</b>: {html.escape(text)}"

    EDGES = (("w", "p"), ("a", "p"), ("p", "z"), ("b", "z"), ("z", "s"), ("s", "C"))

    def _node(self, pen: Pen, key: str, outline, width: int) -> None:
        x, y = self.POS[key]
        if key in self.SYMBOL:
            pen.ellipse([x - 24, y - 24, x + 24, y + 24], fill=(245, 245, 245), outline=outline,
                        width=width)
        else:
            pen.rounded_rectangle([x - 24, y - 16, x + 24, y + 16], radius=6, fill=(232, 240, 254),
                                  outline=outline, width=width)

    def _background(self, ratio: int) -> np.ndarray:
        """Edges, nodes, their symbols and the legend: drawn once per pixel ratio."""
        cache = getattr(self, "_bg", None)
        if cache is not None and cache[0] == ratio:
            return cache[1]
        pen = Pen.new((self.WIDTH, self.HEIGHT), ratio=ratio)
        f_small, f_big = font(12), font(16, True)
        for src, dst in self.EDGES:
            (x0, y0), (x1, y1) = self.POS[src], self.POS[dst]
            pen.line([(x0 + 24, y0), (x1 - 26, y1)], fill=(120, 120, 120), width=2)
        for key, (x, y) in self.POS.items():
            self._node(pen, key, (97, 97, 97), 1)
            label = self.SYMBOL.get(key, key)
            pen.text((x - pen.textlength(label, f_big) / 2, y - 10), label, fill=(0, 0, 0), font=f_big)
        cx, cy = self.POS["C"]
        pen.text((cx - 30, cy - 60), "정답 y = 1", fill=TEXT, font=f_small)
        pen.text((20, self.HEIGHT - 40), "검은 수: 순전파로 계산한 값 (왼쪽에서 오른쪽으로)",
                 fill=(0, 0, 0), font=f_small)
        pen.text((20, self.HEIGHT - 22), "붉은 수: 역전파로 구한 C의 기울기 = 국소적 미분 × "
                 "오른쪽에서 온 기울기", fill=(198, 40, 40), font=f_small)
        self._bg = (ratio, pen.array())
        return self._bg[1]

    def _paint(self, ratio: int) -> np.ndarray:
        g, k = self.nodes, int(self.step.value)
        forward_done = {"p": 1, "z": 2, "s": 3, "C": 4}           # step at which a value appears
        backward_done = {"C": 5, "s": 6, "z": 7, "p": 8, "b": 8, "w": 9, "a": 9}
        pen = Pen(Image.fromarray(self._background(ratio).copy()), ratio)
        f, f_big = font(13), font(16, True)
        for src, _ in self.EDGES:
            x0, y0 = self.POS[src]
            if src in ("w", "a", "b") or k >= forward_done[src]:        # value, above the edge
                pen.text((x0 + 34, y0 - 38), f"{g[src].value:.3f}", fill=(0, 0, 0), font=f)
            if k >= backward_done[src]:                                   # its gradient, below
                pen.text((x0 + 34, y0 - 22), f"{g[src].grad:.3f}", fill=(198, 40, 40), font=f)
        cx, cy = self.POS["C"]
        if k >= 4:
            pen.text((cx - 20, cy + 34), f"C = {g['C'].value:.3f}", fill=(0, 0, 0), font=f)
        if k >= 5:
            pen.text((cx - 20, cy + 52), "기울기 1", fill=(198, 40, 40), font=f)
        current = STEPS[k][1]
        active = {current} | ({"b"} if k == 8 else set()) | ({"a"} if k == 9 else set())
        for key in active & set(self.POS):                 # ring the nodes of this step
            self._node(pen, key, HIGHLIGHT, 3)
            x, y = self.POS[key]
            label = self.SYMBOL.get(key, key)
            pen.text((x - pen.textlength(label, f_big) / 2, y - 10), label, fill=(0, 0, 0), font=f_big)
        return pen.array()

    def snapshot(self) -> bytes:
        return png_small(caption(shrink(self._paint(self.ratio), self.ratio),
                                 self._text(plain=True)[:90], 14))


def graph_stepper(step: int = 0) -> GraphStepper:
    """계산 그래프 한 단계씩: one neuron z = w·a + b, σ(z) and its loss, forward then backward."""
    return GraphStepper(step=step)


__all__ = ["GraphStepper", "NudgeExplorer", "graph_stepper", "nudge_explorer", "signed_color"]
