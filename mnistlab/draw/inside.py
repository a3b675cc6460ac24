"""Figures of chapter 05 (신경망 안에서 일어나는 일들).

The hoped-for picture (drawn patterns that compose into digits) and the real
one (a trained network's hidden weights and the images that excite them).
Weights use THETA_CMAP (dark ≈ 0; korean.sign_legend() names the colours) on ONE
symmetric scale per figure, stated by a colour bar with + and −.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch

from mnistlab.data import SIDE
from mnistlab.draw.common import ink_on, weight_colorbar
from mnistlab.inside import TemplateNetwork, bar, ring, template_network, top_images, top_k
from mnistlab.korean import (
    THETA_CMAP,
    scheme,
    shared_limit,
    sign_color,
    sign_legend,
    symmetric_limit,
)


def weight_maps(weights, titles=None, cols: int = 8, title: str = "", size: float = 1.45,
                suptitle_size: int = 13):
    """Several 784-weight vectors as 28×28 maps on THETA_CMAP, all on one ± scale (the
    largest |weight| of them all), stated by a colour bar."""
    ws = [np.asarray(w, dtype=float).reshape(SIDE, SIDE) for w in weights]
    n = len(ws)
    cols = min(cols, n)
    rows = -(-n // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(cols * size + 1.0, rows * (size + 0.25) + 0.5),
                             squeeze=False, layout="constrained")
    lim = shared_limit(np.stack(ws)) if ws else 1.0
    im = None
    for k, ax in enumerate(axes.flat):
        ax.axis("off")
        if k < n:
            im = ax.imshow(ws[k], cmap=THETA_CMAP, vmin=-lim, vmax=lim, interpolation="nearest")
            if titles is not None:
                ax.set_title(titles[k], fontsize=10)
    if im is not None:
        weight_colorbar(fig, im, lim, label="가중치 (모든 그림이 같은 색 범위)", ax=axes, clipped=True,
                        shrink=0.9 if rows > 1 else 1.0, aspect=25)
    if title:
        fig.suptitle(title, fontsize=suptitle_size)
    return fig


def pattern_templates(tn: TemplateNetwork | None = None):
    """The hand-built network's hidden neurons: each drawing and its weights [1_36]."""
    tn = tn or template_network()
    n = len(tn.patterns)
    fig, axes = plt.subplots(2, n, figsize=(n * 1.9 + 1.0, 4.6), layout="constrained")
    lim = symmetric_limit(np.stack([p.weights for p in tn.patterns]))
    for j, p in enumerate(tn.patterns):
        top, bottom = axes[0, j], axes[1, j]
        top.imshow(p.drawing, cmap="gray", vmin=0, vmax=1)
        top.set_title(f"{p.name}\n(숫자 {', '.join(map(str, p.digits))})", fontsize=10)
        im = bottom.imshow(p.weights, cmap=THETA_CMAP, vmin=-lim, vmax=lim)
        bottom.set_title(f"$a^{{[1]}}_{{{j + 1}}}$의 가중치", fontsize=10)
        top.axis("off")
        bottom.axis("off")
    weight_colorbar(fig, im, lim, label="가중치 (같은 색 범위)", ax=axes[1, :], shrink=0.9)
    fig.suptitle("손으로 그린 은닉층 뉴런: 위 = 찾는 무늬, 아래 = 가중치 "
                 f"({sign_legend(short=True)})", fontsize=12)
    return fig


