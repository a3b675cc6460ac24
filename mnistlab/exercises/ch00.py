"""Exercises of notebook 00 (시작하기)."""

from mnistlab.check import choice, integer, register

register(
    "00.add",
    integer(28 * 28),
    hint="셀 안에서 파이썬 계산을 그대로 할 수 있습니다. 곱셈 기호는 * 입니다.",
)
register(
    "00.family",
    choice("딥러닝", options=["인공지능", "머신러닝", "딥러닝"]),
    hint="가장 넓은 분야 안에 더 좁은 분야가 들어 있었죠. 인공신경망을 바탕으로 한 알고리즘들을 "
    "묶어 부르는 이름을 떠올려 보세요.",
)
