"""The project store on a real SQLite file: pragmas, migrations, atomic units, queries."""

from __future__ import annotations

import sqlite3

import pytest

from aima_desktop.domain.records import Event, MediaInfo
from aima_desktop.domain.resumption import PlannedRun, RunAction
from aima_desktop.store import settings as settings_store
from aima_desktop.store.project import Project, ProjectError
from aima_desktop.store.schema import SCHEMA_VERSION

MEDIA = MediaInfo(path="/m/a.wav", file_name="a.wav", sha256="a" * 64, size=10, duration=120.0,
                  media_type="audio", has_audio=True, has_video=False, audio_duration=120.0)


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "p.aima") as project:
        yield project


def new_transcript_run(project: Project) -> int:
    media = project.jobs.add_media(MEDIA)
    job = project.jobs.create_job(media, [PlannedRun("audio", RunAction.FRESH, None),
                                          PlannedRun("transcript", RunAction.FRESH, None)], {})
    return project.jobs.runs(job.id)[1].id


def test_new_project_uses_wal_foreign_keys_and_schema_version(project):
    conn = project.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {"media", "jobs", "module_runs", "events", "partial_results", "notifications",
            "blobs"} <= set(project.db.table_names())
    assert (project.path / "blobs").is_dir()


def test_events_are_indexed_for_time_range_queries(project):
    plan = project.db.conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM events WHERE run_id = 1 AND start_s < 60 AND end_s > 30"
    ).fetchall()
    assert "USING INDEX events_run_start" in " ".join(row[-1] for row in plan)


def test_a_unit_and_its_cursor_are_committed_together(project):
    run_id = new_transcript_run(project)
    seq = project.events.commit_unit(run_id, "transcript", [Event("segment", 0.5, 4.0, "Hello")],
                                     {"t": 4.0}, 4.0)
    assert seq == 1

    class Unserialisable:
        pass

    with pytest.raises(TypeError):
        project.events.commit_unit(run_id, "transcript",
                                   [Event("segment", 4.0, 8.0, "World", {"x": Unserialisable()})],
                                   {"t": 8.0}, 8.0)
    run = project.jobs.run(run_id)
    assert (run.seq, run.cursor, run.processed_s) == (1, {"t": 4.0}, 4.0)
    assert [e.label for e in project.events.events([run_id])] == ["Hello"]


def test_time_range_query_returns_overlapping_events_in_order(project):
    run_id = new_transcript_run(project)
    for start in (50.0, 0.0, 20.0, 70.0):
        project.events.commit_unit(run_id, "transcript",
                                   [Event("segment", start, start + 15, f"at {start:g}")],
                                   {"t": start + 15}, start + 15)
    labels = [e.label for e in project.events.events([run_id], start=30.0, end=60.0)]
    assert labels == ["at 20", "at 50"]
    assert project.db.conn.execute("SELECT minute FROM events WHERE label = 'at 70'").fetchone() == (1,)


def test_opening_a_project_from_a_newer_version_fails_clearly(project, tmp_path):
    project.db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    project.close()
    with pytest.raises(Exception, match="newer version of AIMA Desktop"):
        Project.open(project.path)


def test_migrations_bring_an_empty_database_forward(tmp_path):
    folder = tmp_path / "old.aima"
    folder.mkdir()
    sqlite3.connect(folder / "project.db").close()  # version 0: no tables
    with Project.open(folder) as project:
        assert project.db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "jobs" in project.db.table_names()


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "no such project folder"),
    (lambda p: p.mkdir(), "not an AIMA project"),
    (lambda p: (p.mkdir(), (p / "project.db").write_text("not sqlite")), "not a readable project"),
])
def test_opening_something_that_is_not_a_project_says_why(tmp_path, make, message):
    path = tmp_path / "x.aima"
    make(path)
    with pytest.raises(ProjectError, match=message):
        Project.open(path)


def test_a_project_is_not_created_over_unrelated_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ProjectError, match="not empty"):
        Project.create(tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_settings_round_trip_and_validation(tmp_path):
    path = tmp_path / "settings.toml"
    model = tmp_path / "model"
    model.mkdir()
    (model / "model.bin").write_bytes(b"")
    settings = settings_store.Settings(transcript_model=str(model), grace_period_s=5.0)
    settings_store.save_settings(settings, path)
    assert settings_store.load_settings(path) == settings
    path.write_text('transcript_device = "tpu"\n')
    with pytest.raises(settings_store.SettingsError, match="transcript_device must be one of"):
        settings_store.load_settings(path)
    path.write_text("grace_period_s = 'soon'\n")
    with pytest.raises(settings_store.SettingsError, match="grace_period_s must be a float"):
        settings_store.load_settings(path)
    path.write_text("colour = 1\n")
    with pytest.raises(settings_store.SettingsError, match="unknown settings colour"):
        settings_store.load_settings(path)


def test_recent_projects_are_kept_newest_first(tmp_path):
    for name in ("a", "b", "a"):
        settings_store.add_recent_project(tmp_path / f"{name}.aima")
    assert settings_store.recent_projects() == [str(tmp_path / "a.aima"), str(tmp_path / "b.aima")]
