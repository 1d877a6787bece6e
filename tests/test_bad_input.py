"""Bad input gets one clear line and exit code 1, and leaves the project usable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aima_desktop.store.project import Project
from tests import media
from tests.conftest import SAMPLE, TEST_MODEL, aima

REASONS = {
    "missing file": "file not found",
    "empty file": "is empty (0 bytes)",
    "text named .mp4": "cannot be read as audio or video",
    "truncated video": "cannot be read as audio or video",
    "truncated web video": "is damaged",  # index first: found only while decoding
    "video without audio": "has no audio track",
    "directory": "is a directory, not a media file",
}


def make_bad_input(case: str, directory: Path) -> Path:
    if case == "missing file":
        return directory / "missing.mp4"
    if case == "empty file":
        path = directory / "empty.mp4"
        path.write_bytes(b"")
        return path
    if case == "text named .mp4":
        path = directory / "notes.mp4"
        path.write_text("just some notes\n")
        return path
    if case == "truncated video":
        return media.write_truncated_copy(SAMPLE, directory / "cut.mp4")
    if case == "truncated web video":
        web = media.write_faststart_copy(SAMPLE, directory / "web.mp4")
        return media.write_truncated_copy(web, directory / "web_cut.mp4")
    if case == "video without audio":
        return media.write_video_without_audio(directory / "silent.mp4")
    path = directory / "folder.mp4"
    path.mkdir()
    return path


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory):
    """One project that every bad input is thrown at, checked afterwards with a good run."""
    return tmp_path_factory.mktemp("bad") / "p.aima"


@pytest.mark.parametrize("case", REASONS)
def test_bad_input_is_refused_with_a_clear_message(tmp_path, shared_project, case):
    path = make_bad_input(case, tmp_path)
    result = aima("run", path, "--project", shared_project, "--model", TEST_MODEL)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("aima: error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"aima: error: {path}: ")
    assert REASONS[case] in errors[0]
    assert "Traceback" not in result.stderr
    with Project.open(shared_project) as project:
        assert project.integrity_check() == "ok"
    assert aima("jobs", shared_project).returncode == 0


def test_the_project_still_works_after_bad_input(shared_project):
    result = aima("run", SAMPLE, "--project", shared_project, "--model", TEST_MODEL, "--json")
    assert result.returncode == 0, result.stderr
    jobs = [json.loads(line) for line in aima("jobs", shared_project, "--json").stdout.splitlines()]
    assert jobs[-1]["status"] == "completed"
    # Files refused up front got no job; one that failed while decoding is marked failed.
    assert {j["status"] for j in jobs[:-1]} <= {"failed"}
