"""한글 그림: the bundled NanumGothic font and the project's colour maps.

Importing :mod:`mnistlab` calls :func:`use_korean_font`, so every matplotlib
figure renders Hangul on any platform without a system font.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.colors import LinearSegmentedColormap, ListedColormap

from mnistlab.errors import MnistlabFileError

FONT_DIR = Path(__file__).with_name("fonts")
FONT_FILES = (FONT_DIR / "NanumGothic.ttf", FONT_DIR / "NanumGothicBold.ttf")
FONT_NAME = "NanumGothic"

# 세타(가중치) 지도: a diverging map with a dark zero, the one home of the weight colours
# (figures use THETA_CMAP, the widgets' colour table in mnistlab.widgets.base reads it).
# "safe" (default): Crameri's berlin (Matplotlib >= 3.10) reversed, red − · black 0 · blue +,
# whose ends stay apart for protan-, deutan- and tritanopia (tests/test_colors.py computes
# the ΔE table). "lesson": the source lesson's red − · black 0 · green + (figures 1_11–1_13),
# which red–green colour-blind learners see as one olive colour; ml.set_display(colors=...).
LESSON_COLORS = ("#ff3030", "#000000", "#30e030")


@dataclass(frozen=True)
class ColorScheme:
    """The colours of a sign: the weight map and the words and line colours that go with it."""

    negative: str        # the colour word of − in labels (빨강)
    positive: str        # the colour word of + (파랑 / 초록)
    negative_line: str   # lines and text of − on white (≥ 4.5:1 against white)
    positive_line: str   # lines and text of + on white


COLOR_SCHEMES = {
    "safe": ColorScheme("빨강", "파랑", "#964a36", "#296988"),
    "lesson": ColorScheme("빨강", "초록", "#c62828", "#2e7d32"),
}


def _scheme_colors(name: str, n: int = 256):
    """The RGBA table (n × 4) of a colour scheme's weight map."""
    import numpy as np

    if name == "lesson":
        src = LinearSegmentedColormap.from_list("lesson", LESSON_COLORS)
    else:
        src = matplotlib.colormaps["berlin"].reversed()
    return src(np.linspace(0.0, 1.0, n))


class ThetaColormap(ListedColormap):
    """THETA_CMAP: one object that every figure uses, recoloured by :func:`use_colors`."""

    def recolor(self, scheme: str) -> None:
        self.colors = _scheme_colors(scheme, self.N)
        self._isinit = False


THETA_CMAP = ThetaColormap(_scheme_colors("safe"), name="theta")
_colors = "safe"


def use_colors(scheme: str) -> None:
    """Switch the weight colours of every figure and widget made after this call."""
    global _colors
    if scheme not in COLOR_SCHEMES:
        from mnistlab.errors import MnistlabValueError

        raise MnistlabValueError(
            f"색 설정 {scheme!r} 은 없습니다. 다음 중 하나를 쓰세요: "
            + ", ".join(repr(s) for s in COLOR_SCHEMES)
            + ' ("safe": 색각 이상이 있어도 구별되는 기본 색, "lesson": 원래 강의의 빨강·초록)')
    THETA_CMAP.recolor(scheme)
    _colors = scheme


def current_colors() -> str:
    """The colour scheme in use: "safe" (default) or "lesson"."""
    return _colors


def scheme() -> ColorScheme:
    """The words and line colours of the colour scheme in use."""
    return COLOR_SCHEMES[_colors]


def sign_color(value: float) -> str:
    """The line/text colour for a signed value on white (never the only cue: say the sign too)."""
    s = scheme()
    return s.positive_line if value >= 0 else s.negative_line


def sign_legend(short: bool = False) -> str:
    """The legend of the weight colours in words with + and −: "빨강 −, 검정 0, 파랑 +"."""
    s = scheme()
    if short:
        return f"{s.negative} −, 검정 0, {s.positive} +"
    return f"{s.negative} = 음수(−), 검정 ≈ 0, {s.positive} = 양수(+)"


