"""Exercises of notebook 00 (시작하기)."""

from mnistlab.check import choice, integer, register

register(
    "00.add",
    # all 70,000 MNIST images (60,000 training + 10,000 test) of 28 × 28 pixels
    integer(70_000 * 28 * 28),
    hint="셀 안에서 파이썬 계산을 그대로 할 수 있습니다(곱셈 기호는 *). 이미지 한 장의 픽셀 수를 먼저 "
    "식으로 적고, 그것이 몇 장 있는지 곱해 보세요.",
)
register(
    "00.family",
    choice("딥러닝", options=["인공지능", "머신러닝", "딥러닝"]),
    hint="가장 넓은 분야 안에 더 좁은 분야가 들어 있었죠. 인공신경망을 바탕으로 한 알고리즘들을 "
    "묶어 부르는 이름을 떠올려 보세요.",
)
