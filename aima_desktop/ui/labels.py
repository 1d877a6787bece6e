"""Translated names of statuses, modules and abort reasons.

Every text is a literal ``translate("Labels", ...)`` call so that pyside6-lupdate finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def status_label(status: str) -> str:
    labels = {
        "created": translate("Labels", "created"),
        "running": translate("Labels", "running"),
        "aborting": translate("Labels", "aborting"),
        "completed": translate("Labels", "completed"),
        "aborted": translate("Labels", "aborted"),
        "failed": translate("Labels", "failed"),
        "paused_for_recovery": translate("Labels", "paused for recovery"),
        "interrupted": translate("Labels", "interrupted"),
        "pending": translate("Labels", "not started"),
        "reused": translate("Labels", "reused"),
        "skipped": translate("Labels", "skipped"),
        "starting": translate("Labels", "starting"),
        "stopping": translate("Labels", "stopping"),
        "stopped": translate("Labels", "stopped"),
        "killed": translate("Labels", "killed"),
        "dropped": translate("Labels", "dropped"),
        "replaced": translate("Labels", "replaced by an alternative"),
    }
    return labels.get(str(status), str(status))


def module_label(module: str) -> str:
    labels = {
        "audio": translate("Labels", "Audio extraction"),
        "transcript": translate("Labels", "Speech recognition"),
        "diarization": translate("Labels", "Speaker diarization"),
        "diarization_embedded": translate("Labels", "Speaker diarization (embedded)"),
        "visual": translate("Labels", "Visual analysis"),
        "fusion": translate("Labels", "Speaker-attributed transcript"),
    }
    return labels.get(module, module)


def module_description(module: str) -> str:
    labels = {
        "audio": translate("Labels", "Decodes the sound track to 16 kHz mono for the other modules."),
        "transcript": translate(
            "Labels", "Transcribes speech with faster-whisper: segments, words, language."),
        "diarization": translate(
            "Labels", "Who speaks when: a pyannote.audio pipeline, else the embedded one."),
        "visual": translate("Labels", "Shots (cuts and gradual), keyframes, faces (OpenCV)."),
        "fusion": translate("Labels", "A speaker for every word and segment of the transcript."),
    }
    return labels.get(module, "")


def abort_reasons() -> list[tuple[str, str]]:
    """The seed's reasons for a user-initiated abort: (stored value, label)."""
    return [
        ("unexpectedly_long_runtime", translate("Labels", "The analysis takes unexpectedly long")),
        ("wrong_parameters_or_data", translate("Labels", "Wrong parameters or data were used")),
        ("changed_priorities", translate("Labels", "Priorities or requirements have changed")),
        ("other", translate("Labels", "Other reason")),
    ]
