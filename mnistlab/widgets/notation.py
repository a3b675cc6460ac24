"""표기법 탐색기: choose a layer l and a neuron i; see a^[l]_i on the network (chapter 06).

The picture itself (and :func:`notation_picture`, its static version for the
notebook's figures) lives in :mod:`mnistlab.draw.notation`; this module only
wires the controls to it.
"""

from __future__ import annotations

import ipywidgets as W
import numpy as np
from PIL import Image

from mnistlab import notation, validate
from mnistlab.data import dataset, inputs
from mnistlab.draw.notation import (
    NotationPicture,
    notation_picture,
    output_label,
)
from mnistlab.draw.sprites import encode_p
from mnistlab.widgets.base import Explorer, set_slider_range


class NotationExplorer(Explorer):
    """표기법 탐색기: pick l and i → the neuron on the diagram, its symbol, its value, a^[l]."""

    title = "층과 뉴런의 표기법"

    def __init__(self, net=None, images=None, labels=None):
        if net is None:
            from mnistlab.network import pretrained_network

            net = pretrained_network()
        net = validate.network(net)
        images, labels = dataset(images, labels, "test")
        self.net = net
        self.images, self.labels = np.asarray(images), np.asarray(labels)
        self.nt = notation.Notation(net)
        self.picture_maker = NotationPicture(self.nt.sizes, ratio=self.ratio)
        self._snapshot_maker = None         # a 1× picture maker, made when first needed
        self._acts_cache: dict[int, list[np.ndarray]] = {}

        self.index = W.IntSlider(0, 0, len(self.images) - 1, description="이미지 번호",
                                 layout=W.Layout(width="380px"))
        self.layer = W.Dropdown(options=[(f"{l}번째 층 ({self.nt.layer_name(l)})", l)
                                         for l in range(self.nt.L + 1)],
                                value=1, description="층 l")
        self.neuron = W.IntSlider(4, 1, self.nt.n(1), description="뉴런 i (위에서부터)",
                                  style={"description_width": "initial"},
                                  layout=W.Layout(width="380px"))
        self.last = W.Button(description="이 층의 마지막 뉴런", icon="arrow-down")
        self.symbol = W.HTMLMath()
        self.image = W.Image(format="png")

        self.index.observe(self._on_change, "value")
        self.layer.observe(self._on_layer, "value")
        self.neuron.observe(self._on_change, "value")
        self.last.on_click(self._on_last)
        super().__init__([
            W.HBox([self.index, self.layer]),
            W.HBox([self.neuron, self.last]),
            self.symbol,
            self.image,
        ])
        self._on_change()

    def activations(self) -> list[np.ndarray]:
        k = int(self.index.value)
        if k not in self._acts_cache:
            if len(self._acts_cache) > 256:
                self._acts_cache.clear()
            self._acts_cache[k] = self.net.forward(inputs(self.images[k:k + 1])[0])
        return self._acts_cache[k]

    def _on_layer(self, _=None):
        set_slider_range(self, self.neuron, self.nt.n(self.layer.value), self.neuron.value)
        self._on_change()

    def _on_last(self, _=None):
        self.neuron.value = self.neuron.max

    def _render(self, maker: NotationPicture | None = None) -> Image.Image:
        l, i = int(self.layer.value), int(self.neuron.value)
        k = int(self.index.value)
        title = f"시험 이미지 #{k} (정답 {int(self.labels[k])})"
        return (maker or self.picture_maker).render_image(
            self.activations(), l, i, ("layers", "a", "n", "symbol", "vector"), title)

    def _on_change(self, _=None):
        if self._quiet:
            return
        l, i = int(self.layer.value), int(self.neuron.value)
        a = self.activations()
        sym = self.nt.a(l, i)
        last = ""
        if i == self.nt.n(l) and l > 0:
            last = f" &nbsp;(마지막 뉴런이므로 ${self.nt.a(l, notation.LAST)}$로도 씁니다)"
        self.symbol.value = (
            f"<span style='font-size:1.25em'>${sym} = {a[l][i - 1]:.3f}$</span> &nbsp; — "
            f"{self.nt.describe(l, i)}; &nbsp; ${self.nt.n_symbol(l)}$, "
            f"${self.nt.L_symbol()}${last}"
        )
        self.show_png(self.image, encode_p(self._render()),
                      alt=f"층 {l}의 {i}번째 뉴런을 표시한 신경망 그림: 출력 {a[l][i - 1]:.3f}")

    def snapshot(self) -> bytes:
        if self.ratio == 1:
            return encode_p(self._render())
        if self._snapshot_maker is None:
            self._snapshot_maker = NotationPicture(self.nt.sizes)
        return encode_p(self._render(self._snapshot_maker))


def notation_explorer(net=None, images=None, labels=None) -> NotationExplorer:
    """표기법 탐색기 widget: choose l and i; see a^[l]_i on the diagram, its value and a^[l].

    With no arguments it uses the shipped 784-16-16-10 network and the test images.
    """
    return NotationExplorer(net, images, labels)


__all__ = ["NotationExplorer", "NotationPicture", "notation_explorer", "notation_picture", "output_label"]
