"""가중치 행렬 탐험기 and 모양 실험실 (chapter 08): a control moved → the output follows; bad input
→ a Korean MnistlabError (or a Korean message in the widget for what a learner types)."""

from __future__ import annotations

import re

import numpy as np
import pytest

import mnistlab as ml
from mnistlab import widgets
from mnistlab.errors import MnistlabError
from mnistlab.widgets.matrices import parse_sizes


@pytest.fixture(scope="module")
def explorer():
    return widgets.weight_matrix_explorer()


def _shown_weight(html: str) -> float:
    m = re.search(r"<sub>\d+,\d+</sub> = (-?\d+\.\d+)</b>", html)
    assert m, html
    return float(m.group(1))


def test_starts_on_a_strong_first_layer_connection(explorer):
    net = ml.pretrained_network()
    l, j, k = explorer.selected
    assert (l, j) == (1, 1) and k == 1 + int(np.argmax(np.abs(net.W[1][0])))
    assert _shown_weight(explorer.info.value) == round(float(net.W[1][0, k - 1]), 4)


@pytest.mark.parametrize("l,j,k", [(1, 5, 300), (2, 3, 14), (3, 7, 3), (3, 10, 16)])
def test_the_info_shows_the_real_weight_and_its_code_index(explorer, l, j, k):
    net = ml.pretrained_network()
    explorer.select(l, j, k)
    assert explorer.weight() == float(net.W[l][j - 1, k - 1])
    assert _shown_weight(explorer.info.value) == round(float(net.W[l][j - 1, k - 1]), 4)
    assert f"net.W[{l}][{j - 1}, {k - 1}]" in explorer.info.value
    assert f"w^[{l}]_{j},{k} = {net.W[l][j - 1, k - 1]:.3f}" in explorer.alt
    assert explorer.heat.tooltip == explorer.alt        # the picture's text alternative


def test_moving_k_changes_the_weight_and_both_pictures(explorer):
    explorer.select(2, 3, 1, "one")
    before = explorer.diagram.value, explorer.heat.value, explorer.info.value
    explorer.k.value = 2
    after = explorer.diagram.value, explorer.heat.value, explorer.info.value
    assert all(x != y for x, y in zip(before, after))
    assert explorer.selected == (2, 3, 2)


def test_changing_the_layer_resizes_the_sliders(explorer):
    explorer.select(1, 16, 700)
    explorer.layer.value = 3
    assert (explorer.j.max, explorer.k.max) == (10, 16)
    assert explorer.selected == (3, 10, 16)                 # clamped into the new layer
    explorer.layer.value = 1
    assert (explorer.j.max, explorer.k.max) == (16, 784)


def test_row_and_column_highlights_draw_different_pictures(explorer):
    pictures = {}
    for mode in ("one", "row", "col"):
        explorer.select(2, 4, 9, mode)
        pictures[mode] = (explorer.diagram.value, explorer.heat.value)
        assert explorer.selected == (2, 4, 9)
    assert len({p[0] for p in pictures.values()}) == 3
    assert len({p[1] for p in pictures.values()}) == 3
    explorer.select(2, 4, 9, "row")
    assert "들어오는" in explorer.info.value and "16개" in explorer.info.value
    explorer.select(2, 4, 9, "col")
    assert "나가는" in explorer.info.value


def test_the_strongest_button_picks_the_largest_incoming_weight(explorer):
    net = ml.pretrained_network()
    explorer.select(3, 2, 1, "one")
    explorer.strongest.click()
    assert explorer.selected == (3, 2, 1 + int(np.argmax(np.abs(net.W[3][1]))))


def test_the_one_connection_info_is_this_weights_share_of_z(explorer):
    net = ml.pretrained_network()
    x = ml.normalize(ml.load_mnist("test")[0][0]).reshape(-1)
    a, z = net.forward(x, return_z=True)
    explorer.select(3, 7, 3, "one")
    share = net.W[3][6, 2] * a[2][2]
    assert f"= {share:.3f}" in explorer.info.value and f"{z[3][6]:.3f}" in explorer.info.value


@pytest.mark.parametrize("bad", [(0, 1, 1), (4, 1, 1), (1, 17, 1), (1, 1, 785), (3, 1, 17),
                                 ("1", 1, 1)])
def test_bad_addresses_are_korean_errors(explorer, bad):
    with pytest.raises(MnistlabError, match="[가-힣]"):
        explorer.select(*bad)


def test_bad_mode_is_a_korean_error(explorer):
    with pytest.raises(MnistlabError, match="[가-힣]"):
        explorer.select(1, 1, 1, "diagonal")


def test_snapshot_is_a_png_that_fits(explorer):
    import io

    from PIL import Image

    explorer.select(1, 5, 300, "row")
    png = explorer.snapshot()
    img = Image.open(io.BytesIO(png))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and img.width <= 848


# ==================================================================== shape lab

@pytest.fixture
def lab():
    return widgets.shape_lab()


def test_shape_lab_starts_with_the_shipped_network_and_the_codes_product(lab):
    assert lab.sizes == [784, 16, 16, 10] and lab.sizes_text.value == "784-16-16-10"
    assert "(32, 784)" in lab.table.value and "(32, 10)" in lab.table.value
    assert "13,002" in lab.table.value
    assert "✅" in lab.result.value and "(32, 16)" in lab.result.value


def test_choosing_m_changes_every_shape(lab):
    lab.m.value = 10_000
    assert "(10,000, 784)" in lab.table.value and "(784, 10,000)" in lab.table.value
    assert "(10,000, 16)" in lab.result.value


def test_typing_other_sizes_changes_the_table_and_the_layers(lab):
    lab.sizes_text.value = "784, 32, 10"
    assert lab.sizes == [784, 32, 10] and lab.layer.max == 2
    assert "(32, 784)" in lab.table.value and "25,450" in lab.table.value
    lab.layer.value = 2
    assert "(32, 10)" in lab.result.value


def test_a_wrong_product_shows_numpys_error_explained_in_korean(lab):
    lab.code.value = "A[l-1] @ W[l]"
    assert "❌" in lab.result.value and "ValueError" in lab.result.value
    assert "mismatch" in lab.result.value and "열 수" in lab.result.value
    lab.code.value = "A[l-1] * W[l]"
    assert "could not be broadcast" in lab.result.value


def test_a_product_that_fits_by_accident_is_flagged(lab):
    lab.layer.value = 2
    lab.code.value = "A[l-1] @ W[l]"                  # W^[2] is 16×16: no error, wrong weights
    assert "⚠️" in lab.result.value and "틀렸습니다" in lab.result.value
    lab.code.value = "Z[l] + b[l].reshape(-1, 1)"
    lab.m.value = 1
    assert "(16, 16)" in lab.result.value and "⚠️" in lab.result.value


def test_bad_sizes_typed_show_a_korean_message_and_keep_the_last_good_ones(lab):
    lab.sizes_text.value = "784-16-abc"
    assert "층 크기를 읽을 수 없습니다" in lab.result.value
    assert lab.sizes == [784, 16, 16, 10]
    lab.sizes_text.value = "784"
    assert "2개 이상" in lab.result.value


@pytest.mark.parametrize("text,sizes", [("784-16-16-10", [784, 16, 16, 10]), ("784, 32, 10", [784, 32, 10]),
                                        ("[5 3 2]", [5, 3, 2]), ("4×6", [4, 6])])
def test_parse_sizes_reads_usual_spellings(text, sizes):
    assert parse_sizes(text) == sizes


@pytest.mark.parametrize("bad", ["", "abc", "784-0", "784", "784-1.5-10"])
def test_parse_sizes_rejects_bad_text_in_korean(bad):
    with pytest.raises(MnistlabError, match="[가-힣]"):
        parse_sizes(bad)


def test_set_sizes_raises_a_korean_error(lab):
    with pytest.raises(MnistlabError, match="[가-힣]"):
        lab.set_sizes("seven")
    with pytest.raises(MnistlabError, match="[가-힣]"):
        widgets.ShapeLab(m=5)


def test_shape_lab_snapshot_is_a_png(lab):
    assert lab.snapshot()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_product_picture_follows_the_chosen_product_and_m(lab):
    first = lab.picture.value
    lab.code.value = "A[l-1] @ W[l]"
    wrong = lab.picture.value
    lab.m.value = 10_000
    assert len({first, wrong, lab.picture.value}) == 3
    assert lab.picture.value[:8] == b"\x89PNG\r\n\x1a\n"
