"""Property-based tests (hypothesis) over mnistlab's public API.

Every call gets odd inputs — bools, complex numbers, strings, None, NaN and ∞,
empty and non-contiguous arrays, wrong lengths, extreme hyperparameters,
unwritable paths and corrupt files — and must either give a correct result or
raise a mnistlab error (a ValueError / TypeError) whose message is Korean.
A raw Python or numpy error, or a wrong result, fails the test.

The runs are derandomized (the same inputs every run, no example database), so
CI is stable; ``FUZZ_COUNTS`` records how many inputs each test tried and how
each ended (printed at the end with ``pytest -s tests/test_fuzz.py``).
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import mnistlab as ml
from mnistlab import formulas, network_files, widgets
from mnistlab.errors import MnistlabError

settings.register_profile(
    "mnistlab", derandomize=True, database=None, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("mnistlab")

# A NaN or overflow on the way is a silent wrong answer in the making: fail on it.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

HANGUL = re.compile("[가-힣]")
FUZZ_COUNTS: Counter = Counter()


def outcome(test: str, call):
    """Run ``call()``: return its result, or None after a Korean mnistlab error; count both.

    Any other exception fails the test (that is what the fuzzing hunts for).
    """
    try:
        result = call()
    except MnistlabError as e:
        assert isinstance(e, (ValueError, TypeError)), f"{type(e).__name__} is no Value/TypeError"
        assert HANGUL.search(str(e)), f"error without Korean: {e!r}"
        kind = "ValueError" if isinstance(e, ValueError) else "TypeError"
        FUZZ_COUNTS[(test, f"Korean {kind}")] += 1
        return None
    FUZZ_COUNTS[(test, "result")] += 1
    return result


@pytest.fixture(scope="module", autouse=True)
def report():
    yield
    total = sum(FUZZ_COUNTS.values())
    print(f"\nfuzz inputs tried: {total}")
    for (test, kind), n in sorted(FUZZ_COUNTS.items()):
        print(f"  {test:<28s} {kind:<32s} {n:5d}")


# ---------------------------------------------------------------- strategies

finite = st.floats(-1e6, 1e6, allow_nan=False)
odd_floats = st.sampled_from([np.nan, np.inf, -np.inf, 1e308, -1e308, 0.0, -0.0, 5e-324])
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), finite, odd_floats,
    st.complex_numbers(max_magnitude=10, allow_nan=False), st.text(max_size=3),
    st.just(b"x"), st.just(np.float32(0.5)), st.just(np.int64(3)), st.just(np.bool_(True)),
)
dtypes = st.sampled_from([np.float64, np.float32, np.int64, np.uint8, np.bool_, np.complex128,
                          object, "U2"])


@st.composite
def arrays(draw, shape=None, max_side: int = 6):
    """Arrays of any dtype among the odd ones, any small shape, sometimes non-contiguous."""
    dtype = draw(dtypes)
    if shape is None:
        shape = draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=max_side))
    if dtype is object:
        a = np.empty(shape, dtype=object)
        a[...] = draw(st.sampled_from([None, "a", 1, 1.5]))
    elif dtype == "U2":
        a = np.full(shape, draw(st.sampled_from(["a", "1", ""])))
    else:
        a = draw(hnp.arrays(dtype, shape, elements=_elements(np.dtype(dtype))))
    if a.ndim >= 1 and a.shape[-1] > 1 and draw(st.booleans()):
        a = np.repeat(a, 2, axis=-1)[..., ::2]             # same values, non-contiguous
    return a


def _elements(dtype):
    if dtype.kind == "f":
        return st.floats(-2, 2, width=8 * dtype.itemsize) | st.sampled_from([np.nan, np.inf, -np.inf])
    if dtype.kind == "c":
        return st.complex_numbers(max_magnitude=2, allow_nan=False)
    return None


def anything(shape=None):
    """A scalar, a list, or an array: whatever a learner might type."""
    return st.one_of(scalars, st.lists(scalars, max_size=4), arrays(shape))


def unit_images(n_max: int = 5):
    """Valid model inputs: (N, 784) floats in 0..1."""
    return hnp.arrays(np.float64, st.tuples(st.integers(1, n_max), st.just(784)),
                      elements=st.floats(0, 1))


# ---------------------------------------------------------------- formulas

@settings(max_examples=300)
@given(anything())
def test_activations_and_slopes(z):
    for name, f in [*list(formulas.ACTIVATIONS.items()), ("sigmoid'", formulas.sigmoid_prime)]:
        out = outcome(f"formulas.{name}", lambda f=f: f(z))
        if out is None:
            continue
        zz = np.asarray(z, dtype=float)
        assert np.shape(out) == zz.shape
        ok = ~np.isnan(zz)
        assert not np.any(np.isnan(np.asarray(out)[ok])), "NaN out of a number"
        if name == "sigmoid":
            assert np.all((np.asarray(out)[ok] >= 0) & (np.asarray(out)[ok] <= 1))
            with np.errstate(over="ignore"):
                expect = 1 / (1 + np.exp(-zz[ok]))
            np.testing.assert_allclose(np.asarray(out)[ok], expect, atol=1e-6)


probabilities = st.integers(1, 6).flatmap(lambda n: st.tuples(
    hnp.arrays(np.int64, n, elements=st.integers(0, 1)),
    hnp.arrays(np.float64, n, elements=st.floats(0, 1))))


@settings(max_examples=200)
@given(st.one_of(st.tuples(anything(), anything()), probabilities),
       st.one_of(st.just(1e-7), st.floats(1e-12, 0.49), scalars))
def test_log_loss(yp, eps):
    y, p = yp
    out = outcome("log_loss", lambda: ml.log_loss(y, p, eps=eps))
    if out is not None:
        yy, pp = np.asarray(y, dtype=float), np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
        expect = np.mean(-(yy * np.log(pp) + (1 - yy) * np.log(1 - pp)))
        assert out == pytest.approx(expect, rel=1e-9, abs=1e-12)
        assert 0 < eps < 0.5


# ---------------------------------------------------------------- data

@settings(max_examples=150)
@given(anything())
def test_data_functions(images):
    out = outcome("normalize", lambda: ml.normalize(images))
    if out is not None:
        np.testing.assert_allclose(out, np.asarray(images, dtype=float) / 255, rtol=1e-6)
    flat = outcome("flatten", lambda: ml.flatten(images))
    if flat is not None:
        assert flat.shape[-1] == 784
        np.testing.assert_array_equal(ml.unflatten(flat), np.asarray(images))
    outcome("unflatten", lambda: ml.unflatten(images))


@settings(max_examples=30)
@given(scalars)
def test_load_mnist_split(split):
    out = outcome("load_mnist", lambda: ml.load_mnist(split))
    if out is not None:
        assert split in ("train", "test")


# ---------------------------------------------------------------- neuron

@settings(max_examples=200)
@given(st.one_of(anything(), hnp.arrays(np.float64, 3, elements=finite)),
       st.one_of(finite, scalars),
       st.one_of(st.sampled_from(["sigmoid", "relu", "tanh", "step"]), scalars),
       st.one_of(anything(), hnp.arrays(np.float64, st.sampled_from([(3,), (2, 3)]),
                                        elements=finite)))
def test_neuron(W, b, activation, x):
    neuron = outcome("Neuron()", lambda: ml.Neuron(W, b, activation))
    if neuron is None:
        return
    a = outcome("Neuron(x)", lambda: neuron(x))
    if a is not None:
        z = np.asarray(x, dtype=float) @ np.asarray(W, dtype=float) + float(b)
        np.testing.assert_allclose(a, formulas.ACTIVATIONS[activation](z))


# ---------------------------------------------------------------- logistic regression

@settings(max_examples=150)
@given(st.one_of(finite, scalars), st.one_of(finite, scalars), anything(), anything(),
       st.one_of(st.integers(1, 5), scalars), st.one_of(st.floats(0.01, 10), scalars))
def test_one_pixel_logistic(theta0, theta1, x, t, epochs, lr):
    model = outcome("OnePixelLogistic()", lambda: ml.OnePixelLogistic(theta0, theta1))
    if model is None:
        return
    p = outcome("OnePixel.predict_proba", lambda: model.predict_proba(x))
    if p is not None:
        expect = 1 / (1 + np.exp(-(model.theta0 + model.theta1 * np.asarray(x, dtype=float))))
        np.testing.assert_allclose(p, expect, atol=1e-9)
    if outcome("OnePixel.fit", lambda: model.fit(x, t, epochs=epochs, lr=lr)) is not None:
        assert np.isfinite(model.theta0) and np.isfinite(model.theta1)


@pytest.fixture(scope="module")
def five():
    X, y = ml.load_mnist("train")
    model = ml.OneDigitLogistic(5, epochs=1)
    model.fit(ml.normalize(X[:2000]), y[:2000])
    return model


@settings(max_examples=100)
@given(st.one_of(st.floats(0, 1), scalars))
def test_one_digit_threshold(five, threshold):
    X = np.linspace(0, 1, 784 * 3).reshape(3, 784)
    said = outcome("OneDigit.predict", lambda: five.predict(X, threshold=threshold))
    if said is not None:
        assert 0 < threshold < 1
        np.testing.assert_array_equal(said, five.predict_proba(X) >= threshold)


@settings(max_examples=120)
@given(st.fixed_dictionaries({}, optional={
    "digits": st.one_of(st.lists(st.integers(-2, 11), max_size=3), scalars),
    "epochs": st.one_of(st.integers(-1, 2), scalars),
    "batch_size": st.one_of(st.integers(-1, 64), scalars),
    "lr": st.one_of(st.floats(1e-3, 1e3), scalars),
    "momentum": st.one_of(st.floats(-1, 2), scalars),
    "seed": st.one_of(st.integers(-1, 3), scalars),
}))
def test_per_digit_settings(kwargs):
    model = outcome("PerDigitLogistic()", lambda: ml.PerDigitLogistic(**kwargs))
    if model is not None:
        assert model.epochs >= 1 and model.batch_size >= 1 and np.isfinite(model.lr)


@settings(max_examples=60)
@given(anything(), anything())
def test_per_digit_fit_inputs(X, y):
    model = ml.PerDigitLogistic(epochs=1)
    if outcome("PerDigit.fit", lambda: model.fit(X, y)) is not None:
        assert np.all(np.isfinite(model.W))
        outcome("PerDigit.score", lambda: model.score(X, y))


# ---------------------------------------------------------------- network

@settings(max_examples=150)
@given(st.one_of(st.lists(st.one_of(st.integers(-1, 6), scalars), max_size=4), scalars),
       st.one_of(st.sampled_from(list(formulas.ACTIVATIONS)), scalars),
       st.one_of(st.integers(0, 3), scalars))
def test_network_construction(sizes, activation, seed):
    net = outcome("Network()", lambda: ml.Network(sizes, activation, seed))
    if net is not None:
        assert net.sizes == [int(s) for s in sizes] and all(type(s) is not bool for s in sizes)


@pytest.fixture(scope="module")
def small_net():
    return ml.Network([4, 3, 2], seed=0)


@settings(max_examples=200)
@given(st.one_of(anything(), hnp.arrays(np.float64, st.sampled_from([(4,), (3, 4)]),
                                        elements=finite)),
       st.one_of(anything(), hnp.arrays(np.int64, st.sampled_from([(), (3,)]),
                                        elements=st.integers(-1, 2))))
def test_network_forward_and_score(small_net, X, y):
    a = outcome("Network.forward", lambda: small_net.forward(X))
    if a is not None:
        x = np.atleast_2d(np.asarray(X, dtype=float))
        h = formulas.sigmoid(x @ small_net.W[1].T + small_net.b[1])
        np.testing.assert_allclose(np.atleast_2d(a[2]),
                                   formulas.sigmoid(h @ small_net.W[2].T + small_net.b[2]))
    s = outcome("Network.score", lambda: small_net.score(X, y))
    if s is not None:
        assert 0 <= s <= 1


@settings(max_examples=150)
@given(st.one_of(st.integers(1, 3), scalars), st.one_of(st.integers(1, 8), scalars),
       st.one_of(st.floats(1e-3, 10), scalars), st.one_of(st.none(), st.floats(1e-3, 10), scalars))
def test_network_fit_hyperparameters(epochs, batch_size, lr, lr_end):
    net = ml.Network([4, 3, 2], seed=0)
    X = np.linspace(0, 1, 24).reshape(6, 4)
    y = np.array([0, 1, 0, 1, 1, 0])
    history = outcome("Network.fit", lambda: net.fit(X, y, epochs=epochs, batch_size=batch_size,
                                                     lr=lr, lr_end=lr_end, progress=False))
    if history is not None:
        assert len(history) == epochs and type(epochs) is not bool
        assert all(np.isfinite(r["loss"]) and 0 <= r["accuracy"] <= 1 for r in history)
    loss = outcome("Network.step", lambda: net.step(X, y, lr=lr))
    if loss is not None:
        assert np.isfinite(loss) and lr > 0


@settings(max_examples=100)
@given(scalars, scalars)
def test_network_neuron_address(small_net, l, i):
    address = outcome("Network.check_neuron", lambda: small_net.check_neuron(l, i))
    if address is not None:
        assert 1 <= l <= 2 and 1 <= i <= small_net.n[l] and type(l) is not bool


@settings(max_examples=30)
@given(st.sampled_from([
    b"", b"not a zip", b"PK\x03\x04 truncated", "valid-then-cut", "huge-sizes", "nan-weights",
    "object-array",
]))
def test_network_load_corrupt_files(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("net") / "bad.npz"
    if content == "valid-then-cut":
        ml.Network([4, 3, 2]).save(path)
        path.write_bytes(path.read_bytes()[:-40])
    elif content == "huge-sizes":
        np.savez(path, format=np.array("mnistlab.Network/1"), sizes=np.array([10**7, 10**7]),
                 activation=np.array("sigmoid"))
    elif content == "nan-weights":
        net = ml.Network([4, 3, 2])
        net.W[1][0, 0] = np.nan
        network_files.save(path, net.sizes, net.activation, net.W, net.b)
    elif content == "object-array":
        np.save(path, np.array([None], dtype=object), allow_pickle=True)
    else:
        path.write_bytes(content)
    assert outcome("Network.load", lambda: ml.Network.load(path)) is None


def test_network_save_to_unwritable_places(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    net = ml.Network([4, 3, 2])
    for where in (blocker / "sub" / "net.npz", blocker / "net.npz", 3, None, ""):
        assert outcome("Network.save", lambda where=where: net.save(where)) is None


# ---------------------------------------------------------------- chapter 05, 06 helpers

@settings(max_examples=100)
@given(scalars, scalars, st.one_of(st.integers(-1, 20), scalars))
def test_inside_helpers(small_mnist_net, l, i, k):
    outcome("incoming_weights", lambda: ml.incoming_weights(small_mnist_net, l, i))
    X = np.linspace(0, 1, 784 * 4).reshape(4, 784)
    got = outcome("top_images", lambda: ml.top_images(small_mnist_net, X, l=l, k=k))
    if got is not None:
        assert got[0].shape[-1] == min(k, 4)


@pytest.fixture(scope="module")
def small_mnist_net():
    return ml.Network([784, 3, 2], seed=0)


@settings(max_examples=100)
@given(anything())
def test_notation_sizes(sizes):
    nt = outcome("Notation()", lambda: ml.Notation(sizes))
    if nt is not None:
        assert len(nt.sizes) - 1 == nt.L


# ---------------------------------------------------------------- exercises

@settings(max_examples=150)
@given(st.one_of(st.sampled_from(["00.add", "02.sigmoid0", "04.L", "06.symbol"]), scalars),
       anything())
def test_check_answers(key, answer):
    feedback = outcome("check", lambda: ml.check(key, answer))
    if feedback is not None:
        assert isinstance(key, str)


# ---------------------------------------------------------------- widget factories

WIDGET_EXAMPLES = settings(max_examples=8)


@WIDGET_EXAMPLES
@given(st.one_of(st.none(), anything()), st.one_of(st.none(), anything()))
def test_digit_browser_arguments(images, labels):
    outcome("digit_browser", lambda: widgets.digit_browser(images, labels))


@pytest.fixture(scope="module")
def small_train():
    X, y = ml.load_mnist("train")
    return X[:500], y[:500]


@WIDGET_EXAMPLES
@given(st.one_of(st.tuples(st.integers(-2, 30), st.integers(-2, 30)), scalars))
def test_sigmoid_explorer_pixel(small_train, pixel):
    w = outcome("sigmoid_explorer", lambda: widgets.sigmoid_explorer(*small_train, pixel=pixel))
    if w is not None:
        assert all(0 <= v <= 27 for v in pixel)


@WIDGET_EXAMPLES
@given(st.one_of(st.integers(-1, 8), scalars), st.one_of(st.sampled_from(["relu"]), scalars))
def test_neuron_playground_arguments(n_inputs, activation):
    outcome("neuron_playground", lambda: widgets.neuron_playground(n_inputs, activation))


@WIDGET_EXAMPLES
@given(st.one_of(st.none(), scalars, st.just("nan-net")), st.one_of(st.integers(-1, 3), scalars))
def test_network_explorer_arguments(net, index):
    if isinstance(net, str) and net == "nan-net":
        net = ml.pretrained_network()
        net.W[2][0, 0] = np.nan
    outcome("network_explorer", lambda: widgets.network_explorer(net, index))


@WIDGET_EXAMPLES
@given(st.one_of(st.none(), scalars), st.one_of(st.none(), anything()))
def test_hidden_and_notation_explorers(small_test, net, names):
    outcome("hidden_neuron_explorer",
            lambda: widgets.hidden_neuron_explorer(net, *small_test, names=names))
    outcome("notation_explorer", lambda: widgets.notation_explorer(net, *small_test))


@pytest.fixture(scope="module")
def small_test():
    X, y = ml.load_mnist("test")
    return X[:300], y[:300]


@WIDGET_EXAMPLES
@given(st.one_of(st.none(), anything()), st.one_of(st.none(), scalars),
       st.one_of(st.none(), scalars, st.just("n")))
def test_notation_picture_arguments(x, l, i):
    net = ml.pretrained_network()
    outcome("notation_picture", lambda: widgets.notation_picture(net, x, l, i))


@WIDGET_EXAMPLES
@given(st.one_of(st.none(), scalars), st.one_of(st.none(), anything()))
def test_per_digit_explorer_arguments(model, images):
    outcome("per_digit_explorer", lambda: widgets.per_digit_explorer(model, images, None))


@WIDGET_EXAMPLES
@given(st.one_of(st.none(), anything()))
def test_widget_check_image(image):
    outcome("widget_check", lambda: widgets.widget_check(image))


# ---------------------------------------------------------------- chapter 07's widgets

@pytest.fixture(scope="module")
def drawer():
    return widgets.draw_digit()


@WIDGET_EXAMPLES
@given(st.one_of(st.none(), scalars, st.sampled_from(["784-8-10", "4-3-2", "nan-net"])))
def test_draw_digit_network(net):
    if net == "784-8-10":
        net = ml.Network([784, 8, 10])
    elif net == "4-3-2":
        net = ml.Network([4, 3, 2])
    elif net == "nan-net":
        net = ml.pretrained_network()
        net.W[1][0, 0] = np.nan
    w = outcome("draw_digit", lambda: widgets.draw_digit(net))
    if w is not None:         # accepted: only a 784-…-10 network (or None, the shipped one)
        assert net is None or (isinstance(net, ml.Network) and net.sizes[::len(net.sizes) - 1] == [784, 10])
        assert w.net.sizes[0] == 784 and w.prediction is None


@settings(max_examples=40)
@given(st.one_of(anything(), hnp.arrays(np.uint8, st.tuples(st.integers(1, 60), st.integers(1, 60)),
                                        elements=st.integers(0, 255))))
def test_draw_digit_drawings(drawer, image):
    drawer.clear()
    before = drawer.diagram.value
    if outcome("DrawDigit.set_drawing", lambda: drawer.set_drawing(image) or True) is None:
        assert drawer.prediction is None                 # refused: the canvas stays empty
        return
    if np.asarray(image).max() > 0:                      # some ink: the network answers
        assert drawer.prediction in range(10) and drawer.outputs.shape == (10,)
        assert drawer.diagram.value != before
    else:
        assert drawer.prediction is None


@pytest.fixture(scope="module")
def small_training():
    X, y = ml.load_mnist("train")
    return X[:1200], y[:1200]


@WIDGET_EXAMPLES
@given(st.one_of(st.sampled_from([8, 16, 32]), scalars), st.one_of(st.integers(0, 3), scalars),
       st.one_of(st.sampled_from([0.1, 1.0, -1.0, 0.0]), scalars))
@example(hidden=16, layers=1, lr=0.1)
@example(hidden=8, layers=2, lr=2.0)
@example(hidden=16, layers=1, lr=float("inf"))
def test_training_explorer_settings(small_training, hidden, layers, lr):
    w = outcome("TrainingExplorer", lambda: widgets.TrainingExplorer(
        hidden=hidden, layers=layers, lr=lr, images=small_training[0], labels=small_training[1]))
    if w is not None:         # accepted: a network of that shape, a finite positive rate
        assert w.sizes == [784] + [int(hidden)] * int(layers) + [10] == w.net.sizes
        assert 0 < w.lr.value < np.inf and type(hidden) is not bool


@WIDGET_EXAMPLES
@given(st.one_of(st.integers(-2, 30), st.just(10**12), scalars))
@example(n=3)
@example(n=10**12)
def test_training_explorer_run_steps(small_training, n):
    w = widgets.TrainingExplorer(hidden=8, layers=1, images=small_training[0],
                                 labels=small_training[1])
    before = w.steps
    if outcome("TrainingExplorer.run_steps", lambda: w.run_steps(n) or True) is None:
        assert w.steps == before                          # refused: nothing trained
    else:
        assert w.steps == before + n and w.history[-1]["step"] == w.steps


# ---------------------------------------------------------------- the review's own examples

def _issue_examples(tmp_path):
    net = ml.Network([4, 3, 2])
    nan_net = ml.pretrained_network()
    nan_net.W[1][0, 0] = np.nan
    blocker = tmp_path / "file"
    blocker.write_text("x")
    corrupt = tmp_path / "corrupt.npz"
    net.save(corrupt)
    data = bytearray(corrupt.read_bytes())
    data[60:90] = b"\xff" * 30                              # inside the compressed W1
    corrupt.write_bytes(bytes(data))
    huge = tmp_path / "huge.npz"
    np.savez(huge, format=np.array("mnistlab.Network/1"), sizes=np.array([10**7, 10**7]),
             activation=np.array("sigmoid"))
    X, y = np.full((2, 4), 0.5), np.array([0, 1])
    images, labels = ml.load_mnist("test")
    return {
        "sigmoid(complex)": lambda: ml.sigmoid(1 + 2j),
        "log_loss(eps=0.6)": lambda: ml.log_loss([1, 0], [0.9, 0.2], eps=0.6),
        "fit(epochs=2.7)": lambda: net.fit(X, y, epochs=2.7, progress=False),
        "fit(lr=inf)": lambda: net.fit(X, y, lr=np.inf, progress=False),
        "PerDigitLogistic(lr=inf)": lambda: ml.PerDigitLogistic(lr=np.inf),
        "Network([3, True])": lambda: ml.Network([3, True]),
        "OnePixelLogistic(theta0=nan)": lambda: ml.OnePixelLogistic(theta0=np.nan),
        "OneDigitLogistic.predict(threshold=2)": lambda: ml.OneDigitLogistic().predict(
            np.zeros(784), threshold=2),
        "save to an unwritable path": lambda: net.save(blocker / "net.npz"),
        "load a corrupted .npz": lambda: ml.Network.load(corrupt),
        "load sizes 10⁷×10⁷": lambda: ml.Network.load(huge),
        "Neuron(W=['a', 1, 2])": lambda: ml.Neuron(W=["a", 1, 2]),
        "digit_browser(images, labels=None)": lambda: widgets.digit_browser(images[:5], None),
        "network_explorer(NaN weights)": lambda: widgets.network_explorer(nan_net),
        "sigmoid_explorer(pixel=(30, 30))": lambda: widgets.sigmoid_explorer(
            images[:50], labels[:50], pixel=(30, 30)),
        "check(['a'], …)": lambda: ml.check(["a"], 1),
    }


def test_the_reviews_examples_are_korean_errors(tmp_path):
    for name, call in _issue_examples(tmp_path).items():
        assert outcome(name, call) is None, f"{name}: no error"
