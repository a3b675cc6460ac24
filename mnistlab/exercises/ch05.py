"""Exercises of notebook 05 (신경망 안에서 일어나는 일들)."""

import numpy as np

from mnistlab.check import choice, integer, register


def _loop_digit() -> int:
    """The digit whose test images light both loops of the hand-built network most."""
    from mnistlab.data import load_mnist, normalize
    from mnistlab.inside import template_network

    X, y = load_mnist("test")
    tn = template_network()
    a = tn.forward(normalize(X).reshape(-1, 784))[1]
    both = a[:, tn.hidden.index("위쪽 고리")] * a[:, tn.hidden.index("아래쪽 고리")]
    return int(np.argmax([both[y == d].mean() for d in range(10)]))


register(
    "05.weights",
    integer(784),
    hint="첫 번째 은닉층의 뉴런 하나는 앞 층(입력층)의 모든 출력을 하나씩 받아 가중치를 곱합니다. "
    "입력층에는 뉴런이 몇 개였나요?",
)
register(
    "05.loops",
    integer(_loop_digit),
    hint="정답 숫자별 평균 출력 표에서 '위쪽 고리'와 '아래쪽 고리' 두 줄을 함께 보세요. "
    "두 칸이 모두 밝은 열은 어느 숫자인가요?",
)
register(
    "05.zero",
    choice("큰 고리", options=["위쪽 고리", "아래쪽 고리", "큰 고리", "가운데 세로 막대",
                            "위쪽 가로 막대", "오른쪽 아래 세로 획"]),
    hint="0은 가운데가 비어 있고 바깥을 한 바퀴 도는 숫자입니다. 표의 0 열에서 가장 밝은 칸을 찾아보세요.",
)
