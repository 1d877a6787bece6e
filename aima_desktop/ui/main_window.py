"""The main window: a project, its media, the analysis, the timeline and what happened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import (QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence,
                           QPixmap)
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QHBoxLayout, QLabel,
                               QMainWindow,
                               QMessageBox, QPushButton, QSplitter, QStyle, QSystemTrayIcon,
                               QVBoxLayout,
                               QWidget)

from aima_desktop.domain.errors import AnalysisError
from aima_desktop.domain.messages import system_language
from aima_desktop.domain.progress import completed_percentage, format_duration
from aima_desktop.domain.records import Event, MediaInfo
from aima_desktop.domain.states import RESUMABLE_JOB_STATUSES, JobStatus
from aima_desktop.engine.capabilities import capabilities
from aima_desktop.engine.launch import create_job, job_config
from aima_desktop.engine.orchestrator import Orchestrator, RunSnapshot
from aima_desktop.engine.probe import MediaProbe
from aima_desktop.engine.recovery import recover_interrupted_jobs
from aima_desktop.store.locks import LockedElsewhere
from aima_desktop.store.project import DB_NAME, PROJECT_SUFFIX, Project, ProjectError
from aima_desktop.store.settings import Settings, add_recent_project, recent_projects
from aima_desktop.ui.abort_details import AbortDetailsPanel
from aima_desktop.ui.abort_dialog import AbortDialog
from aima_desktop.ui.analysis_panel import AnalysisPanel
from aima_desktop.ui.job_history import JobHistory
from aima_desktop.ui.notifications import NotificationCentre, Toast
from aima_desktop.ui.export_dialog import ExportDialog
from aima_desktop.ui.settings_dialog import SettingsDialog
from aima_desktop.ui.player import MediaPlayer
from aima_desktop.ui.player import available as player_available
from aima_desktop.ui.resume_dialog import ResumeDialog
from aima_desktop.ui.timeline_data import TimelineData
from aima_desktop.ui.timeline_view import TimelineView

REFRESH_MS = 500


def project_for_media(media: Path) -> Path:
    """Where a media file's project goes when none is open: beside it, ``NAME.aima``."""
    return media.with_name(media.stem + PROJECT_SUFFIX)


