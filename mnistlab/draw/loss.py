"""Figures of chapter 09 (손실 함수): how wrong the network is, drawn from real numbers.

The target y (원-핫 인코딩) beside the output a^[3]; each output's loss term; accuracy
(a staircase) against the cost (smooth) while one real weight moves; the per-image loss
over the test images; the hardest test images; the 2-D slice of the cost (contour and
surface). The numbers come from :mod:`mnistlab.loss` and :mod:`mnistlab.landscape`,
which take a^[L] from ``Network.forward``; the figures only draw them.

Colours: the output a in the blue of a chosen neuron, the target y in the orange of
the winner (draw.network), a blue/orange pair that colour-blind readers tell apart.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, NullFormatter

from mnistlab.data import SIDE
from mnistlab.draw.common import fig_ax
from mnistlab.draw.network import HIGHLIGHT, WINNER
from mnistlab.formulas import one_hot
from mnistlab.loss import KOREAN_LOSS_NAMES, output_terms

OUTPUT_COLOR = HIGHLIGHT        # a^[3]: what the network says
TARGET_COLOR = WINNER           # y: what it should say
SQUARED_COLOR = "#8e24aa"       # 평균 제곱 오차 (purple, apart from blue and orange)
UNTRAINED_COLOR = "#9e9e9e"     # the untrained network


def _margins(fig, bottom: float = 0.15, right: float = 0.98, wspace: float = 0.2) -> None:
    """Fixed margins (constrained layout would cost more than the drawing itself)."""
    fig.subplots_adjust(left=0.08, right=right, top=0.88, bottom=bottom, wspace=wspace)


def _neuron_ticks(ax, n: int) -> None:
    ax.set_xticks(range(n))
    ax.set_xticklabels([f"{i + 1}\n('{i}')" for i in range(n)], fontsize=8)
    ax.set_xlabel("출력층 뉴런 i (괄호: 그 뉴런이 맡은 숫자 i − 1)", fontsize=9)


def target_and_output(outputs, label: int, ax=None, title: str | None = None):
    """The output a^[3] of one image (blue) beside its one-hot target y (orange), one pair
    of bars per output neuron; a^[3]_i stands for the digit i − 1."""
    fig, ax = fig_ax(ax, (8.4, 3.2))
    _margins(fig, bottom=0.22)
    a = np.asarray(outputs, float)
    y = one_hot(int(label), len(a))
    x = np.arange(len(a))
    ax.bar(x - 0.2, a, 0.4, color=OUTPUT_COLOR, label="출력 a[3] (신경망의 답)")
    ax.bar(x + 0.2, y, 0.4, color=TARGET_COLOR, label=f"목표 y (원-핫, 정답 {label})")
    for i, v in enumerate(a):
        if v >= 0.005:                      # the tiny ones would all read 0.00
            ax.text(i - 0.2, v + 0.02, f"{v:.2f}", ha="center", fontsize=7, color=OUTPUT_COLOR)
    _neuron_ticks(ax, len(a))
    ax.set_ylim(0, 1.18)
    ax.set_ylabel("값 (0..1)")
    ax.legend(loc="upper left", fontsize=8, ncols=2, frameon=False)
    ax.set_title(title or f"정답 {label}: 목표 y는 {label + 1}번째 출력만 1, 나머지 0")
    return fig


def loss_terms(outputs, label: int, axes=None):
    """Each output neuron's term of the two losses for one image, the sums in the titles:
    교차 엔트로피 오차 (what the network trains with) and 평균 제곱 오차."""
    if axes is None:
        fig, axes = plt.subplots(1, 2, figsize=(10, 3.2))
        _margins(fig, bottom=0.22, wspace=0.15)
    else:
        fig = axes[0].figure
    x = np.arange(len(outputs))
    for ax, kind, color in zip(axes, ("cross_entropy", "squared_error"),
                               (OUTPUT_COLOR, SQUARED_COLOR)):
        terms = output_terms(outputs, label, kind)
        ax.bar(x, terms, color=color)
        top = max(float(terms.max()), 0.05)
        for i, t in enumerate(terms):
            if t >= 0.005:
                ax.text(i, t + top * 0.03, f"{t:.2f}", ha="center", fontsize=7)
        ax.bar([label], [terms[label]], color="none", edgecolor=TARGET_COLOR, lw=2)
        _neuron_ticks(ax, len(terms))
        ax.set_ylim(0, top * 1.2)
        ax.set_title(f"{KOREAN_LOSS_NAMES[kind]}: 항 {len(terms)}개의 합 = {terms.sum():.3f}",
                     fontsize=11)
    axes[0].set_ylabel("출력 하나의 몫")
    return fig


def accuracy_and_loss(sweep: dict, trained: float, name: str = "w", ax=None):
    """Accuracy (a staircase) and the cost C (smooth) against one weight's value, on one
    x axis: C on the left scale, accuracy on the right; the trained value dashed."""
    fig, ax = fig_ax(ax, (8.4, 3.6))
    _margins(fig, bottom=0.14, right=0.9)
    v = sweep["values"]
    ax.plot(v, sweep["loss"], color=OUTPUT_COLOR, lw=2, label="비용 C (교차 엔트로피 오차)")
    ax.set_xlabel(f"가중치 {name}의 값")
    ax.set_ylabel("비용 C", color=OUTPUT_COLOR)
    acc = ax.twinx()
    acc.step(v, 100 * sweep["accuracy"], where="mid", color=TARGET_COLOR, lw=2, label="정확도")
    acc.set_ylabel("정확도 (%)", color=TARGET_COLOR)
    ax.axvline(trained, color="#555", ls="--", lw=1)
    ax.text(trained, 0.5, " 학습된 값", transform=ax.get_xaxis_transform(), fontsize=9,
            color="#555")
    lines = ax.get_lines()[:1] + acc.get_lines()[:1]
    ax.legend(lines, [ln.get_label() for ln in lines], loc="lower left", fontsize=9,
              framealpha=0.9)
    ax.set_title(f"{name} 하나만 움직이면: 정확도는 계단, 비용은 매끄러운 곡선", fontsize=11)
    return fig


def loss_distribution(losses, untrained=None, ax=None):
    """Histogram of the per-image loss over the test images (log scale: most are tiny, a few
    huge), with the mean C marked; optionally the untrained network's losses in gray."""
    fig, ax = fig_ax(ax, (8.4, 3.4))
    _margins(fig, bottom=0.15)
    losses = np.asarray(losses, float)
    groups = [(losses, OUTPUT_COLOR, "학습된 신경망")]
    if untrained is not None:
        groups.insert(0, (np.asarray(untrained, float), UNTRAINED_COLOR, "학습 전 (무작위 가중치)"))
    lo = min(max(g.min(), 1e-4) for g, _, _ in groups)
    hi = max(g.max() for g, _, _ in groups)
    bins = np.geomspace(lo, hi, 60)
    for g, color, name in groups:
        ax.hist(np.clip(g, lo, None), bins=bins, color=color, alpha=0.75,
                label=f"{name}: 평균 C = {g.mean():.3f}")
        ax.axvline(g.mean(), color=color, ls="--", lw=1.5)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    ax.xaxis.set_minor_formatter(NullFormatter())      # (and far fewer tick labels to draw)
    ax.set_xlabel("이미지 한 장의 손실 (로그 눈금)")
    ax.set_ylabel("이미지 수")
    ax.legend(fontsize=9, loc="upper left")
    ax.set_title(f"시험 이미지 {len(losses):,}장의 손실 분포 (점선: 평균 = 비용 C)", fontsize=11)
    return fig


