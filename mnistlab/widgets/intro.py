"""위젯 점검: a first slider to try (chapter 00)."""

from __future__ import annotations

import ipywidgets as W
import numpy as np

from mnistlab.data import load_mnist
from mnistlab.errors import MnistlabValueError
from mnistlab.raster import png
from mnistlab.widgets.base import Explorer, caption, gray


class WidgetCheck(Explorer):
    """A slider that dims or brightens one real digit: proof that widgets answer."""

    title = "위젯 점검"

    def __init__(self, image: np.ndarray | None = None):
        if image is None:
            image = load_mnist("train")[0][0]
        image = np.asarray(image)
        if image.shape != (28, 28) or not np.issubdtype(image.dtype, np.integer):
            raise MnistlabValueError("위젯 점검에는 0..255 정수 픽셀의 28×28 이미지 한 장을 넣으세요 "
                             f"(받은 모양 {image.shape}, dtype {image.dtype}).")
        self.image = image.astype(np.float32) / 255
        self.brightness = W.FloatSlider(1.0, min=0.0, max=1.0, step=0.05, description="밝기",
                                        readout_format=".2f")
        self.text = W.HTML()
        self.picture = W.Image(format="png")
        self.brightness.observe(self._on_change, "value")
        super().__init__([self.brightness, self.text, self.picture])
        self._on_change()

    def _on_change(self, _=None):
        b = self.brightness.value
        self.text.value = (f"슬라이더 값: <b>{b:.2f}</b> — 가장 밝은 픽셀이 "
                           f"{b:.2f} × 255 ≈ {round(b * 255)} 이 됩니다.")
        self.show_png(self.picture, png(gray(self.image * b, 6 * self.ratio)),
                      alt=f"밝기 {b:.2f}배로 보인 손글씨 숫자 (가장 밝은 픽셀 {round(b * 255)})")

    def snapshot(self) -> bytes:
        return png(caption(gray(self.image * self.brightness.value, 6),
                           f"밝기 {self.brightness.value:.2f}"))


def widget_check(image=None) -> WidgetCheck:
    """위젯 점검: move the slider and the digit should change at once."""
    return WidgetCheck(image)
