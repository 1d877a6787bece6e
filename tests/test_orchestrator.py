"""The orchestrator in-process (as the GUI uses it): failures, watchdog, grace period, progress."""

from __future__ import annotations

import json

import pytest

from aima_desktop.engine.launch import new_job, resume_job, resume_options
from aima_desktop.engine.orchestrator import Orchestrator
from aima_desktop.store.appdirs import log_dir
from aima_desktop.store.project import Project
from tests.conftest import SAMPLE, TEST_MODEL

JOB_TIMEOUT_MS = 300_000


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "p.aima") as project:
        yield project


def run_to_end(qtbot, project: Project, job_id: int, **options) -> tuple[Orchestrator, str]:
    orchestrator = Orchestrator(project, **options)
    with qtbot.waitSignal(orchestrator.job_finished, timeout=JOB_TIMEOUT_MS) as finished:
        orchestrator.start(job_id)
    assert finished.args[0] == job_id
    return orchestrator, finished.args[1]


def transcript_job(project: Project, media=SAMPLE):
    return new_job(project, media, ["transcript"], {"model": TEST_MODEL})


def test_out_of_memory_pauses_for_recovery_and_resumes(qtbot, project, monkeypatch):
    monkeypatch.setenv("AIMA_FAULT", "transcript:error=resource_exhaustion:after=1")
    job = transcript_job(project)
    _orchestrator, status = run_to_end(qtbot, project, job.id)
    assert status == "paused_for_recovery"
    stopped = project.jobs.job(job.id)
    assert (stopped.error["category"], stopped.error["recoverable"]) == ("resource_exhaustion", True)
    assert stopped.metadata["recovery_plan"]["action"] == "retry_after_freeing_resources"
    note = project.notifications.notifications(job.id)[-1]
    assert note["subtype"] == "system_initiated"
    assert note["message"].startswith("The analysis was stopped because resources ran out.")
    assert [a["action"] for a in note["actions"]] == ["view_partial_results", "resume_analysis"]
    assert resume_options(project, job.id)["recommended_option"]["type"] == "checkpoint"

    monkeypatch.delenv("AIMA_FAULT")
    resumed = resume_job(project, job.id)
    _orchestrator, status = run_to_end(qtbot, project, resumed.id)
    assert status == "completed"


def test_an_internal_error_fails_the_job_with_an_error_report(qtbot, project, monkeypatch):
    monkeypatch.setenv("AIMA_FAULT", "transcript:error=internal_error:after=1")
    job = transcript_job(project)
    _orchestrator, status = run_to_end(qtbot, project, job.id)
    assert status == "failed"
    stopped = project.jobs.job(job.id)
    assert stopped.error["category"] == "internal_error"
    report = json.loads(open(stopped.metadata["error_report"], encoding="utf-8").read())
    assert report["error"]["detail"] == "RuntimeError: injected fault: internal error"
    assert report["job"]["id"] == job.id
    assert stopped.metadata["error_report"].startswith(str(log_dir()))
    assert project.notifications.partial_results(job.id)[0]["metadata"]["error"]["category"] == \
        "internal_error"
    assert project.events.count([project.jobs.runs(job.id)[1].id], "segment") == 1


def test_a_hung_worker_is_killed_by_the_watchdog(qtbot, project, monkeypatch):
    monkeypatch.setenv("AIMA_FAULT", "transcript:hang:after=1")
    job = transcript_job(project)
    _orchestrator, status = run_to_end(qtbot, project, job.id, heartbeat_timeout_s=3.0)
    assert status == "paused_for_recovery"
    error = project.jobs.job(job.id).error
    assert error["category"] == "timeout"
    assert "stopped responding" in error["message"]


def test_a_worker_that_ignores_the_abort_is_killed_after_the_grace_period(qtbot, project, monkeypatch):
    monkeypatch.setenv("AIMA_FAULT", "transcript:ignore_abort:after=1")
    job = transcript_job(project)
    orchestrator = Orchestrator(project, grace_s=1.0)
    states = []
    orchestrator.run_state.connect(lambda _run, module, state: states.append((module, state)))
    with qtbot.waitSignal(orchestrator.progress, timeout=JOB_TIMEOUT_MS,
                          check_params_cb=lambda _r, module, processed, _t: module == "transcript"
                          and processed > 0):
        orchestrator.start(job.id)
    with qtbot.waitSignal(orchestrator.job_finished, timeout=JOB_TIMEOUT_MS) as finished:
        orchestrator.abort("changed priorities")
    assert finished.args == [job.id, "aborted"]
    assert ("transcript", "killed") in states
    stopped = project.jobs.job(job.id)
    assert (stopped.abort_type, stopped.abort_reason) == ("user", "changed priorities")
    transcript = project.jobs.runs(job.id)[1]
    assert str(transcript.status) == "aborted"
    assert project.events.count([transcript.id], "segment") == transcript.seq >= 1


def test_progress_reaches_the_listener_with_time_left(qtbot, project):
    job = transcript_job(project)
    orchestrator = Orchestrator(project)
    seen = []

    def record(_run_id, module, processed, total):
        percentage, left, _runs = orchestrator.snapshot()
        seen.append((module, processed, total, percentage, left))

    orchestrator.progress.connect(record)
    with qtbot.waitSignal(orchestrator.job_finished, timeout=JOB_TIMEOUT_MS) as finished:
        orchestrator.start(job.id)
    assert finished.args[1] == "completed"
    transcript = [s for s in seen if s[0] == "transcript"]
    assert transcript and all(total == pytest.approx(60.917) for _, _, total, _, _ in transcript)
    percentages = [p for *_, p, _ in seen]
    assert percentages == sorted(percentages)
    assert any(left is not None and 0 < left < 600 for *_, left in transcript)


def test_a_second_job_cannot_start_while_one_runs(qtbot, project):
    first, second = transcript_job(project), transcript_job(project)
    orchestrator = Orchestrator(project)
    with qtbot.waitSignal(orchestrator.job_finished, timeout=JOB_TIMEOUT_MS):
        orchestrator.start(first.id)
        with pytest.raises(RuntimeError, match=f"job {first.id} is still running"):
            orchestrator.start(second.id)


def test_a_failed_dependency_leaves_the_waiting_module_not_started(qtbot, project, monkeypatch):
    """The transcript worker loads its model while the audio is decoded, then never begins."""
    monkeypatch.setenv("AIMA_FAULT", "audio:error=internal_error:after=1")
    job = transcript_job(project)
    states = []
    orchestrator = Orchestrator(project)
    orchestrator.run_state.connect(lambda _run, module, state: states.append((module, state)))
    with qtbot.waitSignal(orchestrator.job_finished, timeout=JOB_TIMEOUT_MS) as finished:
        orchestrator.start(job.id)
    assert finished.args[1] == "failed"
    assert ("transcript", "starting") in states and ("audio", "failed") in states
    metadata = project.notifications.partial_results(job.id)[0]["metadata"]
    assert metadata["incomplete_modules"] == ["audio"]
    assert metadata["not_started_modules"] == ["transcript"]
    assert [str(r.status) for r in project.jobs.runs(job.id)] == ["failed", "pending"]
