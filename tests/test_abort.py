"""The user-initiated abort of a running ``aima run``: early, middle and late (seed test plan)."""

from __future__ import annotations

import json
import os
import signal

import pytest

from aima_desktop.domain.messages import abort_message
from aima_desktop.store.project import Project
from tests.conftest import TEST_MODEL, RunningAima, aima, transcript_progress, wait_for

MOMENTS = {
    # the audio is decoded, the speech model has not produced anything yet
    "early": lambda e: (e.get("event"), e.get("module"), e.get("state")) == (
        "run_state", "audio", "completed"),
    "middle": lambda e: transcript_progress(e, 0.25),
    "late": lambda e: transcript_progress(e, 0.70),
}


def abort_at(project_dir, media, moment: str, sig: int = signal.SIGINT) -> RunningAima:
    running = RunningAima("run", media, "--project", project_dir, "--model", TEST_MODEL, "--json")
    running.wait_event(MOMENTS[moment])
    os.killpg(running.process.pid, sig)
    return running


@pytest.mark.parametrize("moment", MOMENTS)
def test_abort_leaves_a_partial_result_with_correct_metadata(tmp_path, long_speech, moment):
    project_dir = tmp_path / "p.aima"
    running = abort_at(project_dir, long_speech, moment)
    assert running.finish() == 130, running.stderr
    finished = running.events[-1]
    assert (finished["event"], finished["status"], finished["exit_code"]) == ("finished", "aborted", 130)
    assert all(e["state"] != "killed" for e in running.events if e["event"] == "run_state")

    results = json.loads(aima("results", project_dir, "--format", "json").stdout)
    metadata = results["metadata"]
    percentage = metadata["completed_percentage"]
    assert results["status"] == "partial" and results["job"]["status"] == "aborted"
    assert metadata["abort_reason"].startswith("user_interrupt")
    assert metadata["completed_modules"] == ["audio"]
    assert metadata["incomplete_modules"] == ["transcript"]
    assert metadata["not_started_modules"] == []

    with Project.open(project_dir) as project:
        transcript_run = project.jobs.runs(1)[1]
        segments = project.events.events([transcript_run.id], kind="segment")
        partials = project.notifications.partial_results(1)
        notes = project.notifications.notifications(1)
    assert metadata["media_info"]["duration"] == pytest.approx(transcript_run.total_s)
    processed = metadata["media_info"]["processed_duration"]
    assert processed == pytest.approx(transcript_run.processed_s)
    assert all(s.end <= processed + 1e-6 for s in segments)
    if segments:
        assert processed == pytest.approx(segments[-1].end)
    assert len(partials) == 1 and partials[0]["metadata"] == metadata

    if moment == "early":
        assert percentage < 10 and processed == 0 and segments == []
    elif moment == "middle":
        assert 10 <= percentage < 90
    else:
        assert 50 <= percentage < 100
    assert [(n["type"], n["subtype"]) for n in notes] == [("analysis_aborted", "user_initiated")]
    assert notes[0]["message"] == abort_message(percentage, has_results=True, lang="en")
    assert [a["action"] for a in notes[0]["actions"]][:1] == ["view_partial_results"]


def test_sigterm_aborts_the_same_way_and_exits_143(tmp_path, long_speech):
    project_dir = tmp_path / "p.aima"
    running = abort_at(project_dir, long_speech, "middle", signal.SIGTERM)
    assert running.finish() == 143, running.stderr
    jobs = [json.loads(line) for line in aima("jobs", project_dir, "--json").stdout.splitlines()]
    assert jobs[0]["status"] == "aborted"
    assert jobs[0]["abort_reason"] == "terminated (SIGTERM)"
    assert jobs[0]["modules"]["transcript"]["status"] == "aborted"


def test_human_output_explains_the_abort_and_how_to_resume(tmp_path, long_speech):
    project_dir = tmp_path / "p.aima"
    running = RunningAima("run", long_speech, "--project", project_dir, "--model", TEST_MODEL)
    with Project.open_or_create(project_dir) as project:
        wait_for(lambda: project.db.conn.execute(
            "SELECT COUNT(*) FROM events").fetchone()[0] > 0, message="a committed segment")
    os.killpg(running.process.pid, signal.SIGINT)
    assert running.finish() == 130
    assert "was aborted" in running.stderr
    assert f"aima resume {project_dir} --job 1" in running.stderr
    assert "Traceback" not in running.stderr
