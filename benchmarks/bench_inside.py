"""Chapters 05–06: top-k over all test images, the template network, and widget updates.

Run: make bench   (or .venv/bin/python benchmarks/bench_inside.py [--widgets] [--sharp], see timing.py)
Prints p50 / p95 of many runs; nothing here is asserted anywhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from timing import row, sharp_from_argv, time_calls, time_updates, widgets_only


def main() -> None:
    import mnistlab as ml

    print(sharp_from_argv())
    X, y = ml.load_mnist("test")
    Xn = ml.normalize(X).reshape(-1, 784)
    net = ml.pretrained_network()
    if not widgets_only():
        figures(net, Xn, y)
    widget_updates(net)


def figures(net, Xn, y) -> None:
    from mnistlab import inside
    from mnistlab.widgets import notation_picture

    a1 = net.forward(Xn)[1]

    print("== chapters 05-06 benchmark (p50 / p95)")
    print(row("top_k: 16 neurons × 10,000 images, k=12", time_calls(lambda: inside.top_k(a1, 12), 30)))

    def loop():
        for j in range(a1.shape[1]):
            sorted(range(len(a1)), key=lambda r: -a1[r, j])[:12]
    print(row("  (same with a Python sort loop, for scale)", time_calls(loop, 3)))
    print(row("top_images(net, 10,000 test images, l=1)",
              time_calls(lambda: inside.top_images(net, Xn, 1, 12), 20)))
    print(row("template_network() build", time_calls(inside.template_network, 10)))
    tn = inside.template_network()
    print(row("template network on 10,000 test images", time_calls(lambda: tn.forward(Xn), 20)))
    mine = np.isin(y, tn.digits)
    acc = float(np.mean(tn.read(Xn[mine]) == y[mine]))
    print(f"{'template network accuracy on its digits 0,1,7,8,9':<48s} {acc * 100:.1f} % "
          f"(n {int(mine.sum())})")
    print(row("notation_picture (build + render)", time_calls(
        lambda: notation_picture(net, Xn[0], 1, 4, show=("layers", "a", "n", "symbol"))._repr_png_(),
        10)))


def widget_updates(net) -> None:
    from mnistlab.widgets import hidden_neuron_explorer, notation_explorer

    print("== chapters 05-06 widgets (p50 / p95)")
    w = hidden_neuron_explorer(net)
    print(row("hidden explorer: build (forward, top-k, 32 neurons' pictures)", time_calls(
        lambda: hidden_neuron_explorer(net), 5)))
    print(row("hidden explorer: neuron change",
              time_updates(lambda v: setattr(w.neuron, "value", v), list(range(2, 17)) * 3),
              w.weights, w.grid))
    print(row("hidden explorer: layer change",
              time_updates(lambda v: setattr(w.layer, "value", v), [2, 1] * 10), w.weights, w.grid))
    print(row("hidden explorer: digit change",
              time_updates(lambda v: setattr(w.index, "value", v), list(range(1, 101))), w.digit))

    n = notation_explorer(net)
    print(row("notation explorer: neuron change",
              time_updates(lambda v: setattr(n.neuron, "value", v), list(range(1, 17)) * 3), n.image))
    print(row("notation explorer: layer change",
              time_updates(lambda v: setattr(n.layer, "value", v), [0, 1, 2, 3] * 8), n.image))
    print(row("notation explorer: digit change",
              time_updates(lambda v: setattr(n.index, "value", v), list(range(1, 61))), n.image))
    n.layer.value = 0
    print(row("notation explorer: pixel change (layer 0)",
              time_updates(lambda v: setattr(n.neuron, "value", v), list(range(1, 784, 13))),
              n.image))


if __name__ == "__main__":
    main()
