"""The desktop application with real projects and real worker processes (offscreen Qt)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QPointF, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from aima_desktop.store.database import now_iso
from aima_desktop.store.project import Project
from aima_desktop.store.settings import Settings
from aima_desktop.ui.abort_dialog import AbortDialog
from aima_desktop.ui.main_window import MainWindow
from aima_desktop.ui.resume_dialog import ResumeDialog
from aima_desktop.ui.timeline_view import RULER_H, TIER_H
from tests.conftest import SAMPLE, TEST_MODEL

JOB_TIMEOUT_MS = 300_000


def when_dialog(cls, action, attempts: int = 600):
    """Run ``action(dialog)`` once a modal dialog of ``cls`` is open (they block in exec())."""
    def poll(left=attempts):
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls) and dialog.isVisible():
            action(dialog)
        elif left:
            QTimer.singleShot(50, lambda: poll(left - 1))
    QTimer.singleShot(50, poll)


@pytest.fixture
def window(qtbot):
    windows = []

    def make() -> MainWindow:
        window = MainWindow(Settings(transcript_model=TEST_MODEL, grace_period_s=30.0))
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.orchestrator is not None and window.orchestrator.active:
            window.orchestrator.stop_now()
            qtbot.waitUntil(lambda w=window: not w.orchestrator.active, timeout=60_000)


def open_media(qtbot, window: MainWindow, media, modules=("transcript",)) -> None:
    """Open ``media`` and tick only ``modules`` (None: keep the defaults)."""
    window.open_media(media)
    qtbot.waitUntil(lambda: window.media is not None, timeout=60_000)
    if modules is not None:
        for name, box in window.analysis.checkboxes.items():
            box.setChecked(name in modules)


def start(qtbot, window: MainWindow) -> None:
    window.analysis.start_button.click()
    qtbot.waitUntil(lambda: window.orchestrator.active, timeout=10_000)


def wait_for_transcript(qtbot, window: MainWindow, fraction: float) -> None:
    def far_enough():
        _, _, runs = window.orchestrator.snapshot()
        return any(r.module == "transcript" and r.processed_s >= fraction * r.total_s for r in runs)
    qtbot.waitUntil(far_enough, timeout=JOB_TIMEOUT_MS)


def aborted_run(qtbot, window: MainWindow, media, fraction: float) -> None:
    """Analyse ``media``'s transcript in ``window`` and abort it ``fraction`` of the way in."""
    open_media(qtbot, window, media)
    start(qtbot, window)
    wait_for_transcript(qtbot, window, fraction)
    with qtbot.waitSignal(window.orchestrator.job_finished, timeout=JOB_TIMEOUT_MS):
        window.orchestrator.abort("test")


@pytest.fixture
def media_copy(tmp_path):
    return shutil.copy(SAMPLE, tmp_path / "interview.mp4")


@pytest.fixture
def long_media_copy(tmp_path, long_speech):
    return shutil.copy(long_speech, tmp_path / "long_interview.wav")


def test_a_media_file_is_analysed_from_the_main_window(qtbot, window, media_copy):
    main = window()
    open_media(qtbot, main, media_copy, modules=None)
    boxes = main.analysis.checkboxes
    assert all(box.isEnabled() and box.isChecked() for box in boxes.values()), "a video with sound"
    assert "Model: tiny.en" in main.analysis.findChild(type(main.item_details), "module_info_transcript").text()
    assert main.analysis.start_button.isEnabled() and not main.analysis.abort_button.isEnabled()
    with qtbot.waitSignal(main.orchestrator.job_finished, timeout=JOB_TIMEOUT_MS) as finished:
        start(qtbot, main)
        assert main.analysis.abort_button.isEnabled()
    assert finished.args[1] == "completed"
    assert main.analysis.overall.value() == 100
    assert main.history.topLevelItem(0).text(1) == "completed"
    tiers = {tier.module: tier for tier in main.timeline.data.tiers}
    assert set(tiers) == {"audio", "transcript", "diarization_embedded", "visual", "fusion"}
    assert tiers["transcript"].missing_ranges == []
    assert len(main.timeline.data.events(tiers["transcript"], 0, 61)) >= 10
    turns = main.timeline.data.events(tiers["diarization_embedded"], 0, 61)
    assert {e.label for e in turns} == {"SPEAKER_00", "SPEAKER_01"}
    shots = main.timeline.data.events(tiers["visual"], 0, 61)
    assert sum(e.kind == "shot" for e in shots) >= 5 and all(e.kind in ("shot", "face") for e in shots)
    assert main.project.path == media_copy.with_suffix(".aima")