def pattern_response(tn: TemplateNetwork, images, labels):
    """Mean activation of every drawn pattern and detector for each digit 0–9 (real digits)."""
    X = np.asarray(images, dtype=np.float32).reshape(len(images), -1)
    y = np.asarray(labels)
    a = tn.forward(X)
    digits = np.arange(10)
    hidden = np.array([[a[1][y == d, j].mean() for d in digits] for j in range(len(tn.hidden))])
    detect = np.array([[a[2][y == d, j].mean() for d in digits] for j in range(len(tn.digits))])
    fig, axes = plt.subplots(2, 1, figsize=(8.6, 6.6),
                             gridspec_kw={"height_ratios": [len(tn.hidden), len(tn.digits)]})
    for ax, m, names, what in ((axes[0], hidden, tn.hidden, "은닉층: 무늬 뉴런"),
                               (axes[1], detect, [f"숫자 {d} 검출기" for d in tn.digits],
                                "출력층: 숫자 검출기")):
        ax.imshow(m, cmap="gray", vmin=0, vmax=1, aspect="auto")
        for (r, c), v in np.ndenumerate(m):
            ax.text(c, r, f"{v:.2f}", ha="center", va="center", fontsize=10, color=ink_on(v))
        ax.set_yticks(range(len(names)), names, fontsize=10)
        ax.set_xticks(digits, [f"{d}" for d in digits])
        ax.set_title(f"{what} — 정답 숫자별 평균 출력 (시험 이미지 {len(y):,}장)", fontsize=11)
    axes[1].set_xlabel("이미지의 정답 숫자")
    fig.tight_layout()
    return fig


def template_reading(tn: TemplateNetwork, image, label: int | None = None):
    """One real digit through the hand-built network: which patterns fire, which digit wins
    [1_37, 1_38]. Circles are shaded by activation (0 black … 1 white); lines by weight."""
    x = np.asarray(image, dtype=float).reshape(SIDE, SIDE)
    a = tn.forward(x)
    h, out = a[1], a[2]
    W2 = tn.net.W[2]
    fig, ax = plt.subplots(figsize=(11, 6.6))
    ax.set_xlim(0, 11.4)
    ax.set_ylim(-0.5, 6.9)
    ax.axis("off")
    ax.imshow(x, cmap="gray", vmin=0, vmax=1, extent=(0.1, 2.5, 2.0, 4.4))
    ax.text(1.3, 4.6, "입력 이미지" + (f" (정답 {label})" if label is not None else ""),
            ha="center", fontsize=11)
    hy = np.linspace(5.9, 0.1, len(tn.hidden))
    oy = np.linspace(5.3, 0.7, len(tn.digits))
    hx, ox = 7.0, 9.5
    win = int(np.argmax(out))
    for j, yj in enumerate(oy):
        for k, yk in enumerate(hy):
            w = W2[j, k]
            if w:
                ax.plot([hx + 0.35, ox - 0.35], [yk, yj], color=sign_color(w),
                        lw=0.6 + 0.35 * abs(w) * h[k], alpha=0.25 + 0.7 * h[k], zorder=1)
    for k, (p, yk) in enumerate(zip(tn.patterns, hy)):
        ax.imshow(p.drawing, cmap="gray", vmin=0, vmax=1, extent=(3.0, 3.8, yk - 0.4, yk + 0.4))
        ax.text(3.9, yk, p.name, va="center", fontsize=10)
        ax.add_patch(Circle((hx, yk), 0.33, facecolor=str(h[k]), edgecolor="#1565c0", lw=1.5,
                            zorder=2))
        ax.text(hx, yk, f"{h[k]:.2f}", ha="center", va="center", fontsize=9, zorder=3,
                color=ink_on(h[k]))
        ax.annotate("", (3.0, yk), (2.55, 3.2), arrowprops={"arrowstyle": "-", "color": "#bbb",
                                                                   "lw": 0.6})
    for j, (d, yj) in enumerate(zip(tn.digits, oy)):
        ax.add_patch(Circle((ox, yj), 0.33, facecolor=str(out[j]),
                            edgecolor="#b34000" if j == win else "#1565c0",
                            lw=3 if j == win else 1.5, zorder=2))
        ax.text(ox, yj, f"{out[j]:.2f}", ha="center", va="center", fontsize=9, zorder=3,
                color=ink_on(out[j]))
        ax.text(ox + 0.45, yj, f"숫자 {d}", va="center", fontsize=11,
                fontweight="bold" if j == win else "normal")
    ax.text(hx, 6.45, "은닉층 (무늬)", ha="center", fontsize=11)
    ax.text(ox, 6.45, "출력층 (숫자 검출기)", ha="center", fontsize=11)
    ax.set_title(f"손으로 만든 신경망의 판단: 숫자 {tn.digits[win]} "
                 f"({scheme().positive} 선 = 이 무늬가 있으면 +, {scheme().negative} 선 = 있으면 −)",
                 fontsize=12)
    return fig


