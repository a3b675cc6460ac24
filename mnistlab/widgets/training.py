"""학습 지켜보기: train a fresh network live and watch its weights turn into strokes (ch. 07).

A new 784-n-10 or 784-n-n-10 network starts from random (seeded) weights. It
learns from the training images minus the last 10,000, which are kept as 검증
데이터 (:func:`mnistlab.data.validation_split`; the test set stays untouched).
Every frame runs a few mini-batches through :meth:`Network.step` (the same step
that :meth:`Network.fit` repeats, over the batches of the same
:func:`mnistlab.descent.minibatches`), then redraws the loss and accuracy curves,
the first hidden layer's weight maps and the predictions on a few validation images.
``history`` has one record per frame with the keys of ``fit``'s history
(``epoch, lr, loss, accuracy, val_loss, val_accuracy``, measured on 500 fixed
training and 500 validation images) plus ``step``, the mini-batches done.

Play / pause come from an ``ipywidgets.Play``: the browser ticks, the kernel
trains and redraws on each tick. Ticks that arrive while the kernel was still
busy with the previous frame (handled right after it) are dropped, so pausing
stops at once instead of working through a queue. Pictures are drawn with numpy + PIL (a few ms), not
matplotlib, as in every mnistlab widget.
"""

from __future__ import annotations

import functools
import itertools
import time

import ipywidgets as W
import numpy as np

from mnistlab import validate
from mnistlab.data import N_PIXELS, SIDE, dataset, inputs, load_mnist, normalize, validation_split
from mnistlab.descent import batches_per_epoch, minibatches
from mnistlab.errors import MnistlabValueError
from mnistlab.korean import THETA_CMAP, shared_limit, sign_legend
from mnistlab.network import Network, pretrained_network
from mnistlab.raster import Pen, png_fast, png_small, shrink
from mnistlab.widgets.base import Explorer, caption, color_bar, colormap, font, gray, hstack, vstack

N_MEASURED = 500         # the fixed training and validation subsets the curves are measured on
N_SAMPLES = 8            # fixed validation images whose predictions are shown
MAX_RUN = 20_000         # mini-batches one run_steps call may take (about 10 s): no endless run
HIDDEN = (16, 32, 64)    # the menu's hidden-layer sizes (another size given is added to it)
QUEUED = 0.01            # a tick handled this soon (s) after the last frame waited in the queue
PLOT = (380, 170)        # size of each curve plot in pixels
COLORS = {"train": (120, 144, 156), "val": (30, 136, 229), "shipped": (230, 81, 0),
          "axis": (90, 90, 90), "grid": (230, 230, 230)}


@functools.lru_cache(maxsize=1)
def shipped_accuracy() -> float:
    """The shipped 784-16-16-10 network's accuracy on all 10,000 test digits (95.4 %)."""
    images, labels = load_mnist("test")
    net = pretrained_network()
    right = sum(int((net.predict(normalize(images[k:k + 2000])) == labels[k:k + 2000]).sum())
                for k in range(0, len(images), 2000))
    return right / len(images)


