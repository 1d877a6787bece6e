"""Shared fixtures: isolated application folders, real media, and the ``aima`` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import media

# Before pytest-qt creates the session's QApplication: no display is needed, or used.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "interview.mp4"
# Every test that transcribes uses the small shipped English model: fast on 2 busy cores.
TEST_MODEL = "tiny.en"
CLI_TIMEOUT_S = 600


@pytest.fixture(autouse=True)
def isolated_app_dirs(tmp_path_factory, monkeypatch):
    """Settings, caches and logs of each test in folders of its own; English messages."""
    base = tmp_path_factory.mktemp("appdirs")
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(variable, str(base / variable.lower()))
    monkeypatch.setenv("AIMA_LANGUAGE", "en")
    monkeypatch.delenv("AIMA_FAULT", raising=False)
    return base


@pytest.fixture(scope="session")
def long_speech(tmp_path_factory) -> Path:
    """Three minutes of speech (the sample's interview three times), as a WAV file."""
    path = tmp_path_factory.mktemp("media") / "long_interview.wav"
    media.write_repeated_speech(SAMPLE, path, repeats=3)
    return path


def wait_for(predicate, timeout: float = 120.0, interval: float = 0.05, message: str = ""):
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"timed out after {timeout} s waiting for {message or predicate}")


def aima(*args: str, timeout: float = CLI_TIMEOUT_S, env: dict | None = None, cwd=None):
    """Run the ``aima`` command to its end and return the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "aima_desktop", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env={**os.environ, **(env or {})})


class RunningAima:
    """``aima run/resume --json`` started in its own process group; its lines read as they come."""

    def __init__(self, *args: str, env: dict | None = None):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "aima_desktop", *map(str, args)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, **(env or {})}, start_new_session=True)
        self.events: list[dict] = []

    def next_event(self) -> dict | None:
        line = self.process.stdout.readline()
        if not line:
            return None
        event = json.loads(line)
        self.events.append(event)
        return event

    def wait_event(self, predicate, timeout: float = 300.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            event = self.next_event()
            if event is None:
                pytest.fail(f"aima ended before the awaited event; stderr: "
                            f"{self.process.stderr.read()[-2000:]}")
            if predicate(event):
                return event
        pytest.fail("timed out waiting for an event from aima")

    def finish(self, timeout: float = CLI_TIMEOUT_S) -> int:
        out, err = self.process.communicate(timeout=timeout)
        self.events += [json.loads(line) for line in out.splitlines() if line.strip()]
        self.stderr = err
        return self.process.returncode


def transcript_progress(event: dict, at_least: float) -> bool:
    return (event.get("event") == "progress" and event.get("module") == "transcript"
            and event["processed_s"] >= at_least * event["total_s"])


@pytest.fixture(scope="session")
def pyannote_pipeline(tmp_path_factory) -> Path:
    """A local pyannote pipeline folder with randomly initialised models (no hub here)."""
    from tests.pyannote_pipeline import build_local_pipeline

    return build_local_pipeline(tmp_path_factory.mktemp("pyannote") / "pipeline")
