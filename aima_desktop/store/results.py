"""A job's results in the seed's structure: per module a per-minute timeline or plain data."""

from __future__ import annotations

from collections import defaultdict

from aima_desktop.domain.catalog import spec
from aima_desktop.domain.partial_results import build_metadata
from aima_desktop.domain.progress import completed_percentage
from aima_desktop.domain.records import Event, Job
from aima_desktop.domain.states import JobStatus
from aima_desktop.store.project import Project


def module_events(project: Project, run_id: int, kind: str | None = None) -> list[Event]:
    """Every event of a run and of the runs it continued or reused, in time order."""
    return project.events.events(project.jobs.lineage(run_id), kind=kind)


def transcript_segments(project: Project, job_id: int) -> list[Event]:
    for run in project.jobs.runs(job_id):
        if run.module == "transcript":
            return module_events(project, run.id, kind="segment")
    return []


def result_counts(project: Project, job_id: int) -> list[tuple[str, int]]:
    """``(kind, count)`` of the timeline items each finished module of the job produced."""
    counts = []
    for run in project.jobs.runs(job_id):
        for kind in spec(run.module).timeline_kinds:
            if run.finished:
                counts.append((kind, project.events.count(project.jobs.lineage(run.id), kind)))
    return counts


def job_summary(project: Project, job: Job) -> dict:
    runs = project.jobs.runs(job.id)
    return {
        "id": job.id,
        "name": job.name,
        "status": str(job.status),
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
        "completed_percentage": completed_percentage(runs),
        "parent_job_id": job.parent_job_id,
        "resume_option": job.resume_option,
        "abort_type": job.abort_type,
        "abort_reason": job.abort_reason,
        "abort_timestamp": job.abort_timestamp,
        "error": job.error,
        "modules": {
            run.module: {"status": str(run.status), "processed_s": round(run.processed_s, 3),
                         "total_s": round(run.total_s, 3), "device": run.device}
            for run in runs
        },
    }


def job_metadata(project: Project, job: Job) -> dict:
    """The stored partial-result metadata of a stopped job, or the same computed now."""
    partials = project.notifications.partial_results(job.id)
    if partials and job.status != JobStatus.COMPLETED:
        return partials[-1]["metadata"]
    return build_metadata(
        abort_reason=job.abort_reason or "",
        abort_timestamp=job.abort_timestamp or "",
        runs=project.jobs.runs(job.id),
        requested_modules=job.config.get("requested_modules", job.modules),
        media=project.jobs.media(job.media_id),
        error=job.error,
    )


def _timeline(events: list[Event]) -> dict[str, list[dict]]:
    minutes: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        minutes[str(int(event.start // 60) * 60)].append({
            "timestamp": event.start, "start": event.start, "end": event.end,
            "kind": event.kind, "label": event.label, **event.payload,
        })
    return dict(minutes)


def job_results(project: Project, job_id: int) -> dict:
    """Everything a user can take away from ``job_id`` and the jobs it resumed."""
    job = project.jobs.job(job_id)
    if job is None:
        raise KeyError(f"no job {job_id}")
    results: dict[str, dict] = {}
    for run in project.jobs.runs(job_id):
        module = spec(run.module)
        entry = {"status": str(run.status), "processed_s": round(run.processed_s, 3),
                 "total_s": round(run.total_s, 3), "summary": run.stats}
        if module.time_based:
            events = module_events(project, run.id)
            entry.update(type="timeline", timeline=_timeline(events), event_count=len(events))
        else:
            entry.update(type="simple", data=run.stats)
        results[run.module] = entry
    return {
        "job": job_summary(project, job),
        "resumed_jobs": project.jobs.ancestry(job_id)[1:],
        "status": "complete" if job.status == JobStatus.COMPLETED else "partial",
        "metadata": job_metadata(project, job),
        "results": results,
    }
