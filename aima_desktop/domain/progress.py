"""Completed percentage of a job and time-left estimates."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from aima_desktop.domain.catalog import spec
from aima_desktop.domain.records import ModuleRun
from aima_desktop.domain.states import LEFT_OUT_RUN_STATUSES


def completed_fraction(runs: Iterable[ModuleRun]) -> float:
    """Share of a job's work that is committed, weighted by each module's cost (0..1)."""
    weighted = total = 0.0
    for run in runs:
        if run.status in LEFT_OUT_RUN_STATUSES:
            continue
        weight = spec(run.module).cost_weight
        total += weight
        weighted += weight * run.fraction
    return weighted / total if total else 0.0


def completed_percentage(runs: Iterable[ModuleRun]) -> int:
    """The seed's ``completed_percentage``: whole percent, 100 only when everything finished."""
    runs = list(runs)
    fraction = completed_fraction(runs)
    if fraction >= 1.0 and all(r.finished for r in runs if r.status not in LEFT_OUT_RUN_STATUSES):
        return 100
    return min(99, int(fraction * 100))


class EtaEstimator:
    """Time left for one module run, from the rate of its recent progress.

    Feed it ``(monotonic seconds, processed media seconds)`` samples; the rate is taken over
    a sliding window so that a slow start (model loading) stops mattering once work flows.
    """

    def __init__(self, total_s: float, window_s: float = 60.0):
        self.total_s = total_s
        self.window_s = window_s
        self._samples: deque[tuple[float, float]] = deque()

    def add(self, now: float, processed_s: float) -> None:
        if self._samples and processed_s < self._samples[-1][1]:
            self._samples.clear()
        self._samples.append((now, processed_s))
        while len(self._samples) > 2 and now - self._samples[0][0] > self.window_s:
            self._samples.popleft()

    def rate(self) -> float | None:
        """Media seconds processed per wall-clock second, or None before two samples differ."""
        if len(self._samples) < 2:
            return None
        (t0, p0), (t1, p1) = self._samples[0], self._samples[-1]
        if t1 <= t0 or p1 <= p0:
            return None
        return (p1 - p0) / (t1 - t0)

    def seconds_left(self) -> float | None:
        rate = self.rate()
        if rate is None:
            return None
        return max(0.0, (self.total_s - self._samples[-1][1]) / rate)


def format_duration(seconds: float | None) -> str:
    """``1:02:03`` / ``2:03``; ``--:--`` when unknown."""
    if seconds is None:
        return "--:--"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
