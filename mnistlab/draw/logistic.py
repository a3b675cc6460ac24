"""Figures of chapter 02 (MNIST와 로지스틱 회귀): one pixel, 785 inputs, θ maps.

The ten per-digit models' figures are in :mod:`mnistlab.draw.ten_models`.

Each function draws real numbers with matplotlib and returns the Figure.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba_array
from matplotlib.patches import Circle, FancyArrowPatch, Rectangle

from mnistlab.data import SIDE
from mnistlab.draw.common import fig_ax
from mnistlab.korean import THETA_CMAP, particle, scheme, sign_color, sign_legend, symmetric_limit
from mnistlab.logistic import sigmoid

YES, NO = "#2e7d32", "#78909c"          # "yes, it is the digit" / "no" points and bars
X0_COLOR = "#b45309"                    # the constant input x0 = 1 and its θ0
CURVE = "#1565c0"




def theta_limit(values, percentile: float = 99.0) -> float:
    """A colour limit symmetric around 0 for θ maps: the given percentile of |θ|.

    A few rarely-inked border pixels get large θ; the percentile keeps them from
    turning every other pixel black (values beyond it get the strongest colour).
    """
    a = np.abs(np.asarray(values, float))
    lim = float(np.percentile(a, percentile)) if a.size else 0.0
    return lim if lim > 0 else symmetric_limit(values)


# ------------------------------------------------------------ one pixel [1_6, 1_10]

def jitter_points(x, t, n: int = 3000, seed: int = 0, spread: float = 0.07):
    """Up to n (x, y) points for a scatter of pixel value vs 0/1 target, jittered so they
    do not hide each other (the pixel value gets a tiny jitter, the target a visible one)."""
    x, t = np.asarray(x, float), np.asarray(t, float)
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(x), size=min(n, len(x)), replace=False)
    px = np.clip(x[pick] + rng.uniform(-0.006, 0.006, len(pick)), -0.01, 1.01)
    py = t[pick] + rng.uniform(-spread, spread, len(pick))
    return px, py, t[pick]


def one_pixel(x, t, theta0: float | None = None, theta1: float | None = None,
              pixel: tuple[int, int] | None = None, digit: int = 5, ax=None,
              n: int = 3000, seed: int = 0):
    """One pixel's value against "is it a 5?" (jittered points) and the sigmoid [1_6].

    x: the pixel's value 0..1 in each image; t: 1 if the image is the digit, else 0.
    With θ0 and θ1 the curve sigmoid(θ0 + θ1·x) and the 0.5 threshold are drawn.
    """
    fig, ax = fig_ax(ax, (7, 4.3), layout="constrained")
    px, py, pt = jitter_points(x, t, n, seed)
    ax.scatter(px[pt == 0], py[pt == 0], s=5, alpha=0.25, color=NO, lw=0,
               label=f"{particle(digit, '이/가')} 아닌 이미지 (정답 0)")
    ax.scatter(px[pt == 1], py[pt == 1], s=5, alpha=0.45, color=YES, lw=0,
               label=f"{digit}인 이미지 (정답 1)")
    ax.axhline(0.5, color="#c62828", ls="--", lw=1)
    ax.text(1.0, 0.52, "0.5 기준선", color="#c62828", ha="right", va="bottom", fontsize=9)
    if theta0 is not None and theta1 is not None:
        xs = np.linspace(0, 1, 200)
        ax.plot(xs, sigmoid(theta0 + theta1 * xs), color=CURVE, lw=2.5,
                label=f"sigmoid(θ0 + θ1·x), θ0 = {theta0:.2f}, θ1 = {theta1:.2f}")
    where = f"픽셀 ({pixel[0]}행, {pixel[1]}열)의" if pixel is not None else "픽셀의"
    ax.set_xlabel(f"{where} 값 x (0 = 배경 … 1 = 진한 잉크)")
    ax.set_ylabel(f"'{digit}인가?' (1 = 예, 0 = 아니요)")
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-0.15, 1.15)
    ax.set_yticks([0, 0.25, 0.5, 0.75, 1])
    ax.set_title(f"픽셀 하나로 '{digit}인가?' 맞히기 (점 {len(px):,}개, 위아래로 흩뿌림)")
    ax.legend(loc="center", bbox_to_anchor=(0.5, 0.72), fontsize=8, markerscale=3, framealpha=0.9)
    return fig


def sigmoid_shapes():
    """What θ0 and θ1 do to sigmoid(θ0 + θ1·x): θ0 slides the curve, θ1 sets its steepness."""
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 3.6), sharey=True)
    xs = np.linspace(0, 1, 200)
    for th0, c in zip((-2, -5, -8), ("#90caf9", "#1565c0", "#0d47a1")):
        a.plot(xs, sigmoid(th0 + 10 * xs), color=c, lw=2, label=f"θ0 = {th0}")
    a.set_title("θ0를 바꾸면: 곡선이 좌우로 움직인다 (θ1 = 10)")
    for th1, c in zip((3, 10, 40), ("#ffcc80", "#b45309", "#b34000")):
        b.plot(xs, sigmoid(-th1 / 2 + th1 * xs), color=c, lw=2, label=f"θ1 = {th1}")
    b.plot(xs, sigmoid(5 - 10 * xs), color="#8e24aa", lw=2, ls="--", label="θ1 = −10 (반대 방향)")
    b.set_title("θ1을 바꾸면: 기울기(가파름)가 바뀐다 (θ0 = −θ1/2)")
    for ax in (a, b):
        ax.axhline(0.5, color="#c62828", ls=":", lw=1)
        ax.set_xlabel("픽셀 값 x")
        ax.legend(fontsize=8, loc="upper left")
        ax.grid(alpha=0.3)
    a.set_ylabel("sigmoid(θ0 + θ1·x)")
    fig.tight_layout()
    return fig


def sigmoid_of_z(ax=None, z_marks=(-4.0, 0.0, 3.0)):
    """sigmoid(z) for the sum z = θ0 + Σ θi·xi: large z → close to 1, small z → close to 0 [1_10]."""
    fig, ax = fig_ax(ax, (7, 3.6), layout="constrained")
    z = np.linspace(-8, 8, 400)
    ax.plot(z, sigmoid(z), color=CURVE, lw=2.5)
    ax.axhline(0.5, color="#c62828", ls="--", lw=1)
    ax.axvline(0, color="#999", lw=0.8)
    for zm in z_marks:
        s = sigmoid(zm)
        ax.scatter([zm], [s], color="#c62828", zorder=3)
        ax.annotate(f"z = {zm:g} ⇒ {s:.2f}", (zm, s), (zm + 0.4, s - 0.12 if s > 0.5 else s + 0.1),
                    fontsize=9, color="#b71c1c")
    ax.fill_between(z, 0, 1, where=z >= 0, color=YES, alpha=0.07)
    ax.text(4, 0.2, "z ≥ 0 ⇒ 0.5 이상\n('예')", ha="center", color=YES)
    ax.text(-4, 0.75, "z < 0 ⇒ 0.5보다 작음\n('아니요')", ha="center", color="#555")
    ax.set_xlabel("z = θ0·x0 + θ1·x1 + … + θ784·x784  (θ와 x를 곱해서 더한 값)")
    ax.set_ylabel("sigmoid(z)")
    ax.set_title("곱해서 더한 값이 클수록 1에, 작을수록 0에 가깝다")
    ax.set_ylim(-0.03, 1.03)
    return fig


def two_pixels(X, t, pixels=((12, 12), (20, 14)), digit: int = 5, n: int = 1500, seed: int = 0,
               surface_theta=(-6.0, 8.0, 4.0)):
    """Why 784 inputs cannot be drawn [1_7]: one input needs a plane, two need 3-D space.

    The middle panel shows the S-shaped sigmoid surface of ``surface_theta`` (θ0, θ1, θ2)
    over the data points: with two inputs the sigmoid curve becomes a surface.
    """
    X = np.asarray(X).reshape(len(X), -1)
    t = np.asarray(t, float)
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(X), size=min(n, len(X)), replace=False)
    i1, i2 = (r * SIDE + c for r, c in pixels)
    x1, x2, tt = X[pick, i1], X[pick, i2], t[pick]
    fig = plt.figure(figsize=(11, 4.2))
    a = fig.add_subplot(1, 3, 1)
    a.scatter(x1, tt + rng.uniform(-0.06, 0.06, len(tt)), s=4, c=np.where(tt == 1, YES, NO),
              alpha=0.4, lw=0)
    a.set_title("입력 1개: 평면(2차원)에 그린다")
    a.set_xlabel(f"x1 = 픽셀 {pixels[0]}")
    a.set_ylabel(f"'{digit}인가?'")
    b = fig.add_subplot(1, 3, 2, projection="3d")
    # An example surface sigmoid(θ0 + θ1·x1 + θ2·x2): two pixels alone say little about a 5,
    # so a fitted surface would be nearly flat; these θ show the S shape over the whole square.
    th = surface_theta
    g1, g2 = np.meshgrid(np.linspace(0, 1, 31), np.linspace(0, 1, 31))
    b.plot_surface(g1, g2, sigmoid(th[0] + th[1] * g1 + th[2] * g2), cmap="viridis",
                   alpha=0.55, lw=0, rstride=1, cstride=1)
    jit = rng.uniform(-0.02, 0.02, (2, len(tt)))
    b.scatter(x1 + jit[0], x2 + jit[1], tt, s=5, c=np.where(tt == 1, YES, NO), alpha=0.5, lw=0)
    b.view_init(elev=22, azim=-125)
    b.set_title("입력 2개: 공간(3차원)의 S자 곡면이 된다\n"
                f"(예: sigmoid({th[0]:g} + {th[1]:g}·x1 + {th[2]:g}·x2))", fontsize=10)
    b.set_xlabel("x1")
    b.set_ylabel("x2")
    b.zaxis.set_rotate_label(False)              # matplotlib's own angle mirrors it at this view
    b.set_zlabel(f"'{digit}인가?'", rotation=90)
    c = fig.add_subplot(1, 3, 3)
    c.axis("off")
    c.text(0.5, 0.55, "입력 784개:\n784 + 1 = 785차원\n(입력 축 784개 + 출력 축 1개)\n\n그림으로 그릴 수 없다!", ha="center",
           va="center", fontsize=15, color="#b71c1c")
    c.text(0.5, 0.12, "⇒ 다른 그림이 필요하다 (동그라미와 선)", ha="center", fontsize=10)
    fig.suptitle("입력변수가 늘어날수록 필요한 차원도 늘어난다", fontsize=13)
    fig.tight_layout()
    return fig


# ------------------------------------------------------------ the 785-input diagram [1_8, 1_9]

def _node(ax, xy, r, face="white", edge="#333", lw=1.2, text=None, color="black", size=10,
          zorder=3):
    ax.add_patch(Circle(xy, r, facecolor=face, edgecolor=edge, lw=lw, zorder=zorder))
    if text is not None:
        ax.text(*xy, text, ha="center", va="center", fontsize=size, color=color, zorder=zorder + 1)


def _arrow(ax, a, b, color="#333", lw=1.5):
    ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=14, color=color, lw=lw,
                                 zorder=2))


def _sum_sigmoid_output(ax, x_sum, y, out: float | None = None, digit: int = 5,
                        z: float | None = None):
    """Σ → sigmoid → output, shared by both diagrams."""
    _node(ax, (x_sum, y), 0.42, face="#e3f2fd", edge=CURVE, lw=2, text="Σ", size=18)
    ax.text(x_sum, y + 0.6, "곱해서 더하기\nz = Σ θi·xi" + (f" = {z:.2f}" if z is not None else ""),
            ha="center", va="bottom", fontsize=9,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1})
    xs = x_sum + 1.5
    ax.add_patch(Rectangle((xs - 0.45, y - 0.42), 0.9, 0.84, facecolor="#fff8e1",
                           edgecolor="#f9a825", lw=2, zorder=3))
    zz = np.linspace(-1, 1, 50)
    ax.plot(xs + zz * 0.35, y - 0.3 + 0.6 * sigmoid(zz * 6), color="#f57f17", lw=2, zorder=4)
    ax.text(xs, y - 0.7, "sigmoid", ha="center", va="top", fontsize=9)
    _arrow(ax, (x_sum + 0.45, y), (xs - 0.47, y))
    xo = xs + 1.5
    _arrow(ax, (xs + 0.47, y), (xo - 0.45, y))
    if out is None:
        _node(ax, (xo, y), 0.42, face="white", edge="#333", lw=2, text="ŷ", size=14)
        ax.text(xo, y - 0.7, "출력 0 … 1", ha="center", va="top", fontsize=9)
        ax.text(xo + 0.65, y, f"0.5 이상이면\n'{digit}이다'", ha="left", va="center", fontsize=10)
    else:
        g = float(np.clip(out, 0, 1))
        _node(ax, (xo, y), 0.42, face=(g, g, g), edge="#333", lw=2,
              text=f"{out:.2f}", color="black" if g > 0.5 else "white", size=11)
        ax.text(xo, y - 0.7, "출력", ha="center", va="top", fontsize=9)
        yes = out >= 0.5
        verdict = f"≥ 0.5 ⇒ '{digit}이다'" if yes else f"< 0.5 ⇒ '{particle(digit, '이/가')} 아니다'"
        ax.text(xo + 0.65, y, verdict, ha="left", va="center", fontsize=11,
                color=YES if yes else "#b71c1c", weight="bold")
    return xo


def diagram_785(digit: int = 5, ax=None):
    """785 feature circles (x0 = 1, then 784 pixels) joined by θ lines to Σ and sigmoid [1_8]."""
    fig, ax = fig_ax(ax, (9.5, 5.6), layout="constrained")
    names = ["x0 = 1", "x1", "x2", "x3", "x4", None, "x782", "x783", "x784"]
    thetas = ["θ0", "θ1", "θ2", "θ3", "θ4", None, "θ782", "θ783", "θ784"]
    ys = np.linspace(8, 0, len(names))
    x_in, x_sum, y_sum = 0.0, 4.2, 4.0
    for name, th, y in zip(names, thetas, ys):
        if name is None:
            ax.text(x_in, y, "⋮", ha="center", va="center", fontsize=22)
            continue
        is_x0 = name.startswith("x0")
        color = X0_COLOR if is_x0 else "#333"
        ax.plot([x_in + 0.38, x_sum - 0.42], [y, y_sum + (y - y_sum) * 0.1], color=color,
                lw=1.6 if is_x0 else 1, zorder=1)
        _node(ax, (x_in, y), 0.38, face="#fff3e0" if is_x0 else "white", edge=color,
              text="1" if is_x0 else name, size=11 if is_x0 else 9)
        if is_x0:
            ax.text(x_in - 0.5, y, "x0", ha="right", va="center", fontsize=10, color=color)
        tx = x_in + 1.6
        ty = y + (y_sum - y) * (tx - x_in) / (x_sum - x_in) * 0.9
        ax.text(tx, ty + 0.12, th, fontsize=9, color=color, ha="center", va="bottom")
    ax.text(x_in, ys[0] + 0.55, "항상 1 (θ0와 곱해짐)", ha="center", fontsize=9, color=X0_COLOR)
    ax.plot([x_in - 0.6, x_in - 0.6], [ys[1] + 0.3, ys[-1] - 0.3], color="#555", lw=1)
    ax.text(x_in - 0.85, (ys[1] + ys[-1]) / 2, "픽셀 784개 (x1 … x784)", ha="center",
            va="center", fontsize=10, rotation=90)
    xo = _sum_sigmoid_output(ax, x_sum, y_sum, digit=digit)
    ax.set_xlim(-3.4, xo + 2.6)
    ax.set_ylim(-0.8, 9.0)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"785개의 입력(특성)과 θ: '{digit}인가?' 로지스틱 회귀 한 개", fontsize=13)
    return fig


def diagram_image(image, theta, theta0: float, digit: int = 5, label: int | None = None):
    """The diagram filled in with a real image [1_9]: pixel shades in 784 circles (the 28×28
    grid), each joined to Σ by its θ line (green +, red −, brighter = larger pixel × θ),
    and the output value as a shade too.

    image: (28, 28) or (784,) values 0..1; theta: the model's 28×28 θ1..θ784; theta0: its θ0.
    """
    img = np.asarray(image, float).reshape(SIDE, SIDE)
    th = np.asarray(theta, float).reshape(SIDE, SIDE)
    z = float(theta0 + np.sum(img * th))
    out = float(sigmoid(z))
    fig, ax = plt.subplots(figsize=(11, 5.4))
    cell = 0.25
    x_left, y_top = 0.0, 7.0
    cx = x_left + np.arange(SIDE) * cell
    cy = y_top - np.arange(SIDE) * cell
    gx, gy = np.meshgrid(cx, cy)
    x_sum, y_sum = x_left + SIDE * cell + 2.6, y_top - SIDE * cell / 2
    # θ lines: one per pixel with ink; colour by θ's sign, strength by |pixel × θ|
    ev = (img * th).ravel()
    lim = symmetric_limit(ev)
    inked = np.flatnonzero(img.ravel() > 0)
    segs = [((gx.flat[i], gy.flat[i]), (x_sum - 0.42, y_sum)) for i in inked]
    colors = np.where(th.ravel()[inked, None] > 0, to_rgba_array(sign_color(1)),
                      to_rgba_array(sign_color(-1)))
    colors[:, 3] = 0.06 + 0.94 * np.abs(ev[inked]) / lim
    # above the dark panel (zorder 2) and below the circles (3): each line visibly starts at its pixel
    ax.add_collection(LineCollection(segs, colors=colors, linewidths=1.0, zorder=2.5))
    # x0 = 1 and θ0
    x0 = (x_left + SIDE * cell / 2, y_top + 0.7)
    ax.plot([x0[0], x_sum - 0.42], [x0[1], y_sum], color=X0_COLOR, lw=1.5, zorder=2.5)
    _node(ax, x0, 0.22, face="white", edge=X0_COLOR, lw=1.5, text="1", size=9)
    ax.text(x0[0] - 0.35, x0[1], f"x0 (θ0 = {theta0:.2f})", ha="right", va="center", fontsize=9,
            color=X0_COLOR)
    # 784 pixel circles on a dark panel (the θ lines start on it, at their own pixels)
    ax.add_patch(Rectangle((cx[0] - cell / 2, cy[-1] - cell / 2), SIDE * cell, SIDE * cell,
                           facecolor="black", lw=0, zorder=2))
    faces = np.repeat(img.ravel()[:, None], 3, axis=1)
    ax.scatter(gx.ravel(), gy.ravel(), s=34, c=faces,
               edgecolors="#607d8b", linewidths=0.4, zorder=3)
    ax.text(x_left + SIDE * cell / 2, cy[-1] - 0.45,
            "784개의 입력 = 픽셀의 회색척도 (0 검정 … 1 흰색)", ha="center", va="top", fontsize=9)
    xo = _sum_sigmoid_output(ax, x_sum, y_sum, out=out, digit=digit, z=z)
    ax.set_xlim(x_left - 2.0, xo + 3.4)
    ax.set_ylim(cy[-1] - 0.8, y_top + 1.0)
    ax.set_aspect("equal")
    ax.axis("off")
    truth = f" · 이 이미지의 정답: {label}" if label is not None else ""
    ax.set_title(f"실제 이미지를 넣은 '{digit}인가?' 모델{truth}\n"
                 f"선의 색 = θ의 부호 ({scheme().positive} +, {scheme().negative} −), "
                 "선의 진하기 = 픽셀 × θ의 크기",
                 fontsize=12)
    return fig


# ------------------------------------------------------------ θ as an image [1_11 … 1_13]

def theta_map(theta, ax=None, title: str | None = None, digit: int | None = None,
              vmax: float | None = None, colorbar: bool = True, percentile: float = 98.0):
    """θ1..θ784 as a 28×28 heatmap on THETA_CMAP (dark ≈ 0), with a ± colour bar [1_11]."""
    fig, ax = fig_ax(ax, (5.2, 4.2), layout="constrained")
    th = np.asarray(theta, float).reshape(SIDE, SIDE)
    lim = vmax if vmax is not None else theta_limit(th, percentile)
    im = ax.imshow(th, cmap=THETA_CMAP, vmin=-lim, vmax=lim)
    ax.set_xticks([])
    ax.set_yticks([])
    if title is None and digit is not None:
        title = f"'{digit}인가?' 모델의 θ"
    if title:
        ax.set_title(title)
    if colorbar:
        s = scheme()
        cb = fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04)
        cb.set_ticks([-lim, 0, lim])
        cb.set_ticklabels([f"−{lim:.2f} 이하\n({s.negative} −)", "0\n(검정)",
                           f"+{lim:.2f} 이상\n({s.positive} +)"])
        cb.ax.tick_params(labelsize=8)
    return fig


def theta_maps(thetas, digits=tuple(range(10)), shared: bool = True):
    """The θ maps of several per-digit models side by side [1_12, 1_13].

    thetas: sequence of 28×28 θ (one per digit). shared=True puts them on one
    colour scale, so brighter means larger θ in every panel.
    """
    thetas = [np.asarray(t, float).reshape(SIDE, SIDE) for t in thetas]
    cols = min(5, len(thetas))
    rows = int(np.ceil(len(thetas) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(2.3 * cols + 0.8, 2.45 * rows + 0.4),
                             squeeze=False)
    lim = theta_limit(np.stack(thetas)) if shared else None
    for ax, th, d in zip(axes.flat, thetas, digits):
        one = lim or theta_limit(th)
        im = ax.imshow(th, cmap=THETA_CMAP, vmin=-one, vmax=one)
        ax.set_title(f"'{d}인가?'", fontsize=11)
        ax.set_xticks([])
        ax.set_yticks([])
    for ax in list(axes.flat)[len(thetas):]:
        ax.axis("off")
    fig.suptitle(f"숫자마다 따로 학습한 θ ({sign_legend()})", fontsize=13)
    fig.tight_layout(rect=(0, 0, 0.93, 1))
    if shared:
        cax = fig.add_axes([0.94, 0.15, 0.015, 0.7])
        cb = fig.colorbar(im, cax=cax)
        cb.set_ticks([-lim, 0, lim])
        cb.set_ticklabels([f"−{lim:.2f}\n({scheme().negative} −)", "0\n(검정)",
                           f"+{lim:.2f}\n({scheme().positive} +)"])
        cb.ax.tick_params(labelsize=8)
    return fig


def evidence(image, theta, theta0: float, digit: int = 5):
    """증폭: image × θ = how much each pixel adds to z; its sum + θ0 is z [1_11 idea]."""
    img = np.asarray(image, float).reshape(SIDE, SIDE)
    th = np.asarray(theta, float).reshape(SIDE, SIDE)
    ev = img * th
    z = float(theta0 + ev.sum())
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.9))
    axes[0].imshow(img, cmap="gray", vmin=0, vmax=1)
    axes[0].set_title("입력 이미지 x")
    theta_map(th, ax=axes[1], title=f"'{digit}인가?' 모델의 θ")
    lim = theta_limit(ev[img > 0]) if np.any(img > 0) else 1.0
    im = axes[2].imshow(ev, cmap=THETA_CMAP, vmin=-lim, vmax=lim)
    axes[2].set_title("픽셀 × θ (잉크가 있는 곳만 남는다)")
    for a in axes:
        a.set_xticks([])
        a.set_yticks([])
    pos, neg = float(ev[ev > 0].sum()), float(ev[ev < 0].sum())
    s = scheme()
    fig.colorbar(im, ax=axes[2], fraction=0.046, pad=0.04, ticks=[-lim, 0, lim],
                 format=lambda v, _: f"{v:+.2f}" if v else "0").ax.tick_params(labelsize=8)
    fig.text(0.5, 0.02, f"{s.positive}(+)의 합 {pos:+.2f}, {s.negative}(−)의 합 {neg:+.2f}, "
             f"θ0 {theta0:+.2f}  ⇒  "
             f"z = {z:.2f}  ⇒  sigmoid(z) = {float(sigmoid(z)):.3f}",
             ha="center", fontsize=11)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


__all__ = [
    "diagram_785",
    "diagram_image",
    "evidence",
    "jitter_points",
    "one_pixel",
    "sigmoid_of_z",
    "sigmoid_shapes",
    "theta_limit",
    "theta_map",
    "theta_maps",
    "two_pixels",
]
