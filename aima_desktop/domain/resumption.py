"""Resumption options (seed section 5.1) and the plan that carries one out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from aima_desktop.domain.messages import text
from aima_desktop.domain.progress import completed_percentage
from aima_desktop.domain.records import Job, ModuleRun
from aima_desktop.domain.states import RESUMABLE_JOB_STATUSES, JobStatus, RunStatus

OPTION_ORDER = ("checkpoint", "partial_results", "restart")


class RunAction(StrEnum):
    """What a resumed job does with one module."""

    REUSE = "reuse"  # finished earlier: use those results by reference
    CONTINUE = "continue"  # continue from the committed cursor
    FRESH = "fresh"  # compute from the beginning


@dataclass(frozen=True)
class PlannedRun:
    module: str
    action: RunAction
    source_run_id: int | None  # the run reused or continued


def not_resumable_reason(job: Job | None, child_job_id: int | None, lang: str | None = None) -> str | None:
    """Why ``job`` cannot be resumed, or None when it can."""
    if job is None:
        return "Job not found"
    if child_job_id is not None:
        return f"Job {job.id} was already resumed as job {child_job_id}; resume that job instead"
    if job.status not in RESUMABLE_JOB_STATUSES:
        if job.status == JobStatus.COMPLETED:
            return f"Job {job.id} is completed; there is nothing to resume"
        if job.status in (JobStatus.RUNNING, JobStatus.CREATED, JobStatus.ABORTING):
            return f"Job {job.id} is still {job.status}"
        return "Job is not in a resumable state"
    return None


def resumption_options(
    job: Job | None,
    runs: Sequence[ModuleRun],
    partial_results: Sequence[dict],
    child_job_id: int | None = None,
    lang: str | None = None,
) -> dict:
    """The seed's ``get_resumption_options`` structure for ``job``."""
    reason = not_resumable_reason(job, child_job_id, lang)
    if reason is not None:
        return {"resumable": False, "reason": reason}

    options: list[dict] = []
    checkpoint_runs = [run for run in runs if run.has_checkpoint]
    if checkpoint_runs:
        percentage = completed_percentage(runs)
        latest = max(checkpoint_runs, key=lambda run: run.updated_at or "")
        options.append({
            "type": "checkpoint",
            "checkpoint_id": f"run-{latest.id}-seq-{latest.seq}",
            "timestamp": latest.updated_at,
            "completed_percentage": percentage,
            "description": text("resume.checkpoint", lang, percentage=percentage),
        })
    if partial_results:
        latest_result = max(partial_results, key=lambda result: result["timestamp"])
        percentage = latest_result["metadata"].get("completed_percentage", 0)
        options.append({
            "type": "partial_results",
            "result_id": latest_result["result_id"],
            "timestamp": latest_result["timestamp"],
            "completed_percentage": percentage,
            "description": text("resume.partial_results", lang, percentage=percentage),
        })
    options.append({"type": "restart", "description": text("resume.restart", lang)})
    return {
        "resumable": True,
        "options": options,
        "recommended_option": recommended_option(options),
    }


def recommended_option(options: Sequence[dict]) -> dict | None:
    """Checkpoint before partial results before restart."""
    for option_type in OPTION_ORDER:
        for option in options:
            if option["type"] == option_type:
                return option
    return options[0] if options else None


def plan(option_type: str, runs: Sequence[ModuleRun]) -> list[PlannedRun]:
    """For each module of the old job, what the new job does with it."""
    if option_type not in OPTION_ORDER:
        raise ValueError(f"unknown resumption option {option_type!r} (use {', '.join(OPTION_ORDER)})")
    planned = []
    for run in runs:
        if run.status == RunStatus.REPLACED:
            continue  # its alternative stands in for it
        if option_type != "restart" and run.finished:
            planned.append(PlannedRun(run.module, RunAction.REUSE, run.reused_from or run.id))
        elif option_type == "checkpoint" and run.has_checkpoint:
            planned.append(PlannedRun(run.module, RunAction.CONTINUE, run.id))
        else:
            planned.append(PlannedRun(run.module, RunAction.FRESH, None))
    return planned
