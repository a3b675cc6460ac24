"""Figures of chapter 03 (사람의 신경계와 인공뉴런).

Drawn schematics (matplotlib shapes, no photographs) of a biological neuron and
of an artificial neuron, the activation functions side by side, and a trained
logistic model of chapter 02 drawn as one neuron.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, Ellipse, FancyArrowPatch, FancyBboxPatch, Rectangle

from mnistlab.draw.common import fig_ax, image_panels, weight_colorbar
from mnistlab.formulas import ACTIVATIONS, KOREAN_NAMES
from mnistlab.korean import THETA_CMAP, scheme, shared_limit, sign_color, symmetric_limit
from mnistlab.neuron import Neuron

CELL = "#f3c9a8"          # cell body fill
CELL_EDGE = "#8d4e14"
MYELIN = "#fbe3c8"
SIGNAL = "#c62828"
INPUT_BLUE = "#1565c0"

FORMULAS = {
    "sigmoid": r"$\sigma(z) = \dfrac{1}{1 + e^{-z}}$",
    "step": r"$0$ ($z < 0$),  $1$ ($z \geq 0$)",
    "tanh": r"$\tanh(z) = \dfrac{e^{z} - e^{-z}}{e^{z} + e^{-z}}$",
    "relu": r"$\max(0, z)$",
}


def biological_neuron(fire_stimuli=(0.3, 0.55, 0.9), threshold: float = 0.5):
    """사람의 뉴런 [1_17]: dendrites → cell body → axon → terminals, and the threshold.

    Top: a schematic neuron. Bottom: stimuli of different strengths; only
    those at or above the 역치 (threshold) make the neuron fire a signal.
    """
    fig = plt.figure(figsize=(11, 6.4))
    ax = fig.add_axes([0.02, 0.36, 0.96, 0.6])
    ax.set_xlim(-0.6, 20)
    ax.set_ylim(-3.4, 3.6)
    ax.set_aspect("equal")
    ax.axis("off")

    # 가지돌기 (dendrites): branching lines into the cell body
    rng = np.random.default_rng(3)
    for angle in np.linspace(125, 235, 6):
        t = np.deg2rad(angle)
        x0, y0 = 4.2 + 1.1 * np.cos(t), 1.1 * np.sin(t)
        x1, y1 = 4.2 + 2.7 * np.cos(t), 2.7 * np.sin(t)
        ax.plot([x0, x1], [y0, y1], color=CELL_EDGE, lw=3, solid_capstyle="round")
        for d in (-22, 24):
            t2 = t + np.deg2rad(d + rng.uniform(-6, 6))
            ax.plot([x1, x1 + 0.9 * np.cos(t2)], [y1, y1 + 0.9 * np.sin(t2)],
                    color=CELL_EDGE, lw=1.8, solid_capstyle="round")
    # 세포체 (cell body) and nucleus
    ax.add_patch(Circle((4.2, 0), 1.25, facecolor=CELL, edgecolor=CELL_EDGE, lw=2.5, zorder=3))
    ax.add_patch(Circle((4.1, 0.05), 0.42, facecolor="#a1887f", edgecolor="#6d4c41", zorder=4))
    # 축삭돌기 (axon) with myelin segments
    ax.plot([5.45, 15.2], [0, 0], color=CELL_EDGE, lw=3, zorder=1)
    for x in np.arange(6.2, 14.6, 1.6):
        ax.add_patch(FancyBboxPatch((x, -0.32), 1.2, 0.64, boxstyle="round,pad=0.02,rounding_size=0.3",
                                    facecolor=MYELIN, edgecolor=CELL_EDGE, lw=1.2, zorder=2))
    # 축삭 말단 (axon terminals)
    for dy in (-1.1, -0.4, 0.4, 1.1):
        ax.plot([15.2, 16.6], [0, dy], color=CELL_EDGE, lw=2)
        ax.add_patch(Circle((16.75, dy), 0.17, facecolor=CELL, edgecolor=CELL_EDGE, lw=1.5))
    # incoming stimuli and outgoing signal
    for y in (2.2, 0.0, -2.2):
        ax.add_patch(FancyArrowPatch((0.1, y * 0.95), (1.05, y * 0.8), arrowstyle="-|>",
                                     mutation_scale=14, color=INPUT_BLUE, lw=1.8))
    ax.text(-0.5, 3.0, "자극(입력)", color=INPUT_BLUE, fontsize=11, fontweight="bold")
    ax.add_patch(FancyArrowPatch((17.2, 0), (19.6, 0), arrowstyle="-|>", mutation_scale=18,
                                 color=SIGNAL, lw=2.5))
    ax.text(18.4, 0.35, "신호(출력)", color=SIGNAL, fontsize=11, fontweight="bold", ha="center")

    labels = [((6.9, 2.5), "가지돌기 (수상돌기)\n다른 뉴런의 신호를 받는 곳"),
              ((4.2, -2.35), "세포체\n받은 자극을 모아 처리"),
              ((10.2, 1.05), "축삭돌기\n신호를 멀리 전달"),
              ((16.3, -2.35), "축삭 말단\n다음 뉴런에 신호 전달")]
    for (x, y), text in labels:
        ax.text(x, y, text, ha="center", va="center", fontsize=10, color="#333",
                linespacing=1.5, bbox={"boxstyle": "round", "fc": "white", "ec": "#bbb"})
    ax.set_title("사람의 뉴런 (도식)", fontsize=14)

    # 역치: stimuli below the threshold do nothing, at or above it the neuron fires
    bx = fig.add_axes([0.09, 0.08, 0.62, 0.22])
    s = np.asarray(fire_stimuli, dtype=float)
    fires = s >= threshold
    colors = [SIGNAL if f else "#90a4ae" for f in fires]
    names = [f"자극 {k + 1}" for k in range(len(s))]
    bx.barh(names, s, color=colors, height=0.55)
    bx.axvline(threshold, color="#333", ls="--", lw=1.5)
    bx.text(threshold, -0.55, f" 역치(기준) = {threshold:g}", va="bottom", fontsize=10)
    for k, (_v, f) in enumerate(zip(s, fires)):
        bx.text(1.02, k, "⇒ 활성화! 신호를 보냄" if f else "⇒ 가만히 있음 (신호 없음)",
                va="center", fontsize=10, color=SIGNAL if f else "#546e7a",
                fontweight="bold" if f else "normal", transform=bx.get_yaxis_transform())
    bx.set_xlim(0, 1)
    bx.set_ylim(len(s) - 0.5, -0.9)
    bx.set_xlabel("자극의 세기")
    bx.spines[["top", "right"]].set_visible(False)
    return fig


def learning_connections(seed: int = 4):
    """학습 = 연결이 바뀜 [1_18]: the same neurons before and after practice.

    Some connections grow stronger (thicker), some weaker, one disappears and
    a new one appears.
    """
    rng = np.random.default_rng(seed)
    pts = np.array([[0, 2], [0, 0], [0, -2], [2.4, 1.2], [2.4, -1.2], [4.8, 0.9], [4.8, -0.9],
                    [7, 0]], dtype=float)
    links = [(0, 3), (1, 3), (1, 4), (2, 4), (3, 5), (3, 6), (4, 6), (5, 7), (6, 7), (0, 4)]
    before = rng.uniform(0.8, 2.2, len(links))
    after = before.copy()
    after[[0, 4, 7]] = [4.5, 4.2, 4.8]        # practised paths grow stronger
    after[[2, 6]] = [0.5, 0.45]               # unused ones weaken
    after[9] = 0.0                            # one connection is lost
    new_link = (2, 3)                         # and a new one forms
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    for ax, w, title in ((axes[0], before, "연습하기 전"), (axes[1], after, "여러 번 연습한 뒤")):
        ax.set_xlim(-0.8, 7.8)
        ax.set_ylim(-2.8, 2.8)
        ax.set_aspect("equal")
        ax.axis("off")
        for (i, j), v in zip(links, w):
            if v > 0:
                ax.plot(*zip(pts[i], pts[j]), color=CELL_EDGE, lw=v, alpha=0.85, zorder=1,
                        solid_capstyle="round")
        if ax is axes[1]:
            ax.plot(*zip(pts[new_link[0]], pts[new_link[1]]), color="#43a047", lw=2.6, zorder=1)
            mid = pts[list(new_link)].mean(axis=0)
            ax.text(mid[0] - 0.3, mid[1] - 0.2, "새 연결", color="#2e7d32", fontsize=9,
                    ha="right")
            lost = pts[list(links[9])].mean(axis=0)
            ax.plot(*zip(pts[links[9][0]], pts[links[9][1]]), color="#bdbdbd", lw=1, ls=":")
            ax.text(lost[0], lost[1], "✕", color="#757575", fontsize=13, ha="center",
                    va="center")
            ax.text(lost[0] - 0.25, lost[1] + 0.3, "끊긴 연결", color="#757575", fontsize=9,
                    ha="right")
            strong = pts[list(links[7])].mean(axis=0)
            ax.text(strong[0], strong[1] + 0.55, "강해진 연결", color=CELL_EDGE, fontsize=9,
                    ha="center")
        for x, y in pts:
            ax.add_patch(Circle((x, y), 0.32, facecolor=CELL, edgecolor=CELL_EDGE, lw=1.8,
                                zorder=2))
        ax.set_title(title, fontsize=13)
    fig.suptitle("학습이란 뉴런 사이의 연결이 생기고, 끊기고, 강해지거나 약해지는 것",
                 fontsize=13)
    fig.tight_layout(rect=(0, 0, 1, 0.93))
    return fig


def artificial_neuron(x=None, W=None, b: float | None = None, activation: str = "sigmoid",
                      ax=None, biology: bool = False, title: str | None = None):
    """인공뉴런 [1_19 … 1_22]: inputs x, weights W, bias b, Σ, activation function, output a.

    Without numbers it draws the symbols x1 … xn, w1 … wn; with ``x``, ``W``
    and ``b`` it writes the real values, shades inputs and output in 회색척도
    and colours the weights (green +, red −, thicker = larger). ``biology=True``
    notes which part of a real neuron each piece plays.
    """
    f = ACTIVATIONS[activation]
    n = len(x) if x is not None else 3
    numbers = x is not None and W is not None and b is not None
    if numbers:
        neuron = Neuron(W, b, activation)                # the chapter's neuron computes z and a
        z, a = neuron.weighted_sum(x), neuron(x)
    fig, ax = fig_ax(ax, (10, 5.2))
    ax.set_xlim(-0.6, 12.2)
    ax.set_ylim(-3.6, 3.3)
    ax.set_aspect("equal")
    ax.axis("off")
    ys = np.linspace(2.1, -2.1, n) if n > 1 else np.array([0.0])
    sx, sy = 5.2, 0.0                         # Σ circle
    if numbers:
        x, W = np.asarray(x, dtype=float), neuron.W
        wmax = symmetric_limit(W)
    for k, y in enumerate(ys):
        shade = float(np.clip(x[k], 0, 1)) if numbers else 1.0
        ax.add_patch(Circle((0.6, y), 0.42, facecolor=(shade,) * 3, edgecolor="#333", lw=1.5,
                            zorder=3))
        label = f"$x_{k + 1}$" if not numbers else f"{x[k]:.2g}"
        ax.text(0.6, y, label, ha="center", va="center", fontsize=11, zorder=4,
                color="#000" if shade > 0.5 else "#fff")
        if numbers:
            color = sign_color(W[k])
            lw = 0.8 + 4 * abs(W[k]) / wmax
        else:
            color, lw = "#555", 1.8
        ax.plot([1.02, sx - 0.7], [y, sy + (y - sy) * 0.25], color=color, lw=lw, zorder=1)
        wl = f"$w_{k + 1}$" if not numbers else f"$w_{k + 1}$ = {W[k]:.2g}"
        ax.text(2.6, y + (sy - y) * 0.28 + 0.22, wl, fontsize=10, ha="center", color="#333")
    # bias
    ax.add_patch(FancyArrowPatch((sx, sy + 2.4), (sx, sy + 0.75), arrowstyle="-|>",
                                 mutation_scale=14, color="#6a1b9a", lw=1.8))
    ax.text(sx, sy + 2.55, "편향 b" + (f" = {b:.2g}" if numbers else ""), ha="center",
            fontsize=11, color="#6a1b9a")
    # Σ
    ax.add_patch(Circle((sx, sy), 0.7, facecolor="#fff8e1", edgecolor="#333", lw=1.8, zorder=3))
    ax.text(sx, sy, "Σ", ha="center", va="center", fontsize=22, zorder=4)
    zt = "가중합\nz = w·x + b" + (f"\n= {z:.3g}" if numbers else "")
    ax.text(sx, sy - 1.05, zt, ha="center", va="top", fontsize=10, linespacing=1.6)
    # activation box with its curve
    bx, bw = 7.3, 1.9
    ax.add_patch(FancyArrowPatch((sx + 0.72, sy), (bx, sy), arrowstyle="-|>", mutation_scale=14,
                                 color="#333", lw=1.6))
    ax.add_patch(Rectangle((bx, sy - 0.8), bw, 1.6, facecolor="#e3f2fd", edgecolor="#333", lw=1.5,
                           zorder=2))
    zz = np.linspace(-5, 5, 60)
    fz = f(zz)
    lo, hi = float(fz.min()), float(fz.max())
    ax.plot(bx + 0.15 + (zz + 5) / 10 * (bw - 0.3),
            sy - 0.6 + (fz - lo) / (hi - lo or 1) * 1.2, color="#1565c0", lw=2, zorder=3)
    if numbers:
        zc = float(np.clip(z, -5, 5))
        ax.plot(bx + 0.15 + (zc + 5) / 10 * (bw - 0.3),
                sy - 0.6 + (float(f(zc)) - lo) / (hi - lo or 1) * 1.2, "o", color=SIGNAL, zorder=4)
    ax.text(bx + bw / 2, sy - 1.05, "활성함수\n" + KOREAN_NAMES[activation], ha="center", va="top",
            fontsize=10, linespacing=1.6)
    # output
    ox = 11.0
    ax.add_patch(FancyArrowPatch((bx + bw, sy), (ox - 0.5, sy), arrowstyle="-|>",
                                 mutation_scale=14, color="#333", lw=1.6))
    shade = float(np.clip(a, 0, 1)) if numbers else 1.0
    ax.add_patch(Circle((ox, sy), 0.48, facecolor=(shade,) * 3, edgecolor="#333", lw=1.8,
                        zorder=3))
    ax.text(ox, sy, "a" if not numbers else f"{a:.2f}", ha="center", va="center", fontsize=12,
            zorder=4, color="#000" if shade > 0.5 else "#fff")
    ax.text(ox, sy - 0.8, "출력 a", ha="center", va="top", fontsize=11)
    ax.text(0.6, 2.85, "입력", ha="center", fontsize=11, fontweight="bold")
    if biology:
        notes = [(0.6, -3.1, "(가지돌기로 들어오는 자극)"), (sx, -2.9, "(세포체: 자극을 모음)"),
                 (bx + bw / 2, -2.9, "(역치 이상이면 활성화)"), (ox, -2.9, "(축삭: 신호 전달)")]
        for tx, ty, t in notes:
            ax.text(tx, ty, t, ha="center", fontsize=9, color="#8d6e63")
    if title is None:
        title = "인공뉴런: 여러 숫자를 받아 숫자 하나를 돌려주는 함수"
    ax.set_title(title, fontsize=13)
    return fig


def activation_functions(names=("sigmoid", "step", "tanh", "relu"), z_range: float = 6.0):
    """활성함수들을 나란히: sigmoid, step, tanh and ReLU on the same z axis."""
    fig, axes = plt.subplots(1, len(names), figsize=(3.2 * len(names), 3.6), sharex=True)
    z = np.linspace(-z_range, z_range, 601)
    for ax, name in zip(np.atleast_1d(axes), names):
        a = ACTIVATIONS[name](z)
        if name == "step":           # draw the jump as a jump, not a slanted line
            ax.plot(z[z < 0], a[z < 0], color="#1565c0", lw=2.5)
            ax.plot(z[z >= 0], a[z >= 0], color="#1565c0", lw=2.5)
            ax.plot([0], [1], "o", color="#1565c0")
            ax.plot([0], [0], "o", mfc="white", color="#1565c0")
        else:
            ax.plot(z, a, color="#1565c0", lw=2.5)
        ax.axhline(0, color="#999", lw=0.8)
        ax.axvline(0, color="#999", lw=0.8)
        ax.set_title(KOREAN_NAMES[name].split(" (")[0], fontsize=13)
        ax.text(0.03, 0.97, FORMULAS[name], transform=ax.transAxes, va="top", fontsize=10.5,
                bbox={"boxstyle": "round", "fc": "white", "ec": "#ddd", "alpha": 0.9})
        ax.set_xlabel("가중합 z")
        ax.grid(alpha=0.3)
        ax.set_ylim(-1.2 if name == "tanh" else -0.2, z_range if name == "relu" else 1.2)
    np.atleast_1d(axes)[0].set_ylabel("출력 a")
    fig.suptitle("여러 가지 활성함수", fontsize=14)
    fig.tight_layout()
    return fig


def neuron_as_model(image, W, b: float, digit: int = 5, activation: str = "sigmoid"):
    """The trained "is it a 5?" logistic model drawn as ONE neuron.

    Input x (the digit's 784 pixels) times the weights W (the θ map of
    chapter 02) gives each pixel's contribution; their sum plus b is z, and
    the activation function turns z into the neuron's output.
    """
    image = np.asarray(image, dtype=float).reshape(28, 28)
    neuron = Neuron(np.asarray(W, dtype=float).reshape(-1), b, activation)
    Wm = neuron.W.reshape(28, 28)
    contrib = image * Wm
    z, a = neuron.weighted_sum(image.reshape(-1)), neuron(image.reshape(-1))
    fig = plt.figure(figsize=(12, 3.9))
    lim = shared_limit(Wm)              # one scale for W and x × W (|x × W| ≤ |W|)
    panels = [(0.01, image, "gray", 0.0, 1.0, "입력 x (784개 픽셀)"),
              (0.235, Wm, THETA_CMAP, -lim, lim, "가중치 W (예전의 θ1…θ784)"),
              (0.46, contrib, THETA_CMAP, -lim, lim, "x × W (픽셀마다 곱한 값)")]
    axes = image_panels(fig, panels, 0.24, 0.2, 0.6)
    weight_colorbar(fig, axes[1].images[0], lim, label="W와 x × W의 같은 색 범위",
                    cax=fig.add_axes([0.255, 0.1, 0.385, 0.035]), orientation="horizontal",
                    clipped=True)
    for xpos, sym in ((0.215, "×"), (0.44, "=")):
        fig.text(xpos, 0.46, sym, fontsize=24, ha="center", va="center")
    tx = fig.add_axes([0.68, 0.05, 0.31, 0.85])
    tx.axis("off")
    tx.set_xlim(0, 1)
    tx.set_ylim(0, 1)
    pos = float(contrib[contrib > 0].sum())
    neg = float(contrib[contrib < 0].sum())
    s = scheme()
    lines = [(0.9, f"{s.positive}(+) 합 {pos:+.2f}, {s.negative}(−) 합 {neg:+.2f}", "#333", 10),
             (0.76, f"+ 편향 b = {b:+.2f}", "#6a1b9a", 11),
             (0.6, f"가중합 z = {z:.2f}", "#000", 13),
             (0.44, f"{KOREAN_NAMES[activation].split(' (')[0]}(z) = {a:.3f}", "#1565c0", 13)]
    for y, t, c, s in lines:
        tx.text(0.05, y, t, color=c, fontsize=s, va="center")
    verdict = f"(0.5 이상: \"{digit}\"이다)" if a >= 0.5 else f"(0.5 미만: \"{digit}\"가 아니다)"
    tx.add_patch(Ellipse((0.14, 0.2), 0.13, 0.13 * (0.31 * 12) / (0.85 * 3.9), facecolor=(min(max(a, 0), 1),) * 3,
                         edgecolor="#333", lw=1.5))
    tx.text(0.26, 0.2, f"출력 a = {a:.2f}  {verdict}", fontsize=12, va="center",
            color=SIGNAL if a >= 0.5 else "#455a64", fontweight="bold")
    fig.suptitle(f"\"{digit}인가?\" 로지스틱 모델 = 인공뉴런 하나", fontsize=14, y=1.0)
    return fig



__all__ = ["activation_functions", "artificial_neuron", "biological_neuron",
           "learning_connections", "neuron_as_model"]
