"""The abort details view (seed 6.2): what stopped, when, why, how far it got, what to do."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFormLayout, QGridLayout, QLabel, QMessageBox, QProgressBar,
                               QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from aima_desktop.domain.states import JobStatus
from aima_desktop.engine.launch import resume_options
from aima_desktop.store.project import Project
from aima_desktop.store.results import job_metadata
from aima_desktop.ui.labels import module_label, status_label
from aima_desktop.ui.resume_dialog import local_time

CHIP_STYLE = "border-radius: 8px; padding: 2px 10px; color: white; background: {};"
CHIP_COLOURS = {"user": "#c77c02", "system": "#b3261e"}


class AbortDetailsPanel(QWidget):
    """Details of one job that stopped early, with its follow-up actions."""

    show_results = Signal(int)
    new_analysis = Signal(int)
    resume_requested = Signal(int)
    export_requested = Signal(int)
    deleted = Signal(list)  # the job ids removed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.project: Project | None = None
        self.job_id: int | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        form = QFormLayout()
        self.abort_time = QLabel()
        self.abort_type = QLabel()
        self.abort_type.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.progress = QProgressBar()
        self.modules = QLabel()
        self.modules.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        form.addRow(self.tr("Stopped at:"), self.abort_time)
        form.addRow(self.tr("Abort type:"), self.abort_type)
        form.addRow(self.tr("Progress at abort:"), self.progress)
        form.addRow(self.tr("Modules:"), self.modules)
        form.addRow(self.tr("Error:"), self.error)
        layout.addLayout(form)
        buttons = QGridLayout()  # two columns, so that the details fit a narrow dock
        self.results_button = QPushButton(self.tr("Show partial results"))
        self.delete_button = QPushButton(self.tr("Delete analysis"))
        self.new_button = QPushButton(self.tr("New analysis"))
        self.resume_button = QPushButton(self.tr("Resume analysis"))
        self.export_button = QPushButton(self.tr("Export…"))
        for position, button in enumerate((self.resume_button, self.results_button,
                                           self.export_button, self.new_button,
                                           self.delete_button)):
            buttons.addWidget(button, *divmod(position, 2))
        layout.addLayout(buttons)
        layout.addStretch()
        self.results_button.clicked.connect(lambda: self.show_results.emit(self.job_id))
        self.new_button.clicked.connect(lambda: self.new_analysis.emit(self.job_id))
        self.resume_button.clicked.connect(lambda: self.resume_requested.emit(self.job_id))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.job_id))
        self.delete_button.clicked.connect(self.delete_analysis)

    def show_job(self, project: Project, job_id: int) -> None:
        self.project, self.job_id = project, job_id
        job = project.jobs.job(job_id)
        metadata = job_metadata(project, job)
        title = self.tr("%1 — job %2: %3").replace("%1", job.name).replace(
            "%2", str(job.id)).replace("%3", status_label(job.status))
        self.title.setText(f"<h3>{title}</h3>")
        self.abort_time.setText(local_time(job.abort_timestamp or job.finished_at) or "—")
        kind = job.abort_type or ("system" if job.status != JobStatus.ABORTED else "user")
        self.abort_type.setText(self.tr("User") if kind == "user" else self.tr("System"))
        self.abort_type.setStyleSheet(CHIP_STYLE.format(CHIP_COLOURS.get(kind, "#666")))
        self.abort_type.setObjectName(f"chip_{kind}")
        self.progress.setValue(metadata.get("completed_percentage", 0))
        media = metadata.get("media_info", {})
        def names(key: str) -> str:
            return ", ".join(map(module_label, metadata.get(key, []))) or "—"

        parts = [self.tr("complete: %1").replace("%1", names("completed_modules")),
                 self.tr("incomplete: %1").replace("%1", names("incomplete_modules")),
                 self.tr("not started: %1").replace("%1", names("not_started_modules")),
                 self.tr("%1 s of %2 s processed").replace(
                     "%1", f"{media.get('processed_duration', 0):.0f}").replace(
                     "%2", f"{media.get('duration', 0):.0f}")]
        self.modules.setText("<br>".join(parts))
        error = job.error or {}
        self.error.setText(f"{error.get('category', '')}: {error.get('message', '')}"
                           if error else "—")
        options = resume_options(project, job_id)
        self.resume_button.setEnabled(options["resumable"])
        self.resume_button.setToolTip("" if options["resumable"] else options["reason"])

    def delete_analysis(self) -> None:
        chain = self.project.jobs.chain(self.job_id)
        others = [j for j in chain if j != self.job_id]
        text = self.tr("Delete this analysis? All partial results will be lost.")
        if others:
            text += "\n" + self.tr("Jobs %1 share these results and are deleted with it.").replace(
                "%1", ", ".join(map(str, others)))
        answer = QMessageBox.question(self, self.tr("Delete analysis"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        digests = self.project.jobs.delete_jobs(chain)
        for digest in digests:
            self.project.blobs.delete(digest)
        self.deleted.emit(chain)
