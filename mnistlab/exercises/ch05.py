"""Exercises of notebook 05 (신경망 안에서 일어나는 일들)."""


from mnistlab.check import choice, integer, register

LOOPS_AT_LEAST = 0.6     # 05.loops: the digit whose mean outputs of both loop neurons reach this


def _loop_digit() -> int:
    """The one digit whose test images give both loop neurons a mean output of 0.6 or more."""
    from mnistlab.data import load_mnist, normalize
    from mnistlab.inside import template_network

    X, y = load_mnist("test")
    tn = template_network()
    a = tn.forward(normalize(X).reshape(-1, 784))[1]
    upper, lower = tn.hidden.index("위쪽 고리"), tn.hidden.index("아래쪽 고리")
    both = [d for d in range(10)
            if min(a[y == d, upper].mean(), a[y == d, lower].mean()) >= LOOPS_AT_LEAST]
    if len(both) != 1:          # the question has one answer only while the table says so
        raise RuntimeError(f"05.loops: digits with both loops >= {LOOPS_AT_LEAST}: {both}")
    return both[0]


register(
    "05.weights",
    # the output layer of a 784-30-10 network: one weight from each of the 30 hidden neurons
    integer(30),
    hint="뉴런 하나로 들어오는 가중치는 앞 층의 뉴런 하나에 하나씩입니다. 출력층 바로 앞의 층은 "
    "어느 층이고, 그 층에는 뉴런이 몇 개 있나요?",
)
register(
    "05.loops",
    integer(_loop_digit),
    hint="표에서 '위쪽 고리' 줄과 '아래쪽 고리' 줄을 함께 보세요. 한 줄에서만 밝은 열은 답이 아닙니다. "
    "두 줄의 칸이 모두 0.6 이상인 열을 찾아보세요.",
)
register(
    "05.zero",
    choice("큰 고리", options=["위쪽 고리", "아래쪽 고리", "큰 고리", "가운데 세로 막대",
                            "위쪽 가로 막대", "오른쪽 아래 세로 획"]),
    hint="숫자 0을 쓸 때 잉크가 지나가는 자리와 비어 있는 자리를 떠올리고, 무늬 그림의 여섯 무늬 중 "
    "그 모양과 가장 많이 겹치는 것을 고르세요. 평균 출력 표의 0 열로 확인할 수 있습니다.",
)
register(
    "05.xor",
    # another 2-2-1 step network for XOR: h1 = OR, h2 = AND, output w = (1, −1), b = −0.5
    # ("h1 and not h2"); x = (0, 1) gives h = (1, 0), z = 1 − 0 − 0.5 = 0.5 ≥ 0 → 1
    integer(1),
    hint="은닉 뉴런 두 개를 먼저 계산하세요. 입력 (0, 1)에서 OR 뉴런과 AND 뉴런은 각각 무엇을 "
    "내나요? 그 두 값을 출력 뉴런의 입력으로 넣고 z = w1·h1 + w2·h2 + b를 구해 0과 비교하세요.",
)
register(
    "05.xor_one",
    choice("아니요", options=["예", "아니요"]),
    hint="뉴런 하나가 1이라고 답하는 입력들은 언제나 직선 하나의 한쪽에 모여 있습니다. XOR 그림에서 "
    "1이어야 하는 두 점과 0이어야 하는 두 점을 직선 하나로 가를 수 있는지 그려 보세요.",
)
