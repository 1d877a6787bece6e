"""The layers of DESIGN.md, checked by import-linter and by what a GUI process really loads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

HEAVY = ("torch", "ctranslate2", "faster_whisper", "pyannote", "cv2", "av", "onnxruntime")


def test_import_contracts_hold():
    # The console script installed next to this interpreter (the test environment's own).
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_gui_process_side_loads_no_ml_library_or_decoder():
    code = (
        "import json, sys\n"
        "import aima_desktop.cli, aima_desktop.engine.orchestrator, aima_desktop.engine.headless\n"
        "import aima_desktop.engine.launch, aima_desktop.engine.recovery\n"
        "import aima_desktop.ui.main_window, aima_desktop.ui.app\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []
