"""Numbers for the accuracy table of notebook 04 and its "why 10 output neurons?" claim.

Prints, on the MNIST test set (measured once, at the end):
- random guessing (an untrained 784-16-16-10 network),
- the ten per-digit logistic models of notebook 02 (first 10,000 training images),
- the shipped 784-16-16-10 network,
- a bigger 784-100-10 network trained here on the 50,000 training images left after
  ``ml.validation_split`` (its epochs are chosen on the validation images);
and, on the validation images, 784-16-16-10 networks with 10 one-hot outputs and with 4
binary outputs (5 = 0101), trained the same way — Nielsen's chapter-1 comparison.

    python benchmarks/bench_accuracy_context.py

Takes about 25 minutes on two shared cores (the 784-100-10 network is most of it). Measured
on 2026-12-04: 9.7 %, 90.8 %, 95.4 %, 97.5 % (10 epochs); 10 vs 4 outputs on the validation
images 91.5 % vs 90.6 % after 3 epochs and 94.9 % vs 91.7 % after 10.

The 4-output network decodes its answer as the 4-bit number of its outputs rounded at 0.5
(a code of 10…15 is wrong). It overrides ``Network._batch`` to train on the bit targets.
"""

from __future__ import annotations

import time

import numpy as np

import mnistlab as ml
from mnistlab import validate

BITS = np.array([8, 4, 2, 1])


class FourBitOutputs(ml.Network):
    """784-…-4: output neuron k says bit k of the digit (8, 4, 2, 1)."""

    def _batch(self, X, y):
        a0, _ = validate.network_inputs(X, self.n[0])
        y = np.asarray(y)
        return a0, ((y[:, None] & BITS) > 0).astype(float)

    def predict(self, X):
        return ((self.forward(X)[-1] >= 0.5) @ BITS).astype(int)


def train(net, X, y, *, epochs, lr, seed=0, batch_size=32):
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            net.step(X[batch], y[batch], lr=lr)
    return net


def main() -> None:
    images, labels = ml.load_mnist("train")
    (train_images, y_train), (val_images, y_val) = ml.validation_split(images, labels)
    X_train, X_val = ml.flatten(ml.normalize(train_images)), ml.flatten(ml.normalize(val_images))
    test_images, y_test = ml.load_mnist("test")
    X_test = ml.flatten(ml.normalize(test_images))

    untrained = ml.Network([784, 16, 16, 10], seed=0)
    print(f"무작위 (학습 전 784-16-16-10):       시험 정확도 {untrained.score(X_test, y_test):.1%}")
    ten = ml.PerDigitLogistic(seed=0).fit(ml.normalize(images[:10_000]), labels[:10_000], progress=False)
    print(f"열 개의 로지스틱 회귀 (02, 10,000장): 시험 정확도 {ten.score(ml.normalize(test_images), y_test):.1%}")
    shipped = ml.pretrained_network()
    print(f"학습된 784-16-16-10 (04):            시험 정확도 {shipped.score(X_test, y_test):.1%}")

    t = time.perf_counter()
    big = ml.Network([784, 100, 10], seed=0)
    best = (0.0, 0, None)
    for epoch in range(1, 11):
        train(big, X_train, y_train, epochs=1, lr=0.5, seed=epoch)
        val = big.score(X_val, y_val)
        print(f"  784-100-10, {epoch:2d} 에포크: 검증 정확도 {val:.1%}")
        if val > best[0]:
            best = (val, epoch, big.copy())
    print(f"더 큰 784-100-10 (검증으로 고른 {best[1]} 에포크): 시험 정확도 "
          f"{best[2].score(X_test, y_test):.1%}  ({time.perf_counter() - t:.0f}초)")

    for name, net in (("출력 10개 (원-핫)", ml.Network([784, 16, 16, 10], seed=0)),
                      ("출력 4개 (이진수)", FourBitOutputs([784, 16, 16, 4], seed=0))):
        for epochs in (3, 10):
            trained = train(net.copy() if not isinstance(net, FourBitOutputs) else
                            FourBitOutputs.from_parameters(net.W, net.b), X_train, y_train,
                            epochs=epochs, lr=1.0)
            acc = np.mean(trained.predict(X_val) == y_val)
            print(f"784-16-16, {name}, {epochs:2d} 에포크 (학습률 1.0): 검증 정확도 {acc:.1%}")


if __name__ == "__main__":
    main()
