"""Chapter 03–04 timings: network training epoch (ours vs PyTorch CPU) and widget updates.

    .venv/bin/python benchmarks/bench_network.py [--widgets] [--sharp]   (see timing.py)

The PyTorch row is measured only when ``torch`` can be imported (it is not a
dependency of mnistlab); otherwise it is skipped with a message. Same
architecture (784-16-16-10, sigmoid), same loss (cross-entropy on the sigmoid
outputs), same plain mini-batch SGD, batch size 32, one pass over the 60,000
training images; PyTorch with 1 and with 2 threads (on a busy 2-core machine its
2-thread run can be far slower: the threads wait for each other).
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import numpy as np
from timing import row, sharp_from_argv, time_calls, time_updates, widgets_only

import mnistlab as ml
from mnistlab import draw, widgets
from mnistlab.network import Network

BATCH = 32


def ours_fit(X, y) -> list[float]:
    """Network.fit for one epoch, including its end-of-epoch loss and accuracy on all 60,000."""
    net = Network([784, 16, 16, 10], seed=0)
    return time_calls(lambda: net.fit(X, y, epochs=1, batch_size=BATCH, lr=1.0, progress=False),
                      repeat=3)


def ours_steps(X, y) -> list[float]:
    """Only the mini-batch steps (backprop + update), as the PyTorch loop below does."""
    net = Network([784, 16, 16, 10], seed=0)
    Y = np.eye(10)[y]
    rng = np.random.default_rng(0)

    def epoch():
        order = rng.permutation(len(X))
        for k in range(0, len(X), BATCH):
            idx = order[k:k + BATCH]
            dW, db, _ = net._backprop(X[idx], Y[idx])
            for l in range(1, net.L + 1):
                net.W[l] -= dW[l]
                net.b[l] -= db[l]

    return time_calls(epoch, repeat=3)


def torch_epoch(X, y, threads: int) -> list[float] | None:
    try:
        import torch
    except ImportError:
        return None
    torch.manual_seed(0)
    torch.set_num_threads(threads)
    Xt = torch.from_numpy(np.ascontiguousarray(X, dtype=np.float32))
    Yt = torch.nn.functional.one_hot(torch.from_numpy(y.astype(np.int64)), 10).float()
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 16), torch.nn.Sigmoid(),
        torch.nn.Linear(16, 16), torch.nn.Sigmoid(),
        torch.nn.Linear(16, 10), torch.nn.Sigmoid(),
    )
    opt = torch.optim.SGD(model.parameters(), lr=1.0)
    loss_fn = torch.nn.BCELoss(reduction="sum")
    g = torch.Generator().manual_seed(0)

    def epoch():
        order = torch.randperm(len(Xt), generator=g)
        for k in range(0, len(Xt), BATCH):
            idx = order[k:k + BATCH]
            opt.zero_grad()
            loss = loss_fn(model(Xt[idx]), Yt[idx]) / len(idx)
            loss.backward()
            opt.step()

    return time_calls(epoch, repeat=3)


def main() -> None:
    print(sharp_from_argv())
    if not widgets_only():
        training()
    widget_updates()


def training() -> None:
    Xtr, ytr = ml.load_mnist("train")
    Xte, yte = ml.load_mnist("test")
    X = ml.flatten(ml.normalize(Xtr))
    net = ml.pretrained_network()
    print(f"학습된 신경망: {net}  시험 정확도 {net.score(ml.normalize(Xte), yte):.2%}")
    print(f"(코어 {os.cpu_count()}개 · 배치 {BATCH} · 60,000장 한 에포크)\n")

    print("== 학습: 한 에포크 시간 (784-16-16-10, 시그모이드, 미니배치 경사 하강법)")
    print(row("mnistlab Network.fit 1 epoch (평가 포함)", ours_fit(X, ytr)))
    ours = ours_steps(X, ytr)
    print(row("mnistlab (numpy) 1 epoch, 배치 단계만", ours))
    runs = {t: torch_epoch(X, ytr, t) for t in (1, 2)}
    if runs[1] is None:
        print("PyTorch 가 설치되어 있지 않아 비교를 건너뜁니다 (선택 사항: pip install torch).")
    else:
        import torch

        for t, times in runs.items():
            print(row(f"PyTorch {torch.__version__} CPU 1 epoch, 스레드 {t}", times))
        theirs = min(runs.values(), key=statistics.median)
        ratio = statistics.median(ours) / statistics.median(theirs)
        print(f"비율 mnistlab / PyTorch(빠른 쪽), 배치 단계만 = {ratio:.2f} "
              "(1보다 작으면 mnistlab 이 더 빠름)")

    print("\n== 순전파")
    x1 = X[0]
    print(row("forward, 이미지 1장", time_calls(lambda: net.forward(x1), repeat=200)))
    Xt = ml.flatten(ml.normalize(Xte))
    print(row("forward, 시험 이미지 10,000장", time_calls(lambda: net.forward(Xt), repeat=10)))

    print("\n== 참고: matplotlib 로 신경망 그림 전체를 다시 그리면 (위젯은 이렇게 하지 않음)")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def full_redraw():
        fig = draw.network_diagram(net, x1)
        fig.canvas.draw()
        plt.close(fig)

    print(row("draw.network_diagram + 렌더링", time_calls(full_redraw, repeat=5)))


def widget_updates() -> None:
    print("\n== 위젯: 값 하나를 바꾼 뒤 새 출력이 준비될 때까지 (목표 p50 ≤ 10 ms, p95 ≤ 25 ms)")
    ex = widgets.network_explorer()
    ex.select(2, 4)
    scales = list(np.linspace(-2, 3, 80))
    print(row("신경망 탐험기: 들어오는 가중치 × 슬라이더",
              time_updates(lambda v: setattr(ex.scale, "value", float(v)), scales), ex.picture))
    biases = list(np.linspace(-8, 8, 80))
    print(row("신경망 탐험기: 편향 b 슬라이더",
              time_updates(lambda v: setattr(ex.bias, "value", float(v)), biases), ex.picture))
    print(row("신경망 탐험기: 시험 이미지 바꾸기",
              time_updates(lambda v: setattr(ex.index, "value", int(v)), range(1, 81)), ex.picture))
    print(row("신경망 탐험기: 뉴런 고르기 (l, i)",
              time_updates(lambda v: ex.select(1 + v % 3, 1 + v % 10), range(80)), ex.picture))
    print(row("신경망 탐험기: 끄기/켜기",
              time_updates(lambda v: setattr(ex.off, "value", bool(v % 2)), range(1, 81)), ex.picture))
    print(row("신경망 탐험기: 되돌리기 버튼", time_updates(lambda v: ex.reset.click(), range(40)),
              ex.picture))

    nb = widgets.neuron_playground()
    print(row("뉴런 놀이터: 가중치 w1 슬라이더",
              time_updates(lambda v: setattr(nb.ws[0], "value", float(v)),
                           list(np.linspace(-5, 5, 80))), nb.picture))
    print(row("뉴런 놀이터: 입력 x2 슬라이더",
              time_updates(lambda v: setattr(nb.xs[1], "value", float(v)),
                           list(np.linspace(0, 1, 80))), nb.picture))
    acts = ["step", "tanh", "relu", "sigmoid"] * 20
    print(row("뉴런 놀이터: 활성함수 바꾸기",
              time_updates(lambda v: setattr(nb.activation, "value", v), acts), nb.picture))


if __name__ == "__main__":
    main()
