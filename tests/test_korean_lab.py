"""A Korean JupyterLab (issue 22): the language pack is installed, `make lab` (and the class
server, from the same environment) makes Korean the default, English is one setting away."""

import json
import re
import subprocess
from pathlib import Path

from jupyterlab_server.translation_utils import get_language_packs

ROOT = Path(__file__).resolve().parents[1]


def test_the_korean_language_pack_is_installed():
    packs, message = get_language_packs("ko_KR")
    assert "ko_KR" in packs and "en" in packs, message
    assert packs["ko_KR"]["nativeName"].startswith("한국어")


def _overrides(make_args=()) -> dict:
    """The overrides.json that the Makefile writes, without running JupyterLab."""
    out = subprocess.run(["make", "-n", "-B", ".venv/share/jupyter/lab/settings/overrides.json",
                          *make_args], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    line = next(x for x in out.splitlines() if "printf" in x)
    return json.loads(re.search(r"'(\{.*\})'", line).group(1))


def test_make_lab_makes_korean_the_default_and_keeps_english_a_setting():
    settings = _overrides()
    assert settings["@jupyterlab/translation-extension:plugin"] == {"locale": "ko_KR"}
    # overrides.json gives defaults: a learner's own choice (Settings → Language) wins
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^lab: .*\$\(LAB_SETTINGS\)", make, re.MULTILINE)
    assert re.search(r"^classroom-setup: .*\$\(LAB_SETTINGS\)", make, re.MULTILINE)