def test_modules_that_cannot_run_on_the_media_are_greyed_out(qtbot, window, long_media_copy):
    main = window()
    open_media(qtbot, main, long_media_copy, modules=None)
    visual = main.analysis.checkboxes["visual"]
    assert not visual.isEnabled() and not visual.isChecked()
    assert visual.toolTip() == "the media has no video track"
    assert main.analysis.checkboxes["transcript"].isChecked()


def test_closing_during_a_run_asks_first_and_aborting_keeps_the_results(qtbot, window, long_media_copy):
    main = window()
    open_media(qtbot, main, long_media_copy)
    start(qtbot, main)
    wait_for_transcript(qtbot, main, 0.2)

    when_dialog(AbortDialog, lambda d: d.cancel_button.click())
    main.close()
    assert main.isVisible() and main.orchestrator.active, "Cancel keeps the job running"

    def abort(dialog: AbortDialog):
        dialog.reason_buttons["changed_priorities"].setChecked(True)
        dialog.abort_button.click()
    when_dialog(AbortDialog, abort)
    main.close()
    assert not main.isVisible()
    with Project.open(long_media_copy.with_suffix(".aima")) as project:
        job = project.jobs.job(1)
        assert (job.status, job.abort_type, job.abort_reason) == ("aborted", "user", "changed_priorities")
        partial = project.notifications.partial_results(1)[0]["metadata"]
        assert partial["incomplete_modules"] == ["transcript"]
        assert project.events.count([project.jobs.runs(1)[1].id], "segment") > 0


def test_reopening_offers_to_resume_from_the_checkpoint(qtbot, window, long_media_copy):
    first = window()
    aborted_run(qtbot, first, long_media_copy, 0.3)
    first.close()

    seen = {}

    def continue_(dialog: ResumeDialog):
        seen["checked"] = dialog.selected_option()
        seen["texts"] = [b.text() for b in dialog.buttons.values()]
        dialog.continue_button.click()

    second = window()
    when_dialog(ResumeDialog, continue_)
    second.open_project(long_media_copy.with_suffix(".aima"))
    qtbot.waitUntil(lambda: "checked" in seen, timeout=30_000)
    assert seen["checked"] == "checkpoint"
    assert seen["texts"][0].endswith("recommended")
    qtbot.waitUntil(lambda: second.orchestrator.job_id == 2, timeout=30_000)
    with qtbot.waitSignal(second.orchestrator.job_finished, timeout=JOB_TIMEOUT_MS) as finished:
        pass
    assert finished.args == [2, "completed"]
    assert second.project.jobs.job(2).parent_job_id == 1


def test_timeline_shows_done_and_missing_ranges_as_in_the_store(qtbot, window, long_media_copy):
    main = window()
    aborted_run(qtbot, main, long_media_copy, 0.3)
    transcript = main.project.jobs.runs(1)[1]
    tier = next(t for t in main.timeline.data.tiers if t.module == "transcript")
    assert tier.done_ranges == [(0.0, pytest.approx(transcript.processed_s))]
    assert tier.missing_ranges == [(pytest.approx(transcript.processed_s), pytest.approx(transcript.total_s))]
    stored = main.project.events.events([transcript.id], kind="segment")
    shown = main.timeline.data.events(tier, 0.0, transcript.total_s)
    assert [(e.start, e.label) for e in shown] == [(e.start, e.label) for e in stored]

    main.timeline.resize(1200, 300)
    main.timeline.set_view(0.0, 60.0)
    main.timeline.repaint()
    names = [main.timeline.tier_label_at(QPointF(20, RULER_H + (i + 0.5) * TIER_H)).module
             for i in range(len(main.timeline.data.tiers))]  # whose name the tooltip shows
    assert names == [t.module for t in main.timeline.data.tiers] and "transcript" in names
    first = stored[0]
    rect = next(r for r, e in main.timeline.visible_items() if e.start == first.start)
    main.timeline.click_at(rect.center())
    assert main.timeline.selected.label == first.label
    assert first.label in main.item_details.text()

    main.play_button.click()
    qtbot.waitUntil(lambda: main.player.playing() and main.player.position_s() >= first.start,
                    timeout=30_000)
    main.play_button.click()
    qtbot.waitUntil(lambda: not main.player.playing(), timeout=10_000)
    span = main.timeline.view_span
    main.timeline.zoom(2.0)
    assert main.timeline.view_span == pytest.approx(span / 2)


