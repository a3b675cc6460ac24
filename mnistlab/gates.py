"""퍼셉트론과 논리 게이트: step neurons that compute AND, OR, NAND, and a 2-2-1 network for XOR.

Nielsen's perceptron answers 1 when w·x reaches a threshold; with the bias b = −threshold
that is w·x + b ≥ 0, the series' step neuron (:func:`mnistlab.formulas.step`). One such
neuron separates its inputs with one straight line, so AND, OR and NAND are one neuron each.
NAND alone can build every logic circuit. XOR needs two layers: XOR = AND(OR, NAND).
"""

from __future__ import annotations

import numpy as np

from mnistlab.neuron import Neuron

INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))

# (w1, w2), b of one step neuron per gate: 1 exactly when w1·x1 + w2·x2 + b ≥ 0
GATES = {
    "AND": ((1.0, 1.0), -1.5),
    "OR": ((1.0, 1.0), -0.5),
    "NAND": ((-1.0, -1.0), 1.5),
}
_XOR = {(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 1): 0}


def perceptron(gate: str) -> Neuron:
    """The step neuron (퍼셉트론) that computes ``gate`` ("AND", "OR" or "NAND")."""
    w, b = GATES[gate]
    return Neuron(W=list(w), b=b, activation="step")


def xor_layers() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """(W[1], b[1]), (W[2], b[2]) of the 2-2-1 step network: hidden OR and NAND, output AND."""
    W1 = np.array([GATES["OR"][0], GATES["NAND"][0]])
    b1 = np.array([GATES["OR"][1], GATES["NAND"][1]])
    W2 = np.array([GATES["AND"][0]])
    b2 = np.array([GATES["AND"][1]])
    return (W1, b1), (W2, b2)


def xor(x1: float, x2: float) -> int:
    """XOR computed by the 2-2-1 network: h = (OR, NAND) of the inputs, then AND of h."""
    h = [perceptron("OR")([x1, x2]), perceptron("NAND")([x1, x2])]
    return int(perceptron("AND")(h))


def truth_table(gate: str) -> list[int]:
    """The gate's answers on :data:`INPUTS`; "XOR" by the two-layer network."""
    if gate == "XOR":
        table = [xor(*x) for x in INPUTS]
        assert table == [_XOR[x] for x in INPUTS]
        return table
    return [int(perceptron(gate)(list(x))) for x in INPUTS]
