"""퍼셉트론과 XOR (03, 05): the gates' truth tables, XOR's need for a hidden layer, the pictures."""

import itertools

import matplotlib.pyplot as plt
import numpy as np

import mnistlab as ml
from mnistlab import draw
from mnistlab.gates import GATES, INPUTS, perceptron, truth_table, xor, xor_layers


def test_each_gate_is_one_step_neuron_with_its_truth_table():
    assert truth_table("AND") == [0, 0, 0, 1]
    assert truth_table("OR") == [0, 1, 1, 1]
    assert truth_table("NAND") == [1, 1, 1, 0]
    for gate, (w, b) in GATES.items():
        p = perceptron(gate)
        assert p.activation == "step" and p.W.tolist() == list(w) and p.b == b


def test_the_bias_is_minus_the_threshold():
    """Nielsen's perceptron: output 1 when w·x reaches the threshold; b = −threshold."""
    for gate, (w, b) in GATES.items():
        threshold = -b
        nielsen = [int(np.dot(w, x) >= threshold) for x in INPUTS]
        assert nielsen == truth_table(gate)


def test_the_two_layer_network_computes_xor_and_agrees_with_network_forward():
    assert [xor(*x) for x in INPUTS] == [0, 1, 1, 0]
    (W1, b1), (W2, b2) = xor_layers()
    net = ml.Network.from_parameters([None, W1, W2], [None, b1, b2], activation="step")
    out = net.forward(np.array(INPUTS, float))[-1].ravel()
    assert out.tolist() == [0, 1, 1, 0]


def test_no_single_step_neuron_computes_xor():
    """A search over many weights and biases finds AND and OR, and never XOR (05.xor_one)."""
    grid = np.linspace(-3, 3, 25)
    found = {"AND": False, "OR": False, "XOR": False}
    targets = {"AND": [0, 0, 0, 1], "OR": [0, 1, 1, 1], "XOR": [0, 1, 1, 0]}
    for w1, w2, b in itertools.product(grid, grid, grid):
        table = [int(w1 * x1 + w2 * x2 + b >= 0) for x1, x2 in INPUTS]
        for name, target in targets.items():
            found[name] |= table == target
    assert found == {"AND": True, "OR": True, "XOR": False}


def test_the_pictures_draw_in_korean():
    for fig, word in ((draw.logic_gates(), "XOR"), (draw.xor_network(), "NAND")):
        texts = [t.get_text() for ax in fig.axes for t in ax.texts] + [ax.get_title() for ax in fig.axes]
        assert any(word in t for t in texts) and any("출력" in t for t in texts)
        fig.canvas.draw()                   # a missing Hangul glyph is an error (tests/conftest.py)
        plt.close(fig)
