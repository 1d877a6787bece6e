"""Checks of a media path that need no decoder, so the user hears about them at once."""

from __future__ import annotations

import os
from pathlib import Path

from aima_desktop.domain.errors import BadInputError


def check_media_path(path: Path) -> None:
    """Raise :class:`BadInputError` with a specific reason if ``path`` cannot be a media file."""
    if not path.exists():
        raise BadInputError("file not found")
    if path.is_dir():
        raise BadInputError("is a directory, not a media file")
    if not path.is_file():
        raise BadInputError("is not a regular file")
    if not os.access(path, os.R_OK):
        raise BadInputError("cannot be read (permission denied)")
    if path.stat().st_size == 0:
        raise BadInputError("is empty (0 bytes)")
