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

import re

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


def is_large_text(size_pt: float, bold: bool) -> bool:
    """WCAG's large text: at least 18 pt, or 14 pt bold (3:1 suffices for it)."""
    return size_pt >= 18 or (bold and size_pt >= 14)


def figure_text_contrast(fig) -> list[tuple[str, float, float]]:
    """Every visible text of a matplotlib figure as (text, contrast, required): the text's
    colour against the rendered background under it (the figure drawn once without its
    texts; the median colour of each text's box), required 4.5 (3 for large text)."""
    import matplotlib.text as mtext

    texts = [t for t in fig.findobj(mtext.Text)
             if t.get_visible() and t.get_text().strip() and t.get_alpha() != 0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts]
    engine = fig.get_layout_engine()
    fig.set_layout_engine("none")          # keep the layout: hidden texts must not move axes
    for t in texts:
        t.set_visible(False)
    fig.canvas.draw()
    background = np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()
    for t in texts:
        t.set_visible(True)
    if engine is not None:
        fig.set_layout_engine(engine)
    h, w = background.shape[:2]
    out = []
    for t, box in zip(texts, boxes):
        x0, x1 = int(max(box.x0, 0)), int(min(box.x1, w))
        y0, y1 = int(max(h - box.y1, 0)), int(min(h - box.y0, h))
        if x1 <= x0 or y1 <= y0:
            continue                                   # outside the canvas
        bg = np.median(background[y0:y1, x0:x1].reshape(-1, 3), axis=0) / 255
        from matplotlib.colors import to_rgba

        rgba = to_rgba(t.get_color(), t.get_alpha())
        fg = np.array(rgba[:3]) * rgba[3] + bg * (1 - rgba[3])      # alpha over the background
        bold = str(t.get_fontweight()) in ("bold", "heavy", "black", "700", "800", "900") or \
            (isinstance(t.get_fontweight(), (int, float)) and t.get_fontweight() >= 700)
        need = 3.0 if is_large_text(t.get_fontsize(), bold) else 4.5
        out.append((t.get_text(), contrast(fg, bg), need))
    return out


TEX_WORDS = {r"\partial": "∂", r"\nabla": "∇", r"\delta": "δ", r"\sigma": "σ", r"\theta": "θ",
             r"\eta": "η", r"\alpha": "α", r"\odot": "⊙", r"\cdot": "·", r"\times": "×",
             r"\leftarrow": "←", r"\approx": "≈", r"\ldots": "…", r"\sum": "Σ", r"\,": " "}


def plain_math(text: str) -> str:
    """A label's TeX as plain text a screen reader can say: $, braces and commands removed
    ("$\\partial C/\\partial W^{[1]}$" → "∂C/∂W^[1]")."""
    for command, symbol in TEX_WORDS.items():
        text = text.replace(command, symbol)
    text = re.sub(r"\\(?:mathrm|mathbf|text|operatorname)\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\[A-Za-z]+", "", text)
    text = re.sub(r"([∂∇])\s+", r"\1", text)
    return text.replace("$", "").replace("{", "").replace("}", "")


def figure_alt(fig, limit: int = 400) -> str:
    """A Korean text alternative for a matplotlib figure from its own words: the title,
    the axes' titles and axis labels and the figure's texts (their numbers included), for
    screen readers. A figure may say it itself in ``fig.mnistlab_alt``."""
    explicit = getattr(fig, "mnistlab_alt", None)
    if explicit:
        return explicit
    parts = []
    if getattr(fig, "_suptitle", None) is not None and fig._suptitle.get_text().strip():
        parts.append(fig._suptitle.get_text())
    for ax in fig.axes:
        for t in (ax.get_title("left"), ax.get_title(), ax.get_title("right")):
            if t.strip():
                parts.append(t)
        if ax.get_xlabel().strip():
            parts.append(f"가로축: {ax.get_xlabel()}")
        if ax.get_ylabel().strip():
            parts.append(f"세로축: {ax.get_ylabel()}")
    parts += [t.get_text() for t in fig.texts if t.get_visible() and t.get_text().strip()]
    words = [" ".join(plain_math(p).split()) for p in parts]
    text = "; ".join(dict.fromkeys(w for w in words if w))
    text = f"그림: {text}" if text else "그림 (제목 없음)"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def add_image_alts(page: str, notebook) -> str:
    """Write the ``alt`` that outputs carry in their metadata (figures, widget snapshots) into
    the ``<img>`` tags of an HTML export whose template leaves them out (nbconvert's lab and
    reveal templates; the classic one writes them itself)."""
    import html as _html

    for cell in notebook.get("cells", []):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = out.get("data", {}).get("image/png")
            md = out.get("metadata", {}) or {}
            alt = (md.get("image/png") or {}).get("alt") or md.get("alt")
            if not data or not alt:
                continue
            b64 = ("".join(data) if isinstance(data, list) else data).replace("\n", "")
            tag = re.compile(r'<img\b([^>]*?)\bsrc="data:image/png;base64,' + re.escape(b64) + '"')

            def with_alt(m, alt=alt, b64=b64):
                attrs = re.sub(r'\salt="[^"]*"', "", m.group(1))   # nbconvert's "No description…"
                return f'<img alt="{_html.escape(alt)}"{attrs}src="data:image/png;base64,{b64}"'

            page = tag.sub(with_alt, page, count=1)
    return page
