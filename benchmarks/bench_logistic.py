"""Chapter 02: our per-digit logistic regression against scikit-learn, and widget update times.

Run: .venv/bin/python benchmarks/bench_logistic.py   (scikit-learn: pip install -e ".[bench]")
     [--widgets] [--sharp]: only the widget rows; 2× widget pictures (see timing.py)
Same data for all: 60,000 training and 10,000 test images, pixels divided by 255.
Each model is fitted once (scikit-learn's one-vs-rest takes most of a minute).
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from timing import row, sharp_from_argv, time_calls, time_updates, widgets_only

import mnistlab.widgets as mw
from mnistlab.data import load_mnist, normalize
from mnistlab.logistic import OneDigitLogistic, PerDigitLogistic


def fit_once(name, make, X, y, Xte, yte, score=None):
    t = time.perf_counter()
    model = make()
    model.fit(X, y)
    seconds = time.perf_counter() - t
    acc = score(model) if score else float(np.mean(model.predict(Xte) == yte))
    print(f"{name:<58s} {seconds:7.2f} s   {acc:7.2%}", flush=True)
    return model


def main() -> None:
    print(sharp_from_argv())
    Xtr, ytr = load_mnist("train")
    Xte, yte = load_mnist("test")
    Xtr, Xte = normalize(Xtr).reshape(-1, 784), normalize(Xte).reshape(-1, 784)
    if widgets_only():
        models = PerDigitLogistic()
        models.fit(Xtr, ytr)
        widget_updates(models)
        return
    print(f"CPU cores: {os.cpu_count()} · train {len(Xtr):,} · test {len(Xte):,}")
    print(f"{'model':<58s} {'fit':>9s}   {'test acc':>8s}")

    ours = fit_once("mnistlab PerDigitLogistic (ten one-vs-rest sigmoids)", PerDigitLogistic,
                    Xtr, ytr, Xte, yte)
    for seed in (1, 2):
        fit_once(f"  same, seed={seed}", lambda s=seed: PerDigitLogistic(seed=s),
                 Xtr, ytr, Xte, yte)
    fit_once("mnistlab OneDigitLogistic(5) ('is it a 5?', 0.5 threshold)",
             lambda: OneDigitLogistic(5), Xtr, ytr, Xte, yte,
             score=lambda m: m.score(Xte, yte))

    try:
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
    except ImportError:
        print("scikit-learn is not installed: pip install -e '.[bench]' to compare.")
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            fit_once("scikit-learn LogisticRegression(5 vs rest, lbfgs)",
                     LogisticRegression, Xtr, (ytr == 5).astype(int), Xte, (yte == 5).astype(int))
            fit_once("scikit-learn OneVsRestClassifier(LogisticRegression())",
                     lambda: OneVsRestClassifier(LogisticRegression()), Xtr, ytr, Xte, yte)
            fit_once("scikit-learn LogisticRegression() (softmax, for reference)",
                     LogisticRegression, Xtr, ytr, Xte, yte)

    print("\nPrediction of 10,000 test images")
    print(row("PerDigitLogistic.predict", time_calls(lambda: ours.predict(Xte), 20)))
    widget_updates(ours)


def widget_updates(ours: PerDigitLogistic) -> None:
    print("\nWidget updates (control change → new output bytes ready)")
    one = mw.sigmoid_explorer()
    th = np.linspace(-8, 8, 60)
    print(row("sigmoid_explorer: θ0 slider", time_updates(
        lambda v: setattr(one.theta0, "value", float(v)), th), one.plot))
    print(row("sigmoid_explorer: θ1 slider", time_updates(
        lambda v: setattr(one.theta1, "value", float(v)), th * 2), one.plot))
    cols = [c for _ in range(3) for c in range(4, 24)]
    print(row("sigmoid_explorer: pixel column (new pixel)", time_updates(
        lambda v: setattr(one.col, "value", int(v)), cols[:20]), one.plot, one.where))
    print(row("sigmoid_explorer: pixel column (seen before)", time_updates(
        lambda v: setattr(one.col, "value", int(v)), cols[20:]), one.plot, one.where))
    print(row("sigmoid_explorer: '경사 하강법 한 단계' button", time_updates(
        lambda _: one.step_button.click(), range(40)), one.plot))
    print(row("sigmoid_explorer: '학습' button (300 steps)", time_updates(
        lambda _: one.fit_button.click(), range(10)), one.plot))

    ten = mw.per_digit_explorer(ours)
    rng = np.random.default_rng(0)
    print(row("per_digit_explorer: image index slider", time_updates(
        lambda v: setattr(ten.index, "value", int(v)), rng.integers(0, 10000, 60)),
        ten.picture, ten.winner_map, ten.chosen_map))
    print(row("per_digit_explorer: chosen model", time_updates(
        lambda v: setattr(ten.chosen, "value", int(v)), [d % 10 for d in range(60)]),
        ten.chosen_map))
    print(row("per_digit_explorer: label dropdown", time_updates(
        lambda v: setattr(ten.label, "value", v), [str(d % 10) for d in range(30)]),
        ten.picture, ten.winner_map, ten.chosen_map))


if __name__ == "__main__":
    main()
