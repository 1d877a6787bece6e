"""The abort dialog: why (optional), then every worker's shutdown live, the grace period
counting down, and "Stop now"."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QButtonGroup, QDialog, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QStackedWidget, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from aima_desktop.engine.orchestrator import Orchestrator
from aima_desktop.ui.labels import abort_reasons, module_label, status_label


class AbortDialog(QDialog):
    """Aborts the running job the seed's way; nothing finished is lost in any path.

    "Cancel" on the first page keeps the job running. Once the abort has begun the dialog
    stays until the job has stopped (or "Stop now" kills what is left), then accepts.
    """

    def __init__(self, orchestrator: Orchestrator, closing_app: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.orchestrator = orchestrator
        self.closing_app = closing_app
        self.final_status: str | None = None
        self._deadline = 0.0
        self._rows: dict[int, QTreeWidgetItem] = {}
        self.setWindowTitle(self.tr("Abort analysis"))
        self.setModal(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._question_page())
        self.pages.addWidget(self._progress_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._countdown = QTimer(self)
        self._countdown.setInterval(200)
        self._countdown.timeout.connect(self._tick)

    # -- page 1: the question ----------------------------------------------------------------
    def _question_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        question = (self.tr("Abort the analysis and close AIMA Desktop?") if self.closing_app
                    else self.tr("Abort the analysis?"))
        heading = QLabel(f"<b>{question}</b>")
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr(
            "Everything finished so far is kept. You can resume later from the last checkpoint.")))
        layout.addWidget(QLabel(self.tr("Reason (optional):")))
        self.reason_group = QButtonGroup(self)
        self.reason_buttons: dict[str, QRadioButton] = {}
        for value, label in abort_reasons():
            button = QRadioButton(label)
            self.reason_group.addButton(button)
            self.reason_buttons[value] = button
            layout.addWidget(button)
        self.other_reason = QLineEdit()
        self.other_reason.setPlaceholderText(self.tr("Describe the reason"))
        self.other_reason.setEnabled(False)
        self.reason_buttons["other"].toggled.connect(self.other_reason.setEnabled)
        layout.addWidget(self.other_reason)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.abort_button = QPushButton(self.tr("Abort analysis"))
        self.abort_button.setDefault(True)
        self.abort_button.clicked.connect(self.start_abort)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.abort_button)
        layout.addLayout(buttons)
        return page

    def reason(self) -> str:
        for value, button in self.reason_buttons.items():
            if button.isChecked():
                if value == "other":
                    return f"other: {self.other_reason.text().strip()}".rstrip(": ")
                return value
        return "user_request"

    # -- page 2: the shutdown ----------------------------------------------------------------
    def _progress_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = self.tr("Stopping the analysis…")
        layout.addWidget(QLabel(f"<b>{heading}</b>"))
        self.workers = QTreeWidget()
        self.workers.setHeaderLabels([self.tr("Module"), self.tr("State")])
        self.workers.setRootIsDecorated(False)
        layout.addWidget(self.workers)
        self.countdown_label = QLabel()
        layout.addWidget(self.countdown_label)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.stop_now_button = QPushButton(self.tr("Stop now"))
        self.stop_now_button.setToolTip(self.tr(
            "End the remaining workers at once. Committed results are kept; the unit each "
            "worker is processing is lost."))
        self.stop_now_button.clicked.connect(self.orchestrator.stop_now)
        buttons.addWidget(self.stop_now_button)
        layout.addLayout(buttons)
        return page

    def start_abort(self) -> None:
        if not self.orchestrator.active:
            self.accept()
            return
        self.pages.setCurrentIndex(1)
        for run_id, module in self.orchestrator.running_workers():
            item = QTreeWidgetItem([module_label(module), status_label("stopping")])
            self.workers.addTopLevelItem(item)
            self._rows[run_id] = item
        self.orchestrator.run_state.connect(self._on_run_state)
        self.orchestrator.job_finished.connect(self._on_finished)
        self._deadline = time.monotonic() + self.orchestrator.grace_s
        self._countdown.start()
        self._tick()
        self.orchestrator.abort(self.reason())

    def _on_run_state(self, run_id: int, _module: str, state: str) -> None:
        if run_id in self._rows:
            self._rows[run_id].setText(1, status_label(state))

    def _tick(self) -> None:
        left = max(0.0, self._deadline - time.monotonic())
        self.countdown_label.setText(
            self.tr("Workers have %n second(s) left to stop on their own.", "", int(left + 0.99)))

    def _on_finished(self, _job_id: int, status: str) -> None:
        self.final_status = status
        self._countdown.stop()
        self.orchestrator.run_state.disconnect(self._on_run_state)
        self.orchestrator.job_finished.disconnect(self._on_finished)
        self.accept()

    def reject(self) -> None:
        if self.pages.currentIndex() == 0:
            super().reject()  # the job keeps running; once stopping, there is no going back

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.pages.currentIndex() == 1:
            return
        super().keyPressEvent(event)
