"""The Settings dialog: the same settings as ``settings.toml`` and ``aima settings``."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from aima_desktop.store.cache import cache_size, clear_cache
from aima_desktop.store.settings import (DEVICES, OOM_RECOVERY, Settings, SettingsError,
                                         save_settings, settings_path)


class SettingsDialog(QDialog):
    """Edits the user's settings; OK validates and saves them, a bad value is named in the
    dialog and nothing is saved. ``settings`` holds the result after OK."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        layout = QVBoxLayout(self)

        speech = self._group(layout, self.tr("Speech recognition"))
        self.transcript_model = self._folder_field(
            speech, self.tr("Model:"), self.tr("shipped default (base)"),
            self.tr("A folder with model.bin (faster-whisper), or base / tiny.en"))
        self.transcript_language = QLineEdit()
        self.transcript_language.setPlaceholderText(self.tr("detect"))
        self.transcript_language.setToolTip(self.tr("Language code of the speech, e.g. en or de"))
        speech.addRow(self.tr("Language of the analysis:"), self.transcript_language)
        self.transcript_device = self._devices(speech)

        speakers = self._group(layout, self.tr("Speaker diarization"))
        self.diarization_pipeline = self._folder_field(
            speakers, self.tr("pyannote pipeline:"), self.tr("none: the embedded alternative"),
            self.tr("A local pipeline folder (config.yaml), or a pipeline name used with the "
                    "token"))
        token_row = QHBoxLayout()
        self.hf_token = QLineEdit()
        self.hf_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.hf_token.setPlaceholderText(self.tr("not set"))
        self.hf_token.setToolTip(self.tr("Kept in your settings only, never in a project"))
        self.show_token = QCheckBox(self.tr("Show"))
        self.show_token.toggled.connect(lambda shown: self.hf_token.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password))
        token_row.addWidget(self.hf_token)
        token_row.addWidget(self.show_token)
        speakers.addRow(self.tr("Hugging Face token:"), token_row)
        self.diarization_device = self._devices(speakers)
        self.num_speakers = QSpinBox()
        self.num_speakers.setRange(0, 50)
        self.num_speakers.setSpecialValueText(self.tr("estimate"))
        speakers.addRow(self.tr("Number of speakers:"), self.num_speakers)

        running = self._group(layout, self.tr("Running and stopping"))
        self.grace_period_s = QDoubleSpinBox()
        self.grace_period_s.setRange(0, 600)
        self.grace_period_s.setSuffix(" s")
        running.addRow(self.tr("Grace period on abort:"), self.grace_period_s)
        self.oom_recovery = QComboBox()
        for value, label in zip(OOM_RECOVERY, (self.tr("Retry on the CPU"),
                                               self.tr("Retry with a smaller batch"),
                                               self.tr("Ask me"))):
            self.oom_recovery.addItem(label, value)
        running.addRow(self.tr("Out of GPU memory:"), self.oom_recovery)
        self.checkpoint_s = QDoubleSpinBox()
        self.checkpoint_s.setRange(0, 600)
        self.checkpoint_s.setSuffix(" s")
        self.checkpoint_s.setSpecialValueText(self.tr("each module's default"))
        self.checkpoint_s.setToolTip(self.tr(
            "Media seconds between commits: the most an abort or a crash can lose"))
        running.addRow(self.tr("Checkpoint every:"), self.checkpoint_s)

        general = self._group(layout, self.tr("General"))
        self.ui_language = QComboBox()
        for value, label in (("", self.tr("System language")), ("en", "English"),
                             ("de", "Deutsch")):
            self.ui_language.addItem(label, value)
        general.addRow(self.tr("Language (after a restart):"), self.ui_language)
        cache_row = QHBoxLayout()
        self.cache_limit_mb = QSpinBox()
        self.cache_limit_mb.setRange(0, 10_000_000)
        self.cache_limit_mb.setSuffix(" MB")
        self.cache_used = QLabel()
        self.clear_cache_button = QPushButton(self.tr("Clear cache"))
        self.clear_cache_button.clicked.connect(self.clear_cache)
        cache_row.addWidget(self.cache_limit_mb)
        cache_row.addWidget(self.cache_used, 1)
        cache_row.addWidget(self.clear_cache_button)
        general.addRow(self.tr("Cache size:"), cache_row)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        location = QLabel(self.tr("Stored in %1").replace("%1", str(settings_path())))
        location.setStyleSheet("color: gray")
        layout.addWidget(location)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.load(Settings(hf_token=self.hf_token.text())))
        layout.addWidget(buttons)
        self.load(settings)

    # -- building ----------------------------------------------------------------------------
    def _group(self, layout: QVBoxLayout, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        layout.addWidget(box)
        return form

    def _folder_field(self, form: QFormLayout, label: str, placeholder: str,
                      tip: str) -> QLineEdit:
        row = QHBoxLayout()
        field = QLineEdit()
        field.setPlaceholderText(placeholder)
        field.setToolTip(tip)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda: self._choose_folder(field))
        row.addWidget(field)
        row.addWidget(browse)
        form.addRow(label, row)
        return field

    def _devices(self, form: QFormLayout) -> QComboBox:
        combo = QComboBox()
        for value, label in zip(DEVICES, (self.tr("GPU if available, else CPU"), "CPU",
                                          self.tr("GPU (CUDA)"))):
            combo.addItem(label, value)
        form.addRow(self.tr("Device:"), combo)
        return combo

    def _choose_folder(self, field: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), field.text())
        if folder:
            field.setText(folder)

    # -- values ------------------------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        for name in ("transcript_model", "transcript_language", "diarization_pipeline",
                     "hf_token"):
            getattr(self, name).setText(getattr(settings, name))
        for name in ("transcript_device", "diarization_device", "oom_recovery", "ui_language"):
            combo = getattr(self, name)
            combo.setCurrentIndex(combo.findData(getattr(settings, name)))
        for name in ("num_speakers", "grace_period_s", "checkpoint_s", "cache_limit_mb"):
            getattr(self, name).setValue(getattr(settings, name))
        self._show_cache()

    def values(self) -> Settings:
        """The settings as entered, not yet validated."""
        return replace(
            self.settings,
            transcript_model=self.transcript_model.text().strip(),
            transcript_language=self.transcript_language.text().strip().lower(),
            transcript_device=self.transcript_device.currentData(),
            diarization_pipeline=self.diarization_pipeline.text().strip(),
            hf_token=self.hf_token.text().strip(),
            diarization_device=self.diarization_device.currentData(),
            num_speakers=self.num_speakers.value(),
            grace_period_s=self.grace_period_s.value(),
            oom_recovery=self.oom_recovery.currentData(),
            checkpoint_s=self.checkpoint_s.value(),
            ui_language=self.ui_language.currentData(),
            cache_limit_mb=self.cache_limit_mb.value(),
        )

    def accept(self) -> None:
        try:
            settings = self.values().validate()
            save_settings(settings)
        except SettingsError as exc:
            self.error.setText(str(exc))
            return
        except OSError as exc:
            self.error.setText(self.tr("The settings could not be saved: %1").replace(
                "%1", exc.strerror or str(exc)))
            return
        self.settings = settings
        super().accept()

    def clear_cache(self) -> None:
        clear_cache()
        self._show_cache()

    def _show_cache(self) -> None:
        self.cache_used.setText(self.tr("%1 MB in use").replace("%1", f"{cache_size() / 1e6:.0f}"))
