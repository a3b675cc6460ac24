"""Chapter 08's widgets: the weight-matrix explorer and the shape lab (모양 실험실).

- :class:`WeightMatrixExplorer`: choose a connection w^[l]_jk (layer l, receiving neuron j,
  sending neuron k) → the line on a two-layer diagram and its cell in a heat map of the real
  W^[l], with its value; the highlight "row j" shows every weight INTO neuron j (for l = 1
  a 28×28 map, as in 05), "column k" every weight OUT OF neuron k.
- :class:`ShapeLab`: choose the layer sizes, m and a product → every layer's shapes and
  what numpy makes of the product (its result, or its own error explained in Korean).

Both paint with PIL into one 256-colour palette (:func:`~mnistlab.raster.png_fast`); the
fixed parts (faint lines, the heat map's colours) are drawn once per layer and copied.
"""

from __future__ import annotations

import html
import re

import ipywidgets as W
import numpy as np
from PIL import Image

from mnistlab import matrices, validate
from mnistlab.data import SIDE, dataset, normalize
from mnistlab.errors import MnistlabTypeError, MnistlabValueError
from mnistlab.korean import THETA_CMAP, symmetric_limit
from mnistlab.raster import Pen, png_fast, png_small, shrink
from mnistlab.widgets.base import Explorer, _lut, font, set_slider_range

# palette: 0 white, 1–64 grays (0 black … 1 white), 65–192 THETA_CMAP (− … +), then marks
GRAYS, THETAS = 64, 128
GRAY0, THETA0 = 1, 1 + GRAYS
MARK = {"white": 0, "highlight": 193, "cell": 194, "text": 195, "faint": 196, "frame": 197}
MARK_RGB = {"highlight": (30, 136, 229), "cell": (255, 152, 0), "text": (55, 71, 79),
            "faint": (222, 226, 230), "frame": (120, 130, 140)}


def _palette() -> tuple[np.ndarray, bytes]:
    colors = np.full((256, 3), 255, np.uint8)
    colors[GRAY0:GRAY0 + GRAYS] = np.round(np.linspace(0, 255, GRAYS))[:, None]
    colors[THETA0:THETA0 + THETAS] = _lut(THETA_CMAP.name)[np.round(np.linspace(0, 255, THETAS))
                                                           .astype(int)]
    for name, rgb in MARK_RGB.items():
        colors[MARK[name]] = rgb
    return colors, colors.tobytes()


def _gray(v) -> np.ndarray:
    return (GRAY0 + np.round(np.clip(v, 0, 1) * (GRAYS - 1))).astype(np.uint8)


def _theta(w, lim: float) -> np.ndarray:
    t = (np.clip(np.asarray(w, float), -lim, lim) + lim) / (2 * lim)
    return (THETA0 + np.round(t * (THETAS - 1))).astype(np.uint8)


