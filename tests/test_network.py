"""인공신경망: forward pass, backpropagation, files, training and the shipped network."""

from __future__ import annotations

import re

import numpy as np
import pytest

import mnistlab as ml
from mnistlab.errors import MnistlabError, MnistlabValueError
from mnistlab.network import Network, NetworkFileError
from mnistlab.network_files import FORMAT, PRETRAINED_FILE

HANGUL = re.compile("[가-힣]")


def test_notation_and_shapes():
    net = Network([784, 16, 16, 10])
    assert net.sizes == [784, 16, 16, 10]
    assert net.L == 3
    assert net.W[0] is None and net.b[0] is None
    for l in range(1, 4):
        assert net.W[l].shape == (net.n[l], net.n[l - 1])
        assert net.b[l].shape == (net.n[l],)
    assert net.n_params == 784 * 16 + 16 + 16 * 16 + 16 + 16 * 10 + 10


def _loop_forward(net, x):
    """The lesson's picture: every neuron is sigmoid(Σ weight × input + bias), one at a time."""
    a = [list(x)]
    for l in range(1, net.L + 1):
        layer = []
        for i in range(net.n[l]):
            z = net.b[l][i]
            for j in range(net.n[l - 1]):
                z += net.W[l][i, j] * a[-1][j]
            layer.append(1 / (1 + np.exp(-z)))
        a.append(layer)
    return a


def test_forward_matches_a_plain_per_neuron_loop():
    net = ml.pretrained_network()
    X, _ = ml.load_mnist("test")
    x = ml.flatten(ml.normalize(X[:3]))
    batch = net.forward(x)
    for k in range(3):
        single = net.forward(x[k])
        loop = _loop_forward(net, x[k])
        assert len(single) == net.L + 1
        for l in range(net.L + 1):
            assert single[l].shape == (net.n[l],)
            np.testing.assert_allclose(single[l], loop[l], rtol=1e-10, atol=1e-12)
            np.testing.assert_allclose(batch[l][k], loop[l], rtol=1e-10, atol=1e-12)


def test_forward_returns_weighted_sums_when_asked():
    net = Network([784, 16, 16, 10], seed=3)
    x = np.random.default_rng(0).random(784)
    a, z = net.forward(x, return_z=True)
    assert z[0] is None
    for l in range(1, 4):
        np.testing.assert_allclose(z[l], net.W[l] @ a[l - 1] + net.b[l])
        np.testing.assert_allclose(a[l], 1 / (1 + np.exp(-z[l])))


def test_forward_accepts_28x28_images():
    net = Network([784, 16, 16, 10])
    img = np.random.default_rng(1).random((28, 28))
    np.testing.assert_array_equal(net.forward(img)[-1], net.forward(img.reshape(784))[-1])
    assert isinstance(net.predict(img), int)
    assert net.predict(np.stack([img, img])).shape == (2,)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_backprop_matches_numerical_gradients(activation):
    net = Network([5, 4, 3, 3], activation=activation, seed=1)
    rng = np.random.default_rng(2)
    X = rng.random((6, 5))
    y = np.array([0, 1, 2, 0, 2, 1])
    dW, db = net.gradients(X, y)
    h = 1e-6
    for l in range(1, net.L + 1):
        for P, dP in ((net.W[l], dW[l]), (net.b[l], db[l])):
            numeric = np.zeros_like(P)
            for idx in np.ndindex(P.shape):
                old = P[idx]
                P[idx] = old + h
                up = net.loss(X, y)
                P[idx] = old - h
                down = net.loss(X, y)
                P[idx] = old
                numeric[idx] = (up - down) / (2 * h)
            np.testing.assert_allclose(dP, numeric, rtol=1e-5, atol=1e-8)


