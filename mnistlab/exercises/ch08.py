"""Exercises of notebook 08 (가중치 행렬과 순전파)."""

import re

from mnistlab.check import array, integer, register, shape

# 08.hand: one small layer to compute by hand, z = W a + b
HAND_W = [[1.0, -2.0], [0.5, 3.0]]
HAND_A = [2.0, 1.0]
HAND_B = [0.5, -1.0]


def _counted(expected):
    """An integer that may come with a counter or a unit: 25450, "25,450", "25,450개"."""
    judge = integer(expected)

    def with_unit(answer):
        if isinstance(answer, str):
            answer = re.sub(r"\s*(개|개의 ?(값|수|매개변수|파라미터))\s*$", "", answer.strip())
        return judge(answer)
    return with_unit


def _hand_z():
    from mnistlab.matrices import weighted_sums_loops

    return weighted_sums_loops(HAND_W, HAND_B, HAND_A)


register(
    "08.index",
    shape((2, 13)),
    hint="강의의 번호는 1부터, 파이썬의 번호는 0부터 셉니다. W^[l]의 행은 받는 뉴런 j, 열은 보내는 "
    "뉴런 k입니다. 두 번호를 각각 어떻게 바꿔야 할까요?",
)
register(
    "08.hand",
    array(_hand_z, tol=1e-6),
    hint="z_j 는 W의 j번째 행과 a를 같은 자리끼리 곱해 모두 더한 뒤 b_j 를 더한 값입니다. 행마다 "
    "한 번씩, 두 번 계산해 [z_1, z_2]로 적어 보세요.",
)
register(
    "08.shape",
    shape((64, 10)),
    hint="코드에서는 이미지 한 장이 한 행입니다. Z^[l]의 행의 수는 무엇이 정하고, 열의 수는 어느 층의 "
    "무엇이 정하나요?",
)
register(
    "08.params",
    _counted(784 * 32 + 32 + 32 * 10 + 10),
    hint="층마다 가중치 n^[l] × n^[l-1] 개와 편향 n^[l] 개가 있습니다. 이 신경망은 L = 2이니 두 층의 "
    "수를 각각 구해 더해 보세요.",
)
register(
    "08.broadcast",
    shape((16, 16)),
    hint="브로드캐스팅은 두 모양을 오른쪽 끝부터 맞추고, 크기가 1인 쪽을 다른 쪽 크기만큼 늘립니다. "
    "(1, 16)과 (16, 1)에서 어느 쪽이 어느 방향으로 늘어날까요?",
)
