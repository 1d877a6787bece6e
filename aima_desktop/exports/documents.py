"""The transcript as a document to read: plain text, Markdown, Word (DOCX).

Consecutive segments of one speaker form one paragraph headed by the speaker and the time;
a partial result says so at the top and marks where the transcript stops.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from aima_desktop.domain.progress import format_duration
from aima_desktop.exports.collect import ExportData


@dataclass
class Paragraph:
    """Consecutive speech of one speaker, or a marker for missing transcript."""

    start: float
    speaker: str | None
    text: str
    gap: bool = False


def paragraphs(data: ExportData) -> list[Paragraph]:
    found: list[Paragraph] = []
    for item in data.utterances:
        speaker = item.payload.get("speaker") if data.diarized else None
        text = (item.payload.get("text", item.label) if speaker else item.label).strip()
        if found and not found[-1].gap and found[-1].speaker == speaker and speaker:
            found[-1].text += " " + text
        else:
            found.append(Paragraph(item.start, speaker, text))
    for gap in data.gaps:
        if gap.module == "transcript":
            found.append(Paragraph(gap.start, None, (
                f"[Not transcribed from {format_duration(gap.start)} to "
                f"{format_duration(gap.end)}: {gap.reason}.]"), gap=True))
    return sorted(found, key=lambda p: (p.start, p.gap))


def _title(data: ExportData) -> str:
    return f"Transcript of {data.media.file_name}"


def to_txt(data: ExportData) -> str:
    lines = [_title(data), ""]
    lines += [f"{name}: {value}" for name, value in data.header().items()]
    note = data.partial_note()
    if note:
        lines += ["", f"[{note}]"]
    lines.append("")
    for paragraph in paragraphs(data):
        if paragraph.speaker:
            lines.append(f"{paragraph.speaker} [{format_duration(paragraph.start)}]: "
                         f"{paragraph.text}")
        else:
            lines.append(paragraph.text)
    return "\n".join(lines) + "\n"


def to_markdown(data: ExportData) -> str:
    lines = [f"# {_title(data)}", ""]
    lines += [f"- **{name}:** {value}" for name, value in data.header().items()]
    note = data.partial_note()
    if note:
        lines += ["", f"> **Partial result.** {note}"]
    for paragraph in paragraphs(data):
        lines.append("")
        if paragraph.gap:
            lines.append(f"*{paragraph.text}*")
        elif paragraph.speaker:
            lines.append(f"**{paragraph.speaker}** [{format_duration(paragraph.start)}]: "
                         f"{paragraph.text}")
        else:
            lines.append(f"[{format_duration(paragraph.start)}] {paragraph.text}")
    return "\n".join(lines) + "\n"


def to_docx(data: ExportData) -> bytes:
    import docx  # python-docx

    document = docx.Document()
    document.core_properties.title = _title(data)
    document.core_properties.comments = data.partial_note() or "complete result"
    document.add_heading(_title(data), level=1)
    header = data.header()
    table = document.add_table(rows=len(header), cols=2)
    for row, (name, value) in zip(table.rows, header.items()):
        row.cells[0].text, row.cells[1].text = name, value
    note = data.partial_note()
    if note:
        warning = document.add_paragraph()
        warning.add_run("Partial result. ").bold = True
        warning.add_run(note)
    for paragraph in paragraphs(data):
        block = document.add_paragraph()
        if paragraph.gap:
            block.add_run(paragraph.text).italic = True
            continue
        if paragraph.speaker:
            block.add_run(paragraph.speaker).bold = True
        block.add_run(f" [{format_duration(paragraph.start)}] ")
        block.add_run(paragraph.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