def _plot(series: list[tuple[list, list, tuple]], ymax: float, title: str,
          ref: tuple[float, str] | None = None, percent: bool = False,
          ratio: int = 1) -> np.ndarray:
    """A small line plot drawn with PIL: series of (x, y, colour) on 0..ymax."""
    w, h = PLOT
    d = Pen.new(PLOT, ratio=ratio)
    left, right, top, bottom = 44, w - 10, 24, h - 22
    f = font(11)
    d.text((left, 3), title, fill=(0, 0, 0), font=font(13, True))
    xs = [x for s in series for x in s[0]]
    xmax = max(xs[-1] if xs else 1, 1)
    for k in range(5):
        v = ymax * k / 4
        y = bottom - (bottom - top) * k / 4
        d.line([(left, y), (right, y)], fill=COLORS["grid"])
        d.text((4, y - 7), f"{v * 100:.0f}%" if percent else f"{v:.1f}", fill=COLORS["axis"], font=f)
    d.line([(left, top), (left, bottom), (right, bottom)], fill=COLORS["axis"])
    d.text((left, bottom + 4), "0", fill=COLORS["axis"], font=f)
    d.text((right - 90, bottom + 4), f"배치 {xmax:,}개", fill=COLORS["axis"], font=f)

    def px(x, y):
        return (left + (right - left) * x / xmax,
                bottom - (bottom - top) * min(max(y, 0), ymax) / ymax)

    if ref is not None:
        y = px(0, ref[0])[1]
        for x0 in range(left, right, 8):
            d.line([(x0, y), (min(x0 + 4, right), y)], fill=COLORS["shipped"])
        # above the line at the right end: the curves approach it from below, so they never
        # run over the label (below it, at the left, the rising curves crossed it)
        d.text((right - d.textlength(ref[1], font=f) - 4, y - 15), ref[1], fill=COLORS["shipped"], font=f)
    for x, y, color in series:
        points = [px(a, b) for a, b in zip(x, y)]
        if len(points) > 1:
            d.line(points, fill=color, width=2)
        elif points:
            d.ellipse([points[0][0] - 2, points[0][1] - 2, points[0][0] + 2, points[0][1] + 2],
                      fill=color)
    return d.array()


