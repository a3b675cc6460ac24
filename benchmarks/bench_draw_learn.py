"""Chapter 07 figures: drawing → prediction latency, training-explorer frame rate and overhead,
and how much the MNIST preparation matters for the shipped network.

    .venv/bin/python benchmarks/bench_draw_learn.py [--widgets] [--sharp]   (see timing.py)

1. Kernel latency of the 숫자 그리기 widget: a drawing arrives (as the browser sends it) →
   prepared digit, prediction and activations ready (``compute``), and → every picture and
   bar re-encoded (``whole handler``). p50 over MNIST test digits placed on the canvas.
2. 학습 지켜보기 while training 784-16-16-10: visual updates per second at each
   "화면마다 배치" setting, and its cost over plain ``Network.fit`` for the same mini-batches.
   On a busy machine OpenBLAS's threads wait for each other on these small matrices: run
   also with ``OPENBLAS_NUM_THREADS=1`` to see the figures without that effect.
3. Accuracy of the shipped network on 2,000 MNIST test digits enlarged 3–8× and moved to
   a random place on a 280×280 canvas: prepared with ``ml.prepare_drawing`` vs the whole
   canvas shrunk to 28×28 (no preparation).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import numpy as np
from timing import row, sharp_from_argv, widgets_only

import mnistlab as ml
from mnistlab import widgets
from mnistlab.drawing import preparation_steps, shrink_drawing
from mnistlab.widgets.draw import place_digit

N_DRAWINGS = 60
N_ACCURACY = 2000


def draw_latency() -> None:
    images, _ = ml.load_mnist("test")
    w = widgets.draw_digit()
    rng = np.random.default_rng(0)
    drawings = [place_digit(images[i], rng) for i in range(N_DRAWINGS)]
    net = ml.pretrained_network()
    compute, handler = [], []
    for d in drawings:
        t = time.perf_counter()
        x = ml.normalize(preparation_steps(d).centred).reshape(-1)
        a = net.forward(x)
        int(np.argmax(a[-1]))
        compute.append(time.perf_counter() - t)
        t = time.perf_counter()
        w.canvas.ink = d.tobytes()                # exactly what the browser's message does
        handler.append(time.perf_counter() - t)
    print(row("draw_digit: prepare + predict + activations", compute))
    print(row("draw_digit: whole handler (all pictures)", handler, w.steps, w.diagram))


def training_rate(repeat: int = 3) -> None:
    """Best of ``repeat`` runs each (the machine is shared: the best run is the least disturbed)."""
    w = widgets.training_explorer()
    for per_frame in (20, 50, 100, 200):
        frames = max(5, 1000 // per_frame)
        n = frames * per_frame
        Xn = ml.normalize(w.images[:n * 32]).reshape(n * 32, -1)
        widget_s, fit_s = [], []
        for _ in range(repeat):
            w.reset()
            w.speed.value = per_frame
            t = time.perf_counter()
            for _ in range(frames):
                w.run_steps(per_frame)
            widget_s.append(time.perf_counter() - t)
            net = ml.Network([784, 16, 16, 10], seed=0)
            t = time.perf_counter()
            net.fit(Xn, w.labels[:n * 32], epochs=1, batch_size=32, lr=0.5, progress=False)
            fit_s.append(time.perf_counter() - t)
        ws, fs = min(widget_s), min(fit_s)
        sent = sum(len(p.value) for p in (w.curves, w.weights, w.samples)) / 1024
        print(f"training_explorer {per_frame:>3} 배치/화면: {frames / ws:5.1f} 화면/초 · "
              f"{n} 배치 {ws:.2f} s vs Network.fit {fs:.2f} s → 시각화 비용 {ws / fs - 1:+.0%}"
              f" · PNG {sent:.1f} KB/화면")


def preparation_accuracy() -> None:
    images, labels = ml.load_mnist("test")
    rng = np.random.default_rng(0)
    net = ml.pretrained_network()
    drawings = [place_digit(images[i], rng) for i in range(N_ACCURACY)]
    prepared = ml.normalize(np.stack([ml.prepare_drawing(d) for d in drawings]))
    shrunk = ml.normalize(np.stack([shrink_drawing(d) for d in drawings]))
    y = labels[:N_ACCURACY]
    print(f"shipped network, {N_ACCURACY} test digits ×3–8 on 280×280: "
          f"prepared {net.score(prepared, y):.1%} · not prepared {net.score(shrunk, y):.1%} "
          f"· original 28×28 {net.score(ml.normalize(images[:N_ACCURACY]), y):.1%}")


if __name__ == "__main__":
    print(f"({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '-')})")
    print(sharp_from_argv())
    draw_latency()
    training_rate()
    if not widgets_only():
        preparation_accuracy()
