"""Train the shipped network: ``python -m mnistlab.train_network`` (or ``make model``).

784-16-16-10, sigmoid, L = 3 — the lesson's network — trained on the 60,000
MNIST training images by mini-batch gradient descent with backpropagation
(:meth:`mnistlab.network.Network.fit`), then saved to
``resources/models/mnist_784_16_16_10_sigmoid.npz``. Every random draw is
seeded, so the same command on the same machine gives the same weights.
Takes about half a minute on 2 cores.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from mnistlab.data import flatten, load_mnist, normalize
from mnistlab.network import Network
from mnistlab.network_files import PRETRAINED_FILE, PRETRAINED_SIZES

# The recipe of the shipped weights (test accuracy 95.4 %, measured once, after training: the
# test set chooses nothing; the recipe was fixed before, as chapters 04 and 10 teach).
RECIPE = {"epochs": 20, "batch_size": 32, "lr": 1.0, "lr_end": 0.02, "seed": 0}


def train(epochs: int = RECIPE["epochs"], batch_size: int = RECIPE["batch_size"],
          lr: float = RECIPE["lr"], lr_end: float = RECIPE["lr_end"], seed: int = RECIPE["seed"],
          progress: bool = True, images: int | None = None) -> tuple[Network, list[dict]]:
    """Train a fresh 784-16-16-10 sigmoid network with the shipped recipe on all 60,000 training
    images; return it and its history (training loss and accuracy per epoch).

    ``images`` limits the training images to the first so many (a quick trial run)."""
    X_train, y_train = load_mnist("train")
    X_train, y_train = flatten(normalize(X_train[:images])), y_train[:images]
    net = Network(list(PRETRAINED_SIZES), activation="sigmoid", seed=seed)
    history = net.fit(X_train, y_train, epochs=epochs, batch_size=batch_size, lr=lr,
                      lr_end=lr_end, seed=seed, progress=progress)
    return net, history


def test_accuracy(net: Network) -> float:
    """정확도 on the 10,000 test images: looked at once, after training."""
    X_test, y_test = load_mnist("test")
    return net.score(flatten(normalize(X_test)), y_test)


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description="MNIST 784-16-16-10 신경망을 학습해 저장합니다.")
    parser.add_argument("--epochs", type=int, default=RECIPE["epochs"])
    parser.add_argument("--batch-size", type=int, default=RECIPE["batch_size"])
    parser.add_argument("--lr", type=float, default=RECIPE["lr"])
    parser.add_argument("--lr-end", type=float, default=RECIPE["lr_end"])
    parser.add_argument("--seed", type=int, default=RECIPE["seed"])
    parser.add_argument("--images", type=int, default=None, help="앞에서부터 이만큼의 학습 이미지만 씁니다")
    parser.add_argument("--out", type=Path, default=PRETRAINED_FILE)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    net, history = train(args.epochs, args.batch_size, args.lr, args.lr_end, args.seed,
                         images=args.images)
    seconds = time.perf_counter() - start
    path = net.save(args.out)
    last = history[-1]
    print(f"학습 시간: {seconds:.1f}초 ({args.epochs} 에포크, 배치 {args.batch_size})")
    print(f"훈련 정확도 {last['accuracy']:.2%} · 시험 정확도(학습이 끝난 뒤 한 번) {test_accuracy(net):.2%}")
    print(f"저장: {path} ({path.stat().st_size / 1024:.0f} KB)")
    if path.resolve() == PRETRAINED_FILE.resolve():
        print(f"새 SHA-256: {hashlib.sha256(path.read_bytes()).hexdigest()} "
              "(mnistlab/network_files.py 의 PRETRAINED_SHA256 을 이 값으로 바꾸세요)")
    return history


if __name__ == "__main__":
    main()
