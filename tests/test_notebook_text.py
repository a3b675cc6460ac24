"""한국어 표기와 노트북 규칙: what a learner reads in every notebook stays correct Korean.

Scans the Markdown and the text outputs of every notebook for the mistakes a teacher
found (a particle split from a bold word, number or formula; "이(가)"; "아니오"; two
``~`` in one paragraph, which JupyterLab renders as strikethrough), and checks the
series' conventions: nbval tags instead of ``# NBVAL_CHECK_OUTPUT`` comments, slide
metadata on every cell, and exercise headings ``### 연습 N. …`` under ``## 연습문제``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

# Particles (조사) and the copula that must follow their word without a space. Each must
# stand alone as a token to count, so nouns that merely start like one ("0.5 이상",
# "5 이하", "θ 값") never match. Left out on purpose: 일 (a day), 개/장 (counters).
PARTICLES = (
    "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "에는", "에도", "에서는",
    "로", "으로", "로는", "으로는", "로서", "으로서", "와", "과", "도", "만", "보다", "처럼",
    "까지", "부터", "마다", "만큼", "이나", "나", "이란", "란", "라고", "이라고", "라는",
    "이라는", "입니다", "이다", "이고", "이며", "이면", "인", "인가", "인가요", "일까요", "이죠",
    "이에요", "예요", "이지만", "이므로", "이니", "이니까", "이라서", "라서", "이라", "라",
)
_PARTICLE = "|".join(sorted(map(re.escape, PARTICLES), key=len, reverse=True))
_END = r"(?=[\s.,!?:;)\]\"'”’…]|$)"             # the particle ends where the token ends
SPLIT_AFTER = {
    "굵은 글씨": re.compile(r"\*\*[^*\n]+?\*\*[ \t]+(" + _PARTICLE + ")" + _END),
    "수식": re.compile(r"(?<!\$)\$[^$\n]+?\$[ \t]+(" + _PARTICLE + ")" + _END),
    "숫자": re.compile(r"(?<![\w.^_\[\]{}])\d(?:[\d,.]*\d)?%?[ \t]+(" + _PARTICLE + ")" + _END),
}
# "5이(가)", "θ을(를)": a label that should compute its particle (mnistlab.korean.particle)
BOTH_FORMS = re.compile(r"이\(가\)|가\(이\)|을\(를\)|를\(을\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)"
                        r"|\(으\)로|\(이\)라")
# "**인공지능(AI)**은": a closing ** after punctuation and before a letter is not a closing
# mark in CommonMark, so the bold shows as literal asterisks.
BROKEN_BOLD = re.compile(r"\*\*[^*\s][^*\n]*?[^\w\s*]\*\*(?=[가-힣A-Za-z0-9])")
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "skip", "notes"}
EXERCISE_HEADING = re.compile(r"^### 연습 (\d+)\. \S")


def _nb(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _src(cell) -> str:
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def _prose(markdown: str) -> str:
    """Markdown without code (fenced blocks, `spans`) and HTML comments: the words a learner reads."""
    text = re.sub(r"^```.*?^```", "", markdown, flags=re.MULTILINE | re.DOTALL)
    text = re.sub(r"`[^`\n]*`", "`…`", text)
    return re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)


def _text_outputs(cell) -> list[str]:
    texts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            texts.append("".join(out.get("text", "")))
        data = out.get("data", {})
        if "text/plain" in data:
            texts.append("".join(data["text/plain"]))
    return texts


def typography_problems(text: str, markdown: bool = True) -> list[str]:
    """The banned patterns found in ``text`` (Markdown prose, or a plain text output)."""
    found = []
    if markdown:
        text = _prose(text)
    checks = SPLIT_AFTER.items() if markdown else [("숫자", SPLIT_AFTER["숫자"])]
    for what, pattern in checks:
        for m in pattern.finditer(text):
            found.append(f"{what} 뒤에 띄어 쓴 조사 '{m.group(1)}': …{m.group(0)}…")
    for m in BOTH_FORMS.finditer(text):
        found.append(f"'{m.group(0)}': 받침에 맞는 조사 하나를 쓰세요 (mnistlab.korean.particle)")
    if "아니오" in text:
        found.append("'아니오' 대신 '아니요'")
    if markdown:
        for m in BROKEN_BOLD.finditer(text):
            found.append(f"문장부호로 끝나는 굵은 글씨 바로 뒤에 글자가 와서 굵게 보이지 않습니다: {m.group(0)}")
        for paragraph in re.split(r"\n\s*\n", re.sub(r"\$\$.*?\$\$|\$[^$\n]*\$", "", text,
                                                         flags=re.DOTALL)):
            if len(re.findall(r"(?<!\\)~", paragraph)) >= 2:
                found.append("한 문단에 ~ 가 두 개 이상이면 취소선이 됩니다 (범위는 0–255 처럼 –)"
                             f": {paragraph.strip()[:60]}…")
    return found


# ------------------------------------------------------------------ the checker itself

@pytest.mark.parametrize("text", [
    "**회색척도** 라고 합니다.", "**로지스틱 회귀** 입니다.", "0.5 보다 크면", "$L$ 은 층의 수",
    "28×28 로 되돌리면", "5이(가) 아닌 이미지", "'예' 또는 '아니오'", "0~255 → 0~1",
    "**인공지능(AI)**은", "값이 255 인 픽셀", "**785개의 입력** 을",
])
def test_the_scan_finds_each_banned_pattern(text):
    assert typography_problems(text)


@pytest.mark.parametrize("text", [
    "**회색척도**라고 합니다.", "0.5 이상이면 '예'", "0.5보다 크면", "$L$은 층의 수",
    "값 0–255", "5가 아닌 이미지", "'아니요'", "5 이하", "12행, 12열", "x0 와 θ0",
    "784 개의 값", "`0~255`와 `0~1`", "$a \\sim b$와 $c \\sim d$", "**인공지능**(AI)은",
    "θ 값 0.5이고", "(784, 10) 모양", "60,000장", "3 × 4 = 12", "$x$ 이상",
    "- **θ0**: 곡선을 옮깁니다", "4. 이 컴퓨터에서 점검합니다", "1. 이 노트북", "**1.** 첫째", "0.5 이하이면", "**예** / **아니요**",
])
def test_the_scan_passes_correct_korean(text):
    assert typography_problems(text) == []


def test_text_outputs_are_checked_for_numbers_but_not_markdown_marks():
    assert typography_problems("정답 3 → 5 로 예측", markdown=False)
    assert typography_problems("a**b** 는", markdown=False) == []


# ------------------------------------------------------------------ every notebook

def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 7


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_markdown_and_text_outputs_are_correct_korean(path):
    problems = []
    for i, cell in enumerate(_nb(path)["cells"]):
        if cell["cell_type"] == "markdown":
            problems += [f"셀 {i}: {p}" for p in typography_problems(_src(cell))]
            problems += [f"셀 {i}: 기호 뒤에 띄어 쓴 조사 '{m.group(1)}': …{m.group(0)}…"
                         for m in SYMBOL_SPLIT.finditer(_prose(_src(cell)))]
        for text in _text_outputs(cell):
            problems += [f"셀 {i} 출력: {p}" for p in typography_problems(text, markdown=False)]
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_output_checks_are_cell_tags_not_comments(path):
    marked = [i for i, c in enumerate(_nb(path)["cells"])
              if c["cell_type"] == "code" and "NBVAL_CHECK_OUTPUT" in _src(c)]
    assert not marked, (f"{path.name}: 셀 {marked} 에 '# NBVAL_CHECK_OUTPUT' 주석이 있습니다. "
                        "대신 셀 태그 nbval-check-output 을 다세요.")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cell_has_a_slide_type(path):
    missing = [i for i, c in enumerate(_nb(path)["cells"])
               if c.get("metadata", {}).get("slideshow", {}).get("slide_type") not in SLIDE_TYPES]
    assert not missing, f"{path.name}: 셀 {missing} 에 slideshow.slide_type 이 없습니다"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_exercises_have_numbered_headings_under_one_section(path):
    cells = _nb(path)["cells"]
    numbers, section_seen, last_markdown = [], False, ""
    for i, cell in enumerate(cells):
        src = _src(cell)
        if cell["cell_type"] == "markdown":
            section_seen |= bool(re.search(r"^## (\d+\. )?연습문제\s*$", src, re.MULTILINE))
            last_markdown = src
            continue
        if not re.search(r"\bml\.check\(", src):
            continue
        m = EXERCISE_HEADING.match(last_markdown)
        assert section_seen, f"{path.name}: 셀 {i} 의 연습문제 앞에 '## 연습문제' 절이 없습니다"
        assert m, (f"{path.name}: 셀 {i} 바로 앞 설명이 '### 연습 N. 제목' 으로 시작하지 않습니다: "
                   f"{last_markdown[:40]!r}")
        numbers.append(int(m.group(1)))
        last_markdown = ""                     # one heading per exercise
    assert numbers, f"{path.name}: 연습문제가 없습니다"
    assert numbers == list(range(1, len(numbers) + 1)), f"{path.name}: 연습 번호 {numbers}"


def test_package_labels_compute_their_particles():
    """Figures, widgets and exercises use korean.particle, never '이(가)', and say '아니요'."""
    problems = []
    for path in sorted(p for folder in ("draw", "widgets", "exercises")
                       for p in (ROOT / "mnistlab" / folder).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for m in BOTH_FORMS.finditer(text):
            problems.append(f"{path.relative_to(ROOT)}: {m.group(0)}")
        if "아니오" in text:
            problems.append(f"{path.relative_to(ROOT)}: 아니오")
    assert not problems, problems


# ------------------------------------------------------------------ figure labels and checker replies

# A symbol of the lesson (θ0, x0, z, b, L, a^[2]_4, W^[l]) with its particle split off: "θ0 를".
SYMBOL_SPLIT = re.compile(r"(?<![\w.^_\[\]{}$\\])(?:[A-Za-zθΘσαŷ][0-9₀-₉]*|[a-zA-Z]\^?\[[\dl]+\](?:_\d+)?)"
                          r"[ \t]+(" + _PARTICLE + ")" + _END)
# Calls whose string arguments a learner reads in a figure: matplotlib's text and labels, and Pen.text.
LABEL_CALLS = {"set_title", "set_xlabel", "set_ylabel", "set_zlabel", "suptitle", "text", "annotate",
               "set_text", "legend", "title", "xlabel", "ylabel", "figtext", "set_label", "table",
               "set_xticklabels", "set_yticklabels", "caption", "show_png", "bars_html"}
LABEL_KEYWORDS = {"label", "title", "text", "s", "alt", "description"}


def label_problems(text: str) -> list[str]:
    """Split particles in a short label or reply (after a number, a bold word or a symbol)."""
    found = typography_problems(text, markdown=True)
    found += [f"기호 뒤에 띄어 쓴 조사 '{m.group(1)}': …{m.group(0)}…" for m in SYMBOL_SPLIT.finditer(text)]
    return found


def _string_of(node) -> str | None:
    """The text of a string literal or f-string (each {…} read as the number 0)."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "0" for v in node.values)
    return None


