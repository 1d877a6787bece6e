"""Transcript segments as SubRip, WebVTT and plain text."""

from __future__ import annotations

from collections.abc import Sequence

from aima_desktop.domain.records import Event


def _timestamp(seconds: float, separator: str) -> str:
    millis = int(round(max(0.0, seconds) * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def to_srt(segments: Sequence[Event]) -> str:
    blocks = [
        f"{index}\n{_timestamp(s.start, ',')} --> {_timestamp(s.end, ',')}\n{s.label.strip()}\n"
        for index, s in enumerate(segments, start=1)
    ]
    return "\n".join(blocks)


def to_vtt(segments: Sequence[Event], note: str | None = None) -> str:
    parts = ["WEBVTT\n"]
    if note:
        parts.append(f"NOTE {note}\n")
    parts += [
        f"{_timestamp(s.start, '.')} --> {_timestamp(s.end, '.')}\n{s.label.strip()}\n"
        for s in segments
    ]
    return "\n".join(parts)


def to_txt(segments: Sequence[Event], note: str | None = None) -> str:
    lines = [f"[{note}]", ""] if note else []
    lines += [s.label.strip() for s in segments]
    return "\n".join(lines) + "\n"
