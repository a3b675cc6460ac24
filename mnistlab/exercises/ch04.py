"""Exercises of notebook 04 (인공신경망)."""

from mnistlab.check import integer, register


def _prediction(index: int) -> int:
    from mnistlab.data import load_mnist, normalize
    from mnistlab.network import pretrained_network

    images, _ = load_mnist("test")
    return int(pretrained_network().predict(normalize(images[index])))


register(
    "04.L",
    integer(4),
    hint="L 은 입력층(0번째 층)을 빼고 센 층의 수입니다. 784 다음에 오는 숫자가 몇 개인지 세어 보세요.",
)
register(
    "04.params",
    integer(784 * 16 + 16 + 16 * 16 + 16 + 16 * 10 + 10),
    hint="l 번째 층의 뉴런 하나는 앞 층의 뉴런 수만큼 가중치를 갖고, 편향을 하나 더 갖습니다. "
    "층마다 n[l] × n[l-1] + n[l] 을 구해 더해 보세요 (net.W[l].size, net.b[l].size 로도 셀 수 있어요).",
)
register(
    "04.predict",
    integer(lambda: _prediction(8)),
    hint="net.predict(x) 는 출력층에서 가장 크게 활성화된 뉴런의 번호를 돌려줍니다. 시험 이미지 8번을 "
    "정규화해서(ml.normalize) 넣어 보세요.",
)
