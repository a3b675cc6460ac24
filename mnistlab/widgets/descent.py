"""공 굴리기: gradient descent as a ball rolling on the real cost map (chapter 10).

The map is the cost C of the shipped 784-16-16-10 network over two of its real weights
(:mod:`mnistlab.landscape`, the slice chapter 09 draws; costs and backpropagated gradients
precomputed on its 41 × 41 grid by :meth:`Network.gradients`). Each step reads ∇C at the ball by bilinear
interpolation and moves it by v ← v − η ∇C; the path is drawn on the map, the cost of
every step beside it. Three marked learning rates (가, 나, 다) behave very differently;
the learner finds out which one crawls, which one converges and which one overshoots.

Speed: the map's colours are computed once into a palette image; a step draws one line
segment and the ball on a copy of it with PIL and encodes a 1-byte-per-pixel PNG.
"""

from __future__ import annotations

import ipywidgets as W
import matplotlib
import numpy as np

from mnistlab import validate
from mnistlab.errors import MnistlabValueError
from mnistlab.landscape import Landscape, load_landscape, weight_name
from mnistlab.raster import Pen, png_fast, png_small, shrink
from mnistlab.widgets.base import Explorer, caption, font, hstack

MAP_PX = 380                  # the map picture is MAP_PX × MAP_PX (shown pixels)
PLOT = (400, 250)             # the cost-per-step plot
START = (-11.0, -7.0)         # the ball starts at trained value + START (on a grid point)
MARKED = {"가": 140.0, "나": 1.0, "다": 20.0}     # diverge, crawl, converge: learners find out
RATES = (0.5, 1, 2, 5, 10, 20, 40, 60, 80, 100, 110, 120, 125, 130, 140, 150, 200, 300)
MAX_STEPS = 300
BANDS = 200                   # palette entries for the map's colours
INK = {"path": 250, "ball": 251, "start": 252, "center": 253, "black": 254, "white": 255}
RGB = {"path": (255, 255, 255), "ball": (255, 152, 0), "start": (229, 57, 53),
       "center": (255, 255, 255), "black": (0, 0, 0), "white": (255, 255, 255)}
LINE = (30, 136, 229)
PLOT_BOX = (46, PLOT[0] - 12, 26, PLOT[1] - 24)      # left, right, top, bottom of the axes
X_SCALES = (10, 30, 100, MAX_STEPS)                    # the plot's step axis grows in jumps
GRAYS = 64                                             # the plot: 64 grays, a blue line, the ball
PLOT_INK = {"line": 250, "ball": 251}


def _palette() -> bytes:
    cmap = matplotlib.colormaps["viridis"]
    colours = (cmap(np.linspace(0, 1, BANDS))[:, :3] * 255 + 0.5).astype(np.uint8)
    table = np.zeros((256, 3), np.uint8)
    table[:BANDS] = colours
    for name, index in INK.items():
        table[index] = RGB[name]
    return table.tobytes()


