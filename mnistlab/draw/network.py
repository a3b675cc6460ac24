"""Figures of chapter 04 (인공신경망): the network diagram, layer by layer.

Circles are neurons shaded by their output in 회색척도 (0 black … 1 white), as
in the lesson; lines are 가중치, green for positive and red for negative (the
colours of the θ maps in chapter 02), stronger lines for larger weights. The
784 inputs are drawn as the 28×28 digit itself feeding the first hidden layer.

`network_positions` tells where every neuron's circle is, so other figures and
widgets (chapter 06 highlights one neuron a^[l]_i) can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Circle, FancyBboxPatch, Rectangle

from mnistlab.data import N_PIXELS, SIDE
from mnistlab.draw.common import fig_ax
from mnistlab.korean import sign_color
from mnistlab.notation import layer_name

# 양수/음수 가중치: the sign colours of the colour scheme in use (korean.COLOR_SCHEMES);
# read when a figure is drawn, so ml.set_display(colors=...) applies.
HIGHLIGHT = "#1565c0"      # a chosen neuron
WINNER = "#c43e00"         # the most activated output neuron

PIXEL = 0.2                # side of one input pixel in data units
BLOCK = SIDE * PIXEL       # the 28×28 input block is 5.6 units tall
FIRST_X = 8.5              # x of layer 1 when the input is drawn as a block
LAYER_GAP = 3.2            # x distance between layers
HEIGHT = 9.0               # the tallest layer spans this many units


@dataclass(frozen=True)
class Layout:
    """Where every neuron is drawn: ``pos[(l, i)] = (x, y)`` in data units, i counted from 1
    at the top (as in the lesson's a^[l]_i); ``radius`` of the circles; the input block's extent."""

    sizes: tuple[int, ...]
    pos: dict
    radius: float
    block: tuple[float, float, float, float] | None     # (left, right, bottom, top) or None

    def x(self, l: int) -> float:
        """x of layer l's column of circles (layer 0: the block's right edge)."""
        if l == 0 and self.block is not None:
            return self.block[1]
        return self.pos[(l, 1)][0]


def network_positions(sizes) -> Layout:
    """The layout of a network with layer sizes ``sizes`` (e.g. [784, 16, 16, 10]).

    For 784 inputs, neuron (0, i) is the centre of pixel i of the 28×28 block
    (i = 1 … 784 row by row). Every other layer is a column, i = 1 at the top.
    """
    sizes = tuple(int(s) for s in sizes)
    block_input = sizes[0] == N_PIXELS
    columns = sizes[1:] if block_input else sizes
    tallest = max(columns)
    step = min(0.62, HEIGHT / max(1, tallest - 1))
    radius = min(0.24, 0.4 * step)
    pos = {}
    for l, n in enumerate(sizes):
        if l == 0 and block_input:
            for k in range(N_PIXELS):
                r, c = divmod(k, SIDE)
                pos[(0, k + 1)] = ((c + 0.5) * PIXEL, BLOCK / 2 - (r + 0.5) * PIXEL)
            continue
        x = FIRST_X + (l - 1) * LAYER_GAP if block_input else l * LAYER_GAP
        for i in range(1, n + 1):
            pos[(l, i)] = (x, (n - 1) / 2 * step - (i - 1) * step)
    block = (0.0, BLOCK, -BLOCK / 2, BLOCK / 2) if block_input else None
    return Layout(sizes, pos, radius, block)


def input_edges(net, x=None, top_k: int = 6) -> list[tuple[int, int, float]]:
    """The input connections worth drawing: for each neuron of layer 1, the ``top_k`` pixels
    that push it most (|weight × pixel| for this image, or |weight| without one).
    Returns (pixel index 0…783, neuron index 1…n[1], weight) triples."""
    W1 = net.W[1]
    score = np.abs(W1 * x[None, :]) if x is not None and np.any(x) else np.abs(W1)
    out = []
    for i in range(W1.shape[0]):
        for k in np.argsort(score[i])[::-1][:top_k]:
            if x is None or score[i, k] > 0:
                out.append((int(k), i + 1, float(W1[i, k])))
    return out


def edges(net, layout: Layout, x=None, top_k: int = 6) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every line of the diagram: segments (M, 2, 2), RGBA colours (M, 4), widths (M,)."""
    segs, w_list, scale = [], [], []
    block_input = layout.block is not None
    if block_input:
        triples = input_edges(net, x, top_k)
        wmax = float(np.abs(net.W[1]).max()) or 1.0
        for k, i, w in triples:
            segs.append((layout.pos[(0, k + 1)], layout.pos[(1, i)]))
            w_list.append(w)
            scale.append(wmax)
    for l in range(2 if block_input else 1, net.L + 1):
        W = net.W[l]
        wmax = float(np.abs(W).max()) or 1.0
        for i in range(W.shape[0]):
            for j in range(W.shape[1]):
                segs.append((layout.pos[(l - 1, j + 1)], layout.pos[(l, i + 1)]))
                w_list.append(W[i, j])
                scale.append(wmax)
    w = np.asarray(w_list, dtype=float)
    strength = np.abs(w) / np.asarray(scale) if len(w) else w
    colors = np.array([_rgb(sign_color(v)) for v in w]).reshape(-1, 3)
    rgba = np.column_stack([colors, 0.08 + 0.8 * strength ** 1.5]) if len(w) else np.zeros((0, 4))
    widths = 0.25 + 2.0 * strength ** 1.5
    return np.asarray(segs, dtype=float).reshape(-1, 2, 2), rgba, widths


