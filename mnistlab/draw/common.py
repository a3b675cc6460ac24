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


def weight_colorbar(fig, mappable, lim: float, label: str = "가중치", **kwargs):
    """The colour bar of a weight map (or of several on one shared scale): −lim, 0, +lim
    with the sign and the colour word at each tick, so the sign never rests on colour alone.
    ``kwargs`` go to ``fig.colorbar`` (``ax=``, ``cax=``, ``orientation=``, ...);
    ``clipped=True`` when values beyond ±lim take the end colours (:func:`shared_limit`)."""
    from mnistlab.korean import scheme

    s = scheme()
    clipped = kwargs.pop("clipped", False)
    if clipped:
        kwargs.setdefault("extend", "both")
    cb = fig.colorbar(mappable, **kwargs)
    horizontal = kwargs.get("orientation") == "horizontal"
    sep = " " if horizontal else "\n"
    lo, hi = (" 이하", " 이상") if clipped else ("", "")
    cb.set_ticks([-lim, 0, lim])
    cb.set_ticklabels([f"−{lim:.2f}{lo}{sep}({s.negative} −)", f"0{sep}(검정)",
                       f"+{lim:.2f}{hi}{sep}({s.positive} +)"])
    cb.ax.tick_params(labelsize=8)
    cb.set_label(label, fontsize=9)
    return cb


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
