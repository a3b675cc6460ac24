"""Figures of chapter 08 (가중치 행렬과 순전파).

- ``weight_matrix``: the real W^[l] as a heat map; row j = the weights INTO neuron j,
  column k = the weights OUT OF neuron k of layer l−1, and the cell w^[l]_jk with its value.
- ``batch_product``: the same layer for m images written two ways: the lesson's
  Z = W A (one image per column) and the code's Z = A Wᵀ (one image per row).
- ``bias_broadcast``: A Wᵀ + b for a few real images: b is added to every row.
- ``forward_code``: ``Network``'s layer loop (its real source) beside the formula.

The numbers come from ``Network.forward`` and :mod:`mnistlab.matrices`; each figure
returns its Figure, and the numbers it writes can be read back from its texts.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle

from mnistlab import matrices, validate
from mnistlab.draw.common import fig_ax
from mnistlab.errors import MnistlabValueError
from mnistlab.korean import THETA_CMAP, symmetric_limit

HIGHLIGHT = "#1e88e5"      # the chosen row / column / image (draw.network's HIGHLIGHT)
CELL = "#ff9800"           # the chosen cell w^[l]_jk
IMAGE = "#8e24aa"          # one image of the batch


def _ticks(count: int) -> list[int]:
    """1, a few round numbers, and the last index (not crowding it)."""
    step = 5 if count <= 40 else 100
    inner = [t for t in range(step, count, step) if count - t >= step / 2]
    return [1, *inner, count]


def weight_matrix(net, layer: int = 3, j: int = 1, k: int = 1, ax=None):
    """W^[layer] as a heat map (THETA_CMAP, centred on 0): row j, column k and the cell
    w^[l]_jk marked, with its value. j and k are 1-based as in the lesson."""
    net = validate.network(net)
    layer = validate.integer(layer, "layer (층 l)", 1, net.L)
    W = net.W[layer]
    n, n_prev = W.shape
    j = validate.integer(j, "j (받는 뉴런)", 1, n)
    k = validate.integer(k, "k (보내는 뉴런)", 1, n_prev)
    wide = n_prev > 40
    fig, ax = fig_ax(ax, (9.6, 3.2) if wide else (7.2, 5.4))
    lim = symmetric_limit(W)
    im = ax.imshow(W, cmap=THETA_CMAP, vmin=-lim, vmax=lim, aspect="auto" if wide else "equal",
                   interpolation="nearest", extent=(0.5, n_prev + 0.5, n + 0.5, 0.5))
    ax.add_patch(Rectangle((0.5, j - 0.5), n_prev, 1, fill=False, edgecolor=HIGHLIGHT, lw=2.2))
    ax.add_patch(Rectangle((k - 0.5, 0.5), 1, n, fill=False, edgecolor=HIGHLIGHT, lw=2.2,
                           linestyle="--"))
    ax.add_patch(Rectangle((k - 0.5, j - 0.5), 1, 1, fill=False, edgecolor=CELL, lw=3))
    w = float(W[j - 1, k - 1])
    ax.set_title(f"W^[{layer}]: 모양 ({n}, {n_prev}) · w^[{layer}]_{j},{k} = {w:.3f}", fontsize=12)
    ax.set_xlabel(f"열 k = {layer - 1}번째 층의 뉴런 k (보내는 쪽, 1–{n_prev}) · 점선: 열 {k} = 뉴런 {k}에서 "
                  f"나가는 가중치\n실선: 행 {j} = {layer}번째 층의 뉴런 {j}로 들어오는 가중치 · "
                  f"주황 칸: w^[{layer}]_{j},{k}", fontsize=10, labelpad=8, linespacing=1.6)
    ax.set_ylabel(f"행 j = {layer}번째 층의 뉴런 j", fontsize=10)
    ax.set_xticks(_ticks(n_prev))
    ax.set_yticks(_ticks(n))
    fig.colorbar(im, ax=ax, fraction=0.03, pad=0.03, label="가중치 값")
    return fig


# ------------------------------------------------------------ W a vs A @ W.T

def _length(d: int) -> float:
    """A drawn length for a dimension of size d: 784 must fit beside 1 (logarithmic)."""
    return 0.6 + 1.1 * np.log10(d)


def _block(ax, x, y, rows, cols, name, shape, line=None, color=HIGHLIGHT):
    """A matrix as a rectangle of rows × cols (drawn lengths), its name and real shape under it.
    ``line=("row"|"col", t)`` marks one row or column (an image) at fraction t."""
    h, w = _length(rows), _length(cols)
    ax.add_patch(Rectangle((x, y - h), w, h, facecolor="#eceff1", edgecolor="#37474f", lw=1.5))
    if line is not None:
        kind, t = line
        if kind == "row":
            ax.add_patch(Rectangle((x, y - h * t - 0.09), w, 0.18, color=color, alpha=0.85))
        else:
            ax.add_patch(Rectangle((x + w * t - 0.09, y - h), 0.18, h, color=color, alpha=0.85))
    ax.text(x + w / 2, y - h / 2, name, ha="center", va="center", fontsize=14, fontweight="bold")
    ax.text(x + w / 2, y - h - 0.25, shape, ha="center", va="top", fontsize=11)
    return x + w


def batch_product(m: int = 32, layer: int = 1, sizes=(784, 16, 16, 10)):
    """THE TWO WAYS OF WRITING A BATCH: Z^[l] = W^[l] A^[l−1] (lesson, images in columns) and
    Z^[l] = A^[l−1] W^[l]ᵀ (code, images in rows), with the real shapes for m images;
    one image is marked in A and Z (a column above, a row below)."""
    import matplotlib.pyplot as plt

    table = matrices.shapes(list(sizes), m)
    layer = validate.integer(layer, "layer (층 l)", 1, len(table) - 1)
    here, before = table[layer], table[layer - 1]
    n, n_prev = here.W
    fig, axes = plt.subplots(2, 1, figsize=(9.6, 7.0))
    sym = matrices._shape_text
    rows = [
        ("강의: 이미지 한 장이 한 열 — Z = W A + b", [
            ("W", n, n_prev, f"W^[{layer}] {sym(here.W)}", None),
            ("A", n_prev, m, f"A^[{layer - 1}] {sym(before.lesson('A'))}", ("col", 0.35)),
            ("Z", n, m, f"Z^[{layer}] {sym(here.lesson('Z'))}", ("col", 0.35))]),
        ("코드: 이미지 한 장이 한 행 — Z = A @ W.T + b", [
            ("A", m, n_prev, f"A^[{layer - 1}] {sym(before.A)}", ("row", 0.35)),
            ("Wᵀ", n_prev, n, f"W^[{layer}].T {sym(here.W[::-1])}", None),
            ("Z", m, n, f"Z^[{layer}] {sym(here.Z)}", ("row", 0.35))]),
    ]
    for ax, (title, blocks) in zip(axes, rows):
        ax.set_title(title, fontsize=13, loc="left")
        x, top = 0.2, 3.9
        for idx, (name, r, c, label, line) in enumerate(blocks):
            x = _block(ax, x, top, r, c, name, label, line, IMAGE)
            if idx < 2:
                ax.text(x + 0.35, top - _length(n) / 2, "×" if idx == 0 else "=", fontsize=20,
                        ha="center", va="center")
                x += 0.7
        ax.set_xlim(0, 13.5)
        ax.set_ylim(0, 4.3)
        ax.set_aspect("equal")
        ax.axis("off")
    fig.text(0.5, 0.015, f"보라색 줄 = 이미지 한 장 (m = {m:,}장 중 하나). 두 식의 Z는 서로 전치(.T)일 뿐 "
             "값은 같습니다.", ha="center", fontsize=11, color=IMAGE)
    return fig


# ------------------------------------------------------------ broadcasting the bias

def broadcast_numbers(net, X, layer: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the images X (rows): A^[l−1] W^[l]ᵀ (without bias), b^[l], and Z^[l] from
    ``net.forward(..., return_z=True)`` (so Z − A Wᵀ is b on every row)."""
    net = validate.network(net)
    layer = validate.integer(layer, "layer (층 l)", 1, net.L)
    a, z = net.forward(X, return_z=True)
    if np.ndim(z[layer]) == 1:
        raise MnistlabValueError("bias_broadcast 는 이미지 여러 장(한 행에 한 장, 모양 (m, 784))을 "
                                 "받습니다. 예: X[:4]")
    return a[layer - 1] @ net.W[layer].T, net.b[layer], z[layer]