def network_diagram(net, x=None, ax=None, highlight: tuple[int, int] | None = None, top_k: int = 6,
            nodes: bool = True, values: bool = True, title: str | None = None):
    """THE NETWORK DIAGRAM: one input x flowing through ``net`` layer by layer [1_23 … 1_32].

    Circles are shaded by activation (0 black … 1 white); lines by weight sign
    (green +, red −) and size; the 784 inputs are the digit as a 28×28 block,
    joined to each first-layer neuron by its ``top_k`` strongest pixels. The
    outputs are labelled 0 … 9 and the most activated one (the prediction) is
    marked. ``highlight=(l, i)`` rings neuron i (1 = top) of layer l.
    ``nodes=False`` draws only the fixed parts (used by the explorer widget).
    """
    layout = network_positions(net.sizes)
    L = net.L
    a = None
    if x is not None:
        a = net.forward(x)
        x = a[0]
    fig, ax = fig_ax(ax, (9.6, 6.0))
    ax.set_aspect("equal")
    ax.axis("off")

    segs, rgba, widths = edges(net, layout, x, top_k)
    # lines from the input pixels are drawn over the image so that they start at their pixels
    n_in = len(input_edges(net, x, top_k)) if layout.block is not None else 0
    ax.add_collection(LineCollection(segs[n_in:], colors=rgba[n_in:], linewidths=widths[n_in:],
                                     zorder=1, capstyle="round"))
    ax.add_collection(LineCollection(segs[:n_in], colors=rgba[:n_in], linewidths=widths[:n_in],
                                     zorder=2.5, capstyle="round"))
    if n_in and nodes:
        starts = np.unique(segs[:n_in, 0], axis=0)
        ax.scatter(starts[:, 0], starts[:, 1], s=9, marker="s", facecolors="none",
                   edgecolors="#ffd600", linewidths=0.8, zorder=2.6)
    top = max(y for (_, y) in layout.pos.values())
    bottom = min(y for (_, y) in layout.pos.values())
    if layout.block is not None:
        left, right, b0, b1 = layout.block
        image = np.zeros((SIDE, SIDE)) if x is None else np.asarray(x).reshape(SIDE, SIDE)
        if nodes:
            ax.imshow(image, cmap="gray", vmin=0, vmax=1, extent=(left, right, b0, b1), zorder=2,
                      interpolation="nearest")
        ax.add_patch(Rectangle((left, b0), right - left, b1 - b0, fill=False, lw=1.2,
                               edgecolor="#444", zorder=3))
        ax.text((left + right) / 2, b1 + 0.35, "28 × 28 = 784개의 픽셀", ha="center",
                va="bottom", fontsize=12, color="#333")

    r = layout.radius
    if nodes:
        for (l, i), (px, py) in layout.pos.items():
            if l == 0 and layout.block is not None:
                continue
            shade = 0.5 if a is None else float(np.clip(a[l][i - 1], 0, 1))
            ax.add_patch(Circle((px, py), r, facecolor=(shade,) * 3, edgecolor="#333",
                                lw=0.9, zorder=4))
    # output labels 0 … 9 and the winner
    xL = layout.x(L)
    winner = int(np.argmax(a[L])) if a is not None else None
    for i in range(1, net.n[L] + 1):
        px, py = layout.pos[(L, i)]
        is_win = nodes and winner == i - 1
        ax.text(px + r + 0.25, py, f"{i - 1}", ha="left", va="center", fontsize=13,
                fontweight="bold" if is_win else "normal", color=WINNER if is_win else "#222")
        if nodes and values and a is not None:
            ax.text(px + r + 0.75, py, f"{a[L][i - 1]:.2f}", ha="left", va="center", fontsize=11,
                    color="#555" if not is_win else "#b34000", fontfamily="monospace")
    if nodes and winner is not None:
        px, py = layout.pos[(L, winner + 1)]
        ax.add_patch(Circle((px, py), r * 1.5, fill=False, edgecolor=WINNER, lw=2.5, zorder=5))
        ax.annotate(f"예측: {winner}", (px + r + 1.55, py), (xL + 2.9, py), ha="left",
                    va="center", fontsize=12, color="#b34000", fontweight="bold",
                    arrowprops={"arrowstyle": "->", "color": WINNER, "lw": 1.5})
    if highlight is not None:
        hl, hi = net.check_neuron(*highlight)
        px, py = layout.pos[(hl, hi)]
        ax.add_patch(Circle((px, py), r * 1.65, fill=False, edgecolor=HIGHLIGHT, lw=3, zorder=6))

    # layer names under each column
    label_y = bottom - 0.9
    for l in range(L + 1):
        cx = (layout.block[0] + layout.block[1]) / 2 if (l == 0 and layout.block) else layout.x(l)
        ax.text(cx, label_y, layer_name(net.sizes, l), ha="center", va="top", fontsize=15,
                fontweight="bold", color="#222")
        ax.text(cx, label_y - 0.7, f"{l}번째 층\n뉴런 {net.n[l]}개", ha="center", va="top",
                fontsize=13, color="#444", linespacing=1.3)
    if L >= 2:
        hx0, hx1 = layout.x(1) - 0.6, layout.x(L - 1) + 0.6
        ax.add_patch(FancyBboxPatch((hx0, bottom - 0.35), hx1 - hx0, top - bottom + 0.7,
                                    boxstyle="round,pad=0.1", fill=False, ls="--", lw=1,
                                    edgecolor="#9e9e9e", zorder=0))
    x_left = layout.block[0] - 0.3 if layout.block else -0.8
    ax.set_xlim(x_left, xL + 4.6)
    ax.set_ylim(label_y - 2.2, top + 0.7)
    if title is None:
        title = "인공신경망 " + "-".join(map(str, net.sizes)) + f" (L = {L})"
    if title:
        ax.set_title(title, fontsize=14)
    return fig


