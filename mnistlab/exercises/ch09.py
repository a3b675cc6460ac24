"""Exercises of notebook 09 (손실 함수)."""

import re

import numpy as np

from mnistlab.check import integer, number, register

# 09.ce and 09.mse: the outputs a^[3] of one image whose label is 2 (the numbers are in the notebook)
OUTPUTS = [0.02, 0.05, 0.60, 0.10, 0.01, 0.03, 0.02, 0.30, 0.04, 0.01]
LABEL = 2
COUNT_THRESHOLD = 1.0     # 09.count: test images whose loss is above this
SWEEP_IMAGES = 400        # 09.step: the notebook's accuracy staircase is measured on this many


def _ce() -> float:
    from mnistlab.formulas import cross_entropy, one_hot

    return cross_entropy(one_hot([LABEL]), np.array([OUTPUTS]))


def _mse() -> float:
    from mnistlab.formulas import mean_squared_error, one_hot

    return mean_squared_error(one_hot([LABEL]), np.array([OUTPUTS]))


def _count() -> int:
    from mnistlab.data import load_mnist, normalize
    from mnistlab.loss import per_image_loss
    from mnistlab.network import pretrained_network

    images, labels = load_mnist("test")
    net = pretrained_network()
    losses = np.concatenate([per_image_loss(net, normalize(images[k:k + 2000]).reshape(-1, 784),
                                            labels[k:k + 2000]) for k in range(0, len(images), 2000)])
    return int((losses > COUNT_THRESHOLD).sum())


_UNIT = re.compile(r"^\s*([-+]?[\d.,]+)\s*(개|장|번째|번|배|칸|%p|%|퍼센트|퍼센트포인트)?\s*$")


def units(judge):
    """Let a number be written with its unit: "601장", "8번째", "4.3배", "0.25%p" count as
    601, 8, 4.3, 0.25."""
    def with_units(answer):
        if isinstance(answer, str) and (m := _UNIT.match(answer)):
            answer = m.group(1)
        return judge(answer)
    return with_units


register(
    "09.onehot",
    units(integer(10)),
    hint="원-핫 벡터에서 1은 정답 숫자를 맡은 출력 뉴런 자리에 있습니다. 맨 위 뉴런 a^[3]_1이 "
    "숫자 0을 맡았다면, 숫자 d를 맡은 뉴런은 위에서 몇 번째인가요?",
)
register(
    "09.ce",
    number(_ce, tol=0.01),
    hint="출력 뉴런마다 02의 로그 손실을 하나씩 구해 열 개를 모두 더합니다. 정답 자리(y = 1)는 "
    "−log a, 나머지(y = 0)는 −log(1 − a)입니다. 오답 자리의 항도 빼먹지 마세요.",
)
register(
    "09.mse",
    number(_mse, tol=0.005),
    hint="출력마다 (a − y)² 를 구해 모두 더하고, 이 노트북의 약속대로 ½ 을 곱합니다. y는 정답 "
    "자리만 1이고 나머지는 0입니다.",
)
register(
    "09.ratio",
    units(number(np.log(0.05) / np.log(0.5), tol=0.05)),
    hint="정답 자리의 항은 −log a입니다. a = 0.5 일 때와 a = 0.05 일 때의 값을 각각 구해 "
    "나누어 보세요 (np.log 는 자연로그입니다).",
)
register(
    "09.count",
    units(integer(_count)),
    hint="이미지마다의 손실이 든 배열에 비교(> 1)를 하면 True/False 배열이 됩니다. True 의 "
    "개수는 어떻게 셀 수 있을까요? 평균 C가 아니라 이미지 수를 묻습니다.",
)
register(
    "09.step",
    units(lambda answer: number(100 / SWEEP_IMAGES, tol=1e-6)(answer)       # in %p …
          or number(1 / SWEEP_IMAGES, tol=1e-8)(answer)),                  # … or as a fraction
    hint="정확도는 맞힌 이미지 수 ÷ 이미지 수입니다. 계단 한 칸은 맞힌 이미지가 몇 장 바뀐 것일까요? "
    "그것이 이미지 400장 가운데 몇 %인지 구해 보세요.",
)

__all__ = ["COUNT_THRESHOLD", "LABEL", "OUTPUTS", "SWEEP_IMAGES", "units"]