def _cells(ax, values, top, title, highlight_row=None, faded=False, fmt="{:.1f}"):
    values = np.atleast_2d(values)
    lim = 6.0
    for r, row in enumerate(values):
        for c, v in enumerate(row):
            t = (np.clip(v, -lim, lim) + lim) / (2 * lim)
            color = THETA_CMAP(t)
            ax.add_patch(Rectangle((c, top - r - 1), 1, 1, facecolor=color, edgecolor="white",
                                   lw=1, alpha=0.45 if faded else 1.0))
            ax.text(c + 0.5, top - r - 0.5, fmt.format(v), ha="center", va="center", fontsize=8.5,
                    color="white" if abs(t - 0.5) < 0.3 else "black")
    ax.text(-0.3, top - values.shape[0] / 2, title, ha="right", va="center", fontsize=11)
    return top - values.shape[0]


def bias_broadcast(net, X, layer: int = 3):
    """BROADCASTING THE BIAS: A^[l−1] W^[l]ᵀ for the m images X (one per row), plus b^[l]
    (n^[l],) which numpy repeats down the m rows, equals Z^[l] (the network's own z).
    Values written to one decimal."""
    import matplotlib.pyplot as plt

    AW, b, Z = broadcast_numbers(net, X, layer)
    m, n = Z.shape
    fig, ax = plt.subplots(figsize=(9.6, 0.62 * (3 * m + 4)))
    top = 3 * m + 3.0
    y = _cells(ax, AW, top, f"A^[{layer - 1}] @ W^[{layer}].T\n({m}, {n})")
    ax.text(n / 2, y - 0.45, "+", ha="center", va="center", fontsize=16)
    y = _cells(ax, b, y - 0.9, f"b^[{layer}]  ({n},)")
    y = _cells(ax, np.tile(b, (m - 1, 1)), y, "numpy가 알아서\n반복한 b", faded=True)
    ax.text(n / 2, y - 0.45, "=", ha="center", va="center", fontsize=16)
    _cells(ax, Z, y - 0.9, f"Z^[{layer}]\n({m}, {n})")
    for c in range(n):
        ax.text(c + 0.5, top + 0.35, f"j={c + 1}", ha="center", va="bottom", fontsize=8.5)
    ax.set_xlim(-3.6, n + 0.2)
    ax.set_ylim(-0.2, top + 1.0)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"편향 더하기(브로드캐스팅): 행 = 이미지 {m}장, 열 = {layer}번째 층의 뉴런 {n}개",
                 fontsize=12)
    return fig


