"""Figures of chapter 10 (경사 하강법): slopes, the cost map with its gradient, mini-batch
directions and training vs validation curves.

Every function draws numbers it is given (computed by :mod:`mnistlab.landscape` and
:mod:`mnistlab.sgd` from the one :class:`~mnistlab.network.Network`); none computes
a cost or a gradient itself. The cost map uses viridis (readable for every colour vision).
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np

from mnistlab.draw.common import fig_ax

TRAIN, VALID, FULL = "#1f77b4", "#ff7f0e", "black"   # blue / orange: colour-blind safe pair
MAP_CMAP = "viridis"


def weight_tex(weight) -> str:
    """$w^{[3]}_{1,5}$ for (3, 1, 5)."""
    l, j, k = weight
    return f"$w^{{[{l}]}}_{{{j},{k}}}$"


def slope_line(values, costs, at: float, cost_at: float, slope: float, weight, ax=None,
               half_width: float = 3.0):
    """The 1-D slice C(w) with the tangent at w = ``at`` whose slope is ``slope``
    (a 수치 미분), and the slope written beside it. Returns the figure."""
    fig, ax = fig_ax(ax, (6.4, 3.6))
    ax.plot(values, costs, color=TRAIN, lw=2, label="비용 C")
    xs = np.array([at - half_width, at + half_width])
    ax.plot(xs, cost_at + slope * (xs - at), color=VALID, lw=2, ls="--",
            label=f"접선: 기울기 {slope:+.4f}")
    ax.plot([at], [cost_at], "o", color=FULL, ms=7)
    ax.annotate(f"w = {at:.2f}\nC = {cost_at:.3f}", (at, cost_at), textcoords="offset points",
                xytext=(10, 12), fontsize=10)
    ax.set_xlabel(f"가중치 {weight_tex(weight)} (나머지 13,001개는 학습된 값)")
    ax.set_ylabel("비용 C")
    ax.set_ylim(0, max(costs) * 1.05)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper center", fontsize=10)
    ax.set_title("가중치 하나만 움직인 비용 곡선과 그 점의 기울기")
    fig.tight_layout()
    return fig


def cost_map(ax, offsets1, offsets2, costs, center, levels: int = 16):
    """The 2-D slice as filled contours over the two weights' values (not offsets); the
    contour levels are spaced evenly in log C, so the valley floor shows too."""
    w1, w2 = center[0] + np.asarray(offsets1), center[1] + np.asarray(offsets2)
    steps = np.geomspace(np.min(costs), np.max(costs), levels)
    filled = ax.contourf(w1, w2, costs, levels=steps, cmap=MAP_CMAP,
                         norm=matplotlib.colors.LogNorm(steps[0], steps[-1]))
    ax.contour(w1, w2, costs, levels=filled.levels, colors="white", linewidths=0.4, alpha=0.6)
    ax.plot([center[0]], [center[1]], marker="*", color="white", ms=12, mec="black",
            label="학습된 값")
    ax.set_aspect("equal")
    return filled


def gradient_arrows(land, every: int = 5, ax=None):
    """The cost map of a :class:`~mnistlab.landscape.Landscape` with its ∇C (``land.G``) drawn
    as arrows every ``every`` grid points: each points UPHILL (where C grows fastest), its
    length ∝ the slope's size. Returns the figure."""
    fig, ax = fig_ax(ax, (6.0, 5.2))
    off, center = land.offsets, land.center
    filled = cost_map(ax, off, land.w2 - center[1], land.C, center)
    bar = fig.colorbar(filled, ax=ax, label="비용 C (로그 눈금)", shrink=0.85)
    bar.set_ticks(filled.levels[::3])
    bar.set_ticklabels([f"{t:.2f}" for t in filled.levels[::3]])
    sel = slice(every // 2, None, every)
    g = land.G[sel, sel]
    W1, W2 = np.meshgrid(land.w1[sel], land.w2[sel])
    ax.quiver(W1, W2, g[..., 0], g[..., 1], color="white", angles="xy", pivot="tail",
              width=0.005, scale=np.abs(g).max() * 14, edgecolor="black", linewidth=0.3)
    ax.set_xlabel(f"{weight_tex(land.first)}")
    ax.set_ylabel(f"{weight_tex(land.second)}")
    ax.set_title("기울기 ∇C: 화살표는 오르막 쪽 (내려가려면 반대로)")
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig


def minibatch_directions(spread: dict, batch_sizes=None, axes=None):
    """확률적 경사 하강법: for each batch size, the step direction −∇C of every mini-batch
    (thin arrows, two slice components) against the full gradient's (thick black), with
    the mean cosine over all parameters in the title. Returns the figure."""
    sizes = [k for k in spread if isinstance(k, int)] if batch_sizes is None else list(batch_sizes)
    if axes is None:
        fig, axes = plt.subplots(1, len(sizes), figsize=(3.3 * len(sizes), 3.6))
    else:
        fig = np.ravel(axes)[0].figure
    full = -np.asarray(spread["full_slice"])
    scale = np.linalg.norm(full)
    lim = max(1.0, max(np.abs(-spread[s]["slice"] / scale).max() for s in sizes)) * 1.1
    for ax, size in zip(np.ravel(axes), sizes):
        for g in -spread[size]["slice"] / scale:
            ax.annotate("", g, (0, 0), arrowprops={"arrowstyle": "->", "color": TRAIN,
                                                   "alpha": 0.7, "lw": 1.2})
        ax.annotate("", full / scale, (0, 0), arrowprops={"arrowstyle": "-|>", "color": FULL,
                                                          "lw": 2.5})
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        ax.set_aspect("equal")
        ax.axhline(0, color="0.8", lw=0.8)
        ax.axvline(0, color="0.8", lw=0.8)
        ax.set_xticks([])
        ax.set_yticks([])
        cos = spread[size]["cos"]
        ax.set_title(f"배치 크기 {size:,}\ncos 평균 {cos.mean():.2f} (최소 {cos.min():.2f})",
                     fontsize=11)
    fig.suptitle("미니배치 기울기의 방향 (파랑, 배치마다 하나)과 전체 기울기 (검정)", fontsize=12)
    fig.tight_layout(rect=(0, 0, 1, 0.92))
    return fig


def learning_curves(runs: dict, axes=None):
    """Training (blue) vs validation (orange) cost and accuracy per epoch, one column per
    run: ``runs`` maps a title to a history (epoch, loss, accuracy, val_loss, val_accuracy)."""
    if axes is None:
        fig, axes = plt.subplots(2, len(runs), figsize=(4.4 * len(runs), 6.0), squeeze=False)
    else:
        fig = axes[0][0].figure
    for c, (title, h) in enumerate(runs.items()):
        top, bottom = axes[0][c], axes[1][c]
        # the cost from epoch 1 on: a fresh network's cost (about 8) would flatten the rest
        top.plot(h["epoch"][1:], h["loss"][1:], color=TRAIN, lw=2, label="학습 데이터")
        top.plot(h["epoch"][1:], h["val_loss"][1:], color=VALID, lw=2, ls="--", label="검증 데이터")
        best = int(np.argmin(h["val_loss"]))
        top.plot([h["epoch"][best]], [h["val_loss"][best]], "o", color=VALID)
        top.set_title(title, fontsize=12)
        top.set_ylabel("비용 C")
        top.set_xlim(-0.03 * h["epoch"][-1], h["epoch"][-1] * 1.03)
        top.set_ylim(0, max(float(np.max(h["val_loss"][1:])), float(np.max(h["loss"][1:]))) * 1.15)
        bottom.plot(h["epoch"], np.asarray(h["accuracy"]) * 100, color=TRAIN, lw=2,
                    label="학습 데이터")
        bottom.plot(h["epoch"], np.asarray(h["val_accuracy"]) * 100, color=VALID, lw=2, ls="--",
                    label="검증 데이터")
        bottom.set_ylabel("정확도 (%)")
        bottom.set_xlabel("에포크")
        bottom.set_ylim(0, 101)
        for ax in (top, bottom):
            ax.grid(alpha=0.3)
            ax.legend(fontsize=9)
    fig.tight_layout()
    return fig


__all__ = ["cost_map", "gradient_arrows", "learning_curves", "minibatch_directions",
           "slope_line", "weight_tex"]
