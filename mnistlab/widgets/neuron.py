"""뉴런 놀이터: one artificial neuron on sliders (chapter 03).

Inputs x, weights w, the bias b and the activation function are controls; the
weighted sum z and the output a update at once, drawn on the neuron and
marked on the activation function's curve.

Speed: the four activation curves are drawn with matplotlib once, when the
widget is built; each change paints the neuron and a dot on the curve with
PIL and encodes one small PNG.
"""

from __future__ import annotations

import ipywidgets as W
import numpy as np
from PIL import Image

from mnistlab import validate
from mnistlab.errors import MnistlabValueError
from mnistlab.formulas import ACTIVATIONS, KOREAN_NAMES
from mnistlab.neuron import Neuron
from mnistlab.raster import Pen, png_fast, shrink
from mnistlab.widgets.base import Explorer, font, hstack

Z_RANGE = 8.0                   # the curve shows z from -8 to 8
CURVE_SIZE = (360, 280)         # pixels
NEURON_SIZE = (520, 280)
GREEN, RED, DOT = (47, 191, 47), (229, 57, 53), (229, 57, 53)


def _sign_rgb(value: float) -> tuple[int, int, int]:
    """A weight line's colour: the colour scheme's + / − line colour (korean.sign_color)."""
    from matplotlib.colors import to_rgb

    from mnistlab.korean import sign_color

    return tuple(round(255 * c) for c in to_rgb(sign_color(value)))


def _curve_background(name: str, ratio: int = 1) -> tuple[np.ndarray, callable]:
    """The activation curve as an RGB image of ``ratio``× pixels and a function
    (z, a) → its 1× pixel (x, y)."""
    import matplotlib.pyplot as plt

    dpi = 80
    fig, ax = plt.subplots(figsize=(CURVE_SIZE[0] / dpi, CURVE_SIZE[1] / dpi), dpi=dpi * ratio)
    z = np.linspace(-Z_RANGE, Z_RANGE, 801)
    a = ACTIVATIONS[name](z)
    if name == "step":
        ax.plot(z[z < 0], a[z < 0], color="#1565c0", lw=2.2)
        ax.plot(z[z >= 0], a[z >= 0], color="#1565c0", lw=2.2)
    else:
        ax.plot(z, a, color="#1565c0", lw=2.2)
    ax.axhline(0, color="#999", lw=0.8)
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_xlim(-Z_RANGE, Z_RANGE)
    ylim = {"tanh": (-1.15, 1.15), "relu": (-0.5, Z_RANGE)}.get(name, (-0.1, 1.1))
    ax.set_ylim(*ylim)
    ax.set_xlabel("가중합 z")
    ax.set_ylabel("출력 a")
    ax.set_title(f"활성함수: {KOREAN_NAMES[name]}", fontsize=11)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.canvas.draw()
    rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()
    H = rgb.shape[0]
    transform = ax.transData.frozen()
    plt.close(fig)

    def to_px(zv: float, av: float) -> tuple[float, float]:
        px, py = transform.transform((zv, av))
        return float(px) / ratio, float(H - py) / ratio

    return rgb, to_px