class MainWindow(QMainWindow):
    """One project at a time; everything it shows is read from the project store."""

    def __init__(self, settings: Settings | None = None):
        super().__init__()
        self.settings = settings or Settings()
        self.lang = system_language()
        self.project: Project | None = None
        self.orchestrator: Orchestrator | None = None
        self.media: MediaInfo | None = None
        self.shown_job_id: int | None = None
        self.setWindowTitle("AIMA Desktop")
        self.setAcceptDrops(True)
        self.resize(QSize(1280, 800))

        self.analysis = AnalysisPanel()
        self.analysis.set_capabilities(capabilities(self.settings))
        self.analysis.start_requested.connect(self.start_analysis)
        self.analysis.abort_requested.connect(self.abort_analysis)
        self.timeline = TimelineView()
        self.item_details = QLabel(self.tr("Click an item on the timeline to see its details."))
        self.item_details.setWordWrap(True)
        self.item_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline.item_selected.connect(self.show_item)
        self.timeline.keyframe_loader = self._keyframe
        self._keyframes: dict[str, QPixmap] = {}
        self.player = MediaPlayer(self)
        self.play_button = QPushButton(self.tr("Play from here"))
        self.play_button.setShortcut(QKeySequence("Ctrl+P"))
        self.play_button.setEnabled(False)
        self.play_button.clicked.connect(self.toggle_playback)
        self.player.state_changed.connect(lambda playing: self.play_button.setText(
            self.tr("Stop") if playing else self.tr("Play from here")))
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.timeline, 1)
        details_row = QHBoxLayout()
        details_row.addWidget(self.item_details, 1)
        details_row.addWidget(self.play_button)
        centre_layout.addLayout(details_row)
        splitter = QSplitter()
        splitter.addWidget(self.analysis)
        splitter.addWidget(centre)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 900])
        self.analysis.setMaximumWidth(340)
        self.setCentralWidget(splitter)

        self.history = JobHistory()
        self.history.job_selected.connect(self.show_job)
        self.details = AbortDetailsPanel()
        self.details.show_results.connect(self.show_job_timeline)
        self.details.resume_requested.connect(self.resume_dialog)
        self.details.export_requested.connect(self.export_dialog)
        self.details.new_analysis.connect(self.new_analysis)
        self.details.deleted.connect(self._after_delete)
        self.notifications = NotificationCentre()
        self.notifications.action_requested.connect(self.notification_action)
        self.notifications.unread_changed.connect(self._show_unread)
        self.history_dock = self._dock(self.tr("Jobs"), self.history, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.details_dock = self._dock(self.tr("Job details"), self.details,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.notifications_dock = self._dock(self.tr("Notifications"), self.notifications,
                                             Qt.DockWidgetArea.RightDockWidgetArea)
        self.details_dock.hide()
        self.resizeDocks([self.history_dock, self.notifications_dock], [210, 360],
                         Qt.Orientation.Horizontal)
        self.toast = Toast(self)
        self.tray = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(
                QApplication.windowIcon() if not QApplication.windowIcon().isNull()
                else self.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon), self)
            self.tray.setToolTip("AIMA Desktop")
            self.tray.activated.connect(lambda *_: (self.showNormal(), self.activateWindow()))
            self.tray.show()

        self.bell = QPushButton()
        self.bell.setFlat(True)
        self.bell.clicked.connect(lambda: self.notifications_dock.setVisible(
            not self.notifications_dock.isVisible()))
        self.statusBar().addPermanentWidget(self.bell)
        self._show_unread(0)
        self.prober = MediaProbe(self)
        self.prober.done.connect(self._media_probed)
        self.prober.failed.connect(self._media_failed)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh_live)
        self._build_menus()
        self.statusBar().showMessage(self.tr("Open a media file or a project to begin."))

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        def action(menu, text, slot, shortcut=None) -> QAction:
            item = QAction(text, self)
            if shortcut is not None:
                item.setShortcut(QKeySequence(shortcut))
            item.triggered.connect(slot)
            menu.addAction(item)
            return item

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        action(file_menu, self.tr("&New project…"), self.choose_new_project, QKeySequence.StandardKey.New)
        action(file_menu, self.tr("&Open…"), self.choose_file, QKeySequence.StandardKey.Open)
        action(file_menu, self.tr("Open project &folder…"), self.choose_project, "Ctrl+Shift+O")
        self.recent_menu = file_menu.addMenu(self.tr("&Recent projects"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.export_action = action(file_menu, self.tr("&Export…"),
                                    lambda: self.export_dialog(self.shown_job_id), "Ctrl+E")
        action(file_menu, self.tr("&Settings…"), self.settings_dialog,
               QKeySequence.StandardKey.Preferences)
        file_menu.addSeparator()
        action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        analysis_menu = self.menuBar().addMenu(self.tr("&Analysis"))
        self.start_action = action(analysis_menu, self.tr("&Start"),
                                   lambda: self.start_analysis(self.analysis.selected_modules()),
                                   "Ctrl+R")
        self.abort_action = action(analysis_menu, self.tr("&Abort…"), self.abort_analysis, "Ctrl+.")
        action(analysis_menu, self.tr("&Resume…"), lambda: self.resume_dialog(self.shown_job_id))
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        action(view_menu, self.tr("Zoom &in"), lambda: self.timeline.zoom(1.5), QKeySequence.StandardKey.ZoomIn)
        action(view_menu, self.tr("Zoom &out"), lambda: self.timeline.zoom(1 / 1.5), QKeySequence.StandardKey.ZoomOut)
        action(view_menu, self.tr("&Whole file"), lambda: self.timeline.set_view(0, self.timeline.duration), "Ctrl+0")
        view_menu.addSeparator()
        for dock in (self.history_dock, self.details_dock, self.notifications_dock):
            view_menu.addAction(dock.toggleViewAction())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        action(help_menu, self.tr("&Help"), self.show_help, QKeySequence.StandardKey.HelpContents)
        action(help_menu, self.tr("&About AIMA Desktop"), self.show_about)

    # -- projects and media ------------------------------------------------------------------
    def open_path(self, path: Path) -> None:
        """A project folder (or its ``project.db``), or a media file."""
        path = Path(path)
        if path.name == DB_NAME:
            path = path.parent
        if path.is_dir() and (path / DB_NAME).is_file():
            self.open_project(path)
        elif path.suffix == PROJECT_SUFFIX or path.is_dir():
            self.open_project(path, create=not path.exists())
        else:
            self.open_media(path)

    def open_project(self, path: Path, create: bool = False, offer_resume: bool = True) -> bool:
        if self.orchestrator is not None and self.orchestrator.active:
            self._error(self.tr("An analysis is running. Abort it before opening another project."))
            return False
        try:
            project = Project.create(path) if create else Project.open(path)
        except ProjectError as exc:
            self._error(str(exc))
            return False
        if self.project is not None:
            self.project.close()
        self.project = project
        recover_interrupted_jobs(project, self.lang)
        add_recent_project(project.path)
        self.orchestrator = Orchestrator(project, grace_s=self.settings.grace_period_s,
                                         heartbeat_timeout_s=self.settings.heartbeat_timeout_s,
                                         lang=self.lang, auto_recovery=self.settings.oom_recovery,
                                         cache_limit_mb=self.settings.cache_limit_mb, parent=self)
        self.orchestrator.job_finished.connect(self._job_finished)
        self.orchestrator.progress.connect(lambda *_: self.refresh_progress())
        self.orchestrator.run_state.connect(lambda *_: self.refresh_progress())
        self.setWindowTitle(f"{project.path.name} — AIMA Desktop")
        self.statusBar().showMessage(str(project.path))
        self.notifications.set_project(project)
        self.history.refresh(project)
        jobs = project.jobs.list_jobs()
        if jobs:
            self.show_job(jobs[-1].id)
            self.set_media(project.jobs.media(jobs[-1].media_id))
        if offer_resume:
            stopped = [j for j in jobs if j.status in RESUMABLE_JOB_STATUSES
                       and project.jobs.child_job_id(j.id) is None]
            if stopped:
                QTimer.singleShot(0, lambda: self.resume_dialog(stopped[-1].id))
        return True

    def open_media(self, path: Path) -> None:
        path = Path(path).absolute()
        if self.project is None and not self.open_project(
                project_for_media(path), create=not project_for_media(path).exists(),
                offer_resume=False):
            return
        self.statusBar().showMessage(self.tr("Reading %1…").replace("%1", path.name))
        self.prober.probe(path)

    def busy(self) -> bool:
        """True while a media file is being examined."""
        return self.prober.running()

    def _media_probed(self, _path: str, media: MediaInfo) -> None:
        self.set_media(media)
        self.statusBar().showMessage(self.tr("Ready: press Start (Ctrl+R)."))

    def _media_failed(self, path: str, reason: str) -> None:
        self.analysis.set_media(None, f"{Path(path).name}: {reason}")
        self.media = None
        self.statusBar().showMessage(f"{path}: {reason}")

    def set_media(self, media: MediaInfo | None) -> None:
        self.media = media
        self.analysis.set_media(media)

    def choose_new_project(self) -> None:
        folder, _ = QFileDialog.getSaveFileName(self, self.tr("New project"), "",
                                                self.tr("AIMA projects (*.aima)"))
        if folder:
            path = Path(folder)
            self.open_project(path.with_suffix(PROJECT_SUFFIX), create=True)

    def choose_project(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open project"))
        if folder:
            self.open_project(Path(folder))

    def choose_file(self) -> None:
        """A media file to analyse, or the ``project.db`` of a project."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a media file or a project"), "",
            self.tr("Media files and projects (*.mp4 *.mkv *.mov *.avi *.webm *.wav *.mp3 *.m4a "
                    "*.flac *.ogg project.db);;All files (*)"))
        if path:
            self.open_path(Path(path))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in recent_projects():
            self.recent_menu.addAction(entry, lambda p=entry: self.open_project(Path(p)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_path(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()

    # -- running -------------------------------------------------------------------------
    def start_analysis(self, modules: list[str]) -> None:
        if self.project is None or self.media is None or not modules:
            return
        config = job_config(self.settings)
        try:
            job = create_job(self.project, self.media, modules, config)
        except AnalysisError as exc:
            self._error(f"{self.media.file_name}: {exc}")
            return
        self.run_job(job.id)

    def run_job(self, job_id: int) -> None:
        self.analysis.clear_progress()
        try:
            self.orchestrator.start(job_id)
        except (LockedElsewhere, RuntimeError) as exc:
            self._error(str(exc))
            return
        self.analysis.set_running(True)
        self.show_job_timeline(job_id)
        self.history.refresh(self.project, select=job_id)
        self.details_dock.hide()
        self.refresh_timer.start()
        self.statusBar().showMessage(self.tr("Analysing… (Ctrl+. aborts)"))

    def abort_analysis(self) -> bool:
        """Ask and abort; True when the job stopped."""
        if self.orchestrator is None or not self.orchestrator.active:
            return True
        dialog = AbortDialog(self.orchestrator, closing_app=False, parent=self)
        return dialog.exec() == AbortDialog.DialogCode.Accepted

    def refresh_live(self) -> None:
        if self.timeline.data is not None and self.timeline.data.refresh():
            self.timeline.update()
        self.refresh_progress()
        self._poll_notifications()

    def refresh_progress(self) -> None:
        if self.orchestrator is not None and self.orchestrator.active:
            self.analysis.show_progress(*self.orchestrator.snapshot())

    def _job_finished(self, job_id: int, status: str) -> None:
        self.refresh_timer.stop()
        if self.timeline.data is not None:
            self.timeline.data.refresh()
            self.timeline.update()
        self.analysis.set_running(False)
        self.analysis.show_progress(*self._final_snapshot(job_id))
        self.history.refresh(self.project, select=job_id)
        self._poll_notifications()
        if status != JobStatus.COMPLETED:
            self.show_job(job_id)
        self.statusBar().showMessage(self.tr("Job %1: %2").replace("%1", str(job_id))
                                     .replace("%2", status))

    def _final_snapshot(self, job_id: int):
        runs = self.project.jobs.runs(job_id)
        return completed_percentage(runs), None, [
            RunSnapshot(r.id, r.module, str(r.status), r.processed_s, r.total_s, None, r.device)
            for r in runs]

    # -- jobs, timeline, notifications ---------------------------------------------------------
    def show_job(self, job_id: int) -> None:
        if self.project is None or self.project.jobs.job(job_id) is None:
            return
        job = self.project.jobs.job(job_id)
        self.show_job_timeline(job_id)
        if job.status in RESUMABLE_JOB_STATUSES:
            self.details.show_job(self.project, job_id)
            self.details_dock.show()
        else:
            self.details_dock.hide()

    def show_job_timeline(self, job_id: int) -> None:
        self.shown_job_id = job_id
        self.timeline.set_data(TimelineData(self.project, job_id))

    def _keyframe(self, digest: str) -> QPixmap | None:
        if digest not in self._keyframes and self.project is not None:
            pixmap = QPixmap()
            try:
                pixmap.loadFromData(self.project.blobs.get(digest))
            except (OSError, ValueError):
                return None
            self._keyframes[digest] = pixmap
        return self._keyframes.get(digest)

    def _playback_start(self) -> float | None:
        """Where "Play" starts: the selected item, else the timeline cursor."""
        if self.timeline.selected is not None:
            return self.timeline.selected.start
        return self.timeline.cursor_s

    def toggle_playback(self) -> None:
        if self.player.playing():
            self.player.stop()
            return
        start = self._playback_start()
        if start is not None and self.shown_job_id is not None:
            media = self.project.jobs.media(self.project.jobs.job(self.shown_job_id).media_id)
            if Path(media.path).is_file():
                try:
                    self.player.play_from(Path(media.path), start)
                except ImportError as exc:  # QtMultimedia without its system libraries
                    self.statusBar().showMessage(self.tr(
                        "Playback is not available: %1. Install the PulseAudio client library "
                        "(libpulse0).").replace("%1", str(exc)))
            else:
                self.statusBar().showMessage(self.tr("The media file is no longer at %1")
                                             .replace("%1", media.path))

    def show_item(self, event: Event | None) -> None:
        self.play_button.setEnabled(player_available() and self.timeline.cursor_s is not None)
        if event is None:
            self.item_details.setText(self.tr("No item here."))
            return
        words = event.payload.get("words", [])
        scores = [w["probability"] for w in words if "probability" in w]
        confidence = sum(scores) / len(scores) if scores else None
        text = (f"<b>{format_duration(event.start)}–{format_duration(event.end)}</b> "
                f"({event.end - event.start:.1f} s) {event.label}")
        if confidence is not None:
            text += "<br>" + self.tr("%1 words, mean confidence %2").replace(
                "%1", str(len(words))).replace("%2", f"{confidence:.2f}")
        if not player_available():
            text += "<br><i>" + self.tr("Playback needs PySide6-Addons (QtMultimedia).") + "</i>"
        self.item_details.setText(text)

    def resume_dialog(self, job_id: int | None, preselect: str | None = None) -> None:
        if self.project is None or job_id is None:
            return
        dialog = ResumeDialog(self.project, job_id, preselect, self)
        if dialog.exec() == ResumeDialog.DialogCode.Accepted and dialog.new_job_id is not None:
            self.run_job(dialog.new_job_id)

    def export_dialog(self, job_id: int | None) -> ExportDialog | None:
        if self.project is None or job_id is None:
            self.statusBar().showMessage(self.tr("Open a project with an analysis to export."))
            return None
        dialog = ExportDialog(self.project, job_id, self)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(
            self.tr("Exported to %1").replace("%1", str(dialog.written))))
        dialog.open()
        return dialog

    def settings_dialog(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(lambda: self.apply_settings(dialog.settings))
        dialog.open()
        return dialog

    def apply_settings(self, settings: Settings) -> None:
        """New jobs use the new settings; a running one keeps the ones it started with."""
        self.settings = settings
        self.analysis.set_capabilities(capabilities(settings))
        if self.orchestrator is not None:
            self.orchestrator.grace_s = settings.grace_period_s
            self.orchestrator.heartbeat_timeout_s = settings.heartbeat_timeout_s
            self.orchestrator.auto_recovery = settings.oom_recovery
            self.orchestrator.cache_limit_mb = settings.cache_limit_mb

    def new_analysis(self, job_id: int) -> None:
        job = self.project.jobs.job(job_id)
        self.set_media(self.project.jobs.media(job.media_id))
        self.details_dock.hide()
        self.analysis.start_button.setFocus()

    def _after_delete(self, job_ids: list[int]) -> None:
        self.details_dock.hide()
        if self.shown_job_id in job_ids:
            self.timeline.set_data(None)
            self.shown_job_id = None
        self.history.refresh(self.project)
        self.notifications.refresh()
        self.statusBar().showMessage(self.tr("Analysis deleted."))

    def notification_action(self, action: str, job_id: int) -> None:
        if action in ("view_partial_results", "view_results"):
            self.show_job_timeline(job_id)
            self.history.select_job(job_id)
        elif action == "view_analysis_details":
            self.show_job(job_id)
        elif action in ("resume_analysis", "restart_analysis"):
            self.resume_dialog(job_id, "restart" if action == "restart_analysis" else None)
        elif action == "abort_analysis":
            self.abort_analysis()

    def _poll_notifications(self) -> None:
        for note in self.notifications.refresh():
            self.toast.show_note(note)
            if self.tray is not None and self.isMinimized():
                self.tray.showMessage(note["title"], note["message"])

    def _show_unread(self, count: int) -> None:
        self.bell.setText(self.tr("Notifications: %1").replace("%1", str(count)))

    # -- closing, help ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.orchestrator is not None and self.orchestrator.active:
            dialog = AbortDialog(self.orchestrator, closing_app=True, parent=self)
            if dialog.exec() != AbortDialog.DialogCode.Accepted:
                event.ignore()
                return
        self.player.stop()
        if self.project is not None:
            self.project.close()
            self.project = None
        event.accept()

    def show_help(self) -> None:
        QMessageBox.information(self, self.tr("Help"), self.tr(
            "<p><b>Open</b> a video or audio file (Ctrl+O, or drop it on the window), choose "
            "the modules and press <b>Start</b> (Ctrl+R).</p>"
            "<p><b>Abort</b> at any moment (Ctrl+. or closing the window): everything "
            "finished is kept. When you open the project again, AIMA Desktop offers to "
            "continue from the last checkpoint.</p>"
            "<p>Timeline: Ctrl+wheel or +/- zooms, the wheel or a drag pans, a click shows "
            "an item's details. Hatched ranges are not processed yet.</p>"))

    def show_about(self) -> None:
        from aima_desktop import __version__

        QMessageBox.about(self, self.tr("About AIMA Desktop"),
                          f"AIMA Desktop {__version__}<br>" + self.tr(
                              "Offline analysis of interviews and recordings."))

    def _error(self, message: str) -> None:
        QMessageBox.warning(self, "AIMA Desktop", message)
