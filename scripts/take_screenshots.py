"""Screenshots of the real application for the README, into ``docs/screenshots/``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/take_screenshots.py

Runs a real analysis with every module (shipped ``tiny.en`` model) on the sample interview,
played twice in a row, in a temporary project: the main window during the run, the abort
dialog, the timeline with the partial result and the abort details, the resume dialog (English
and German), the finished analysis with speakers, shots and keyframes, and the export and
settings dialogs.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["AIMA_LANGUAGE"] = "en"
TMP = Path(tempfile.mkdtemp(prefix="aima-shots-"))
for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[variable] = str(TMP / variable.lower())

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from aima_desktop.engine.launch import resume_job  # noqa: E402
from aima_desktop.store.settings import Settings  # noqa: E402
from aima_desktop.ui.abort_dialog import AbortDialog  # noqa: E402
from aima_desktop.ui.app import create_application, install_translators  # noqa: E402
from aima_desktop.ui.main_window import MainWindow  # noqa: E402
from aima_desktop.ui.resume_dialog import ResumeDialog  # noqa: E402
import av  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def write_twice(source: Path, target: Path) -> Path:
    """The clip played twice (remuxed, not re-encoded), for a run long enough to catch."""
    with av.open(str(source)) as src, av.open(str(target), "w") as dst:
        streams = {s.index: dst.add_stream_from_template(s) for s in src.streams}
        offset: dict[int, int] = {}
        for round_ in range(2):
            src.seek(0)
            first: dict[int, int] = {}
            last: dict[int, int] = {}
            for packet in src.demux():
                if packet.dts is None:
                    continue
                index = packet.stream.index
                shift = offset.get(index, 0) if round_ else 0
                first.setdefault(index, packet.pts)
                first[index] = min(first[index], packet.pts)  # audio may start before 0
                packet.pts += shift
                packet.dts += shift
                end = packet.pts + (packet.duration or 0)  # packets come in decoding order
                last[index] = max(end, last.get(index, end))
                packet.stream = streams[index]
                dst.mux(packet)
            offset = {index: last[index] - first[index] for index in last}
    return target


def wait_until(condition, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the application did not get there in time")
        QTest.qWait(50)


def save(widget, name: str) -> None:
    widget.grab().save(str(OUT / name))
    print(OUT / name)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application()
    media = write_twice(ROOT / "resources/samples/interview.mp4", TMP / "interview_twice.mp4")
    window = MainWindow(Settings(transcript_model="tiny.en"))
    window.resize(1400, 820)
    window.show()
    window.open_media(media)
    wait_until(lambda: window.media is not None)
    window.start_analysis(window.analysis.selected_modules())

    def transcript_at(fraction: float) -> bool:
        _, _, runs = window.orchestrator.snapshot()
        return any(r.module == "transcript" and r.processed_s >= fraction * r.total_s for r in runs)

    wait_until(lambda: transcript_at(0.4))
    window.refresh_live()
    save(window, "main_window_running.png")

    dialog = AbortDialog(window.orchestrator, closing_app=False, parent=window)
    dialog.reason_buttons["changed_priorities"].setChecked(True)
    dialog.show()
    QTest.qWait(100)
    save(dialog, "abort_dialog.png")
    dialog.start_abort()
    wait_until(lambda: not window.orchestrator.active)
    dialog.close()
    QTest.qWait(300)
    window.timeline.set_view(0.0, window.timeline.duration)
    save(window, "timeline_partial_result.png")
    save(window.details, "abort_details.png")

    resume = ResumeDialog(window.project, 1, parent=window)
    resume.show()
    QTest.qWait(100)
    save(resume, "resume_dialog.png")
    resume.close()

    os.environ["AIMA_LANGUAGE"] = "de"
    german_translators = install_translators(app, "de")
    german = ResumeDialog(window.project, 1, parent=window)
    german.show()
    QTest.qWait(100)
    save(german, "resume_dialog_de.png")
    german.close()
    for translator in german_translators:
        app.removeTranslator(translator)
    os.environ["AIMA_LANGUAGE"] = "en"
    window.run_job(resume_job(window.project, 1).id)
    wait_until(lambda: not window.orchestrator.active, timeout=300)
    window.timeline.set_view(0.0, 60.0)
    window.refresh_live()
    QTest.qWait(300)
    save(window, "finished_with_speakers_and_shots.png")

    exporter = window.export_dialog(window.shown_job_id)
    exporter.select_format("docx")
    QTest.qWait(100)
    save(exporter, "export_dialog.png")
    exporter.close()
    settings = window.settings_dialog()
    QTest.qWait(100)
    save(settings, "settings_dialog.png")
    settings.close()
    window.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
