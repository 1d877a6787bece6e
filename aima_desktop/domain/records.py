"""Plain records of a project (media, jobs, module runs, events) as the domain rules see them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from aima_desktop.domain.states import FINISHED_RUN_STATUSES, JobStatus, RunStatus


def _json(value: Any, default: Any) -> Any:
    if value is None or value == "":
        return default
    if isinstance(value, (dict, list)):
        return value
    return json.loads(value)


@dataclass(frozen=True)
class MediaInfo:
    """What the probe learned about a media file."""

    path: str
    file_name: str
    sha256: str
    size: int
    duration: float
    media_type: str  # "video" or "audio"
    has_audio: bool
    has_video: bool
    # Length of the audio stream as the container declares it (0 when unknown).
    audio_duration: float = 0.0
    id: int | None = None

    @classmethod
    def from_row(cls, row: dict) -> MediaInfo:
        info = _json(row.get("info"), {})
        return cls(
            id=row.get("id"), path=row["path"], file_name=row["file_name"], sha256=row["sha256"],
            size=row["size"], duration=row["duration"], media_type=row["media_type"],
            has_audio=bool(row["has_audio"]), has_video=bool(row["has_video"]),
            audio_duration=float(info.get("audio_duration") or 0.0),
        )


@dataclass(frozen=True)
class ModuleRun:
    """One module's run within one job."""

    id: int
    job_id: int
    module: str
    status: RunStatus
    processed_s: float = 0.0
    total_s: float = 0.0
    cursor: dict | None = None
    seq: int = 0
    resumed_from: int | None = None
    reused_from: int | None = None
    device: str | None = None
    attempts: int = 0
    error: dict | None = None
    stats: dict = field(default_factory=dict)
    started_at: str | None = None
    finished_at: str | None = None
    updated_at: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED_RUN_STATUSES

    @property
    def fraction(self) -> float:
        if self.finished:
            return 1.0
        if self.total_s <= 0:
            return 0.0
        return max(0.0, min(1.0, self.processed_s / self.total_s))

    @property
    def has_checkpoint(self) -> bool:
        """True when committed work exists to continue from."""
        return not self.finished and self.cursor is not None and self.processed_s > 0

    @classmethod
    def from_row(cls, row: dict) -> ModuleRun:
        return cls(
            id=row["id"], job_id=row["job_id"], module=row["module"],
            status=RunStatus(row["status"]), processed_s=row["processed_s"] or 0.0,
            total_s=row["total_s"] or 0.0, cursor=_json(row.get("cursor"), None),
            seq=row.get("seq") or 0, resumed_from=row.get("resumed_from"),
            reused_from=row.get("reused_from"), device=row.get("device"),
            attempts=row.get("attempts") or 0, error=_json(row.get("error"), None),
            stats=_json(row.get("stats"), {}), started_at=row.get("started_at"),
            finished_at=row.get("finished_at"), updated_at=row.get("updated_at"),
        )


@dataclass(frozen=True)
class Job:
    """One analysis of one media file with a set of modules."""

    id: int
    media_id: int
    status: JobStatus
    modules: list[str]
    config: dict
    created_at: str
    parent_job_id: int | None = None
    resume_option: str | None = None
    name: str = ""
    started_at: str | None = None
    finished_at: str | None = None
    abort_type: str | None = None
    abort_reason: str | None = None
    abort_timestamp: str | None = None
    error: dict | None = None
    completed_percentage: int = 0
    metadata: dict = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: dict) -> Job:
        return cls(
            id=row["id"], media_id=row["media_id"], status=JobStatus(row["status"]),
            modules=_json(row["modules"], []), config=_json(row["config"], {}),
            created_at=row["created_at"], parent_job_id=row.get("parent_job_id"),
            resume_option=row.get("resume_option"), name=row.get("name") or "",
            started_at=row.get("started_at"), finished_at=row.get("finished_at"),
            abort_type=row.get("abort_type"), abort_reason=row.get("abort_reason"),
            abort_timestamp=row.get("abort_timestamp"), error=_json(row.get("error"), None),
            completed_percentage=row.get("completed_percentage") or 0,
            metadata=_json(row.get("metadata"), {}),
        )


@dataclass(frozen=True)
class Event:
    """A timeline item produced by a module (a transcript segment, later a speaker turn...)."""

    kind: str
    start: float
    end: float
    label: str = ""
    payload: dict = field(default_factory=dict)
