"""Chapter 02 widget: the per-digit explorer (열 모델 탐색기).

Pick a test image: the ten "is it a d?" models' outputs as bars, the winner
(argmax), and where its evidence came from (pixels × θ). Built once; a change
replaces PNG bytes and HTML text (see :mod:`mnistlab.widgets.base`).
"""

from __future__ import annotations

import ipywidgets as W
import numpy as np
from PIL import Image, ImageDraw

from mnistlab.data import SIDE, dataset, inputs, load_mnist, normalize
from mnistlab.errors import MnistlabTypeError, MnistlabValueError
from mnistlab.korean import THETA_CMAP, scheme
from mnistlab.logistic import (
    PerDigitLogistic,
)
from mnistlab.raster import png
from mnistlab.widgets.base import (
    DigitPicker,
    Explorer,
    caption,
    color_bar,
    colormap,
    font,
    gray,
    hstack,
    vstack,
)
from mnistlab.widgets.logistic import NO_RGB, YES_RGB

SCALE = 7


def evidence_limit(image01: np.ndarray, thetas) -> float:
    """One ± scale for the evidence maps pixel × θ of one image under several models."""
    inked = np.concatenate([(image01 * t)[image01 > 0] for t in thetas])
    lim = float(np.percentile(np.abs(inked), 99)) if inked.size else 1.0
    return lim or 1.0


def _evidence_rgb(image01: np.ndarray, theta: np.ndarray, title: str, detail: str,
                  ratio: int = 1, lim: float | None = None) -> np.ndarray:
    ev = image01 * theta
    lim = evidence_limit(image01, [theta]) if lim is None else lim
    rgb = colormap(ev, THETA_CMAP.name, -lim, lim, SCALE * ratio)
    return caption(caption(rgb, detail, 12, pad=3, ratio=ratio), title, 13, pad=4, ratio=ratio)


def _bars_rgb(values, winner: int, label: int, width: int = 300) -> np.ndarray:
    """The ten outputs as PIL bars (for the static snapshot)."""
    row = 20
    img = Image.new("RGB", (width, row * 10 + 4), "white")
    d = ImageDraw.Draw(img)
    f = font(12)
    for k, v in enumerate(values):
        y = 2 + k * row
        d.text((4, y + 2), f"'{k}'", fill="black", font=f)
        d.rectangle([34, y + 4, 34 + int(float(v) * 150), y + row - 4],
                    fill=YES_RGB if k == winner else NO_RGB)
        mark = "  (정답)" if k == label else ""
        d.text((190, y + 2), f"{float(v):.3f}{mark}", fill="black", font=f)
    return np.asarray(img)


