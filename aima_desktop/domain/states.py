"""Job and module-run state machines."""

from __future__ import annotations

from enum import StrEnum


class JobStatus(StrEnum):
    """Where a job is in its life (DESIGN.md, "Job lifecycle")."""

    CREATED = "created"
    RUNNING = "running"
    ABORTING = "aborting"
    COMPLETED = "completed"
    ABORTED = "aborted"
    FAILED = "failed"
    PAUSED_FOR_RECOVERY = "paused_for_recovery"
    # The process that ran the job died (power loss, kill -9): found on the next open.
    INTERRUPTED = "interrupted"


class RunStatus(StrEnum):
    """Where one module's run within a job is."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    ABORTED = "aborted"
    FAILED = "failed"
    INTERRUPTED = "interrupted"
    # Finished results of an earlier job, used by reference.
    REUSED = "reused"
    # Left out: a module it depends on was dropped.
    SKIPPED = "skipped"
    # Failed, and the job went on without it (partial abort) ...
    DROPPED = "dropped"
    # ... or with an alternative module in its place.
    REPLACED = "replaced"


RESUMABLE_JOB_STATUSES = frozenset(
    {JobStatus.ABORTED, JobStatus.FAILED, JobStatus.PAUSED_FOR_RECOVERY, JobStatus.INTERRUPTED}
)
ACTIVE_JOB_STATUSES = frozenset({JobStatus.CREATED, JobStatus.RUNNING, JobStatus.ABORTING})
FINISHED_RUN_STATUSES = frozenset({RunStatus.COMPLETED, RunStatus.REUSED})
# Runs the job carries on without; they count neither as done nor as missing work.
LEFT_OUT_RUN_STATUSES = frozenset({RunStatus.SKIPPED, RunStatus.DROPPED, RunStatus.REPLACED})

_JOB_TRANSITIONS: dict[JobStatus, frozenset[JobStatus]] = {
    JobStatus.CREATED: frozenset(
        {JobStatus.RUNNING, JobStatus.ABORTING, JobStatus.ABORTED, JobStatus.FAILED,
         JobStatus.INTERRUPTED}
    ),
    JobStatus.RUNNING: frozenset(
        {JobStatus.COMPLETED, JobStatus.ABORTING, JobStatus.FAILED,
         JobStatus.PAUSED_FOR_RECOVERY, JobStatus.INTERRUPTED}
    ),
    JobStatus.ABORTING: frozenset(
        {JobStatus.ABORTED, JobStatus.FAILED, JobStatus.PAUSED_FOR_RECOVERY,
         JobStatus.INTERRUPTED}
    ),
    JobStatus.COMPLETED: frozenset(),
    JobStatus.ABORTED: frozenset(),
    JobStatus.FAILED: frozenset(),
    JobStatus.PAUSED_FOR_RECOVERY: frozenset(),
    JobStatus.INTERRUPTED: frozenset(),
}


class IllegalTransition(ValueError):
    """A status change that the job state machine does not allow."""


def check_job_transition(old: JobStatus | str, new: JobStatus | str) -> None:
    old, new = JobStatus(old), JobStatus(new)
    if new not in _JOB_TRANSITIONS[old]:
        raise IllegalTransition(f"a job cannot go from {old} to {new}")
