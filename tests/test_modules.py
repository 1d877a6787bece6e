"""Diarization, visual analysis and fusion on real media, with their failure paths."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import cv2
import numpy as np
import pytest
from pyannote.core import Annotation, Segment
from pyannote.database.util import load_rttm
from pyannote.metrics.diarization import DiarizationErrorRate

from aima_desktop.store.project import Project
from tests import media
from tests.conftest import SAMPLE, TEST_MODEL, RunningAima, aima

CONVERSATIONS = Path(__file__).parent / "data" / "conversations"
# Measured with the embedded backend (bench/modules_bench.py); a margin for other machines.
DER_LIMITS = {"two_speakers": 0.10, "three_speakers": 0.20, "overlapping": 0.12}
SHOTS = [(0, 6, (60, 90, 150), True), (6, 11, (40, 140, 60), False),
         (11, 17, (150, 70, 40), True), (17, 24, (120, 120, 30), False),
         (24, 31, (30, 30, 110), True), (31, 36, (90, 40, 130), False)]
DISSOLVE_AT = 17.0


def turns_of(project_dir, job_id: int = 1, kind: str = "turn") -> list:
    results = json.loads(aima("results", project_dir, "--job", str(job_id)).stdout)
    items = []
    for module in results["results"].values():
        for minute in module.get("timeline", {}).values():
            items += [i for i in minute if i["kind"] == kind]
    return items


def annotation(turns: list, label_key: str = "label") -> Annotation:
    result = Annotation()
    for turn in turns:
        result[Segment(turn["start"], turn["end"])] = turn[label_key]
    return result


def der(reference: Annotation, hypothesis: Annotation) -> float:
    return DiarizationErrorRate(collar=0.25)(reference, hypothesis)


@pytest.mark.parametrize("name", DER_LIMITS)
def test_embedded_diarization_finds_who_speaks_when(tmp_path, name):
    project_dir = tmp_path / "p.aima"
    result = aima("run", CONVERSATIONS / f"{name}.ogg", "--project", project_dir,
                  "--modules", "diarization", "--json")
    assert result.returncode == 0, result.stderr
    reduced = [json.loads(line) for line in result.stdout.splitlines()
               if json.loads(line)["event"] == "reduced"]
    assert reduced == [{"event": "reduced", "job_id": 1, "failed_module": "diarization",
                        "alternative": "diarization_embedded"}]
    reference = load_rttm(CONVERSATIONS / f"{name}.rttm")[name]
    hypothesis = annotation(turns_of(project_dir))
    assert len(hypothesis.labels()) == len(reference.labels())
    assert der(reference, hypothesis) < DER_LIMITS[name]


def test_pyannote_not_configured_uses_the_alternative_and_says_why(tmp_path):
    project_dir = tmp_path / "p.aima"
    assert aima("run", CONVERSATIONS / "two_speakers.ogg", "--project", project_dir,
                "--modules", "diarization").returncode == 0
    with Project.open(project_dir) as project:
        runs = {r.module: r for r in project.jobs.runs(1)}
        notes = project.notifications.notifications(1)
        job = project.jobs.job(1)
    assert str(runs["diarization"].status) == "replaced"
    assert runs["diarization"].error["category"] == "missing_model"
    assert str(runs["diarization_embedded"].status) == "completed"
    partial = next(n for n in notes if n["type"] == "analysis_partial_abort")
    assert "'Speaker diarization (pyannote)' failed, but an alternative module is used" in partial["message"]
    assert "quality of the results may be moderately reduced" in partial["message"]
    assert "no pyannote pipeline is configured" in partial["message"]
    assert job.metadata["reduced_functionality"][0]["alternative_used"] == "diarization_embedded"


def test_pyannote_pipeline_from_a_local_folder_is_used(tmp_path, pyannote_pipeline):
    """The primary backend for real: a pipeline folder (random weights: the path, not the DER)."""
    clip = media.write_wav(tmp_path / "clip.wav",
                           media.decode_mono(CONVERSATIONS / "two_speakers.ogg")[: 16_000 * 12])
    (Path(os.environ["XDG_CONFIG_HOME"]) / "aima-desktop").mkdir(parents=True, exist_ok=True)
    (Path(os.environ["XDG_CONFIG_HOME"]) / "aima-desktop" / "settings.toml").write_text(
        f'diarization_pipeline = "{pyannote_pipeline}"\n')
    project_dir = tmp_path / "p.aima"
    result = aima("run", clip, "--project", project_dir, "--modules", "diarization")
    assert result.returncode == 0, result.stderr
    with Project.open(project_dir) as project:
        run = project.jobs.runs(1)[1]
        assert (run.module, str(run.status), run.stats["backend"]) == (
            "diarization", "completed", "pyannote")
        assert project.events.count([run.id], "chunk") == 1
        assert not project.notifications.notifications(1)[0]["type"] == "analysis_partial_abort"


def test_diarization_resumed_after_an_abort_matches_an_uninterrupted_run(tmp_path):
    joined = media.write_wav(tmp_path / "three_conversations.wav", np.concatenate(
        [media.decode_mono(CONVERSATIONS / f"{n}.ogg") for n in DER_LIMITS]))
    whole = tmp_path / "whole.aima"
    assert aima("run", joined, "--project", whole, "--modules", "diarization").returncode == 0

    project_dir = tmp_path / "p.aima"
    running = RunningAima("run", joined, "--project", project_dir, "--modules", "diarization",
                          "--json")
    running.wait_event(lambda e: e.get("event") == "progress"
                       and e.get("module") == "diarization_embedded" and e["processed_s"] >= 59)
    os.killpg(running.process.pid, signal.SIGINT)
    assert running.finish() == 130
    with Project.open(project_dir) as project:
        aborted = project.jobs.runs(1)[-1]
        assert aborted.module == "diarization_embedded" and 1 <= aborted.cursor["chunk"] < 4
    assert aima("resume", project_dir).returncode == 0
    with Project.open(project_dir) as project:
        resumed = project.jobs.runs(2)[-1]
        assert resumed.resumed_from == aborted.id
    uninterrupted = annotation(turns_of(whole))
    continued = annotation(turns_of(project_dir, job_id=2))
    assert der(uninterrupted, continued) < 0.02


def test_fusion_gives_each_segment_its_speaker(tmp_path):
    project_dir = tmp_path / "p.aima"
    result = aima("run", CONVERSATIONS / "two_speakers.ogg", "--project", project_dir,
                  "--modules", "fusion", "--model", TEST_MODEL)
    assert result.returncode == 0, result.stderr
    utterances = turns_of(project_dir, kind="utterance")
    assert len(utterances) >= 10
    reference = media.rttm_turns(CONVERSATIONS / "two_speakers.rttm")

    def true_speaker(item) -> str:
        middle = (item["start"] + item["end"]) / 2
        return min(reference, key=lambda t: max(t[0] - middle, middle - t[1], 0))[2]

    mapping: dict[str, dict[str, int]] = {}
    for item in utterances:
        votes = mapping.setdefault(item["speaker"], {})
        votes[true_speaker(item)] = votes.get(true_speaker(item), 0) + 1
    correct = sum(max(votes.values()) for votes in mapping.values())
    assert correct / len(utterances) >= 0.9
    words = [w for item in utterances for w in item["words"]]
    assert words and all(w["speaker"].startswith("SPEAKER_") for w in words)


@pytest.fixture(scope="module")
def shots_video(tmp_path_factory):
    path = tmp_path_factory.mktemp("video") / "shots.mp4"
    return media.write_shots_video(path, SHOTS, dissolve_at=DISSOLVE_AT)


def shots_and_faces(project_dir, job_id: int = 1):
    items = turns_of(project_dir, job_id, kind="shot")
    faces = turns_of(project_dir, job_id, kind="face")
    return items, faces


def test_visual_analysis_finds_cuts_dissolves_keyframes_and_faces(tmp_path, shots_video):
    project_dir = tmp_path / "p.aima"
    result = aima("run", shots_video, "--project", project_dir, "--modules", "visual")
    assert result.returncode == 0, result.stderr
    shots, faces = shots_and_faces(project_dir)
    boundaries = [s["start"] for s in shots[1:]]
    cuts = [s[0] for s in SHOTS[1:] if s[0] != DISSOLVE_AT]
    assert len(boundaries) == len(SHOTS) - 1
    for cut in cuts:
        assert any(abs(b - cut) <= 1 / 25 + 1e-6 for b in boundaries), f"cut at {cut}"
    gradual = [s for s in shots if s["transition"] == "gradual"]
    assert len(gradual) == 1 and abs(gradual[0]["start"] - DISSOLVE_AT) <= 0.5
    with Project.open(project_dir) as project:
        for shot in shots:
            image = cv2.imdecode(np.frombuffer(project.blobs.get(shot["keyframe"]), np.uint8),
                                 cv2.IMREAD_COLOR)
            assert image is not None and image.shape[1] == 320
        owned = project.db.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0]
        assert owned == len(shots)
    face_shots = [(s, e) for s, e, _c, with_face in SHOTS if with_face]
    in_face_shots = [f for f in faces if any(s <= f["start"] < e for s, e in face_shots)]
    assert len(in_face_shots) >= 0.8 * sum((e - s) * 2 for s, e in face_shots)
    assert len(in_face_shots) >= 0.95 * len(faces)


def test_visual_resumed_after_an_abort_finds_the_same_shots(tmp_path, shots_video, qtbot):
    from aima_desktop.engine.launch import new_job, resume_job
    from aima_desktop.engine.orchestrator import Orchestrator

    whole = tmp_path / "whole.aima"
    assert aima("run", shots_video, "--project", whole, "--modules", "visual").returncode == 0
    project = Project.create(tmp_path / "p.aima")
    job = new_job(project, shots_video, ["visual"], {"batch_sizes": {"visual": 25}})
    orchestrator = Orchestrator(project)
    with qtbot.waitSignal(orchestrator.progress, timeout=120_000,
                          check_params_cb=lambda _r, module, processed, _t: processed >= 8):
        orchestrator.start(job.id)
    with qtbot.waitSignal(orchestrator.job_finished, timeout=120_000) as finished:
        orchestrator.abort("test")
    assert finished.args[1] == "aborted"
    cursor = project.jobs.runs(job.id)[0].cursor
    assert 8 <= cursor["time"] < SHOTS[-1][1] - 1
    resumed = resume_job(project, job.id)
    with qtbot.waitSignal(orchestrator.job_finished, timeout=120_000) as finished:
        orchestrator.start(resumed.id)
    assert finished.args[1] == "completed"
    project.close()
    expected, _ = shots_and_faces(whole)
    got, _ = shots_and_faces(tmp_path / "p.aima", job_id=resumed.id)
    assert [(s["start"], s["end"], s["transition"]) for s in got] == [
        (s["start"], s["end"], s["transition"]) for s in expected]


def test_a_visual_crash_drops_it_and_the_job_goes_on(tmp_path):
    project_dir = tmp_path / "p.aima"
    result = aima("run", SAMPLE, "--project", project_dir, "--modules", "visual,fusion",
                  "--model", TEST_MODEL, env={"AIMA_FAULT": "visual:crash:after=1"})
    assert result.returncode == 0, result.stderr
    with Project.open(project_dir) as project:
        runs = {r.module: r for r in project.jobs.runs(1)}
        job = project.jobs.job(1)
        metadata = json.loads(aima("results", project_dir).stdout)["metadata"]
        notes = [n for n in project.notifications.notifications(1)
                 if n["type"] == "analysis_partial_abort"]
    assert str(job.status) == "completed"
    assert str(runs["visual"].status) == "dropped"
    assert str(runs["fusion"].status) == "completed"
    assert metadata["dropped_modules"] == ["visual"]
    dropped = next(r for r in job.metadata["reduced_functionality"] if r["failed_module"] == "visual")
    assert dropped["affected_features"] == ["shots", "keyframes", "faces"]
    assert dropped["quality_impact"] == "medium" and dropped["alternative_used"] is None
    visual_note = next(n for n in notes if n["metadata"]["failed_module"] == "visual")
    assert "continues with reduced functionality" in visual_note["message"]
    assert "shots, keyframes, faces" in visual_note["message"]


def test_a_critical_audio_failure_fails_the_job_with_a_clear_error(tmp_path):
    project_dir = tmp_path / "p.aima"
    result = aima("run", SAMPLE, "--project", project_dir, "--model", TEST_MODEL,
                  "--modules", "transcript,diarization",
                  env={"AIMA_FAULT": "audio:error=internal_error:after=1"})
    assert result.returncode == 1
    assert "aima: error: job 1: internal error (RuntimeError: injected fault: internal error)" \
        in result.stderr
    with Project.open(project_dir) as project:
        runs = {r.module: r for r in project.jobs.runs(1)}
        assert str(project.jobs.job(1).status) == "failed"
    statuses = {module: str(run.status) for module, run in runs.items()}
    assert statuses["audio"] == "failed"
    assert statuses["transcript"] == "pending"
    # The pyannote worker, pre-started while the audio is decoded, finds itself not configured:
    # before the audio failed it hands over to the embedded alternative (replaced), while the
    # job is stopping its own failure is recorded (failed), or it is stopped before it looks.
    assert statuses["diarization"] in ("pending", "replaced", "failed")
    if statuses["diarization"] != "pending":
        assert "no pyannote pipeline is configured" in runs["diarization"].error["message"]
    assert statuses.get("diarization_embedded", "pending") == "pending"


def test_out_of_gpu_memory_pauses_and_retries_on_the_cpu(tmp_path):
    project_dir = tmp_path / "p.aima"
    result = aima("run", SAMPLE, "--project", project_dir, "--model", TEST_MODEL, "--json",
                  env={"AIMA_FAULT": "transcript:error=gpu_oom:after=1"})
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"event": "recovering", "job_id": 1, "paused_job": 1, "new_job": 2} in events
    assert events[-1]["job_id"] == 2 and events[-1]["status"] == "completed"
    with Project.open(project_dir) as project:
        paused = project.jobs.job(1)
        retried = project.jobs.job(2)
        first_device = project.jobs.runs(1)[1].device
    assert str(paused.status) == "paused_for_recovery"
    assert paused.error["category"] == "resource_exhaustion"
    assert "OutOfMemoryError" in paused.error["detail"]
    assert first_device.startswith("cuda")
    assert paused.metadata["recovery_plan"]["action"] == "retry_on_cpu"
    assert retried.parent_job_id == 1 and retried.config["devices"]["transcript"] == "cpu"