class TrainingExplorer(Explorer):
    """학습 지켜보기: a fresh network learning MNIST, one frame of mini-batches at a time."""

    title = "학습 지켜보기"
    # The frame text changes many times a second while playing: a screen reader hears the
    # state when training pauses or takes one step (self.said), not every frame.
    live = ("said",)

    def __init__(self, hidden: int = 16, layers: int = 2, lr: float = 0.5, batch_size: int = 32,
                 steps_per_frame: int = 100, seed: int = 0, images=None, labels=None):
        hidden = validate.integer(hidden, "hidden (은닉 뉴런 수)", low=1, high=256)
        layers = validate.integer(layers, "layers (은닉층 수)", low=1, high=2)
        lr = validate.positive(lr, "lr (학습률)")
        steps_per_frame = validate.integer(steps_per_frame, "steps_per_frame", low=1, high=1000)
        self.batch_size = validate.positive_int(batch_size, "batch_size")
        self.seed = validate.seed(seed)
        images, labels = dataset(images, labels, "train")
        size = 10_000 if len(images) > 20_000 else max(1, len(images) // 6)   # 검증 데이터
        (images, labels), (val_images, val_labels) = validation_split(images, labels, size=size)
        if len(images) < self.batch_size:
            raise MnistlabValueError(
                f"학습 이미지({len(images):,}장)가 미니배치 하나(batch_size = {self.batch_size})보다 적습니다."
            )
        self.images = np.asarray(images).reshape(len(images), -1)    # uint8: no float copy
        self.labels = np.asarray(labels)
        self.X_val = inputs(val_images[:N_MEASURED])
        self.y_val = np.asarray(val_labels[:N_MEASURED])
        self.X_seen = inputs(images[:N_MEASURED])
        self.y_seen = self.labels[:N_MEASURED]
        self.shipped = shipped_accuracy()

        wide = {"style": {"description_width": "110px"}, "layout": W.Layout(width="300px")}
        self.play = W.Play(value=0, min=0, max=10**9, step=1, interval=50, show_repeat=False,
                           description="재생")
        self.one_step = W.Button(description="한 걸음", icon="step-forward",
                                 tooltip="미니배치 하나만큼 학습합니다",
                                 layout=W.Layout(width="110px"))
        self.reset_button = W.Button(description="처음부터", icon="undo", button_style="warning",
                                     tooltip="무작위 가중치의 새 신경망으로 다시 시작합니다",
                                     layout=W.Layout(width="110px"))
        self.hidden = W.Dropdown(options=sorted({*HIDDEN, hidden}), value=hidden,
                                 description="은닉 뉴런 n",
                                 **wide)
        self.layers = W.Dropdown(options=[("784-n-10 (은닉층 1개)", 1),
                                          ("784-n-n-10 (은닉층 2개)", 2)],
                                 value=layers, description="신경망 모양", **wide)
        rates = sorted({0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0, 5.0, 10.0, float(lr)})
        self.lr = W.SelectionSlider(options=[(f"{r:g}", r) for r in rates], value=float(lr),
                                    description="학습률", **wide)
        self.speed = W.Dropdown(options=sorted({1, 5, 20, 50, 100, 200, steps_per_frame}),
                                value=steps_per_frame,
                                description="화면마다 배치", **wide)
        self.progress = W.IntProgress(0, 0, 100, description="이번 에포크",
                                      style={"description_width": "110px"},
                                      layout=W.Layout(width="300px"))
        self.info = W.HTML()
        self.said = W.HTML(layout=W.Layout(min_height="0"))
        self.curves = W.Image(format="png", layout=W.Layout(max_width="100%"))
        self.weights = W.Image(format="png", layout=W.Layout(max_width="100%"))
        self.samples = W.Image(format="png", layout=W.Layout(max_width="100%"))

        self.play.observe(self._on_tick, "value")
        self.play.observe(self._on_playing, "playing")
        self.one_step.on_click(lambda _: (self.run_steps(1), self._say("한 걸음 학습했습니다")))
        self.reset_button.on_click(lambda _: self.reset())
        self.hidden.observe(lambda _: self.reset(), "value")
        self.layers.observe(lambda _: self.reset(), "value")
        self.lr.observe(lambda _: self._draw(), "value")
        wrap = W.Layout(flex_flow="row wrap", align_items="center", max_width="100%")
        super().__init__([
            W.HBox([self.one_step, self.play, self.reset_button, self.progress], layout=wrap),
            W.HBox([self.layers, self.hidden], layout=wrap),
            W.HBox([self.lr, self.speed], layout=wrap),
            self.info, self.said, self.curves, self.weights, self.samples,
        ])
        self.layout.max_width = "100%"
        self.reset()

    # ---------------------------------------------------------------- API
    @property
    def sizes(self) -> list[int]:
        """The network's shape: [784, n, 10] or [784, n, n, 10]."""
        return [N_PIXELS] + [int(self.hidden.value)] * int(self.layers.value) + [10]

    @property
    def per_epoch(self) -> int:
        """Mini-batches in one epoch (a short last batch is left out)."""
        return batches_per_epoch(len(self.images), self.batch_size, drop_last=True)

    @property
    def epoch(self) -> int:
        """The epoch being trained (1 = the first pass over the training images)."""
        return self.steps // self.per_epoch + 1

    def reset(self) -> None:
        """A new network with random (seeded) weights; the history starts again."""
        self.net = Network(self.sizes, seed=self.seed)
        rng = np.random.default_rng(self.seed)
        n = len(self.images)
        self._batches = itertools.chain.from_iterable(          # epoch after epoch, reshuffled
            minibatches(n, self.batch_size, rng, drop_last=True) for _ in itertools.count())
        self.steps = 0
        self.history: list[dict] = []
        self._last_frame = 0.0
        self._queued_last = False
        self._record()
        self._draw()

    def run_steps(self, n: int) -> None:
        """Train on the next ``n`` mini-batches with Network.step, then record and redraw once."""
        n = validate.integer(n, "n (미니배치 수)", low=1, high=MAX_RUN)
        lr = float(self.lr.value)
        for rows in itertools.islice(self._batches, n):
            self.net.step(self.images[rows] / np.float64(255), self.labels[rows], lr=lr)
            self.steps += 1
        self._record()
        self._draw()

    # ---------------------------------------------------------------- events
    def _on_tick(self, change):
        if change["new"] <= change["old"]:           # the Play's stop button rewinds: no step
            return
        queued = time.monotonic() - self._last_frame < QUEUED   # it waited while a frame ran
        if queued and self._queued_last:
            self._queued_last = False                # two queued in a row: drop one, no backlog
            return
        self._queued_last = queued
        self.run_steps(self.speed.value)
        self._last_frame = time.monotonic()

    def _on_playing(self, change):
        if not change["new"]:
            self._say("학습을 멈췄습니다")

    def _say(self, what: str) -> None:
        """One sentence for screen readers (a polite live region): where training stands."""
        r = self.history[-1]
        self.said.value = (f"<span style='font-size:12px;color:#555'>{what}: 배치 {self.steps:,}개, "
                           f"검증 정확도 {r['val_accuracy'] * 100:.1f}%</span>")

    def _record(self) -> None:
        self.history.append({
            "step": self.steps, "epoch": self.epoch, "lr": float(self.lr.value),
            "loss": self.net.loss(self.X_seen, self.y_seen),
            "accuracy": self.net.score(self.X_seen, self.y_seen),
            "val_loss": self.net.loss(self.X_val, self.y_val),
            "val_accuracy": self.net.score(self.X_val, self.y_val),
        })

    # ---------------------------------------------------------------- pictures
    def _curve_image(self) -> np.ndarray:
        h = self.history
        x = [r["step"] for r in h]
        losses = [r["loss"] for r in h] + [r["val_loss"] for r in h]
        loss = _plot([(x, [r["loss"] for r in h], COLORS["train"]),
                      (x, [r["val_loss"] for r in h], COLORS["val"])],
                     max(0.5, float(np.ceil(max(losses) * 2) / 2)),
                     "손실 (회색: 학습 이미지, 파랑: 검증 이미지)", ratio=self.ratio)
        acc = _plot([(x, [r["accuracy"] for r in h], COLORS["train"]),
                     (x, [r["val_accuracy"] for r in h], COLORS["val"])],
                    1.0, "정확도 (회색: 학습, 파랑: 검증)",
                    ref=(self.shipped, f"학습된 784-16-16-10 (시험): {self.shipped * 100:.1f}%"),
                    percent=True, ratio=self.ratio)
        return hstack(loss, acc, gap=8 * self.ratio)

    def _weight_image(self) -> np.ndarray:
        W1 = self.net.W[1]
        n = len(W1)
        s = self.ratio
        cols = 8 if n <= 32 else 16
        k = (2 if n <= 32 else 1) * s             # one weight → k × k pixels
        lim = shared_limit(W1)                    # one scale for every neuron, stated below
        tiles = W1.reshape(n, SIDE, SIDE)
        side = SIDE * k + 2 * s                   # a white line of s pixels around each tile
        rows = -(-n // cols)
        grid = np.full((rows * side, cols * side, 3), 255, np.uint8)
        for i, t in enumerate(tiles):
            r, c = divmod(i, cols)
            grid[r * side + s:r * side + s + SIDE * k, c * side + s:c * side + s + SIDE * k] = \
                colormap(t, THETA_CMAP.name, -lim, lim, k)
        legend = sign_legend(short=True).replace("−", "-")      # PIL's font has no U+2212
        bar = color_bar(lim, min(grid.shape[1] // s, 420), s, label="모든 뉴런이 같은 색 범위",
                        size=11)
        return caption(vstack(grid, bar, gap=4 * s),
                       f"1번째 은닉층 뉴런 {n}개의 가중치 W[1] ({legend})", 13, ratio=s)

    def _sample_image(self) -> np.ndarray:
        s = self.ratio
        out = self.net.forward(self.X_val[:N_SAMPLES])[-1]
        tiles = []
        for x, y, o in zip(self.X_val[:N_SAMPLES], self.y_val, out):
            pred = int(np.argmax(o))
            pen = Pen.new((56, 18), ratio=s)
            right = pred == y           # the mark says it, the colour only repeats it
            color = (46, 125, 50) if right else (198, 40, 40)
            pen.text((2, 1), f"{'○' if right else '×'} 예측 {pred}", fill=color, font=font(12, True))
            tiles.append(vstack(gray(x.reshape(SIDE, SIDE), 2 * s), pen.array(), gap=2 * s))
        return caption(hstack(*tiles, gap=6 * s), "검증 이미지 8장에 대한 지금의 예측 (○ 맞음, × 틀림)",
                       13, ratio=s)

    def _draw(self) -> None:
        """Draw every picture first, then send them: the messages leave together and the
        browser shows them in one frame (not one frame per picture as each is drawn)."""
        r = self.history[-1]
        per_epoch, position = self.per_epoch, self.steps % self.per_epoch
        pictures = [png_fast(self._curve_image()), png_fast(self._weight_image()),
                    png_fast(self._sample_image())]
        self.progress.max = per_epoch
        self.progress.value = position
        for image, data, alt in zip((self.curves, self.weights, self.samples), pictures,
                                    self._alts(r)):
            self.show_png(image, data, alt=alt)
        shape = "-".join(map(str, self.sizes))
        self.info.value = (
            f"<b>{shape}</b> 신경망 · 배치 {self.steps:,}개 (이미지 {self.steps * self.batch_size:,}장)"
            f" · {self.epoch}번째 에포크 {position / per_epoch * 100:.0f}%"
            f" · 학습률 {self.lr.value:g}"
            f" · 검증 정확도 <b>{r['val_accuracy'] * 100:.1f}%</b>"
            f" (학습된 784-16-16-10 신경망: {self.shipped * 100:.1f}%)")

    def _alts(self, r: dict) -> tuple[str, str, str]:
        """Korean text alternatives of the three pictures (numbers a screen reader reads)."""
        out = self.net.predict(self.X_val[:N_SAMPLES])
        right = int((out == self.y_val[:N_SAMPLES]).sum())
        W1 = self.net.W[1]
        return ((f"학습 곡선: 배치 {self.steps:,}개 뒤 학습 손실 {r['loss']:.3f}, 검증 손실 "
                f"{r['val_loss']:.3f}, 검증 정확도 {r['val_accuracy'] * 100:.1f}%"),
                (f"1번째 은닉층 뉴런 {len(W1)}개의 가중치 지도, 색 범위 ±{shared_limit(W1):.2f}, "
                f"가장 큰 값 {W1.max():+.2f}, 가장 작은 값 {W1.min():+.2f}"),
                f"검증 이미지 {N_SAMPLES}장의 예측: "
                + ", ".join(f"{int(p)}({'맞음' if p == y else '틀림'})"
                            for p, y in zip(out, self.y_val[:N_SAMPLES]))
                + f" — {right}장 맞음")

    def snapshot(self) -> bytes:
        r = self.history[-1]
        text = (f"학습 지켜보기 · {'-'.join(map(str, self.sizes))} · 배치 {self.steps:,}개 · "
                f"검증 정확도 {r['val_accuracy'] * 100:.1f}%")
        pictures = vstack(self._curve_image(), self._weight_image(), self._sample_image(),
                          gap=12 * self.ratio)
        return png_small(caption(shrink(pictures, self.ratio), text, 15))


def training_explorer(hidden: int = 16, layers: int = 2, lr: float = 0.5,
                      seed: int = 0) -> TrainingExplorer:
    """학습 지켜보기 widget: train a fresh 784-n-10 (layers=1) or 784-n-n-10 (layers=2) network.

    Press ▶ to train, ❚❚ to pause, '한 걸음' for one mini-batch, '처음부터' for new random
    weights. ``.run_steps(n)`` trains n mini-batches (at most 20,000 at once); ``.history``
    holds one record per frame (``step, epoch, lr, loss, accuracy, val_loss, val_accuracy``).
    """
    return TrainingExplorer(hidden=hidden, layers=layers, lr=lr, seed=seed)


__all__ = ["TrainingExplorer", "shipped_accuracy", "training_explorer"]
