"""``aima doctor``: what a user pastes into a bug report, found without loading any model.

Versions come from the installed packages' metadata and the GPU from ``nvidia-smi``, so the
report is quick and works even where a library would fail to import.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import platform
import sys
import tempfile
from pathlib import Path

from aima_desktop import __version__
from aima_desktop.engine.capabilities import capabilities
from aima_desktop.engine.gpu import gpus
from aima_desktop.store.appdirs import cache_dir, config_dir, log_dir
from aima_desktop.store.cache import cache_size
from aima_desktop.store.settings import Settings, SettingsError, load_settings, settings_path

PACKAGES = ("PySide6-Essentials", "PySide6-Addons", "faster-whisper", "ctranslate2", "av",
            "numpy", "torch", "torchaudio", "pyannote.audio", "resemblyzer",
            "opencv-python-headless", "sqlite-utils", "python-docx")


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _package_file(package: str, *parts: str) -> Path | None:
    found = importlib.util.find_spec(package)
    if found is None or not found.submodule_search_locations:
        return None
    path = Path(next(iter(found.submodule_search_locations)), *parts)
    return path if path.exists() else None


def _writable(folder: Path) -> str:
    try:
        with tempfile.NamedTemporaryFile(dir=folder):
            pass
        return "writable"
    except OSError as exc:
        return f"NOT WRITABLE ({exc.strerror or exc})"


def report() -> dict[str, dict[str, str]]:
    """Sections of ``name: value`` lines."""
    try:
        settings, settings_state = load_settings(), "ok"
    except SettingsError as exc:
        settings, settings_state = Settings(), f"INVALID, defaults used: {exc}"
    sections: dict[str, dict[str, str]] = {
        "AIMA Desktop": {"version": __version__, "python": sys.version.split()[0],
                         "platform": platform.platform(), "executable": sys.executable},
        "packages": {name: _version(name) for name in PACKAGES},
    }
    found = gpus()
    sections["devices"] = {"cpu cores": str(os.cpu_count())}
    sections["devices"].update({
        f"gpu {g.index}": f"{g.free_mb} MB free of {g.total_mb} MB" for g in found} or {
        "gpu": "none found (nvidia-smi missing or no NVIDIA GPU): models run on the CPU"})
    models = {name: (c.model if c.available else f"UNAVAILABLE: {c.reason}")
              for name, c in capabilities(settings).items()}
    cascade = _package_file("cv2", "data", "haarcascade_frontalface_default.xml")
    models["face detector"] = str(cascade) if cascade else "UNAVAILABLE: no OpenCV Haar cascade"
    weights = _package_file("resemblyzer", "pretrained.pt")
    models["speaker embeddings"] = str(weights) if weights else "UNAVAILABLE: Resemblyzer missing"
    models["pyannote token"] = "set" if settings.hf_token or os.environ.get("HF_TOKEN") else "not set"
    sections["models"] = models
    sections["folders"] = {
        "settings": f"{settings_path()} ({settings_state})",
        "config": f"{config_dir()} ({_writable(config_dir())})",
        "cache": f"{cache_dir()} ({_writable(cache_dir())}, {cache_size() / 1e6:.1f} MB of "
                 f"{settings.cache_limit_mb} MB)",
        "logs": f"{log_dir()} ({_writable(log_dir())})",
    }
    return sections


def problems(sections: dict[str, dict[str, str]]) -> list[str]:
    """The lines that need the user's attention."""
    return [f"{section}: {name}: {value}" for section, lines in sections.items()
            for name, value in lines.items()
            if "UNAVAILABLE" in value or "NOT WRITABLE" in value or "INVALID" in value]
