"""The project's jobs: status, start time, completed percentage; any of them opens."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from aima_desktop.store.project import Project
from aima_desktop.store.results import job_summary
from aima_desktop.ui.labels import status_label
from aima_desktop.ui.resume_dialog import local_time


class JobHistory(QTreeWidget):
    """Lists jobs newest first; selecting one emits ``job_selected``."""

    job_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Job"), self.tr("Status"), self.tr("Started"),
                              self.tr("Done")])
        self.setRootIsDecorated(False)
        self.itemSelectionChanged.connect(self._selected)

    def refresh(self, project: Project | None, select: int | None = None) -> None:
        current = select if select is not None else self.current_job_id()
        self.blockSignals(True)
        self.clear()
        if project is not None:
            for job in reversed(project.jobs.list_jobs()):
                summary = job_summary(project, job)
                name = f"{job.id}  {job.name}"
                if job.parent_job_id:
                    name += "  " + self.tr("(resumes %1)").replace("%1", str(job.parent_job_id))
                item = QTreeWidgetItem([name, status_label(job.status),
                                        local_time(job.started_at or job.created_at),
                                        f"{summary['completed_percentage']}%"])
                item.setData(0, Qt.ItemDataRole.UserRole, job.id)
                self.addTopLevelItem(item)
                if job.id == current:
                    item.setSelected(True)
        for column in range(4):
            self.resizeColumnToContents(column)
        self.blockSignals(False)

    def current_job_id(self) -> int | None:
        items = self.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def select_job(self, job_id: int) -> None:
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) == job_id)

    def _selected(self) -> None:
        job_id = self.current_job_id()
        if job_id is not None:
            self.job_selected.emit(job_id)
