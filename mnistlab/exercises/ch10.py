"""Exercises of notebook 10 (경사 하강법).

Counts may be written with their unit or thousands separators ("50,900번", "1563개");
the update by hand as a list, a tuple or an array.
"""

from __future__ import annotations

import re
import unicodedata

from mnistlab.check import AnswerShapeError, array, choice, integer, number, register

# 10.update: one step by hand (numbers not used anywhere in the notebook)
UPDATE_V, UPDATE_GRAD, UPDATE_LR = (1.5, -2.0), (0.4, -3.0), 0.5
# 10.slope: a central difference from two costs
SLOPE_UP, SLOPE_DOWN, SLOPE_H = 0.2461, 0.2437, 0.01
# 10.passes: a 784-32-10 network (not the notebook's 784-16-16-10)
PASSES_SIZES = (784, 32, 10)
# 10.steps: mini-batches in one epoch of the 50,000 training images with batch size 50
STEPS_N, STEPS_BATCH = 50_000, 50


def _count(expected):
    """An integer that may carry a unit or separators: 50900, "50,900", "50900번", "5만 900"."""
    exact = integer(expected)

    def judge(answer):
        if isinstance(answer, str):
            text = unicodedata.normalize("NFKC", answer).replace(",", "").replace(" ", "")
            if "만" in text:            # 5만900 → 50900
                m = re.fullmatch(r"(\d+)만(\d*)[^\d]*", text)
                if not m:
                    raise AnswerShapeError("50900처럼 숫자로 적어 주세요.")
                answer = int(m.group(1)) * 10_000 + int(m.group(2) or 0)
            else:
                m = re.fullmatch(r"(-?\d+(?:\.\d+)?)[^\d.]*", text)
                if not m:
                    raise AnswerShapeError("1563 또는 '1563번' 처럼 숫자로 적어 주세요.")
                answer = m.group(1)
        return exact(answer)
    return judge


def _params(sizes) -> int:
    return sum(sizes[l] * sizes[l - 1] + sizes[l] for l in range(1, len(sizes)))


register(
    "10.update",
    array([UPDATE_V[i] - UPDATE_LR * UPDATE_GRAD[i] for i in range(2)], tol=1e-9),
    hint="한 걸음은 v ← v − η∇C입니다. 두 성분을 따로 계산하세요: 새 값 = 지금 값 − 학습률 × "
    "그 방향의 기울기. 기울기가 음수이면 빼는 것이 더하는 것이 됩니다.",
)
register(
    "10.slope",
    number((SLOPE_UP - SLOPE_DOWN) / (2 * SLOPE_H), tol=1e-3),
    hint="중앙 차분은 (C(w + h) − C(w − h)) / (2h)입니다. 분모가 h가 아니라 2h 인 까닭은 두 점 "
    "사이의 거리가 2h 이기 때문입니다.",
)
register(
    "10.passes",
    _count(2 * _params(PASSES_SIZES)),
    hint="먼저 784-32-10 신경망의 가중치와 편향이 모두 몇 개인지 층마다 세어 더하세요. 중앙 차분은 "
    "매개변수 하나에 순전파를 몇 번 하나요?",
)
register(
    "10.steps",
    _count(-(-STEPS_N // STEPS_BATCH)),
    hint="한 에포크는 학습 이미지를 모두 한 번씩 보는 것입니다. 미니배치 한 걸음이 이미지 몇 장을 "
    "보는지 생각하고, 50,000장을 다 보려면 몇 걸음이 필요한지 구하세요.",
)
register(
    "10.diverge",
    choice("가", options=["가", "나", "다"]),
    hint="공 굴리기 위젯에서 표시된 학습률 세 개를 하나씩 골라 ▶ 로 굴려 보세요. 비용이 줄지 않고 "
    "골짜기를 건너뛰며 튀거나 지도 밖으로 나가는 것은 어느 것인가요? 가, 나, 다 중 하나로 답하세요.",
)