# ------------------------------------------------------------ the code beside the formula

FORMULA = {
    "for": r"$l = 1, 2, \ldots, L$ 에 대해:",
    "@": r"$z^{[l]} = W^{[l]}\,a^{[l-1]} + b^{[l]}$",
    "a.append(": r"$a^{[l]} = \sigma(z^{[l]})$",
}


def formula_for(line: str) -> str:
    """The lesson's formula that a line of ``Network``'s loop computes ('' if none)."""
    for key, formula in FORMULA.items():
        if (line.strip().startswith("for ") if key == "for" else key in line):
            return formula
    return ""


def forward_code(network_class=None):
    """``Network``'s layer loop, read from its source (:func:`mnistlab.matrices.forward_loop_lines`),
    each line beside the formula it computes."""
    import matplotlib.pyplot as plt

    lines = matrices.forward_loop_lines(network_class)
    fig, ax = plt.subplots(figsize=(9.6, 0.55 * len(lines) + 1.3))
    ax.axis("off")
    ax.set_xlim(0, 1)
    ax.set_ylim(-len(lines) - 0.2, 1.0)
    ax.text(0.0, 0.35, "코드 (Network._forward)", fontsize=12, fontweight="bold", color="#37474f")
    ax.text(0.64, 0.35, "강의의 식", fontsize=12, fontweight="bold", color="#37474f")
    indent = min(len(s) - len(s.lstrip()) for s in lines)
    for r, line in enumerate(lines):
        y = -r - 0.5
        ax.text(0.0, y, line[indent:], family="DejaVu Sans Mono", fontsize=10.5, va="center")
        formula = formula_for(line)
        if formula:
            ax.annotate("", xy=(0.63, y), xytext=(0.585, y),
                        arrowprops={"arrowstyle": "<->", "color": HIGHLIGHT})
            ax.text(0.64, y, formula, fontsize=14, va="center")
    return fig


__all__ = ["batch_product", "bias_broadcast", "broadcast_numbers", "formula_for",
           "forward_code", "weight_matrix"]
