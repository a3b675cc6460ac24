"""The MNIST loader, normalization and flattening, including every error a user can meet."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import numpy as np
import pytest

import mnistlab as ml
from mnistlab import data, validate
from mnistlab.errors import MnistlabValueError

TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
SHIPPED = Path(__file__).resolve().parents[1] / "resources" / "mnist"


@pytest.mark.parametrize("split, n, counts", [("train", 60000, TRAIN_COUNTS),
                                              ("test", 10000, TEST_COUNTS)])
def test_load_shapes_dtypes_and_label_counts(split, n, counts):
    images, labels = ml.load_mnist(split)
    assert images.shape == (n, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (n,) and labels.dtype == np.uint8
    assert np.bincount(labels, minlength=10).tolist() == counts
    assert images.min() == 0 and images.max() == 255


def test_first_training_digit_is_the_famous_five():
    images, labels = ml.load_mnist("train")
    assert labels[:5].tolist() == [5, 0, 4, 1, 9]
    assert int(images[0].sum()) == 27525


def test_repeat_load_is_cached_and_read_only():
    a = ml.load_mnist("test")
    b = ml.load_mnist("test")
    assert a[0] is b[0]
    with pytest.raises(ValueError):
        a[0][0, 0, 0] = 1


def test_unknown_split_names_the_valid_ones():
    with pytest.raises(ValueError, match="'train'.*'test'"):
        ml.load_mnist("validation")


@pytest.fixture
def copy_dir(tmp_path, monkeypatch):
    """A temporary copy of the shipped files, selected through MNISTLAB_DATA."""
    for f in SHIPPED.glob("*.gz"):
        shutil.copy(f, tmp_path / f.name)
        (tmp_path / f.name).chmod(0o644)
    monkeypatch.setenv("MNISTLAB_DATA", str(tmp_path))
    return tmp_path


def _rewrite(path: Path, change) -> None:
    raw = bytearray(gzip.decompress(path.read_bytes()))
    path.write_bytes(gzip.compress(bytes(change(raw))))


def test_env_var_selects_folder(copy_dir):
    images, _ = ml.load_mnist("test")
    assert images.shape == (10000, 28, 28)
    assert data.data_dir() == copy_dir


def test_missing_file_says_which_where_and_how_to_restore(copy_dir):
    (copy_dir / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(ml.MnistFileError) as e:
        ml.load_mnist("test")
    msg = str(e.value)
    assert "t10k-labels-idx1-ubyte.gz" in msg and "없습니다" in msg
    assert str(copy_dir) in msg
    assert "git checkout -- resources/mnist" in msg


def test_truncated_gzip_is_reported(copy_dir):
    p = copy_dir / "t10k-images-idx3-ubyte.gz"
    p.write_bytes(p.read_bytes()[:5000])
    with pytest.raises(ml.MnistFileError, match="t10k-images-idx3-ubyte.gz.*\n.*"):
        ml.load_mnist("test")


def test_truncated_contents_give_expected_and_found_size(copy_dir):
    p = copy_dir / "t10k-images-idx3-ubyte.gz"
    _rewrite(p, lambda raw: raw[:-784])
    with pytest.raises(ml.MnistFileError) as e:
        ml.load_mnist("test")
    assert "크기" in str(e.value) and "7,840,016" in str(e.value) and "7,839,232" in str(e.value)


def test_wrong_magic_is_reported(copy_dir):
    p = copy_dir / "t10k-labels-idx1-ubyte.gz"
    _rewrite(p, lambda raw: b"\x00\x00\x08\x03" + raw[4:])
    with pytest.raises(ml.MnistFileError) as e:
        ml.load_mnist("test")
    assert "매직" in str(e.value) and "0x00000801" in str(e.value) and "0x00000803" in str(e.value)


def test_one_changed_byte_fails_the_checksum(copy_dir):
    p = copy_dir / "t10k-images-idx3-ubyte.gz"

    def flip(raw):
        raw[5000] ^= 0xFF
        return raw
    _rewrite(p, flip)
    with pytest.raises(ml.MnistFileError) as e:
        ml.load_mnist("test")
    msg = str(e.value)
    assert "SHA-256" in msg and data.FILES["test"]["images"][1] in msg
    assert "t10k-images-idx3-ubyte.gz" in msg


def test_replaced_file_is_checked_again_not_served_from_cache(copy_dir):
    ml.load_mnist("test")
    p = copy_dir / "t10k-labels-idx1-ubyte.gz"

    def flip(raw):
        raw[100] = (raw[100] + 1) % 10
        return raw
    _rewrite(p, flip)
    with pytest.raises(ml.MnistFileError, match="SHA-256"):
        ml.load_mnist("test")


# ---------------------------------------------------------------- normalize

def test_normalize_maps_bytes_to_0_1():
    x = np.array([[0, 100, 255]], dtype=np.uint8)
    y = ml.normalize(x)
    assert y.dtype == np.float32
    assert y[0, 0] == 0 and y[0, 2] == 1
    assert round(float(y[0, 1]), 2) == 0.39


def test_normalize_real_images_keeps_shape():
    images, _ = ml.load_mnist("test")
    y = ml.normalize(images[:3])
    assert y.shape == (3, 28, 28) and y.min() >= 0 and y.max() <= 1


def test_normalize_accepts_float_bytes():
    assert ml.normalize(np.array([0.0, 51.0, 255.0]))[1] == pytest.approx(0.2)


@pytest.mark.parametrize("bad, match", [
    (np.array([0, 300]), "0..255"),
    (np.array([-1, 5]), "0..255"),
    (np.array([0.0, 0.5, 1.0]), "이미 0..1"),
    (np.array([np.nan, 3.0]), "NaN"),
    (np.array(["a", "b"]), "숫자"),
    (np.array([True, False]), "숫자"),
    (np.array([], dtype=np.uint8), "빈 배열"),
])
def test_normalize_rejects_bad_input(bad, match):
    with pytest.raises((ValueError, TypeError), match=match):
        ml.normalize(bad)


# ---------------------------------------------------------------- flatten

def test_flatten_is_row_by_row_and_unflatten_inverts():
    images, _ = ml.load_mnist("test")
    flat = ml.flatten(images[:5])
    assert flat.shape == (5, 784)
    assert np.array_equal(flat[0, 28:56], images[0, 1])       # row 1 follows row 0
    assert np.array_equal(ml.unflatten(flat), images[:5])
    one = ml.flatten(images[0])
    assert one.shape == (784,)
    assert np.array_equal(ml.unflatten(one), images[0])


@pytest.mark.parametrize("fn, shape", [
    (ml.flatten, (28, 27)), (ml.flatten, (784,)), (ml.flatten, (2, 2, 28, 28)),
    (ml.unflatten, (783,)), (ml.unflatten, (28, 28)), (ml.unflatten, (2, 2, 784)),
])
def test_flatten_and_unflatten_reject_wrong_shapes(fn, shape):
    with pytest.raises(ValueError, match="모양"):
        fn(np.zeros(shape))


# ---------------------------------------------------------------- as_inputs

def test_as_inputs_accepts_every_image_layout():
    x = np.full((28, 28), 0.5, np.float32)
    assert validate.as_inputs(x)[0].shape == (1, 784) and validate.as_inputs(x)[1] is True
    assert validate.as_inputs(x.reshape(784))[1] is True
    batch, single = validate.as_inputs(np.stack([x, x]))
    assert batch.shape == (2, 784) and single is False


@pytest.mark.parametrize("bad, match", [
    (np.zeros(783), "모양"),
    (np.zeros((3, 10)), "모양"),
    (np.full(784, np.nan), "NaN"),
    (np.full(784, 2.0), "0..1"),
    (np.zeros(784, dtype=np.uint8), "normalize"),
    (np.zeros((0, 784)), "한 장도"),
])
def test_as_inputs_rejects_bad_input(bad, match):
    with pytest.raises(ValueError, match=match):
        validate.as_inputs(bad)


def test_data_folder_that_is_a_file_gives_a_korean_error(tmp_path, monkeypatch):
    not_a_folder = tmp_path / "mnist.txt"
    not_a_folder.write_text("x")
    monkeypatch.setenv("MNISTLAB_DATA", str(not_a_folder))
    with pytest.raises(ml.MnistFileError, match="MNISTLAB_DATA"):
        ml.load_mnist("test")
    report = ml.check_environment()
    assert not report.ok and "[문제] MNIST 데이터" in str(report)


# ---------------------------------------------------------------- the audit's edge cases

def test_a_numpy_string_split_is_a_korean_error():
    with pytest.raises(MnistlabValueError, match="split"):
        ml.load_mnist(np.array("train"))


def test_a_gzip_with_a_bad_crc_is_reported(copy_dir):
    path = copy_dir / (data.FILES["test"]["labels"][0] + ".gz")
    raw = bytearray(path.read_bytes())
    raw[-8] ^= 0xFF                                   # the CRC-32 in the gzip trailer
    path.write_bytes(bytes(raw))
    data._cache.clear()
    with pytest.raises(data.MnistFileError, match="손상"):
        data._read_idx(path, "labels", *data.FILES["test"]["labels"][1:])


def test_a_gzip_bomb_stops_at_the_expected_size(copy_dir):
    """A small file that would unpack to far more than the real one is cut off at the
    expected size + 1 byte and reported as the wrong size (not unpacked whole)."""
    path = copy_dir / (data.FILES["test"]["labels"][0] + ".gz")
    header = data.MAGIC["labels"].to_bytes(4, "big") + (10_000).to_bytes(4, "big")
    path.write_bytes(gzip.compress(header + bytes(200_000_000)))    # 200 MB of zeros, ~200 KB
    assert path.stat().st_size < 1_000_000
    with pytest.raises(data.MnistFileError, match="크기 불일치") as e:
        data._read_idx(path, "labels", *data.FILES["test"]["labels"][1:])
    assert "10,009 바이트" in str(e.value)           # what was unpacked: expected + 1