def network_legend(ax=None):
    """A small key: gray scale of activations and the colours of weights."""
    fig, ax = fig_ax(ax, (6, 1.4))
    ax.axis("off")
    for k, v in enumerate(np.linspace(0, 1, 6)):
        ax.add_patch(Circle((0.4 + k * 0.55, 0.5), 0.2, facecolor=(v,) * 3, edgecolor="#333"))
        ax.text(0.4 + k * 0.55, 0.05, f"{v:.1f}", ha="center", fontsize=8)
    ax.text(0.1, 0.95, "뉴런의 출력 (회색척도: 0 검정 … 1 흰색)", fontsize=9)
    for k, (c, t) in enumerate(((sign_color(1), "양수(+) 가중치"), (sign_color(-1), "음수(−) 가중치"))):
        ax.plot([4.2, 5.0], [0.7 - k * 0.4] * 2, color=c, lw=2.5)
        ax.text(5.1, 0.7 - k * 0.4, t, va="center", fontsize=9)
    ax.text(4.2, 0.95, "선 = 가중치 (굵고 진할수록 크기가 큼)", fontsize=9)
    ax.set_xlim(0, 7)
    ax.set_ylim(-0.1, 1.1)
    ax.set_aspect("equal")
    return fig


def _rgb(hex_color: str) -> tuple[float, float, float]:
    h = hex_color.lstrip("#")
    return tuple(int(h[k:k + 2], 16) / 255 for k in (0, 2, 4))



__all__ = ["Layout", "edges", "input_edges", "layer_name", "network_diagram", "network_legend",
           "network_positions"]
