"""``kill -9`` of a worker and of the whole ``aima run`` process tree at random moments."""

from __future__ import annotations

import json
import os
import random
import signal
import time

import pytest

from aima_desktop.engine.recovery import recover_interrupted_jobs
from aima_desktop.store.project import Project
from aima_desktop.store.results import transcript_segments
from tests.conftest import TEST_MODEL, RunningAima, aima, transcript_progress, wait_for


def committed_segments(project_dir) -> list[tuple[float, float, str]]:
    with Project.open(project_dir) as project:
        return [(s.start, s.end, s.label) for s in project.events.events(
            [r["id"] for r in project.db.query("SELECT id FROM module_runs")], kind="segment")]


def assert_project_sound_and_resumable(project_dir, before: list, expected_status: str) -> None:
    with Project.open(project_dir) as project:
        assert project.integrity_check() == "ok"
    jobs = [json.loads(line) for line in aima("jobs", project_dir, "--json").stdout.splitlines()]
    assert jobs[0]["status"] == expected_status
    after = committed_segments(project_dir)
    assert set(before) <= set(after), "a segment committed before the kill was lost"

    result = aima("resume", project_dir, "--job", "1", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["status"] == "completed"
    with Project.open(project_dir) as project:
        final = [(s.start, s.end, s.label) for s in transcript_segments(project, 2)]
    assert set(before) <= set(final)
    assert all(b[0] >= a[1] - 0.05 for a, b in zip(final, final[1:])), "a segment repeats"


@pytest.mark.parametrize("seed", [1, 2])
def test_kill_9_of_the_transcript_worker(tmp_path, long_speech, seed):
    project_dir = tmp_path / "p.aima"
    running = RunningAima("run", long_speech, "--project", project_dir, "--model", TEST_MODEL, "--json")
    running.wait_event(lambda e: transcript_progress(e, 0.1))
    time.sleep(random.Random(seed).uniform(0.0, 2.0))  # a random moment, not a synchronisation
    with Project.open(project_dir) as project:
        pid = project.db.conn.execute(
            "SELECT pid FROM module_runs WHERE module = 'transcript'").fetchone()[0]
    before = committed_segments(project_dir)
    os.kill(pid, signal.SIGKILL)
    assert running.finish() == 1
    finished = running.events[-1]
    assert finished["status"] == "failed"
    assert "worker was killed or crashed" in finished["error"]["message"]
    assert_project_sound_and_resumable(project_dir, before, "failed")


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_kill_9_of_the_whole_process_tree(tmp_path, long_speech, seed):
    project_dir = tmp_path / "p.aima"
    running = RunningAima("run", long_speech, "--project", project_dir, "--model", TEST_MODEL, "--json")
    running.wait_event(lambda e: e.get("event") == "started")
    time.sleep(random.Random(seed).uniform(0.5, 6.0))
    before = committed_segments(project_dir)
    os.killpg(running.process.pid, signal.SIGKILL)
    running.process.wait(timeout=60)
    wait_for(lambda: _recovered(project_dir), timeout=60, message="the job recognised as interrupted")
    assert_project_sound_and_resumable(project_dir, before, "interrupted")
    with Project.open(project_dir) as project:
        notes = project.notifications.notifications(1)
    assert notes[-1]["subtype"] == "system_initiated"
    assert "interrupted unexpectedly" in notes[-1]["message"]


def _recovered(project_dir) -> bool:
    """Opening the project recognises the job as interrupted once every process of it is gone."""
    with Project.open(project_dir) as project:
        recover_interrupted_jobs(project)
        return str(project.jobs.job(1).status) == "interrupted"