class WeightMatrixExplorer(Explorer):
    """가중치 행렬 탐험기: one connection w^[l]_jk on the diagram and in the real W^[l]."""

    title = "가중치 행렬 탐험기"
    MODES = (("연결 하나", "one"), ("행 j: 들어오는 가중치", "row"), ("열 k: 나가는 가중치", "col"))

    def __init__(self, net=None, images=None, labels=None, index: int = 0):
        from mnistlab.network import pretrained_network

        self.net = pretrained_network() if net is None else validate.network(net)
        images, labels = dataset(images, labels, "test")
        index = validate.integer(index, "index (시험 이미지 번호)", 0, len(images) - 1)
        x = normalize(images[index]) if images.dtype == np.uint8 else np.asarray(images[index], float)
        self.image_index, self.image_label = index, int(labels[index])
        self.a, self.z = self.net.forward(x.reshape(-1), return_z=True)
        self.colors, self.palette = _palette()
        self._diagram_bg: dict[int, tuple] = {}
        self._heat_bg: dict[int, tuple] = {}

        slider = {"continuous_update": True, "style": {"description_width": "150px"},
                  "layout": W.Layout(width="400px")}
        L = self.net.L
        self.layer = W.IntSlider(1, 1, L, description="층 l", **slider)
        self.j = W.IntSlider(1, 1, self.net.n[1], description="받는 뉴런 j (l층)", **slider)
        self.k = W.IntSlider(1, 1, self.net.n[0], description="보내는 뉴런 k (l−1층)", **slider)
        self.mode = W.ToggleButtons(options=list(self.MODES), value="one", description="강조",
                                    style={"button_width": "150px"})
        self.strongest = W.Button(description="행 j에서 가장 센 연결로", icon="bolt",
                                  layout=W.Layout(width="220px"))
        self.info = W.HTML()
        self.diagram = W.Image(format="png")
        self.heat = W.Image(format="png")

        self.layer.observe(self._on_layer, "value")
        for control in (self.j, self.k, self.mode):
            control.observe(self._on_change, "value")
        self.strongest.on_click(self._on_strongest)
        super().__init__([
            W.HBox([W.VBox([self.layer, self.j, self.k]), W.VBox([self.mode, self.strongest])]),
            self.info,
            W.HBox([self.diagram, self.heat], layout=W.Layout(align_items="flex-start")),
        ])
        for l in range(1, L + 1):              # the fixed parts of every layer, drawn once now
            self._diagram_background(l)         # (so that moving the layer slider stays fast)
            self._heat_background(l)
        self.k.value = 1 + int(np.argmax(np.abs(self.net.W[1][0])))      # a strong first example
        self._on_change()

    # ---------------------------------------------------------------- API
    @property
    def selected(self) -> tuple[int, int, int]:
        """The chosen connection (l, j, k), 1-based as in the lesson's w^[l]_jk."""
        return int(self.layer.value), int(self.j.value), int(self.k.value)

    def weight(self) -> float:
        """w^[l]_jk = ``net.W[l][j - 1, k - 1]``, the chosen connection's weight."""
        l, j, k = self.selected
        return float(self.net.W[l][j - 1, k - 1])

    def select(self, l: int, j: int, k: int, mode: str | None = None) -> None:
        """Choose w^[l]_jk (and the highlight); an address outside the network is a Korean error."""
        l = validate.integer(l, "l (층)", 1, self.net.L)
        j = validate.integer(j, f"j ({l}번째 층의 받는 뉴런)", 1, self.net.n[l])
        k = validate.integer(k, f"k ({l - 1}번째 층의 보내는 뉴런)", 1, self.net.n[l - 1])
        if mode is not None:
            mode = validate.choice(mode, "mode (강조)", [v for _, v in self.MODES])
        with self.quiet():
            self.layer.value = l
            self._fit_sliders(j, k)
            if mode is not None:
                self.mode.value = mode
        self._on_change()

    # ---------------------------------------------------------------- events
    def _fit_sliders(self, j: int, k: int) -> None:
        l = self.layer.value
        set_slider_range(self, self.j, self.net.n[l], j)
        set_slider_range(self, self.k, self.net.n[l - 1], k)

    def _on_layer(self, _=None):
        if self._quiet:
            return
        self._fit_sliders(min(self.j.value, self.net.n[self.layer.value]),
                          min(self.k.value, self.net.n[self.layer.value - 1]))
        self._on_change()

    def _on_strongest(self, _=None):
        l, j, _k = self.selected
        self.k.value = 1 + int(np.argmax(np.abs(self.net.W[l][j - 1])))

    def _on_change(self, _=None):
        if self._quiet:
            return
        l, j, k = self.selected
        self.alt = (f"{self._alt()}; W^[{l}]의 열지도(모양 {self.net.W[l].shape})에서 "
                    f"행 {j}, 열 {k} 표시")
        self.show_png(self.diagram, png_fast(self._paint_diagram(), self.palette), alt=self._alt())
        self.show_png(self.heat, png_fast(self._paint_heat(), self.palette), alt=self.alt)
        self.info.value = self._info_html()

    def _alt(self) -> str:
        l, j, k = self.selected
        return (f"{l - 1}번째 층의 뉴런 {k}에서 {l}번째 층의 뉴런 {j}로 가는 연결, "
                f"가중치 w^[{l}]_{j},{k} = {self.weight():.3f}")

    def _info_html(self) -> str:
        l, j, k = self.selected
        w, a_k = self.weight(), float(self.a[l - 1][k - 1])
        mode = self.mode.value
        W_l = self.net.W[l]
        if mode == "row":
            extra = (f"행 {j} = 뉴런 {j}로 <b>들어오는</b> 가중치 {W_l.shape[1]:,}개 "
                     f"(가장 큰 값 {W_l[j - 1].max():.2f}, 가장 작은 값 {W_l[j - 1].min():.2f})")
        elif mode == "col":
            extra = (f"열 {k} = {l - 1}번째 층의 뉴런 {k}에서 <b>나가는</b> 가중치 {W_l.shape[0]}개 "
                     f"(가장 큰 값 {W_l[:, k - 1].max():.2f}, 가장 작은 값 {W_l[:, k - 1].min():.2f})")
        else:
            extra = (f"이 연결이 z<sup>[{l}]</sup><sub>{j}</sub> = {self.z[l][j - 1]:.3f} 에 "
                     f"보태는 몫: w × a<sup>[{l - 1}]</sup><sub>{k}</sub> = {w:.3f} × {a_k:.3f} "
                     f"= {w * a_k:.3f}")
        return (f"<div style='font-size:14px;line-height:1.6'><b>w<sup>[{l}]</sup><sub>{j},{k}</sub>"
                f" = {w:.4f}</b> · 코드: <code>net.W[{l}][{j - 1}, {k - 1}]</code> "
                f"(행 {j - 1}, 열 {k - 1}: 0부터 셉니다) · W<sup>[{l}]</sup>의 모양 "
                f"{W_l.shape}<br>{extra}<br><span style='color:#607d8b'>시험 이미지 "
                f"#{self.image_index} (정답 {self.image_label})의 활성값으로 원을 칠했습니다.</span>"
                "</div>")

    # ---------------------------------------------------------------- pictures
    def _geometry(self, l: int) -> dict:
        """Where layer l−1 and layer l are drawn (1× pixels)."""
        n_prev, n = self.net.n[l - 1], self.net.n[l]
        height = 330
        g = {"size": (440, height), "right_x": 380.0}
        step = min(18.0, (height - 60) / max(n, 1))
        g["right"] = [(g["right_x"], height / 2 + (i - (n - 1) / 2) * step) for i in range(n)]
        g["r_right"] = min(7.0, step * 0.4)
        g["fill_left"] = _gray(self.a[l - 1]).tolist()           # circles shaded by activation
        g["fill_right"] = _gray(self.a[l]).tolist()
        if l == 1:
            cell = 8
            x0, y0 = 24, (height - SIDE * cell) / 2 + 8
            g["grid"] = (x0, y0, cell)
            g["left"] = [(x0 + (p % SIDE + 0.5) * cell, y0 + (p // SIDE + 0.5) * cell)
                         for p in range(n_prev)]
            g["r_left"] = cell / 2
        else:
            step_l = min(18.0, (height - 60) / max(n_prev, 1))
            g["left"] = [(90.0, height / 2 + (i - (n_prev - 1) / 2) * step_l) for i in range(n_prev)]
            g["r_left"] = min(7.0, step_l * 0.4)
        return g

    def _diagram_background(self, l: int) -> tuple[np.ndarray, dict]:
        """Layer l−1 and l with every connection as a faint line (l ≥ 2), drawn once per layer."""
        if l not in self._diagram_bg:
            g = self._geometry(l)
            pen = Pen(Image.new("L", tuple(s * self.ratio for s in g["size"]), MARK["white"]),
                      self.ratio)
            pen.fontmode = "1"
            if l > 1:
                for (x1, y1) in g["left"]:
                    for (x2, y2) in g["right"]:
                        pen.line([x1, y1, x2, y2], fill=MARK["faint"], width=1)
            f = font(13, True)
            left_x = g["left"][0][0] if l > 1 else g["grid"][0] + SIDE * g["grid"][2] / 2
            pen.text((left_x, 14), f"{l - 1}번째 층 (k)", fill=MARK["text"], font=f, anchor="mt")
            pen.text((g["right_x"], 14), f"{l}번째 층 (j)", fill=MARK["text"], font=f, anchor="mt")
            self._diagram_bg[l] = (np.asarray(pen.image).copy(), g)
        return self._diagram_bg[l]

    def _paint_diagram(self) -> np.ndarray:
        l, j, k = self.selected
        bg, g = self._diagram_background(l)
        pen = Pen(Image.fromarray(bg.copy(), mode="L"), self.ratio)
        pen.fontmode = "1"
        W_l, mode = self.net.W[l], self.mode.value
        lim = symmetric_limit(W_l)
        if mode == "row":
            pairs = [(kk, j) for kk in range(1, W_l.shape[1] + 1)]
        elif mode == "col":
            pairs = [(k, jj) for jj in range(1, W_l.shape[0] + 1)]
        else:
            pairs = [(k, j)]
        if l == 1:                                          # the input as its 28×28 image
            x0, y0, cell = g["grid"]
            values = _theta(W_l[j - 1], lim) if mode == "row" else _gray(self.a[0])
            grid = Image.fromarray(values.reshape(SIDE, SIDE), mode="L")
            pen.paste(grid.resize((SIDE * cell * self.ratio,) * 2, Image.NEAREST), (x0, y0))
            pen.rectangle([x0 - 1, y0 - 1, x0 + SIDE * cell, y0 + SIDE * cell],
                          outline=MARK["frame"], width=1)
        if l == 1 and mode == "row":                       # 784 lines: the row as a 28×28 map
            pairs = [(k, j)]
        for kk, jj in sorted(pairs, key=lambda p: abs(W_l[p[1] - 1, p[0] - 1])):
            w = W_l[jj - 1, kk - 1]
            width = 1 + 3 * abs(w) / lim if len(pairs) > 1 else 4
            (x1, y1), (x2, y2) = g["left"][kk - 1], g["right"][jj - 1]
            pen.line([x1, y1, x2, y2], fill=int(_theta(w, lim)), width=width)
        if l == 1:
            cx, cy = g["left"][k - 1]
            h = cell / 2 + 1.5
            pen.rectangle([cx - h, cy - h, cx + h, cy + h], outline=MARK["highlight"], width=2)
        else:
            r = g["r_left"]
            for (cx, cy), fill in zip(g["left"], g["fill_left"]):
                pen.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fill, outline=MARK["frame"],
                            width=1)
            cx, cy = g["left"][k - 1]
            pen.ellipse([cx - r - 3, cy - r - 3, cx + r + 3, cy + r + 3], outline=MARK["highlight"],
                        width=2)
        r = g["r_right"]
        for (cx, cy), fill in zip(g["right"], g["fill_right"]):
            pen.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fill, outline=MARK["frame"], width=1)
        cx, cy = g["right"][j - 1]
        pen.ellipse([cx - r - 3, cy - r - 3, cx + r + 3, cy + r + 3], outline=MARK["cell"], width=3)
        f = font(12)
        pen.text((cx + r + 8, cy), f"j = {j}", fill=MARK["text"], font=f, anchor="lm")
        if l == 1:
            x0, y0, cell = g["grid"]
            pen.text((x0 + SIDE * cell / 2, y0 + SIDE * cell + 6),
                     f"k = {k}: 픽셀 ({(k - 1) // SIDE + 1}행, {(k - 1) % SIDE + 1}열)",
                     fill=MARK["highlight"], font=f, anchor="mt")
        else:
            kx, ky = g["left"][k - 1]
            pen.text((kx - g["r_left"] - 8, ky), f"k = {k}", fill=MARK["highlight"], font=f,
                     anchor="rm")
        pen.text((g["size"][0] / 2, g["size"][1] - 6),
                 f"w^[{l}]_{j},{k} = {W_l[j - 1, k - 1]:.3f}", fill=MARK["text"], font=font(14, True),
                 anchor="mb")
        return np.asarray(pen.image)

    def _heat_layout(self, l: int) -> dict:
        n, n_prev = self.net.W[l].shape
        cw, ch = (1, 10) if n_prev > 100 else (16, 16)
        return {"cw": cw, "ch": ch, "x0": 34, "y0": 26, "w": n_prev * cw, "h": n * ch}

    def _heat_background(self, l: int) -> tuple[np.ndarray, dict]:
        if l not in self._heat_bg:
            h = self._heat_layout(l)
            W_l = self.net.W[l]
            title = f"W^[{l}]  모양 ({W_l.shape[0]}, {W_l.shape[1]})"
            size = (h["x0"] + max(h["w"], 130) + 14, h["y0"] + h["h"] + 52)
            pen = Pen(Image.new("L", tuple(s * self.ratio for s in size), MARK["white"]), self.ratio)
            pen.fontmode = "1"
            cells = Image.fromarray(_theta(W_l, symmetric_limit(W_l)), mode="L")
            pen.paste(cells.resize((h["w"] * self.ratio, h["h"] * self.ratio), Image.NEAREST),
                      (h["x0"], h["y0"]))
            f = font(12)
            pen.text((h["x0"], 6), title, fill=MARK["text"], font=font(13, True))
            pen.text((h["x0"], h["y0"] + h["h"] + 34), "행 j = 받는 뉴런 · 열 k = 보내는 뉴런",
                     fill=MARK["text"], font=f)
            pen.text((h["x0"] - 6, h["y0"] + h["ch"] / 2), "1", fill=MARK["text"], font=f, anchor="rm")
            pen.text((h["x0"] - 6, h["y0"] + h["h"] - h["ch"] / 2), str(W_l.shape[0]),
                     fill=MARK["text"], font=f, anchor="rm")
            pen.text((h["x0"] + h["cw"] / 2, h["y0"] + h["h"] + 4), "1", fill=MARK["text"], font=f,
                     anchor="mt")
            pen.text((h["x0"] + h["w"] - h["cw"] / 2, h["y0"] + h["h"] + 4), str(W_l.shape[1]),
                     fill=MARK["text"], font=f, anchor="mt")
            self._heat_bg[l] = (np.asarray(pen.image).copy(), h)
        return self._heat_bg[l]

    def _paint_heat(self) -> np.ndarray:
        l, j, k = self.selected
        bg, h = self._heat_background(l)
        pen = Pen(Image.fromarray(bg.copy(), mode="L"), self.ratio)
        pen.fontmode = "1"
        x0, y0, cw, ch = h["x0"], h["y0"], h["cw"], h["ch"]
        mode = self.mode.value
        if mode in ("one", "row"):
            pen.rectangle([x0 - 2, y0 + (j - 1) * ch - 2, x0 + h["w"] + 1, y0 + j * ch + 1],
                          outline=MARK["highlight"], width=2 if mode == "row" else 1)
        if mode in ("one", "col"):
            pen.rectangle([x0 + (k - 1) * cw - 2, y0 - 2, x0 + k * cw + 1, y0 + h["h"] + 1],
                          outline=MARK["highlight"], width=2 if mode == "col" else 1)
        pad = 3 if cw > 2 else 4
        pen.rectangle([x0 + (k - 1) * cw - pad, y0 + (j - 1) * ch - pad, x0 + k * cw + pad - 1,
                       y0 + j * ch + pad - 1], outline=MARK["cell"], width=3)
        f = font(12)
        pen.text((x0 - 6, y0 + (j - 0.5) * ch), f"j={j}", fill=MARK["highlight"], font=f, anchor="rm")
        pen.text((x0 + (k - 0.5) * cw, y0 + h["h"] + 16), f"k={k}", fill=MARK["highlight"], font=f,
                 anchor="mt")
        return np.asarray(pen.image)

    def snapshot(self) -> bytes:
        from mnistlab.widgets.base import caption, hstack, vstack

        d = shrink(self.colors[self._paint_diagram()], self.ratio)
        hmap = shrink(self.colors[self._paint_heat()], self.ratio)
        l, j, k = self.selected
        picture = hstack(d, hmap) if d.shape[1] + hmap.shape[1] <= 848 else vstack(d, hmap)
        return png_small(caption(picture, f"가중치 행렬 탐험기 · w^[{l}]_{j},{k} = {self.weight():.3f}",
                                 15))


