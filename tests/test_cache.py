"""The per-machine MNIST cache: fast, shared, and never serving a wrong array.

Each test points MNISTLAB_CACHE at its own folder and forgets the in-process
cache, so every load_mnist below behaves like the first one in a fresh kernel.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import mnistlab as ml
from mnistlab import cache as mnist_cache
from mnistlab import data

SHIPPED = Path(__file__).resolve().parents[1] / "resources" / "mnist"
IMAGES, LABELS = (data.FILES["test"][kind][0] for kind in ("images", "labels"))


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MNISTLAB_CACHE", str(folder))
    monkeypatch.setattr(data, "_cache", {})
    return folder


def fresh_load(split="test"):
    """load_mnist as a new kernel would call it (nothing remembered in this process)."""
    data._cache.clear()
    return ml.load_mnist(split)


def idx_sha256(array: np.ndarray, kind: str) -> str:
    """SHA-256 of the IDX file the array came from (header rebuilt from its shape)."""
    header = data.MAGIC[kind].to_bytes(4, "big") + np.array(array.shape, ">u4").tobytes()
    return hashlib.sha256(header + np.ascontiguousarray(array).tobytes()).hexdigest()


def assert_valid_cache(folder: Path) -> None:
    for kind in ("images", "labels"):
        name, sha, _ = data.FILES["test"][kind]
        array = np.load(folder / f"{name}.npy", allow_pickle=False)
        assert idx_sha256(array, kind) == sha
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def is_mapped(array: np.ndarray) -> bool:
    return isinstance(array.base, np.memmap)


def test_first_load_fills_the_cache_and_later_loads_map_it_read_only(cache):
    images, labels = fresh_load()
    assert_valid_cache(cache)
    again_images, again_labels = fresh_load()
    assert is_mapped(again_images) and is_mapped(again_labels)
    assert type(again_images) is np.ndarray                 # a plain array for the learner
    assert np.array_equal(again_images, images) and np.array_equal(again_labels, labels)
    assert again_labels[:5].tolist() == [7, 2, 1, 0, 4]
    with pytest.raises(ValueError):
        again_images[0, 0, 0] = 1


def _after_a_clock_tick():
    # File times come from a coarse kernel clock (a few ms): let it move on so that
    # the change below gets a new modification time, as any real later edit does.
    time.sleep(0.05)


@pytest.mark.parametrize("damage", ["truncate", "alter"])
def test_truncated_or_altered_cache_is_rebuilt_not_served(cache, damage):
    fresh_load()
    npy = cache / f"{IMAGES}.npy"
    _after_a_clock_tick()
    if damage == "truncate":
        with open(npy, "r+b") as f:
            f.truncate(npy.stat().st_size - 784)
    else:
        with open(npy, "r+b") as f:
            f.seek(-1000, os.SEEK_END)
            f.write(b"\xff")
    images, _ = fresh_load()
    assert idx_sha256(images, "images") == data.FILES["test"]["images"][1]
    assert_valid_cache(cache)


def test_changed_shipped_file_is_checked_again_not_served_from_cache(cache, tmp_path, monkeypatch):
    shipped = tmp_path / "mnist"
    shutil.copytree(SHIPPED, shipped)
    monkeypatch.setenv("MNISTLAB_DATA", str(shipped))
    fresh_load()
    _after_a_clock_tick()
    labels = shipped / f"{LABELS}.gz"
    raw = bytearray(data.gzip.decompress(labels.read_bytes()))
    raw[100] = (raw[100] + 1) % 10
    labels.write_bytes(data.gzip.compress(bytes(raw)))
    with pytest.raises(ml.MnistFileError, match="SHA-256"):
        fresh_load()
    shutil.copy(SHIPPED / f"{LABELS}.gz", labels)           # restored: loads again
    assert fresh_load()[1][:5].tolist() == [7, 2, 1, 0, 4]


def test_unwritable_cache_folder_falls_back_to_the_idx_files(tmp_path, monkeypatch):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("not a folder")
    monkeypatch.setenv("MNISTLAB_CACHE", str(not_a_folder / "cache"))
    monkeypatch.setattr(data, "_cache", {})
    images, labels = fresh_load()
    assert not is_mapped(images)
    assert idx_sha256(images, "images") == data.FILES["test"]["images"][1]
    assert labels[:5].tolist() == [7, 2, 1, 0, 4]


def test_read_only_cache_folder_is_still_used(cache):
    fresh_load()
    cache.chmod(0o555)
    try:
        images, _ = fresh_load()
        assert is_mapped(images)
    finally:
        cache.chmod(0o755)


def test_four_processes_filling_the_cache_at_once_leave_one_valid_cache(cache):
    script = ("import mnistlab.data as d; i, l = d.load_mnist('test'); "
              "print(int(i.sum(dtype='int64')), int(l.sum()))")
    env = {**os.environ, "MNISTLAB_CACHE": str(cache)}
    procs = [subprocess.Popen([sys.executable, "-c", script], env=env,
                              stdout=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0] * 4
    assert len(set(outputs)) == 1
    assert_valid_cache(cache)
    assert sorted(p.name for p in cache.iterdir() if not p.name.startswith(".")) == sorted(
        f"{name}.{ext}" for name in (IMAGES, LABELS) for ext in ("npy", "json"))
    assert is_mapped(fresh_load()[0])


def test_a_note_that_is_json_but_not_an_object_is_ignored(cache):
    fresh_load()
    (cache / f"{IMAGES}.json").write_text("[1, 2, 3]", encoding="utf-8")
    images, _ = fresh_load()                              # read again, not an AttributeError
    assert idx_sha256(images, "images") == data.FILES["test"]["images"][1]
    assert isinstance(json.loads((cache / f"{IMAGES}.json").read_text()), dict)


def test_a_cache_file_truncated_while_mapped_is_not_mapped_again(cache):
    """The size is checked before mapping, and an array mapped earlier in this process is not
    handed out again once its file changed (reading past a truncated map would crash)."""
    first, _ = fresh_load()
    assert is_mapped(first)
    npy = cache / f"{IMAGES}.npy"
    _after_a_clock_tick()
    with open(npy, "r+b") as f:
        f.truncate(npy.stat().st_size // 2)
    assert mnist_cache._whole(npy) is False
    again, _ = ml.load_mnist("test")                      # the same process, no clear()
    assert again is not first
    assert idx_sha256(again, "images") == data.FILES["test"]["images"][1]