def pattern_hierarchy():
    """Pixels → small pieces → loops and strokes → a digit: the layers we hope for [1_40, 1_41]."""
    up = ring(9, 14, 4, width=1.6)
    right = bar((9, 23), (17, 19))
    r, c = np.mgrid[0:SIDE, 0:SIDE]
    quarters = [up * ((r < 9) & (c < 14)), up * ((r < 9) & (c >= 14)),
                up * ((r >= 9) & (c < 14)), up * ((r >= 9) & (c >= 14))]
    pieces = [*quarters, right * (r < 16), right * (r >= 16)]
    loop, nine = up, np.clip(up + right, 0, 1)
    fig, ax = plt.subplots(figsize=(12, 6.4))
    ax.set_xlim(0, 12)
    ax.set_ylim(0, 7)
    ax.axis("off")

    def pic(img, x, y, s=1.0):
        ax.imshow(img, cmap="gray", vmin=0, vmax=1, extent=(x - s / 2, x + s / 2, y - s / 2, y + s / 2))

    def arrow(a, b):
        ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=12, color="#90a4ae",
                                     lw=1, shrinkA=2, shrinkB=2))

    heads = ((1.2, "입력층\n픽셀 784개"), (4.3, "첫 은닉층\n작은 조각 (짧은 곡선·획)"),
             (7.3, "둘째 은닉층\n고리·막대"), (10.4, "출력층\n숫자"))
    for x, text in heads:
        ax.text(x, 6.55, text, ha="center", va="center", fontsize=11)
    pic(nine, 1.2, 3.0, 2.2)
    py = np.linspace(5.45, 0.55, len(pieces))
    for img, yk in zip(pieces, py):
        pic(img, 4.3, yk, 0.9)
        arrow((2.35, 3.0), (3.83, yk))
    for img, yk, group in ((loop, 4.1, range(4)), (right, 1.6, range(4, 6))):
        pic(img, 7.3, yk, 1.4)
        for g in group:
            arrow((4.77, py[g]), (6.58, yk))
    pic(nine, 10.4, 3.0, 1.6)
    ax.text(10.4, 1.9, "9", ha="center", va="center", fontsize=20, fontweight="bold")
    arrow((8.02, 4.1), (9.58, 3.2))
    arrow((8.02, 1.6), (9.58, 2.8))
    fig.suptitle("기대하는 그림: 층을 지날 때마다 더 큰 무늬를 찾는다 "
                 "(실제로 학습된 신경망이 꼭 이렇게 되지는 않습니다)", fontsize=12)
    fig.tight_layout()
    return fig


