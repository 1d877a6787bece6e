"""The worker process and its line protocol, driven directly as the orchestrator drives it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import numpy as np
import pytest

from aima_desktop.engine.launch import new_job
from aima_desktop.store.appdirs import decoded_audio_path
from aima_desktop.store.project import Project
from tests import media
from tests.conftest import TEST_MODEL, aima


class WorkerUnderTest:
    def __init__(self, project: Project, run_id: int, env: dict | None = None):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "aima_desktop.worker", "--project", str(project.path),
             "--run", str(run_id)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env={**os.environ, **(env or {})})
        self.lines: list[dict] = []

    def read_until(self, *types: str) -> dict:
        for raw in self.process.stdout:
            message = json.loads(raw)
            self.lines.append(message)
            if message["type"] in types:
                return message
        pytest.fail(f"worker exited before sending {types}; got {self.lines[-3:]}")

    def send_abort(self) -> None:
        self.process.stdin.write(b'{"cmd": "abort"}\n')
        self.process.stdin.flush()


@pytest.fixture
def job(tmp_path, long_speech):
    project = Project.create(tmp_path / "p.aima")
    created = new_job(project, long_speech, ["transcript"], {"model": TEST_MODEL})
    yield project, project.jobs.runs(created.id)
    project.close()


def test_audio_worker_speaks_the_protocol_and_fills_the_cache(job, long_speech):
    project, (audio, _transcript) = job
    worker = WorkerUnderTest(project, audio.id)
    hello = worker.read_until("hello")
    assert (hello["pid"], hello["protocol"], hello["device"], hello["run_id"]) == (
        worker.process.pid, 1, "cpu", audio.id)
    finished = worker.read_until("finished")
    assert worker.process.wait(timeout=60) == 0
    sequences = [m["sequence"] for m in worker.lines if m["type"] == "committed"]
    assert sequences == list(range(1, len(sequences) + 1)) and len(sequences) >= 6
    assert finished["processed_s"] == pytest.approx(audio.total_s)
    cached = np.fromfile(decoded_audio_path(project.jobs.media(1).sha256), dtype=np.int16)
    assert np.array_equal(cached, media.decode_mono(long_speech))
    assert project.jobs.run(audio.id).seq == sequences[-1]


def _run_audio(project: Project, run_id: int) -> None:
    worker = WorkerUnderTest(project, run_id)
    worker.read_until("finished")
    worker.process.wait(timeout=60)


@pytest.mark.parametrize("how", ["abort message", "SIGTERM", "stdin closed"])
def test_transcript_worker_stops_in_the_middle_of_a_window(job, how):
    project, (audio, transcript) = job
    _run_audio(project, audio.id)
    worker = WorkerUnderTest(project, transcript.id)
    worker.read_until("committed")  # the next decoding window is now in progress
    if how == "abort message":
        worker.send_abort()
    elif how == "SIGTERM":
        worker.process.send_signal(signal.SIGTERM)
    else:
        worker.process.stdin.close()
    aborted = worker.read_until("aborted")
    assert worker.process.wait(timeout=60) == 0
    run = project.jobs.run(transcript.id)
    segments = project.events.events([transcript.id], kind="segment")
    assert aborted["sequence"] == run.seq == len(segments)
    assert aborted["processed_s"] == pytest.approx(run.processed_s) == pytest.approx(segments[-1].end)
    assert run.cursor["t"] == pytest.approx(segments[-1].end)
    assert run.processed_s < run.total_s


def test_a_crashed_audio_decode_continues_from_its_cursor(tmp_path, long_speech):
    project_dir = tmp_path / "p.aima"
    crashed = aima("run", long_speech, "--project", project_dir, "--model", TEST_MODEL,
                   env={"AIMA_FAULT": "audio:crash:after=2"})
    assert crashed.returncode == 1
    with Project.open(project_dir) as project:
        audio = project.jobs.runs(1)[0]
        assert str(audio.status) == "failed"
        assert 2 * 30 * 16_000 <= audio.cursor["samples"] < audio.total_s * 16_000
    result = aima("resume", project_dir)
    assert result.returncode == 0, result.stderr
    with Project.open(project_dir) as project:
        resumed_audio = project.jobs.runs(2)[0]
        assert resumed_audio.resumed_from == audio.id
        cached = np.fromfile(decoded_audio_path(project.jobs.media(1).sha256), dtype=np.int16)
    assert np.array_equal(cached, media.decode_mono(long_speech))
