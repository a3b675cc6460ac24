"""한글 그림: the bundled NanumGothic font and the project's colour maps.

Importing :mod:`mnistlab` calls :func:`use_korean_font`, so every matplotlib
figure renders Hangul on any platform without a system font.
"""

from __future__ import annotations

import functools
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.colors import LinearSegmentedColormap

from mnistlab.errors import MnistlabFileError

FONT_DIR = Path(__file__).with_name("fonts")
FONT_FILES = (FONT_DIR / "NanumGothic.ttf", FONT_DIR / "NanumGothicBold.ttf")
FONT_NAME = "NanumGothic"

# 세타(가중치) 지도: red = negative, black ≈ 0, green = positive (lesson figures 1_11–1_13).
THETA_CMAP = LinearSegmentedColormap.from_list(
    "theta_red_black_green", ["#ff3030", "#000000", "#30e030"]
)


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
