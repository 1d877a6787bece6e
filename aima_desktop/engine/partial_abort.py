"""Carrying on without a failed module: switch to its alternative or drop it (seed 3.4)."""

from __future__ import annotations

from aima_desktop.domain import notifications
from aima_desktop.domain.errors import ErrorInfo
from aima_desktop.domain.partial_abort import ImpactAssessment
from aima_desktop.domain.states import RunStatus
from aima_desktop.store.database import now_iso, transaction
from aima_desktop.store.project import Project


def carry_on_without(project: Project, job_id: int, run_id: int, error: ErrorInfo,
                     assessment: ImpactAssessment, lang: str | None = None) -> list[int]:
    """Record the failure, add the alternative's run or skip the dependents, note the reduced
    functionality in the job and notify. Returns the runs that are now skipped."""
    now = now_iso()
    with transaction(project.db):
        job = project.jobs.job(job_id)
        failed = project.jobs.run(run_id)
        skipped = []
        if assessment.alternative is not None:
            project.jobs.set_run_status(run_id, RunStatus.REPLACED, finished_at=now,
                                        error=error.to_dict())
            project.jobs.add_run(job_id, assessment.alternative, failed.total_s)
        else:
            project.jobs.set_run_status(run_id, RunStatus.DROPPED, finished_at=now,
                                        error=error.to_dict())
            for run in project.jobs.runs(job_id):
                if run.module in assessment.affected_modules and not run.finished:
                    project.jobs.set_run_status(run.id, RunStatus.SKIPPED, finished_at=now)
                    skipped.append(run.id)
        record = {
            "timestamp": now, "failed_module": failed.module, "error": error.to_dict(),
            "alternative_used": assessment.alternative,
            "affected_modules": assessment.affected_modules,
            "affected_features": assessment.affected_features,
            "quality_impact": assessment.quality_impact,
        }
        metadata = dict(job.metadata)
        metadata["reduced_functionality"] = [*metadata.get("reduced_functionality", []), record]
        modules = [*job.modules, *([assessment.alternative] if assessment.alternative else [])]
        project.jobs.update_job(job_id, metadata=metadata, modules=modules)
        project.notifications.add_notification(job_id, notifications.partial_abort(
            job_id, job.name, failed.module, assessment.alternative,
            assessment.affected_features, assessment.quality_impact, error.message, lang))
    return skipped
