"""Finding jobs whose process died (power loss, kill -9) when a project is opened."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aima_desktop.domain.states import ACTIVE_JOB_STATUSES, JobStatus, RunStatus
from aima_desktop.engine.finalize import record_stop
from aima_desktop.store.database import now_iso
from aima_desktop.store.locks import ProcessLock
from aima_desktop.store.project import Project

# A job is created a moment before its process locks it; leave that moment alone.
CREATION_GRACE = timedelta(seconds=10)


def _recently_created(created_at: str) -> bool:
    created = datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    return datetime.now(UTC) - created < CREATION_GRACE


def _worker_alive(project: Project, run_id: int) -> bool:
    lock = ProcessLock.for_run(project.locks_dir, run_id)
    if lock.try_acquire():
        lock.release()
        return False
    return True


def recover_interrupted_jobs(project: Project, lang: str | None = None) -> list[int]:
    """Mark active jobs that no live process owns as ``interrupted``; return their ids.

    Their committed work stays; each gets a partial result and a notification, and can be
    resumed from its checkpoints.
    """
    recovered = []
    for job in project.jobs.jobs_with_status(sorted(ACTIVE_JOB_STATUSES)):
        if job.status == JobStatus.CREATED and _recently_created(job.created_at):
            continue
        lock = ProcessLock.for_job(project.locks_dir, job.id)
        if not lock.try_acquire():
            continue  # its process is alive
        try:
            runs = project.jobs.runs(job.id)
            if any(_worker_alive(project, r.id) for r in runs if r.status == RunStatus.RUNNING):
                continue  # an orphaned worker is still finishing its last commit
            last_activity = max((r.updated_at for r in runs if r.updated_at), default=None)
            record_stop(
                project, job.id, status=JobStatus.INTERRUPTED, abort_type="system",
                abort_reason="interrupted", abort_timestamp=last_activity or now_iso(),
                run_outcomes={r.id: RunStatus.INTERRUPTED for r in runs
                              if r.status == RunStatus.RUNNING},
                lang=lang)
            recovered.append(job.id)
        finally:
            lock.release()
    return recovered
