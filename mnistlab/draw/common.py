"""What every figure module shares."""

from __future__ import annotations

import matplotlib.pyplot as plt


def fig_ax(ax, size: tuple[float, float], **subplots_kw):
    """Draw on the given Axes, or on a new figure of the given size (inches)."""
    if ax is not None:
        return ax.figure, ax
    return plt.subplots(figsize=size, **subplots_kw)