def hardest_images(images, labels, answers, losses, indices, known_errors=None, cols: int = 10):
    """The test images at ``indices`` (e.g. the highest losses), each with its label, the
    network's answer and its loss; a known MNIST label error says so above its picture.
    Drawn as one mosaic (one image, one Axes): 30 little Axes take seconds to lay out."""
    known_errors = known_errors or {}
    indices = [int(k) for k in indices]
    rows = -(-len(indices) // cols)
    cell_w, cell_h = SIDE + 8, SIDE + 24           # pixels per cell: picture + room for text
    mosaic = np.ones((rows * cell_h, cols * cell_w))
    for n, k in enumerate(indices):
        img = np.asarray(images[k], float).reshape(SIDE, SIDE)
        img = img / 255.0 if np.asarray(images[k]).dtype == np.uint8 else img
        r, c = divmod(n, cols)
        mosaic[r * cell_h + 22:r * cell_h + 22 + SIDE, c * cell_w + 4:c * cell_w + 4 + SIDE] = img
    width = 0.95 * cols                            # inches; the height keeps pixels square
    height = width * rows * cell_h / (cols * cell_w)
    fig = plt.figure(figsize=(width, height + 0.35))
    ax = fig.add_axes((0, 0, 1, height / (height + 0.35)))
    ax.imshow(mosaic, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    ax.set_facecolor("white")
    for n, k in enumerate(indices):
        r, c = divmod(n, cols)
        x, y = c * cell_w + 4 + SIDE / 2, r * cell_h + 20.5
        text = f"#{k}\n정답 {int(labels[k])} · 답 {int(answers[k])}\n손실 {float(losses[k]):.1f}"
        wrong = k in known_errors
        if wrong:
            text = f"레이블 오류: {known_errors[k][1]}\n" + text
        ax.text(x, y, text, ha="center", va="bottom", fontsize=7.5, linespacing=1.05,
                color=TARGET_COLOR if wrong else "black", weight="bold" if wrong else "normal")
    ax.set_xlim(0, cols * cell_w)
    ax.set_ylim(rows * cell_h, -6)
    ax.axis("off")
    fig.suptitle("손실이 가장 큰 시험 이미지 (정답 = 파일의 레이블, 답 = 신경망의 예측)",
                 fontsize=11, y=0.995)
    return fig


def landscape(land, names=("w1", "w2"), path=None):
    """The 2-D slice of the cost: contour lines (left) and the surface (right), the trained
    weights marked; ``path`` (an (N, 2) array of weight pairs) draws a walk on both."""
    fig = plt.figure(figsize=(10.5, 4.4))
    fig.subplots_adjust(left=0.07, right=0.97, bottom=0.12, top=0.86, wspace=0.25)
    ax = fig.add_subplot(1, 2, 1)
    W1, W2 = np.meshgrid(land.w1, land.w2)
    levels = np.quantile(land.C, np.linspace(0, 1, 16)[1:-1])
    filled = ax.contourf(W1, W2, land.C, levels=20, cmap="viridis")
    ax.contour(W1, W2, land.C, levels=np.unique(levels), colors="white", linewidths=0.6)
    fig.colorbar(filled, ax=ax, label="비용 C")
    t1, t2 = land.trained
    ax.plot([t1], [t2], "o", color=WINNER, ms=8, mec="black", label="학습된 값")
    if path is not None:
        p = np.asarray(path, float)
        ax.plot(p[:, 0], p[:, 1], ".-", color="white", lw=1.5)
    ax.set_xlabel(f"가중치 {names[0]}")
    ax.set_ylabel(f"가중치 {names[1]}")
    ax.legend(loc="upper right", fontsize=9)
    ax.set_title("등고선: 같은 선 위는 같은 비용", fontsize=11)
    ax3 = fig.add_subplot(1, 2, 2, projection="3d", computed_zorder=False)   # the point on top
    ax3.plot_surface(W1, W2, land.C, cmap="viridis", linewidth=0, antialiased=True,
                     rstride=1, cstride=1, alpha=0.95)
    ax3.scatter([t1], [t2], [land.trained_cost], color=WINNER, s=50, edgecolor="black",
                depthshade=False, zorder=5)
    ax3.set_xlabel(names[0])
    ax3.set_ylabel(names[1])
    ax3.set_zlabel("C")
    ax3.view_init(elev=32, azim=-135)
    ax3.set_title("곡면: 높이 = 비용 C", fontsize=11)
    fig.suptitle(f"진짜 비용 C의 한 단면: 가중치 13,002개 중 두 개만 움직임 "
                 f"(학습 이미지 {land.images:,}장의 평균)", fontsize=11)
    return fig


__all__ = [
    "accuracy_and_loss", "hardest_images", "landscape", "loss_distribution", "loss_terms",
    "target_and_output",
]
