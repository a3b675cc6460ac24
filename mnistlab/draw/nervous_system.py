"""More figures of chapter 03 (사람의 신경계와 인공뉴런).

- ``nervous_system``: the nervous system as a chain of neurons [1_16]: a
  sensory neuron, a neuron of the brain and spinal cord, a motor neuron, joined
  at synapses, with the parts of one neuron labelled in Korean.
- ``step_vs_sigmoid``: why a sigmoid and not a step (Nielsen, ch. 1): a small
  change in a weight gives a small change in the output of a sigmoid neuron,
  but either nothing or a jump from 0 to 1 in a step neuron.
- ``activation_table``: the activation functions' values as an HTML table
  (a printed table misaligns, because Hangul is double width in monospace).
"""

from __future__ import annotations

import html

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from mnistlab.formulas import ACTIVATIONS, KOREAN_NAMES

CELL = "#f3c9a8"
CELL_EDGE = "#8d4e14"
SIGNAL = "#c62828"
LABEL_BOX = {"boxstyle": "round", "fc": "white", "ec": "#bbb"}


def _neuron(ax, x: float, y: float, length: float, color: str = CELL) -> tuple[float, float]:
    """A small neuron: dendrites on the left, cell body at (x, y), axon of ``length`` to the right
    ending in terminals. Returns the tip of its middle terminal."""
    for angle in (140, 180, 220):
        t = np.deg2rad(angle)
        x1, y1 = x + 1.1 * np.cos(t), y + 1.1 * np.sin(t)
        ax.plot([x + 0.45 * np.cos(t), x1], [y + 0.45 * np.sin(t), y1], color=CELL_EDGE, lw=2)
        for d in (-30, 30):
            t2 = t + np.deg2rad(d)
            ax.plot([x1, x1 + 0.4 * np.cos(t2)], [y1, y1 + 0.4 * np.sin(t2)], color=CELL_EDGE, lw=1.3)
    ax.add_patch(Circle((x, y), 0.5, facecolor=color, edgecolor=CELL_EDGE, lw=2, zorder=3))
    ax.add_patch(Circle((x, y), 0.17, facecolor="#a1887f", edgecolor="#6d4c41", zorder=4))
    end = x + 0.5 + length
    ax.plot([x + 0.5, end], [y, y], color=CELL_EDGE, lw=2.5, zorder=1)
    for dy in (-0.35, 0.0, 0.35):
        ax.plot([end, end + 0.5], [y, y + dy], color=CELL_EDGE, lw=1.5)
        ax.add_patch(Circle((end + 0.55, y + dy), 0.1, facecolor=CELL, edgecolor=CELL_EDGE, zorder=3))
    return end + 0.65, y


def nervous_system():
    """THE NERVOUS SYSTEM [1_16]: skin → sensory neuron → brain and spinal cord → motor neuron
    → muscle. Neurons pass the signal on at synapses; the parts of the first one are named."""
    fig, ax = plt.subplots(figsize=(12, 3.7))
    ax.set_xlim(-1.5, 25)
    ax.set_ylim(-3.3, 3.3)
    ax.set_aspect("equal")
    ax.axis("off")
    # 뇌와 척수 (the central nervous system) as a shaded region around the middle neuron
    ax.add_patch(FancyBboxPatch((8.6, -1.7), 7.4, 3.6, boxstyle="round,pad=0.2,rounding_size=0.8",
                                facecolor="#ede7f6", edgecolor="#9575cd", lw=1.5, zorder=0))
    ax.text(12.3, 2.2, "뇌와 척수 (중추 신경계)", ha="center", va="bottom", fontsize=12,
            color="#5e35b1", fontweight="bold")
    # skin with a sharp stone, and a muscle
    ax.add_patch(FancyBboxPatch((-1.3, -1.2), 1.2, 2.4, boxstyle="round,pad=0.05", facecolor="#ffe0b2",
                                edgecolor="#e0a060"))
    ax.text(-0.7, -1.5, "피부\n(감각 기관)", ha="center", va="top", fontsize=10.5)
    ax.plot([-1.2, -0.7, -0.2], [-1.9 + 3.2, -1.0 + 3.2, -1.9 + 3.2], color="#616161", lw=2)
    ax.text(-0.7, 2.5, "자극", ha="center", fontsize=11, color="#1565c0", fontweight="bold")
    ax.add_patch(FancyArrowPatch((-0.7, 2.4), (-0.7, 1.3), arrowstyle="-|>", mutation_scale=14,
                                 color="#1565c0", lw=1.8))
    ax.add_patch(FancyBboxPatch((22.6, -1.0), 2.0, 2.0, boxstyle="round,pad=0.1,rounding_size=0.6",
                                facecolor="#ef9a9a", edgecolor="#c62828"))
    ax.text(23.6, -1.4, "근육\n(반응)", ha="center", va="top", fontsize=10.5)

    tip1 = _neuron(ax, 1.6, 0, 5.2)                          # 감각 뉴런
    tip2 = _neuron(ax, tip1[0] + 3.0, 0, 2.6, "#d1c4e9")    # 연합 뉴런 (뇌·척수)
    _neuron(ax, tip2[0] + 3.0, 0, 3.8)                      # 운동 뉴런: ends on the muscle
    ax.plot([0.0, 0.5], [0, 0], color=CELL_EDGE, lw=2)
    names = [(1.6, "감각 뉴런"), (tip1[0] + 3.0, "연합 뉴런"), (tip2[0] + 3.0, "운동 뉴런")]
    for x, name in names:
        ax.text(x, -0.8, name, ha="center", va="top", fontsize=11.5, fontweight="bold")
    # 시냅스: the small gaps where one neuron hands the signal to the next
    for tip in (tip1, tip2):
        ax.annotate("시냅스\n(뉴런과 뉴런 사이의 틈)", (tip[0] + 0.6, tip[1] + 0.35),
                    (tip[0] + 0.6, -2.7), ha="center", va="center", fontsize=10, color="#ad1457",
                    bbox=LABEL_BOX, arrowprops={"arrowstyle": "->", "color": "#ad1457"})
    # the parts of the first neuron
    parts = [((0.8, 0.7), (1.3, 2.6), "가지돌기\n신호를 받음"),
             ((1.9, 0.4), (3.7, 2.6), "세포체\n자극을 모음"),
             ((5.0, 0.05), (6.4, 2.6), "축삭돌기\n신호를 멀리 보냄")]
    for xy, text_xy, text in parts:
        ax.annotate(text, xy, text_xy, ha="center", va="center", fontsize=10, bbox=LABEL_BOX,
                    arrowprops={"arrowstyle": "->", "color": "#555"})
    for x in (3.2, 17.6):
        ax.add_patch(FancyArrowPatch((x, 0.3), (x + 1.2, 0.3), arrowstyle="-|>", mutation_scale=12,
                                     color=SIGNAL, lw=1.5))
    ax.set_title("사람의 신경계: 자극 ⇒ 뉴런 ⇒ 뉴런 ⇒ … ⇒ 반응", fontsize=14)
    return fig


