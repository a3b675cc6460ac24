"""신경망 탐험기: change one neuron of the trained network, watch everything after it (chapter 04).

Pick a test digit and a neuron a^[l]_i; move its 편향 b, scale its incoming
가중치, or switch it off. Every later activation, the output bars and the
prediction follow at once; a button brings back the trained weights.

Speed: drawing the diagram's ~450 lines with matplotlib takes hundreds of
milliseconds, so the lines, labels and frames are rendered ONCE into an RGB
background; each change only recomputes the forward pass (three small matrix
products) and paints the circles, the digit and a few labels with PIL.
"""

from __future__ import annotations

import ipywidgets as W
import numpy as np
from PIL import Image

from mnistlab import validate
from mnistlab.data import SIDE, dataset, inputs
from mnistlab.draw.network import network_diagram, network_positions
from mnistlab.network import Network, pretrained_network
from mnistlab.raster import Pen, png_fast, png_small, shrink
from mnistlab.widgets.base import Explorer, bars_html, font, on_step

DPI = 90
GRAYS = 64                        # gray levels for activations and the digit
MARKS = {                         # marker colours (draw.network's WINNER, HIGHLIGHT …)
    "winner": (255, 152, 0), "winner_text": (230, 81, 0), "highlight": (30, 136, 229),
    "changed": (142, 36, 170), "off": (229, 57, 53), "text": (85, 85, 85),
}


def forward_switched_off(net: Network, x, off) -> list[np.ndarray]:
    """[a0, …, aL] of ``net`` for input ``x`` with the neurons ``off`` = {(l, i), …} switched off.

    A switched-off neuron's output a^[l]_i is 0 whatever it sums, so it adds nothing to
    the next layer's weighted sums. Done outside the lesson's forward pass: an edited copy
    of the network whose weights *out of* each such neuron (column i of W[l+1]) are 0
    computes every later layer exactly as if that output were 0, then the shown output
    itself is set to 0 (a mask on the result).
    """
    if off:
        net = net.copy()
        for l, i in off:
            if l < net.L:
                net.W[l + 1][:, i - 1] = 0.0
    a = net.forward(x)
    for l, i in off:
        a[l][..., i - 1] = 0.0
    return a


