"""Figures of chapter 01 (MNIST 데이터셋): digits, pixels, numbers, the 784 strip.

Each function draws real data with matplotlib and returns the Figure, so a
notebook cell ends with it and the figure shows once.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from mnistlab.data import N_PIXELS, SIDE
from mnistlab.draw.common import fig_ax

ROW_COLORS = ("#c62828", "#b45309", "#1565c0")


def digit_grid(images: np.ndarray, labels: np.ndarray, rows: int = 4, cols: int = 10,
               title: str = "MNIST 손글씨 숫자와 정답(레이블)"):
    """A grid of real digits, each with its label [1_1] (one mosaic image: fast to draw)."""
    n = min(len(images), rows * cols)
    cell, gap, top = SIDE, 2, 9                     # pixels: digit, gap, room for the label
    h, w = rows * (cell + gap + top), cols * (cell + gap)
    mosaic = np.full((h, w), 255, np.uint8)
    fig, ax = plt.subplots(figsize=(cols * 0.95, rows * 1.25))
    for k in range(n):
        r, c = divmod(k, cols)
        y, x = r * (cell + gap + top) + top, c * (cell + gap)
        mosaic[y:y + cell, x:x + cell] = images[k]
        ax.text(x + cell / 2, y - 1.5, f"정답 {int(labels[k])}", ha="center", va="bottom",
                fontsize=8.5)
    # white background around the (black-background) digits
    ax.imshow(np.where(_mask(rows, cols, cell, gap, top, n), mosaic, 255), cmap="gray",
              vmin=0, vmax=255, interpolation="nearest")
    ax.axis("off")
    ax.set_title(title, fontsize=13)
    fig.tight_layout()
    return fig


def _mask(rows, cols, cell, gap, top, n):
    """True where a digit is drawn in the mosaic of :func:`digit_grid`."""
    m = np.zeros((rows * (cell + gap + top), cols * (cell + gap)), bool)
    for k in range(n):
        r, c = divmod(k, cols)
        y, x = r * (cell + gap + top) + top, c * (cell + gap)
        m[y:y + cell, x:x + cell] = True
    return m


def pixel_image(image: np.ndarray, ax=None, title: str = "28 × 28 픽셀"):
    """One digit as 28×28 squares, with the grid of pixels visible [1_2]."""
    fig, ax = fig_ax(ax, (4.2, 4.2))
    ax.imshow(image, cmap="gray", vmin=0, vmax=255)
    ax.set_xticks(np.arange(-0.5, SIDE, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, SIDE, 1), minor=True)
    ax.grid(which="minor", color="#555", linewidth=0.3)
    ax.tick_params(which="minor", length=0)
    ax.set_xticks(range(0, SIDE, 5))
    ax.set_yticks(range(0, SIDE, 5))
    ax.set_xlabel("열 (0 … 27)")
    ax.set_ylabel("행 (0 … 27)")
    ax.set_title(title)
    return fig


def _text_on_gray(value: float) -> str:
    """Black text on light cells, white on dark ones: whichever contrasts more with gray ``value``."""
    return "black" if value >= 120 else "white"


def pixel_numbers(image: np.ndarray, ax=None, normalized: bool = False,
                  rows: slice = slice(None), cols: slice = slice(None), title: str | None = None):
    """The same pixels as a grid of numbers on their own shade [1_3].

    ``rows`` / ``cols`` crop the grid so the numbers stay readable.
    """
    part = np.asarray(image)[rows, cols].astype(float)
    r0 = rows.start or 0
    c0 = cols.start or 0
    # Cells about 0.5 inch wide: at 10 pt even "253" or "0.99" keeps a gap to its neighbour.
    fig, ax = fig_ax(ax, (0.5 * part.shape[1] + 1, 0.4 * part.shape[0] + 1))
    ax.imshow(part, cmap="gray", vmin=0, vmax=255,
              extent=(c0 - 0.5, c0 + part.shape[1] - 0.5, r0 + part.shape[0] - 0.5, r0 - 0.5))
    for (r, c), v in np.ndenumerate(part):
        text = f"{v / 255:.2f}" if normalized else f"{int(v)}"
        if normalized and v == 0:
            text = "0"
        ax.text(c0 + c, r0 + r, text, ha="center", va="center", fontsize=10,
                color=_text_on_gray(v))
    ax.set_xticks(range(c0, c0 + part.shape[1], 2))
    ax.set_yticks(range(r0, r0 + part.shape[0], 2))
    ax.tick_params(labelsize=9)
    ax.set_xlabel("열")
    ax.set_ylabel("행", rotation=0, labelpad=10)
    unit = "0..1로 정규화한 값" if normalized else "원래 값 0..255"
    ax.set_title(title or f"픽셀의 숫자 ({unit})")
    return fig


def normalization(ax=None, example: int = 100):
    """Min-max normalization: x / (255 - 0) maps 0..255 onto 0..1 (100 → 0.39)."""
    fig, ax = fig_ax(ax, (5.5, 3.6))
    x = np.arange(256)
    ax.plot(x, x / 255, color="#1565c0", linewidth=2)
    y = example / 255
    ax.plot([example, example, 0], [0, y, y], "--", color="#c62828")
    ax.scatter([example], [y], color="#c62828", zorder=3)
    ax.annotate(f"픽셀 값 {example}  ÷ 255  ≈ {y:.2f}", (example, y), (example + 45, y - 0.22),
                arrowprops={"arrowstyle": "->", "color": "#c62828"}, color="#b71c1c", fontsize=11)
    ax.set_xlim(0, 255)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("원래 픽셀 값 (0 = 배경, 255 = 가장 진한 잉크)")
    ax.set_ylabel("정규화한 값 (0 … 1)")
    ax.set_title("min-max 정규화: (값 − 최솟값) ÷ (최댓값 − 최솟값)")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def flatten_strip(image: np.ndarray, highlight: tuple[int, ...] | None = None):
    """Flattening row by row: three rows of the image and where they land in the 784 strip [1_4]."""
    image = np.asarray(image)
    if highlight is None:
        inked = np.flatnonzero(image.max(axis=1) > 0)
        mid = inked[len(inked) // 2] if len(inked) else SIDE // 2
        highlight = (int(inked[0]) if len(inked) else 5, int(mid), int(inked[-1]) if len(inked) else 20)
    fig = plt.figure(figsize=(11, 4.6))
    ax_img = fig.add_axes([0.06, 0.3, 0.22, 0.62])
    ax_strip = fig.add_axes([0.32, 0.55, 0.66, 0.16])
    ax_zoom = fig.add_axes([0.32, 0.12, 0.66, 0.18])

    ax_img.imshow(image, cmap="gray", vmin=0, vmax=255)
    ax_img.set_title("28 × 28 이미지")
    ax_img.axis("off")
    flat = image.reshape(-1)
    ax_strip.imshow(flat[None, :], cmap="gray", vmin=0, vmax=255, aspect="auto",
                    extent=(-0.5, N_PIXELS - 0.5, 0, 1))
    for b in range(0, N_PIXELS + 1, SIDE):
        ax_strip.axvline(b - 0.5, color="#ffffff33" if b % (SIDE * 4) else "#90caf9", lw=0.6)
    for color, r in zip(ROW_COLORS, highlight):
        ax_img.add_patch(Rectangle((-0.5, r - 0.5), SIDE, 1, fill=False, edgecolor=color, lw=2))
        ax_img.text(-1, r, f"{r}행", color=color, ha="right", va="center", fontsize=9)
        ax_strip.add_patch(Rectangle((r * SIDE - 0.5, 0), SIDE, 1, fill=False, edgecolor=color, lw=2))
    ax_strip.set_yticks([])
    ax_strip.set_xticks(range(0, N_PIXELS + 1, SIDE * 4))
    ax_strip.set_xlim(-0.5, N_PIXELS - 0.5)
    ax_strip.set_title("한 줄로 펼친 784개의 값 (맨 윗줄부터 차례로 이어 붙임, 눈금 = 28개마다)")
    ax_strip.set_xlabel("리스트의 위치 (0 … 783)")

    # Zoom on the highlighted rows: numbers in order, exactly as the list stores them.
    r = highlight[1]
    seg = flat[r * SIDE:(r + 1) * SIDE]
    ax_zoom.imshow(seg[None, :], cmap="gray", vmin=0, vmax=255, aspect="auto",
                   extent=(r * SIDE - 0.5, (r + 1) * SIDE - 0.5, 0, 1))
    for k, v in enumerate(seg):
        ax_zoom.text(r * SIDE + k, 0.5, str(int(v)), ha="center", va="center", fontsize=8,
                     color="black" if v > 127 else "#dddddd")     # upright: 28 cells fit "253"
    ax_zoom.set_yticks([])
    ax_zoom.set_title(f"확대: {r}행 = 리스트의 {r * SIDE} … {(r + 1) * SIDE - 1}번째 값",
                      color=ROW_COLORS[1])
    return fig


def label_counts(train_labels: np.ndarray, test_labels: np.ndarray, ax=None):
    """How many images of each digit: train 60,000 and test 10,000 [1_5]."""
    fig, ax = fig_ax(ax, (9, 3.8))
    digits = np.arange(10)
    tr = np.bincount(train_labels, minlength=10)
    te = np.bincount(test_labels, minlength=10)
    ax.bar(digits - 0.2, tr, 0.4, label=f"훈련 데이터 ({tr.sum():,}장)", color="#1565c0")
    ax.bar(digits + 0.2, te, 0.4, label=f"시험 데이터 ({te.sum():,}장)", color="#b45309")
    for d in digits:
        ax.text(d - 0.2, tr[d] + 80, f"{tr[d]:,}", ha="center", fontsize=7, rotation=90, va="bottom")
        ax.text(d + 0.2, te[d] + 80, f"{te[d]:,}", ha="center", fontsize=7, rotation=90, va="bottom")
    ax.set_xticks(digits)
    ax.set_xlabel("숫자(레이블)")
    ax.set_ylabel("이미지 수")
    ax.set_ylim(0, tr.max() * 1.4)
    ax.set_title("숫자별 이미지 수")
    ax.legend(loc="upper left", ncols=2)
    fig.tight_layout()
    return fig