def hidden_neurons(net, images, l: int = 1, neurons=None, k: int = 8,
                   activations: np.ndarray | None = None, value: str = "a"):
    """Trained hidden neurons, one row each: incoming weights, then the k most exciting images.

    ``images`` are 0..1 (N, 28, 28) or (N, 784); ranked as :func:`mnistlab.inside.top_images`
    (or by ``activations`` (N, n[l]) when given). For layer 1 the weights are drawn as a 28×28 map [1_39].
    ``value="z"`` labels every image with the neuron's 가중합 z instead of its output a
    (the outputs of the top images are often all 1.00: the sigmoid saturates).
    """
    X = np.asarray(images, dtype=np.float32).reshape(len(images), -1)
    neurons = list(range(1, net.sizes[l] + 1)) if neurons is None else list(neurons)
    if activations is None:
        idx, val = top_images(net, X, l, k, value=value)
    else:
        idx, val = top_k(activations, k)
    # One mosaic image (weights in colour, then the top images in gray): a single imshow
    # draws in a fraction of the time that rows × (k + 1) separate axes take.
    rows, gap, top = len(neurons), 6, 12
    step_x, step_y = SIDE + gap, SIDE + top
    mosaic = np.ones((rows * step_y, (k + 1) * step_x + gap, 3))
    fig, ax = plt.subplots(figsize=((k + 1) * 1.05 + 0.6, rows * 1.2 + 0.6))
    lim = shared_limit(np.asarray(net.W[l], dtype=float)[np.asarray(neurons) - 1])
    for r, i in enumerate(neurons):
        y = r * step_y + top
        w = np.asarray(net.W[l][i - 1], dtype=float)
        if w.size != SIDE * SIDE:                  # a later layer: its n weights as columns
            w = np.repeat(w[(np.arange(SIDE) * w.size) // SIDE][None, :], SIDE, axis=0)
        t = np.clip((w.reshape(SIDE, SIDE) + lim) / (2 * lim), 0.0, 1.0)
        mosaic[y:y + SIDE, :SIDE] = THETA_CMAP(t)[..., :3]
        ax.text(-3, y + SIDE / 2, f"$a^{{[{l}]}}_{{{i}}}$", ha="right", va="center", fontsize=11)
        for c in range(k):
            x0 = (c + 1) * step_x + gap
            mosaic[y:y + SIDE, x0:x0 + SIDE] = X[idx[i - 1, c]].reshape(SIDE, SIDE)[..., None]
            caption = f"z = {val[i - 1, c]:.1f}" if value == "z" else f"{val[i - 1, c]:.2f}"
            ax.text(x0 + SIDE / 2, y - 1.5, caption, ha="center", va="bottom", fontsize=10.5)
    ax.imshow(mosaic, interpolation="nearest")
    ax.text(SIDE / 2, -1.5, "가중치", ha="center", va="bottom", fontsize=11)
    ax.axis("off")
    what = "뉴런의 가중합 z" if value == "z" else "뉴런의 출력"
    fig.suptitle(f"{l}번째 층의 뉴런들: 가중치({sign_legend(short=True)})와 가장 크게 반응한 "
                 f"이미지 {k}장 (숫자 = {what})", fontsize=12)
    fig.tight_layout(rect=(0, 0.07 if rows < 6 else 0.04, 1, 1))
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    cax = fig.add_axes([0.06, 0.03 if rows < 6 else 0.015, 0.3, 0.018])
    weight_colorbar(fig, ScalarMappable(Normalize(-lim, lim), THETA_CMAP), lim,
                    label="가중치 (모든 뉴런이 같은 색 범위)", cax=cax, orientation="horizontal",
                    clipped=True)
    return fig


def noise_answers(images, outputs, share: float | None = None):
    """Noise images and the trained network's ten outputs for each: what it does *not* know.

    ``images`` (k, 784) and ``outputs`` (k, 10) as returned by
    :func:`mnistlab.inside.confident_on_noise`; the output neuron a^[L]_i stands for
    the digit i − 1, so the bars are labelled 0–9. ``share`` (0..1), when given, goes
    into the title.
    """
    imgs = np.asarray(images, dtype=np.float32).reshape(len(images), SIDE, SIDE)
    out = np.asarray(outputs, dtype=float)
    k = len(imgs)
    fig, axes = plt.subplots(2, k, figsize=(k * 1.75 + 0.4, 4.4),
                             gridspec_kw={"height_ratios": [1.15, 1]}, squeeze=False)
    for j in range(k):
        top, bottom = axes[0, j], axes[1, j]
        win = int(np.argmax(out[j]))
        top.imshow(imgs[j], cmap="gray", vmin=0, vmax=1, interpolation="nearest")
        top.set_title(f"답: {win}\n(출력 {out[j, win]:.2f})", fontsize=11)
        top.axis("off")
        colors = ["#b34000" if d == win else "#90a4ae" for d in range(out.shape[1])]
        bottom.bar(range(out.shape[1]), out[j], color=colors)
        bottom.axhline(0.5, color="#444", lw=0.8, ls="--")
        bottom.set_ylim(0, 1)
        bottom.set_xticks(range(out.shape[1]), [str(d) for d in range(out.shape[1])], fontsize=8)
        bottom.tick_params(axis="y", labelsize=8)
        if j:
            bottom.set_yticklabels([])
        else:
            bottom.set_ylabel("출력", fontsize=10)
        bottom.set_xlabel("숫자", fontsize=9)
    title = "무작위 잡음을 넣어도 신경망은 숫자 하나를 자신 있게 고른다"
    if share is not None:
        title += f" (잡음 이미지의 {share * 100:.0f}%에서 어떤 출력이 0.5 이상)"
    fig.suptitle(title, fontsize=12)
    fig.tight_layout()
    return fig
