"""Media, jobs and module runs in the project database."""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

from aima_desktop.domain.records import Job, MediaInfo, ModuleRun
from aima_desktop.domain.resumption import PlannedRun, RunAction
from aima_desktop.domain.states import JobStatus, RunStatus, check_job_transition
from aima_desktop.store.database import now_iso, to_json, transaction

_JSON_COLUMNS = {"modules", "config", "error", "metadata", "cursor", "stats", "info"}


def _encode(fields: dict) -> dict:
    return {key: to_json(value) if key in _JSON_COLUMNS and value is not None else value
            for key, value in fields.items()}


class JobStore:
    """Reads and writes media, jobs and module runs.

    Ownership (DESIGN.md): the orchestrator changes job and run *status*; a worker writes
    only its own run's cursor, progress and events (see :class:`EventStore`).
    """

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    # -- media -----------------------------------------------------------------------------
    def add_media(self, info: MediaInfo) -> MediaInfo:
        existing = list(self.db.query(
            "SELECT * FROM media WHERE sha256 = ? AND path = ?", [info.sha256, info.path]))
        if existing:
            return MediaInfo.from_row(existing[0])
        with transaction(self.db):
            media_id = self.db["media"].insert(_encode({
                "path": info.path, "file_name": info.file_name, "sha256": info.sha256,
                "size": info.size, "duration": info.duration, "media_type": info.media_type,
                "has_audio": int(info.has_audio), "has_video": int(info.has_video),
                "info": {"audio_duration": info.audio_duration}, "created_at": now_iso(),
            })).last_pk
        return self.media(media_id)

    def media(self, media_id: int) -> MediaInfo:
        return MediaInfo.from_row(self.db["media"].get(media_id))

    # -- jobs ------------------------------------------------------------------------------
    def create_job(
        self,
        media: MediaInfo,
        planned: Sequence[PlannedRun],
        config: dict,
        parent_job_id: int | None = None,
        resume_option: str | None = None,
    ) -> Job:
        """A new job in status ``created`` with one run per planned module, in one transaction."""
        created = now_iso()
        with transaction(self.db):
            job_id = self.db["jobs"].insert(_encode({
                "media_id": media.id, "parent_job_id": parent_job_id,
                "resume_option": resume_option, "name": media.file_name,
                "status": str(JobStatus.CREATED), "modules": [p.module for p in planned],
                "config": config, "created_at": created, "metadata": {},
            })).last_pk
            for item in planned:
                self._insert_run(job_id, item, media.duration, created)
        return self.job(job_id)

    def _insert_run(self, job_id: int, item: PlannedRun, total_s: float, created: str) -> None:
        fields: dict = {"job_id": job_id, "module": item.module, "total_s": total_s,
                        "created_at": created, "updated_at": created,
                        "status": str(RunStatus.PENDING)}
        if item.action == RunAction.REUSE:
            source = self.run(item.source_run_id)
            fields.update(status=str(RunStatus.REUSED), reused_from=source.reused_from or source.id,
                          processed_s=source.total_s, cursor=source.cursor, device=source.device,
                          stats=source.stats, updated_at=source.updated_at)
        elif item.action == RunAction.CONTINUE:
            source = self.run(item.source_run_id)
            fields.update(resumed_from=source.id, cursor=source.cursor,
                          processed_s=source.processed_s)
        self.db["module_runs"].insert(_encode(fields))

    def add_run(self, job_id: int, module: str, total_s: float) -> int:
        """A pending run of ``module`` added to a running job (an alternative module)."""
        created = now_iso()
        with transaction(self.db):
            return self.db["module_runs"].insert(_encode({
                "job_id": job_id, "module": module, "total_s": total_s, "status":
                str(RunStatus.PENDING), "created_at": created, "updated_at": created})).last_pk

    def job(self, job_id: int) -> Job | None:
        rows = list(self.db.query("SELECT * FROM jobs WHERE id = ?", [job_id]))
        return Job.from_row(rows[0]) if rows else None

    def list_jobs(self) -> list[Job]:
        return [Job.from_row(row) for row in self.db.query("SELECT * FROM jobs ORDER BY id")]

    def jobs_with_status(self, statuses: Sequence[str]) -> list[Job]:
        marks = ",".join("?" for _ in statuses)
        return [Job.from_row(row) for row in self.db.query(
            f"SELECT * FROM jobs WHERE status IN ({marks}) ORDER BY id", [str(s) for s in statuses])]

    def child_job_id(self, job_id: int) -> int | None:
        rows = list(self.db.query(
            "SELECT id FROM jobs WHERE parent_job_id = ? ORDER BY id LIMIT 1", [job_id]))
        return rows[0]["id"] if rows else None

    def chain(self, job_id: int) -> list[int]:
        """``job_id`` with every job it resumed and every job that resumed it, oldest first.

        They share results by reference, so they are one analysis for the user.
        """
        root = self.ancestry(job_id)[-1]
        members, frontier = [root], [root]
        while frontier:
            marks = ",".join("?" for _ in frontier)
            frontier = [row["id"] for row in self.db.query(
                f"SELECT id FROM jobs WHERE parent_job_id IN ({marks}) ORDER BY id", frontier)]
            members += frontier
        return members

    def delete_jobs(self, job_ids: Sequence[int]) -> list[str]:
        """Delete jobs with their runs, events, partial results and notifications.

        Returns the digests of the blobs their runs owned, for the caller to remove from disk
        once the transaction is committed. Media rows stay: other analyses may use them.
        """
        if not job_ids:
            return []
        marks = ",".join("?" for _ in job_ids)
        with transaction(self.db):
            run_ids = [row["id"] for row in self.db.query(
                f"SELECT id FROM module_runs WHERE job_id IN ({marks})", list(job_ids))]
            run_marks = ",".join("?" for _ in run_ids) or "NULL"
            digests = [row["digest"] for row in self.db.query(
                f"SELECT digest FROM blobs WHERE run_id IN ({run_marks})", run_ids)]
            self.db.conn.execute(f"DELETE FROM blobs WHERE run_id IN ({run_marks})", run_ids)
            self.db.conn.execute(f"DELETE FROM events WHERE run_id IN ({run_marks})", run_ids)
            # Runs point at each other (reused_from / resumed_from): unlink before deleting.
            self.db.conn.execute(
                f"UPDATE module_runs SET reused_from = NULL, resumed_from = NULL "
                f"WHERE job_id IN ({marks})", list(job_ids))
            self.db.conn.execute(f"DELETE FROM module_runs WHERE job_id IN ({marks})", list(job_ids))
            self.db.conn.execute(
                f"UPDATE jobs SET parent_job_id = NULL WHERE id IN ({marks})", list(job_ids))
            self.db.conn.execute(f"DELETE FROM jobs WHERE id IN ({marks})", list(job_ids))
        return digests

    def ancestry(self, job_id: int) -> list[int]:
        """``job_id`` and the jobs it resumed, newest first."""
        chain, current = [], self.job(job_id)
        while current is not None and current.id not in chain:
            chain.append(current.id)
            current = self.job(current.parent_job_id) if current.parent_job_id else None
        return chain

    def set_job_status(self, job_id: int, status: JobStatus, **fields: object) -> None:
        """Change a job's status (checked against the state machine) and other columns."""
        with transaction(self.db):
            old = self.db["jobs"].get(job_id)["status"]
            check_job_transition(old, status)
            self.db["jobs"].update(job_id, _encode({"status": str(status), **fields}))

    def update_job(self, job_id: int, **fields: object) -> None:
        with transaction(self.db):
            self.db["jobs"].update(job_id, _encode(fields))

    # -- module runs -----------------------------------------------------------------------
    def runs(self, job_id: int) -> list[ModuleRun]:
        return [ModuleRun.from_row(row) for row in self.db.query(
            "SELECT * FROM module_runs WHERE job_id = ? ORDER BY id", [job_id])]

    def run(self, run_id: int) -> ModuleRun:
        return ModuleRun.from_row(self.db["module_runs"].get(run_id))

    def set_run_status(self, run_id: int, status: RunStatus, **fields: object) -> None:
        with transaction(self.db):
            self.db["module_runs"].update(run_id, _encode({"status": str(status), **fields}))

    def update_run(self, run_id: int, **fields: object) -> None:
        with transaction(self.db):
            self.db["module_runs"].update(run_id, _encode(fields))

    def lineage(self, run_id: int) -> list[int]:
        """The runs whose events together form ``run_id``'s results, oldest first.

        A reused run points at the run that computed the results; a continued run adds its
        own events to those of the run it continued.
        """
        chain: list[int] = []
        current: int | None = run_id
        while current is not None and current not in chain:
            run = self.run(current)
            if run.reused_from is not None:
                current = run.reused_from
                continue
            chain.append(run.id)
            current = run.resumed_from
        return list(reversed(chain))
