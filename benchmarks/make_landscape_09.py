"""Maintainer script: precompute the 2-D slice of the shipped network's cost (notebook 09, 10).

    python benchmarks/make_landscape_09.py

Writes resources/models/loss_landscape_784_16_16_10.npz (41×41 grid, about a minute on one
core). tests/test_loss.py recomputes a few of its points with ``ml.landscape.loss_landscape``.
"""

from __future__ import annotations

import time

from mnistlab.landscape import LANDSCAPE_FILE, landscape_data, loss_landscape, save_landscape
from mnistlab.network import pretrained_network


def main() -> None:
    t0 = time.perf_counter()
    X, y = landscape_data()
    land = loss_landscape(pretrained_network(), X, y)
    path = save_landscape(land, LANDSCAPE_FILE)
    w1, w2, c = land.lowest
    print(f"{path}: {land.C.shape} grid, C(trained) = {land.trained_cost:.4f}, "
          f"lowest C = {c:.4f} at ({w1:.2f}, {w2:.2f}), trained = {land.trained}, "
          f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
