"""Which stretches of the media each module has analysed, and the gaps a partial result has."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aima_desktop.domain.catalog import spec
from aima_desktop.domain.records import ModuleRun
from aima_desktop.domain.states import RunStatus


@dataclass(frozen=True)
class Gap:
    """A stretch of the media a module has no results for, and why."""

    module: str
    start: float
    end: float
    reason: str  # "stopped", "not started", "dropped"

    def as_dict(self) -> dict:
        return {"module": self.module, "start": round(self.start, 3), "end": round(self.end, 3),
                "reason": self.reason}


def gaps(runs: Iterable[ModuleRun], duration: float) -> list[Gap]:
    """The missing stretches of every time-based module of a job, in module order.

    A module that stopped has results up to its cursor (maybe none: it stopped within its
    first unit); one that never started, or that the
    job went on without (dropped, or skipped because a module it needs was dropped), has none.
    A module replaced by its alternative leaves no gap: the alternative stands in for it.
    """
    found = []
    for run in runs:
        if run.finished or run.status == RunStatus.REPLACED or not spec(run.module).time_based:
            continue
        if run.status in (RunStatus.DROPPED, RunStatus.SKIPPED):
            start, reason = 0.0, "dropped"
        elif run.status == RunStatus.PENDING:
            start, reason = 0.0, "not started"
        else:  # it started and stopped: results up to its cursor, if any
            start, reason = min(max(run.processed_s, 0.0), duration), "stopped"
        if start < duration:
            found.append(Gap(run.module, start, duration, reason))
    return found
