"""Text contrast (issue 22): every text in the series' figures ≥ 4.5:1 against the rendered
background under it (3:1 for large text); widget buttons and HTML colours likewise."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest

import mnistlab as ml
from mnistlab import a11y, draw


@pytest.fixture(scope="module")
def data():
    X, y = ml.load_mnist("test")
    X = ml.normalize(X[:2000])
    y = y[:2000]
    net = ml.pretrained_network()

    return X, y, net


def _figures(data):
    X, y, net = data
    x = X[0]
    th = net.W[1][0]
    tn = ml.inside.template_network()
    px = X[:, 12 * 28 + 12] if X.ndim == 2 else X[:, 12, 12]
    t = (y == 5).astype(float)
    probs = np.full(10, 0.05)
    probs[7] = 0.9
    cm = np.eye(10, dtype=int) * 900 + np.random.default_rng(0).integers(0, 40, (10, 10))
    yield "ai_map", lambda: draw.ai_map()
    yield "digit_grid", lambda: draw.digit_grid((X[:20] * 255).astype(np.uint8), y[:20])
    yield "pixel_numbers", lambda: draw.pixel_numbers((x.reshape(28, 28) * 255).astype(np.uint8),
                                                       rows=slice(5, 23), cols=slice(6, 22))
    yield "normalization", lambda: draw.normalization()
    yield "label_counts", lambda: draw.label_counts(y, y)
    yield "one_pixel", lambda: draw.one_pixel(px, t, -3.0, 6.0, pixel=(12, 12))
    yield "sigmoid_shapes", lambda: draw.sigmoid_shapes()
    yield "diagram_785", lambda: draw.diagram_785()
    yield "sigmoid_of_z", lambda: draw.sigmoid_of_z()
    yield "diagram_image", lambda: draw.diagram_image(x, th, 0.1, digit=5, label=int(y[0]))
    yield "theta_map", lambda: draw.theta_map(th, digit=5)
    yield "evidence", lambda: draw.evidence(x, th, 0.1, digit=5)
    yield "ten_models_diagram", lambda: draw.ten_models_diagram(x, probs, label=7)
    yield "output_bars", lambda: draw.output_bars(probs, label=7)
    yield "confusion", lambda: draw.confusion(cm)
    yield "nervous_system", lambda: draw.nervous_system()
    yield "biological_neuron", lambda: draw.biological_neuron(fire_stimuli=(0.3, 0.55, 0.9),
                                                              threshold=0.5)
    yield "learning_connections", lambda: draw.learning_connections()
    yield "artificial_neuron", lambda: draw.artificial_neuron([0.9, 0.2, 0.6], W=[2.0, -1.5, 0.7],
                                                              b=-0.4, title="t")
    yield "activation_functions", lambda: draw.activation_functions()
    yield "step_vs_sigmoid", lambda: draw.step_vs_sigmoid(x=1.0, b=-1.0, starts=(0.3, 0.95),
                                                          dw=0.1)
    yield "neuron_as_model", lambda: draw.neuron_as_model(x, th, 0.1, digit=5)
    yield "input_column", lambda: draw.input_column(x)
    yield "network_legend", lambda: draw.network_legend()
    yield "network_diagram", lambda: draw.network_diagram(net, x)
    yield "neuron_zoom", lambda: draw.neuron_zoom(net, x, i=1)
    yield "layer_product", lambda: draw.layer_product(net, x, l=2, row=4)
    yield "pattern_templates", lambda: draw.pattern_templates(tn)
    yield "template_reading", lambda: draw.template_reading(tn, x, label=int(y[0]))
    yield "pattern_response", lambda: draw.pattern_response(tn, X, y)
    yield "pattern_hierarchy", lambda: draw.pattern_hierarchy()
    yield "weight_maps", lambda: draw.weight_maps(net.W[1], [f"a{i}" for i in range(16)])
    yield "hidden_neurons", lambda: draw.hidden_neurons(net, X, l=1, neurons=range(1, 4), k=4)


def test_every_figure_text_has_enough_contrast(data):
    low = []
    for name, make in _figures(data):
        fig = make()
        fig = fig if hasattr(fig, "savefig") else plt.gcf()
        for text, ratio, need in a11y.figure_text_contrast(fig):
            if ratio < need:
                low.append(f"{name}: {text[:40]!r} {ratio:.2f}:1 < {need}")
        plt.close("all")
    assert not low, "\n".join(low)


def test_contrast_checker_sees_a_pale_label():
    fig, ax = plt.subplots()
    ax.text(0.5, 0.5, "연한 글씨", color="#aaaaaa", fontsize=10)
    ax.text(0.2, 0.2, "진한 글씨", color="#333333", fontsize=10)
    found = {t: (r, n) for t, r, n in a11y.figure_text_contrast(fig)}
    plt.close(fig)
    assert found["연한 글씨"][0] < 4.5 <= found["진한 글씨"][0]


def test_widget_buttons_and_bar_colours():
    from mnistlab.widgets.base import BUTTON_COLORS

    for style, color in BUTTON_COLORS.items():
        assert a11y.contrast("white", color) >= 4.5, style
    from mnistlab.widgets.training import training_explorer

    t = training_explorer()
    assert a11y.contrast(t.reset_button.style.text_color, t.reset_button.style.button_color) >= 4.5
