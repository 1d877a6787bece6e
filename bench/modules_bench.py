"""Analysis modules: real-time factors, diarization error rate, shot detection against
PySceneDetect.

    .venv/bin/pip install --no-deps scenedetect click tqdm     # once, for the comparison
    .venv/bin/python bench/modules_bench.py                    # about 5 minutes on 2 cores

- Real-time factor of each module (wall time of its run / media duration) in a real job.
- Abort latency per module: from the request until the workers are gone and the partial
  result is committed, aborting at random moments.
- DER (pyannote.metrics, 0.25 s collar) of the embedded diarization on the generated
  conversations with known turns (tests/data/conversations), speakers estimated.
- Shot boundaries: frames per second and F1 (a boundary counts when within 0.5 s of a true
  one) of the visual module and of PySceneDetect's ContentDetector on the same generated videos.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from pyannote.core import Annotation, Segment  # noqa: E402
from pyannote.database.util import load_rttm  # noqa: E402
from pyannote.metrics.diarization import DiarizationErrorRate  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402

from aima_desktop.engine.launch import new_job  # noqa: E402
from aima_desktop.engine.orchestrator import Orchestrator  # noqa: E402
from aima_desktop.store.project import Project  # noqa: E402
from aima_desktop.store.results import module_events  # noqa: E402
from tests import media  # noqa: E402

CONVERSATIONS = ROOT / "tests" / "data" / "conversations"
TOLERANCE_S = 0.5


def run(app, project: Project, path: Path, modules: list[str], config: dict) -> int:
    job = new_job(project, path, modules, config)
    orchestrator = Orchestrator(project)
    orchestrator.job_finished.connect(lambda *_: app.quit())
    orchestrator.start(job.id)
    if orchestrator.active:
        app.exec()
    return job.id


def seconds(run) -> float:
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (parse(run.finished_at) - parse(run.started_at)).total_seconds()


def real_time_factors(app, tmp: Path, video: Path) -> list[tuple[str, float]]:
    speech = media.write_wav(tmp / "conversations.wav", np.concatenate(
        [media.decode_mono(CONVERSATIONS / f"{n}.ogg") for n in ("two_speakers", "three_speakers", "overlapping")]))
    rows = []
    for model in ("base", "tiny.en"):
        with Project.create(tmp / f"rtf-{model}.aima") as project:
            job_id = run(app, project, speech, ["fusion"], {"model": model})
            for r in project.jobs.runs(job_id):
                if r.finished and (model == "base" or r.module == "transcript"):
                    name = f"transcript ({model})" if r.module == "transcript" else r.module
                    rows.append((name, seconds(r) / r.total_s))
    with Project.create(tmp / "rtf-visual.aima") as project:
        job_id = run(app, project, video, ["visual"], {})
        r = project.jobs.runs(job_id)[0]
        rows.append(("visual", seconds(r) / r.total_s))
    return rows


def abort_latencies(app, tmp: Path, speech: Path, video: Path, aborts: int = 5) -> list:
    """Per module: request -> workers gone and partial result committed, at random moments."""
    from PySide6.QtCore import QTimer

    rng = random.Random(11)
    rows = []
    for module, path, config in (("diarization", speech, {}), ("visual", video, {}),
                                 ("transcript", speech, {"model": "tiny.en"})):
        latencies = []
        with Project.create(tmp / f"abort-{module}.aima") as project:
            while len(latencies) < aborts:
                job = new_job(project, path, [module], config)
                orchestrator = Orchestrator(project)
                moments: dict = {}

                def finished(*_):
                    moments["end"] = time.perf_counter()
                    app.quit()

                def abort(o=orchestrator):
                    if o.active and o.running_workers():
                        moments["start"] = time.perf_counter()
                        o.abort("benchmark")

                orchestrator.job_finished.connect(finished)
                orchestrator.start(job.id)
                QTimer.singleShot(int(rng.uniform(1.5, 4.0) * 1000), abort)
                app.exec()
                if "start" in moments:
                    latencies.append(moments["end"] - moments["start"])
        rows.append((module, statistics.median(latencies), max(latencies)))
    return rows


def diarization_errors(app, tmp: Path) -> list[tuple[str, float, int, int]]:
    rows = []
    for rttm in sorted(CONVERSATIONS.glob("*.rttm")):
        name = rttm.stem
        with Project.create(tmp / f"der-{name}.aima") as project:
            job_id = run(app, project, CONVERSATIONS / f"{name}.ogg", ["diarization"], {})
            run_id = next(r.id for r in project.jobs.runs(job_id) if r.module == "diarization_embedded")
            hypothesis = Annotation()
            for turn in module_events(project, run_id, "turn"):
                hypothesis[Segment(turn.start, turn.end)] = turn.label
        reference = load_rttm(rttm)[name]
        error = DiarizationErrorRate(collar=0.25)(reference, hypothesis)
        rows.append((name, error, len(hypothesis.labels()), len(reference.labels())))
    return rows


def make_videos(tmp: Path) -> list[tuple[Path, list[float]]]:
    rng = random.Random(3)
    videos = []
    fixed = [(0, 6, (60, 90, 150), True), (6, 11, (40, 140, 60), False),
             (11, 17, (150, 70, 40), True), (17, 24, (120, 120, 30), False),
             (24, 31, (30, 30, 110), True), (31, 36, (90, 40, 130), False)]
    videos.append((media.write_shots_video(tmp / "shots_dissolve.mp4", fixed, dissolve_at=17.0),
                   [s[0] for s in fixed[1:]]))
    for name, size in (("shots_random_360p.mp4", (640, 360)), ("shots_random_720p.mp4", (1280, 720))):
        shots, start = [], 0.0
        while start < 120:
            length = rng.uniform(1.5, 9.0)
            colour = tuple(rng.randrange(20, 230) for _ in range(3))
            shots.append((round(start, 2), round(start + length, 2), colour, rng.random() < 0.4))
            start += length
        shots[-1] = (shots[-1][0], 120.0, shots[-1][2], shots[-1][3])
        dissolve = shots[len(shots) // 2][0]
        videos.append((media.write_shots_video(tmp / name, shots, dissolve_at=dissolve, size=size),
                       [s[0] for s in shots[1:]]))
    return videos


def f1(found: list[float], truth: list[float]) -> tuple[float, float, float]:
    unmatched, hits = list(truth), 0
    for boundary in found:
        near = [t for t in unmatched if abs(t - boundary) <= TOLERANCE_S]
        if near:
            unmatched.remove(min(near, key=lambda t: abs(t - boundary)))
            hits += 1
    precision = hits / len(found) if found else 0.0
    recall = hits / len(truth) if truth else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall)) if hits else 0.0


def ours(app, tmp: Path, video: Path) -> tuple[list[float], float]:
    with Project.create(tmp / f"vis-{video.stem}.aima") as project:
        job_id = run(app, project, video, ["visual"], {})
        r = project.jobs.runs(job_id)[0]
        shots = module_events(project, r.id, "shot")
        return [s.start for s in shots[1:]], float(r.stats["fps"])


def pyscenedetect(video: Path) -> tuple[list[float], float]:
    from scenedetect import ContentDetector, SceneManager, open_video

    stream = open_video(str(video))
    manager = SceneManager()
    manager.add_detector(ContentDetector())
    started = time.perf_counter()
    frames = manager.detect_scenes(stream)
    elapsed = time.perf_counter() - started
    scenes = manager.get_scene_list()
    return [start.get_seconds() for start, _end in scenes[1:]], frames / elapsed


def main() -> None:
    app = QCoreApplication.instance() or QCoreApplication([])
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        videos = make_videos(tmp)
        print("real-time factors ...", flush=True)
        rtf = real_time_factors(app, tmp, videos[1][0])
        print("abort latencies ...", flush=True)
        latencies = abort_latencies(app, tmp, tmp / "conversations.wav", videos[1][0])
        print("diarization error rates ...", flush=True)
        ders = diarization_errors(app, tmp)
        print("shot detection ...", flush=True)
        shots = []
        for video, truth in videos:
            found, fps = ours(app, tmp, video)
            try:
                theirs, their_fps = pyscenedetect(video)
            except ImportError:
                theirs, their_fps = None, None
            shots.append((video.name, len(truth), f1(found, truth), fps,
                          f1(theirs, truth) if theirs is not None else None, their_fps))
    print(f"\n{'module':<28} {'real-time factor':>16}  (seconds of compute per second of media, "
          f"{os.cpu_count()} cores, no GPU)")
    for name, factor in rtf:
        print(f"{name:<28} {factor:>16.3f}")
    print(f"\n{'module':<28} {'abort latency p50':>18} {'max':>8}  (5 aborts at random moments)")
    for module, median, worst in latencies:
        print(f"{module:<28} {median * 1000:>15.0f} ms {worst * 1000:>5.0f} ms")
    print(f"\n{'conversation':<16} {'DER':>6} {'speakers found':>15} {'true':>5}")
    for name, error, found, true in ders:
        print(f"{name:<16} {error:>6.1%} {found:>15} {true:>5}")
    print(f"\n{'video':<24} {'cuts':>4}  {'ours P/R/F1':>18} {'fps':>6}  {'PySceneDetect P/R/F1':>21} {'fps':>6}")
    for name, truth, (p, r, f), fps, theirs, their_fps in shots:
        theirs_text = f"{theirs[0]:.2f}/{theirs[1]:.2f}/{theirs[2]:.2f}" if theirs else "not installed"
        their_fps_text = f"{their_fps:.0f}" if their_fps else "-"
        print(f"{name:<24} {truth:>4}  {p:.2f}/{r:.2f}/{f:.2f}{'':>6} {fps:>6.0f}  "
              f"{theirs_text:>21} {their_fps_text:>6}")


if __name__ == "__main__":
    main()
