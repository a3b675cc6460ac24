"""Accessibility measures: colour-vision simulation, colour differences, text contrast.

- :func:`simulate` — Machado, Oliveira & Fernandes (2009), severity 1 (protan-, deutan-,
  tritanopia), applied to linear sRGB;
- :func:`delta_e` — CIE76 ΔE in CIELAB (D65);
- :func:`contrast` — the WCAG 2.1 contrast ratio (4.5:1 for text, 3:1 for large text and
  graphical parts);
- :func:`theta_delta_e` — the ΔE table of a diverging weight map (−max/+max, −½/+½).

The tests use these on the colour maps and colours that the figures and widgets use.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import to_rgb

# Machado et al. 2009, severity 1.0 (linear RGB → linear RGB as the deficient eye sees it).
MACHADO = {
    "protan": np.array([[0.152286, 1.052583, -0.204868],
                        [0.114503, 0.786281, 0.099216],
                        [-0.003882, -0.048116, 1.051998]]),
    "deutan": np.array([[0.367322, 0.860646, -0.227968],
                        [0.280085, 0.672501, 0.047413],
                        [-0.011820, 0.042940, 0.968881]]),
    "tritan": np.array([[1.255528, -0.076749, -0.178779],
                        [-0.078411, 0.930809, 0.147602],
                        [0.004733, 0.691367, 0.303900]]),
}
DEFICIENCIES = tuple(MACHADO)
_SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805],
                         [0.2126, 0.7152, 0.0722],
                         [0.0193, 0.1192, 0.9505]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def _rgb(color) -> np.ndarray:
    """sRGB 0..1 of a colour name / hex / RGB(A) tuple / uint8 array (last axis 3 or 4)."""
    if isinstance(color, str):
        return np.array(to_rgb(color))
    a = np.asarray(color)
    a = a[..., :3]
    return a / 255.0 if a.dtype == np.uint8 else a.astype(float)


def to_linear(rgb) -> np.ndarray:
    c = _rgb(rgb)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def from_linear(lin) -> np.ndarray:
    c = np.clip(lin, 0.0, 1.0)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def simulate(rgb, deficiency: str) -> np.ndarray:
    """The sRGB colour(s) as seen with ``deficiency`` ("protan", "deutan", "tritan")."""
    return from_linear(to_linear(rgb) @ MACHADO[deficiency].T)


def lab(rgb) -> np.ndarray:
    """CIELAB (D65) of sRGB colour(s)."""
    xyz = to_linear(rgb) @ _SRGB_TO_XYZ.T / _WHITE
    d = 6 / 29
    f = np.where(xyz > d ** 3, np.cbrt(xyz), xyz / (3 * d * d) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]),
                     200 * (f[..., 1] - f[..., 2])], axis=-1)


def delta_e(a, b, deficiency: str | None = None) -> float:
    """CIE76 ΔE between two colours, as seen with ``deficiency`` (None: normal vision)."""
    a, b = _rgb(a), _rgb(b)
    if deficiency is not None:
        a, b = simulate(a, deficiency), simulate(b, deficiency)
    return float(np.linalg.norm(lab(a) - lab(b)))


def theta_delta_e(cmap) -> dict[str, tuple[float, float]]:
    """{vision: (ΔE −max/+max, ΔE −½/+½)} of a diverging map centred on 0."""
    ends = [np.asarray(cmap(t))[:3] for t in (0.0, 1.0, 0.25, 0.75)]
    table = {}
    for vision in (None, *DEFICIENCIES):
        table[vision or "normal"] = (delta_e(ends[0], ends[1], vision),
                                     delta_e(ends[2], ends[3], vision))
    return table


def luminance(rgb) -> np.ndarray:
    """WCAG relative luminance of sRGB colour(s)."""
    return to_linear(rgb) @ np.array([0.2126, 0.7152, 0.0722])


def contrast(fg, bg) -> float:
    """WCAG contrast ratio of two colours (1 … 21)."""
    la, lb = sorted((float(luminance(fg)), float(luminance(bg))))
    return (lb + 0.05) / (la + 0.05)
