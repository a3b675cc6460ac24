"""Exercises of notebook 03 (사람의 신경계와 인공뉴런)."""

from mnistlab.check import integer, interval, number, register

register(
    "03.z",
    number(2 * 0.5 + (-1) * 1.0 + 3 * 0.2 + 0.5, tol=0.005),
    hint="가중합은 입력마다 '가중치 × 입력'을 구해 모두 더한 뒤, 마지막에 편향 b를 한 번 더합니다. "
    "활성함수는 아직 적용하지 않은 값입니다.",
)
register(
    "03.step",
    integer(0),
    hint="먼저 가중합 z = w1·x1 + w2·x2 + b를 계산해 보세요. 계단 함수는 z가 0 이상일 때만 1, "
    "0보다 작으면 0을 돌려줍니다. 아주 조금 모자라도 역치에 닿지 못한 것입니다.",
)
register(
    "03.bias",
    # the logistic model z = 0.5 + 2·x1 − 3·x2 as a neuron: W = [2, −3], b = θ0 = 0.5
    number(0.5, tol=0.001),
    hint="편향은 입력과 상관없이 늘 더해지는 값으로, 02장의 θ0(항상 1인 x0와 곱해지던 θ)였습니다. "
    "식에서 어떤 x와도 곱해지지 않은 항을 찾아보세요.",
)
register(
    "03.and",
    # w = (2, 2), step at z >= 0: (1, 1) gives 4 + b >= 0, (1, 0) and (0, 1) give 2 + b < 0,
    # so every b with −4 <= b < −2 makes AND (−3 is the middle). The notebook's worked
    # example uses w = (1, 1), b = −1.5: the learner transfers the idea to other weights.
    interval(-4.0, -2.0, low_closed=True, high_closed=False),
    hint="네 가지 입력 (0, 0), (0, 1), (1, 0), (1, 1)마다 가중합 z = 2·x1 + 2·x2 + b를 적어 보세요. "
    "AND는 (1, 1)에서만 1이어야 하니, 그 z만 0 이상이고 나머지 셋은 0보다 작게 만드는 b를 찾으면 됩니다.",
)
register(
    "03.or",
    # (0, 0) gives b < 0, (1, 0) gives 2 + b >= 0: every b with −2 <= b < 0 makes OR.
    interval(-2.0, 0.0, low_closed=True, high_closed=False),
    hint="OR는 (0, 0)에서만 0이어야 합니다. 네 입력마다 z = 2·x1 + 2·x2 + b를 적고, 입력이 하나라도 1이면 "
    "z가 0 이상, 둘 다 0이면 z가 0보다 작아지는 b를 찾아보세요.",
)
