"""Chapter 03–04 figure timings: each new figure from call to PNG bytes (as a notebook shows it).

    .venv/bin/python benchmarks/bench_figures_03_04.py

A figure cell should take well under a second; these are the figures added for
issue #10 plus the network diagram whose input lines now start at their pixels.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from timing import row, time_calls

import mnistlab as ml
from mnistlab import draw


def rendered(make):
    """Draw the figure and render it to PNG bytes, as the inline backend does."""
    def run():
        fig = make()
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
    return run


def main() -> None:
    images, _ = ml.load_mnist("test")
    x = ml.normalize(images[0])
    net = ml.pretrained_network()
    figures = {
        "03 nervous_system": lambda: draw.nervous_system(),
        "03 step_vs_sigmoid": lambda: draw.step_vs_sigmoid(),
        "04 input_column": lambda: draw.input_column(x),
        "04 neuron_zoom": lambda: draw.neuron_zoom(net, x, i=1),
        "04 layer_product": lambda: draw.layer_product(net, x, l=2, row=4),
        "04 network_diagram": lambda: draw.network_diagram(net, x),
    }
    for name, make in figures.items():
        print(row(name, time_calls(rendered(make), repeat=3)))


if __name__ == "__main__":
    main()