class DiagramCanvas:
    """The network diagram as a fixed RGB background plus fast PIL painting of the parts
    that change (node shades, digit, output values, rings). Reusable by other widgets.

    Positions (``xy``, ``r``, ``block``) are in shown (1×) pixels; the picture has
    ``ratio``× as many: matplotlib renders the background at ``dpi * ratio`` and a
    :class:`~mnistlab.raster.Pen` paints the rest.
    """

    def __init__(self, net: Network, dpi: int = DPI, title: str = "", ratio: int = 1):
        import matplotlib.pyplot as plt

        self.net, self.ratio = net, ratio
        self.layout = network_positions(net.sizes)
        fig = network_diagram(net, x=None, nodes=False, values=False, title=title)
        fig.set_dpi(dpi * ratio)
        fig.canvas.draw()
        full = np.asarray(fig.canvas.buffer_rgba())[..., :3]
        H = full.shape[0]
        # crop the white margins (fewer pixels → faster PNG encoding on every update),
        # on the grid of 1× pixels, so that a ratio× picture is exactly ratio× the 1× one
        h1, w1 = H // ratio, full.shape[1] // ratio
        ink = (full[:h1 * ratio, :w1 * ratio] < 250).any(axis=2)
        ink = ink.reshape(h1, ratio, w1, ratio).any(axis=(1, 3))
        rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
        y0, y1 = max(0, rows[0] - 10), min(h1, rows[-1] + 10)
        ax = fig.axes[0]
        out_x = ax.transData.transform(self.layout.pos[(net.L, 1)])[0] / ratio
        radius = self.layout.radius * ax.transData.get_matrix()[0, 0] / ratio
        need = out_x + 2 * radius + 190                                    # room for "← 예측: 9"
        x0, x1 = max(0, cols[0] - 10), min(w1, max(cols[-1] + 10, int(need)))
        self.background = full[y0 * ratio:y1 * ratio, x0 * ratio:x1 * ratio].copy()
        self._make_palette()

        def to_px(xy):
            px, py = ax.transData.transform(xy)
            return float(px) / ratio - x0, float(H - py) / ratio - y0

        self.xy = {key: to_px(p) for key, p in self.layout.pos.items() if key[0] > 0}
        self.r = to_px((self.layout.radius, 0))[0] - to_px((0, 0))[0]
        self.block = None
        if self.layout.block is not None:
            left, right, bottom, top = self.layout.block
            bx0, by0 = to_px((left, top))
            bx1, by1 = to_px((right, bottom))
            self.block = (round(bx0) + 1, round(by0) + 1,
                          round(bx1) - 1, round(by1) - 1)
        plt.close(fig)

    def _make_palette(self) -> None:
        """One 256-colour table for every frame: the background's own colours, a gray ramp
        for activations and the digit, and the marker colours. Frames are then one byte per
        pixel, which makes PNG encoding on every change about three times cheaper."""
        n_free = 256 - GRAYS - len(MARKS)
        q = Image.fromarray(self.background).quantize(n_free, method=Image.Quantize.MEDIANCUT)
        n_bg = len(q.getpalette()) // 3
        self.bg_index = np.asarray(q, dtype=np.uint8)
        colors = np.zeros((256, 3), np.uint8)
        colors[:n_bg] = np.asarray(q.getpalette(), np.uint8).reshape(-1, 3)
        self.gray0 = n_free                                     # index of black in the ramp
        colors[self.gray0:self.gray0 + GRAYS] = np.round(np.linspace(0, 255, GRAYS))[:, None]
        self.mark = {}
        for k, (name, rgb) in enumerate(MARKS.items()):
            colors[256 - len(MARKS) + k] = rgb
            self.mark[name] = 256 - len(MARKS) + k
        self.colors = colors
        self.palette = colors.tobytes()

    def _gray(self, values) -> np.ndarray:
        """0..1 values → palette numbers of the gray ramp (회색척도)."""
        v = np.clip(np.asarray(values, dtype=float), 0, 1)
        return (self.gray0 + np.round(v * (GRAYS - 1))).astype(np.uint8)

    def paint_index(self, a: list, highlight: tuple[int, int] | None = None,
                    changed=(), off=()) -> np.ndarray:
        """The diagram for activations ``a`` = [a0 … aL] as palette numbers (H, W)."""
        net, L, s = self.net, self.net.L, self.ratio
        d = Pen(Image.fromarray(self.bg_index.copy(), mode="L"), s)
        d.fontmode = "1"                    # no anti-aliasing: it would blend palette numbers
        if self.block is not None:
            bx0, by0, bx1, by1 = self.block
            g = self._gray(np.asarray(a[0]).reshape(SIDE, SIDE))
            d.paste(Image.fromarray(g, mode="L").resize(((bx1 - bx0) * s, (by1 - by0) * s),
                                                        Image.NEAREST), (bx0, by0))
        r, m = self.r, self.mark
        outline = int(self._gray(0.2))
        for (l, i), (px, py) in self.xy.items():
            d.ellipse([px - r, py - r, px + r, py + r], fill=int(self._gray(a[l][i - 1])),
                      outline=outline, width=1)
            if (l, i) in off:
                k = r * 0.7
                d.line([px - k, py - k, px + k, py + k], fill=m["off"], width=2)
                d.line([px - k, py + k, px + k, py - k], fill=m["off"], width=2)
            if (l, i) in changed:
                R = r * 1.35
                d.ellipse([px - R, py - R, px + R, py + R], outline=m["changed"], width=2)
        # No winner when every output is the same (e.g. the blank picture after '모두 지우기'):
        # argmax would name 0, a prediction nobody made.
        winner = int(np.argmax(a[L])) if np.ptp(a[L]) > 0 else None
        f = font(11)
        for i in range(1, net.n[L] + 1):
            px, py = self.xy[(L, i)]
            color = m["winner_text"] if i - 1 == winner else m["text"]
            d.text((px + r + 26, py - 7), f"{a[L][i - 1]:.2f}", fill=color, font=f)
        if winner is not None:
            px, py = self.xy[(L, winner + 1)]
            R = r * 1.55
            d.ellipse([px - R, py - R, px + R, py + R], outline=m["winner"], width=3)
            d.text((px + r + 64, py - 9), f"← 예측: {winner}", fill=m["winner_text"],
                   font=font(15, True))
        if highlight is not None:
            px, py = self.xy[highlight]
            R = r * 1.75
            d.ellipse([px - R, py - R, px + R, py + R], outline=m["highlight"], width=3)
        return d.array()

    def paint(self, a: list, highlight: tuple[int, int] | None = None,
              changed=(), off=()) -> np.ndarray:
        """The same picture as an RGB array."""
        return self.colors[self.paint_index(a, highlight, changed, off)]

    def png(self, a: list, highlight: tuple[int, int] | None = None, changed=(), off=()) -> bytes:
        """The picture as PNG bytes, fast enough for every slider event."""
        return png_fast(self.paint_index(a, highlight, changed, off), self.palette)