def test_training_from_a_seed_is_reproducible_and_learns():
    X, y = ml.load_mnist("train")
    X, y = ml.flatten(ml.normalize(X[:2000])), y[:2000]
    runs = []
    for _ in range(2):
        net = Network([784, 16, 16, 10], seed=7)
        history = net.fit(X, y, epochs=3, batch_size=32, lr=1.0, seed=7, progress=False)
        runs.append((net, history))
    (a, ha), (b, hb) = runs
    for l in range(1, 4):
        np.testing.assert_array_equal(a.W[l], b.W[l])
        np.testing.assert_array_equal(a.b[l], b.b[l])
    assert ha == hb
    assert ha[-1]["loss"] < ha[0]["loss"]
    assert ha[-1]["accuracy"] > 0.6
    other = Network([784, 16, 16, 10], seed=8)
    other.fit(X, y, epochs=1, progress=False, seed=8)
    assert not np.array_equal(other.W[1], a.W[1])


def test_save_load_round_trip(tmp_path):
    net = Network([784, 16, 16, 10], seed=5)
    path = net.save(tmp_path / "net.npz")
    back = Network.load(path)
    assert back.sizes == net.sizes and back.activation == "sigmoid"
    for l in range(1, 4):
        np.testing.assert_array_equal(back.W[l], net.W[l])
        np.testing.assert_array_equal(back.b[l], net.b[l])
    tanh = Network([3, 2, 2], activation="tanh")
    assert Network.load(tanh.save(tmp_path / "t")).activation == "tanh"
    assert (tmp_path / "t.npz").exists()


def test_mismatched_or_damaged_files_give_korean_errors(tmp_path):
    with pytest.raises(NetworkFileError, match="파일이 없습니다"):
        Network.load(tmp_path / "nothing.npz")
    (tmp_path / "junk.npz").write_bytes(b"not a zip at all")
    with pytest.raises(NetworkFileError, match="읽을 수 없습니다"):
        Network.load(tmp_path / "junk.npz")
    np.savez(tmp_path / "other.npz", theta=np.zeros(785))
    with pytest.raises(NetworkFileError, match="신경망 파일이 아닙니다"):
        Network.load(tmp_path / "other.npz")
    small = Network([784, 8, 10]).save(tmp_path / "small.npz")
    with pytest.raises(NetworkFileError, match="(?s)모양이 기대와 다릅니다.*784-8-10"):
        Network.load(small, sizes=[784, 16, 16, 10])
    with pytest.raises(NetworkFileError, match="활성함수가 기대와 다릅니다"):
        Network.load(small, activation="relu")
    # a file whose arrays do not fit its recorded sizes
    np.savez(tmp_path / "bad.npz", format=np.array(FORMAT), sizes=np.array([784, 16, 10]),
             activation=np.array("sigmoid"), W1=np.zeros((16, 784)), b1=np.zeros(16),
             W2=np.zeros((10, 8)), b2=np.zeros(10))
    with pytest.raises(NetworkFileError, match="(?s)W2 가 맞지 않습니다.*\\(10, 16\\)"):
        Network.load(tmp_path / "bad.npz")
    # object arrays would need pickle: refused, never unpickled
    np.savez(tmp_path / "pickled.npz", format=np.array(FORMAT),
             sizes=np.array([1, 1], dtype=object), activation=np.array("sigmoid"))
    with pytest.raises(NetworkFileError, match="읽을 수 없습니다"):
        Network.load(tmp_path / "pickled.npz")


def test_bad_inputs_give_korean_errors():
    net = Network([784, 16, 16, 10])
    with pytest.raises(ValueError, match="모양이 맞지 않습니다"):
        net.forward(np.zeros(783))
    x = np.zeros(784)
    x[5] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        net.predict(x)
    with pytest.raises(ValueError, match="정규화"):
        net.forward(np.full(784, 200, dtype=np.uint8))
    small = Network([3, 2])
    with pytest.raises(ValueError, match="n\\[0\\] = 3"):
        small.forward([1.0, 2.0])
    with pytest.raises(ValueError, match="sizes"):
        Network([784])
    with pytest.raises(ValueError, match="활성함수"):
        Network([3, 2], activation="softplus")
    with pytest.raises(ValueError, match="정답 y"):
        net.fit(np.zeros((4, 784)), np.array([0, 1, 2]), progress=False)
    with pytest.raises(ValueError, match="0\\.\\.9"):
        net.loss(np.zeros((2, 784)), np.array([3, 12]))
    with pytest.raises(ValueError, match="층 번호 l"):
        net.check_neuron(0, 1)
    with pytest.raises(ValueError, match="1 부터 16"):
        net.check_neuron(2, 17)