def figure_labels() -> list[tuple[str, int, str]]:
    """(file, line, text) of every literal label passed to matplotlib or Pen in the package."""
    import ast

    found = []
    for path in sorted((ROOT / "mnistlab").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            args = list(node.args) if name in LABEL_CALLS else []
            args += [k.value for k in node.keywords if k.arg in LABEL_KEYWORDS]
            for arg in args:
                for sub in ast.walk(arg):
                    text = _string_of(sub)
                    if text and re.search("[가-힣]", text):
                        found.append((str(path.relative_to(ROOT)), sub.lineno, text))
    return found


def checker_texts() -> list[tuple[str, str]]:
    """(where, text) of every hint and praise, and every Korean string literal in mnistlab/check.py."""
    import ast
    import importlib

    check = importlib.import_module("mnistlab.check")
    check._load()
    texts = [(f"{name} hint", ex.hint) for name, ex in sorted(check._REGISTRY.items())]
    texts += [(f"{name} praise", ex.praise) for name, ex in sorted(check._REGISTRY.items())]
    for path in [ROOT / "mnistlab" / "check.py", *sorted((ROOT / "mnistlab" / "exercises").glob("*.py"))]:
        calls = [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.Call)]
        for call in calls:                      # the replies, not the spellings an answer may use
            for arg in [*call.args, *(k.value for k in call.keywords)]:
                for node in ast.walk(arg):
                    text = _string_of(node)
                    if text and re.search("[가-힣]", text):
                        texts.append((f"{path.name}:{node.lineno}", text))
    return texts


