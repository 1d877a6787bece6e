"""The cache of decoded audio: how big it is, trimming it to the settings' limit, clearing it.

Nothing in it is a result: a missing file is decoded again when a job needs it.
"""

from __future__ import annotations

from pathlib import Path

from aima_desktop.store.appdirs import audio_cache_dir


def _files() -> list[Path]:
    return [p for p in audio_cache_dir().iterdir() if p.is_file()]


def cache_size() -> int:
    """Bytes the cache holds."""
    return sum(p.stat().st_size for p in _files())


def trim_cache(limit_bytes: int, keep: frozenset[str] = frozenset()) -> int:
    """Delete the least recently used files until the cache fits ``limit_bytes``.

    Files whose name starts with one of ``keep`` (media hashes in use) and files being written
    (``.part``) stay. Returns the bytes freed.
    """
    files = sorted(_files(), key=lambda p: p.stat().st_mtime)
    total, freed = sum(p.stat().st_size for p in files), 0
    for path in files:
        if total - freed <= limit_bytes:
            break
        if path.suffix == ".part" or path.name.startswith(tuple(keep)):
            continue
        size = path.stat().st_size
        path.unlink(missing_ok=True)
        freed += size
    return freed


def clear_cache() -> int:
    """Delete every finished file; returns the bytes freed."""
    return trim_cache(0)
