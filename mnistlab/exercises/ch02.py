"""Exercises of notebook 02 (MNIST와 로지스틱 회귀)."""

from mnistlab.check import choice, integer, number, register, shape

# The ten outputs of exercise 02.argmax (one per "is it a d?" model, d = 0..9): two models
# say "yes" (>= 0.5); the answer is the digit of the largest output, not the first above 0.5.
ARGMAX_OUTPUTS = (0.02, 0.10, 0.01, 0.30, 0.05, 0.62, 0.03, 0.71, 0.20, 0.40)

register(
    "02.theta0",
    choice(["θ0"], options=["θ0", "θ1"]),
    hint="시그모이드 탐색기에서 두 슬라이더를 하나씩 움직여 보세요. 곡선의 모양(가파름)은 그대로인 채 "
    "옆으로만 움직이게 하는 것은 어느 쪽인가요?",
)
register(
    "02.features",
    integer(785),
    hint="픽셀마다 θ가 하나씩 곱해집니다. 그리고 항상 1인 x0와 곱해지는 θ도 잊지 마세요.",
)
register(
    "02.sigmoid0",
    number(0.5, tol=0.001),
    hint="시그모이드 식에 z = 0을 넣어 보세요. 어떤 수의 0제곱은 얼마인가요?",
)
register(
    "02.threshold",
    choice("아니요", options=["예", "아니요"]),
    hint="이 시리즈의 모델이 '5이다'라고 답하는 조건을 다시 읽어 보세요. 출력을 그 기준과 비교하면 "
    "어느 쪽인가요?",
)
register(
    "02.ten_params",
    integer(7850),
    hint="모델 하나에 θ가 몇 개였는지(θ0 포함) 떠올리고, 모델이 모두 몇 개인지 생각해 보세요.",
)
register(
    "02.argmax",
    integer(7),
    hint="열 개의 모델 중 어느 모델의 답을 따르기로 했나요? 0.5를 넘는 출력이 여러 개일 때 무엇을 "
    "고르는지, 그리고 목록의 첫 값이 어느 숫자의 모델인지 확인하세요.",
)
register(
    "02.theta_shape",
    shape((784, 10)),
    hint="행 하나가 픽셀 하나, 열 하나가 숫자 하나의 모델입니다. 픽셀은 몇 개이고 모델은 몇 개인가요? "
    "(θ0는 따로 보관합니다.)",
)
