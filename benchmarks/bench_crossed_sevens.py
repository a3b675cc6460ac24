"""Crossed 7s (가운데 줄을 그은 7) in MNIST, and how the shipped network reads them (notebook 07).

The crossed ones among the first 120 sevens of each split were picked out by eye from a
picture of the 120 (the positions below count within those 120, 0-based). Prints how many
are crossed and the shipped network's accuracy on crossed and on plain test 7s.

    python benchmarks/bench_crossed_sevens.py
"""

import numpy as np

import mnistlab as ml

CROSSED = {
    "train": [2, 15, 32, 40, 49, 54, 79, 95, 97, 101, 107, 108, 109, 111],
    "test": [4, 5, 7, 9, 14, 16, 19, 21, 28, 33, 34, 35, 36, 46, 49, 50, 51, 52, 53, 57, 58, 71,
             78, 81, 82, 89, 93, 96, 97, 98, 101, 102, 105, 111, 116, 117],
}


def main() -> None:
    net = ml.pretrained_network()
    for split, crossed in CROSSED.items():
        print(f"{split}: 처음 7 120장 중 줄을 그은 7 {len(crossed)}장")
    images, labels = ml.load_mnist("test")
    sevens = np.flatnonzero(labels == 7)[:120]
    is_crossed = np.zeros(len(sevens), bool)
    is_crossed[CROSSED["test"]] = True
    right = net.predict(ml.normalize(images[sevens])) == 7
    print(f"시험 7, 줄을 그은 것: {right[is_crossed].sum()} / {is_crossed.sum()} 맞힘 "
          f"({right[is_crossed].mean():.0%})")
    print(f"시험 7, 줄이 없는 것: {right[~is_crossed].sum()} / {(~is_crossed).sum()} 맞힘 "
          f"({right[~is_crossed].mean():.0%})")


if __name__ == "__main__":
    main()
