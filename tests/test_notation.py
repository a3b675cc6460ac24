"""층과 뉴런의 표기법: the symbols for several network shapes, edge indices and errors."""

from __future__ import annotations

import numpy as np
import pytest

from mnistlab import notation as nt
from mnistlab.notation import Notation, Tex

LESSON = [784, 16, 16, 10]


def test_lesson_network_counts():
    assert nt.layer_count(LESSON) == 3
    assert [nt.neuron_count(LESSON, l) for l in range(4)] == LESSON
    assert nt.L_symbol(LESSON) == "L = 3"
    assert nt.n_symbol(LESSON, 0) == "n^{[0]} = 784"
    assert nt.n_symbol(LESSON, 3) == "n^{[3]} = 10"
    assert nt.n_symbol(LESSON, 2, value=False) == "n^{[2]}"


@pytest.mark.parametrize("sizes, l, i, expected", [
    (LESSON, 2, 4, "a^{[2]}_{4}"),
    (LESSON, 1, 4, "a^{[1]}_{4}"),
    (LESSON, 0, 1, "a^{[0]}_{1}"),           # layer 0, first "neuron" = first pixel
    (LESSON, 0, 784, "a^{[0]}_{784}"),       # layer 0, last
    (LESSON, 3, 10, "a^{[3]}_{10}"),         # layer L, last
    (LESSON, 3, 1, "a^{[3]}_{1}"),           # layer L, first
    (LESSON, 2, "n", "a^{[2]}_{n^{[2]}}"),   # the lesson's way to write the last one
    (LESSON, 2, None, "a^{[2]}"),
    ([2, 3, 1], 2, 1, "a^{[2]}_{1}"),
    ([5, 12, 7, 7, 3], 4, 3, "a^{[4]}_{3}"),
    ([5, 12, 7, 7, 3], 1, 12, "a^{[1]}_{12}"),
])
def test_a_symbols(sizes, l, i, expected):
    assert nt.a_symbol(sizes, l, i) == expected


def test_other_shapes():
    assert nt.L_symbol([2, 1]) == "L = 1"
    assert nt.L_symbol([5, 12, 7, 7, 3]) == "L = 4"
    assert nt.n_symbol([5, 12, 7, 7, 3], 4) == "n^{[4]} = 3"
    assert [nt.layer_name([5, 12, 7, 7, 3], l) for l in range(5)] == \
        ["입력층", "은닉층", "은닉층", "은닉층", "출력층"]
    assert [nt.layer_name([2, 1], l) for l in range(2)] == ["입력층", "출력층"]


def test_symbols_render_as_latex():
    s = nt.a_symbol(LESSON, 2, 4)
    assert isinstance(s, Tex) and isinstance(s, str)
    assert s._repr_latex_() == "$a^{[2]}_{4}$"
    m = s.math()
    assert type(m).__name__ == "Math" and m.data == "a^{[2]}_{4}"


def test_describe_in_korean():
    assert nt.describe(LESSON, 1, 4) == "1번째 층(은닉층)의 위에서 4번째 뉴런의 출력"
    assert nt.describe(LESSON, 2, 16) == "2번째 층(은닉층)의 마지막 뉴런의 출력"
    assert nt.describe(LESSON, 3, 1).startswith("3번째 층(출력층)의 위에서 1번째")
    assert "입력층" in nt.describe(LESSON, 0) and "784" in nt.describe(LESSON, 0)


def test_vector_lists_symbols_and_values():
    v = nt.a_vector([3, 3, 2], 1)
    assert v == r"a^{[1]} = \begin{bmatrix} a^{[1]}_{1} \\ a^{[1]}_{2} \\ a^{[1]}_{n^{[1]}} " \
                r"\end{bmatrix}"
    long = nt.a_vector(LESSON, 0, max_rows=5)
    assert r"\vdots" in long and "a^{[0]}_{n^{[0]}}" in long and "a^{[0]}_{4}" not in long
    vals = nt.a_vector([3, 2], 1, values=[0.123, 0.987])
    assert "0.12" in vals and "0.99" in vals
    with pytest.raises(ValueError, match="n\\^\\[1\\] = 2 개"):
        nt.a_vector([3, 2], 1, values=[0.1, 0.2, 0.3])


@pytest.mark.parametrize("l", [-1, 4, 10])
def test_layer_out_of_range(l):
    with pytest.raises(ValueError) as e:
        nt.a_symbol(LESSON, l, 1)
    msg = str(e.value)
    assert f"l = {l}" in msg and "L = 3" in msg and "0(입력층)부터 3(출력층)" in msg


@pytest.mark.parametrize("l, i, n", [(1, 0, 16), (1, 17, 16), (3, 11, 10), (0, 785, 784),
                                     (2, -1, 16)])
def test_neuron_out_of_range(l, i, n):
    with pytest.raises(ValueError) as e:
        nt.a_symbol(LESSON, l, i)
    msg = str(e.value)
    assert f"i = {i}" in msg and f"n^[{l}] = {n}" in msg and f"1부터 {n}까지" in msg


def test_zero_index_reminds_counting_from_one():
    with pytest.raises(ValueError, match="1부터, 위에서부터"):
        nt.a_symbol(LESSON, 2, 0)


@pytest.mark.parametrize("bad", [1.5, "2", True, None])
def test_layer_must_be_an_integer(bad):
    with pytest.raises(TypeError, match="층 번호 l은 정수"):
        nt.n_symbol(LESSON, bad)


def test_numpy_integers_are_fine():
    assert nt.a_symbol(LESSON, np.int64(2), np.int32(4)) == "a^{[2]}_{4}"
    assert nt.a_symbol(np.array(LESSON), 1, 1) == "a^{[1]}_{1}"


@pytest.mark.parametrize("bad", [[784], [], [784, 0, 10], [784, 16.5, 10], "784-16-10", 784])
def test_bad_sizes(bad):
    with pytest.raises((TypeError, ValueError)) as e:
        nt.layer_count(bad)
    assert any("가" <= ch <= "힣" for ch in str(e.value))


def test_neuron_string_other_than_n_is_an_error():
    with pytest.raises(ValueError, match="'n'"):
        nt.a_symbol(LESSON, 1, "last")


def test_notation_object_and_values():
    class FakeNet:
        sizes = (3, 2, 2)

    n = Notation(FakeNet())
    assert n.L == 2 and n.n(0) == 3 and n.a(2, "n") == "a^{[2]}_{n^{[2]}}"
    assert n.L_symbol() == "L = 2" and n.n_symbol(1) == "n^{[1]} = 2"
    acts = [np.array([0.1, 0.2, 0.3]), np.array([0.4, 0.5]), np.array([0.6, 0.7])]
    assert n.value(acts, 0, 1) == pytest.approx(0.1)
    assert n.value(acts, 0, 3) == pytest.approx(0.3)
    assert n.value(acts, 2, 2) == pytest.approx(0.7)
    assert np.allclose(n.value(acts, 1), [0.4, 0.5])
    batch = [np.stack([a, a * 0]) for a in acts]
    assert np.allclose(n.value(batch, 1, 2), [0.5, 0.0])
    with pytest.raises(ValueError, match="i = 3"):
        n.value(acts, 1, 3)
    with pytest.raises(ValueError, match="net.forward"):
        n.value(acts[:2], 1, 1)
