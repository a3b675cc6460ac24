"""Exercises of notebook 06 (층과 뉴런: 표기법)."""

from mnistlab.check import integer, register, symbol

register(
    "06.n0",
    # a network for 32×32 gray images: one input neuron per pixel
    integer(32 * 32),
    hint="n^[0]은 0번째 층, 곧 입력층의 뉴런 수입니다. 입력층의 뉴런 하나는 무엇 하나를 맡았나요? "
    "32×32 이미지에는 그것이 몇 개 있을까요?",
)
register(
    "06.L",
    # 784-10: the input layer is not counted, so only the output layer is left (L = 1)
    integer(1),
    hint="L은 층의 수인데, 입력층(0번째 층)은 세지 않습니다. 784-10에서 입력층을 빼면 몇 개의 층이 남나요?",
)
register(
    "06.symbol",
    symbol(2, 4),
    hint="위 첨자 [ ] 안에는 층 번호, 아래 첨자에는 위에서부터 센 뉴런 번호(1부터)가 들어갑니다. "
    "그림에서 파란 원이 몇 번째 층의 몇 번째 뉴런인지 다시 세어 보세요.",
)
register(
    "06.last",
    # a^[2]_{n^[2]}: the last neuron of layer 2, and n^[2] = 16 in 784-16-16-10
    integer(16),
    hint="아래 첨자는 그 층에서 위에서부터 센 뉴런 번호입니다. 아래 첨자 자리에 n^[2]가 오면 "
    "그 번호는 2번째 층의 무엇과 같아지나요? n^[2]가 무엇을 세는 기호였는지 떠올려 보세요.",
)
register(
    "06.digit",
    integer(3),
    hint="뉴런 번호 i는 1부터 세지만 숫자는 0부터 시작합니다. 맨 위의 출력 뉴런 a^[3]_1이 어떤 숫자를 "
    "맡는지부터 떠올려 보고, 한 칸씩 내려가 보세요.",
)
