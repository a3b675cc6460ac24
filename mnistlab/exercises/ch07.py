"""Exercises of notebook 07 (직접 써 보고, 학습 지켜보기)."""

from mnistlab.check import integer, register


def _ink_rows() -> int:
    """Rows with ink in notebook 07's prepared example (the test 7, taller than wide: 20)."""
    import numpy as np

    from mnistlab.data import load_mnist
    from mnistlab.drawing import prepare_drawing

    canvas = np.zeros((280, 280), np.uint8)
    canvas[170:254, 20:104] = np.kron(load_mnist("test")[0][0], np.ones((3, 3), np.uint8))
    return int(np.count_nonzero(prepare_drawing(canvas).max(axis=1) > 0))


register(
    "07.box",
    integer(_ink_rows),
    hint="세 단계 중 두 번째 단계가 잉크를 어떤 크기의 상자에 맞추었는지 떠올려 보세요. 이 7은 가로보다 "
    "세로가 길어서 상자의 어느 변에 꼭 맞나요? 코드로는 prepared의 행마다 가장 큰 값이 0보다 큰지 "
    "세면 됩니다.",
)
register(
    "07.none",
    # predict is the argmax of the ten outputs: always exactly one digit, whatever the outputs
    integer(1),
    hint="net.predict는 출력층의 출력 10개에서 무엇을 고르는 함수였나요? 그 고르는 방법에 0.5 기준이 "
    "들어 있는지, 출력이 모두 작을 때도 고를 것이 남는지 생각해 보세요.",
)
register(
    "07.maps",
    integer(32),
    hint="가중치 지도 한 장은 1번째 은닉층 뉴런 하나로 들어오는 가중치 784개입니다. "
    "W[1]의 모양 (n[1], n[0])에서 지도의 수는 어느 쪽일까요?",
)
