"""Notifications and partial-result records."""

from __future__ import annotations

import json
import uuid

import sqlite_utils

from aima_desktop.store.database import now_iso, to_json, transaction


def _decode(row: dict, *columns: str) -> dict:
    return {**row, **{c: json.loads(row[c]) for c in columns}}


class NotificationStore:
    """The seed's notifications and partial results (section 4.1), persisted in the project."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def add_notification(self, job_id: int | None, notification: dict) -> int:
        with transaction(self.db):
            return self.db["notifications"].insert({
                "job_id": job_id, "created_at": now_iso(), "type": notification["type"],
                "subtype": notification.get("subtype"), "priority": notification["priority"],
                "title": notification["title"], "message": notification["message"],
                "actions": to_json(notification.get("actions", [])),
                "metadata": to_json(notification.get("metadata", {})), "read": 0,
            }).last_pk

    def notifications(self, job_id: int | None = None, unread_only: bool = False) -> list[dict]:
        where, params = [], []
        if job_id is not None:
            where.append("job_id = ?")
            params.append(job_id)
        if unread_only:
            where.append("read = 0")
        sql = "SELECT * FROM notifications"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_decode(row, "actions", "metadata")
                for row in self.db.query(sql + " ORDER BY id", params)]

    def mark_read(self, notification_id: int) -> None:
        with transaction(self.db):
            self.db["notifications"].update(notification_id, {"read": 1})

    def add_partial_result(self, job_id: int, metadata: dict) -> str:
        result_id = str(uuid.uuid4())
        with transaction(self.db):
            self.db["partial_results"].insert({
                "result_id": result_id, "job_id": job_id, "timestamp": now_iso(),
                "status": "partial", "metadata": to_json(metadata),
            })
        return result_id

    def partial_results(self, job_id: int) -> list[dict]:
        return [_decode(row, "metadata") for row in self.db.query(
            "SELECT * FROM partial_results WHERE job_id = ? ORDER BY timestamp", [job_id])]
