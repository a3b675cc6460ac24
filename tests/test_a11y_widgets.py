"""Widgets for screen readers (issue 22), on the Python side: every picture has a Korean text
alternative with its numbers, changing results are live regions, the snapshot keeps an alt,
and figures shown inline carry one in their metadata."""

import re

import ipywidgets as W
import matplotlib
import matplotlib.pyplot as plt
import pytest

from mnistlab import a11y, widgets

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _pictures(widget):
    todo, found = [widget], []
    while todo:
        w = todo.pop()
        if isinstance(w, W.Image):
            found.append(w)
        todo.extend(getattr(w, "children", ()) or ())
    return found


@pytest.fixture(scope="module")
def every_widget():
    return {name: getattr(widgets, name)() for name in
            ("digit_browser", "widget_check", "network_explorer", "neuron_playground",
             "notation_explorer", "hidden_neuron_explorer", "training_explorer", "draw_digit")}


def test_every_picture_has_a_korean_alt_that_renders(every_widget):
    for name, w in every_widget.items():
        for picture in _pictures(w):
            if not picture.value:
                continue
            assert HANGUL.search(picture.tooltip or ""), (name, picture.tooltip)
            # ipywidgets' ImageView needs a description to show a tooltip (else no view at all)
            assert "description" in picture.keys and picture.get_state()["description"] == ""


def test_alt_says_the_numbers_that_matter(every_widget):
    d = every_widget["draw_digit"]
    d.set_drawing(d.example_drawing())
    assert re.search(r"예측: \d, 출력 0\.\d\d", d.steps.tooltip)
    t = every_widget["training_explorer"]
    t.run_steps(5)
    assert re.search(r"검증 정확도 \d+\.\d%", t.curves.tooltip)
    assert re.search(r"\d\((맞음|틀림)\)", t.samples.tooltip)
    n = every_widget["neuron_playground"]
    assert "가중합 z =" in n.picture.tooltip and "출력 a =" in n.picture.tooltip


def test_changing_results_are_live_regions_and_roots_are_marked(every_widget):
    t = every_widget["training_explorer"]
    assert "mnistlab-explorer" in t._dom_classes
    # training: the state is said when it pauses or takes one step, not at every frame
    assert "mnistlab-live" not in t.info._dom_classes and "mnistlab-live" in t.said._dom_classes
    t.one_step.click()
    assert re.search(r"한 걸음 학습했습니다: 배치 [\d,]+개, 검증 정확도 \d+\.\d%", t.said.value)
    t.play.playing = True
    t.play.playing = False
    assert "학습을 멈췄습니다" in t.said.value
    d = every_widget["digit_browser"]
    assert "mnistlab-live" in d.header._dom_classes


def test_snapshot_keeps_an_alt_for_static_exports(every_widget):
    from IPython.core.formatters import DisplayFormatter

    data, metadata = DisplayFormatter().format(every_widget["hidden_neuron_explorer"])
    assert "image/png" in data
    alt = metadata["image/png"]["alt"]
    assert alt.startswith("은닉 뉴런 탐색기") and "색 범위 ±" in alt


def test_static_html_export_writes_the_alt(every_widget):
    import nbformat
    from nbconvert import HTMLExporter

    data, metadata = every_widget["digit_browser"]._repr_mimebundle_()
    out = nbformat.v4.new_output("display_data", data={"image/png": data["image/png"],
                                                       "text/plain": data["text/plain"]},
                                 metadata=metadata)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("w", outputs=[out])])
    html, _ = HTMLExporter(template_name="classic").from_notebook_node(nb)
    assert re.search(r'alt="숫자 브라우저 \(저장된 정지 화면\)[^"]*정답 \d', html)


def test_inline_figures_get_an_alt_from_their_titles():
    matplotlib.use("Agg")
    fig, ax = plt.subplots()
    fig.suptitle("가중치 지도")
    ax.set_title("뉴런 3: 출력 0.91")
    ax.set_xlabel("픽셀")
    assert a11y.figure_alt(fig) == "그림: 가중치 지도; 뉴런 3: 출력 0.91; 가로축: 픽셀"
    fig.mnistlab_alt = "그림: 뉴런 3의 가중치 지도"
    assert a11y.figure_alt(fig) == "그림: 뉴런 3의 가중치 지도"
    plt.close(fig)
    assert a11y.figure_alt(plt.figure()) == "그림 (제목 없음)"
    plt.close("all")


def test_lab_html_export_gets_the_alts_of_figures_and_snapshots(every_widget):
    import nbformat
    from nbconvert import HTMLExporter

    data, metadata = every_widget["digit_browser"]._repr_mimebundle_()
    out = nbformat.v4.new_output("display_data", data={"image/png": data["image/png"],
                                                       "text/plain": data["text/plain"]},
                                 metadata=metadata)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("w", outputs=[out])])
    page, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    assert 'alt="숫자 브라우저' not in page        # the lab template writes a placeholder alt
    fixed = a11y.add_image_alts(page, nb)
    assert 'alt="숫자 브라우저 (저장된 정지 화면)' in fixed
    assert "No description has been provided" not in fixed


def test_a_figure_alt_says_its_formulas_as_plain_text():
    matplotlib.use("Agg")
    fig, ax = plt.subplots()
    ax.set_title(r"$-\partial C/\partial W^{[1]}$: 1층 가중치의 바라는 변화")
    assert a11y.figure_alt(fig) == "그림: -∂C/∂W^[1]: 1층 가중치의 바라는 변화"
    plt.close(fig)
