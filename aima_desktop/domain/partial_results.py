"""The seed's partial-result metadata (section 4.2) computed from a job's module runs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from aima_desktop.domain.catalog import spec
from aima_desktop.domain.progress import completed_percentage
from aima_desktop.domain.records import MediaInfo, ModuleRun
from aima_desktop.domain.states import RunStatus


def classify_modules(runs: Iterable[ModuleRun]) -> tuple[list[str], list[str], list[str], list[str]]:
    """``(completed, incomplete, not_started, dropped)`` module names.

    A module replaced by an alternative is represented by the alternative; modules the job
    went on without (failed, or depending on one that failed) are ``dropped``.
    """
    completed, incomplete, not_started, dropped = [], [], [], []
    for run in runs:
        if run.status == RunStatus.REPLACED:
            continue
        if run.finished:
            completed.append(run.module)
        elif run.status in (RunStatus.DROPPED, RunStatus.SKIPPED):
            dropped.append(run.module)
        elif run.status == RunStatus.PENDING:
            not_started.append(run.module)
        else:
            incomplete.append(run.module)
    return completed, incomplete, not_started, dropped


def processed_duration(runs: Sequence[ModuleRun], requested: Sequence[str], duration: float) -> float:
    """Media seconds for which every requested time-based analysis is committed."""
    spans = [
        duration if run.finished else min(run.processed_s, duration)
        for run in runs
        if run.module in requested and spec(run.module).time_based
    ]
    return round(min(spans), 3) if spans else 0.0


def quality_assessment(percentage: int, had_error: bool) -> dict:
    """A coarse judgement the user can read at a glance (seed: confidence/completeness/usability)."""
    if percentage >= 100:
        completeness, usability = "complete", "full"
    elif percentage >= 10:
        completeness, usability = "partial", "limited" if percentage >= 50 else "minimal"
    else:
        completeness, usability = "minimal", "minimal"
    levels = ["low", "medium", "high"]
    level = 2 if percentage >= 90 else 1 if percentage >= 50 else 0
    if had_error:
        level = max(0, level - 1)
    return {"confidence": levels[level], "completeness": completeness, "usability": usability}


def build_metadata(
    *,
    abort_reason: str,
    abort_timestamp: str,
    runs: Sequence[ModuleRun],
    requested_modules: Sequence[str],
    media: MediaInfo,
    error: dict | None = None,
) -> dict:
    """The metadata object stored with a partial result."""
    completed, incomplete, not_started, dropped = classify_modules(runs)
    percentage = completed_percentage(runs)
    metadata = {
        "abort_reason": abort_reason,
        "abort_timestamp": abort_timestamp,
        "completed_percentage": percentage,
        "completed_modules": completed,
        "incomplete_modules": incomplete,
        "not_started_modules": not_started,
        "media_info": {
            "duration": media.duration,
            "processed_duration": processed_duration(runs, requested_modules, media.duration),
            "file_name": media.file_name,
            "media_type": media.media_type,
        },
        "quality_assessment": quality_assessment(percentage, had_error=error is not None),
    }
    if dropped:
        metadata["dropped_modules"] = dropped
    if error is not None:
        metadata["error"] = error
    return metadata
