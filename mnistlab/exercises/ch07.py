"""Exercises of notebook 07 (직접 써 보고, 학습 지켜보기)."""

from mnistlab.check import integer, register

register(
    "07.box",
    integer(20),
    hint="준비된 숫자는 28×28 전체를 채우지 않고 가장자리에 여백을 남깁니다. 위 단계 그림에서 "
    "'20×20 맞춤' 앞뒤의 그림 크기를 비교해 보고, ml.prepare_drawing 의 결과에서 잉크가 있는 "
    "행이 몇 개인지 세어 보세요.",
)
register(
    "07.none",
    integer(0),
    hint="출력층의 뉴런 하나하나가 무엇을 뜻하는지 떠올려 보세요. 뉴런 i는 숫자 i−1을 맡습니다. "
    "그 열 개 말고 다른 답을 말할 뉴런이 있었나요?",
)
register(
    "07.maps",
    integer(32),
    hint="가중치 지도 한 장은 1번째 은닉층 뉴런 하나의 들어오는 가중치 784개입니다. "
    "W[1]의 모양 (n[1], n[0])에서 지도의 수는 어느 쪽일까요?",
)
