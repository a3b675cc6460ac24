"""Find a Chromium for the browser tests the usual ways, or say how to get one.

Looked for in this order:
1. ``$MNISTLAB_CHROMIUM``: exactly this browser (a path that does not exist means none);
2. Playwright's own Chromium (``make browser`` / ``playwright install chromium``);
3. ``chromium``, ``chromium-browser``, ``google-chrome``, ``google-chrome-stable`` on PATH;
4. the usual install locations (Debian's /usr/bin/chromium, macOS's Chrome and Chromium apps).

With none the browser tests are skipped with one line in the test summary saying how to get one,
unless ``MNISTLAB_REQUIRE_BROWSER=1`` (set by .ci/run): then they fail, so CI never skips them.
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

ON_PATH = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
KNOWN_PATHS = (
    "/usr/bin/chromium",
    "/snap/bin/chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
)
HOW_TO_ENABLE = (
    "켜려면 `make browser` (Playwright 의 Chromium 설치) 또는 "
    "`sudo apt-get install chromium fonts-nanum` (Debian/Ubuntu/WSL), macOS 는 Google Chrome 설치, "
    "또는 MNISTLAB_CHROMIUM=<브라우저 경로> (README 의 '브라우저 테스트')."
)
SKIP_REASON = "Chromium 이 없어 브라우저 테스트를 건너뜁니다. " + HOW_TO_ENABLE
MISSING_IN_CI = (
    "MNISTLAB_REQUIRE_BROWSER=1 인데 Chromium 을 찾지 못했습니다: "
    "`apt-get install -y chromium fonts-nanum` 또는 `make browser` 로 설치하세요."
)


def browser_required() -> bool:
    return os.environ.get("MNISTLAB_REQUIRE_BROWSER", "") not in ("", "0")


@functools.cache
def find_chromium() -> str | None:
    """The path of a Chromium to drive, or None."""
    explicit = os.environ.get("MNISTLAB_CHROMIUM")
    if explicit is not None:
        return explicit if _is_executable(explicit) else None
    for candidate in (_playwright_chromium(), *map(shutil.which, ON_PATH), *KNOWN_PATHS):
        if candidate and _is_executable(candidate):
            return candidate
    return None


def _playwright_chromium() -> str | None:
    """Where Playwright keeps its own Chromium (it may not be downloaded)."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as p:
            return p.chromium.executable_path
    except (Error, OSError):       # no usable Playwright driver here: look elsewhere
        return None


def _is_executable(path: str) -> bool:
    return Path(path).is_file() and os.access(path, os.X_OK)