class PerDigitExplorer(Explorer):
    """열 모델 탐색기: pick a test image → the ten outputs, the winner, and its evidence.

    The evidence map is pixel × θ of a model: green pixels pushed its output up,
    red pixels pushed it down. Left: the winning model; right: any model you choose.
    """

    title = "열 개의 '이 숫자인가?' 모델"

    def __init__(self, model: PerDigitLogistic | None = None, images=None, labels=None,
                 seed: int = 0):
        if model is not None and not isinstance(model, PerDigitLogistic):
            raise MnistlabTypeError(
                "model 은 학습한 ml.PerDigitLogistic 이어야 합니다. 예: ten = ml.PerDigitLogistic(); "
                f"ten.fit(X_train, train_labels). 받은 것: {type(model).__name__}"
            )
        if model is not None:
            model._fitted()                         # a Korean error if not trained yet
        images, labels = dataset(images, labels, "test")
        self.images = inputs(images, np.float32).reshape(-1, SIDE, SIDE)
        self.labels = np.asarray(labels)
        if model is None:
            Xtr, ytr = load_mnist("train")
            model = PerDigitLogistic(seed=seed)
            model.fit(normalize(Xtr), ytr)
        if tuple(model.digits) != tuple(range(10)):
            raise MnistlabValueError("열 개의 숫자 0..9 모두를 학습한 PerDigitLogistic 이 필요합니다.")
        self.model = model
        self.outputs = model.predict_proba(self.images)    # (N, 10), computed once
        self._thetas = [model.theta(d) for d in range(10)]
        self.picker = DigitPicker(self.labels, self._on_change, label_description="정답 숫자",
                                  width="380px", seed=seed)
        self.label, self.index, self.random = self.picker.label, self.picker.index, self.picker.random
        self.chosen = W.Dropdown(options=list(range(10)), value=5, description="살펴볼 모델",
                                 style={"description_width": "initial"})
        self.header = W.HTML()
        self.picture = W.Image(format="png")
        self.bars = W.HTML()
        self.winner_map = W.Image(format="png")
        self.chosen_map = W.Image(format="png")
        self.scale = W.Image(format="png")

        self.chosen.observe(self._on_chosen, "value")

        s = scheme()
        legend = W.HTML("<span style='color:#555'>증거 지도 = 픽셀 × θ: "
                        f"<b style='color:{s.positive_line}'>{s.positive}(+)</b>은 출력을 키운 픽셀, "
                        f"<b style='color:{s.negative_line}'>{s.negative}(−)</b>은 줄인 픽셀, "
                        "검정은 영향 없음 (두 지도가 같은 색 범위)</span>")
        super().__init__([
            self.picker.box,
            self.header,
            W.HBox([self.picture, self.bars], layout=W.Layout(align_items="flex-start",
                                                             grid_gap="16px")),
            W.HBox([self.winner_map, self.chosen, self.chosen_map],
                   layout=W.Layout(align_items="flex-start", grid_gap="12px")),
            self.scale,
            legend,
        ])
        self._on_change()

    @property
    def current(self) -> int:
        """The row of the test set the controls point at."""
        return self.picker.current

    def _map(self, i: int, d: int, role: str, ratio: int | None = None) -> np.ndarray:
        """Evidence map pixel × θ of model d on test image i, with its z and output
        (drawn at the widget's pixel ratio unless ``ratio`` is given)."""
        img, out = self.images[i], self.outputs[i]
        z = float(self.model.theta0(d) + np.sum(img * self._thetas[d]))
        return _evidence_rgb(img, self._thetas[d], f"{role} '{d}인가?'",
                             f"z = {z:.2f}, 출력 {out[d]:.3f}", ratio or self.ratio,
                             lim=self._limit(i))

    def _limit(self, i: int) -> float:
        """The shared ± scale of image i's evidence maps: the same for all ten models, so
        the winner's and the chosen model's maps compare (and choosing a model keeps it)."""
        if getattr(self, "_limit_of", (None,))[0] != i:
            self._limit_of = (i, evidence_limit(self.images[i], self._thetas))
        return self._limit_of[1]

    def _map_alt(self, i: int, d: int, role: str) -> str:
        img, out = self.images[i], self.outputs[i]
        ev = img * self._thetas[d]
        z = float(self.model.theta0(d) + ev.sum())
        return (f"{role} '{d}인가?'의 증거 지도(픽셀 × θ): 양수(+)의 합 {ev[ev > 0].sum():+.2f}, "
                f"음수(−)의 합 {ev[ev < 0].sum():+.2f}, z = {z:.2f}, 출력 {out[d]:.3f}")

    def _maps(self, i: int, ratio: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        win = int(np.argmax(self.outputs[i]))
        return (self._map(i, win, "이긴 모델", ratio),
                self._map(i, int(self.chosen.value), "고른 모델", ratio))

    def _show_maps(self, i: int) -> None:
        left, right = self._maps(i)
        win, d = int(np.argmax(self.outputs[i])), int(self.chosen.value)
        self.show_png(self.winner_map, png(left), alt=self._map_alt(i, win, "이긴 모델"))
        self.show_png(self.chosen_map, png(right), alt=self._map_alt(i, d, "고른 모델"))
        lim = self._limit(i)
        self.show_png(self.scale, png(color_bar(lim, 300, self.ratio, "증거 지도의 색 범위")),
                      alt=f"색 막대: -{lim:.2f}({scheme().negative}) … 0(검정) … "
                          f"+{lim:.2f}({scheme().positive})")

    def _on_chosen(self, _=None):
        i, d = self.current, int(self.chosen.value)
        self.show_png(self.chosen_map, png(self._map(i, d, "고른 모델")),
                      alt=self._map_alt(i, d, "고른 모델"))

    def _on_change(self, _=None):
        i = self.current
        out = self.outputs[i]
        win, truth = int(np.argmax(out)), int(self.labels[i])
        ok = "<b style='color:#2e7d32'>○ 맞음</b>" if win == truth else \
            "<b style='color:#c62828'>× 틀림</b>"
        self.header.value = (f"<b>시험 이미지 #{i}</b> · 정답: <b>{truth}</b> · "
                             f"예측(가장 큰 출력): <b style='font-size:1.3em'>{win}</b> · {ok}")
        self.show_png(self.picture, png(gray(self.images[i], SCALE * self.ratio)),
                      alt=f"시험 이미지 #{i}: 정답 {truth}, 예측 {win}, 출력 {out[win]:.2f}")
        self.bars.value = _bars_html(out, win, truth)
        self._show_maps(i)

    def snapshot(self) -> bytes:
        i = self.current
        out = self.outputs[i]
        win, truth = int(np.argmax(out)), int(self.labels[i])
        left, right = self._maps(i, ratio=1)
        top = hstack(gray(self.images[i], SCALE), _bars_rgb(out, win, truth))
        text = f"시험 이미지 #{i} · 정답 {truth} · 예측 {win}"
        bar = color_bar(self._limit(i), 300, 1, "증거 지도의 색 범위")
        return png(vstack(caption(top, text, 15), hstack(left, right), bar))


def _bars_html(out, winner: int, truth: int) -> str:
    from mnistlab.widgets.base import bars_html

    labels = [f"'{d}인가?'" + (" (정답)" if d == truth else "") for d in range(10)]
    return bars_html(out, labels, winner=winner, title="열 모델의 출력 (sigmoid)")


def per_digit_explorer(model: PerDigitLogistic | None = None, images=None,
                       labels=None) -> PerDigitExplorer:
    """열 모델 탐색기: ten outputs as bars, the winner, and pixel × θ evidence maps.

    With no arguments it trains the ten models on the 60,000 training images
    (about a second) and browses the 10,000 test images.
    """
    return PerDigitExplorer(model, images, labels)


__all__ = ["PerDigitExplorer", "per_digit_explorer"]
