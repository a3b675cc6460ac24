"""Exercises of notebook 03 (사람의 신경계와 인공뉴런)."""

from mnistlab.check import choice, integer, number, register

register(
    "03.z",
    number(2 * 0.5 + (-1) * 1.0 + 3 * 0.2 + 0.5, tol=0.005),
    hint="가중합은 입력마다 '가중치 × 입력'을 구해 모두 더한 뒤, 마지막에 편향 b 를 한 번 더합니다. "
    "활성함수는 아직 적용하지 않은 값입니다.",
)
register(
    "03.step",
    integer(0),
    hint="먼저 가중합 z = w1·x1 + w2·x2 + b 를 계산해 보세요. 계단 함수는 z 가 0 이상일 때만 1, "
    "0보다 작으면 0 을 돌려줍니다. 아주 조금 모자라도 역치를 넘지 못한 것입니다.",
)
register(
    "03.bias",
    choice(["θ0", "θ₀", "theta0", "세타0", "θ_0", "theta_0"]),
    hint="편향은 항상 1 인 입력 x0 과 곱해지던 값이었습니다. 02장의 θ 중 어떤 것이 x0 과 짝이었나요? "
    "(예: \"θ5\" 처럼 적어 보세요)",
)
