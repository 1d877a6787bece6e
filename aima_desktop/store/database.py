"""Opening a project's SQLite file with the settings the durability rule needs."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 30_000


def now_iso() -> str:
    """UTC time stamp with milliseconds, e.g. ``2026-12-04T11:30:00.123Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def connect(path: Path) -> sqlite_utils.Database:
    """Connect to ``project.db``: WAL, full fsync on commit, foreign keys, no untrusted schema.

    ``synchronous=FULL`` makes a committed unit survive a power loss, not only a crash;
    workers commit a few times per minute of media, so the fsync costs nothing noticeable.
    ``trusted_schema=OFF`` and no plug-ins: a project from someone else runs no functions.
    """
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA trusted_schema=OFF")
    return sqlite_utils.Database(conn, execute_plugins=False)


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction; ``BEGIN IMMEDIATE`` so concurrent writers queue instead of failing.

    Nested use (or sqlite-utils' own ``atomic()`` inside) becomes a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
