"""Maintainer script: precompute chapter 10's shipped files (slow parts the notebook only loads).

    .venv/bin/python benchmarks/make_10.py [map] [histories]

- resources/models/chapter10_landscape.npz: the 2-D slice of the shipped network's cost over
  mnistlab.landscape10.SLICE_WEIGHTS, costs and backpropagated gradients on a 61 × 61 grid
  (mnistlab.landscape10.compute_map, about 3 minutes on 2 busy cores);
- resources/models/chapter10_histories.npz: training vs validation curves of a fresh
  784-16-16-10 on 50,000 and on 500 training images (mnistlab.sgd.compute_histories).

tests/test_landscape.py and tests/test_descent.py check that the shipped files match what
the code computes on a small case.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from mnistlab import landscape10 as landscape
from mnistlab import sgd
from mnistlab.resources import resource_dir


def main(which: list[str]) -> None:
    folder = resource_dir("models")
    if "map" in which:
        t = time.perf_counter()
        data = landscape.compute_map()
        np.savez_compressed(folder / landscape.MAP_FILE, **data)
        print(f"{landscape.MAP_FILE}: {time.perf_counter() - t:.0f} s")
    if "histories" in which:
        t = time.perf_counter()
        data = sgd.compute_histories()
        np.savez_compressed(folder / sgd.HISTORY_FILE, **data)
        print(f"{sgd.HISTORY_FILE}: {time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1:] or ["map", "histories"])
