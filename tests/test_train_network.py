"""python -m mnistlab.train_network on a tiny run: it trains, reports in Korean and saves a
network that loads back (the shipped file is not touched)."""

from __future__ import annotations

import hashlib

import mnistlab as ml
from mnistlab import train_network
from mnistlab.network_files import PRETRAINED_FILE, PRETRAINED_SHA256


def test_a_tiny_epoch_trains_saves_and_reports(tmp_path, capsys):
    out = tmp_path / "tiny.npz"
    history = train_network.main(["--epochs", "1", "--images", "2000", "--lr", "1.0", "--out", str(out)])
    printed = capsys.readouterr().out
    assert [r["epoch"] for r in history] == [1]
    assert set(history[0]) == {"epoch", "lr", "loss", "accuracy"}   # the test set is not watched
    assert history[0]["accuracy"] > 0.25         # one epoch on 2,000 images: far above chance (0.1)
    assert "학습 시간" in printed and "새 SHA-256" not in printed
    net = ml.Network.load(out, sizes=[784, 16, 16, 10], activation="sigmoid")
    assert f"시험 정확도(학습이 끝난 뒤 한 번) {net.score(*_test_digits()):.2%}" in printed
    assert hashlib.sha256(PRETRAINED_FILE.read_bytes()).hexdigest() == PRETRAINED_SHA256


def _test_digits():
    images, labels = ml.load_mnist("test")
    return ml.flatten(ml.normalize(images)), labels
