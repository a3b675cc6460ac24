"""Figures of chapter 04 for one layer's arithmetic [1_24, 1_26, 1_29].

- ``input_column``: the input layer as 3Blue1Brown draws it, a column of 784
  neurons, each lit by its pixel value (only an excerpt fits on a page).
- ``neuron_zoom``: one layer-1 neuron up close: its 784 weights as a 28×28
  map, its bias as "fire only when the weighted sum passes −b", its output.
- ``layer_product``: a whole layer at once, a^[l] = σ(W^[l] a^[l−1] + b^[l]),
  drawn as a matrix times a column: W^[l] has shape (n^[l], n^[l−1]) and row i
  holds the weights coming into neuron i.

The numbers come from small functions (``column_excerpt``, ``zoom_numbers``,
``layer_numbers``) so they can be tested without drawing; every a and z is the
network's own, from ``Network.forward(x, return_z=True)`` (whatever its activation).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Circle, Rectangle

from mnistlab import validate
from mnistlab.data import N_PIXELS, SIDE
from mnistlab.draw.common import image_panels, weight_colorbar
from mnistlab.korean import THETA_CMAP, shared_limit, symmetric_limit

HIGHLIGHT = "#1565c0"
SIGNAL = "#b34000"


def _plus(value: float) -> str:
    """'+ 0.84' or '− 0.84': a term added to a sum, with its sign spaced like the other operators."""
    return f"{'+' if value >= 0 else '−'} {abs(value):.2f}"


# ------------------------------------------------------------ input layer 1_24

def column_excerpt(x, head: int = 4, middle: int = 12, tail: int = 3) -> list[list[int]]:
    """Which input neurons (pixel indices 0…783) to show in a column that cannot hold 784:
    the first ``head``, the ``middle`` consecutive pixels with the most ink, the last ``tail``.
    Returns the three runs; the gaps between them are drawn as "⋮"."""
    x = np.asarray(x, dtype=float).reshape(-1)
    ink = np.convolve(x, np.ones(middle), mode="valid")          # ink of every run of `middle`
    ink[: head + 1] = -1                                          # keep the runs apart
    ink[len(ink) - tail - 1:] = -1
    start = int(np.argmax(ink))
    return [list(range(head)), list(range(start, start + middle)),
            list(range(N_PIXELS - tail, N_PIXELS))]


def input_column(x, title: str | None = "입력층: 784개의 뉴런이 한 줄로"):
    """THE INPUT LAYER [1_24]: the image and the column of 784 input neurons it lights.

    Neuron k+1 holds pixel k (row by row) and is shaded by its value (회색척도);
    a line joins each drawn neuron to its pixel in the image.
    """
    x = np.asarray(x, dtype=float).reshape(-1)
    runs = column_excerpt(x)
    n_rows = sum(len(r) for r in runs) + 2 * (len(runs) - 1)
    step = 1.6                                  # rows of the column, in pixels
    cx = SIDE + 12                              # x of the column of circles
    top = (SIDE - step * (n_rows - 1)) / 2      # centre the column on the image
    fig, ax = plt.subplots(figsize=(9.5, 8.2))
    ax.imshow(x.reshape(SIDE, SIDE), cmap="gray", vmin=0, vmax=1, extent=(0, SIDE, SIDE, 0),
              interpolation="nearest")
    ax.text(SIDE / 2, -0.8, "28 × 28 이미지", ha="center", va="bottom", fontsize=13)
    ax.text(cx, top - 1.6, "입력층 (0번째 층)", ha="center", va="bottom", fontsize=13,
            fontweight="bold")
    segs, colors = [], []
    y = top
    for r, run in enumerate(runs):
        if r:
            ax.text(cx, y + step / 2, "⋮", ha="center", va="center", fontsize=20, color="#444")
            y += 2 * step
        for k in run:
            v = float(np.clip(x[k], 0, 1))
            ax.add_patch(Circle((cx, y), 0.45 * step, facecolor=(v,) * 3, edgecolor="#333", lw=1,
                                zorder=3))
            ax.text(cx + 0.75 * step, y, f"뉴런 {k + 1}: {x[k]:.2f}", va="center",
                    fontsize=11, color="#222" if v > 0 else "#666")
            row, c = divmod(k, SIDE)
            segs.append(((c + 0.5, row + 0.5), (cx - 0.45 * step, y)))
            colors.append(HIGHLIGHT if v > 0 else "#b0bec5")
            ax.add_patch(Rectangle((c, row), 1, 1, fill=False, lw=1, edgecolor=HIGHLIGHT, zorder=2))
            y += step
    ax.add_collection(LineCollection(segs, colors=colors, linewidths=0.8, alpha=0.8, zorder=1))
    ax.set_xlim(-0.5, cx + 9)
    ax.set_ylim(y + 0.5, top - 2.6)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=15)
    return fig


# ------------------------------------------------------------ one neuron 1_26

def zoom_numbers(net, x, i: int, l: int = 1) -> dict:
    """Neuron i (1 = top) of layer l for input x: its weights, the weighted sum Σ w·a,
    the bias b, the threshold −b the sum must pass, z = sum + b and its output a = σ(z)
    (a and z as the network computes them)."""
    l, i = validate.network(net).check_neuron(l, i)
    a, z = net.forward(x, return_z=True)
    w = np.asarray(net.W[l][i - 1], dtype=float)
    b = float(net.b[l][i - 1])
    zi = float(z[l][i - 1])
    return {"w": w, "a_prev": a[l - 1], "weighted_sum": zi - b, "b": b, "threshold": -b,
            "z": zi, "a": float(a[l][i - 1]), "fires": zi >= 0}


def neuron_zoom(net, x, i: int = 1):
    """ONE NEURON UP CLOSE [1_26]: layer-1 neuron i's weights as a 28×28 map, the image,
    their product, and the bias as the threshold −b on the weighted sum."""
    d = zoom_numbers(net, x, i, l=1)
    w = d["w"].reshape(SIDE, SIDE)
    image = np.asarray(d["a_prev"]).reshape(SIDE, SIDE)
    fig = plt.figure(figsize=(12.5, 3.9))
    lim = shared_limit(w)            # one scale for the weights and weights × pixels
    panels = [(0.01, w, THETA_CMAP, -lim, lim, f"뉴런 $a^{{[1]}}_{{{i}}}$의 가중치 784개\n(W[1]의 {i}번째 행)"),
              (0.205, image, "gray", 0, 1, "입력 이미지 $a^{[0]}$"),
              (0.40, w * image, THETA_CMAP, -lim, lim, "가중치 × 픽셀")]
    axes = image_panels(fig, panels, 0.2, 0.17, 0.62)
    weight_colorbar(fig, axes[0].images[0], lim, label="가중치와 가중치 × 픽셀의 같은 색 범위",
                    cax=fig.add_axes([0.03, 0.08, 0.52, 0.03]), orientation="horizontal",
                    clipped=True)
    fig.text(0.19, 0.43, "×", fontsize=22, ha="center", va="center")
    fig.text(0.385, 0.43, "=", fontsize=22, ha="center", va="center")
    # the weighted sum on a number line, with the threshold −b
    nx = fig.add_axes([0.62, 0.48, 0.36, 0.26])
    s, t = d["weighted_sum"], d["threshold"]
    span = max(abs(s), abs(t), 1.0) * 1.3
    nx.set_xlim(-span, span)
    nx.set_ylim(-1, 1)
    nx.axhline(0, color="#444", lw=1.2)
    nx.axvspan(t, span, color="#c8e6c9", alpha=0.7)
    nx.axvline(t, color="#6a1b9a", lw=2, ls="--")
    nx.text(t, 0.95, f"  −b = {t:.2f}", color="#6a1b9a", fontsize=10, va="top")
    nx.text(span, 0.95, "켜지는 쪽 ", color="#1b5e20", fontsize=10, ha="right", va="top")
    nx.plot([s], [0], "v", color=SIGNAL, ms=13)
    nx.text(s, -0.35, f"W·x = {s:.2f}", color=SIGNAL, fontsize=10, ha="center", va="top")
    nx.set_yticks([])
    nx.spines[["left", "right", "top"]].set_visible(False)
    nx.set_title("W·x가 −b 이상이면 z ≥ 0: 출력이 0.5 이상(켜짐)", fontsize=11)
    tx = fig.add_axes([0.62, 0.02, 0.36, 0.32])
    tx.axis("off")
    verdict = "z ≥ 0이므로 켜짐" if d["fires"] else "z < 0이므로 꺼짐"
    tx.text(0, 0.8, f"가중합 z = W·x + b = {s:.2f} {_plus(d['b'])} = {d['z']:.2f}", fontsize=12)
    tx.text(0, 0.4, f"출력 a = σ(z) = {d['a']:.3f}  ({verdict})", fontsize=12, color="#1565c0")
    tx.scatter([0.95], [0.45], s=500, color=(d["a"],) * 3, edgecolors="#333", transform=tx.transAxes,
               clip_on=False)
    tx.set_xlim(0, 1)
    tx.set_ylim(0, 1)
    fig.suptitle(f"1번째 층 {i}번째 뉴런을 확대해 보기", fontsize=14, y=0.98)
    return fig


# ------------------------------------------------------------ a layer 1_29

def layer_numbers(net, x, l: int) -> dict:
    """Layer l's computation for input x: W^[l] (n^[l], n^[l−1]), a^[l−1], b^[l],
    z^[l] = W^[l] a^[l−1] + b^[l] and a^[l] = σ(z^[l]) (from ``net.forward(x, return_z=True)``)."""
    l, _ = validate.network(net).check_neuron(l, 1)
    a, z = net.forward(x, return_z=True)
    return {"W": np.asarray(net.W[l], dtype=float), "a_prev": np.asarray(a[l - 1], dtype=float),
            "b": np.asarray(net.b[l], dtype=float), "z": np.asarray(z[l], dtype=float),
            "a": np.asarray(a[l], dtype=float)}


def layer_product(net, x, l: int = 2, row: int = 1):
    """A WHOLE LAYER AT ONCE [1_29]: σ(W^[l] a^[l−1] + b^[l]) as coloured blocks.

    W^[l] is drawn as its (n^[l], n^[l−1]) grid (green +, red −); a^[l−1], b^[l],
    z^[l] and a^[l] as columns. Row ``row`` (1 = top) of W and the matching
    entries are outlined: that row times the column, plus b, is neuron row's z.
    """
    d = layer_numbers(net, x, l)
    W, a_prev, b, z, a = d["W"], d["a_prev"], d["b"], d["z"], d["a"]
    n, m = W.shape
    row = validate.integer(row, "row (행 번호)", low=1, high=n)
    fig, ax = plt.subplots(figsize=(10, 6.0))
    ax.set_aspect("equal")
    ax.axis("off")
    top = max(n, m) / 2
    lim = symmetric_limit(W)
    zlim = symmetric_limit(z)
    blocks = []     # (x0, array (rows, cols), cmap, vmin, vmax, label, shape label)
    x0 = 0.0
    blocks.append((x0, W, THETA_CMAP, -lim, lim, f"$W^{{[{l}]}}$", f"모양 ({n}, {m})"))
    x0 += m + 1.6
    blocks.append((x0, a_prev[:, None], "gray", 0, 1, f"$a^{{[{l - 1}]}}$", f"({m},)"))
    x0 += 1 + 1.6
    blocks.append((x0, b[:, None], THETA_CMAP, -symmetric_limit(b), symmetric_limit(b),
                   f"$b^{{[{l}]}}$", f"({n},)"))
    x0 += 1 + 1.6
    blocks.append((x0, z[:, None], THETA_CMAP, -zlim, zlim, f"$z^{{[{l}]}}$", f"({n},)"))
    x0 += 1 + 2.4
    blocks.append((x0, a[:, None], "gray", 0, 1, f"$a^{{[{l}]}}$", f"({n},)"))
    for bx, arr, cmap, lo, hi, name, shape in blocks:
        rows, cols = arr.shape
        y0 = top - rows / 2
        ax.imshow(arr, cmap=cmap, vmin=lo, vmax=hi, extent=(bx, bx + cols, y0 + rows, y0),
                  interpolation="nearest")
        ax.add_patch(Rectangle((bx, y0), cols, rows, fill=False, lw=1, edgecolor="#444"))
        ax.text(bx + cols / 2, y0 - 0.5, name, ha="center", va="bottom", fontsize=16)
        ax.text(bx + cols / 2, y0 + rows + 0.4, shape, ha="center", va="top", fontsize=11,
                color="#555")
    gaps = [(blocks[0][0] + m + 0.8, "×"), (blocks[1][0] + 1.8, "+"), (blocks[2][0] + 1.8, "=")]
    for gx, sym in gaps:
        ax.text(gx, top, sym, ha="center", va="center", fontsize=18)
    ax.annotate("", (blocks[4][0] - 0.2, top), (blocks[3][0] + 1.2, top),
                arrowprops={"arrowstyle": "-|>", "lw": 1.8, "color": "#333"})
    ax.text(blocks[3][0] + 2.2, top - 0.4, "σ", ha="center", va="bottom", fontsize=18)
    # outline row `row` of W, the whole input column, and the matching b, z, a entries
    for k, (bx, arr, *_rest) in enumerate(blocks):
        rows, cols = arr.shape
        y0 = top - rows / 2
        if k == 1:
            ax.add_patch(Rectangle((bx, y0), cols, rows, fill=False, lw=3, edgecolor=HIGHLIGHT))
        else:
            ax.add_patch(Rectangle((bx, y0 + row - 1), cols, 1, fill=False, lw=3, edgecolor=HIGHLIGHT))
    y_row = top - n / 2 + row - 0.5
    ax.annotate(f"{row}번째 행", (-0.1, y_row), (-0.9, y_row), ha="right", va="center", fontsize=11,
                color=HIGHLIGHT, arrowprops={"arrowstyle": "-|>", "color": HIGHLIGHT})
    k = row - 1
    ax.text(-0.4 + (x0 + 1) / 2, 2 * top + 1.9,
            f"{row}번째 뉴런: ({row}번째 행) · $a^{{[{l - 1}]}}$ + $b_{{{row}}}$ = "
            f"{W[k] @ a_prev:.2f} {_plus(b[k])} = {z[k]:.2f},   σ({z[k]:.2f}) = {a[k]:.2f}",
            ha="center", va="top", fontsize=12, color=HIGHLIGHT)
    ax.set_xlim(-3.6, x0 + 2)
    ax.set_ylim(2 * top + 2.4, -2.2)
    ax.set_title(f"{l}번째 층을 한꺼번에: $a^{{[{l}]}} = \\sigma(W^{{[{l}]}} a^{{[{l - 1}]}} + b^{{[{l}]}})$",
                 fontsize=15)
    return fig


__all__ = ["column_excerpt", "input_column", "layer_numbers", "layer_product", "neuron_zoom",
           "zoom_numbers"]
