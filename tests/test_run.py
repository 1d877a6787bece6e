"""``aima run`` end to end: real worker processes, real faster-whisper, real files."""

from __future__ import annotations

import json
import re

import pytest

from aima_desktop.store.appdirs import model_cache_dir
from aima_desktop.store.project import Project
from tests.conftest import SAMPLE, TEST_MODEL, aima


def srt_blocks(text: str) -> list[tuple[str, str]]:
    """(time line, text) of each SubRip block, parsed independently of the writer."""
    blocks = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        assert lines[0].isdigit() and re.fullmatch(
            r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}", lines[1]), block
        blocks.append((lines[1], " ".join(lines[2:])))
    return blocks


def test_run_transcribes_the_sample_and_exports_it(tmp_path):
    project_dir = tmp_path / "interview.aima"
    result = aima("run", SAMPLE, "--project", project_dir, "--model", TEST_MODEL, "--json")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events[0]["event"] == "started" and events[0]["job_id"] == 1
    assert all({"job_id", "status", "completed_percentage"} <= set(e) for e in events
               if e["event"] in ("started", "progress", "finished"))
    assert (events[-1]["event"], events[-1]["status"]) == ("finished", "completed")
    assert events[-1]["completed_percentage"] == 100 and events[-1]["exit_code"] == 0
    percentages = [e["completed_percentage"] for e in events if e["event"] == "progress"]
    assert percentages == sorted(percentages), "progress never goes backwards"

    jobs = [json.loads(line) for line in aima("jobs", project_dir, "--json").stdout.splitlines()]
    assert [(j["id"], j["status"], j["completed_percentage"]) for j in jobs] == [(1, "completed", 100)]
    assert {m: s["status"] for m, s in jobs[0]["modules"].items()} == {
        "audio": "completed", "transcript": "completed"}

    srt = aima("results", project_dir, "--format", "srt").stdout
    text = " ".join(t for _, t in srt_blocks(srt)).lower()
    for phrase in ("community garden", "railway station", "greenhouse", "saturday"):
        assert phrase in text
    assert aima("results", project_dir, "--format", "vtt").stdout.startswith("WEBVTT\n")
    txt_file = tmp_path / "out.txt"
    assert aima("results", project_dir, "--format", "txt", "--output", txt_file).returncode == 0
    assert "greenhouse" in txt_file.read_text()

    results = json.loads(aima("results", project_dir, "--format", "json").stdout)
    assert results["status"] == "complete"
    assert results["metadata"]["completed_modules"] == ["audio", "transcript"]
    transcript = results["results"]["transcript"]
    assert transcript["type"] == "timeline" and set(transcript["timeline"]) == {"0"}
    assert len(transcript["timeline"]["0"]) == transcript["event_count"] == len(srt_blocks(srt))
    assert transcript["summary"]["language"] == "en"
    first = transcript["timeline"]["0"][0]
    assert first["words"] and first["start"] < first["words"][-1]["end"] <= first["end"] + 0.01
    assert results["results"]["audio"]["type"] == "simple"

    with Project.open(project_dir) as project:
        assert project.integrity_check() == "ok"
        notes = project.notifications.notifications()
        assert [(n["type"], n["title"]) for n in notes] == [
            ("analysis_completed", "Analysis 'interview.mp4' completed")]


def test_default_model_is_the_shipped_multilingual_base(tmp_path):
    project_dir = tmp_path / "default.aima"
    result = aima("run", SAMPLE, "--project", project_dir)
    assert result.returncode == 0, result.stderr
    results = json.loads(aima("results", project_dir).stdout)
    summary = results["results"]["transcript"]["summary"]
    assert summary["model"] == "base (shipped)"
    assert summary["language"] == "en" and summary["language_probability"] > 0.5
    assert (model_cache_dir() / "whisper-base" / "model.bin").stat().st_size == 145_217_532
    assert "community garden" in aima("results", project_dir, "--format", "txt").stdout.lower()


def test_project_defaults_to_the_media_name(tmp_path):
    result = aima("run", SAMPLE, "--model", TEST_MODEL, "--modules", "transcript",
                  cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "interview.aima" / "project.db").is_file()


@pytest.mark.parametrize("options, message", [
    (["--model", "/no/such/model"], "the model folder /no/such/model does not exist"),
    (["--model", "large-v3"], "is not in the local model cache"),
    (["--modules", "faces"], "unknown module 'faces'"),
])
def test_configuration_errors_are_explained(tmp_path, options, message):
    result = aima("run", SAMPLE, "--project", tmp_path / "p.aima", *options)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_cuda_without_a_gpu_is_a_clear_error(tmp_path):
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("this machine has a CUDA GPU")
    result = aima("run", SAMPLE, "--project", tmp_path / "p.aima", "--device", "cuda",
                  "--model", TEST_MODEL)
    assert result.returncode == 1
    assert "CUDA was requested, but CTranslate2 sees no CUDA GPU" in result.stderr
