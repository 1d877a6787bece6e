"""Creating resumed jobs: what is reused, what is redone, what the recovery plan changes."""

from __future__ import annotations

import shutil

import pytest

from aima_desktop.domain.errors import BadInputError
from aima_desktop.domain.states import JobStatus
from aima_desktop.engine.launch import new_job, resume_job
from aima_desktop.store.appdirs import decoded_audio_path
from aima_desktop.store.project import Project
from tests.conftest import SAMPLE


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "p.aima") as project:
        yield project


def stopped_job(project: Project, media, status=JobStatus.ABORTED, metadata=None):
    """A job whose audio finished and whose transcript never started, stopped with ``status``."""
    job = new_job(project, media, ["transcript"], {"device": "auto"})
    audio, _transcript = project.jobs.runs(job.id)
    project.jobs.set_job_status(job.id, JobStatus.RUNNING)
    project.jobs.set_run_status(audio.id, "completed")
    project.jobs.set_job_status(job.id, JobStatus.ABORTING)
    project.jobs.set_job_status(job.id, status, metadata=metadata or {})
    project.notifications.add_partial_result(job.id, {"completed_percentage": 4})
    return job


def test_resume_after_gpu_memory_ran_out_continues_on_the_cpu(project):
    plan = {"action": "retry_on_cpu", "module": "transcript"}
    job = stopped_job(project, SAMPLE, JobStatus.PAUSED_FOR_RECOVERY, {"recovery_plan": plan})
    decoded_audio_path(project.jobs.media(job.media_id).sha256).write_bytes(b"\0\0")
    resumed = resume_job(project, job.id)
    assert resumed.config["devices"]["transcript"] == "cpu"
    assert resumed.resume_option == "partial_results"


def test_decoded_audio_is_redone_when_the_cache_was_cleared(project):
    job = stopped_job(project, SAMPLE)
    resumed = resume_job(project, job.id, "partial_results")
    assert [str(r.status) for r in project.jobs.runs(resumed.id)] == ["pending", "pending"]


def test_cached_audio_is_reused(project):
    job = stopped_job(project, SAMPLE)
    decoded_audio_path(project.jobs.media(job.media_id).sha256).write_bytes(b"\0\0")
    resumed = resume_job(project, job.id, "partial_results")
    assert [str(r.status) for r in project.jobs.runs(resumed.id)] == ["reused", "pending"]


def test_resume_needing_a_moved_media_file_says_where_it_was(project, tmp_path):
    media = shutil.copy(SAMPLE, tmp_path / "moved.mp4")
    job = stopped_job(project, media)
    (tmp_path / "moved.mp4").unlink()
    with pytest.raises(BadInputError, match="the media file is no longer at .*moved.mp4"):
        resume_job(project, job.id, "partial_results")
