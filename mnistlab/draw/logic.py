"""Figures of the perceptron (03) and XOR (05): what one step neuron can and cannot separate.

Two inputs x1, x2 ∈ {0, 1} make four points. A step neuron answers 1 where
w1·x1 + w2·x2 + b ≥ 0, the side of one straight line, so AND and OR are one neuron each;
XOR's two 1-points sit on opposite corners and no single line separates them.
The numbers come from :data:`mnistlab.gates.GATES` and :func:`mnistlab.gates.xor_layers`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from mnistlab.gates import GATES, INPUTS, truth_table, xor_layers

ONE = "#1e88e5"       # an input where the gate's answer is 1 (filled circle)
ZERO = "#ff9800"      # an input where the answer is 0 (open square)
SIDE = "#e3f2fd"      # the half-plane where the neuron answers 1


def _points(ax, answers) -> None:
    for (x1, x2), out in zip(INPUTS, answers):
        if out:
            ax.plot(x1, x2, "o", ms=15, color=ONE, zorder=3)
        else:
            ax.plot(x1, x2, "s", ms=14, mfc="white", mec=ZERO, mew=2.5, zorder=3)
        ax.annotate(f"({x1}, {x2})\n출력 {out}", (x1, x2), xytext=(0, -16), textcoords="offset points",
                    ha="center", va="top", fontsize=9)


def _frame(ax, title: str) -> None:
    ax.set_xlim(-0.45, 1.45)
    ax.set_ylim(-0.55, 1.45)
    ax.set_aspect("equal")
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    ax.set_xlabel("입력 x1")
    ax.set_ylabel("입력 x2")
    ax.set_title(title, fontsize=11)


def _line(ax, w, b, style="-", color="#333") -> None:
    """The neuron's boundary w1·x1 + w2·x2 + b = 0, with its 'answer 1' side shaded."""
    xs = np.linspace(-0.45, 1.45, 50)
    ys = -(w[0] * xs + b) / w[1]
    ax.plot(xs, ys, style, color=color, lw=2)
    top = 1.45 if w[1] > 0 else -0.55
    ax.fill_between(xs, ys, top, color=SIDE, zorder=0)


def logic_gates(ax=None):
    """AND and OR: one line each (a perceptron); XOR: no single line separates its points."""
    fig, axes = plt.subplots(1, 3, figsize=(11.5, 4.9)) if ax is None else (ax[0].figure, ax)
    for a, name in zip(axes[:2], ("AND", "OR")):
        w, b = GATES[name]
        _line(a, w, b)
        _points(a, truth_table(name))
        _frame(a, f"{name}: w = ({w[0]:g}, {w[1]:g}), b = {b:g}\n파란 쪽(z ≥ 0)에서 출력 1")
    xor = axes[2]
    _points(xor, truth_table("XOR"))
    _frame(xor, "XOR: 1인 두 점이 서로 맞은편 모서리\n직선 하나로는 가를 수 없습니다")
    for a in axes:
        a.plot([], [], "o", color=ONE, label="출력 1")
        a.plot([], [], "s", mfc="white", mec=ZERO, mew=2, label="출력 0")
    axes[0].legend(loc="upper left", fontsize=9, framealpha=0.9)
    fig.suptitle("뉴런 하나(퍼셉트론)가 1이라고 답하는 곳은 언제나 직선의 한쪽입니다", fontsize=12)
    fig.tight_layout(rect=(0, 0, 1, 0.94))
    return fig


def xor_network(ax=None):
    """The 2-2-1 step network for XOR: two hidden lines (OR, NAND), the output takes their AND."""
    (W1, b1), (W2, b2) = xor_layers()
    fig, (left, right) = plt.subplots(1, 2, figsize=(11.5, 4.9), gridspec_kw={"width_ratios": [1.15, 1]})
    pos = {"x1": (0, 1.5), "x2": (0, 0), "h1": (2, 1.5), "h2": (2, 0), "y": (4, 0.75)}
    names = {"x1": "x1", "x2": "x2", "h1": "h1 (OR)", "h2": "h2 (NAND)", "y": "출력 (AND)"}
    edges = [("x1", "h1", W1[0, 0]), ("x2", "h1", W1[0, 1]), ("x1", "h2", W1[1, 0]),
             ("x2", "h2", W1[1, 1]), ("h1", "y", W2[0, 0]), ("h2", "y", W2[0, 1])]
    for start, end, w in edges:
        (xa, ya), (xb, yb) = pos[start], pos[end]
        left.plot([xa, xb], [ya, yb], color=ONE if w > 0 else ZERO, lw=2.5,
                  ls="-" if w > 0 else "--", zorder=1)
        t = 0.3 if start.startswith("x") else 0.5
        left.text(xa + (xb - xa) * t, ya + (yb - ya) * t + 0.12, f"{w:+g}", ha="center", fontsize=10,
                  bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"})
    biases = {"h1": b1[0], "h2": b1[1], "y": b2[0]}
    for key, (x, y) in pos.items():
        left.add_patch(plt.Circle((x, y), 0.34, fc="white", ec="#333", lw=2, zorder=2))
        left.text(x, y, key if key != "y" else "y", ha="center", va="center", fontsize=11, zorder=3)
        below = names[key] + (f"\nb = {biases[key]:+g}" if key in biases else "")
        left.text(x, y - 0.5, below, ha="center", va="top", fontsize=9)
    left.set_xlim(-0.6, 4.8)
    left.set_ylim(-1.3, 2.1)
    left.set_aspect("equal")
    left.axis("off")
    left.set_title("2-2-1 신경망 (활성함수: 계단 함수)\n실선 = 양수 가중치, 점선 = 음수 가중치", fontsize=11)

    # Right: the two hidden neurons' lines; the output is 1 only in the band between them.
    xs = np.linspace(-0.45, 1.45, 50)
    low = -(W1[0, 0] * xs + b1[0]) / W1[0, 1]       # h1 = 1 above this line
    high = -(W1[1, 0] * xs + b1[1]) / W1[1, 1]      # h2 = 1 below this line
    right.fill_between(xs, low, high, color=SIDE, zorder=0, label="h1 = 1, h2 = 1인 곳")
    right.plot(xs, low, "-", color="#333", lw=2, label="h1 (OR)의 경계")
    right.plot(xs, high, "--", color="#333", lw=2, label="h2 (NAND)의 경계")
    _points(right, truth_table("XOR"))
    _frame(right, "은닉 뉴런 두 개가 직선 두 개를 긋고,\n출력 뉴런이 두 직선 사이(AND)만 1로 답합니다")
    right.legend(loc="upper right", fontsize=8, framealpha=0.95)
    fig.tight_layout()
    return fig
