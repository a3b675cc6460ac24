"""Exercises of notebook 02 (MNIST와 로지스틱 회귀)."""

from mnistlab.check import choice, integer, number, register

register(
    "02.theta0",
    choice(["θ0", "theta0"], options=["θ0", "θ1", "theta0", "theta1"]),
    hint="시그모이드 탐색기에서 두 슬라이더를 하나씩 움직여 보세요. 곡선의 모양(가파름)은 그대로인 채 "
    "옆으로만 움직이게 하는 것은 어느 쪽인가요?",
)
register(
    "02.features",
    integer(785),
    hint="픽셀마다 θ가 하나씩 곱해집니다. 그리고 항상 1인 x0 와 곱해지는 θ0 도 잊지 마세요.",
)
register(
    "02.sigmoid0",
    number(0.5, tol=0.001),
    hint="sigmoid(z) = 1 / (1 + e^(−z)) 에 z = 0 을 넣어 보세요. e^0 은 얼마인가요?",
)
register(
    "02.threshold",
    choice("아니오", options=["예", "아니오"]),
    hint="'5인가?' 모델은 출력이 0.5 보다 클 때만 '5이다' 라고 답합니다. 0.35 는 0.5 보다 큰가요?",
)
register(
    "02.ten_params",
    integer(7850),
    hint="모델 하나에 θ가 몇 개였는지(θ0 포함) 떠올리고, 모델이 모두 몇 개인지 곱해 보세요.",
)