def test_shipped_network_reaches_95_percent():
    assert PRETRAINED_FILE.exists()
    net = ml.pretrained_network()
    assert net.sizes == [784, 16, 16, 10] and net.L == 3 and net.activation == "sigmoid"
    X, y = ml.load_mnist("test")
    acc = net.score(ml.normalize(X), y)
    assert acc >= 0.95
    # every call gives an independent copy: editing one leaves the next untouched
    net.W[1][:] = 0
    assert np.any(ml.pretrained_network().W[1])


def test_nan_weights_give_a_korean_error_not_a_silent_answer():
    net = ml.pretrained_network()
    x = ml.normalize(ml.load_mnist("test")[0][0])
    net.W[2][3, 5] = np.nan
    with pytest.raises(ValueError, match="W\\[2\\].*NaN"):
        net.predict(x)
    net.W[2][3, 5] = 0.0
    net.b[3][0] = np.inf
    with pytest.raises(ValueError, match="b\\[3\\]"):
        net.forward(x)


# ------------------------------------------------------------ the audit's edge cases

def test_save_to_a_folder_is_a_korean_error(tmp_path):
    net = Network([4, 3, 2])
    for path in ("/", tmp_path):
        with pytest.raises(NetworkFileError, match="폴더"):
            net.save(path)


@pytest.mark.parametrize("sizes", [5, "784", [784, 0], [True, 3]])
def test_load_with_a_bad_sizes_is_a_korean_error(tmp_path, sizes):
    path = Network([4, 3, 2]).save(tmp_path / "n.npz")
    with pytest.raises(MnistlabError, match="sizes"):
        Network.load(path, sizes=sizes)


def test_forward_after_a_wrong_shaped_weight_matrix_names_it():
    net = ml.pretrained_network()
    net.W[1] = np.zeros((16, 783))
    for call in (lambda: net.forward(np.zeros(784)), lambda: net.predict(np.zeros(784)),
                 lambda: net.step(np.zeros((2, 784)), [0, 1], lr=0.1)):
        with pytest.raises(MnistlabValueError, match=r"W\[1\].*\(16, 784\)"):
            call()


def test_from_parameters_checks_its_inputs():
    W1, b1 = np.ones((3, 4)), np.zeros(3)
    net = Network.from_parameters([None, W1, np.ones((2, 3))], [None, b1, np.zeros(2)])
    assert net.sizes == [4, 3, 2] and net.W[1] is not W1          # a copy
    bad = {
        "not lists": ((W1,), (b1,)),
        "chain broken": ([None, W1, np.ones((2, 4))], [None, b1, np.zeros(2)]),
        "bias shape": ([None, W1], [None, np.zeros(4)]),
        "NaN": ([None, np.full((3, 4), np.nan)], [None, b1]),
        "strings": ([None, np.array([["a"] * 4] * 3)], [None, b1]),
    }
    for name, (W, b) in bad.items():
        with pytest.raises(MnistlabError) as e:
            Network.from_parameters(W, b)
        assert HANGUL.search(str(e.value)), name
    with pytest.raises(MnistlabValueError, match="activation"):
        Network.from_parameters([None, W1], [None, b1], activation="softmax")


def test_the_shipped_file_is_pinned_by_its_sha256(tmp_path, monkeypatch):
    import mnistlab.network as network_module

    altered = tmp_path / PRETRAINED_FILE.name
    net = ml.pretrained_network()
    net.W[1][0, 0] += 0.5                      # a valid file with other weights
    net.save(altered)
    monkeypatch.setattr(network_module, "PRETRAINED_FILE", altered)
    with pytest.raises(NetworkFileError) as e:
        ml.pretrained_network()
    assert PRETRAINED_FILE.name in str(e.value)
    assert "git checkout -- resources/models" in str(e.value)
    assert ml.Network.load(altered).W[1][0, 0] == net.W[1][0, 0]     # any other file: no pin
