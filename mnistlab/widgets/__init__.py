"""위젯: the interactive explorers of the series, one factory per widget.

Every factory returns an ipywidgets widget, works with no arguments (it loads
the data it needs), and follows the convention in :mod:`mnistlab.widgets.base`.
"""

from mnistlab.draw.notation import notation_picture
from mnistlab.widgets.base import Explorer
from mnistlab.widgets.digits import DigitBrowser, digit_browser
from mnistlab.widgets.draw import DrawDigit, draw_digit
from mnistlab.widgets.inside import HiddenNeuronExplorer, hidden_neuron_explorer
from mnistlab.widgets.intro import WidgetCheck, widget_check
from mnistlab.widgets.logistic import OnePixelExplorer, sigmoid_explorer
from mnistlab.widgets.network import NetworkExplorer, network_explorer
from mnistlab.widgets.neuron import NeuronPlayground, neuron_playground
from mnistlab.widgets.notation import NotationExplorer, notation_explorer
from mnistlab.widgets.per_digit import PerDigitExplorer, per_digit_explorer
from mnistlab.widgets.training import TrainingExplorer, training_explorer

__all__ = [
    "DigitBrowser",
    "DrawDigit",
    "Explorer",
    "HiddenNeuronExplorer",
    "NetworkExplorer",
    "NeuronPlayground",
    "NotationExplorer",
    "OnePixelExplorer",
    "PerDigitExplorer",
    "TrainingExplorer",
    "WidgetCheck",
    "digit_browser",
    "draw_digit",
    "hidden_neuron_explorer",
    "network_explorer",
    "neuron_playground",
    "notation_explorer",
    "notation_picture",
    "per_digit_explorer",
    "sigmoid_explorer",
    "training_explorer",
    "widget_check",
]