class BallExplorer(Explorer):
    """경사 하강법 공 굴리기: a ball on the 2-D slice of the real cost, step by step."""

    title = "경사 하강법: 공 굴리기"

    def __init__(self, lr: float = 5.0, start=START, landscape: Landscape | None = None):
        self.map = load_landscape() if landscape is None else landscape
        start = validate.numbers_array(start, "출발점", ndim=1)
        self.start = self.map.center + start
        if len(start) != 2 or not self.map.inside(self.start):
            raise MnistlabValueError(
                f"출발점은 학습된 값에서 ±{self.map.offsets[-1]:g} 안의 두 수로 적으세요. 받은 값: "
                f"{list(np.round(start, 3))}")
        self._palette, self._plot_colours = _palette(), _plot_palette()
        self._frames: dict = {}
        self._background = self._draw_background()

        self.marked = W.ToggleButtons(
            options=[(f"{name}: η = {rate:g}", rate) for name, rate in MARKED.items()],
            value=None, description="표시된 학습률",
            tooltips=["이 학습률로 처음부터 굴립니다"] * len(MARKED),
            style={"description_width": "100px", "button_width": "110px"})
        lr = validate.positive(lr, "학습률 η")
        rates = sorted({*RATES, *MARKED.values(), lr})
        self.lr = W.SelectionSlider(options=[(f"{r:g}", r) for r in rates], value=lr,
                                    description="학습률 η", continuous_update=False,
                                    style={"description_width": "100px"},
                                    layout=W.Layout(width="380px"))
        self.step_button = W.Button(description="한 걸음", icon="step-forward",
                                    tooltip="v ← v − η∇C 를 한 번 합니다",
                                    layout=W.Layout(width="110px"))
        self.play = W.Play(value=0, min=0, max=MAX_STEPS, step=1, interval=120,
                           show_repeat=False, description="재생",
                           tooltip="걸음을 계속합니다 (❚❚ 또는 스페이스 키로 멈춤)")
        self.reset_button = W.Button(description="처음으로", icon="undo", button_style="warning",
                                     tooltip="공을 출발점으로 되돌립니다",
                                     layout=W.Layout(width="110px"))
        self.info = W.HTML()
        self.picture = W.Image(format="png", layout=W.Layout(max_width="100%"))
        self.plot = W.Image(format="png", layout=W.Layout(max_width="100%"))

        self.marked.observe(self._on_marked, "value")
        self.lr.observe(self._on_lr, "value")
        self.step_button.on_click(lambda _: self.run(1))
        self.play.observe(self._on_tick, "value")
        self.reset_button.on_click(lambda _: self.reset())
        wrap = W.Layout(flex_flow="row wrap", align_items="center", max_width="100%")
        super().__init__([
            W.HBox([self.marked], layout=wrap),
            W.HBox([self.lr, self.step_button, self.play, self.reset_button], layout=wrap),
            self.info,
            W.HBox([self.picture, self.plot], layout=wrap),
        ])
        self.layout.max_width = "100%"
        self.reset()

    # ---------------------------------------------------------------- the math (on the map)
    @property
    def v(self) -> np.ndarray:
        """Where the ball is: the two weights' current values."""
        return self.path[-1]

    def reset(self) -> None:
        """The ball back at the start; the path and the costs start again."""
        self.path = [self.start.copy()]
        self.costs = [self.map.cost(self.start)]
        self.left_map = False
        with self.quiet():
            self.play.playing = False
            self.play.value = 0
        self._draw()

    def run(self, n: int = 1) -> None:
        """``n`` steps of v ← v − η ∇C (η = the slider's learning rate), then one redraw."""
        n = validate.integer(n, "걸음 수", low=0)
        eta = float(self.lr.value)
        for _ in range(n):
            if self.left_map or len(self.path) > MAX_STEPS:
                break
            new = self.v - eta * self.map.gradient(self.v)
            if not self.map.inside(new):
                self.left_map = True
                self.path.append(new)
                self.costs.append(np.nan)
                break
            self.path.append(new)
            self.costs.append(self.map.cost(new))
        if self.left_map or len(self.path) > MAX_STEPS:
            with self.quiet():
                self.play.playing = False
        self._draw()

    # ---------------------------------------------------------------- events
    def _on_marked(self, change) -> None:
        if change["new"] is not None:
            self.lr.value = change["new"]          # → _on_lr restarts the ball

    def _on_lr(self, change) -> None:
        if self.marked.value is not None and abs(self.marked.value - change["new"]) > 1e-9:
            with self.quiet():
                self.marked.value = None
        self.reset()

    def _on_tick(self, change) -> None:
        if self._quiet or change["new"] <= change["old"]:     # the Play's stop rewinds: no step
            return
        self.run(1)

    # ---------------------------------------------------------------- pictures
    def _draw_background(self) -> np.ndarray:
        """The map's colours as palette numbers at ratio× pixels (once, at start)."""
        s = self.ratio
        n = MAP_PX * s
        grid = len(self.map.offsets) - 1
        t = np.linspace(0, grid, n)
        i0 = np.minimum(t.astype(int), grid - 1)
        f = t - i0
        c = self.map.C
        rows = (1 - f)[:, None] * c[i0] + f[:, None] * c[i0 + 1]          # along w2 (rows)
        img = (1 - f)[None, :] * rows[:, i0] + f[None, :] * rows[:, i0 + 1]
        img = img[::-1]                                                  # w2 grows upwards
        level = np.log(img)
        lo, hi = np.log(c.min()), np.log(c.max())
        bands = np.floor((level - lo) / (hi - lo) * 16) / 16              # 16 contour bands
        index = np.clip((bands * (BANDS - 1)).astype(np.int32), 0, BANDS - 1).astype(np.uint8)
        edge = np.zeros_like(index, bool)                                # thin white contours
        edge[1:] |= index[1:] != index[:-1]
        edge[:, 1:] |= index[:, 1:] != index[:, :-1]
        index[edge] = INK["white"]
        pen = Pen(_to_image(index), ratio=s)
        cx, cy = self._pixels(self.map.center[None])[0]
        pen.polygon(_star(cx, cy, 8), fill=INK["center"], outline=INK["black"])
        w1, w2 = (weight_name(w) for w in self.map.weights)
        pen.text((6, MAP_PX - 20), f"가로 {w1}, 세로 {w2}", fill=INK["white"], font=font(12))
        return np.asarray(pen.image).copy()

    def _map_image(self) -> np.ndarray:
        pen = Pen(_to_image(self._background.copy()), ratio=self.ratio)
        points = self._pixels(np.asarray(self.path))
        sx, sy = points[0]
        pen.ellipse([sx - 5, sy - 5, sx + 5, sy + 5], fill=INK["start"], outline=INK["black"])
        if len(points) > 1:
            pen.line(points, fill=INK["path"], width=2)
        bx, by = points[-1]
        if not self.left_map:
            pen.ellipse([bx - 7, by - 7, bx + 7, by + 7], fill=INK["ball"], outline=INK["black"],
                        width=2)
        return np.asarray(pen.image)

    def _pixels(self, vs: np.ndarray) -> list[tuple[float, float]]:
        t = (vs - self.map.lo) / (self.map.hi - self.map.lo) * (MAP_PX - 1)
        return list(zip(t[:, 0].tolist(), (MAP_PX - 1 - t[:, 1]).tolist()))

    def _plot_frame(self, ymax: float, xmax: int) -> np.ndarray:
        """The plot's axes, grid and labels for one scale (drawn once per scale, then reused)."""
        key = (ymax, xmax, self.ratio)
        if key not in self._frames:
            _w, _h = PLOT
            left, right, top, bottom = PLOT_BOX
            pen = Pen.new(PLOT, ratio=self.ratio)
            f = font(11)
            pen.text((left, 4), "걸음마다의 비용 C", fill=(0, 0, 0), font=font(13, True))
            for k in range(6):
                y = bottom - (bottom - top) * k / 5
                pen.line([(left, y), (right, y)], fill=(230, 230, 230))
                pen.text((6, y - 7), f"{ymax * k / 5:.2f}", fill=(90, 90, 90), font=f)
            pen.line([(left, top), (left, bottom), (right, bottom)], fill=(90, 90, 90))
            pen.text((left, bottom + 4), "0", fill=(90, 90, 90), font=f)
            pen.text((right - 60, bottom + 4), f"{xmax}걸음", fill=(90, 90, 90), font=f)
            floor = float(self.map.C.min())
            y = bottom - (bottom - top) * floor / ymax
            for x0 in range(left, right, 8):
                pen.line([(x0, y), (min(x0 + 4, right), y)], fill=(120, 120, 120))
            pen.text((right - 150, y + 3), f"지도의 가장 낮은 곳 {floor:.3f}", fill=(90, 90, 90),
                     font=f)
            gray = np.asarray(pen.image.convert("L"), np.float64)     # the frame is all grays
            self._frames[key] = np.round(gray / 255 * (GRAYS - 1)).astype(np.uint8)
        return self._frames[key]

    def _plot_image(self) -> np.ndarray:
        left, right, top, bottom = PLOT_BOX
        costs = np.asarray(self.costs, float)
        ymax = max(0.5, float(np.ceil(costs[0] * 2) / 2))       # the start's cost sets the scale
        xmax = next(x for x in X_SCALES if x >= len(costs) - 1)
        pen = Pen(_to_image(self._plot_frame(ymax, xmax).copy()), ratio=self.ratio)
        ok = np.isfinite(costs)
        x = left + (right - left) * np.flatnonzero(ok) / xmax
        y = bottom - (bottom - top) * np.minimum(costs[ok], ymax) / ymax
        pts = list(zip(x.tolist(), y.tolist()))
        if len(pts) > 1:
            pen.line(pts, fill=PLOT_INK["line"], width=2)
        for px, py in pts[-1:]:
            pen.ellipse([px - 3, py - 3, px + 3, py + 3], fill=PLOT_INK["ball"])
        return np.asarray(pen.image)

    def _status(self) -> str:
        steps = len(self.path) - 1
        d = self.v - self.map.center
        if self.left_map:
            state = "<b>공이 지도 밖으로 튀어 나갔습니다</b> (걸음이 너무 큽니다)"
        else:
            state = f"비용 C = <b>{self.costs[-1]:.4f}</b>"
        return (f"학습률 η = {self.lr.value:.3g} · {steps}걸음 · {state} · "
                f"학습된 값에서 ({d[0]:+.2f}, {d[1]:+.2f}) 떨어져 있음")

    def _alt(self) -> str:
        last = self.costs[-1]
        where = "지도 밖" if self.left_map else f"비용 {last:.3f}"
        return (f"비용 지도 위의 공: 학습률 {self.lr.value:.3g}, {len(self.path) - 1}걸음, "
                f"출발 비용 {self.costs[0]:.3f}, 지금 {where}")

    def _draw(self) -> None:
        pictures = (png_fast(self._map_image(), self._palette),
                    png_fast(self._plot_image(), self._plot_colours))
        self.alt = self._alt()
        self.show_png(self.picture, pictures[0], alt=self.alt)
        self.show_png(self.plot, pictures[1], alt=f"걸음마다의 비용: {self.alt}")
        self.info.value = self._status()

    def snapshot(self) -> bytes:
        colours = (np.frombuffer(p, np.uint8).reshape(256, 3)
                   for p in (self._palette, self._plot_colours))
        both = hstack(next(colours)[self._map_image()], next(colours)[self._plot_image()],
                      gap=12 * self.ratio)
        text = f"{self.title} · {self._alt()}"
        return png_small(caption(shrink(both, self.ratio), text, 14))


def _plot_palette() -> bytes:
    table = np.zeros((256, 3), np.uint8)
    table[:GRAYS] = np.round(np.linspace(0, 255, GRAYS))[:, None].astype(np.uint8)
    table[PLOT_INK["line"]] = LINE
    table[PLOT_INK["ball"]] = RGB["ball"]
    return table.tobytes()


def _to_image(index: np.ndarray):
    from PIL import Image

    return Image.fromarray(index, mode="P")


def _star(x: float, y: float, r: float) -> list[tuple[float, float]]:
    angles = np.pi / 2 + np.arange(10) * np.pi / 5
    radii = np.where(np.arange(10) % 2 == 0, r, r * 0.45)
    return [(x + q * np.cos(a), y - q * np.sin(a)) for q, a in zip(radii, angles)]


def ball_explorer(lr: float = 5.0, start=START) -> BallExplorer:
    """경사 하강법 공 굴리기: choose a learning rate η (or a marked one: 가, 나, 다), press
    '한 걸음' or ▶, and watch the ball's path on the real cost map and its cost per step."""
    return BallExplorer(lr=lr, start=start)


__all__ = ["MARKED", "START", "BallExplorer", "ball_explorer"]
