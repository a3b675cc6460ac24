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
    "02.update",
    # θ1 ← θ1 − α·∂L/∂θ1 = 0.5 − 0.1 × 2.0; the near miss 0.7 adds the gradient instead.
    number(0.5 - 0.1 * 2.0, tol=0.001),
    hint="경사 하강법은 손실이 줄어드는 쪽, 곧 기울기의 반대쪽으로 움직입니다. 갱신 규칙에 세 값을 넣어 "
    "계산해 보세요. 기울기가 양수이면 θ1은 커질까요, 작아질까요?",
)
register(
    "02.features",
    # a 20×20 image: 400 pixels, each with its θ, plus θ0 for the always-1 input x0
    integer(20 * 20 + 1),
    hint="픽셀 하나마다 θ가 하나씩 곱해집니다. 20×20 이미지의 픽셀 수를 먼저 구하고, 항상 1인 입력 x0와 "
    "짝을 이루는 θ도 있었다는 것을 떠올려 보세요.",
)
register(
    "02.sigmoid0",
    # z = θ0 + θ1·x = −2 + 4 × 0.5 = 0, and σ(0) = 1 / (1 + e⁰) = 0.5
    number(0.5, tol=0.001),
    hint="먼저 z = θ0 + θ1·x를 계산하세요. 그다음 시그모이드 식에 그 z를 넣습니다. "
    "어떤 수의 0제곱이 얼마인지도 떠올려 보세요.",
)
register(
    "02.threshold",
    # z = −0.4 < 0, so σ(z) < 0.5: the model does not say "5"
    choice("아니요", options=["예", "아니요"]),
    hint="z와 출력의 관계를 그린 그림을 떠올려 보세요. 출력이 0.5가 되는 z는 얼마였고, z가 그보다 "
    "작으면 출력은 0.5보다 클까요, 작을까요?",
)
register(
    "02.ten_params",
    # 26 "is it this letter?" models, each with 784 pixel θs and one θ0
    integer(26 * (784 + 1)),
    hint="모델 하나에 θ가 몇 개였는지(θ0 포함) 먼저 떠올리세요. 그다음 알파벳마다 모델이 하나씩이면 "
    "모델이 모두 몇 개인지 생각해 보세요.",
)
register(
    "02.argmax",
    integer(7),
    hint="열 개의 모델 중 어느 모델의 답을 따르기로 했나요? 0.5를 넘는 출력이 여러 개일 때 무엇을 "
    "고르는지, 그리고 목록의 첫 값이 어느 숫자의 모델인지 확인하세요.",
)
register(
    "02.theta_shape",
    shape((784, 26)),
    hint="ten.W에서 행 하나는 무엇 하나였고, 열 하나는 무엇 하나였나요? 알파벳을 맞히는 모델들에서 "
    "그 둘의 수를 세어 (행의 수, 열의 수) 순서로 적어 보세요. (θ0는 따로 보관합니다.)",
)
