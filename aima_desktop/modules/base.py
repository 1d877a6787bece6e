"""The analysis module interface: one required generator of committed units, optional hooks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from aima_desktop.domain.records import Event, MediaInfo


@dataclass
class Unit:
    """One unit of work: its results and the cursor after it, committed in one transaction.

    ``blobs`` (sha256 hex digest -> content) go to the project's blob store, owned by the run;
    events refer to them by digest.
    """

    events: list[Event]
    cursor: dict
    processed_s: float
    stats: dict | None = None
    blobs: dict[str, bytes] = field(default_factory=dict)


@dataclass
class ModuleContext:
    """What a module may know about the run it serves. It never touches the store itself."""

    run_id: int
    module: str
    media: MediaInfo
    config: dict
    cursor: dict | None
    total_s: float
    audio_path: Path
    previous_events: Callable[[str], list[Event]]
    report_device: Callable[[str], None]
    warn: Callable[[str], None]
    # Events of another module of the same job (its results so far), and blob contents.
    job_events: Callable[[str, str], list[Event]] = lambda module, kind: []
    read_blob: Callable[[str], bytes] = lambda digest: b""

    def device(self) -> str:
        """The device the job asks for this module: ``auto``, ``cpu`` or ``cuda``."""
        return (self.config.get("devices", {}).get(self.module) or self.config.get("device")
                or "auto")

    def batch_size(self, default: int) -> int:
        return int(self.config.get("batch_sizes", {}).get(self.module) or default)

    def checkpoint_s(self, default: float, minimum: float) -> float:
        """Media seconds between commits: the settings' checkpoint interval, else the
        module's default; never under ``minimum`` (each commit costs a transaction)."""
        return max(minimum, float(self.config.get("checkpoint_s") or default))


class AnalysisModule:
    """Base class of analysis modules.

    ``process`` is the one required method: it yields :class:`Unit` objects, each of which the
    worker commits with its cursor before asking for the next. A module resumes by reading
    ``ctx.cursor`` (None on a fresh run). ``prepare`` (load models, pick the device),
    ``live_stats`` and ``close`` are optional hooks.
    """

    name = ""

    def prepare(self, ctx: ModuleContext) -> None:
        """Load what the module needs before the first unit; report the device if not the CPU."""

    def process(self, ctx: ModuleContext) -> Iterator[Unit]:
        raise NotImplementedError

    def live_stats(self) -> dict | None:
        """Counters of work done so far, recorded when the run stops between units."""
        return None

    def close(self) -> None:
        """Release what ``prepare`` acquired."""
