"""Application-wide folders from platformdirs: settings, caches, logs.

Evaluated on every call, so that a changed environment (tests, a portable setup) is honoured.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

from aima_desktop import APP_NAME


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, appauthor=False)


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    return _ensure(Path(_dirs().user_config_dir))


def cache_dir() -> Path:
    return _ensure(Path(_dirs().user_cache_dir))


def log_dir() -> Path:
    return _ensure(Path(_dirs().user_log_dir))


def audio_cache_dir() -> Path:
    return _ensure(cache_dir() / "audio")


def model_cache_dir() -> Path:
    return _ensure(cache_dir() / "models")


def decoded_audio_path(media_sha256: str) -> Path:
    """Where the ``audio`` module leaves a media file's 16 kHz mono samples (raw s16le)."""
    if len(media_sha256) != 64 or not all(c in "0123456789abcdef" for c in media_sha256):
        raise ValueError(f"invalid media hash {media_sha256!r}")
    return audio_cache_dir() / f"{media_sha256}.s16le"
