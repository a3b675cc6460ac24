"""Chapter 02 widget: the one-pixel sigmoid explorer (the per-digit explorer is in
:mod:`mnistlab.widgets.per_digit`).

Both follow the widget convention of :mod:`mnistlab.widgets.base`: controls are
built once; a change recomputes a few numbers and replaces the bytes of an
``Image`` (numpy + PIL) or the text of an ``HTML`` widget.
"""

from __future__ import annotations

import ipywidgets as W
import numpy as np
from PIL import Image

from mnistlab import validate
from mnistlab.data import N_PIXELS, SIDE, dataset, inputs
from mnistlab.errors import MnistlabTypeError
from mnistlab.korean import particle
from mnistlab.logistic import (
    OnePixelLogistic,
    check_digit,
    check_labels,
    pixel_index,
    sigmoid,
)
from mnistlab.raster import Pen, png, shrink
from mnistlab.widgets.base import Explorer, caption, font, gray, hstack, on_step

YES_RGB, NO_RGB = (46, 125, 50), (120, 144, 156)
CURVE_RGB = (30, 136, 229)
RED_RGB = (229, 57, 53)


# ------------------------------------------------------------ one pixel

class _Plot:
    """A fixed scatter-plot frame (x: pixel value 0..1, y: 'is it a d?' −0.15..1.15).

    The frame is drawn once; the points are laid onto a copy per pixel choice and
    the sigmoid curve per θ change, all in numpy/PIL. Sizes are 1× pixels; the
    picture has ``ratio``× as many (see :class:`~mnistlab.raster.Pen`).
    """

    W, H = 560, 330
    LEFT, RIGHT, TOP, BOTTOM = 62, 16, 14, 48
    Y0, Y1 = -0.15, 1.15

    def __init__(self, ratio: int = 1):
        self.ratio = ratio
        self.pw = self.W - self.LEFT - self.RIGHT
        self.ph = self.H - self.TOP - self.BOTTOM
        self.frame = self._frame()
        self.curve_x = np.linspace(0, 1, 160)

    def px(self, x):
        return self.LEFT + (np.asarray(x) + 0.03) / 1.06 * self.pw

    def py(self, y):
        return self.TOP + (self.Y1 - np.asarray(y)) / (self.Y1 - self.Y0) * self.ph

    def _frame(self) -> np.ndarray:
        d = Pen.new((self.W, self.H), ratio=self.ratio)
        x0, x1 = self.LEFT, self.W - self.RIGHT
        y0, y1 = self.TOP, self.H - self.BOTTOM
        d.rectangle([x0, y0, x1, y1], outline=(60, 60, 60))
        f = font(11)
        for v in (0, 0.2, 0.4, 0.6, 0.8, 1.0):
            x = float(self.px(v))
            d.line([(x, y1), (x, y1 + 4)], fill=(60, 60, 60))
            d.text((x - 8, y1 + 6), f"{v:.1f}", fill="black", font=f)
        for v in (0, 0.5, 1):
            y = float(self.py(v))
            d.line([(x0 - 4, y), (x0, y)], fill=(60, 60, 60))
            d.text((x0 - 28, y - 7), f"{v:g}", fill="black", font=f)
        for x in range(x0, x1, 8):                                # the 0.5 threshold, dashed
            y = float(self.py(0.5))
            d.line([(x, y), (x + 4, y)], fill=RED_RGB)
        d.text((x1 - 70, float(self.py(0.5)) - 16), "0.5 기준선", fill=RED_RGB, font=f)
        d.text((x0 + 110, self.H - 22), "픽셀 값 x (0 = 배경 … 1 = 잉크)", fill="black",
               font=font(12))
        return d.array().copy()

    def with_points(self, px, py, pt, digit: int) -> np.ndarray:
        """The frame with (jittered) points, green where pt = 1 (the digit), gray where pt = 0,
        and a legend."""
        out = self.frame.copy()
        s = self.ratio
        cols = np.round(self.px(px) * s).astype(int)
        rows = np.round(self.py(py) * s).astype(int)
        for cls, rgb, alpha in ((0, NO_RGB, 0.35), (1, YES_RGB, 0.6)):
            sel = pt == cls
            for dr in range(2 * s):                      # each point: 2×2 shown pixels
                for dc in range(2 * s):
                    r, c = rows[sel] + dr, cols[sel] + dc
                    out[r, c] = (out[r, c] * (1 - alpha) + np.array(rgb) * alpha).astype(np.uint8)
        d = Pen(Image.fromarray(out), self.ratio)
        f = font(11)
        x, y = self.LEFT + 8, float(self.py(0.78))
        d.rectangle([x - 4, y - 4, x + 205, y + 50], fill="white", outline=(200, 200, 200))
        for k, (rgb, text) in enumerate(((YES_RGB, f"{digit}인 이미지 (정답 1)"),
                                         (NO_RGB, f"{particle(digit, '이/가')} 아닌 이미지 (정답 0)"))):
            d.ellipse([x, y + 4 + 16 * k, x + 6, y + 10 + 16 * k], fill=rgb)
            d.text((x + 12, y + 16 * k), text, fill="black", font=f)
        d.line([(x, y + 40), (x + 8, y + 40)], fill=CURVE_RGB, width=3)
        d.text((x + 12, y + 33), "sigmoid(θ0 + θ1·x)", fill="black", font=f)
        d.text((4, self.TOP - 2), "정답", fill="black", font=f)
        return d.array()

    def draw_curve(self, base: np.ndarray, theta0: float, theta1: float) -> np.ndarray:
        pen = Pen(Image.fromarray(base), self.ratio)
        ys = np.clip(sigmoid(theta0 + theta1 * self.curve_x), self.Y0, self.Y1)
        pts = list(zip(self.px(self.curve_x).tolist(), self.py(ys).tolist()))
        pen.line(pts, fill=CURVE_RGB, width=3, joint="curve")
        return pen.array()


