"""Refresh ``resources/i18n/aima_de.ts`` from the UI code and compile ``aima_de.qm``.

    python scripts/update_translations.py

Then translate what lupdate marked unfinished (Qt Linguist: ``pyside6-linguist``) and run it
again; tests/test_translations.py fails while a text has no German translation.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def main() -> None:
    sources = sorted(str(p) for p in (ROOT / "aima_desktop" / "ui").glob("*.py"))
    ts = ROOT / "resources" / "i18n" / "aima_de.ts"
    subprocess.run([BIN / "pyside6-lupdate", "-no-obsolete", *sources, "-ts", ts], check=True)
    subprocess.run([BIN / "pyside6-lrelease", ts, "-qm", ts.with_suffix(".qm")], check=True)


if __name__ == "__main__":
    main()
