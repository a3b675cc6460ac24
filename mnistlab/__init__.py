"""mnistlab: MNIST로 배우는 인공신경망 — the helper package of the notebook series.

Importing it registers the bundled Korean font with matplotlib. The notebooks
use the names below; the modules mirror the lesson (data, korean, draw, widgets …).
"""

from mnistlab.check import check
from mnistlab.data import (
    MnistFileError,
    flatten,
    load_mnist,
    normalize,
    unflatten,
)
from mnistlab.display import set_display
from mnistlab.environment import check_environment
from mnistlab.inside import incoming_weights, template_network, top_images
from mnistlab.korean import THETA_CMAP, use_korean_font
from mnistlab.logistic import (
    OneDigitLogistic,
    OnePixelLogistic,
    PerDigitLogistic,
    log_loss,
    sigmoid,
)
from mnistlab.network import Network, NetworkFileError, pretrained_network
from mnistlab.neuron import Neuron
from mnistlab.notation import Notation
from mnistlab.notebook import install as _install_notebook_messages

use_korean_font()
_install_notebook_messages()       # in IPython: NameError and mnistlab errors in short Korean

__version__ = "0.1.0"
__all__ = [
    "THETA_CMAP",
    "MnistFileError",
    "Network",
    "NetworkFileError",
    "Neuron",
    "Notation",
    "OneDigitLogistic",
    "OnePixelLogistic",
    "PerDigitLogistic",
    "check",
    "check_environment",
    "flatten",
    "incoming_weights",
    "load_mnist",
    "log_loss",
    "normalize",
    "pretrained_network",
    "set_display",
    "sigmoid",
    "template_network",
    "top_images",
    "unflatten",
    "use_korean_font",
]
