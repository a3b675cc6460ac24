"""What every figure module shares."""

from __future__ import annotations

import matplotlib.pyplot as plt


def fig_ax(ax, size: tuple[float, float], **subplots_kw):
    """Draw on the given Axes, or on a new figure of the given size (inches)."""
    if ax is not None:
        return ax.figure, ax
    return plt.subplots(figsize=size, **subplots_kw)


def ink_on(gray: float) -> str:
    """Text colour ("black" or "white") with the higher contrast on a gray cell 0 (black)..1 (white).

    Uses the WCAG relative luminance of the sRGB gray: black text wins above
    about 0.46, where white text on a mid-gray would be hard to read.
    """
    g = min(max(float(gray), 0.0), 1.0)
    lum = g / 12.92 if g <= 0.04045 else ((g + 0.055) / 1.055) ** 2.4
    return "black" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "white"


def image_panels(fig, panels, bottom: float, width: float, height: float) -> list:
    """Side-by-side 28×28 maps (e.g. input × weights = contributions) on ``fig``.

    ``panels`` are ``(left, array, cmap, vmin, vmax, title)``; ``vmin=None`` centres a
    diverging colour map on 0 (red −, black 0, green +). Returns the Axes.
    """
    from mnistlab.korean import symmetric_limit

    axes = []
    for left, arr, cmap, lo, hi, title in panels:
        ax = fig.add_axes([left, bottom, width, height])
        if lo is None:
            lim = symmetric_limit(arr)
            lo, hi = -lim, lim
        ax.imshow(arr, cmap=cmap, vmin=lo, vmax=hi)
        ax.set_title(title, fontsize=11)
        ax.set_xticks([])
        ax.set_yticks([])
        axes.append(ax)
    return axes
