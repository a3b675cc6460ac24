"""What the chapter-02 figures draw: the numbers behind their artists.

Each test reads the data back from the figure (line data, image arrays, bar
heights, texts) and compares it with the formula the figure claims to show,
so a flipped sign or a wrong θ fails here rather than only looking odd.
"""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.collections import PathCollection
from mpl_toolkits.mplot3d.art3d import Path3DCollection, Poly3DCollection

import mnistlab as ml
from mnistlab import draw
from mnistlab.formulas import sigmoid

RNG = np.random.default_rng(0)


@pytest.fixture(scope="module")
def pixel_data():
    """Pixel (12, 12) and "is it a 5?" on 3,000 training images."""
    X, y = ml.load_mnist("train")
    X = ml.normalize(X[:3000]).reshape(3000, -1)
    return X, (y[:3000] == 5).astype(float)


def _texts(fig) -> str:
    return " ".join(t.get_text() for ax in fig.axes for t in ax.texts) + " ".join(
        t.get_text() for t in fig.texts)


def test_one_pixel_draws_the_sigmoid_of_its_thetas(pixel_data):
    X, t = pixel_data
    x = X[:, 12 * 28 + 12]
    fig = draw.one_pixel(x, t, theta0=-3.0, theta1=4.0, pixel=(12, 12), n=500)
    ax = fig.axes[0]
    curve = next(ln for ln in ax.lines if len(ln.get_xdata()) == 200)
    xs, ys = curve.get_xdata(), curve.get_ydata()
    np.testing.assert_allclose(ys, sigmoid(-3.0 + 4.0 * xs))
    no, yes = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(no.get_offsets()) + len(yes.get_offsets()) == 500
    assert np.all(np.abs(yes.get_offsets()[:, 1] - 1) < 0.1)       # answers 1, jittered
    assert np.all(np.abs(no.get_offsets()[:, 1]) < 0.1)


def test_jitter_points_keep_targets_and_values():
    x = np.linspace(0, 1, 50)
    t = (x > 0.5).astype(float)
    px, py, pt = draw.logistic.jitter_points(x, t, n=20, spread=0.07)
    assert len(px) == len(py) == len(pt) == 20
    assert np.all(np.abs(py - pt) <= 0.07)
    assert set(np.round(pt)) <= {0.0, 1.0}


def test_sigmoid_of_z_marks_lie_on_the_curve():
    fig = draw.sigmoid_of_z(z_marks=(-4.0, 0.0, 3.0))
    ax = fig.axes[0]
    z, s = ax.lines[0].get_xdata(), ax.lines[0].get_ydata()
    np.testing.assert_allclose(s, sigmoid(z))
    marks = np.vstack([c.get_offsets() for c in ax.collections if isinstance(c, PathCollection)])
    np.testing.assert_allclose(marks[:, 1], sigmoid(marks[:, 0]))
    np.testing.assert_allclose(sorted(marks[:, 0]), [-4.0, 0.0, 3.0])


def test_two_pixels_surface_is_the_sigmoid_of_its_theta(pixel_data):
    """The 3-D surface is sigmoid(θ0 + θ1·x1 + θ2·x2) of the θ in its title: recover the plane
    behind it (a flipped sign or a flat plane fails) and check it spans the S from ~0 to ~1."""
    X, t = pixel_data
    theta = (-6.0, 8.0, 4.0)
    fig = draw.two_pixels(X, t, pixels=((12, 12), (20, 14)), n=800, surface_theta=theta)
    ax3d = fig.axes[1]
    surface = next(c for c in ax3d.collections if isinstance(c, Poly3DCollection))
    verts = _surface_vertices(surface)
    gx, gy, gz = verts[:, 0], verts[:, 1], verts[:, 2]
    assert np.all((gz > 0) & (gz < 1))
    A = np.column_stack([np.ones_like(gx), gx, gy])
    th, *_ = np.linalg.lstsq(A, np.log(gz / (1 - gz)), rcond=None)
    np.testing.assert_allclose(th, theta, atol=1e-6)
    assert gz.min() < 0.01 and gz.max() > 0.99                  # the whole S, not a flat plane
    assert "-6 + 8·x1 + 4·x2" in ax3d.get_title()
    points = next(c for c in ax3d.collections if isinstance(c, Path3DCollection))
    assert len(np.asarray(points._offsets3d[2])) == 800


def _surface_vertices(surface) -> np.ndarray:
    """(k, 3) corner points of a plot_surface (matplotlib keeps them in _faces, older in _vec)."""
    if hasattr(surface, "_faces"):
        return np.asarray(surface._faces, float).reshape(-1, 3)
    return np.asarray(surface._vec, float)[:3].T


