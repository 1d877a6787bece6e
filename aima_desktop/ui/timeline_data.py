"""What the timeline shows, read from the store by visible time range (no Qt).

Each tier is one module of a job, with the runs whose events make up its results (the job's
own run and those it continued or reused). Events are fetched for the range on screen plus a
margin, through the (run, start) index, so the cost follows what is visible, not the length
of the media; when a range holds too many events to draw one by one, the tier shows how many
start in each minute instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aima_desktop.domain.catalog import spec
from aima_desktop.domain.records import Event
from aima_desktop.domain.states import RunStatus
from aima_desktop.store.project import Project

MAX_ITEMS = 2000  # more than this in view: draw the per-minute density
MARGIN = 1.0  # fetch this many view-widths on either side


@dataclass
class Tier:
    """One module's row on the timeline."""

    module: str
    title: str
    status: str
    run_ids: list[int]
    processed_s: float
    total_s: float
    seq: int
    kinds: tuple[str, ...] = ()
    longest: float = 0.0
    per_minute: dict[int, int] = field(default_factory=dict)
    _cache: tuple[float, float, list[Event]] | None = None

    @property
    def done_ranges(self) -> list[tuple[float, float]]:
        return [(0.0, min(self.processed_s, self.total_s))] if self.processed_s > 0 else []

    @property
    def missing_ranges(self) -> list[tuple[float, float]]:
        return [(self.processed_s, self.total_s)] if self.processed_s < self.total_s else []

    def estimated_count(self, start: float, end: float) -> int:
        """Events starting in ``[start, end)``, from the per-minute counts (edges prorated)."""
        total = 0.0
        for minute, count in self.per_minute.items():
            overlap = min(end, minute * 60 + 60) - max(start, minute * 60)
            if overlap > 0:
                total += count * overlap / 60
        return int(total)


class TimelineData:
    """The tiers of one job, refreshed from the store while its workers commit."""

    def __init__(self, project: Project, job_id: int):
        self.project = project
        self.job_id = job_id
        self.duration = project.jobs.media(project.jobs.job(job_id).media_id).duration
        self.tiers: list[Tier] = []
        self.refresh()

    def refresh(self) -> bool:
        """Reload progress; re-read a tier's events only if it committed since. True if changed."""
        old = {tier.module: tier for tier in self.tiers}
        tiers, changed = [], False
        for run in self.project.jobs.runs(self.job_id):
            if run.status == RunStatus.REPLACED:
                continue  # its alternative has the tier
            lineage = self.project.jobs.lineage(run.id)
            seq = sum(self.project.jobs.run(r).seq for r in lineage)
            previous = old.get(run.module)
            tier = Tier(run.module, spec(run.module).title, str(run.status), lineage,
                        run.processed_s, run.total_s or self.duration, seq,
                        kinds=spec(run.module).timeline_kinds)
            if previous is not None and previous.seq == seq and previous.run_ids == lineage:
                tier.longest, tier.per_minute, tier._cache = (
                    previous.longest, previous.per_minute, previous._cache)
                changed |= (previous.status, previous.processed_s) != (tier.status, tier.processed_s)
            else:
                tier.longest = max((self.project.events.longest(r, tier.kinds) for r in lineage),
                                   default=0.0)
                tier.per_minute = self.project.events.per_minute(lineage, tier.kinds)
                changed = True
            tiers.append(tier)
        self.tiers = tiers
        return changed

    def events(self, tier: Tier, start: float, end: float) -> list[Event] | None:
        """Events of ``tier`` overlapping ``[start, end)``, or None when too many to draw."""
        if tier.estimated_count(start - tier.longest, end) > MAX_ITEMS:
            return None
        cached = tier._cache
        if cached is None or start < cached[0] or end > cached[1]:
            margin = (end - start) * MARGIN
            low, high = max(0.0, start - margin), end + margin
            limit = MAX_ITEMS * 3
            fetched = self.project.events.in_range(tier.run_ids, low, high, tier.longest, limit,
                                                   tier.kinds)
            if len(fetched) == limit:  # cut short: the cache covers only up to the last start
                high = fetched[-1].start
            cached = tier._cache = (low, high, fetched)
        return [e for e in cached[2] if e.end > start and e.start < end]