@pytest.mark.parametrize("text", ["θ0 를 바꾸면", "θ1 을", "θ 의 값", "x0 과 곱해지는", "z 가 0 이상",
                                  "b 를 더합니다", "L 을 셀 때", "a^[2]_4 는", "5 를"])
def test_the_label_scan_finds_split_particles_after_symbols(text):
    assert label_problems(text)


@pytest.mark.parametrize("text", ["θ0를 바꾸면", "x0과 곱해지는", "z가 0 이상", "z ≥ 0", "b = −1.5",
                                  "L = 3", "θ 값", "x 이상", "W·x + b", "ReLU는", "가중합 z"])
def test_the_label_scan_passes_joined_particles(text):
    assert label_problems(text) == []


def test_there_are_figure_labels_to_scan():
    labels = figure_labels()
    assert len(labels) > 50 and any("raster" in f or "widgets" in f for f, _, _ in labels)


def test_figure_labels_are_correct_korean():
    problems = [f"{f}:{line}: {p}" for f, line, text in figure_labels() for p in label_problems(text)]
    assert not problems, "\n".join(problems)


def test_checker_hints_and_replies_are_correct_korean():
    problems = [f"{where}: {p}" for where, text in checker_texts() for p in label_problems(text)]
    assert not problems, "\n".join(problems)