def test_diagram_image_shows_z_and_output_of_the_model():
    image = RNG.uniform(0, 1, (28, 28)) * (RNG.uniform(0, 1, (28, 28)) > 0.7)
    theta = RNG.normal(0, 0.1, (28, 28))
    fig = draw.diagram_image(image, theta, theta0=-0.7, digit=5)
    z = -0.7 + float(np.sum(image * theta))
    text = _texts(fig)
    assert f"{z:.2f}" in text and f"{sigmoid(z):.2f}" in text
    pixels = next(c for c in fig.axes[0].collections if isinstance(c, PathCollection))
    np.testing.assert_allclose(pixels.get_facecolors()[:, 0], image.ravel(), atol=1e-6)


def test_theta_map_shows_theta_on_a_symmetric_scale():
    theta = RNG.normal(0, 1, (28, 28))
    fig = draw.theta_map(theta, digit=5)
    im = fig.axes[0].images[0]
    np.testing.assert_array_equal(im.get_array(), theta)
    lo, hi = im.get_clim()
    assert lo == -hi and hi == pytest.approx(draw.logistic.theta_limit(theta, 98.0))


def test_theta_maps_one_panel_per_digit_in_order():
    thetas = [np.full((28, 28), float(d)) - 4.5 for d in range(10)]
    fig = draw.theta_maps(thetas)
    panels = [ax for ax in fig.axes if ax.images and ax.get_title()]
    assert [ax.get_title() for ax in panels] == [f"'{d}인가?'" for d in range(10)]
    for d, ax in enumerate(panels):
        np.testing.assert_array_equal(ax.images[0].get_array(), thetas[d])
    assert len({ax.images[0].get_clim() for ax in panels}) == 1        # one shared scale


def test_evidence_is_pixel_times_theta_and_sums_to_z():
    image = RNG.uniform(0, 1, (28, 28))
    theta = RNG.normal(0, 0.2, (28, 28))
    fig = draw.evidence(image, theta, theta0=0.3)
    np.testing.assert_array_equal(fig.axes[0].images[0].get_array(), image)
    np.testing.assert_allclose(fig.axes[2].images[0].get_array(), image * theta)
    z = 0.3 + float(np.sum(image * theta))
    assert f"z = {z:.2f}" in _texts(fig)
    assert f"sigmoid(z) = {sigmoid(z):.3f}" in _texts(fig)


def test_output_bars_heights_are_the_outputs_and_the_winner_stands_out():
    outputs = np.array([0.1, 0.05, 0.2, 0.9, 0.3, 0.0, 0.4, 0.2, 0.1, 0.6])
    fig = draw.output_bars(outputs, label=3)
    bars = fig.axes[0].patches[:10]
    np.testing.assert_allclose([b.get_height() for b in bars], outputs)
    colors = {tuple(b.get_facecolor()) for b in bars}
    assert len(colors) == 2
    assert bars[3].get_facecolor() != bars[0].get_facecolor()
    assert "예측 3" in fig.axes[0].get_title()


def test_ten_models_diagram_writes_each_output_and_marks_the_largest():
    outputs = np.linspace(0.05, 0.5, 10)[::-1].copy()
    outputs[7] = 0.97
    text = _texts(draw.ten_models_diagram(np.zeros(784), outputs, label=7))
    for v in outputs:
        assert f"{v:.3f}" in text
    assert "0.970  ⇐ 가장 큼: 예측" in text


def test_confusion_writes_every_count_and_the_accuracy():
    cm = RNG.integers(0, 50, (10, 10))
    np.fill_diagonal(cm, 900)
    fig = draw.confusion(cm)
    counts = [int(t.get_text()) for t in fig.axes[0].texts]
    assert counts == cm.ravel().tolist()
    assert f"{np.trace(cm) / cm.sum():.1%}" in fig.axes[0].get_title()


def test_theta_limit_is_a_percentile_of_abs_theta():
    values = np.arange(-100, 101, dtype=float)
    assert draw.logistic.theta_limit(values, 99.0) == pytest.approx(np.percentile(
        np.abs(values), 99.0))
    assert draw.logistic.theta_limit(np.zeros(5)) > 0


def test_sigmoid_shapes_curves_match_their_labels():
    """Left: θ1 = 10 and the labelled θ0; right: the labelled θ1 with θ0 = −θ1/2 (and θ1 = −10)."""
    fig = draw.sigmoid_shapes()
    left, right = fig.axes[:2]
    for line in left.lines[:3]:
        th0 = float(line.get_label().split("=")[1])
        x = line.get_xdata()
        np.testing.assert_allclose(line.get_ydata(), sigmoid(th0 + 10 * x))
    for line in right.lines[:4]:
        th1 = float(line.get_label().split("=")[1].split()[0].replace("−", "-"))
        x = line.get_xdata()
        np.testing.assert_allclose(line.get_ydata(), sigmoid(-th1 / 2 + th1 * x))
