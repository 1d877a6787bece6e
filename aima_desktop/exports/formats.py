"""The export formats by name, and writing one to a file without leaving half a file behind."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aima_desktop.exports import documents, eaf, subtitles, tables
from aima_desktop.exports.collect import ExportData, collect
from aima_desktop.store.project import Project


@dataclass(frozen=True)
class ExportFormat:
    """One way to take results out: file extension, what it is for, how it is written."""

    name: str
    extension: str
    description: str
    write: Callable[[ExportData], str | bytes]


def _json(data: ExportData) -> str:
    results = dict(data.results)
    results["gaps"] = [gap.as_dict() for gap in data.gaps]
    return json.dumps(results, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("srt", "srt", "SubRip subtitles", subtitles.to_srt),
    ExportFormat("vtt", "vtt", "WebVTT subtitles", subtitles.to_vtt),
    ExportFormat("txt", "txt", "Plain-text transcript with speakers", documents.to_txt),
    ExportFormat("md", "md", "Markdown transcript with speakers", documents.to_markdown),
    ExportFormat("docx", "docx", "Word document: transcript with speakers", documents.to_docx),
    ExportFormat("csv", "csv", "Timeline events as CSV (spreadsheets, QDA tools)", tables.to_csv),
    ExportFormat("tsv", "tsv", "Timeline events as tab-separated values", tables.to_tsv),
    ExportFormat("rttm", "rttm", "Speaker turns as RTTM (pyannote.metrics, dscore)",
                 tables.to_rttm),
    ExportFormat("eaf", "eaf", "ELAN annotation document: tiers per module and speaker", eaf.to_eaf),
    ExportFormat("json", "json", "Everything, in AIMA's partial-result structure", _json),
)}


class ExportError(ValueError):
    """An export that cannot be written, with the reason in words."""


def render(project: Project, job_id: int, format_name: str) -> str | bytes:
    try:
        export_format = FORMATS[format_name]
    except KeyError:
        raise ExportError(f"unknown export format {format_name!r}; "
                          f"choose one of {', '.join(FORMATS)}") from None
    data = collect(project, job_id)
    if format_name == "rttm" and not any(r.module.startswith("diarization") for r in data.runs):
        raise ExportError(f"job {job_id} has no speaker turns: run it with speaker diarization")
    return export_format.write(data)


def export(project: Project, job_id: int, format_name: str, path: Path) -> Path:
    """Write job ``job_id``'s results to ``path``: the whole file or, on failure, none."""
    content = render(project, job_id, format_name)
    path = Path(path)
    if path.resolve().is_relative_to(project.path.resolve()):
        raise ExportError("choose a file outside the project folder")
    if not path.parent.is_dir():
        raise ExportError(f"folder {path.parent} does not exist")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path
