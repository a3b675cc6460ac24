"""Figures of chapter 11 (오차역전파법): the wished nudges of one image, the δ's layer by layer,
∂C/∂W^[1] as maps, the gradient check and δ's size per layer.

Every number comes from :mod:`mnistlab.backprop` (i.e. from ``Network.gradients`` and
``Network.loss``). Signed values use THETA_CMAP with a symmetric limit, so "up" and
"down" have the colours of positive and negative weights in 02 and 05.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

from mnistlab.backprop import GradientCheck, Nudges
from mnistlab.data import SIDE
from mnistlab.korean import THETA_CMAP, symmetric_limit

UP, DOWN = THETA_CMAP(0.85), THETA_CMAP(0.15)       # a wish to go up / down (+ / −)
NEUTRAL = "#90a4ae"


def _signed_colors(values) -> list:
    return [UP if v > 0 else DOWN for v in np.ravel(values)]


def output_wishes(n: Nudges, image=None):
    """The image, its ten outputs a^[L] against the targets y, and the wish −δ^[L] = y − a^[L]."""
    L = len(n.a) - 1
    aL, wish = n.a[L], -n.delta[L]
    y = np.zeros_like(aL)
    y[n.label] = 1.0
    fig, axes = plt.subplots(1, 3, figsize=(10.5, 3.4), gridspec_kw={"width_ratios": [1, 2.2, 2.2]})
    img = np.asarray(n.a[0] if image is None else image, dtype=float).reshape(SIDE, SIDE)
    axes[0].imshow(img, cmap="gray", vmin=0, vmax=1)
    axes[0].set_title(f"정답 {n.label}", fontsize=12)
    axes[0].axis("off")
    digits = np.arange(len(aL))
    ax = axes[1]
    ax.bar(digits, aL, color=NEUTRAL, label="출력 a")
    ax.scatter(digits, y, marker="_", s=400, color="black", label="정답 y", zorder=3)
    ax.set_ylim(0, 1.1)
    ax.set_xticks(digits)
    ax.set_xlabel("출력 뉴런이 맡은 숫자")
    ax.set_title(f"출력층 a$^{{[{L}]}}$와 정답 y", fontsize=12)
    ax.legend(loc="upper right", fontsize=9)
    ax = axes[2]
    ax.bar(digits, wish, color=_signed_colors(wish))
    ax.axhline(0, color="black", lw=0.8)
    lim = max(0.05, float(np.abs(wish).max()) * 1.25)
    ax.set_ylim(-lim, lim)
    ax.set_xticks(digits)
    ax.set_xlabel("출력 뉴런이 맡은 숫자")
    ax.set_title(f"바라는 변화 −δ[{L}] = y − a (위: 올리기, 아래: 내리기)", fontsize=12)
    for d in digits:
        if abs(wish[d]) >= 0.02:
            ax.text(d, wish[d] + np.sign(wish[d]) * lim * 0.06, f"{wish[d]:+.2f}", ha="center",
                    va="bottom" if wish[d] > 0 else "top", fontsize=9)
    fig.tight_layout()
    return fig


def three_levers(net, n: Nudges, digit: int | None = None):
    """The three levers that raise one output neuron j (the answer's, unless ``digit``): its bias
    (−δ_j), its weights in proportion to a^[L−1]_k (−δ_j a_k), the previous activations in
    proportion to the weights (−δ_j w_jk)."""
    L = len(n.a) - 1
    j = n.label if digit is None else int(digit)
    wish = -n.delta[L][j]
    prev = n.a[L - 1]
    k = np.arange(1, len(prev) + 1)
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.3), gridspec_kw={"width_ratios": [0.6, 2, 2]})
    axes[0].bar([0], [wish], color=_signed_colors([wish]), width=0.5)
    axes[0].axhline(0, color="black", lw=0.8)
    axes[0].set_xticks([0], [f"b$^{{[{L}]}}_{{{j + 1}}}$"])
    axes[0].set_xlim(-0.8, 0.8)
    axes[0].set_title(f"① 편향\n−δ = {wish:+.3f}", fontsize=11)
    w_wish = -n.dW[L][j]
    axes[1].bar(k, w_wish, color=_signed_colors(w_wish))
    axes[1].plot(k, prev * wish, "k.", ms=4, label=f"a$^{{[{L - 1}]}}_k$ × ({wish:+.2f})")
    axes[1].set_title(f"② 가중치 w$^{{[{L}]}}_{{{j + 1},k}}$: 앞 층 출력 a$_k$에 비례", fontsize=11)
    axes[1].legend(fontsize=8, loc="lower right" if wish > 0 else "upper right")
    a_wish = wish * net.W[L][j]
    axes[2].bar(k, a_wish, color=_signed_colors(a_wish))
    axes[2].set_title(f"③ 앞 층 출력 a$^{{[{L - 1}]}}_k$: 가중치 w$_{{{j + 1},k}}$에 비례", fontsize=11)
    for ax in axes[1:]:
        ax.axhline(0, color="black", lw=0.8)
        ax.set_xticks(k)
        ax.set_xlabel(f"{L - 1}층 뉴런 k")
    fig.suptitle(f"출력 뉴런 {j + 1} (숫자 {j})를 올리는 세 가지 방법", fontsize=13)
    fig.tight_layout()
    return fig


def hidden_wishes(net, n: Nudges):
    """Each output's wish for each neuron of layer L−1 (w_jk · (−δ_j), a 10 × 16 table), their sum
    (−∂C/∂a^[L−1]_k) and, after σ′(z), the neuron's own −δ^[L−1]_k."""
    L = len(n.a) - 1
    table = net.W[L] * (-n.delta[L])[:, None]
    total = table.sum(axis=0)
    own = -n.delta[L - 1]
    fig = plt.figure(figsize=(10.5, 5.6))
    ax = fig.add_axes([0.1, 0.36, 0.78, 0.55])
    lim = symmetric_limit(table)
    im = ax.imshow(table, cmap=THETA_CMAP, vmin=-lim, vmax=lim, aspect="auto")
    ax.set_yticks(range(table.shape[0]), [f"출력 {d}" for d in range(table.shape[0])])
    ax.set_xticks(range(table.shape[1]), [str(k + 1) for k in range(table.shape[1])])
    ax.set_title(f"출력 뉴런 j가 {L - 1}층 뉴런 k에게 바라는 변화 w_jk · (−δ_j)", fontsize=12)
    fig.colorbar(im, cax=fig.add_axes([0.9, 0.36, 0.015, 0.55]))
    bx = fig.add_axes([0.1, 0.08, 0.78, 0.2])
    x = np.arange(table.shape[1])
    bx.bar(x - 0.2, total, 0.4, color=_signed_colors(total), label=r"열의 합 $-\partial C/\partial a$")
    bx.bar(x + 0.2, own, 0.4, color=_signed_colors(own), hatch="//", edgecolor="white",
           label="× σ′(z) = −δ")
    bx.axhline(0, color="black", lw=0.8)
    bx.set_xticks(x, [str(k + 1) for k in x])
    bx.set_xlim(-0.5, table.shape[1] - 0.5)
    bx.set_xlabel(f"{L - 1}층 뉴런 k")
    bx.legend(fontsize=8, loc="upper right", ncol=2)
    return fig


def delta_layers(n: Nudges, show_from: int = 1):
    """The network's neurons as circles coloured by −δ^[l] (each layer its own ± limit, its
    largest |δ| printed), the output on the right; layers before ``show_from`` stay gray
    (backpropagation has not reached them yet)."""
    L = len(n.a) - 1
    fig, ax = plt.subplots(figsize=(8.5, 5.4))
    height = max(len(n.delta[l]) for l in range(1, L + 1))
    for l in range(1, L + 1):
        d = -n.delta[l]
        m = len(d)
        ys = np.linspace(height - 1, 0, m) if m == height else \
            (height - 1) / 2 + (np.arange(m)[::-1] - (m - 1) / 2) * 1.0
        lim = symmetric_limit(d)
        reached = l >= show_from
        colors = [THETA_CMAP(0.5 + 0.5 * v / lim) if reached else "#e0e0e0" for v in d]
        ax.scatter(np.full(m, l), ys, s=260, c=colors, edgecolors="#616161", zorder=3)
        for v, yy in zip(d, ys):
            if reached:
                ax.text(l + 0.12, yy, f"{v:+.1e}" if abs(v) < 0.01 else f"{v:+.3f}",
                        va="center", fontsize=7)
        ax.text(l, height + 0.3, f"{l}층\n" + (f"최대 |δ| {lim:.1e}" if reached else "아직"),
                ha="center", fontsize=10)
        if l == L:
            for dgt, yy in enumerate(ys):
                ax.text(l - 0.18, yy, str(dgt), ha="right", va="center", fontsize=8)
    ax.set_xlim(0.5, L + 0.7)
    ax.set_ylim(-1, height + 1.6)
    ax.axis("off")
    ax.set_title(f"뉴런마다 −δ (바라는 z의 변화) · {L}층에서 1층 쪽으로 · 층마다 색 범위가 다름",
                 fontsize=11)
    fig.tight_layout()
    return fig


GAP, ROW_GAP = 6, 10    # pixels between the 28×28 tiles of a mosaic (room for a label above)


def tile_origin(j: int, cols: int = 8) -> tuple[int, int]:
    """(row, column) of tile j's top-left pixel in :func:`weight_gradient_maps`' mosaic."""
    return (j // cols) * (SIDE + ROW_GAP), (j % cols) * (SIDE + GAP)


def weight_gradient_maps(n: Nudges, cols: int = 8, size: float = 1.3):
    """−∂C/∂W^[1] as one 28×28 map per layer-1 neuron j (= −δ^[1]_j × the image), one shared
    ± limit so that the maps compare: the pixels whose weights would change. One image (a
    mosaic of tiles, see :func:`tile_origin`), so it draws fast."""
    G = -n.dW[1]
    rows = -(-len(G) // cols)
    lim = symmetric_limit(G)
    mosaic = np.full((rows * (SIDE + ROW_GAP) - ROW_GAP, cols * (SIDE + GAP) - GAP), np.nan)
    for j in range(len(G)):
        r, c = tile_origin(j, cols)
        mosaic[r:r + SIDE, c:c + SIDE] = G[j].reshape(SIDE, SIDE)
    fig, ax = plt.subplots(figsize=(cols * size, cols * size * mosaic.shape[0] / mosaic.shape[1] + 0.7))
    cmap = THETA_CMAP.with_extremes(bad="white")
    ax.imshow(mosaic, cmap=cmap, vmin=-lim, vmax=lim, interpolation="nearest")
    for j in range(len(G)):
        r, c = tile_origin(j, cols)
        v = n.delta[1][j]
        label = f"j={j + 1}  δ={v:+.2f}" if abs(v) >= 0.01 else f"j={j + 1}  δ={v:+.0e}"
        ax.text(c + SIDE / 2, r - 1.5, label, ha="center", va="bottom", fontsize=8)
    ax.axis("off")
    ax.set_title(r"$-\partial C/\partial W^{[1]}$" f": 1층 뉴런 j로 들어오는 가중치 784개의 바라는 변화 "
                 f"(모두 같은 색 범위 ±{lim:.1e})", fontsize=11, pad=16)
    fig.tight_layout()
    return fig


def gradient_check(result: GradientCheck, buggy: GradientCheck | None = None):
    """Backpropagation (y) against the numerical gradient (x) per parameter, per layer; with
    ``buggy``, the same check for the planted bug beside it."""
    checks = [("오차역전파법 (Network.gradients)", result)]
    if buggy is not None:
        checks.append(("버그를 심은 역전파 (σ′ 대신 σ)", buggy))
    fig, axes = plt.subplots(1, len(checks), figsize=(5.2 * len(checks), 4.2), squeeze=False)
    markers = {1: "o", 2: "s", 3: "^"}
    for ax, (title, r) in zip(axes[0], checks):
        lim = float(max(np.abs(r.numerical).max(), np.abs(r.backprop).max())) * 1.1
        ax.plot([-lim, lim], [-lim, lim], color="#bdbdbd", lw=1, zorder=1)
        for l in np.unique(r.layers):
            keep = r.layers == l
            ax.scatter(r.numerical[keep], r.backprop[keep], s=18, marker=markers.get(int(l), "o"),
                       label=f"{l}층 (최대 상대 차이 {r.relative[keep].max():.0e})", zorder=2)
        ax.set_xlabel("수치 미분 (C(θ+ε) − C(θ−ε)) / 2ε")
        ax.set_ylabel(r"역전파로 구한 $\partial C/\partial\theta$")
        ax.set_title(f"{title}\n가장 큰 상대 차이 {r.largest:.1e}", fontsize=11)
        ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    return fig


def delta_sizes(rows: dict):
    """Mean |δ^[l]| per layer for several networks (name → values for l = 1 … L), log scale:
    each step back multiplies by σ′(z) ≤ 1/4 and by the weights."""
    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    for name, values in rows.items():
        values = np.asarray(values, dtype=float)
        ax.plot(np.arange(1, len(values) + 1), values, "o-", label=name)
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0e}"))   # no mathtext minus
    ax.yaxis.set_minor_formatter(FuncFormatter(lambda v, _: ""))
    ax.set_xlabel("층 l (오른쪽이 출력층)")
    ax.set_ylabel("평균 |δ|")
    ax.set_title("출력층에서 멀어질수록 작아지는 δ", fontsize=12)
    ax.legend(fontsize=9)
    ax.grid(True, which="major", alpha=0.3)
    fig.tight_layout()
    return fig


__all__ = ["delta_layers", "delta_sizes", "gradient_check", "hidden_wishes", "output_wishes",
           "three_levers", "weight_gradient_maps"]
