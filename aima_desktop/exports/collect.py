"""Everything an export needs from a project, read once: items per kind, coverage, status."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from aima_desktop import __version__
from aima_desktop.domain.catalog import spec
from aima_desktop.domain.coverage import Gap, gaps
from aima_desktop.domain.progress import format_duration
from aima_desktop.domain.records import Event, Job, MediaInfo, ModuleRun
from aima_desktop.domain.speaker_attribution import attribute
from aima_desktop.domain.states import JobStatus, RunStatus
from aima_desktop.store.project import Project
from aima_desktop.store.results import job_results, module_events


@dataclass
class ExportData:
    """A job's results as exports see them: events per module, what is missing and why."""

    job: Job
    media: MediaInfo
    runs: list[ModuleRun]
    events: dict[str, list[Event]]  # module -> its timeline events, in time order
    gaps: list[Gap]
    results: dict = field(default_factory=dict)  # the seed's partial-result structure

    @property
    def partial(self) -> bool:
        return self.job.status != JobStatus.COMPLETED or bool(self.gaps)

    @property
    def segments(self) -> list[Event]:
        return self.events.get("transcript", [])

    @property
    def turns(self) -> list[Event]:
        for module in ("diarization", "diarization_embedded"):
            turns = [e for e in self.events.get(module, []) if e.kind == "turn"]
            if turns:
                return turns
        return []

    @property
    def utterances(self) -> list[Event]:
        """Transcript segments with their speaker: the fusion's, or attributed now from the
        turns where the fusion did not run; without turns, the segments as they are."""
        if any(r.module == "fusion" and r.finished for r in self.runs):
            return self.events["fusion"]
        if self.turns:
            return attribute(self.segments, self.turns)
        return self.segments

    @property
    def diarized(self) -> bool:
        return bool(self.turns)

    def items(self) -> list[tuple[str, Event]]:
        """``(module, event)`` for every timeline item, in time order."""
        rows = [(module, event) for module, events in self.events.items() for event in events]
        return sorted(rows, key=lambda row: (row[1].start, row[0]))

    def partial_note(self) -> str | None:
        """One sentence that says the result is partial and where it ends; None if complete."""
        if not self.partial:
            return None
        reason = f" ({self.job.abort_reason})" if self.job.abort_reason else ""
        return (f"Partial result of job {self.job.id}, {self.job.status}{reason}, of "
                f"{format_duration(self.media.duration)} of media; missing: "
                f"{self.gap_summary()}.")

    def gap_summary(self) -> str:
        return "; ".join(f"{g.module} {format_duration(g.start)}-{format_duration(g.end)} "
                         f"({g.reason})" for g in self.gaps) or "nothing"

    def header(self) -> dict[str, str]:
        """Name/value lines that head documents and tables."""
        header = {
            "media": self.media.file_name,
            "duration": format_duration(self.media.duration),
            "job": str(self.job.id),
            "status": "partial" if self.partial else "complete",
            "modules": ", ".join(r.module for r in self.runs
                                 if r.status not in (RunStatus.REPLACED,)),
            "exported by": f"AIMA Desktop {__version__}",
        }
        if self.partial:
            header["missing"] = self.gap_summary()
        return header

    @property
    def uri(self) -> str:
        """The media's name without spaces, as RTTM and evaluation tools want it."""
        return "_".join(Path(self.media.file_name).stem.split()) or "media"


def collect(project: Project, job_id: int) -> ExportData:
    job = project.jobs.job(job_id)
    if job is None:
        raise KeyError(f"no job {job_id}")
    runs = project.jobs.runs(job_id)
    media = project.jobs.media(job.media_id)
    events = {}
    for run in runs:
        if spec(run.module).time_based and run.status != RunStatus.REPLACED:
            kinds = spec(run.module).timeline_kinds
            events[run.module] = [e for e in module_events(project, run.id) if e.kind in kinds]
    return ExportData(job=job, media=media, runs=runs, events=events,
                      gaps=gaps(runs, media.duration), results=job_results(project, job_id))
