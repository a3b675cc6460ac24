"""Exercises of notebook 06 (층과 뉴런: 표기법)."""

from mnistlab.check import integer, register, symbol

register(
    "06.n0",
    integer(784),
    hint="n^[0]은 0번째 층, 곧 입력층의 뉴런 수입니다. 입력층의 뉴런 하나가 무엇 하나를 맡고 있었나요?",
)
register(
    "06.L",
    integer(3),
    hint="L은 층의 수인데, 입력층은 세지 않습니다. 784-16-16-10에서 입력층을 뺀 나머지 층을 세어 보세요.",
)
register(
    "06.symbol",
    symbol(2, 4),
    hint="위 첨자 [ ] 안에는 층 번호, 아래 첨자에는 위에서부터 센 뉴런 번호(1부터)가 들어갑니다. "
    "그림에서 파란 원이 몇 번째 층의 몇 번째 뉴런인지 다시 세어 보세요.",
)
register(
    "06.last",
    integer(10),
    hint="아래 첨자는 그 층에서 위에서부터 센 뉴런 번호이고, n^[3]은 기호 표에서 무엇을 뜻했나요? "
    "그 값을 04의 신경망 크기 784-16-16-10에서 찾아보세요.",
)
register(
    "06.digit",
    integer(3),
    hint="뉴런 번호 i는 1부터 세지만 숫자는 0부터 시작합니다. 맨 위의 출력 뉴런 a^[3]_1이 어떤 숫자를 "
    "맡는지부터 떠올려 보고, 한 칸씩 내려가 보세요.",
)
