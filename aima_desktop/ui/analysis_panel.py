"""The left panel: the media, the module picker, Start/Abort, and live progress per module."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QProgressBar, QPushButton, QVBoxLayout, QWidget)

from aima_desktop.domain.catalog import spec, with_dependencies
from aima_desktop.domain.progress import format_duration
from aima_desktop.domain.records import MediaInfo
from aima_desktop.engine.capabilities import Capability
from aima_desktop.engine.orchestrator import RunSnapshot
from aima_desktop.ui.labels import module_description, module_label, status_label


class AnalysisPanel(QWidget):
    """Chooses what to run and shows how far it is."""

    start_requested = Signal(list)  # module names
    abort_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.media_label = QLabel(self.tr("No media. Open a file (Ctrl+O) or drop it here."))
        self.media_label.setWordWrap(True)
        layout.addWidget(self.media_label)

        self.modules_box = QGroupBox(self.tr("Modules"))
        self.modules_layout = QVBoxLayout(self.modules_box)
        self.checkboxes: dict[str, QCheckBox] = {}
        layout.addWidget(self.modules_box)

        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Start the analysis (Ctrl+R)"))
        self.abort_button = QPushButton(self.tr("Abort"))
        self.abort_button.setToolTip(self.tr("Abort the analysis; finished work is kept"))
        self.start_button.clicked.connect(lambda: self.start_requested.emit(self.selected_modules()))
        self.abort_button.clicked.connect(self.abort_requested.emit)
        row.addWidget(self.start_button)
        row.addWidget(self.abort_button)
        layout.addLayout(row)

        self.progress_box = QGroupBox(self.tr("Progress"))
        self.progress_layout = QGridLayout(self.progress_box)
        self.overall = QProgressBar()
        self.overall_label = QLabel()
        self.progress_layout.addWidget(QLabel(self.tr("Overall")), 0, 0)
        self.progress_layout.addWidget(self.overall, 0, 1)
        self.progress_layout.addWidget(self.overall_label, 1, 0, 1, 2)
        self.rows: dict[str, tuple[QLabel, QProgressBar, QLabel]] = {}
        layout.addWidget(self.progress_box)
        layout.addStretch()
        self.media: MediaInfo | None = None
        self.set_running(False)

    # -- modules ---------------------------------------------------------------------------
    def set_capabilities(self, capabilities: dict[str, Capability]) -> None:
        self.capabilities = capabilities
        for name, capability in capabilities.items():
            box = self.checkboxes.get(name)
            if box is None:
                box = self.checkboxes[name] = QCheckBox(module_label(name))
                box.setObjectName(f"module_{name}")
                self.modules_layout.addWidget(box)
                info = QLabel()
                info.setObjectName(f"module_info_{name}")
                info.setWordWrap(True)
                info.setEnabled(False)
                self.modules_layout.addWidget(info)
            info = self.modules_box.findChild(QLabel, f"module_info_{name}")
            text = module_description(name) + "<br>" + self.tr("Device: %1 · Model: %2") \
                .replace("%1", capability.device).replace("%2", capability.model)
            if not capability.available:
                text += "<br>" + self.tr("Cannot run here: %1").replace("%1", capability.reason)
            info.setText(text)
        self._apply_media_limits()

    def _apply_media_limits(self) -> None:
        """Enable what can run here on this media; tick all of it by default."""
        for name, box in self.checkboxes.items():
            capability = self.capabilities[name]
            reason = capability.reason
            if capability.available and self.media is not None:
                if spec(name).needs_video and not self.media.has_video:
                    reason = self.tr("the media has no video track")
                elif "audio" in with_dependencies([name]) and not self.media.has_audio:
                    reason = self.tr("the media has no audio track")
            box.setEnabled(not reason)
            box.setChecked(not reason)
            box.setToolTip(reason)
        self._update_buttons()

    def selected_modules(self) -> list[str]:
        return [name for name, box in self.checkboxes.items() if box.isChecked() and box.isEnabled()]

    def set_media(self, media: MediaInfo | None, error: str = "") -> None:
        self.media = media
        if error:
            self.media_label.setText(f"<span style='color:#b00020'>{error}</span>")
        elif media is None:
            self.media_label.setText(self.tr("No media. Open a file (Ctrl+O) or drop it here."))
        else:
            kind = self.tr("video") if media.media_type == "video" else self.tr("audio")
            self.media_label.setText(f"<b>{media.file_name}</b><br>{kind}, "
                                     f"{format_duration(media.duration)}")
        if hasattr(self, "capabilities"):
            self._apply_media_limits()
        else:
            self._update_buttons()

    def set_running(self, running: bool) -> None:
        self.running = running
        self.modules_box.setEnabled(not running)
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = getattr(self, "running", False)
        self.start_button.setEnabled(not running and self.media is not None
                                     and bool(self.selected_modules()))
        self.abort_button.setEnabled(running)

    # -- progress --------------------------------------------------------------------------
    def show_progress(self, percentage: int, seconds_left: float | None,
                      runs: list[RunSnapshot]) -> None:
        self.overall.setValue(percentage)
        self.overall_label.setText(self.tr("Time left: %1").replace(
            "%1", format_duration(seconds_left)) if self.running else "")
        for run in runs:
            if run.module not in self.rows:
                row = len(self.rows) + 2
                widgets = (QLabel(module_label(run.module)), QProgressBar(), QLabel())
                self.progress_layout.addWidget(widgets[0], row * 2, 0)
                self.progress_layout.addWidget(widgets[1], row * 2, 1)
                self.progress_layout.addWidget(widgets[2], row * 2 + 1, 0, 1, 2)
                self.rows[run.module] = widgets
            _label, bar, detail = self.rows[run.module]
            done = run.total_s and min(run.processed_s, run.total_s) / run.total_s
            bar.setValue(int(100 * done) if run.status not in ("completed", "reused") else 100)
            parts = [status_label(run.status),
                     f"{format_duration(run.processed_s)} / {format_duration(run.total_s)}"]
            if run.status == "running" and run.eta_s is not None:
                parts.append(self.tr("%1 left").replace("%1", format_duration(run.eta_s)))
            if run.device:
                parts.append(run.device)
            detail.setText(" · ".join(parts))

    def clear_progress(self) -> None:
        for widgets in self.rows.values():
            for widget in widgets:
                self.progress_layout.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.rows = {}
        self.overall.setValue(0)
        self.overall_label.setText("")
