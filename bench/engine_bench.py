"""Engine benchmark: abort latency, engine overhead, rework after resume — side by side.

    .venv/bin/python bench/engine_bench.py [--aborts 20] [--repeats 3] [--threads 2]

1. Abort latency: a job on a 3-minute recording is aborted at a random moment through the
   orchestrator (as the GUI and ``aima run`` do); measured from the request until every worker
   is gone and the partial result is committed (``job_finished``). Target p95 < 1 s.
2. Rework after resume: each aborted job is resumed (recommended option); the decoding windows
   of the aborted and the resumed run together, minus those of an uninterrupted run, are the
   windows decoded twice; the audio they cover is read off the resumed run's first windows.
   Target: under 30 s (one window) per abort.
3. Engine overhead: ``aima run`` against a plain faster-whisper script on the same file, model
   and threads, run in pairs back to back (order alternating); the median of the pairs' ratios
   of wall time and of CPU time. Target ratio <= 1.10.

Uses this machine's CPU; timings are shared-machine noisy, so only ratios and percentiles of
repeated runs are reported.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from aima_desktop.engine.launch import new_job, resume_job  # noqa: E402
from aima_desktop.engine.orchestrator import Orchestrator  # noqa: E402
from aima_desktop.store.appdirs import audio_cache_dir  # noqa: E402
from aima_desktop.store.project import Project  # noqa: E402
from tests.media import write_repeated_speech  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "interview.mp4"

PLAIN_WHISPER = """
import sys, time
from faster_whisper import WhisperModel, decode_audio
from aima_desktop.modules.whisper_models import resolve_model
model_path = resolve_model(sys.argv[2] or None).path
audio = decode_audio(sys.argv[1], sampling_rate=16000)
model = WhisperModel(str(model_path), device="cpu", compute_type="int8", cpu_threads=int(sys.argv[3]))
segments, info = model.transcribe(audio, beam_size=5, vad_filter=True, word_timestamps=True,
                                  condition_on_previous_text=True)
print(sum(1 for _ in segments))
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def run_job(app, project: Project, job_id: int, abort_after_s: float | None = None):
    """Run a job; optionally abort it after a delay. Returns (status, abort latency or None)."""
    orchestrator = Orchestrator(project)
    result: dict = {}

    def finished(_job, status):
        result["status"] = status
        result["t1"] = time.perf_counter()
        app.quit()

    def abort():
        if orchestrator.active:
            result["t0"] = time.perf_counter()
            orchestrator.abort("benchmark")

    orchestrator.job_finished.connect(finished)
    orchestrator.start(job_id)
    if abort_after_s is not None:
        QTimer.singleShot(int(abort_after_s * 1000), abort)
    if "status" not in result:
        app.exec()
    orchestrator.deleteLater()
    latency = result["t1"] - result["t0"] if "t0" in result else None
    return result["status"], latency


def transcript_run(project: Project, job_id: int):
    return next(r for r in project.jobs.runs(job_id) if r.module == "transcript")


def windows_of(project: Project, job_id: int) -> int:
    return transcript_run(project, job_id).stats.get("windows", 0)


def first_windows_span(project: Project, job_id: int, count: int) -> float:
    """Audio seconds covered by the first ``count`` decoding windows of a (resumed) run."""
    run = transcript_run(project, job_id)
    ends: dict[int, float] = {}
    for segment in project.events.events([run.id], kind="segment"):
        window = segment.payload["window"]
        ends[window] = max(ends.get(window, 0.0), segment.end)
    reached = sorted(ends.values())[:count]
    start = run.stats.get("resumed_at_s", 0.0)
    return (reached[-1] - start) if reached else 0.0


