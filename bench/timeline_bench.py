"""Timeline benchmark: a project with 1,000,000 events next to one with 10,000.

    .venv/bin/python bench/timeline_bench.py [--events 1000000,10000] [--steps 300]

For each project (10 hours of media, one finished transcript run):
- open: from opening the project to the timeline painted, as the main window does it
  (``MainWindow.open_project``, then a synchronous repaint). Target < 1 s.
- frame time: the timeline zoomed to half a minute, then panned and zoomed step by step (and
  now and then out to the whole file and back); each step's repaint, with the store queries
  it needs, is one frame. Target p95 < 16 ms.
- start-up: ``aima open PROJECT`` in a new process until the window is shown and ready
  (``AIMA_QUIT_WHEN_READY``), medians of several starts. Target < 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from aima_desktop.domain.records import MediaInfo  # noqa: E402
from aima_desktop.domain.resumption import PlannedRun, RunAction  # noqa: E402
from aima_desktop.store.database import now_iso, to_json, transaction  # noqa: E402
from aima_desktop.store.project import Project  # noqa: E402

DURATION_S = 10 * 3600.0


def build_project(path: Path, events: int) -> None:
    """A completed 10-hour transcript job with ``events`` segments spread over the media."""
    rng = random.Random(events)
    with Project.create(path) as project:
        media = project.jobs.add_media(MediaInfo(
            path=str(path / "long_recording.mp4"), file_name="long_recording.mp4",
            sha256="b" * 64, size=1, duration=DURATION_S, media_type="video", has_audio=True,
            has_video=True, audio_duration=DURATION_S))
        job = project.jobs.create_job(media, [PlannedRun("audio", RunAction.FRESH, None),
                                              PlannedRun("transcript", RunAction.FRESH, None)], {})
        runs = project.jobs.runs(job.id)
        step = DURATION_S / events
        payload = to_json({"words": [], "language": "en"})
        with transaction(project.db):
            project.db.conn.executemany(
                "INSERT INTO events (run_id, module, kind, seq, start_s, end_s, minute, label, "
                "payload) VALUES (?, 'transcript', 'segment', ?, ?, ?, ?, ?, ?)",
                ((runs[1].id, i + 1, i * step, i * step + step * rng.uniform(0.5, 0.95),
                  int(i * step // 60), f"segment {i} of the recording", payload)
                 for i in range(events)))
            for run in runs:
                project.db.conn.execute(
                    "UPDATE module_runs SET status = 'completed', processed_s = ?, seq = ?, "
                    "finished_at = ? WHERE id = ?", [DURATION_S, events, now_iso(), run.id])
            project.db.conn.execute(
                "UPDATE jobs SET status = 'completed', completed_percentage = 100 WHERE id = ?",
                [job.id])


def measure_window(path: Path, steps: int) -> tuple[float, list[float]]:
    from aima_desktop.ui.app import create_application
    from aima_desktop.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow()
    window.resize(1600, 900)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.open_project(path, offer_resume=False)
    window.timeline.repaint()
    opened = time.perf_counter() - started

    view = window.timeline
    rng = random.Random(7)
    view.set_view(DURATION_S / 2, 30.0)
    view.repaint()
    frames, items = [], []
    for index in range(steps):
        if index % 50 == 49:  # now and then the whole file and back
            whole = lambda: view.set_view(0.0, DURATION_S)  # noqa: E731
            back = lambda s=view.view_start, w=view.view_span: view.set_view(s, w)  # noqa: E731
            actions = [whole, back]
        elif index % 3 == 2:  # zoom in and out around half a minute
            actions = [lambda f=(1.25 if (index // 3) % 2 else 0.8): view.zoom(f)]
        else:
            actions = [lambda s=rng.choice((-1, 1)) * view.view_span / 10: view.pan(s)]
        for action in actions:
            begin = time.perf_counter()
            action()
            view.repaint()
            frames.append(time.perf_counter() - begin)
            items.append(len(view.visible_items()))
    window.close()
    return opened, frames, statistics.median(items)


def startup(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "aima_desktop", "open", str(path)],
                                capture_output=True, text=True, check=True,
                                env={**os.environ, "AIMA_QUIT_WHEN_READY": "1",
                                     "PYTHONPATH": str(ROOT)})
        times.append(time.perf_counter() - begin)
        assert json.loads(result.stdout.strip().splitlines()[-1])["ready"]
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", default="1000000,10000")
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in (int(n) for n in args.events.split(",")):
            path = Path(tmp) / f"events_{count}.aima"
            begin = time.perf_counter()
            build_project(path, count)
            print(f"built {count:,} events in {time.perf_counter() - begin:.1f} s", flush=True)
            # Each measurement in a fresh process, so one project's caches do not help another.
            result = subprocess.run(
                [sys.executable, __file__, "--measure", str(path), str(args.steps)],
                capture_output=True, text=True, check=True)
            measured = json.loads(result.stdout.strip().splitlines()[-1])
            frames = [f * 1000 for f in measured["frames"]]
            starts = startup(path, args.starts)
            rows.append((count, measured["opened"], statistics.median(frames),
                         percentile(frames, 95), max(frames), statistics.median(starts),
                         measured["items"]))
    print()
    print(f"{'events':>10}  {'open+show':>10}  {'frame p50':>9}  {'frame p95':>9}  "
          f"{'frame max':>9}  {'start-up':>9}  {'items drawn (median)':>20}")
    for count, opened, p50, p95, worst, start, items in rows:
        print(f"{count:>10,}  {opened * 1000:>8.0f} ms  {p50:>6.1f} ms  {p95:>6.1f} ms  "
              f"{worst:>6.1f} ms  {start * 1000:>6.0f} ms  {items:>20.0f}")
    print(f"{'target':>10}  {'< 1000 ms':>10}  {'':>9}  {'< 16 ms':>9}  {'':>9}  {'< 1500 ms':>9}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        opened, frames, items = measure_window(Path(sys.argv[2]), int(sys.argv[3]))
        print(json.dumps({"opened": opened, "frames": frames, "items": items}))
    else:
        main()
