"""Recording how a job ended: status, partial result, notification — in one transaction."""

from __future__ import annotations

import json
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from aima_desktop import __version__
from aima_desktop.domain import notifications
from aima_desktop.domain.catalog import spec
from aima_desktop.domain.errors import ErrorInfo, recovery_plan
from aima_desktop.domain.partial_results import build_metadata
from aima_desktop.domain.states import JobStatus, RunStatus
from aima_desktop.store.appdirs import log_dir
from aima_desktop.store.database import now_iso, transaction
from aima_desktop.store.project import Project


@dataclass(frozen=True)
class StopRecord:
    """What was written when a job stopped early."""

    job_id: int
    status: JobStatus
    result_id: str
    completed_percentage: int
    notification_id: int
    message: str


def record_stop(
    project: Project,
    job_id: int,
    *,
    status: JobStatus,
    abort_type: str,
    abort_reason: str,
    abort_timestamp: str,
    run_outcomes: dict[int, RunStatus],
    error: ErrorInfo | None = None,
    lang: str | None = None,
    recovery_preference: str = "cpu",
) -> StopRecord:
    """Close the runs, store the partial result with the seed's metadata and notify."""
    finished_at = now_iso()
    with transaction(project.db):
        for run_id, run_status in run_outcomes.items():
            project.jobs.set_run_status(run_id, run_status, finished_at=finished_at)
        job = project.jobs.job(job_id)
        runs = project.jobs.runs(job_id)
        media = project.jobs.media(job.media_id)
        metadata = build_metadata(
            abort_reason=abort_reason, abort_timestamp=abort_timestamp, runs=runs,
            requested_modules=job.config.get("requested_modules", job.modules), media=media,
            error=error.to_dict() if error else None)
        job_metadata = dict(job.metadata)
        if error is not None and error.recoverable:
            device = next((r.device for r in runs if r.module == error.module), None)
            batched = bool(error.module) and spec(error.module).batch_size > 0
            job_metadata["recovery_plan"] = recovery_plan(error, device, batched,
                                                          recovery_preference)
        percentage = metadata["completed_percentage"]
        project.jobs.set_job_status(
            job_id, status, finished_at=finished_at, completed_percentage=percentage,
            abort_type=abort_type, abort_reason=abort_reason, abort_timestamp=abort_timestamp,
            error=error.to_dict() if error else None, metadata=job_metadata)
        result_id = project.notifications.add_partial_result(job_id, metadata)
        if abort_type == "user":
            note = notifications.user_abort(job_id, job.name, percentage, percentage > 0,
                                            abort_timestamp, lang)
        else:
            note = notifications.system_abort(
                job_id, job.name, percentage, str(error.category) if error else abort_reason,
                error.recoverable if error else True, abort_timestamp, lang)
        notification_id = project.notifications.add_notification(job_id, note)
    return StopRecord(job_id, status, result_id, percentage, notification_id, note["message"])


def record_completion(project: Project, job_id: int, lang: str | None = None) -> int:
    with transaction(project.db):
        job = project.jobs.job(job_id)
        project.jobs.set_job_status(job_id, JobStatus.COMPLETED, finished_at=now_iso(),
                                    completed_percentage=100)
        return project.notifications.add_notification(
            job_id, notifications.completed(job_id, job.name, lang))


def write_error_report(project: Project, job_id: int, error: ErrorInfo, worker_log: str) -> Path:
    """A file in the user log dir with what a bug report needs (no media content)."""
    job = project.jobs.job(job_id)
    report = {
        "created_at": now_iso(),
        "aima_version": __version__,
        "python": sys.version,
        "platform": platform.platform(),
        "project": str(project.path),
        "job": {"id": job_id, "status": str(job.status), "modules": job.modules,
                "config": job.config},
        "runs": [{"module": r.module, "status": str(r.status), "processed_s": r.processed_s,
                  "total_s": r.total_s, "device": r.device, "error": r.error}
                 for r in project.jobs.runs(job_id)],
        "error": error.to_dict(),
        "worker_log_tail": worker_log[-20_000:],
    }
    stamp = now_iso().replace(":", "").replace("-", "").replace(".", "")
    path = log_dir() / f"error-report-{stamp}-job{job_id}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