class OnePixelExplorer(Explorer):
    """시그모이드 탐색기: one pixel, θ0 and θ1 on sliders, the log loss live.

    The loss and the gradient use all training images, grouped by their 256
    possible pixel values (the same numbers, 100× faster than 60,000 rows).
    """

    title = "시그모이드 탐색기 (픽셀 하나)"

    def __init__(self, images=None, labels=None, pixel: tuple[int, int] = (12, 12),
                 digit: int = 5, lr: float = 5.0, fit_steps: int = 300):
        if not isinstance(pixel, tuple):
            raise MnistlabTypeError(f"pixel 은 (행, 열) 정수 쌍이어야 합니다. 예: (12, 12). 받은 값: {pixel!r}")
        pixel = divmod(pixel_index(pixel), SIDE)
        digit = check_digit(digit)
        lr = validate.positive(lr, "lr (학습률)")
        fit_steps = validate.positive_int(fit_steps, "fit_steps")
        images, labels = dataset(images, labels, "train")
        if images.dtype != np.uint8:                 # this widget counts the 256 grey levels
            images = np.round(inputs(images) * 255).astype(np.uint8)
        self.images = images.reshape(len(images), N_PIXELS)
        self.labels = check_labels(labels, len(self.images), "labels")
        self.lr = lr
        self.fit_steps = fit_steps
        self.model = OnePixelLogistic()
        self._plot = _Plot(self.ratio)
        self._levels = np.arange(256) / 255.0
        self._mean = {}
        self._scatter = {}
        self._not_digit = {}
        self._x = np.concatenate([self._levels, self._levels])
        self._t = np.concatenate([np.ones(256), np.zeros(256)])
        self._columns = np.ascontiguousarray(self.images.T)      # one row per pixel: fast
        rng = np.random.default_rng(0)                           # the same points for every pixel
        self._pick = rng.choice(len(self.images), size=min(2500, len(self.images)), replace=False)
        self._jitter_x = rng.uniform(-0.006, 0.006, len(self._pick))
        self._jitter_y = rng.uniform(-0.07, 0.07, len(self._pick))

        self.digit = W.Dropdown(options=list(range(10)), value=digit, description="어떤 숫자인가?",
                                style={"description_width": "initial"})
        self.row = W.IntSlider(pixel[0], 0, SIDE - 1, description="픽셀 행")
        self.col = W.IntSlider(pixel[1], 0, SIDE - 1, description="픽셀 열")
        self.theta0 = W.FloatSlider(0.0, min=-10, max=10, step=0.01, description="θ0",
                                    readout_format=".2f", layout=W.Layout(width="420px"))
        self.theta1 = W.FloatSlider(0.0, min=-20, max=20, step=0.01, description="θ1",
                                    readout_format=".2f", layout=W.Layout(width="420px"))
        self.step_button = W.Button(description="경사 하강법 한 단계", icon="step-forward",
                                    layout=W.Layout(width="170px"))
        self.fit_button = W.Button(description="학습", icon="play", button_style="success")
        self.reset_button = W.Button(description="θ를 0으로", icon="undo")
        self.plot = W.Image(format="png")
        self.where = W.Image(format="png")
        self.loss = W.HTML()

        self.digit.observe(self._on_data, "value")
        self.row.observe(self._on_data, "value")
        self.col.observe(self._on_data, "value")
        self.theta0.observe(self._on_theta, "value")
        self.theta1.observe(self._on_theta, "value")
        self.step_button.on_click(self.gradient_step)
        self.fit_button.on_click(self.fit)
        self.reset_button.on_click(self._on_reset)

        super().__init__([
            W.HBox([self.digit, self.row, self.col]),
            W.HBox([self.plot, W.VBox([W.HTML("<b>고른 픽셀의 위치</b>"), self.where])],
                   layout=W.Layout(align_items="flex-start")),
            self.theta0, self.theta1,
            W.HBox([self.step_button, self.fit_button, self.reset_button]),
            self.loss,
        ])
        self._on_data()

    # ---- the numbers
    def _column(self, pixel: int) -> np.ndarray:
        """The values of one pixel in every image (uint8)."""
        return self._columns[pixel]

    @property
    def pixel(self) -> int:
        return int(self.row.value) * SIDE + int(self.col.value)

    def _on_data(self, _=None):
        """A new pixel or digit: count images per (pixel value, answer), redraw the points."""
        d = int(self.digit.value)
        if d not in self._not_digit:
            self._not_digit[d] = np.where(self.labels == d, 0, 256).astype(np.intp)
        # weights of the 512 (value, answer) pairs: first 256 = "yes", last 256 = "no"
        counts = np.bincount(self._column(self.pixel) + self._not_digit[d], minlength=512)
        self._w = counts.astype(np.float64)
        self._base = self._points()
        self.show_png(self.where, png(self._where_rgb()),
                      alt=f"숫자 {d}의 평균 이미지, 고른 픽셀 ({int(self.row.value)}행, "
                          f"{int(self.col.value)}열)을 빨강 칸으로 표시")
        self._drawn = None                                 # new points: redraw for any θ
        self._on_theta()

    def _points(self) -> np.ndarray:
        key = (self.pixel, int(self.digit.value))
        if key not in self._scatter:
            if len(self._scatter) > 64:
                self._scatter.clear()
            x = self._column(key[0])[self._pick] / 255.0 + self._jitter_x
            t = (self.labels[self._pick] == key[1]).astype(float)
            self._scatter[key] = self._plot.with_points(np.clip(x, -0.01, 1.01),
                                                        t + self._jitter_y, t, key[1])
        return self._scatter[key]

    def _where_rgb(self) -> np.ndarray:
        """The digit's mean image (drawn once per digit) with the chosen pixel in red."""
        d, k = int(self.digit.value), 5 * self.ratio       # one pixel → 5×5 shown pixels
        if d not in self._mean:
            mean = self.images[self.labels == d].mean(axis=0).reshape(SIDE, SIDE) / 255
            self._mean[d] = caption(gray(mean, k), f"숫자 {d}의 평균 이미지", 11, ratio=self.ratio)
        rgb = self._mean[d].copy()
        top = rgb.shape[0] - SIDE * k                      # below the caption
        r, c = int(self.row.value), int(self.col.value)
        rgb[top + r * k:top + (r + 1) * k, c * k:(c + 1) * k] = RED_RGB
        return rgb

    def current_loss(self) -> float:
        self.model.theta0, self.model.theta1 = float(self.theta0.value), float(self.theta1.value)
        return self.model.loss(self._x, self._t, sample_weight=self._w)

    def _on_theta(self, _=None):
        if self._quiet:
            return
        th0, th1 = float(self.theta0.value), float(self.theta1.value)
        if self._drawn is not None and np.allclose(self._drawn, (th0, th1), rtol=0, atol=1e-9):
            return              # the browser's slider echoed the same θ (float rounding)
        self._drawn = (th0, th1)
        loss = self.current_loss()
        p = sigmoid(th0 + th1 * self._x)
        acc = float(np.sum(self._w * ((p >= 0.5) == (self._t == 1))) / self._w.sum())
        self.show_png(self.plot, png(self._plot.draw_curve(self._base, th0, th1)),
                      alt=f"픽셀 값과 정답(예 1, 아니요 0)의 점들과 시그모이드 곡선: θ0 = {th0:.2f}, "
                          f"θ1 = {th1:.2f}, 손실 {loss:.3f}, 정확도 {acc * 100:.1f}%")
        d = int(self.digit.value)
        self.loss.value = (
            f"<span style='font-size:1.15em'>로그 손실: <b>{loss:.4f}</b></span> &nbsp;·&nbsp; "
            f"0.5 기준으로 맞힌 비율: <b>{acc:.1%}</b> "
            f"<span style='color:#666'>(훈련 이미지 {int(self._w.sum()):,}장, "
            f"{d}인 이미지는 {int(self._w[:256].sum()):,}장)</span>"
        )

    # ---- the buttons
    def _set_theta(self, th0: float, th1: float):
        """Move both sliders to θ on their 0.01 grid (what they show), then redraw once."""
        with self.quiet():
            self.theta0.value = on_step(self.theta0, th0)
            self.theta1.value = on_step(self.theta1, th1)
        self._on_theta()

    def gradient_step(self, _=None):
        """경사 하강법 한 단계 (the button)."""
        self.model.theta0, self.model.theta1 = float(self.theta0.value), float(self.theta1.value)
        self.model.step(self._x, self._t, lr=self.lr, sample_weight=self._w)
        self._set_theta(self.model.theta0, self.model.theta1)

    def fit(self, _=None):
        """학습 (the button): many gradient-descent steps."""
        self.model.theta0, self.model.theta1 = float(self.theta0.value), float(self.theta1.value)
        self.model.fit(self._x, self._t, epochs=self.fit_steps, lr=self.lr,
                       sample_weight=self._w)
        self._set_theta(self.model.theta0, self.model.theta1)

    def _on_reset(self, _=None):
        self._set_theta(0.0, 0.0)

    def snapshot(self) -> bytes:
        th0, th1 = float(self.theta0.value), float(self.theta1.value)
        plot = self._plot.draw_curve(self._base, th0, th1)
        text = (f"픽셀 ({self.row.value}행, {self.col.value}열) · '{self.digit.value}인가?' · "
                f"θ0 = {th0:.2f}, θ1 = {th1:.2f} · 로그 손실 {self.current_loss():.4f}")
        return png(caption(hstack(shrink(plot, self.ratio), shrink(self._where_rgb(), self.ratio)),
                           text, 14))


def sigmoid_explorer(images=None, labels=None, pixel: tuple[int, int] = (12, 12),
                     digit: int = 5) -> OnePixelExplorer:
    """시그모이드 탐색기: fit sigmoid(θ0 + θ1·x) to one pixel by hand or by gradient descent.

    With no arguments it uses the 60,000 training images and asks "is it a 5?".
    """
    return OnePixelExplorer(images, labels, pixel=pixel, digit=digit)


__all__ = ["OnePixelExplorer", "sigmoid_explorer"]
