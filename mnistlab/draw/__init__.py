"""그림: the figures of the series, drawn from real numbers with matplotlib.

One module per chapter idea; notebooks and widgets call the same functions.
"""

from mnistlab.draw.backprop import (
    delta_layers,
    delta_sizes,
    gradient_check,
    hidden_wishes,
    output_wishes,
    three_levers,
    weight_gradient_maps,
)
from mnistlab.draw.descent import (
    gradient_arrows,
    learning_curves,
    minibatch_directions,
    slope_line,
)
from mnistlab.draw.digits import (
    digit_grid,
    flatten_strip,
    label_counts,
    normalization,
    pixel_image,
    pixel_numbers,
)
from mnistlab.draw.inside import (
    hidden_neurons,
    noise_answers,
    pattern_hierarchy,
    pattern_response,
    pattern_templates,
    template_reading,
    weight_maps,
)
from mnistlab.draw.intro import ai_map
from mnistlab.draw.layer_math import input_column, layer_product, neuron_zoom
from mnistlab.draw.logic import logic_gates, xor_network
from mnistlab.draw.logistic import (
    diagram_785,
    diagram_image,
    evidence,
    one_pixel,
    sigmoid_of_z,
    sigmoid_shapes,
    theta_map,
    theta_maps,
    two_pixels,
)
from mnistlab.draw.loss import (
    accuracy_and_loss,
    hardest_images,
    landscape,
    loss_distribution,
    loss_terms,
    target_and_output,
)
from mnistlab.draw.matrices import batch_product, bias_broadcast, forward_code, weight_matrix
from mnistlab.draw.nervous_system import activation_table, nervous_system, step_vs_sigmoid
from mnistlab.draw.network import network_diagram, network_legend, network_positions
from mnistlab.draw.neuron import (
    activation_functions,
    artificial_neuron,
    biological_neuron,
    learning_connections,
    neuron_as_model,
)
from mnistlab.draw.notation import notation_picture
from mnistlab.draw.ten_models import confusion, output_bars, ten_models_diagram

__all__ = [
    "accuracy_and_loss",
    "activation_functions",
    "activation_table",
    "ai_map",
    "artificial_neuron",
    "batch_product",
    "bias_broadcast",
    "biological_neuron",
    "confusion",
    "delta_layers",
    "delta_sizes",
    "diagram_785",
    "diagram_image",
    "digit_grid",
    "evidence",
    "flatten_strip",
    "forward_code",
    "gradient_arrows",
    "gradient_check",
    "hardest_images",
    "hidden_neurons",
    "hidden_wishes",
    "input_column",
    "label_counts",
    "landscape",
    "layer_product",
    "learning_connections",
    "learning_curves",
    "logic_gates",
    "loss_distribution",
    "loss_terms",
    "minibatch_directions",
    "nervous_system",
    "network_diagram",
    "network_legend",
    "network_positions",
    "neuron_as_model",
    "neuron_zoom",
    "noise_answers",
    "normalization",
    "notation_picture",
    "one_pixel",
    "output_bars",
    "output_wishes",
    "pattern_hierarchy",
    "pattern_response",
    "pattern_templates",
    "pixel_image",
    "pixel_numbers",
    "sigmoid_of_z",
    "sigmoid_shapes",
    "slope_line",
    "step_vs_sigmoid",
    "target_and_output",
    "template_reading",
    "ten_models_diagram",
    "theta_map",
    "theta_maps",
    "three_levers",
    "two_pixels",
    "weight_gradient_maps",
    "weight_maps",
    "weight_matrix",
    "xor_network",
]