# ------------------------------------------------------------ step vs sigmoid

def small_change(w: float, dw: float, x: float = 1.0, b: float = 0.0) -> dict:
    """Output of a one-input neuron a = f(w·x + b) before and after the weight moves from w
    to w + dw, for the step function and the sigmoid: {name: (a_before, a_after)}."""
    return {name: (float(ACTIVATIONS[name](np.float64(w * x + b))),
                   float(ACTIVATIONS[name](np.float64((w + dw) * x + b))))
            for name in ("step", "sigmoid")}


def step_vs_sigmoid(x: float = 1.0, b: float = -1.0, starts=(0.3, 0.95), dw: float = 0.1):
    """WHY A SIGMOID [Nielsen ch. 1]: the output of a one-input neuron as its weight w changes,
    with a step and with a sigmoid. At each w in ``starts`` the weight moves by ``dw``: the step
    output does not move at all, or jumps the whole way from 0 to 1; the sigmoid moves a little."""
    ws = np.linspace(-1.0, 3.0, 400)
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.3), sharey=True)
    colors = ("#1565c0", "#b34000")
    for ax, name in zip(axes, ("step", "sigmoid")):
        f = ACTIVATIONS[name]
        ax.plot(ws, f(ws * x + b), color="#333", lw=2)
        for w0, c in zip(starts, colors):
            a0, a1 = small_change(w0, dw, x, b)[name]
            ax.plot(w0, a0, "o", mfc="white", mec=c, mew=2, ms=8, zorder=3)     # before: open
            ax.plot(w0 + dw, a1, "o", color=c, ms=8, zorder=3)                   # after: filled
            if abs(a1 - a0) > 0.2:          # an arrow only where the output visibly moves
                ax.annotate("", (w0 + dw, a1), (w0 + dw, a0),
                            arrowprops={"arrowstyle": "-|>", "color": c, "lw": 2})
            ax.text(w0 + dw + 0.12, (a0 + a1) / 2 - 0.1, f"w: {w0:.2f} ⇒ {w0 + dw:.2f}\n"
                    f"a: {a0:.2f} ⇒ {a1:.2f}", color=c, fontsize=10, va="center")
        ax.set_title(KOREAN_NAMES[name].split(" (")[0] + " 뉴런", fontsize=13)
        ax.set_xlabel("가중치 w")
        ax.grid(alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
    axes[0].set_ylabel("출력 a")
    axes[0].set_ylim(-0.15, 1.15)
    fig.suptitle(f"가중치를 조금({dw:g}) 바꾸면 출력은? (입력 x = {x:g}, 편향 b = {b:g})", fontsize=14)
    fig.tight_layout()
    return fig


# ------------------------------------------------------------ activation table

def activation_values(zs) -> dict:
    """The value of every activation function at each z: {Korean name: values}."""
    zs = np.asarray(zs, dtype=float)
    return {KOREAN_NAMES[name].split(" (")[0]: np.asarray(f(zs), dtype=float)
            for name, f in ACTIVATIONS.items()}


class HTMLTable:
    """A small table shown as HTML in a notebook (and as aligned text elsewhere)."""

    def __init__(self, header: list[str], rows: list[list[str]]):
        self.header, self.rows = header, rows

    def _repr_html_(self) -> str:
        head = "".join(f"<th style='text-align:center'>{html.escape(h)}</th>" for h in self.header)
        body = "".join("<tr>" + "".join(
            f"<td style='text-align:{'left' if k == 0 else 'right;font-family:monospace'}'>"
            f"{html.escape(c)}</td>" for k, c in enumerate(r)) + "</tr>" for r in self.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def __repr__(self) -> str:
        return "\n".join(" | ".join(r) for r in [self.header, *self.rows])


def activation_table(zs) -> HTMLTable:
    """The activation functions at a few z, one row per function, as an HTML table."""
    zs = np.asarray(zs, dtype=float)
    header = ["활성함수"] + [f"z = {z:g}" for z in zs]
    rows = [[name] + [f"{v:.3f}" for v in values] for name, values in activation_values(zs).items()]
    return HTMLTable(header, rows)


__all__ = ["HTMLTable", "activation_table", "activation_values", "nervous_system", "small_change",
           "step_vs_sigmoid"]
