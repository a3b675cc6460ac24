"""가중치 행렬과 순전파 (chapter 08): the three ways, the shapes, numpy's answers and the figures
checked against independent computations (einsum, the real Network, numpy itself)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import mnistlab as ml
from mnistlab import matrices as mx
from mnistlab.draw import matrices as dm
from mnistlab.errors import MnistlabError


@pytest.fixture(scope="module")
def net():
    return ml.pretrained_network()


@pytest.fixture(scope="module")
def X():
    images, _ = ml.load_mnist("test")
    return ml.normalize(images[:5]).reshape(5, -1)


# ------------------------------------------------------------ one layer, three ways

@pytest.mark.parametrize("layer", [1, 2, 3])
def test_three_ways_equal_the_networks_own_z_on_a_real_image(net, X, layer):
    result = mx.three_ways(net, X[0], layer, repeat=1)
    a, z = net.forward(X[0], return_z=True)
    expected = np.einsum("jk,k->j", net.W[layer], a[layer - 1]) + net.b[layer]
    for name, value in result.z.items():
        assert value.shape == (net.n[layer],), name
        np.testing.assert_allclose(value, expected, rtol=0, atol=1e-12, err_msg=name)
        np.testing.assert_allclose(value, z[layer], rtol=0, atol=1e-12, err_msg=name)
    assert result.max_difference() < 1e-12
    assert set(result.ratios()) == set(mx.WAYS) and result.ratios()["행렬 곱 한 번"] == 1.0


def test_the_loops_compute_each_sum_term_by_term():
    W, b, a = [[1.0, -2.0, 0.5]], [0.25], [2.0, 1.0, 4.0]
    assert mx.weighted_sums_loops(W, b, a).tolist() == [1.0 * 2 - 2.0 * 1 + 0.5 * 4 + 0.25]
    assert mx.weighted_sums_rows(W, b, a).tolist() == [2.25]
    assert mx.weighted_sums_matrix(W, b, a).tolist() == [2.25]


@pytest.mark.parametrize("bad", [{"layer": 4}, {"layer": 0}, {"repeat": 0}])
def test_three_ways_rejects_bad_arguments_in_korean(net, X, bad):
    with pytest.raises(MnistlabError, match="[가-힣]"):
        mx.three_ways(net, X[0], **bad)


def test_three_ways_wants_one_image(net, X):
    with pytest.raises(MnistlabError, match="한 장"):
        mx.three_ways(net, X[:2])


# ------------------------------------------------------------ parameters and the loop's source

def test_the_shipped_network_has_13002_parameters(net):
    assert mx.n_parameters(net.sizes) == 13_002 == net.n_params
    counts = mx.parameter_counts(net.sizes)
    assert counts == [(1, 784 * 16, 16), (2, 16 * 16, 16), (3, 16 * 10, 10)]
    assert sum(w + b for _, w, b in counts) == 13_002


def test_forward_loop_lines_are_the_running_source():
    import inspect

    lines = mx.forward_loop_lines()
    source = inspect.getsource(ml.Network._forward)
    assert all(line.strip() in source for line in lines)
    assert lines[0].strip().startswith("for l in")
    assert any("@ W[l].T" in line for line in lines)
    assert "a.append(" in lines[-1]


def test_forward_loop_lines_follow_a_changed_class():
    class Other:
        def _forward(self, a0):
            a = [a0]
            for l in range(1, 3):
                a.append(self.f(a[-1] @ self.W[l].T))
            return a

    assert [s.strip() for s in mx.forward_loop_lines(Other)] == [
        "for l in range(1, 3):", "a.append(self.f(a[-1] @ self.W[l].T))"]


# ------------------------------------------------------------ shapes of a batch

@pytest.mark.parametrize("sizes,m", [([784, 16, 16, 10], 1), ([784, 16, 16, 10], 32),
                                     ([5, 3, 2], 7), ([4, 6], 2)])
def test_shapes_match_a_real_forward_pass(sizes, m):
    net = ml.Network(sizes, seed=1)
    a, z = net.forward(np.zeros((m, sizes[0])), return_z=True)
    table = mx.shapes(sizes, m)
    assert len(table) == len(sizes)
    assert a[0].shape == table[0].A and table[0].W is None
    for l in range(1, len(sizes)):
        s = table[l]
        assert (s.W, s.b, s.Z, s.A) == (net.W[l].shape, net.b[l].shape, z[l].shape, a[l].shape)
        assert s.lesson("A") == a[l].T.shape and s.lesson("W") == s.W


def test_shapes_for_ten_thousand_images():
    table = mx.shapes([784, 16, 16, 10], 10_000)
    assert [s.A for s in table] == [(10_000, 784), (10_000, 16), (10_000, 16), (10_000, 10)]


@pytest.mark.parametrize("sizes,m", [([784], 1), ([784, 0], 1), ("abc", 1), ([784, 10], 0)])
def test_shapes_reject_bad_input_in_korean(sizes, m):
    with pytest.raises(MnistlabError, match="[가-힣]"):
        mx.shapes(sizes, m)


CASES = list(itertools.product(mx.PRODUCTS, [[5, 3, 3, 2], [4, 3, 2], [3, 3]], [1, 2, 3, 4, 5]))


@pytest.mark.parametrize("code,sizes,m", CASES)
def test_product_agrees_with_numpy(code, sizes, m):
    """The rule-based answer equals what numpy does with real arrays of those shapes."""
    for layer in range(1, len(sizes)):
        p = mx.product(code, sizes, m, layer)
        op = mx.PRODUCTS[code][0]
        rng = np.random.default_rng(0)
        x, y = rng.normal(size=p.left), rng.normal(size=p.right)
        fn = {"matmul": np.matmul, "multiply": np.multiply, "add": np.add}[op]
        try:
            expected, message = fn(x, y).shape, None
        except ValueError as e:
            expected, message = None, str(e)
        assert p.shape == expected, (code, sizes, m, layer)
        assert p.error == message
        assert any("가" <= ch <= "힣" for ch in p.explanation)


def test_the_codes_product_computes_the_networks_z(net, X):
    a, z = net.forward(X, return_z=True)
    p = mx.product("A[l-1] @ W[l].T", net.sizes, len(X), 1)
    assert p.ok and p.shape == z[1].shape
    np.testing.assert_allclose(a[0] @ net.W[1].T + net.b[1], z[1])
    lesson = mx.product("W[l] @ A[l-1].T", net.sizes, len(X), 1)
    assert lesson.shape == z[1].T.shape
    np.testing.assert_allclose(net.W[1] @ a[0].T + net.b[1][:, None], z[1].T)


def test_a_wrong_product_is_explained_with_its_shapes():
    p = mx.product("A[l-1] @ W[l]", [784, 16, 16, 10], 32, 1)
    assert not p.ok and "mismatch" in p.error
    assert "784" in p.explanation and "16" in p.explanation and "열 수" in p.explanation
    quiet = mx.product("A[l-1] @ W[l]", [784, 16, 16, 10], 32, 2)       # square W: no error
    assert quiet.ok and "틀렸습니다" in quiet.explanation
    column_bias = mx.product("Z[l] + b[l].reshape(-1, 1)", [784, 16, 16, 10], 1, 1)
    assert column_bias.shape == (16, 16) and "틀렸습니다" in column_bias.explanation


def test_product_rejects_unknown_codes_in_korean():
    with pytest.raises(MnistlabError, match="[가-힣]"):
        mx.product("A + W", [784, 16, 10], 3)


# ------------------------------------------------------------ figures: the numbers they draw

def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts] + [t.get_text() for t in fig.texts]


def test_weight_matrix_draws_the_real_weights_and_the_chosen_cell(net):
    fig = dm.weight_matrix(net, 3, 7, 3)
    ax = fig.axes[0]
    np.testing.assert_array_equal(ax.images[0].get_array(), net.W[3])
    assert f"{net.W[3][6, 2]:.3f}" in ax.get_title() and "(10, 16)" in ax.get_title()
    cell = [p for p in ax.patches if p.get_width() == 1 and p.get_height() == 1]
    assert [(p.get_x(), p.get_y()) for p in cell] == [(2.5, 6.5)]      # column 3, row 7
    lo, hi = ax.images[0].get_clim()
    assert lo == -hi == -np.abs(net.W[3]).max()


@pytest.mark.parametrize("bad", [(4, 1, 1), (1, 17, 1), (1, 1, 785), (2, 1, 0)])
def test_weight_matrix_rejects_addresses_outside_the_network(net, bad):
    with pytest.raises(MnistlabError, match="[가-힣]"):
        dm.weight_matrix(net, *bad)


def test_batch_product_labels_the_real_shapes():
    texts = " ".join(_texts(dm.batch_product(32, 1)))
    for label in ["W^[1] (16, 784)", "A^[0] (784, 32)", "Z^[1] (16, 32)",
                  "A^[0] (32, 784)", "W^[1].T (784, 16)", "Z^[1] (32, 16)"]:
        assert label in texts
    assert "(10,000, 16)" in " ".join(_texts(dm.batch_product(10_000, 2)))


def test_bias_broadcast_draws_the_networks_z(net, X):
    fig = dm.bias_broadcast(net, X[:4], layer=3)
    a, z = net.forward(X[:4], return_z=True)
    numbers = [float(t) for t in _texts(fig) if t.lstrip("-").replace(".", "").isdigit()]
    aw = (a[2] @ net.W[3].T).round(1).ravel()
    b = np.tile(net.b[3], (4, 1)).round(1).ravel()
    expected = np.concatenate([aw, b, z[3].round(1).ravel()])
    np.testing.assert_allclose(numbers, expected, atol=0.051)
    AW, bias, Z = dm.broadcast_numbers(net, X[:4], 3)
    np.testing.assert_allclose(AW + bias, Z, atol=1e-12)


def test_bias_broadcast_needs_several_images(net, X):
    with pytest.raises(MnistlabError, match="여러 장"):
        dm.bias_broadcast(net, X[0])


def test_forward_code_writes_the_source_lines_beside_their_formulas():
    fig = dm.forward_code()
    texts = _texts(fig)
    for line in mx.forward_loop_lines():
        assert line.strip() in [t.strip() for t in texts]
    assert dm.FORMULA["@"] in texts and dm.FORMULA["a.append("] in texts
    assert dm.formula_for("    z.append(a[l - 1] @ W[l].T + b[l])") == dm.FORMULA["@"]
    assert dm.formula_for("    a.append(sigma(z[l]))") == dm.FORMULA["a.append("]
    assert dm.formula_for("    return a, z") == ""


ODD = [None, "abc", -1, 0, 2.5, True, [], [[1, 2], [3]], {"a": 1}, float("nan"), np.array([])]


@pytest.mark.parametrize("odd", ODD, ids=repr)
def test_odd_arguments_are_korean_errors_never_crashes(net, odd):
    calls = [
        lambda: mx.shapes(odd, 3), lambda: mx.shapes([784, 10], odd),
        lambda: mx.product(odd, [784, 10], 3), lambda: mx.product("Z[l] + b[l]", odd, 3),
        lambda: mx.product("Z[l] + b[l]", [784, 10], odd),
        lambda: mx.product("Z[l] + b[l]", [784, 10], 3, odd),
        lambda: mx.three_ways(net, np.zeros(784), odd),
        lambda: mx.n_parameters(odd), lambda: dm.weight_matrix(net, odd, 1, 1),
        lambda: dm.weight_matrix(net, 1, odd, 1), lambda: dm.batch_product(odd),
    ]
    if not isinstance(odd, list) or odd == []:   # a ragged list: Network.forward's own check (not 08's)
        calls.append(lambda: mx.three_ways(net, odd))
    for call in calls:
        try:
            call()
        except MnistlabError as e:
            assert any("가" <= ch <= "힣" for ch in str(e))
