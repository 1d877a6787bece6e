"""Timeline events and the durability rule's unit commit."""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlite_utils

from aima_desktop.domain.records import Event
from aima_desktop.store.database import now_iso, to_json, transaction


class EventStore:
    """Writes a worker's units and reads timeline events by run and time range."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def commit_unit(
        self,
        run_id: int,
        module: str,
        events: Sequence[Event],
        cursor: dict,
        processed_s: float,
        stats: dict | None = None,
        blobs: Sequence[tuple[str, int]] = (),
    ) -> int:
        """Store one unit of work and the cursor after it in a single transaction.

        ``blobs`` are ``(digest, size)`` of files already in the blob store that the unit's
        events refer to; they are recorded as owned by the run. Returns the run's new unit
        sequence number. Either all of it is on disk or none.
        """
        with transaction(self.db):
            if blobs:
                self.db.conn.executemany(
                    "INSERT OR IGNORE INTO blobs (digest, size, run_id, created_at) "
                    "VALUES (?, ?, ?, ?)", [(d, n, run_id, now_iso()) for d, n in blobs])
            seq = self.db.conn.execute(
                "SELECT seq FROM module_runs WHERE id = ?", [run_id]).fetchone()[0] + 1
            if events:
                self.db.conn.executemany(
                    "INSERT INTO events (run_id, module, kind, seq, start_s, end_s, minute, label,"
                    " payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(run_id, module, e.kind, seq, e.start, e.end, int(e.start // 60), e.label,
                      to_json(e.payload)) for e in events],
                )
            assignments = "seq = ?, cursor = ?, processed_s = ?, updated_at = ?"
            params: list = [seq, to_json(cursor), processed_s, now_iso()]
            if stats is not None:
                assignments += ", stats = ?"
                params.append(to_json(stats))
            self.db.conn.execute(
                f"UPDATE module_runs SET {assignments} WHERE id = ?", [*params, run_id])
        return seq

    def update_stats(self, run_id: int, stats: dict) -> None:
        with transaction(self.db):
            self.db.conn.execute(
                "UPDATE module_runs SET stats = ? WHERE id = ?", [to_json(stats), run_id])

    def events(
        self,
        run_ids: Sequence[int],
        kind: str | None = None,
        start: float | None = None,
        end: float | None = None,
    ) -> list[Event]:
        """Events of ``run_ids`` ordered by time; with ``start``/``end``, those overlapping it."""
        if not run_ids:
            return []
        where = [f"run_id IN ({','.join('?' for _ in run_ids)})"]
        params: list = list(run_ids)
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if end is not None:
            where.append("start_s < ?")
            params.append(end)
        if start is not None:
            where.append("end_s > ?")
            params.append(start)
        rows = self.db.conn.execute(
            "SELECT kind, start_s, end_s, label, payload FROM events WHERE "
            + " AND ".join(where) + " ORDER BY start_s, id", params)
        return [Event(kind=k, start=s, end=e, label=label, payload=json.loads(payload))
                for k, s, e, label, payload in rows]

    @staticmethod
    def _kind_filter(kinds: Sequence[str] | None) -> tuple[str, list]:
        if not kinds:
            return "", []
        return f" AND kind IN ({','.join('?' for _ in kinds)})", list(kinds)

    def longest(self, run_id: int, kinds: Sequence[str] | None = None) -> float:
        """The longest event of a run, which bounds how far back a range query must look."""
        clause, params = self._kind_filter(kinds)
        row = self.db.conn.execute(
            f"SELECT MAX(end_s - start_s) FROM events WHERE run_id = ?{clause}",
            [run_id, *params]).fetchone()
        return row[0] or 0.0

    def in_range(self, run_ids: Sequence[int], start: float, end: float, longest: float,
                 limit: int, kinds: Sequence[str] | None = None) -> list[Event]:
        """Events overlapping ``[start, end)``, at most ``limit``, using the (run, start) index.

        Only events starting after ``start - longest`` can overlap, so the cost depends on the
        range shown, not on the length of the media.
        """
        if not run_ids:
            return []
        marks = ",".join("?" for _ in run_ids)
        clause, params = self._kind_filter(kinds)
        rows = self.db.conn.execute(
            f"SELECT kind, start_s, end_s, label, payload FROM events WHERE run_id IN ({marks}) "
            f"AND start_s >= ? AND start_s < ? AND end_s > ?{clause} ORDER BY start_s LIMIT ?",
            [*run_ids, start - longest, end, start, *params, limit])
        return [Event(kind=k, start=s, end=e, label=label, payload=json.loads(payload))
                for k, s, e, label, payload in rows]

    def per_minute(self, run_ids: Sequence[int], kinds: Sequence[str] | None = None) -> dict[int, int]:
        """How many events start in each minute (the seed's per-minute grouping)."""
        if not run_ids:
            return {}
        marks = ",".join("?" for _ in run_ids)
        clause, params = self._kind_filter(kinds)
        rows = self.db.conn.execute(
            f"SELECT minute, COUNT(*) FROM events WHERE run_id IN ({marks}){clause} "
            "GROUP BY minute", [*run_ids, *params])
        return dict(rows.fetchall())

    def count(self, run_ids: Sequence[int], kind: str | None = None) -> int:
        if not run_ids:
            return 0
        sql = f"SELECT COUNT(*) FROM events WHERE run_id IN ({','.join('?' for _ in run_ids)})"
        params: list = list(run_ids)
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        return self.db.conn.execute(sql, params).fetchone()[0]
