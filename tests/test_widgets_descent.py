"""공 굴리기 (chapter 10's ball widget): each control moves the ball the way the lesson says.

The ball's steps are checked against an independent computation: central differences of
the cross-entropy of the real network written out here, at the start (a grid point of the
shipped map). Written without clipping: ``Network.loss`` clips the outputs to [1e-7, 1 − 1e-7],
so far from the trained weights its slope differs from the backpropagated gradient that the
map holds (by 4 % at the start, where a few images of a 2 get outputs below 1e-7).
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from mnistlab import landscape, widgets
from mnistlab.errors import MnistlabError, MnistlabValueError
from mnistlab.network import pretrained_network
from mnistlab.widgets.descent import MARKED, START, BallExplorer


def unclipped_cost(v) -> float:
    """Mean cross-entropy of the shipped network with the slice's weights set to v (by hand)."""
    net = pretrained_network()
    W = [None] + [w.copy() for w in net.W[1:]]
    for (l, j, k), value in zip(landscape.LANDSCAPE_WEIGHTS, v):
        W[l][j - 1, k - 1] = value
    X, y = landscape.landscape_data()
    a = X
    for l in (1, 2):
        a = 1 / (1 + np.exp(-(a @ W[l].T + net.b[l])))
    z = a @ W[3].T + net.b[3]
    Y = np.eye(10)[y]
    return float(np.mean((Y * np.logaddexp(0, -z) + (1 - Y) * np.logaddexp(0, z)).sum(axis=1)))


def slope(v, h=1e-5) -> np.ndarray:
    return np.array([(unclipped_cost(v + e) - unclipped_cost(v - e)) / (2 * h)
                     for e in np.eye(2) * h])


@pytest.fixture
def ball():
    return widgets.ball_explorer()


def test_a_step_is_v_minus_eta_times_the_real_gradient(ball):
    ball.lr.value = 10.0
    before, picture = ball.v.copy(), ball.picture.value
    ball.step_button.click()
    expected = before - 10.0 * slope(before)
    assert np.allclose(ball.v, expected, rtol=1e-6)
    s = landscape.WeightSlice()
    assert ball.costs[1] == pytest.approx(s.cost(ball.v), rel=1e-3)   # the map, interpolated
    assert ball.picture.value != picture
    assert "1걸음" in ball.info.value


def test_the_start_is_where_the_lesson_says(ball):
    assert np.allclose(ball.v, ball.map.center + START)
    assert ball.costs[0] == pytest.approx(landscape.WeightSlice().cost(ball.v), rel=1e-12)


def test_the_three_marked_rates_crawl_converge_and_diverge():
    outcome = {}
    for name, rate in MARKED.items():
        b = BallExplorer()
        b.marked.value = rate
        assert b.lr.value == pytest.approx(rate)
        b.run(60)
        outcome[name] = b
    floor = float(outcome["다"].map.C.min())
    assert outcome["가"].left_map                               # overshoots out of the map
    assert np.nanmax(outcome["가"].costs[1:]) > outcome["가"].costs[1]   # and grows first
    assert outcome["다"].costs[-1] < floor + 0.002               # converges
    crawl = outcome["나"].costs
    assert all(b < a for a, b in itertools.pairwise(crawl))          # always down …
    assert crawl[-1] > floor + 0.1                               # … but still far away


def test_changing_the_rate_starts_the_ball_again(ball):
    ball.run(5)
    ball.lr.value = 60.0
    assert len(ball.path) == 1 and np.allclose(ball.v, ball.map.center + START)
    assert ball.marked.value is None
    ball.marked.value = MARKED["다"]
    ball.run(3)
    ball.lr.value = 40.0                                         # off the marked rates
    assert ball.marked.value is None and len(ball.path) == 1


def test_play_ticks_step_and_its_stop_does_not(ball):
    ball.play.value = 1
    ball.play.value = 2
    assert len(ball.path) == 3
    ball.play.value = 0                                          # the Play's stop rewinds
    assert len(ball.path) == 3
    ball.reset_button.click()
    assert len(ball.path) == 1 and ball.play.value == 0


def test_leaving_the_map_stops_and_says_so(ball):
    ball.lr.value = 300.0
    ball.play.playing = True
    ball.run(10)
    assert ball.left_map and not ball.play.playing
    assert len(ball.path) <= 11
    assert "지도 밖" in ball.info.value
    ball.run(5)                                                  # no more steps outside
    assert len(ball.path) <= 11


def test_the_plot_shows_every_cost_and_the_snapshot_is_a_png(ball):
    ball.lr.value = 20.0
    ball.run(12)
    assert len(ball.costs) == 13
    png = ball.snapshot()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert "12걸음" in ball.alt and "학습률 20" in ball.alt
    assert ball.picture.tooltip == ball.alt          # the picture's text alternative


def test_a_rate_of_ones_own_joins_the_slider():
    b = BallExplorer(lr=7.5)
    assert b.lr.value == 7.5 and 7.5 in [v for _, v in b.lr.options]


def test_bad_input_gets_korean_errors():
    with pytest.raises(MnistlabValueError, match="출발점"):
        BallExplorer(start=(50.0, 0.0))
    with pytest.raises(MnistlabError, match="학습률"):
        BallExplorer(lr=-1.0)
    b = BallExplorer()
    with pytest.raises(MnistlabError, match="걸음 수"):
        b.run(-2)
