"""Exercises of notebook 11 (오차역전파법)."""

from mnistlab.check import array, choice, number, register, shape

# 11.output: a^[L] of a tiny 3-output network (classes 0, 1, 2) for an image of class 1.
OUTPUT_A = [0.2, 0.7, 0.1]
OUTPUT_DELTA = [0.2, -0.3, 0.1]            # δ^[L] = a^[L] − y

# 11.hidden: two outputs with δ^[3] = (0.2, −0.1), their weights from hidden neuron k
# w_1k = 0.5 and w_2k = −1.0, and σ′(z_k) = 0.25:
# δ_k = (0.5·0.2 + (−1.0)·(−0.1)) · 0.25 = 0.05
HIDDEN_DELTA = (0.5 * 0.2 + (-1.0) * (-0.1)) * 0.25

# 11.update: one neuron a = σ(w·x + b) with x = 0.5, w = 2, b = −1 (so z = 0, σ = 0.5),
# target y = 1, learning rate η = 1: δ = σ − y = −0.5, ∂C/∂w = x·δ = −0.25, w ← 2.25
UPDATE_W = 2.0 - 1.0 * (0.5 * (0.5 - 1.0))


register(
    "11.nudge",
    choice({"내린다", "내려간다", "내리기", "내려야한다", "낮춘다", "아래", "down", "감소", "줄인다"},
           ["올린다", "내린다"]),
    hint="정답이 2인 이미지에서 숫자 7을 맡은 출력 뉴런이 바라는 값 y는 0일까요 1일까요? 지금 출력 "
    "0.3과 비교해 어느 쪽으로 움직여야 y에 가까워지나요?",
)
register(
    "11.output",
    array(OUTPUT_DELTA, tol=1e-6),
    hint="출력층의 오차 δ^[L]은 a^[L] − y입니다. 정답 클래스의 y는 1, 나머지는 0인 원-핫 벡터를 "
    "만들고 자리마다 빼 보세요. 부호에 주의하세요.",
)
register(
    "11.hidden",
    number(HIDDEN_DELTA, tol=1e-6),
    hint="두 번째 식 δ^[l] = ((W^[l+1])ᵀ δ^[l+1]) ⊙ σ′(z^[l])을 뉴런 하나로 적으면: 뉴런 k에서 나가는 "
    "가중치마다 그 출력 뉴런의 δ를 곱해 더하고, 마지막에 σ′(z_k)를 곱합니다.",
)
register(
    "11.update",
    number(UPDATE_W, tol=1e-6),
    hint="순서대로: z = w·x + b, σ(z), δ = σ(z) − y, ∂C/∂w = x·δ, 마지막으로 w ← w − η·∂C/∂w. "
    "기울기가 음수이면 w는 커집니다.",
)
register(
    "11.shape",
    shape((32, 16)),
    hint="코드에서는 이미지 한 장이 한 행(row)입니다 (08). δ^[2]에는 이미지마다 2층 뉴런 수만큼의 "
    "값이 있습니다. (행의 수, 열의 수) 순서로 적어 보세요.",
)