def abort_and_rework(app, media: Path, aborts: int, model: str, threads: int, seed: int):
    rng = random.Random(seed)
    config = {"model": model, "cpu_threads": threads}
    with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp) / "bench.aima") as project:
        started = time.perf_counter()
        job = new_job(project, media, ["transcript"], config)
        status, _ = run_job(app, project, job.id)
        full_s = time.perf_counter() - started
        assert status == "completed", status
        full_windows = windows_of(project, job.id)
        latencies, reworks = [], []
        while len(latencies) < aborts:
            job = new_job(project, media, ["transcript"], config)
            status, latency = run_job(app, project, job.id, rng.uniform(0.2, full_s * 0.95))
            if latency is None:  # finished before the random moment came
                continue
            latencies.append(latency)
            cursor = transcript_run(project, job.id).processed_s
            resumed = resume_job(project, job.id)  # the recommended option
            status, _ = run_job(app, project, resumed.id)
            assert status == "completed", status
            extra = max(0, windows_of(project, job.id) + windows_of(project, resumed.id)
                        - full_windows)
            reworks.append((extra, first_windows_span(project, resumed.id, extra)))
            print(f"  abort {len(latencies):2d}: latency {latency * 1000:6.0f} ms, cursor "
                  f"{cursor:6.1f} s, decoded twice: {extra} window(s), {reworks[-1][1]:.1f} s",
                  flush=True)
    return full_windows, latencies, reworks


def timed(command: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the command and all its processes)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def overhead(media: Path, repeats: int, model: str, threads: int):
    """Pairs of runs back to back, order alternating; a pair shares the machine's mood."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    aima_times, plain_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(repeats):
            shutil.rmtree(audio_cache_dir(), ignore_errors=True)  # aima decodes, as plain does
            project = Path(tmp) / f"run{index}.aima"
            aima_cmd = [sys.executable, "-m", "aima_desktop", "run", str(media), "--project",
                        str(project), "--threads", str(threads), "--model", model]
            plain_cmd = [sys.executable, "-c", PLAIN_WHISPER, str(media), model, str(threads)]
            pair = [("aima", aima_cmd), ("plain", plain_cmd)]
            for name, command in pair if index % 2 == 0 else reversed(pair):
                wall, cpu = timed(command, env)
                (aima_times if name == "aima" else plain_times).append((wall, cpu))
                print(f"  {name:5s} run {index + 1}: {wall:6.1f} s wall, {cpu:6.1f} s CPU",
                      flush=True)
    return aima_times, plain_times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aborts", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--abort-model", default="tiny.en")
    parser.add_argument("--overhead-models", default="base,tiny.en",
                        help="comma-separated; base is what aima run uses by default")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    app = QCoreApplication.instance() or QCoreApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        media = write_repeated_speech(SAMPLE, Path(tmp) / "interview_x3.wav", repeats=3)
        duration = 3 * 60.917
        print(f"media: {media.name}, {duration:.0f} s of speech; {args.threads} threads; "
              f"{os.cpu_count()} cores", flush=True)
        print(f"[1+2] {args.aborts} aborts at random moments ({args.abort_model}), each resumed",
              flush=True)
        full_windows, latencies, reworks = abort_and_rework(
            app, media, args.aborts, args.abort_model, args.threads, args.seed)
        timings = {}
        for model in args.overhead_models.split(","):
            print(f"[3] engine overhead, {args.repeats} runs each ({model})", flush=True)
            timings[model] = overhead(media, args.repeats, model, args.threads)

    windows, rework_s = [w for w, _ in reworks], [s for _, s in reworks]
    rows = [
        ("abort latency p50", f"{statistics.median(latencies) * 1000:.0f} ms", ""),
        ("abort latency p95", f"{percentile(latencies, 95) * 1000:.0f} ms", "< 1000 ms"),
        ("abort latency max", f"{max(latencies) * 1000:.0f} ms", ""),
        ("decoding windows done twice per abort",
         f"mean {statistics.mean(windows):.2f}, max {max(windows)} (whole file: {full_windows})",
         "<= 1"),
        ("audio seconds decoded twice per abort",
         f"p50 {statistics.median(rework_s):.1f} s, max {max(rework_s):.1f} s", "< 30 s"),
    ]
    for model, (aima_times, plain_times) in timings.items():
        for index, kind in enumerate(("wall", "CPU")):
            ratios = [a[index] / p[index] for a, p in zip(aima_times, plain_times)]
            aima_s = statistics.median(a[index] for a in aima_times)
            plain_s = statistics.median(p[index] for p in plain_times)
            rows.append((f"engine overhead, {model}, {kind} time: aima run / plain",
                         f"{statistics.median(ratios):.3f} (pairs {min(ratios):.2f}-"
                         f"{max(ratios):.2f}; {aima_s:.1f} s / {plain_s:.1f} s)", "<= 1.10"))
    print()
    print(f"{'metric':<54} {'value':<42} target")
    for name, value, target in rows:
        print(f"{name:<54} {value:<42} {target}")


if __name__ == "__main__":
    main()
