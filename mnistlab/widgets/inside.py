"""은닉 뉴런 탐색기: pick a hidden neuron → its weights, its top images, its output now (ch. 05).

Everything that depends only on the neuron (its weight map, its top images) is
computed once for all 10,000 test images at start and cached as PNG bytes; a
change of digit re-encodes one small image and a line of text.
"""

from __future__ import annotations

import html

import ipywidgets as W
import numpy as np
from PIL import Image, ImageDraw

from mnistlab import validate
from mnistlab.data import N_PIXELS, SIDE, dataset, inputs
from mnistlab.errors import MnistlabValueError
from mnistlab.inside import forward_in_chunks, top_of_layer
from mnistlab.korean import THETA_CMAP, shared_limit, sign_legend, symmetric_limit
from mnistlab.raster import Pen, png
from mnistlab.widgets.base import (
    Explorer,
    caption,
    color_bar,
    colormap,
    font,
    gray,
    hstack,
    set_slider_range,
    vstack,
    weight_alt,
)

K = 12              # top images shown per neuron
SCALE = 6           # weight map: one weight → 6×6 screen pixels
THUMB = 3           # top images: one pixel → 3×3 (captions readable on a projector)


def weight_picture(w: np.ndarray, ratio: int = 1, lim: float | None = None,
                   legend: bool = True) -> np.ndarray:
    """A neuron's incoming 가중치 on THETA_CMAP (dark 0), on the ± scale ``lim`` (the layer's
    shared scale; default its own largest |w|), with the colour bar under it.

    784 weights are drawn as the 28×28 image they multiply; other lengths as a row of cells.
    """
    w = np.asarray(w, dtype=float).reshape(-1)
    lim = symmetric_limit(w) if lim is None else float(lim)
    picture = _weight_cells(w, lim, ratio)
    if not legend:
        return picture
    bar = color_bar(lim, max(picture.shape[1] // ratio, 168), ratio, label="이 층 공통 색 범위",
                    size=11)
    return vstack(picture, bar, gap=4 * ratio)


def _weight_cells(w: np.ndarray, lim: float, ratio: int) -> np.ndarray:
    if w.size == N_PIXELS:
        return colormap(w.reshape(SIDE, SIDE), THETA_CMAP.name, -lim, lim, SCALE * ratio)
    cell = max(8, min(24, 336 // w.size))
    row = colormap(w[None, :], THETA_CMAP.name, -lim, lim, cell * ratio)
    pen = Pen.new((w.size * cell, cell + 16), ratio=ratio)
    pen.paste(Image.fromarray(row), (0, 0))
    for k in range(w.size):
        pen.text((k * cell + 2, cell + 1), str(k + 1), font=font(9), fill=(90, 90, 90))
    return pen.array()


def top_grid(images: np.ndarray, labels: np.ndarray, idx: np.ndarray, vals: np.ndarray,
             cols: int = 6, value: str = "a", ratio: int = 1) -> np.ndarray:
    """The top images of one neuron in a grid, each with its label and the neuron's output
    (or, with ``value="z"``, its 가중합 z: a saturated sigmoid reads 1.00 on every top image)."""
    tiles = []
    for _n, (k, v) in enumerate(zip(idx, vals)):
        t = gray(images[k].reshape(SIDE, SIDE), THUMB * ratio)
        number = f"z {v:.1f}" if value == "z" else f"{v:.2f}"
        tiles.append(caption(t, f"{int(labels[k])} · {number}", size=12, pad=2, ratio=ratio))
    rows = [hstack(*tiles[r:r + cols], gap=4 * ratio) for r in range(0, len(tiles), cols)]
    return vstack(*rows, gap=4 * ratio)


class HiddenNeuronExplorer(Explorer):
    """은닉 뉴런 탐색기: weights, the most exciting test images, and the current digit's output."""

    title = "은닉 뉴런 탐색기"

    def __init__(self, net=None, images=None, labels=None, names=None, k: int = K,
                 value: str = "a"):
        if net is None:
            from mnistlab.network import pretrained_network

            net = pretrained_network()
        net = validate.network(net, hidden=True)
        if names is not None and (isinstance(names, (str, bytes)) or not hasattr(names, "__len__")
                                  or len(names) != net.n[1]):
            raise MnistlabValueError(
                f"names 는 첫 번째 은닉층의 뉴런 {net.n[1]}개에 하나씩 붙일 이름의 목록이어야 합니다. "
                f"받은 값: {names!r}"[:200]
            )
        k = validate.positive_int(k, "k")
        images, labels = dataset(images, labels, "test")
        self.X = inputs(images, np.float32)
        self.labels = np.asarray(labels)
        self.net, self.k = net, k
        self.value = validate.choice(value, 'value ("a" 는 뉴런의 출력, "z" 는 가중합)', ("a", "z"))
        self.names = names
        self.acts, z = forward_in_chunks(net, self.X)          # every layer, all images
        # ranked by the weighted sum z: the order of the outputs, without ties at 1.0
        self.top = {}
        # one colour scale per layer (every neuron's map is comparable), stated by a colour bar
        self.limits = {l: shared_limit(net.W[l]) for l in range(1, net.L)}
        for l in range(1, net.L):
            self.top[l] = top_of_layer(self.acts, z, l, k, value)
        # every hidden neuron's two pictures, encoded once (a neuron change is then a lookup)
        self._cache: dict[tuple, tuple[bytes, bytes]] = {}
        for l in range(1, net.L):
            for i in range(1, net.sizes[l] + 1):
                w, g = self._neuron_pictures(l, i)
                self._cache[(l, i)] = (png(w), png(g))

        self.layer = W.Dropdown(options=[(f"{l}번째 층 (은닉층)", l) for l in range(1, net.L)],
                                value=1, description="층")
        if net.L == 2:          # one hidden layer: a menu with one choice would only puzzle
            self.layer.layout.display = "none"
        self.neuron = W.IntSlider(1, 1, net.sizes[1], description="뉴런 i",
                                  layout=W.Layout(width="360px"))
        self.index = W.IntSlider(0, 0, len(self.X) - 1, description="지금 숫자 #",
                                 layout=W.Layout(width="420px"))
        self.header = W.HTML()
        self.weights = W.Image(format="png")
        self.grid = W.Image(format="png")
        self.digit = W.Image(format="png")
        self.now = W.HTML()

        self.layer.observe(self._on_layer, "value")
        self.neuron.observe(self._on_neuron, "value")
        self.index.observe(self._on_digit, "value")
        col = {"align_items": "flex-start"}
        super().__init__([
            W.HBox([self.layer, self.neuron]),
            self.header,
            W.HBox([
                W.VBox([W.HTML(f"<b>가중치</b> ({sign_legend(short=True)})"), self.weights],
                       layout=W.Layout(**col)),
                W.VBox([W.HTML(f"<b>가장 크게 반응한 시험 이미지 {k}장</b> "
                               f"(정답 · {'가중합 z' if value == 'z' else '출력'})"),
                        self.grid], layout=W.Layout(**col)),
            ], layout=W.Layout(**col, grid_gap="16px")),
            self.index,
            W.HBox([self.digit, self.now], layout=W.Layout(**col, grid_gap="12px")),
        ])
        self._on_neuron()

    @property
    def current(self) -> tuple[int, int]:
        return int(self.layer.value), int(self.neuron.value)

    def _neuron_pictures(self, l: int, i: int, ratio: int | None = None
                         ) -> tuple[np.ndarray, np.ndarray]:
        """Weight map and top images of neuron (l, i), at the widget's ratio unless given."""
        idx, vals = self.top[l]
        ratio = ratio or self.ratio
        return (weight_picture(self.net.W[l][i - 1], ratio, self.limits[l]),
                top_grid(self.X, self.labels, idx[i - 1], vals[i - 1], value=self.value,
                         ratio=ratio))

    def _on_layer(self, _=None):
        set_slider_range(self, self.neuron, self.net.sizes[self.layer.value], self.neuron.value)
        self._on_neuron()

    def _on_neuron(self, _=None):
        if self._quiet:
            return
        l, i = self.current
        weights, grid = self._cache[(l, i)]
        self.show_png(self.weights, weights,
                      alt=weight_alt(self.net.W[l][i - 1], self.limits[l],
                                     f"{l}번째 층 {i}번째 뉴런의 가중치"))
        idx, vals = self.top[l]
        shown = ", ".join(f"{int(self.labels[k])}({v:.2f})" for k, v in
                          zip(idx[i - 1][:6], vals[i - 1][:6]))
        what = "가중합 z" if self.value == "z" else "출력"
        self.show_png(self.grid, grid, alt=f"가장 크게 반응한 시험 이미지 {self.k}장, "
                                           f"정답({what}): {shown} …")
        name = ""
        if self.names is not None and l == 1:
            name = f" — 「{html.escape(str(self.names[i - 1]))}」"
        self.header.value = (f"<b style='font-size:1.15em'>a<sup>[{l}]</sup><sub>{i}</sub></b>: "
                             f"{l}번째 층의 위에서 {i}번째 뉴런{name}")
        self._on_digit()

    def _digit_text(self) -> str:
        l, i = self.current
        k = int(self.index.value)
        a = self.acts[l][:, i - 1]
        v = float(a[k])
        share = float(np.mean(a > v)) * 100
        return (f"시험 이미지 #{k} (정답 {int(self.labels[k])})에 대한 이 뉴런의 출력 "
                f"<b>a<sup>[{l}]</sup><sub>{i}</sub> = {v:.3f}</b><br>"
                f"시험 이미지 {len(a):,}장 중 이보다 크게 반응한 이미지: {share:.1f}%")

    def _on_digit(self, _=None):
        k = int(self.index.value)
        self.show_png(self.digit, png(gray(self.X[k].reshape(SIDE, SIDE), 4 * self.ratio)),
                      alt=f"시험 이미지 #{k}: 정답 {int(self.labels[k])}")
        self.now.value = self._digit_text()

    def snapshot(self) -> bytes:
        l, i = self.current
        w, g = self._neuron_pictures(l, i, ratio=1)
        k = int(self.index.value)
        v = float(self.acts[l][k, i - 1])
        top = hstack(caption(w, f"가중치 ({sign_legend(short=True).replace('−', '-')})"),
                     caption(g, f"가장 크게 반응한 이미지 {self.k}장 "
                                f"(정답 · {'가중합 z' if self.value == 'z' else '출력'})"))
        note = Image.new("RGB", (360, 40), "white")
        ImageDraw.Draw(note).text((4, 10), f"시험 이미지 #{k} (정답 {int(self.labels[k])})에 대한 "
                                  f"출력: {v:.3f}", font=font(14), fill="black")
        now = hstack(gray(self.X[k].reshape(SIDE, SIDE), 4), np.asarray(note))
        name = f" ({self.names[i - 1]})" if self.names is not None and l == 1 else ""
        return png(vstack(caption(top, f"{l}번째 층의 위에서 {i}번째 뉴런{name}", 16), now))


def hidden_neuron_explorer(net=None, images=None, labels=None, names=None,
                           value: str = "a") -> HiddenNeuronExplorer:
    """은닉 뉴런 탐색기 widget: pick a hidden neuron → its weights, top images, output now.

    With no arguments: the shipped 784-16-16-10 network on the 10,000 test images.
    ``names`` labels the first hidden layer's neurons (e.g. the hand-built patterns);
    ``value="z"`` captions the top images with the 가중합 z instead of the output.
    """
    return HiddenNeuronExplorer(net, images, labels, names, value=value)


__all__ = ["HiddenNeuronExplorer", "hidden_neuron_explorer", "top_grid", "weight_picture"]
