"""환경 점검: is everything the series needs here? (notebook 00)

Each check says in Korean what is wrong and what to do about it.
"""

from __future__ import annotations

import html
import sys
import warnings
from dataclasses import dataclass, field
from importlib import metadata


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


@dataclass
class EnvironmentReport:
    """The result of :func:`check_environment`; shows as a table in a notebook."""

    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def __str__(self) -> str:
        lines = []
        for c in self.checks:
            lines.append(f"[{'통과' if c.ok else '문제'}] {c.name}: {c.detail}")
            if not c.ok and c.fix:
                lines.append(f"    해결 방법: {c.fix}")
        lines.append("모든 점검을 통과했습니다." if self.ok else "위의 문제를 해결한 뒤 이 셀을 다시 실행하세요.")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        rows = []
        for c in self.checks:
            mark = "✅" if c.ok else "❌"
            fix = "" if c.ok else f"<br><small><b>해결 방법:</b> {html.escape(c.fix)}</small>"
            rows.append(f"<tr><td>{mark}</td><td><b>{html.escape(c.name)}</b></td>"
                        f"<td style='text-align:left'>{html.escape(c.detail)}{fix}</td></tr>")
        verdict = ("모든 점검을 통과했습니다. 시작해 봅시다!" if self.ok
                   else "❌ 표시된 문제를 해결한 뒤 이 셀을 다시 실행하세요.")
        return f"<table>{''.join(rows)}</table><p><b>{verdict}</b></p>"


def check_environment() -> EnvironmentReport:
    """Check Python, the MNIST files, the Korean font and ipywidgets."""
    return EnvironmentReport([_python(), _data(), _font(), _widgets()])


def _python() -> Check:
    v = sys.version_info
    ok = v >= (3, 11)
    return Check("파이썬", ok, f"Python {v.major}.{v.minor}.{v.micro}",
                 "Python 3.11 이상을 설치한 뒤 'make lab' 을 다시 실행하세요.")


def _data() -> Check:
    from mnistlab.data import MnistFileError, load_mnist

    try:
        n = {split: len(load_mnist(split)[0]) for split in ("train", "test")}
    except MnistFileError as e:
        first, *rest = str(e).splitlines()
        return Check("MNIST 데이터", False, first, " ".join(rest))
    except Exception as e:
        return Check("MNIST 데이터", False, f"데이터를 읽다가 예상하지 못한 오류: {e}",
                     "저장소 폴더에서 'git checkout -- resources/mnist' 를 실행하세요.")
    return Check("MNIST 데이터", True,
                 f"훈련 {n['train']:,}장, 시험 {n['test']:,}장 (체크섬 확인 완료)")


def _font() -> Check:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from mnistlab.korean import use_korean_font

    try:
        family = use_korean_font()
    except FileNotFoundError as e:
        first, *rest = str(e).splitlines()
        return Check("한글 글꼴", False, first, " ".join(rest))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = Figure()
        fig.suptitle("한글 글꼴 점검: 가나다 -1")
        FigureCanvasAgg(fig).draw()
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    if missing:
        return Check("한글 글꼴", False, missing[0],
                     "'pip install -e .' 로 패키지를 다시 설치해 글꼴 파일(mnistlab/fonts)을 복구하세요.")
    return Check("한글 글꼴", True, f"{family} (패키지에 포함된 나눔고딕)")


def _widgets() -> Check:
    try:
        import ipywidgets
    except ImportError:
        return Check("위젯(ipywidgets)", False, "ipywidgets 가 설치되어 있지 않습니다.",
                     "'make lab' 으로 환경을 다시 만들거나 'pip install ipywidgets' 를 실행하세요.")
    try:
        lab = metadata.version("jupyterlab_widgets")
    except metadata.PackageNotFoundError:
        return Check("위젯(ipywidgets)", False, f"ipywidgets {ipywidgets.__version__}, 브라우저 쪽 확장 없음",
                     "'pip install jupyterlab_widgets' 후 JupyterLab 을 다시 시작하세요.")
    ok = int(ipywidgets.__version__.split(".")[0]) >= 8
    return Check("위젯(ipywidgets)", ok, f"ipywidgets {ipywidgets.__version__}, jupyterlab_widgets {lab}",
                 "ipywidgets 8 이상이 필요합니다: 'make lab' 으로 환경을 다시 만드세요.")
