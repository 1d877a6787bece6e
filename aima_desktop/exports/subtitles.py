"""SubRip and WebVTT subtitles, with the speaker where the job diarized."""

from __future__ import annotations

from aima_desktop.exports.collect import ExportData


def _timestamp(seconds: float, separator: str) -> str:
    millis = int(round(max(0.0, seconds) * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _cues(data: ExportData) -> list[tuple[float, float, str | None, str]]:
    """``(start, end, speaker, text)``; each gap of the transcript becomes a visible cue."""
    cues = []
    for item in data.utterances:
        speaker = item.payload.get("speaker") if data.diarized else None
        text = item.payload.get("text", item.label) if speaker else item.label
        cues.append((item.start, item.end, speaker, text.strip()))
    for gap in data.gaps:
        if gap.module == "transcript":
            cues.append((gap.start, gap.end, None,
                         f"[not transcribed: {gap.reason}; partial result of job {data.job.id}]"))
    return sorted(cues)


def to_srt(data: ExportData) -> str:
    blocks = []
    for index, (start, end, speaker, text) in enumerate(_cues(data), start=1):
        line = f"{speaker}: {text}" if speaker else text
        blocks.append(f"{index}\n{_timestamp(start, ',')} --> {_timestamp(end, ',')}\n{line}\n")
    return "\n".join(blocks)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(data: ExportData) -> str:
    parts = ["WEBVTT\n"]
    note = data.partial_note()
    if note:
        parts.append(f"NOTE\n{note.replace('-->', '->')}\n")
    for start, end, speaker, text in _cues(data):
        line = f"<v {_vtt_escape(speaker)}>{_vtt_escape(text)}" if speaker else _vtt_escape(text)
        parts.append(f"{_timestamp(start, '.')} --> {_timestamp(end, '.')}\n{line}\n")
    return "\n".join(parts)
