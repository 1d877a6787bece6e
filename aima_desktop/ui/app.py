"""Starting the desktop application."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from aima_desktop.domain.messages import system_language
from aima_desktop.store.settings import Settings, load_settings

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS = RESOURCES / "i18n"
ICON = RESOURCES / "icons" / "hicolor" / "256x256" / "apps" / "aima-desktop.png"
# Set by smoke tests and the start-up benchmark: quit as soon as the window is ready.
QUIT_WHEN_READY = "AIMA_QUIT_WHEN_READY"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """AIMA's own German texts and Qt's (standard buttons); English needs none."""
    translators = []
    if language == "en":
        return translators
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"aima_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or ["aima"])
    app.setApplicationName("AIMA Desktop")
    app.setOrganizationName("AIMA")
    app.setDesktopFileName("aima-desktop")  # the .desktop file: Wayland shows its icon
    if ICON.is_file():
        app.setWindowIcon(QIcon(str(ICON)))
    app._aima_translators = install_translators(app, system_language())
    return app


class NoDisplay(RuntimeError):
    """There is no screen to open a window on."""


def check_display() -> None:
    """Qt aborts the process when it cannot reach a display; say so in words first."""
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        raise NoDisplay("no display found (DISPLAY and WAYLAND_DISPLAY are not set); use the "
                        "headless commands such as 'aima run MEDIA', or set QT_QPA_PLATFORM")


def run_gui(path: Path | None = None, settings: Settings | None = None) -> int:
    """Open the main window (on ``path``, a project or a media file) and run until it closes."""
    from aima_desktop.ui.main_window import MainWindow

    check_display()
    settings = settings or load_settings()
    if settings.ui_language and not os.environ.get("AIMA_LANGUAGE"):
        # The settings' language for the window, its messages and the workers it starts.
        os.environ["AIMA_LANGUAGE"] = settings.ui_language
    app = create_application(sys.argv[:1])
    window = MainWindow(settings)
    window.show()
    if path is not None:
        window.open_path(path)
    if os.environ.get(QUIT_WHEN_READY):
        _quit_when_ready(app, window, path)
    return app.exec()


def _quit_when_ready(app: QApplication, window, path: Path | None) -> None:
    """For smoke tests and the start-up benchmark: report and quit once the window is usable
    (shown, and the media given on the command line probed). With ``AIMA_QUIT_WHEN_READY=
    analysed``, first press Start (the modules ticked by default) and wait for the job's end:
    how the packaged bundle is checked to run workers of its own."""
    started = time.perf_counter()
    analyse = os.environ.get(QUIT_WHEN_READY) == "analysed"
    report: dict = {}

    def finish() -> None:
        print(json.dumps({"ready": True, "media": window.media.file_name if window.media else None,
                          "project": str(window.project.path) if window.project else None,
                          "seconds_in_event_loop": round(time.perf_counter() - started, 3),
                          **report}), flush=True)
        window.close()
        app.quit()

    def job_finished(job_id: int, status: str) -> None:
        report.update(job_id=job_id, status=status)
        finish()

    def check() -> None:
        if not (window.isVisible() and not window.busy()):
            QTimer.singleShot(20, check)
        elif analyse and window.media is not None:
            window.orchestrator.job_finished.connect(job_finished)
            window.start_analysis(window.analysis.selected_modules())
        else:
            finish()

    QTimer.singleShot(0, check)
