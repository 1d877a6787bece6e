"""Exports of a complete and a partial job, each parsed back by an independent reader."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import docx
import pytest
import srt
import webvtt
from pyannote.database.util import load_rttm

from aima_desktop.store.project import Project
from tests.conftest import SAMPLE, TEST_MODEL, aima

MODULES = "fusion,visual"


def _isolated_env(base) -> dict:
    return {variable: str(base / variable.lower()) for variable in
            ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME")}


@pytest.fixture(scope="module")
def jobs(tmp_path_factory):
    """``{"complete": project, "partial": project}``: every module on the sample; in the
    partial one the speech recognition fails after four segments (a critical failure)."""
    base = tmp_path_factory.mktemp("exports")
    env = {**_isolated_env(base), "AIMA_LANGUAGE": "en"}
    projects = {}
    for name, fault in (("complete", ""), ("partial", "transcript:error=internal_error:after=4")):
        project_dir = base / f"{name}.aima"
        result = aima("run", SAMPLE, "--project", project_dir, "--modules", MODULES,
                      "--model", TEST_MODEL, env={**env, "AIMA_FAULT": fault})
        assert result.returncode == (0 if name == "complete" else 1), result.stderr
        projects[name] = project_dir
    return projects


def stored(project_dir, kind: str) -> list:
    with Project.open(project_dir) as project:
        run_ids = [r.id for r in project.jobs.runs(1)]
        return project.events.events(run_ids, kind=kind)


def transcript_end(project_dir) -> float:
    with Project.open(project_dir) as project:
        return next(r.processed_s for r in project.jobs.runs(1) if r.module == "transcript")


def export(jobs, name: str, fmt: str, tmp_path):
    path = tmp_path / f"{name}.{fmt}"
    result = aima("results", jobs[name], "--format", fmt, "--output", path)
    assert result.returncode == 0, result.stderr
    return path


@pytest.mark.parametrize("name", ["complete", "partial"])
def test_subtitles_read_back_with_speakers_and_the_gap_marked(jobs, name, tmp_path):
    segments = stored(jobs[name], "segment")
    assert segments
    cues = list(srt.parse(export(jobs, name, "srt", tmp_path).read_text()))
    captions = webvtt.read(str(export(jobs, name, "vtt", tmp_path))).captions
    gap_cues = [c for c in cues if c.content.startswith("[not transcribed")]
    speech = [c for c in cues if c not in gap_cues]
    assert [c.start.total_seconds() for c in speech] == pytest.approx([s.start for s in segments],
                                                                    abs=1e-3)
    assert all(s.label.strip() in c.content for c, s in zip(speech, segments))
    # Speaker names where the job diarized (the partial job's diarization may have been
    # stopped before its clustering, with no turns to name anyone).
    diarized = bool(stored(jobs[name], "turn"))
    assert diarized or name == "partial"
    assert all(c.content.startswith("SPEAKER_") == diarized for c in speech)
    assert all(bool(c.voice and c.voice.startswith("SPEAKER_")) == diarized
               for c in captions[:len(speech)])
    if name == "partial":
        assert len(gap_cues) == 1 and len(captions) == len(cues)
        assert gap_cues[0].start.total_seconds() == pytest.approx(transcript_end(jobs[name]), abs=1e-3)
        assert "Partial result of job 1" in (tmp_path / "partial.vtt").read_text()
    else:
        assert not gap_cues and "Partial" not in (tmp_path / "complete.vtt").read_text()


@pytest.mark.parametrize("name", ["complete", "partial"])
def test_speaker_transcripts_as_text_markdown_and_word(jobs, name, tmp_path):
    words = [w for s in stored(jobs[name], "segment") for w in s.label.split()]
    text = export(jobs, name, "txt", tmp_path).read_text()
    markdown = export(jobs, name, "md", tmp_path).read_text()
    document = docx.Document(str(export(jobs, name, "docx", tmp_path)))
    paragraphs = [p.text for p in document.paragraphs]
    body = " ".join(paragraphs)
    assert all(word in body and word in text and word in markdown for word in words)
    assert any(p.startswith("SPEAKER_") for p in paragraphs) == bool(stored(jobs[name], "turn"))
    status = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}["status"]
    assert status == name and f"status: {name}" in text
    if name == "partial":
        assert paragraphs[1].startswith("Partial result.")  # under the heading and the table
        assert paragraphs[-1].startswith("[Not transcribed from")
        assert "> **Partial result.**" in markdown
    else:
        assert not any("Partial result" in p or "Not transcribed" in p for p in paragraphs)


@pytest.mark.parametrize("name", ["complete", "partial"])
def test_timeline_tables_hold_every_event_and_the_gaps(jobs, name, tmp_path):
    with Project.open(jobs[name]) as project:
        runs = project.jobs.runs(1)
        expected = sum(project.events.count([r.id], kind) for r in runs for kind in
                       {"transcript": ["segment"], "diarization_embedded": ["turn"],
                        "fusion": ["utterance"], "visual": ["shot", "face"]}.get(r.module, []))
    rows = list(csv.DictReader(export(jobs, name, "csv", tmp_path).open(newline="")))
    tsv_rows = list(csv.DictReader(export(jobs, name, "tsv", tmp_path).open(newline=""),
                                   delimiter="\t"))
    assert rows == tsv_rows
    events = [r for r in rows if r["kind"] != "not analysed"]
    gaps = [r for r in rows if r["kind"] == "not analysed"]
    assert len(events) == expected
    assert {r["kind"] for r in events} >= ({"segment", "turn", "utterance", "shot"}
                                           if name == "complete" else {"segment"})
    assert all(float(r["start"]) <= float(r["end"]) for r in rows)
    if name == "partial":
        transcript_gap = next(r for r in gaps if r["module"] == "transcript")
        assert float(transcript_gap["start"]) == pytest.approx(transcript_end(jobs[name]), abs=1e-3)
        assert "partial result of job 1" in transcript_gap["label"]
    else:
        assert gaps == []


@pytest.mark.parametrize("name", ["complete", "partial"])
def test_rttm_is_read_by_pyannote(jobs, name, tmp_path):
    turns = stored(jobs[name], "turn")
    annotations = load_rttm(str(export(jobs, name, "rttm", tmp_path)))
    if not turns:  # the failure stopped the diarization before its clustering
        assert name == "partial" and all(len(a) == 0 for a in annotations.values())
        assert "NOSCORE" in (tmp_path / "partial.rttm").read_text()
        return
    (annotation,) = annotations.values()
    read = sorted((s.start, s.end, label) for s, _, label in annotation.itertracks(yield_label=True))
    expected = sorted((t.start, t.end, t.label) for t in turns)
    assert [label for *_, label in read] == [label for *_, label in expected]
    assert [t for s, e, _ in read for t in (s, e)] == pytest.approx(
        [t for s, e, _ in expected for t in (s, e)], abs=2e-3)


@pytest.mark.parametrize("name", ["complete", "partial"])
def test_elan_document_has_a_tier_per_module(jobs, name, tmp_path):
    root = ET.parse(export(jobs, name, "eaf", tmp_path)).getroot()
    assert root.tag == "ANNOTATION_DOCUMENT" and root.get("FORMAT") == "3.0"
    assert [child.tag for child in root][:2] == ["HEADER", "TIME_ORDER"]
    slots = {s.get("TIME_SLOT_ID"): int(s.get("TIME_VALUE")) for s in root.iter("TIME_SLOT")}
    types = {t.get("LINGUISTIC_TYPE_ID") for t in root.iter("LINGUISTIC_TYPE")}
    tiers = {tier.get("TIER_ID"): tier for tier in root.iter("TIER")}
    assert all(tier.get("LINGUISTIC_TYPE_REF") in types for tier in tiers.values())
    for tier in tiers.values():  # ELAN: annotations of a tier do not overlap
        spans = sorted((slots[a.get("TIME_SLOT_REF1")], slots[a.get("TIME_SLOT_REF2")])
                       for a in tier.iter("ALIGNABLE_ANNOTATION"))
        assert all(start < end for start, end in spans)
        assert all(previous[1] <= current[0] for previous, current in zip(spans, spans[1:]))
    segments = stored(jobs[name], "segment")
    assert [a.findtext("ANNOTATION_VALUE") for a in tiers["transcript"].iter(
        "ALIGNABLE_ANNOTATION")] == [s.label for s in segments]
    speakers = {t.label for t in stored(jobs[name], "turn")}
    assert {f"diarization_embedded: {s}" for s in speakers} <= set(tiers)
    if name == "complete":
        assert len(speakers) == 2 and "fusion" in tiers
        assert ("visual: shot" if stored(jobs[name], "face") else "visual") in tiers
    faces = sum(len(tier.findall("ANNOTATION")) for tier_id, tier in tiers.items()
                if tier_id.startswith("visual: face"))
    assert faces == len(stored(jobs[name], "face"))
    properties = {p.get("NAME"): p.text for p in root.iter("PROPERTY")}
    assert properties["aima:status"] == name
    assert ("not analysed: transcript" in tiers) == (name == "partial")


@pytest.mark.parametrize("name", ["complete", "partial"])
def test_json_has_the_partial_result_structure_and_the_gaps(jobs, name, tmp_path):
    results = json.loads(export(jobs, name, "json", tmp_path).read_text())
    assert results["status"] == name
    assert {"job", "metadata", "results", "gaps"} <= set(results)
    if name == "partial":
        assert results["metadata"]["incomplete_modules"]
        transcript_gap = next(g for g in results["gaps"] if g["module"] == "transcript")
        assert transcript_gap["reason"] == "stopped"
    else:
        assert results["gaps"] == []


def test_bad_export_requests_get_one_clear_line(jobs, tmp_path):
    transcript_only = tmp_path / "t.aima"
    assert aima("run", SAMPLE, "--project", transcript_only, "--model", TEST_MODEL).returncode == 0
    no_turns = aima("results", transcript_only, "--format", "rttm")
    assert no_turns.returncode == 1
    assert no_turns.stderr.strip() == (
        "aima: error: job 1 has no speaker turns: run it with speaker diarization")
    missing_folder = aima("results", jobs["complete"], "--format", "srt", "--output",
                          tmp_path / "nowhere" / "x.srt")
    assert missing_folder.returncode == 1 and "does not exist" in missing_folder.stderr
    inside = aima("results", jobs["complete"], "--format", "srt", "--output",
                  jobs["complete"] / "x.srt")
    assert inside.returncode == 1 and "outside the project folder" in inside.stderr
    docx_to_terminal = aima("results", jobs["complete"], "--format", "docx")
    assert docx_to_terminal.returncode == 1 and "--output" in docx_to_terminal.stderr
    assert not list(tmp_path.glob(".*.part")) and not (jobs["complete"] / "x.srt").exists()
