"""Maintainer script: precompute the one 2-D slice of the shipped network's cost (notebooks 09
and 10): C and its backpropagated gradient ∇C on every grid point.

    .venv/bin/python benchmarks/make_landscape.py

Writes resources/models/loss_landscape_784_16_16_10.npz (mnistlab.landscape: the weights
LANDSCAPE_WEIGHTS, 49×49 grid, 2,000 training images; about four minutes on a busy machine).
tests/test_loss.py and tests/test_landscape.py recompute a few of its points.
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
