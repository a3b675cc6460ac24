"""위젯: the interactive explorers of the series, one factory per widget.

Every factory returns an ipywidgets widget, works with no arguments (it loads
the data it needs), and follows the convention in :mod:`mnistlab.widgets.base`.
"""

from mnistlab.draw.notation import notation_picture
from mnistlab.widgets.backprop import GraphStepper, NudgeExplorer, graph_stepper, nudge_explorer
from mnistlab.widgets.base import Explorer
from mnistlab.widgets.descent import BallExplorer, ball_explorer
from mnistlab.widgets.digits import DigitBrowser, digit_browser
from mnistlab.widgets.draw import DrawDigit, draw_digit
from mnistlab.widgets.inside import HiddenNeuronExplorer, hidden_neuron_explorer
from mnistlab.widgets.intro import WidgetCheck, widget_check
from mnistlab.widgets.logistic import OnePixelExplorer, sigmoid_explorer
from mnistlab.widgets.loss import LossExplorer, loss_explorer
from mnistlab.widgets.matrices import (
    ShapeLab,
    WeightMatrixExplorer,
    shape_lab,
    weight_matrix_explorer,
)
from mnistlab.widgets.network import NetworkExplorer, network_explorer
from mnistlab.widgets.neuron import NeuronPlayground, neuron_playground
from mnistlab.widgets.notation import NotationExplorer, notation_explorer
from mnistlab.widgets.per_digit import PerDigitExplorer, per_digit_explorer
from mnistlab.widgets.training import TrainingExplorer, training_explorer

__all__ = [
    "BallExplorer",
    "DigitBrowser",
    "DrawDigit",
    "Explorer",
    "GraphStepper",
    "HiddenNeuronExplorer",
    "LossExplorer",
    "NetworkExplorer",
    "NeuronPlayground",
    "NotationExplorer",
    "NudgeExplorer",
    "OnePixelExplorer",
    "PerDigitExplorer",
    "ShapeLab",
    "TrainingExplorer",
    "WeightMatrixExplorer",
    "WidgetCheck",
    "ball_explorer",
    "digit_browser",
    "draw_digit",
    "graph_stepper",
    "hidden_neuron_explorer",
    "loss_explorer",
    "network_explorer",
    "neuron_playground",
    "notation_explorer",
    "notation_picture",
    "nudge_explorer",
    "per_digit_explorer",
    "shape_lab",
    "sigmoid_explorer",
    "training_explorer",
    "weight_matrix_explorer",
    "widget_check",
]