class NeuronPlayground(Explorer):
    """뉴런 놀이터: x, w, b and the activation function on sliders; z and a live."""

    title = "뉴런 놀이터"

    def __init__(self, n_inputs: int = 3, x=None, w=None, b: float = -0.5,
                 activation: str = "sigmoid"):
        n_inputs = validate.integer(n_inputs, "입력 수 n_inputs", low=1, high=6)
        x = [0.9, 0.2, 0.6, 0.5, 0.5, 0.5][:n_inputs] if x is None else list(x)
        w = [2.0, -1.5, 0.7, 1.0, 1.0, 1.0][:n_inputs] if w is None else list(w)
        self.neuron = Neuron(w, b, activation)              # checks lengths, NaN, activation
        if len(x) != n_inputs or len(w) != n_inputs:
            raise MnistlabValueError(f"x 와 w 는 입력 수({n_inputs})만큼 값이 있어야 합니다. "
                             f"받은 길이: x {len(x)}개, w {len(w)}개")
        self.n = n_inputs
        self._curves = {name: _curve_background(name, self.ratio) for name in ACTIVATIONS}

        style = {"description_width": "70px"}
        lay = W.Layout(width="300px")
        self.xs = [W.FloatSlider(float(v), min=0, max=1, step=0.01, description=f"입력 x{k + 1}",
                                 style=style, layout=lay) for k, v in enumerate(x)]
        self.ws = [W.FloatSlider(float(v), min=-5, max=5, step=0.1, description=f"가중치 w{k + 1}",
                                 style=style, layout=lay) for k, v in enumerate(w)]
        self.bias = W.FloatSlider(float(b), min=-5, max=5, step=0.1, description="편향 b",
                                  style=style, layout=lay)
        self.activation = W.Dropdown(options=[(KOREAN_NAMES[k], k) for k in ACTIVATIONS],
                                     value=activation, description="활성함수", style=style,
                                     layout=W.Layout(width="300px"))
        self.formula = W.HTML()
        self.picture = W.Image(format="png")
        for control in (*self.xs, *self.ws, self.bias, self.activation):
            control.observe(self._on_change, "value")
        super().__init__([
            W.HBox([W.VBox([W.HTML("<b>입력</b>"), *self.xs]),
                    W.VBox([W.HTML("<b>가중치와 편향</b>"), *self.ws, self.bias]),
                    W.VBox([W.HTML("<b>활성함수</b>"), self.activation])]),
            self.formula,
            self.picture,
        ])
        self._on_change()

    # ---------------------------------------------------------------- numbers
    def values(self) -> tuple[np.ndarray, np.ndarray, float, str]:
        """The current inputs x, weights w, bias b and activation name."""
        return (np.array([s.value for s in self.xs]), np.array([s.value for s in self.ws]),
                float(self.bias.value), self.activation.value)

    def compute(self) -> tuple[float, float]:
        """가중합 z and 출력 a for the current controls."""
        x, w, b, name = self.values()
        neuron = Neuron(w, b, name)
        return neuron.weighted_sum(x), neuron(x)

    # ---------------------------------------------------------------- drawing
    def _on_change(self, _=None):
        x, w, b, name = self.values()
        z, a = self.compute()
        self.show_png(self.picture, png_fast(self.render()),
                      alt="인공뉴런 그림: 입력 " + ", ".join(f"{v:.2f}" for v in x)
                          + ", 가중치 " + ", ".join(f"{v:+.1f}" for v in w)
                          + f", 편향 {b:+.2f}, 가중합 z = {z:.2f}, 출력 a = {a:.3f}")
        terms = " + ".join(f"({wk:.2f})×{xk:.2f}" if wk < 0 else f"{wk:.2f}×{xk:.2f}"
                           for wk, xk in zip(w, x))
        self.formula.value = (
            f"<span style='font-size:14px'>가중합 z = {terms} + ({b:.2f}) = <b>{z:.3f}</b>"
            f" &nbsp;→&nbsp; 출력 a = {KOREAN_NAMES[name].split(' (')[0]}(z) = "
            f"<b style='color:#c62828'>{a:.3f}</b></span>"
        )

    def render(self) -> np.ndarray:
        """The neuron and the curve with the current values, as one RGB image."""
        x, w, b, name = self.values()
        z, a = self.compute()
        return hstack(self._neuron_rgb(x, w, b, z, a, name), self._curve_rgb(z, a, name),
                      gap=4 * self.ratio)

    def _neuron_rgb(self, x, w, b, z, a, name) -> np.ndarray:
        d = Pen.new(NEURON_SIZE, ratio=self.ratio)
        f, fb = font(13), font(13, True)
        H = NEURON_SIZE[1]
        ys = np.linspace(40, H - 40, self.n) if self.n > 1 else np.array([H / 2])
        sx, sy, r = 255, H / 2 + 10, 28
        for k, y in enumerate(ys):
            width = int(1 + 5 * min(abs(w[k]), 5) / 5)
            d.line([(62, y), (sx - r, sy)], fill=_sign_rgb(w[k]), width=width)
            g = int(np.clip(x[k], 0, 1) * 255)
            d.ellipse([20, y - 20, 60, y + 20], fill=(g, g, g), outline=(50, 50, 50), width=2)
            d.text((40, y), f"{x[k]:.2f}", fill=(0, 0, 0) if g > 127 else (255, 255, 255),
                   font=font(11), anchor="mm")
            d.text((118, y + (sy - y) * 0.3 - 16), f"w{k + 1} = {w[k]:.1f}", fill=(40, 40, 40),
                   font=font(12))
        d.line([(sx, 18), (sx, sy - r - 4)], fill=(106, 27, 154), width=2)
        d.polygon([(sx - 6, sy - r - 12), (sx + 6, sy - r - 12), (sx, sy - r - 2)],
                  fill=(106, 27, 154))
        d.text((sx + 8, 14), f"편향 b = {b:.2f}", fill=(106, 27, 154), font=f)
        d.ellipse([sx - r, sy - r, sx + r, sy + r], fill=(255, 248, 225), outline=(50, 50, 50),
                  width=2)
        d.text((sx, sy), "Σ", fill=(0, 0, 0), font=font(24), anchor="mm")
        d.text((sx, sy + r + 8), f"z = {z:.2f}", fill=(0, 0, 0), font=fb, anchor="ma")
        bx = 345
        d.line([(sx + r, sy), (bx, sy)], fill=(50, 50, 50), width=2)
        d.rectangle([bx, sy - 22, bx + 80, sy + 22], fill=(227, 242, 253), outline=(50, 50, 50),
                    width=2)
        d.text((bx + 40, sy), KOREAN_NAMES[name].split(" (")[0], fill=(21, 101, 192),
               font=font(12), anchor="mm")
        ox = 475
        d.line([(bx + 80, sy), (ox - 30, sy)], fill=(50, 50, 50), width=2)
        g = int(np.clip(a, 0, 1) * 255)
        d.ellipse([ox - 28, sy - 28, ox + 28, sy + 28], fill=(g, g, g), outline=(50, 50, 50),
                  width=2)
        d.text((ox, sy), f"{a:.2f}", fill=(0, 0, 0) if g > 127 else (255, 255, 255), font=fb,
               anchor="mm")
        d.text((ox, sy + 36), "출력 a", fill=(0, 0, 0), font=f, anchor="ma")
        return d.array()

    def _curve_rgb(self, z, a, name) -> np.ndarray:
        bg, to_px = self._curves[name]
        d = Pen(Image.fromarray(bg.copy()), self.ratio)
        zc = float(np.clip(z, -Z_RANGE, Z_RANGE))
        ac = float(ACTIVATIONS[name](zc))
        px, py = to_px(zc, ac)
        _, y0 = to_px(zc, 0.0)
        x0, _ = to_px(-Z_RANGE, ac)
        d.line([(px, y0), (px, py)], fill=(120, 120, 120), width=1)
        d.line([(x0, py), (px, py)], fill=(120, 120, 120), width=1)
        d.ellipse([px - 6, py - 6, px + 6, py + 6], fill=DOT, outline=(120, 0, 0))
        label = f"z = {z:.2f}, a = {a:.2f}"
        if abs(z) > Z_RANGE:
            label += " (z 가 그림 밖)"
        d.text((x0 + 4, 34), label, fill=(183, 28, 28), font=font(12))
        return d.array()

    def snapshot(self) -> bytes:
        from mnistlab.widgets.base import caption

        z, a = self.compute()
        return png_fast(caption(shrink(self.render(), self.ratio), f"뉴런 놀이터 · 가중합 z = {z:.3f}, 출력 a = {a:.3f}"))


def neuron_playground(n_inputs: int = 3, activation: str = "sigmoid") -> NeuronPlayground:
    """뉴런 놀이터 widget: one neuron with ``n_inputs`` inputs on sliders (default 3)."""
    return NeuronPlayground(n_inputs=n_inputs, activation=activation)


__all__ = ["NeuronPlayground", "neuron_playground"]
