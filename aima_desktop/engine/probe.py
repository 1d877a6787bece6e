"""Probing media in a child process (see ``aima_desktop.worker.probe``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from aima_desktop.domain.errors import BadInputError
from aima_desktop.domain.media_checks import check_media_path
from aima_desktop.domain.records import MediaInfo

PROBE_TIMEOUT_S = 300  # hashing a very large file on a slow disk


def probe_media(path: Path) -> MediaInfo:
    """What the media file is; :class:`BadInputError` with the reason when it is unusable."""
    check_media_path(Path(path))
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "aima_desktop.worker.probe", str(path)],
            capture_output=True, text=True, timeout=PROBE_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as exc:
        raise BadInputError(f"could not be read within {PROBE_TIMEOUT_S} s") from exc
    try:
        result = json.loads(completed.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise BadInputError(
            "could not be examined: the media probe crashed "
            f"(exit code {completed.returncode})", detail=completed.stderr[-2000:]) from None
    if not result.get("ok"):
        raise BadInputError(result.get("message", "cannot be read"), detail=result.get("detail", ""))
    return MediaInfo(**result["media"])