def use_korean_font() -> str:
    """Register NanumGothic with matplotlib and make it the default font.

    Returns the font family name. Safe to call many times: call it again after
    ``plt.style.use(...)`` or ``rcdefaults()`` to bring Hangul back.
    """
    _register_fonts()
    # DejaVu Sans (shipped with matplotlib) only fills in the few symbols NanumGothic
    # lacks, such as − (U+2212) and subscript digits; Hangul always comes from NanumGothic.
    matplotlib.rcParams["font.family"] = [FONT_NAME, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False  # NanumGothic has no U+2212
    return FONT_NAME


@functools.cache
def _register_fonts() -> None:
    """Add the bundled font files to matplotlib's font list (once per process)."""
    for path in FONT_FILES:
        if not path.exists():
            raise MnistlabFileError(
                f"한글 글꼴 파일이 없습니다: {path}\n"
                "패키지가 온전히 설치되지 않았습니다. 저장소에서 "
                "'git checkout -- mnistlab/fonts' 후 'pip install -e .' 를 다시 실행하세요."
            )
        font_manager.fontManager.addfont(str(path))
    _mark_bold_as_700()


def _mark_bold_as_700() -> None:
    """NanumGothicBold declares weight 600; register it as bold (700) so that
    fontweight="bold" finds it exactly, without a 'Failed to find font weight' log."""
    import dataclasses

    fm = font_manager.fontManager
    bold = str(FONT_FILES[1])
    fm.ttflist = [dataclasses.replace(f, weight=700) if f.fname == bold else f for f in fm.ttflist]
    fm._findfont_cached.cache_clear()


def font_path(bold: bool = False) -> Path:
    """Path of the bundled NanumGothic (for PIL-drawn widget images)."""
    return FONT_FILES[1] if bold else FONT_FILES[0]


@functools.lru_cache(maxsize=16)
def pil_font(size: int = 14, bold: bool = False):
    """The bundled NanumGothic for PIL-drawn text (widgets and PIL-drawn figures)."""
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path(bold)), size)


def symmetric_limit(values) -> float:
    """The colour limit that centres a diverging map on 0 (never 0 itself)."""
    import numpy as np

    m = float(np.max(np.abs(values))) if np.size(values) else 0.0
    return m if m > 0 else 1.0


# Whether a digit's Korean reading ends in a final consonant (받침), and whether it is ㄹ:
# 영 일 이 삼 사 오 육 칠 팔 구.
_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ",
                "7": "ㄹ", "8": "ㄹ", "9": ""}
_FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ",
           "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]


def _final_consonant(word: str) -> str:
    """The final consonant (받침) of the last sound of ``word``, '' if none."""
    last = str(word).rstrip()[-1:] or " "
    if "가" <= last <= "힣":
        return _FINALS[(ord(last) - ord("가")) % 28]
    if last in _DIGIT_FINAL:
        return _DIGIT_FINAL[last]
    return "ㄹ" if last.lower() in "lr" else ("ㄴ" if last.lower() in "mn" else "")


def particle(word, pair: str) -> str:
    """``word`` followed by the right form of a Korean particle (조사).

    ``pair`` names both forms as in a dictionary: "이/가", "을/를", "은/는", "과/와",
    "으로/로". ``particle(5, "이/가")`` → "5가", ``particle(3, "이/가")`` → "3이",
    ``particle("1", "으로/로")`` → "1로". Use it instead of "이(가)" in labels.
    """
    with_final, without_final = pair.split("/")
    final = _final_consonant(str(word))
    if with_final == "으로":  # ㄹ takes 로, like a word without 받침
        return f"{word}{with_final if final not in ('', 'ㄹ') else without_final}"
    return f"{word}{with_final if final else without_final}"


def shared_limit(values, percentile: float = 99.0) -> float:
    """ONE colour limit for several weight maps drawn together: the ``percentile``-th
    percentile of |values| (a few extreme weights would otherwise leave every map dark);
    larger values take the end colours, which the colour bar says ("이상" / "이하")."""
    import numpy as np

    a = np.abs(np.asarray(values, dtype=float)).ravel()
    lim = float(np.percentile(a, percentile)) if a.size else 0.0
    return lim if lim > 0 else symmetric_limit(a)
