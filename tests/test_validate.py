"""validate, tested directly: each check returns the value in the form the math wants, or
raises a MnistlabError whose Korean message names the input."""

from __future__ import annotations

import re

import numpy as np
import pytest

from mnistlab import validate
from mnistlab.errors import MnistlabError, MnistlabTypeError, MnistlabValueError

HANGUL = re.compile("[가-힣]")


def refused(call, kind=MnistlabError, match=None):
    with pytest.raises(kind, match=match) as e:
        call()
    assert HANGUL.search(str(e.value)), str(e.value)
    return str(e.value)


def test_integer_and_real():
    assert validate.integer(np.int64(3), "n", 1, 5) == 3 and type(validate.integer(3, "n")) is int
    refused(lambda: validate.integer(True, "n"), MnistlabValueError, "n")
    refused(lambda: validate.integer("3", "n"), MnistlabTypeError, "n")
    refused(lambda: validate.integer(2.5, "n"), MnistlabValueError, "정수")
    refused(lambda: validate.integer(9, "n", 1, 5), MnistlabValueError, "1 부터 5")
    assert validate.real(np.float32(0.5), "x") == 0.5
    refused(lambda: validate.real(np.nan, "x"), MnistlabValueError, "NaN")
    refused(lambda: validate.real(1 + 2j, "x"), MnistlabTypeError)
    refused(lambda: validate.real(0.0, "eps", low=0.0, open_low=True), MnistlabValueError, "초과")
    for bad in (0, -1, np.inf, "0.5"):
        refused(lambda bad=bad: validate.positive(bad, "lr (학습률)"), match="lr")
    assert validate.batch_size(None) is None and validate.batch_size(8) == 8
    refused(lambda: validate.seed(-1), MnistlabValueError, "seed")


def test_arrays_labels_and_inputs():
    a = validate.numbers_array([[1, 2]], "A", ndim=2)
    assert a.dtype == np.float64 and a.shape == (1, 2)
    refused(lambda: validate.numbers_array([[1, 2], [3]], "A"), MnistlabValueError, "길이")
    refused(lambda: validate.numbers_array(["a"], "A"), MnistlabTypeError, "실수 배열")
    refused(lambda: validate.numbers_array([1, 2], "A", ndim=2), MnistlabValueError, "차원")
    assert validate.class_labels([0.0, 9.0], 2, 10).tolist() == [0, 9]
    refused(lambda: validate.class_labels([10], 1, 10), MnistlabValueError, "0..9")
    refused(lambda: validate.class_labels([1, 2], 3, 10), MnistlabValueError, "레이블 수")
    batch, single = validate.as_inputs(np.zeros((28, 28), np.float32))
    assert batch.shape == (1, 784) and single
    refused(lambda: validate.as_inputs(np.zeros((2, 784), np.uint8)), MnistlabValueError, "정규화")
    images = np.zeros((3, 28, 28), np.uint8)
    got, labels = validate.dataset(images, [1, 2, 3])
    assert got is images and labels.tolist() == [1, 2, 3]
    refused(lambda: validate.dataset(images, None), MnistlabValueError, "함께")
    refused(lambda: validate.dataset(np.zeros((3, 27, 27)), [1, 2, 3]), MnistlabValueError, "모양")
    assert validate.neuron_inputs([1, 2], 2).shape == (2,)
    refused(lambda: validate.neuron_inputs([1, 2, 3], 2), MnistlabValueError, "가중치 2개")


def test_network_parameters_and_addresses():
    W, b = [None, np.ones((3, 4)), np.ones((2, 3))], [None, np.zeros(3), np.zeros(2)]
    sizes, W2, _ = validate.parameters(W, b)
    assert sizes == [4, 3, 2] and W2[1].dtype == np.float64
    assert validate.parameters(W, b, [4, 3, 2])[0] == [4, 3, 2]
    refused(lambda: validate.parameters(W, b, [4, 5, 2]), MnistlabValueError, r"W\[1\]")
    refused(lambda: validate.parameters(W[1:], b[1:]), MnistlabTypeError, "None")
    assert validate.layer_sizes((784, 16, 10)) == [784, 16, 10]
    refused(lambda: validate.layer_sizes(5), MnistlabTypeError, "sizes")
    refused(lambda: validate.layer_sizes([10**5, 10**5, 10**5]), MnistlabValueError, "메모리")
    assert validate.neuron_address(2, 16, [784, 16, 16, 10]) == (2, 16)
    refused(lambda: validate.neuron_address(0, 1, [784, 16, 10]), MnistlabValueError, "입력층")
    refused(lambda: validate.neuron_address(1, 17, [784, 16, 10]), MnistlabValueError, "16개")
    assert validate.notation_layer((784, 16, 10), 0) == 0
    refused(lambda: validate.notation_neuron((784, 16, 10), 1, 0), MnistlabValueError, "1부터")

    class NotANetwork:
        sizes = (2, 1)

    refused(lambda: validate.network(NotANetwork()), MnistlabTypeError, "신경망")


def test_training_checks():
    assert validate.learning_rates(1.0, 0.01, 3).tolist() == pytest.approx([1.0, 0.1, 0.01])
    assert validate.learning_rates(0.5, None, 2).tolist() == [0.5, 0.5]
    refused(lambda: validate.learning_rates(1.0, 0.0, 3), match="lr_end")
    refused(lambda: validate.validation_pair([1, 2, 3]), MnistlabValueError, "validation")
    refused(lambda: validate.trainable("step"), MnistlabValueError, "기울기")
    refused(lambda: validate.not_diverged([None, np.array([np.inf])], [None, np.zeros(1)], 50.0),
            MnistlabValueError, "50")
    refused(lambda: validate.no_unknown_keywords({"lerning_rate": 1}, "fit"), MnistlabTypeError,
            "lerning_rate")
    validate.no_unknown_keywords({"lr": 1}, "fit", allowed=("lr",))


def test_logistic_checks():
    y, p = validate.probability_pair([0, 1], [0.2, 0.9])
    assert y.tolist() == [0, 1] and p.tolist() == [0.2, 0.9]
    refused(lambda: validate.probability_pair([0, 2], [0.2, 0.9]), MnistlabValueError, "0\\(아니다\\)")
    refused(lambda: validate.probability_pair([0, 1], [0.2, 1.5]), MnistlabValueError, "0..1")
    assert validate.pixel_index((1, 2)) == 30
    refused(lambda: validate.pixel_index(784), MnistlabValueError, "0..783")
    assert validate.pixel_values01([0, 0.5]).tolist() == [0, 0.5]
    refused(lambda: validate.pixel_values01([0, 255]), MnistlabValueError, "정규화")
    assert validate.targets01(np.array([True, False]), 2).tolist() == [1.0, 0.0]
    refused(lambda: validate.sample_weights([-1, 1], (2,)), MnistlabValueError, "sample_weight")
    assert validate.digit(np.int64(5)) == 5
    refused(lambda: validate.digit(5, allowed=(3,)), MnistlabValueError, "3")
