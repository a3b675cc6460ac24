"""Figures of the ten per-digit models (chapter 02, 열 개의 로지스틱 회귀) [1_14, 1_15].

784 inputs feeding ten "is it a d?" outputs, the outputs as bars, and the
confusion matrix of the ten models together (argmax).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from mnistlab.data import SIDE
from mnistlab.draw.common import fig_ax
from mnistlab.draw.logistic import NO, X0_COLOR, YES, _node


def ten_models_diagram(image=None, outputs=None, label: int | None = None):
    """784 inputs (+ x0) feeding ten output circles, one per "is it a d?" model [1_15].

    With outputs (ten sigmoid values) the circles are shaded and the winner
    (the largest, argmax) is ringed in green.
    """
    fig, ax = plt.subplots(figsize=(10, 6.4))
    names = ["x0 = 1", "x1", "x2", "x3", None, "x783", "x784"]
    ys_in = np.linspace(8.5, 0.5, len(names))
    ys_out = np.linspace(9, 0, 10)
    x_in, x_out = 2.2, 7.0
    for name, y in zip(names, ys_in):
        if name is None:
            ax.text(x_in, y, "⋮", ha="center", va="center", fontsize=22)
            continue
        for yo in ys_out:
            ax.plot([x_in + 0.38, x_out - 0.36], [y, yo], color=X0_COLOR if "0 =" in name else
                    "#90a4ae", lw=0.6, zorder=1)
        is_x0 = "0 =" in name
        _node(ax, (x_in, y), 0.38, face="#fff3e0" if is_x0 else "white",
              edge=X0_COLOR if is_x0 else "#333", text="1" if is_x0 else name,
              size=11 if is_x0 else 8)
        if is_x0:
            ax.text(x_in - 0.5, y, "x0", ha="right", va="center", fontsize=10, color=X0_COLOR)
    winner = int(np.argmax(outputs)) if outputs is not None else None
    for d, yo in enumerate(ys_out):
        if outputs is None:
            _node(ax, (x_out, yo), 0.36, text=str(d), size=11)
            ax.text(x_out + 0.55, yo, f"'{d}인가?' 모델 (θ 785개)", va="center", fontsize=9)
        else:
            g = float(outputs[d])
            win = d == winner
            _node(ax, (x_out, yo), 0.36, face=(g, g, g), edge=YES if win else "#333",
                  lw=3 if win else 1, text=str(d), color="black" if g > 0.5 else "white", size=11)
            ax.text(x_out + 0.55, yo, f"{g:.3f}" + ("  ⇐ 가장 큼: 예측" if win else ""),
                    va="center", fontsize=10, color=YES if win else "black",
                    weight="bold" if win else "normal")
    if image is not None:
        img = np.asarray(image, float).reshape(SIDE, SIDE)
        ax.imshow(img, cmap="gray", vmin=0, vmax=1, extent=(-1.6, 0.9, 3.2, 5.7), zorder=3)
        ax.annotate("", (x_in - 0.45, 4.5), (1.0, 4.45), arrowprops={"arrowstyle": "->"})
        if label is not None:
            ax.text(-0.35, 2.9, f"정답 {label}", ha="center", va="top", fontsize=10)
    ax.text(x_in, -0.6, "입력 (785개)", ha="center", fontsize=10)
    ax.text(x_out, -0.9, "출력 10개\n(각각 sigmoid)", ha="center", va="top", fontsize=10)
    ax.set_xlim(-1.8, x_out + 4.2)
    ax.set_ylim(-1.9, 9.6)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title("숫자마다 모델 하나씩: 열 개의 로지스틱 회귀를 나란히 (가장 큰 출력 = 예측)",
                 fontsize=12)
    return fig


def output_bars(outputs, label: int | None = None, ax=None, title: str | None = None):
    """The ten models' outputs for one image as bars, the winner highlighted."""
    fig, ax = fig_ax(ax, (6.5, 3.4), layout="constrained")
    outputs = np.asarray(outputs, float)
    winner = int(np.argmax(outputs))
    colors = [YES if d == winner else NO for d in range(10)]
    ax.bar(range(10), outputs, color=colors)
    for d, v in enumerate(outputs):
        ax.text(d, v + 0.02, f"{v:.2f}", ha="center", fontsize=8,
                weight="bold" if d == winner else "normal")
    ax.axhline(0.5, color="#c62828", ls="--", lw=1)
    ax.set_xticks(range(10))
    ax.set_xticklabels([f"'{d}'\n(정답)" if d == label else f"'{d}'" for d in range(10)])
    if label is not None:
        ax.bar([label], [outputs[label]], color="none", edgecolor="#c62828", lw=2,
               label="정답 숫자의 모델")
        ax.legend(loc="upper left", fontsize=9)
    ax.set_ylim(0, 1.12)
    ax.set_xlabel("모델 ('이 숫자인가?')")
    ax.set_ylabel("출력 (sigmoid)")
    if title is None:
        title = f"열 모델의 출력: 예측 {winner}" + (f", 정답 {label}" if label is not None else "")
    ax.set_title(title)
    return fig


def confusion(cm, ax=None, title: str | None = None):
    """Confusion matrix of the ten models together: row = true digit, column = prediction."""
    fig, ax = fig_ax(ax, (6.6, 5.8), layout="constrained")
    cm = np.asarray(cm)
    off = cm.astype(float).copy()
    np.fill_diagonal(off, np.nan)
    im = ax.imshow(np.log1p(off), cmap="Reds")
    from mnistlab.a11y import contrast

    for (i, j), v in np.ndenumerate(cm):
        if i == j:
            ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, color="#c8e6c9"))
            ink = "#1b5e20"
        else:           # black or white, whichever reads better on this cell's colour
            cell = im.to_rgba(np.log1p(v))[:3]
            ink = "white" if contrast("white", cell) > contrast("black", cell) else "black"
        ax.text(j, i, f"{v}", ha="center", va="center", fontsize=8, color=ink,
                weight="bold" if i == j else "normal")
    ax.set_xticks(range(10))
    ax.set_yticks(range(10))
    ax.set_xlabel("예측한 숫자")
    ax.set_ylabel("정답 숫자")
    acc = np.trace(cm) / cm.sum()
    ax.set_title(title or f"혼동 행렬 (시험 데이터 {cm.sum():,}장, 정확도 {acc:.1%})")
    return fig


__all__ = ["confusion", "output_bars", "ten_models_diagram"]