class NetworkExplorer(Explorer):
    """신경망 탐험기: the trained network on one test digit, with one neuron under your hand."""

    title = "신경망 탐험기"

    def __init__(self, net: Network | None = None, images=None, labels=None, index: int = 0,
                 seed: int = 0):
        self.trained = pretrained_network() if net is None else validate.network(net).copy()
        self.net = self.trained.copy()
        images, labels = dataset(images, labels, "test")
        self.X = inputs(images)
        index = validate.integer(index, "index (시험 이미지 번호)", 0, len(images) - 1)
        self.y = np.asarray(labels)
        self.canvas = DiagramCanvas(self.trained, ratio=self.ratio)
        self._rng = np.random.default_rng(seed)
        self.edits: dict[tuple[int, int], dict] = {}
        L = self.net.L
        bmax = float(max(10.0, np.ceil(2 * max(np.abs(self.net.b[l]).max() for l in range(1, L + 1)))))

        slider = {"continuous_update": True, "style": {"description_width": "140px"},
                  "layout": W.Layout(width="440px")}
        self.index = W.IntSlider(index, 0, len(self.X) - 1, description="시험 이미지 #", **slider)
        self.random = W.Button(description="무작위 이미지", icon="random")
        self.layer = W.IntSlider(1, 1, L, description="층 l", **slider)
        self.neuron = W.IntSlider(1, 1, self.net.n[1], description="뉴런 i (위에서부터)", **slider)
        self.bias = W.FloatSlider(0.0, min=-bmax, max=bmax, step=0.01, description="편향 b",
                                  readout_format=".2f", **slider)
        self.scale = W.FloatSlider(1.0, min=-2.0, max=3.0, step=0.05,
                                   description="들어오는 가중치 ×", readout_format=".2f", **slider)
        self.off = W.Checkbox(False, description="이 뉴런 끄기 (출력을 0으로)")
        self.reset = W.Button(description="학습된 값으로 되돌리기", icon="undo",
                              button_style="warning", layout=W.Layout(width="220px"))
        self.info = W.HTML()
        self.picture = W.Image(format="png")
        self.bars = W.HTML()

        self.index.observe(self._on_change, "value")
        self.random.on_click(self._on_random)
        self.layer.observe(self._on_select, "value")
        self.neuron.observe(self._on_select, "value")
        for control in (self.bias, self.scale, self.off):
            control.observe(self._on_edit, "value")
        self.reset.on_click(self._on_reset)

        super().__init__([
            W.HBox([self.index, self.random]),
            W.HBox([W.VBox([self.layer, self.neuron]),
                    W.VBox([self.bias, self.scale, W.HBox([self.off, self.reset])])]),
            self.info,
            W.HBox([self.picture, self.bars], layout=W.Layout(align_items="center")),
        ])
        self._sync_controls()
        self._on_change()

    # ---------------------------------------------------------------- API
    @property
    def selected(self) -> tuple[int, int]:
        """The chosen neuron (l, i)."""
        return int(self.layer.value), int(self.neuron.value)

    def select(self, l: int, i: int) -> None:
        """Choose neuron i (1 = top) of layer l; a wrong address gives a Korean error."""
        l, i = self.net.check_neuron(l, i)
        with self.quiet():
            self.layer.value = l
            self.neuron.max = self.net.n[l]
            self.neuron.value = i
        self._sync_controls()
        self._on_change()

    def activations(self) -> list[np.ndarray]:
        """[a0, a1, …, aL] of the current image with the current (edited) weights."""
        return forward_switched_off(self.net, self.X[self.index.value], self._off())

    def _off(self) -> set[tuple[int, int]]:
        """The neurons switched off."""
        return {key for key, e in self.edits.items() if e["off"]}

    def outputs(self) -> np.ndarray:
        """출력층 a[L] for the current image."""
        return self.activations()[-1]

    def reset_weights(self) -> None:
        """Back to the trained weights and biases, exactly."""
        self.net = self.trained.copy()
        self.edits.clear()
        self._sync_controls()
        self._on_change()

    # ---------------------------------------------------------------- events
    def _on_random(self, _=None):
        self.index.value = int(self._rng.integers(0, len(self.X)))

    def _on_select(self, _=None):
        if self._quiet:
            return
        l = self.layer.value
        if self.neuron.max != self.net.n[l]:
            with self.quiet():
                self.neuron.max = self.net.n[l]
        self._sync_controls()
        self._on_change()

    def _sync_controls(self):
        """Show the chosen neuron's current bias, scale and on/off state on the controls."""
        l, i = self.selected
        e = self.edits.get((l, i), {"scale": 1.0, "off": False})
        with self.quiet():
            self.bias.value = on_step(self.bias, float(self.net.b[l][i - 1]))
            self.scale.value = e["scale"]
            self.off.value = e["off"]

    def _on_edit(self, _=None):
        if self._quiet:
            return
        l, i = self.selected
        scale, off = float(self.scale.value), bool(self.off.value)
        b, trained_b = float(self.bias.value), float(self.trained.b[l][i - 1])
        if abs(b - trained_b) <= self.bias.step / 2 + 1e-9:
            # The slider can only show the trained bias rounded to its 0.01 grid;
            # that rounding alone must not count as a change of the trained bias.
            b = trained_b
        self.net.W[l][i - 1] = self.trained.W[l][i - 1] * scale
        self.net.b[l][i - 1] = b
        self.edits[(l, i)] = {"scale": scale, "off": off}
        if (scale == 1.0 and not off and self.net.b[l][i - 1] == self.trained.b[l][i - 1]):
            del self.edits[(l, i)]
        self._on_change()

    def _on_reset(self, _=None):
        self.reset_weights()

    def _on_change(self, _=None):
        if self._quiet:
            return
        a = self.activations()
        L = self.net.L
        l, i = self.selected
        k = self.index.value
        pred = int(np.argmax(a[L]))
        trained_pred = self.trained.predict(self.X[k])
        off = self._off()
        self.show_png(self.picture, self.canvas.png(a, (l, i), self.edits.keys(), off),
                      alt=f"신경망 {'-'.join(map(str, self.net.sizes))}의 뉴런과 연결: 예측: {pred}, "
                          f"출력 {float(a[L][pred]):.2f}, 고른 뉴런은 {l}번째 층 {i}번째 "
                          f"(출력 {float(a[l][i - 1]):.2f})")
        verdict = "맞음 ✅" if pred == int(self.y[k]) else "틀림 ❌"
        changed = f" · 바꾼 뉴런 {len(self.edits)}개" if self.edits else " · 학습된 그대로"
        self.info.value = (
            f"<b>a<sup>[{l}]</sup><sub>{i}</sub></b> = {a[l][i - 1]:.3f} "
            f"(편향 b = {self.net.b[l][i - 1]:.2f}, 들어오는 가중치 {self.net.n[l - 1]}개 "
            f"× {self.edits.get((l, i), {'scale': 1.0})['scale']:.2f})"
            f" · 정답 <b>{int(self.y[k])}</b> · 예측 <b>{pred}</b> {verdict}"
            f" (학습된 신경망의 예측: {trained_pred}){changed}"
        )
        self.bars.value = bars_html(a[L], [str(d) for d in range(self.net.n[L])], pred,
                                    title=f"출력층 a[{L}] · 가장 활성화된 뉴런 = 예측")

    def snapshot(self) -> bytes:
        from mnistlab.widgets.base import caption

        a = self.activations()
        off = self._off()
        k = self.index.value
        text = (f"시험 이미지 #{k} · 정답 {int(self.y[k])} · 예측 {int(np.argmax(a[-1]))} · "
                f"고른 뉴런 a[{self.selected[0]}]_{self.selected[1]} (파란 원)")
        picture = self.canvas.paint(a, self.selected, self.edits.keys(), off)
        return png_small(caption(shrink(picture, self.ratio), text, 15))


def network_explorer(net: Network | None = None, index: int = 0) -> NetworkExplorer:
    """신경망 탐험기 widget: the shipped 784-16-16-10 network on test digit ``index``.

    Pick a neuron (l, i), change its bias or its incoming weights or switch it
    off, and watch every later activation and the prediction; reset any time.
    """
    return NetworkExplorer(net, index=index)


__all__ = ["DiagramCanvas", "NetworkExplorer", "forward_switched_off", "network_explorer"]
