"""그림: the figures of the series, drawn from real numbers with matplotlib.

One module per chapter idea; notebooks and widgets call the same functions.
"""

from mnistlab.draw.digits import (
    digit_grid,
    flatten_strip,
    label_counts,
    normalization,
    pixel_image,
    pixel_numbers,
)
from mnistlab.draw.intro import ai_map

__all__ = [
    "ai_map", "digit_grid", "flatten_strip", "label_counts", "normalization", "pixel_image",
    "pixel_numbers",
]
