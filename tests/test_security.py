"""A project folder from someone else must never make the application run code."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest

from aima_desktop.store.blobs import BlobStore, InvalidBlobReference
from aima_desktop.store.project import Project
from tests.conftest import ROOT, aima


class _RunsCodeWhenUnpickled:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "code ran"))


def test_blob_references_are_validated(tmp_path):
    blobs = BlobStore(tmp_path / "blobs")
    digest = blobs.put(b"keyframe")
    assert blobs.get(digest) == b"keyframe"
    assert blobs.path(digest).is_relative_to(tmp_path / "blobs")
    for reference in ("../../etc/passwd", "/etc/passwd", "AB" * 32, digest[:-1], digest + "0",
                      "..", "", None):
        with pytest.raises(InvalidBlobReference):
            blobs.path(reference)
        assert reference not in blobs


def test_a_tampered_blob_is_rejected(tmp_path):
    blobs = BlobStore(tmp_path / "blobs")
    digest = blobs.put(b"original")
    blobs.path(digest).write_bytes(b"replaced")
    with pytest.raises(InvalidBlobReference, match="does not match"):
        blobs.get(digest)


def test_a_hostile_project_is_read_as_data(tmp_path):
    """Pickles and path tricks planted in a project stay inert when it is opened and exported."""
    marker = tmp_path / "marker.txt"
    folder = tmp_path / "hostile.aima"
    with Project.create(folder) as project:
        conn = project.db.conn
        conn.execute("INSERT INTO media (path, file_name, sha256, size, duration, media_type, "
                     "has_audio, has_video, info, created_at) VALUES ('../../etc/passwd', 'x', ?, "
                     "1, 10, 'audio', 1, 0, '{}', 'T')", ["f" * 64])
        conn.execute("INSERT INTO jobs (media_id, status, modules, config, created_at) VALUES "
                     "(1, 'completed', '[\"transcript\"]', '{}', 'T')")
        conn.execute("INSERT INTO module_runs (job_id, module, status, created_at, stats) VALUES "
                     "(1, 'transcript', 'completed', 'T', ?)",
                     [json.dumps({"blob": "../../../../etc/passwd"})])
        payload = json.dumps({"pickle": pickle.dumps(_RunsCodeWhenUnpickled(marker)).hex()})
        conn.execute("INSERT INTO events (run_id, module, kind, seq, start_s, end_s, minute, label,"
                     " payload) VALUES (1, 'transcript', 'segment', 1, 0, 1, 0, 'hi', ?)", [payload])
    for fmt in ("json", "srt", "txt"):
        result = aima("results", folder, "--format", fmt)
        assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert "pickle" in aima("results", folder).stdout  # it is shown as the text it is


UNSAFE = re.compile(r"pickle\.loads?\(|allow_pickle\s*=\s*True|shell\s*=\s*True|"
                    r"weights_only\s*=\s*False|(?<![.\w])(eval|exec)\(")


def test_no_unsafe_deserialisation_or_shell_in_the_code():
    hits = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
            for path in sorted((ROOT / "aima_desktop").rglob("*.py"))
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if UNSAFE.search(line)]
    assert hits == []
