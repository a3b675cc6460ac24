"""mnistlab: MNIST로 배우는 인공신경망 — the helper package of the notebook series.

Importing it registers the bundled Korean font with matplotlib. The notebooks
use the names below (and, in 02, 03 and 05, a few names of ``mnistlab.logistic``,
``mnistlab.neuron`` and ``mnistlab.inside``); the modules mirror the lesson.

Read the math in this order:

1. ``formulas``  — sigmoid and the other activations, their slopes, log loss;
2. ``logistic``  — one pixel, then 785 inputs: logistic regression (chapter 02);
3. ``neuron``    — the same formula as an artificial neuron (chapter 03);
4. ``network``   — ``_forward`` and ``_backprop`` (the four equations), ``step``, ``fit`` (chapter 04);
5. ``descent``   — the one mini-batch loop and history every model's ``fit`` shares.

Input checks live in ``validate`` (every learner's mistake a Korean ``MnistlabError``,
see ``errors``), files in ``data`` and ``network_files``, figures in ``draw`` and
the interactive explorers in ``widgets`` (PNG encoding in ``raster``).
"""

from importlib.metadata import version as _version

from mnistlab.alt_text import install_figure_alt as _install_figure_alt
from mnistlab.check import check
from mnistlab.data import (
    MnistFileError,
    flatten,
    load_mnist,
    normalize,
    unflatten,
    validation_split,
)
from mnistlab.display import set_display
from mnistlab.drawing import prepare_drawing
from mnistlab.environment import check_environment
from mnistlab.formulas import one_hot
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
from mnistlab.notebook import current_shell as _current_shell
from mnistlab.notebook import install as _install_notebook_messages

use_korean_font()


_install_notebook_messages()       # in IPython: NameError and mnistlab errors in short Korean
if _current_shell() is not None:
    _install_figure_alt(_current_shell())   # every inline figure with a Korean alt text

__version__ = _version("mnistlab")      # the one version string: pyproject.toml's
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
    "one_hot",
    "prepare_drawing",
    "pretrained_network",
    "set_display",
    "sigmoid",
    "template_network",
    "top_images",
    "unflatten",
    "use_korean_font",
    "validation_split",
]
