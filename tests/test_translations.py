"""Every text of the user interface has a German translation, and the compiled file is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
TS = ROOT / "resources" / "i18n" / "aima_de.ts"


def test_every_ui_text_is_translated_to_german(tmp_path):
    scratch = shutil.copy(TS, tmp_path / "aima_de.ts")
    sources = sorted(str(p) for p in (ROOT / "aima_desktop" / "ui").glob("*.py"))
    subprocess.run([BIN / "pyside6-lupdate", *sources, "-ts", scratch], check=True,
                   capture_output=True)
    untranslated = [message.findtext("source") for message in ET.parse(scratch).iter("message")
                    if message.find("translation").get("type") == "unfinished"]
    assert untranslated == [], "run scripts/update_translations.py and translate these"


def test_the_compiled_translations_match_the_sources(tmp_path):
    compiled = tmp_path / "aima_de.qm"
    subprocess.run([BIN / "pyside6-lrelease", TS, "-qm", compiled], check=True,
                   capture_output=True)
    assert compiled.read_bytes() == TS.with_suffix(".qm").read_bytes()
