"""File > Export: one job's results, complete or partial, in a format another tool reads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from aima_desktop.domain.states import JobStatus
from aima_desktop.exports.formats import FORMATS, ExportError, export
from aima_desktop.store.project import Project


class ExportDialog(QDialog):
    """Choose a format and a file; Export writes it (whole or not at all) and closes.

    ``written`` is the path after a successful export.
    """

    def __init__(self, project: Project, job_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.project, self.job_id = project, job_id
        self.written: Path | None = None
        job = project.jobs.job(job_id)
        self.media = Path(project.jobs.media(job.media_id).path)
        self.setWindowTitle(self.tr("Export job %1").replace("%1", str(job_id)))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format = QComboBox()
        for export_format in FORMATS.values():
            self.format.addItem(f"{self.describe(export_format.name)} (.{export_format.extension})",
                                export_format.name)
        self.format.currentIndexChanged.connect(self._format_changed)
        form.addRow(self.tr("Format:"), self.format)
        row = QHBoxLayout()
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_file)
        row.addWidget(self.path)
        row.addWidget(browse)
        form.addRow(self.tr("File:"), row)
        layout.addLayout(form)
        if job.status != JobStatus.COMPLETED:
            note = QLabel(self.tr("This result is partial: the export says so and marks what "
                                  "is missing."))
            note.setWordWrap(True)
            layout.addWidget(note)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(self.tr("Export"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.path.setText(str(self._default_path()))

    def describe(self, name: str) -> str:
        """The format's description in the interface language."""
        translated = {
            "srt": self.tr("SubRip subtitles"),
            "vtt": self.tr("WebVTT subtitles"),
            "txt": self.tr("Plain-text transcript with speakers"),
            "md": self.tr("Markdown transcript with speakers"),
            "docx": self.tr("Word document: transcript with speakers"),
            "csv": self.tr("Timeline events as CSV (spreadsheets, QDA tools)"),
            "tsv": self.tr("Timeline events as tab-separated values"),
            "rttm": self.tr("Speaker turns as RTTM (pyannote.metrics, dscore)"),
            "eaf": self.tr("ELAN annotation document: tiers per module and speaker"),
            "json": self.tr("Everything, in AIMA's partial-result structure"),
        }
        return translated.get(name, FORMATS[name].description)

    def selected_format(self) -> str:
        return self.format.currentData()

    def select_format(self, name: str) -> None:
        self.format.setCurrentIndex(self.format.findData(name))

    def _default_path(self) -> Path:
        folder = self.media.parent if self.media.parent.is_dir() else Path.home()
        extension = FORMATS[self.selected_format()].extension
        return folder / f"{self.media.stem}.job{self.job_id}.{extension}"

    def _format_changed(self) -> None:
        current = Path(self.path.text()) if self.path.text() else self._default_path()
        self.path.setText(str(current.with_suffix("." + FORMATS[self.selected_format()].extension)))

    def choose_file(self) -> None:
        export_format = FORMATS[self.selected_format()]
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text(),
            f"{self.describe(export_format.name)} (*.{export_format.extension})")
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.error.setText(self.tr("Choose a file to export to."))
            return
        try:
            self.written = export(self.project, self.job_id, self.selected_format(),
                                  Path(text).expanduser())
        except ExportError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
