"""Timeline events as CSV or TSV for spreadsheets and QDA tools, and speaker turns as RTTM."""

from __future__ import annotations

import csv
import io
import json

from aima_desktop.exports.collect import ExportData

COLUMNS = ("module", "kind", "start", "end", "duration", "speaker", "label", "details")
GAP_KIND = "not analysed"
# Columns of their own, or model internals (Whisper's token ids) no one reads in a table.
DETAILS_LEFT_OUT = frozenset({"speaker", "words", "tokens", "text"})


def _rows(data: ExportData) -> list[tuple]:
    rows = []
    for module, event in data.items():
        details = {k: v for k, v in event.payload.items() if k not in DETAILS_LEFT_OUT}
        rows.append((module, event.kind, f"{event.start:.3f}", f"{event.end:.3f}",
                     f"{event.end - event.start:.3f}", event.payload.get("speaker", ""),
                     event.label, json.dumps(details, ensure_ascii=False) if details else ""))
    # A partial result's gaps are rows too, so a filter on "kind" shows where results stop.
    for gap in data.gaps:
        rows.append((gap.module, GAP_KIND, f"{gap.start:.3f}", f"{gap.end:.3f}",
                     f"{gap.end - gap.start:.3f}", "",
                     f"partial result of job {data.job.id}: {gap.reason}", ""))
    return sorted(rows, key=lambda row: (float(row[2]), row[0]))


def to_table(data: ExportData, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(_rows(data))
    return buffer.getvalue()


def to_csv(data: ExportData) -> str:
    return to_table(data, ",")


def to_tsv(data: ExportData) -> str:
    return to_table(data, "\t")


def to_rttm(data: ExportData) -> str:
    """NIST RTTM: one SPEAKER line per turn; a partial result's missing stretches of the
    diarization as NOSCORE lines (not speaker turns: evaluation tools leave them out)."""
    lines = [f"SPEAKER {data.uri} 1 {turn.start:.3f} {turn.end - turn.start:.3f} <NA> <NA> "
             f"{'_'.join(turn.label.split()) or 'UNKNOWN'} <NA> <NA>" for turn in data.turns]
    for gap in data.gaps:
        if gap.module.startswith("diarization"):
            lines.append(f"NOSCORE {data.uri} 1 {gap.start:.3f} {gap.end - gap.start:.3f} "
                         "<NA> <NA> <NA> <NA> <NA>")
    return "\n".join(lines) + ("\n" if lines else "")
