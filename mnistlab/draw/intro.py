"""Figure of chapter 00 (시작하기): where neural networks sit in AI."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.patches import Ellipse

FIELDS = (
    ("인공지능 (AI)", "기계가 사람처럼 판단하고 행동하게 만드는 분야", "#e3f2fd"),
    ("머신러닝", "규칙을 직접 짜는 대신 데이터에서 배우는 방법", "#bbdefb"),
    ("인공신경망", "뇌의 뉴런을 흉내 낸 모델", "#90caf9"),
    ("딥러닝", "층이 많은 인공신경망", "#42a5f5"),
)


def ai_map():
    """Nested fields: AI ⊃ machine learning ⊃ neural networks ⊃ deep learning."""
    fig, ax = plt.subplots(figsize=(10.5, 4.6))
    for k, (name, what, color) in enumerate(FIELDS):
        w, h = 7.6 - 1.75 * k, 4.6 - 1.05 * k
        cx = 4 + 0.55 * k
        ax.add_patch(Ellipse((cx, 2.5 - 0.05 * k), w, h, facecolor=color, edgecolor="#1565c0"))
        top = 2.5 - 0.05 * k + h / 2
        ax.text(cx, top - 0.3, name, ha="center", va="center", fontsize=13, fontweight="bold")
        ax.text(8.9, 4.2 - 0.9 * k, f"{name}\n{what}", ha="left", va="center", fontsize=10, linespacing=1.8,
                bbox={"boxstyle": "round", "facecolor": color, "edgecolor": "#1565c0"})
    ax.set_xlim(0, 13.6)
    ax.set_ylim(0, 5)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title("이 시리즈가 다루는 것: 인공신경망과 딥러닝의 자리")
    fig.tight_layout()
    return fig
