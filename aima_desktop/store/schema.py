"""The project database schema and its forward migrations (``PRAGMA user_version``)."""

from __future__ import annotations

import sqlite_utils

from aima_desktop.store.database import transaction

# Each entry moves the schema from version ``index`` to ``index + 1``. Append, never edit.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE media (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        duration REAL NOT NULL,
        media_type TEXT NOT NULL,
        has_audio INTEGER NOT NULL,
        has_video INTEGER NOT NULL,
        info TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
    );
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        media_id INTEGER NOT NULL REFERENCES media(id),
        parent_job_id INTEGER REFERENCES jobs(id),
        resume_option TEXT,
        name TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        modules TEXT NOT NULL,
        config TEXT NOT NULL,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        abort_type TEXT,
        abort_reason TEXT,
        abort_timestamp TEXT,
        error TEXT,
        completed_percentage INTEGER NOT NULL DEFAULT 0,
        metadata TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX jobs_parent ON jobs(parent_job_id);
    CREATE TABLE module_runs (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        status TEXT NOT NULL,
        resumed_from INTEGER REFERENCES module_runs(id),
        reused_from INTEGER REFERENCES module_runs(id),
        cursor TEXT,
        processed_s REAL NOT NULL DEFAULT 0,
        total_s REAL NOT NULL DEFAULT 0,
        seq INTEGER NOT NULL DEFAULT 0,
        device TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        pid INTEGER,
        error TEXT,
        stats TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        updated_at TEXT,
        UNIQUE (job_id, module)
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES module_runs(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL,
        start_s REAL NOT NULL,
        end_s REAL NOT NULL,
        minute INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        payload TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX events_run_start ON events(run_id, start_s);
    CREATE INDEX events_run_minute ON events(run_id, minute);
    CREATE TABLE partial_results (
        result_id TEXT PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        timestamp TEXT NOT NULL,
        status TEXT NOT NULL,
        metadata TEXT NOT NULL
    );
    CREATE INDEX partial_results_job ON partial_results(job_id);
    CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        job_id INTEGER REFERENCES jobs(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        type TEXT NOT NULL,
        subtype TEXT,
        priority TEXT NOT NULL,
        title TEXT NOT NULL,
        message TEXT NOT NULL,
        actions TEXT NOT NULL DEFAULT '[]',
        metadata TEXT NOT NULL DEFAULT '{}',
        read INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE blobs (
        digest TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        run_id INTEGER REFERENCES module_runs(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(RuntimeError):
    """The project was written by a newer AIMA Desktop than this one."""


def user_version(db: sqlite_utils.Database) -> int:
    return db.conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the schema up to :data:`SCHEMA_VERSION`; each step in its own transaction."""
    while True:
        # The version is read inside the write transaction: two processes opening a new
        # project at the same moment must not both apply the same step.
        with transaction(db):
            version = user_version(db)
            if version > SCHEMA_VERSION:
                raise SchemaTooNew(
                    f"the project was saved by a newer version of AIMA Desktop (schema {version}, "
                    f"this version knows up to {SCHEMA_VERSION}); update AIMA Desktop to open it")
            if version == SCHEMA_VERSION:
                return version
            for statement in MIGRATIONS[version].split(";"):
                if statement.strip():
                    db.conn.execute(statement)
            db.conn.execute(f"PRAGMA user_version = {version + 1}")
