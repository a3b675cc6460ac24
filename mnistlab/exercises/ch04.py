"""Exercises of notebook 04 (인공신경망)."""

from mnistlab.check import choice, integer, register, shape

PREDICT_IMAGE = 33      # a test image the network gets wrong (a 4), not drawn in the notebook

# ten outputs a^[3]_1 … a^[3]_10 for 04.argmax: the largest is a^[3]_7, which stands for the digit 6
ARGMAX_OUTPUTS = [0.02, 0.01, 0.10, 0.03, 0.21, 0.05, 0.88, 0.04, 0.31, 0.07]


def _prediction(index: int) -> int:
    from mnistlab.data import load_mnist, normalize
    from mnistlab.network import pretrained_network

    images, _ = load_mnist("test")
    return int(pretrained_network().predict(normalize(images[index])))


register(
    "04.L",
    integer(4),
    hint="L을 셀 때 어떤 층은 세고 어떤 층은 세지 않았나요? 이 노트북의 784-16-16-10 신경망이 "
    "왜 L = 3이었는지 떠올려 보세요.",
)
register(
    "04.params",
    # a 784-32-10 network (the notebook's own 784-16-16-10 total, 13,002, is printed above)
    integer(784 * 32 + 32 + 32 * 10 + 10),
    hint="l번째 층의 뉴런 하나는 앞 층의 뉴런 수만큼 가중치를 갖고, 편향을 하나 더 갖습니다. "
    "층마다 가중치와 편향이 몇 개인지 구해 더해 보세요 (ml.Network([784, 32, 10]).n_params로 확인할 수 있어요).",
)
register(
    "04.predict",
    integer(lambda: _prediction(PREDICT_IMAGE)),
    hint="정답 레이블을 적은 것은 아닌가요? 신경망이 틀리는 이미지입니다. 신경망에 무엇을 물어봐야 "
    "예측을 돌려받는지, 그리고 이미지를 넣기 전에 무엇을 해야 했는지 위의 셀들에서 찾아보세요.",
)
register(
    "04.argmax",
    integer(6),
    hint="가장 크게 활성화된 출력 뉴런은 위에서 몇 번째인가요? 그 뉴런이 어떤 숫자를 맡는지 떠올려 보세요. "
    "뉴런 번호는 1부터, 숫자는 0부터 셉니다.",
)
register(
    "04.shape",
    shape((10, 100)),
    hint="W^[l]의 한 행은 l번째 층 뉴런 하나로 들어오는 가중치들입니다. 행은 몇 개이고, 한 행에는 "
    "가중치가 몇 개 들어 있나요? (행의 수, 열의 수) 순서로 적어 보세요.",
)
register(
    "04.validation",
    # Choosing by test accuracy makes the test set part of training: the choice is made on the
    # validation split (the last 10,000 training images); the test set is measured once, at the end.
    choice(["검증", "검증데이터", "검증용데이터", "검증세트", "validation"],
           options=["훈련", "훈련데이터", "검증", "검증데이터", "시험", "시험데이터", "테스트",
                    "validation", "test", "train"]),
    hint="학습률을 고르는 일도 학습의 일부입니다. 고를 때 본 데이터의 정확도는 더 이상 '처음 보는 "
    "이미지'의 성적이 아닙니다. 마지막 성적표를 위해 끝까지 아껴 두는 데이터는 어느 것이고, "
    "그것과 따로 떼어 둔 데이터는 어느 것이었나요?",
)
