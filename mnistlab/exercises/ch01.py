"""Exercises of notebook 01 (MNIST 데이터셋)."""

import numpy as np

from mnistlab.check import integer, number, register


def _train_count(digit: int) -> int:
    from mnistlab.data import load_mnist

    return int(np.count_nonzero(load_mnist("train")[1] == digit))


register(
    "01.normalize",
    # Three decimals tell 200/255 = 0.784 from the near miss 200/256 = 0.781.
    number(200 / 255, tol=0.0015),
    hint="min-max 정규화는 (값 − 최솟값)을 (최댓값 − 최솟값)으로 나눕니다. MNIST 픽셀 값의 "
    "최솟값과 최댓값은 얼마였나요? 소수 셋째 자리까지 적어 주세요.",
)
register(
    "01.position",
    integer(3 * 28 + 5),
    hint="한 행에는 28개의 값이 있고, 위쪽 행부터 차례로 이어 붙입니다. 번호는 0부터 셉니다: "
    "앞의 행들이 몇 개의 값을 차지했는지 먼저 세어 보세요.",
)
register(
    "01.count7",
    integer(lambda: _train_count(7)),
    hint="훈련 데이터의 레이블 배열에서 값이 7인 원소가 몇 개인지 세어 보세요. 비교 연산(==)은 "
    "원소마다 참/거짓을 돌려주고, 참은 1로 셀 수 있습니다.",
)
