"""Resuming stopped jobs: checkpoint, partial results, restart (seed section 5)."""

from __future__ import annotations

import json
import os
import re
import signal

import jiwer
import pytest

from aima_desktop.domain.records import Event
from aima_desktop.store.project import Project
from aima_desktop.store.results import transcript_segments
from tests.conftest import TEST_MODEL, RunningAima, aima, transcript_progress


def normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def segments_of(project_dir, job_id: int) -> list[Event]:
    with Project.open(project_dir) as project:
        return transcript_segments(project, job_id)


def assert_covers_without_repeats(segments: list[Event], duration: float, reference: list[Event]):
    """Whole file, in order, nothing repeated, no gap the uninterrupted run does not have."""
    assert segments, "no transcript"
    starts = [s.start for s in segments]
    assert starts == sorted(starts)
    for previous, current in zip(segments, segments[1:]):
        assert current.start >= previous.end - 0.05, f"overlap: {previous} / {current}"
    assert len({(s.start, s.label) for s in segments}) == len(segments)
    assert segments[0].start <= reference[0].start + 1.0
    assert segments[-1].end >= reference[-1].end - 1.0
    assert segments[-1].end <= duration + 0.01
    widest_reference_gap = max(b.start - a.end for a, b in zip(reference, reference[1:]))
    widest_gap = max(b.start - a.end for a, b in zip(segments, segments[1:]))
    assert widest_gap <= widest_reference_gap + 2.0, "speech is missing"


@pytest.fixture(scope="module")
def uninterrupted(long_speech, tmp_path_factory):
    """The transcript of an uninterrupted run of the same file with the same model."""
    base = tmp_path_factory.mktemp("reference")
    env = {v: str(base / v.lower()) for v in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")}
    project_dir = base / "reference.aima"
    result = aima("run", long_speech, "--project", project_dir, "--model", TEST_MODEL, env=env)
    assert result.returncode == 0, result.stderr
    return segments_of(project_dir, 1)


def aborted_in_the_middle(project_dir, media, at: float = 0.4) -> None:
    running = RunningAima("run", media, "--project", project_dir, "--model", TEST_MODEL, "--json")
    running.wait_event(lambda e: transcript_progress(e, at))
    os.killpg(running.process.pid, signal.SIGINT)
    assert running.finish() == 130, running.stderr


def test_checkpoint_resume_matches_an_uninterrupted_run(tmp_path, long_speech, uninterrupted):
    project_dir = tmp_path / "p.aima"
    aborted_in_the_middle(project_dir, long_speech)
    before = segments_of(project_dir, 1)
    assert before, "the aborted run committed segments"

    result = aima("resume", project_dir, "--json")
    assert result.returncode == 0, result.stderr
    finished = json.loads(result.stdout.splitlines()[-1])
    assert (finished["job_id"], finished["status"], finished["completed_percentage"]) == (
        2, "completed", 100)

    resumed = segments_of(project_dir, 2)
    assert resumed[: len(before)] == before, "committed segments are kept as they were"
    with Project.open(project_dir) as project:
        old_audio, old_transcript = project.jobs.runs(1)
        new_audio, new_transcript = project.jobs.runs(2)
    duration = new_transcript.total_s
    assert (str(new_audio.status), new_audio.reused_from) == ("reused", old_audio.id)
    assert new_transcript.resumed_from == old_transcript.id
    assert new_transcript.stats["resumed_at_s"] == pytest.approx(old_transcript.processed_s)
    assert_covers_without_repeats(resumed, duration, uninterrupted)

    error_rate = jiwer.wer(normalised(" ".join(s.label for s in uninterrupted)),
                           normalised(" ".join(s.label for s in resumed)))
    assert error_rate < 0.05, f"word error rate {error_rate:.3f} between resumed and uninterrupted"


def test_resume_options_are_listed_and_a_resumed_job_is_not_resumed_twice(tmp_path, long_speech):
    project_dir = tmp_path / "p.aima"
    aborted_in_the_middle(project_dir, long_speech)
    listed = aima("resume", project_dir, "--list", "--json")
    assert listed.returncode == 0
    options = json.loads(listed.stdout)
    assert options["resumable"] is True
    assert [o["type"] for o in options["options"]] == ["checkpoint", "partial_results", "restart"]
    assert options["recommended_option"]["type"] == "checkpoint"
    assert options["recommended_option"]["description"].startswith("Continue from the last checkpoint (")

    assert aima("resume", project_dir).returncode == 0
    again = aima("resume", project_dir, "--job", "1", "--list")
    assert again.returncode == 1
    assert json.loads(again.stdout) == {
        "resumable": False, "reason": "Job 1 was already resumed as job 2; resume that job instead"}
    refused = aima("resume", project_dir, "--job", "2")
    assert refused.returncode == 1
    assert "Job 2 is completed; there is nothing to resume" in refused.stderr
    nothing = aima("resume", project_dir)
    assert nothing.returncode == 1 and "no resumable job" in nothing.stderr


def test_partial_results_option_recomputes_the_incomplete_module(tmp_path, long_speech):
    project_dir = tmp_path / "p.aima"
    aborted_in_the_middle(project_dir, long_speech)
    result = aima("resume", project_dir, "--option", "partial_results")
    assert result.returncode == 0, result.stderr
    with Project.open(project_dir) as project:
        audio, transcript = project.jobs.runs(2)
        own_segments = project.events.events([transcript.id], kind="segment")
        assert str(audio.status) == "reused"
        assert transcript.resumed_from is None and transcript.stats["resumed_at_s"] == 0
        assert transcript_segments(project, 2) == own_segments
        assert own_segments[0].start < 2.0


def test_restart_option_recomputes_everything(tmp_path, long_speech):
    project_dir = tmp_path / "p.aima"
    aborted_in_the_middle(project_dir, long_speech, at=0.2)
    result = aima("resume", project_dir, "--option", "restart", "--json")
    assert result.returncode == 0, result.stderr
    with Project.open(project_dir) as project:
        runs = project.jobs.runs(2)
        assert [str(r.status) for r in runs] == ["completed", "completed"]
        assert all(r.resumed_from is None and r.reused_from is None for r in runs)
        assert project.jobs.job(2).resume_option == "restart"
