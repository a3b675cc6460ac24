"""Maintainer script: precompute chapter 10's shipped file (slow parts the notebook only loads).

    .venv/bin/python benchmarks/make_10.py [histories] [spread]

resources/models/chapter10_histories.npz holds
- ``histories``: training vs validation curves of a fresh 784-16-16-10 on 50,000 and on 500
  training images (mnistlab.sgd.compute_histories, several minutes; also writes the spread);
- ``spread``: only the full gradient over the 50,000 training images at the ball's start on
  the slice (mnistlab.sgd.compute_spread; the other arrays of the file are kept).

The cost grid of the slice (chapters 09 and 10) is made by benchmarks/make_landscape.py.
tests/test_sgd.py checks that the shipped file matches what the code computes.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from mnistlab import sgd
from mnistlab.resources import resource_dir


def main(which: list[str]) -> None:
    path = resource_dir("models") / sgd.HISTORY_FILE
    t = time.perf_counter()
    if "histories" in which:
        data = sgd.compute_histories()
    elif "spread" in which:
        with np.load(path, allow_pickle=False) as f:
            data = {k: f[k] for k in f.files}
        data.update(sgd.compute_spread())
    else:
        raise SystemExit("usage: make_10.py [histories] [spread]")
    np.savez_compressed(path, **data)
    print(f"{path.name}: {time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1:] or ["histories"])
