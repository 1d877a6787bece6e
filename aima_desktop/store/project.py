"""A project folder ``NAME.aima/`` on disk: ``project.db`` plus the blob store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from aima_desktop.store.blobs import BlobStore
from aima_desktop.store.database import connect
from aima_desktop.store.events import EventStore
from aima_desktop.store.jobs import JobStore
from aima_desktop.store.notifications import NotificationStore
from aima_desktop.store.schema import migrate

DB_NAME = "project.db"
PROJECT_SUFFIX = ".aima"


class ProjectError(Exception):
    """A folder that is not a usable project, with the reason in words."""


class Project:
    """An open project: its database, blob store and the stores that read and write them.

    Every process (GUI, CLI, each worker) opens its own ``Project``; SQLite in WAL mode lets
    workers commit while the GUI reads.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.db_path = self.path / DB_NAME
        try:
            self.db = connect(self.db_path)
            migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{self.db_path}: not a readable project database ({exc})") from exc
        self.blobs = BlobStore(self.path / "blobs")
        self.jobs = JobStore(self.db)
        self.events = EventStore(self.db)
        self.notifications = NotificationStore(self.db)

    @classmethod
    def create(cls, path: Path) -> Project:
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise ProjectError(f"{path}: exists and is not a folder")
        if path.is_dir() and any(path.iterdir()) and not (path / DB_NAME).exists():
            raise ProjectError(f"{path}: folder is not empty and is not an AIMA project")
        (path / "blobs").mkdir(parents=True, exist_ok=True)
        return cls(path)

    @classmethod
    def open(cls, path: Path) -> Project:
        path = Path(path)
        if not path.is_dir():
            raise ProjectError(f"{path}: no such project folder")
        if not (path / DB_NAME).is_file():
            raise ProjectError(f"{path}: not an AIMA project (no {DB_NAME})")
        return cls(path)

    @classmethod
    def open_or_create(cls, path: Path) -> Project:
        path = Path(path)
        return cls.open(path) if (path / DB_NAME).is_file() else cls.create(path)

    @property
    def locks_dir(self) -> Path:
        directory = self.path / "locks"
        directory.mkdir(exist_ok=True)
        return directory

    def integrity_check(self) -> str:
        return self.db.conn.execute("PRAGMA integrity_check").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
