"""Probe a media file in a child process: ``python -m aima_desktop.worker.probe FILE``.

Prints one JSON object: ``{"ok": true, "media": {...}}`` or ``{"ok": false, "category": ...,
"message": ...}``. Running FFmpeg's demuxers on a file from elsewhere in a child process keeps a
crash in them away from the window.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path

import av

from aima_desktop.domain.errors import AnalysisError, BadInputError
from aima_desktop.domain.media_checks import check_media_path
from aima_desktop.domain.records import MediaInfo


def _seconds(value: int | None, time_base) -> float:
    return float(value * time_base) if value is not None and time_base is not None else 0.0


def probe(path: Path) -> MediaInfo:
    path = Path(path).absolute()
    check_media_path(path)
    try:
        container = av.open(str(path))
    except av.error.FFmpegError as exc:
        raise BadInputError(
            "cannot be read as audio or video; it may be damaged, incomplete or not a media file",
            detail=str(exc)) from exc
    with container:
        audio = container.streams.audio[0] if container.streams.audio else None
        videos = [s for s in container.streams.video
                  if not s.disposition & av.stream.Disposition.attached_pic]
        audio_duration = _seconds(audio.duration, audio.time_base) if audio else 0.0
        duration = container.duration / av.time_base if container.duration else 0.0
        duration = max(duration, audio_duration,
                       *(_seconds(v.duration, v.time_base) for v in videos))
    if audio is None and not videos:
        raise BadInputError("contains neither an audio nor a video track")
    if duration <= 0:
        raise BadInputError("has no duration; it may be damaged or incomplete")
    with open(path, "rb") as handle:
        sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
    return MediaInfo(
        path=str(path), file_name=path.name, sha256=sha256, size=path.stat().st_size,
        duration=round(duration, 3), media_type="video" if videos else "audio",
        has_audio=audio is not None, has_video=bool(videos), audio_duration=round(audio_duration, 3),
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m aima_desktop.worker.probe FILE", file=sys.stderr)
        return 2
    try:
        result = {"ok": True, "media": asdict(probe(Path(argv[0])))}
    except AnalysisError as exc:
        result = {"ok": False, "category": str(exc.category), "message": exc.message,
                  "detail": exc.detail}
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