def test_notifications_are_listed_and_their_actions_work(qtbot, window, long_media_copy):
    main = window()
    aborted_run(qtbot, main, long_media_copy, 0.2)
    items = main.notifications.items()
    assert len(items) == 1 and items[0].note["subtype"] == "user_initiated"
    assert main.bell.text().endswith("1")
    assert main.toast.isVisible()

    main.resize(1400, 820)  # the details and the notes wrap in their docks, not clip
    qtbot.waitUntil(lambda: main.details_dock.isVisible() and main.timeline.width() >= 400)
    viewport = main.notifications.scroll.viewport()
    qtbot.waitUntil(lambda: items[0].width() <= viewport.width())
    assert all(button.geometry().right() <= items[0].width()
               for button in items[0].action_buttons.values())

    main.timeline.set_data(None)
    items[0].action_buttons["view_partial_results"].click()
    assert main.shown_job_id == 1 and main.timeline.data is not None
    assert main.bell.text().endswith("0")

    opened = {}
    when_dialog(ResumeDialog, lambda d: (opened.update(option=d.selected_option()), d.reject()))
    main.notifications.items()[0].action_buttons["restart_analysis"].click()
    assert opened["option"] == "restart"


def test_deleting_an_analysis_asks_first_and_removes_its_blobs(qtbot, window, long_media_copy,
                                                              monkeypatch):
    main = window()
    aborted_run(qtbot, main, long_media_copy, 0.2)
    project = main.project
    digest = project.blobs.put(b"a keyframe of this analysis")
    run_id = project.jobs.runs(1)[1].id
    project.db["blobs"].insert({"digest": digest, "size": 27, "run_id": run_id,
                                "created_at": now_iso()})
    assert main.details_dock.isVisible() and main.details.job_id == 1

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (
        asked.append(a[2]), QMessageBox.StandardButton.No)[1])
    main.details.delete_button.click()
    assert "All partial results will be lost" in asked[0]
    assert project.jobs.job(1) is not None and digest in project.blobs

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    main.details.delete_button.click()
    assert project.jobs.job(1) is None
    assert digest not in project.blobs
    assert project.db.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    assert main.history.topLevelItemCount() == 0 and main.timeline.data is None


def test_stop_now_kills_a_worker_that_does_not_stop(qtbot, window, media_copy, monkeypatch):
    monkeypatch.setenv("AIMA_FAULT", "transcript:ignore_abort:after=1")
    main = window()
    open_media(qtbot, main, media_copy)
    start(qtbot, main)
    wait_for_transcript(qtbot, main, 0.01)
    states = []

    def abort_then_stop_now(dialog: AbortDialog):
        dialog.abort_button.click()
        states.append(dialog.workers.topLevelItem(0).text(1))
        assert "second" in dialog.countdown_label.text()
        dialog.orchestrator.run_state.connect(
            lambda *_: states.append(dialog.workers.topLevelItem(0).text(1)))
        dialog.stop_now_button.click()

    when_dialog(AbortDialog, abort_then_stop_now)
    assert main.abort_analysis() is True
    assert states[0] == "stopping" and "killed" in states
    assert main.project.jobs.job(1).status == "aborted"


def test_the_interface_speaks_german(qtbot, monkeypatch, tmp_path):
    from aima_desktop.ui.app import install_translators

    monkeypatch.setenv("AIMA_LANGUAGE", "de")
    app = QApplication.instance()
    translators = install_translators(app, "de")
    try:
        main = MainWindow(Settings(transcript_model=TEST_MODEL))
        qtbot.addWidget(main)
        titles = [a.text() for a in main.menuBar().actions()]
        assert titles[0] == "&Datei" and "&Hilfe" in titles
        assert main.analysis.start_button.text() == "Starten"
        assert main.analysis.checkboxes["transcript"].text() == "Spracherkennung"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_aima_open_starts_the_window_on_a_media_file(tmp_path):
    media = shutil.copy(SAMPLE, tmp_path / "interview.mp4")
    result = subprocess.run(
        [sys.executable, "-m", "aima_desktop", "open", str(media)], capture_output=True,
        text=True, timeout=120, env={**os.environ, "AIMA_QUIT_WHEN_READY": "1"})
    assert result.returncode == 0, result.stderr
    ready = json.loads(result.stdout.strip().splitlines()[-1])
    assert ready["media"] == "interview.mp4"
    assert ready["project"] == str(tmp_path / "interview.aima")


def test_aima_without_arguments_opens_the_window():
    result = subprocess.run([sys.executable, "-m", "aima_desktop"], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "AIMA_QUIT_WHEN_READY": "1"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["ready"] is True


def test_without_a_display_the_command_says_what_to_do():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "aima_desktop"], capture_output=True,
                            text=True, timeout=120, env=env)
    assert result.returncode == 1
    assert "no display found" in result.stderr and "aima run MEDIA" in result.stderr