def weight_matrix_explorer(net=None, index: int = 0) -> WeightMatrixExplorer:
    """가중치 행렬 탐험기 widget: the shipped network's W^[1], W^[2], W^[3], one connection at a time."""
    return WeightMatrixExplorer(net, index=index)


# ==================================================================== shape lab

def parse_sizes(text) -> list[int]:
    """Layer sizes from "784-16-16-10", "784, 16, 10" or "[784 16 10]" (a Korean error if not)."""
    if not isinstance(text, str):
        return validate.layer_sizes(text)
    parts = [p for p in re.split(r"[\s,\-–×x\[\]()]+", text.strip()) if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise MnistlabValueError(
            f"층 크기는 '784-16-16-10' 처럼 정수를 - 나 쉼표로 이어 적어 주세요 (받은 것: {text!r}).")
    return validate.layer_sizes([int(p) for p in parts])


class ShapeLab(Explorer):
    """모양 실험실: layer sizes and m → every layer's shapes; a product → numpy's answer."""

    title = "모양 실험실"
    M_OPTIONS = (1, 2, 16, 32, 784, 10_000)

    def __init__(self, sizes="784-16-16-10", m: int = 32):
        style = {"description_width": "110px"}
        self.sizes_text = W.Text(value="", description="층 크기", style=style,
                                 continuous_update=False, layout=W.Layout(width="300px"))
        self.m = W.Dropdown(options=[(f"{v:,}", v) for v in self.M_OPTIONS], value=32,
                            description="이미지 수 m", style=style, layout=W.Layout(width="230px"))
        self.layer = W.IntSlider(1, 1, 3, description="층 l", style=style,
                                 layout=W.Layout(width="300px"))
        self.code = W.Dropdown(options=list(matrices.PRODUCTS), value="A[l-1] @ W[l].T",
                               description="계산해 볼 식", style=style, layout=W.Layout(width="420px"))
        self.table = W.HTML()
        self.result = W.HTML()
        self.picture = W.Image(format="png")
        self.sizes: list[int] = [784, 16, 16, 10]
        self.sizes_text.observe(self._on_sizes, "value")
        for control in (self.m, self.layer, self.code):
            control.observe(self._on_change, "value")
        super().__init__([
            W.HBox([self.sizes_text, self.m]),
            W.HBox([self.layer, self.code]),
            self.table, self.picture, self.result,
        ])
        if m not in self.M_OPTIONS:
            raise MnistlabValueError(f"m 은 {', '.join(map(str, self.M_OPTIONS))} 중 하나여야 합니다 "
                                     f"(받은 값: {m!r}).")
        with self.quiet():
            self.m.value = m
        self.set_sizes(sizes)

    # ---------------------------------------------------------------- API
    def set_sizes(self, sizes) -> None:
        """Use the layer sizes ``sizes`` (a list, or text such as "784-32-10"); Korean error if bad."""
        self.sizes = parse_sizes(sizes)
        text = "-".join(map(str, self.sizes))
        with self.quiet():
            self.sizes_text.value = text
            set_slider_range(self, self.layer, len(self.sizes) - 1, min(self.layer.value,
                                                                         len(self.sizes) - 1))
        self._on_change()

    def product(self) -> matrices.Product:
        """What numpy makes of the chosen product for the chosen layer and m."""
        return matrices.product(self.code.value, self.sizes, self.m.value, self.layer.value)

    # ---------------------------------------------------------------- events
    def _on_sizes(self, _=None):
        if self._quiet:
            return
        try:
            self.set_sizes(self.sizes_text.value)
        except (MnistlabValueError, MnistlabTypeError) as e:
            self.result.value = self._box("#fdecea", "#c62828", "⚠️ 층 크기를 읽을 수 없습니다",
                                          html.escape(str(e)))

    def _on_change(self, _=None):
        if self._quiet:
            return
        self.table.value = self._table_html()
        p = self.product()
        outcome = f"결과의 모양 {p.shape}" if p.ok else "numpy 오류"
        self.show_png(self.picture, png_fast(self._paint_product(p)),
                      alt=f"{p.code}: {p.left}와 {p.right} → {outcome}")
        self.result.value = self._result_html()

    def _paint_product(self, p: matrices.Product) -> np.ndarray:
        """The product as blocks: left (rows × columns) op right = result, or ✗; the two sizes
        that must agree are marked (blue when they do, orange when they do not)."""
        def size(d):
            return 14 + 30 * np.log10(d)          # a drawn length for d rows or columns
        rows = [s[0] if len(s) == 2 else 1 for s in (p.left, p.right, p.shape or (1,))]
        pen = Pen.new((640, int(16 + size(max(rows)) + 30)), ratio=self.ratio)
        op, *_ = matrices.PRODUCTS[p.code]
        symbol = {"matmul": "@", "multiply": "*", "add": "+"}[op]
        blue, orange, ink = MARK_RGB["highlight"], MARK_RGB["cell"], MARK_RGB["text"]
        f, top, x = font(13), 16, 16

        def block(x, shape, name, marks=()):
            rows, cols = (shape[0], shape[1]) if len(shape) == 2 else (1, shape[0])
            w, h = size(cols), size(rows)
            pen.rectangle([x, top, x + w, top + h], fill=(236, 239, 241), outline=ink, width=1)
            for side, color in marks:
                xy = [x, top, x + w, top] if side == "top" else [x, top, x, top + h]
                pen.line(xy, fill=color, width=4)
            pen.text((x + w / 2, top + h + 6), f"{name} {matrices._shape_text(shape)}", fill=ink,
                     font=f, anchor="mt")
            return x + w

        if op == "matmul":
            agree = blue if p.left[1] == p.right[0] else orange
            left_marks, right_marks = [("top", agree)], [("left", agree)]
        else:
            left_marks = right_marks = ()
        names = self._code().split(" ")
        x = block(x, p.left, names[0], left_marks)
        pen.text((x + 22, top + 40), symbol, fill=ink, font=font(22, True), anchor="mm")
        x = block(x + 44, p.right, names[2], right_marks)
        pen.text((x + 22, top + 40), "=", fill=ink, font=font(22, True), anchor="mm")
        if p.ok:
            block(x + 44, p.shape, "결과")
        else:
            pen.text((x + 44, top + 30), "numpy 오류: 계산하지 않음", fill=orange, font=font(16, True))
        return pen.array()

    @staticmethod
    def _box(bg: str, fg: str, head: str, body: str) -> str:
        return (f"<div style='background:{bg};border-left:4px solid {fg};padding:6px 10px;"
                f"max-width:800px;font-size:14px;line-height:1.5'><b style='color:{fg}'>{head}</b>"
                f"<br>{body}</div>")

    def _table_html(self) -> str:
        m, chosen = self.m.value, self.layer.value
        rows = []
        sh = matrices._shape_text
        for s in matrices.shapes(self.sizes, m):
            style = "background:#e3f2fd;font-weight:bold" if s.layer == chosen else ""
            if s.layer == 0:
                cells = ["—", "—", "—", sh(s.A), sh(s.lesson("A"))]
            else:
                cells = [sh(s.W), sh(s.b), sh(s.Z), sh(s.A), sh(s.lesson("A"))]
            rows.append(f"<tr style='{style}'><td>{s.layer}</td>"
                        + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        head = ("<tr><th>층 l</th><th>W^[l]</th><th>b^[l]</th><th>Z^[l] (코드)</th>"
                "<th>A^[l] (코드: 행 = 이미지)</th><th>A^[l] (강의: 열 = 이미지)</th></tr>")
        n = matrices.n_parameters(self.sizes)
        return (f"<table style='border-collapse:collapse;font-family:monospace;font-size:13px' "
                f"cellpadding='4' border='1'>{head}{''.join(rows)}</table>"
                f"<div style='font-size:13px;color:#455a64'>가중치와 편향: 모두 {n:,}개 · "
                f"이미지 {m:,}장</div>")

    def _code(self) -> str:
        """The chosen product with the chosen layer's numbers in place of l."""
        l = self.layer.value
        return self.code.value.replace("l-1", str(l - 1)).replace("[l]", f"[{l}]")

    def _result_html(self) -> str:
        p = self.product()
        sh = matrices._shape_text
        code = html.escape(self._code())
        shapes = f"<code>{code}</code> · 모양 {sh(p.left)} 와 {sh(p.right)}"
        if p.error is not None:
            return self._box("#fdecea", "#c62828", "❌ numpy 오류", f"{shapes}<br><code>ValueError: "
                             f"{html.escape(p.error)}</code><br>{html.escape(p.explanation)}")
        good = p.code in matrices.RIGHT or p.code == "W[l] @ A[l-1].T"
        if good:
            return self._box("#e8f5e9", "#2e7d32", f"✅ 결과의 모양 {sh(p.shape)}",
                             f"{shapes}<br>{html.escape(p.explanation)}")
        return self._box("#fff3e0", "#e65100", f"⚠️ 오류는 없지만 틀린 식 · 결과의 모양 {sh(p.shape)}",
                         f"{shapes}<br>{html.escape(p.explanation)}")

    def snapshot(self) -> bytes:
        p = self.product()
        sh = matrices._shape_text
        head = f"모양 실험실 · 층 크기 {'-'.join(map(str, self.sizes))} · 이미지 {self.m.value:,}장"
        rows = [["층 l", "W", "b", "Z (코드)", "A (코드)"]]
        for s in matrices.shapes(self.sizes, self.m.value):
            rows.append([str(s.layer)] + (["—"] * 3 if s.layer == 0 else
                                          [sh(s.W), sh(s.b), sh(s.Z)]) + [sh(s.A)])
        verdict = f"결과 {sh(p.shape)}" if p.ok else "numpy 오류 (ValueError)"
        foot = f"식 {p.code} (l = {self.layer.value}): {verdict}"
        columns = [10, 70, 210, 300, 450]
        pen = Pen.new((640, 22 * (len(rows) + 2) + 16))
        pen.text((10, 8), head, fill="black", font=font(14, True))
        for r, row in enumerate(rows, start=1):
            for x, cell in zip(columns, row):
                pen.text((x, 8 + 22 * r), cell, fill="black", font=font(14, r == 1))
        pen.text((10, 8 + 22 * (len(rows) + 1)), foot, fill="black", font=font(14))
        from mnistlab.widgets.base import vstack

        return png_small(vstack(pen.array(), shrink(self._paint_product(p), self.ratio)))


def shape_lab() -> ShapeLab:
    """모양 실험실 widget: choose layer sizes, m and a product; see every shape and numpy's answer."""
    return ShapeLab()


__all__ = ["ShapeLab", "WeightMatrixExplorer", "parse_sizes", "shape_lab", "weight_matrix_explorer"]
