"""The resume dialog: the seed's resumption options for a stopped job, recommended one first."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (QButtonGroup, QDialog, QHBoxLayout, QLabel, QPushButton,
                               QRadioButton, QVBoxLayout, QWidget)

from aima_desktop.domain.errors import AnalysisError
from aima_desktop.domain.messages import system_language
from aima_desktop.engine.launch import NotResumable, resume_job, resume_options
from aima_desktop.store.project import Project
from aima_desktop.ui.labels import status_label


def local_time(timestamp: str | None) -> str:
    if not timestamp:
        return ""
    moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00")).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S")


class ResumeDialog(QDialog):
    """Offers checkpoint / partial results / restart; on "Continue analysis" creates the new
    job (``new_job_id``), or shows why it cannot."""

    def __init__(self, project: Project, job_id: int, preselect: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.job_id = job_id
        self.new_job_id: int | None = None
        self.setWindowTitle(self.tr("Resume analysis"))
        self.options = resume_options(project, job_id, system_language())
        job = project.jobs.job(job_id)
        layout = QVBoxLayout(self)
        if job is not None:
            layout.addWidget(QLabel(self.tr("<b>%1</b> — job %2, %3")
                                    .replace("%1", job.name).replace("%2", str(job.id))
                                    .replace("%3", status_label(job.status))))
        self.buttons: dict[str, QRadioButton] = {}
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        row = QHBoxLayout()
        row.addStretch()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        row.addWidget(self.cancel_button)
        if not self.options["resumable"]:
            self.cancel_button.setText(self.tr("Close"))
            self.reason_label = QLabel(self.tr("This analysis cannot be resumed: %1")
                                       .replace("%1", self.options["reason"]))
            self.reason_label.setWordWrap(True)
            layout.addWidget(self.reason_label)
        else:
            layout.addWidget(QLabel(self.tr("How do you want to continue?")))
            group = QButtonGroup(self)
            recommended = self.options["recommended_option"]["type"]
            for option in self.options["options"]:
                text = option["description"]
                if option["type"] == recommended:
                    text += " — " + self.tr("recommended")
                button = QRadioButton(text)
                button.setObjectName(f"option_{option['type']}")
                group.addButton(button)
                self.buttons[option["type"]] = button
                layout.addWidget(button)
                when = local_time(option.get("timestamp"))
                if when:
                    detail = QLabel(self.tr("    saved %1").replace("%1", when))
                    detail.setEnabled(False)
                    layout.addWidget(detail)
            chosen = preselect if preselect in self.buttons else recommended
            self.buttons[chosen].setChecked(True)
            self.continue_button = QPushButton(self.tr("Continue analysis"))
            self.continue_button.setDefault(True)
            self.continue_button.clicked.connect(self.continue_analysis)
            row.addWidget(self.continue_button)
        layout.addWidget(self.error_label)
        layout.addLayout(row)

    def selected_option(self) -> str | None:
        return next((kind for kind, button in self.buttons.items() if button.isChecked()), None)

    def continue_analysis(self) -> None:
        try:
            self.new_job_id = resume_job(self.project, self.job_id, self.selected_option(),
                                         system_language()).id
        except (NotResumable, AnalysisError) as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.accept()
