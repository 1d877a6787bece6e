"""The Settings dialog and File > Export in the real window."""

from __future__ import annotations

import shutil
import tomllib

import webvtt
from PySide6.QtWidgets import QLineEdit

from aima_desktop.store.project import Project
from aima_desktop.store.settings import Settings, load_settings, settings_path
from aima_desktop.ui.export_dialog import ExportDialog
from aima_desktop.ui.main_window import MainWindow
from aima_desktop.ui.settings_dialog import SettingsDialog
from tests.conftest import SAMPLE, TEST_MODEL, aima

TOKEN = "hf_aimaTestTokenThatMustNeverLeaveTheSettings42"
JOB_TIMEOUT_MS = 300_000


def test_settings_are_validated_saved_and_the_token_stays_out_of_projects(qtbot, tmp_path):
    main = MainWindow(Settings(transcript_model=TEST_MODEL))
    qtbot.addWidget(main)
    main.show()
    dialog: SettingsDialog = main.settings_dialog()
    assert dialog.transcript_model.text() == TEST_MODEL
    assert dialog.hf_token.echoMode() == QLineEdit.EchoMode.Password

    not_a_model = tmp_path / "not_a_model"
    not_a_model.mkdir()
    dialog.transcript_model.setText(str(not_a_model))
    dialog.accept()
    assert dialog.isVisible() and "has no model.bin" in dialog.error.text()
    assert not settings_path().exists(), "nothing is saved while a value is wrong"

    dialog.transcript_model.setText(TEST_MODEL)
    dialog.hf_token.setText(TOKEN)
    # A hub pipeline that cannot be reached here: the job falls back to the embedded
    # diarization and records why, which is where a careless error text would carry a token.
    dialog.diarization_pipeline.setText("pyannote/speaker-diarization-community-1")
    dialog.grace_period_s.setValue(12)
    dialog.oom_recovery.setCurrentIndex(dialog.oom_recovery.findData("ask"))
    dialog.checkpoint_s.setValue(20)
    dialog.accept()
    assert not dialog.isVisible()
    saved = tomllib.loads(settings_path().read_text())
    assert (saved["hf_token"], saved["grace_period_s"], saved["oom_recovery"],
            saved["checkpoint_s"]) == (TOKEN, 12.0, "ask", 20.0)
    assert load_settings() == main.settings
    assert dialog.values().masked()["hf_token"].endswith(TOKEN[-4:]) and TOKEN not in str(
        dialog.values().masked())

    media = shutil.copy(SAMPLE, tmp_path / "interview.mp4")
    main.open_media(media)
    qtbot.waitUntil(lambda: main.media is not None, timeout=60_000)
    for name, box in main.analysis.checkboxes.items():
        box.setChecked(name == "fusion")
    with qtbot.waitSignal(main.orchestrator.job_finished, timeout=JOB_TIMEOUT_MS) as finished:
        main.analysis.start_button.click()
    assert finished.args[1] == "completed"
    assert main.orchestrator.grace_s == 12 and main.orchestrator.auto_recovery == "ask"
    project_dir = media.with_suffix(".aima")
    with Project.open(project_dir) as project:
        job = project.jobs.job(1)
        assert job.config["checkpoint_s"] == 20
        statuses = {r.module: str(r.status) for r in project.jobs.runs(1)}
        assert statuses["diarization"] == "replaced" and statuses["fusion"] == "completed"
    main.close()
    files = [p for p in project_dir.rglob("*") if p.is_file()]
    assert files and not [p for p in files if TOKEN.encode() in p.read_bytes()]
    assert not [p for p in files if TOKEN[-12:].encode() in p.read_bytes()]


def test_export_a_partial_result_from_the_abort_details(qtbot, tmp_path):
    media = shutil.copy(SAMPLE, tmp_path / "interview.mp4")
    project_dir = tmp_path / "interview.aima"
    failed = aima("run", media, "--project", project_dir, "--model", TEST_MODEL,
                  env={"AIMA_FAULT": "transcript:error=internal_error:after=3"})
    assert failed.returncode == 1
    main = MainWindow(Settings(transcript_model=TEST_MODEL))
    qtbot.addWidget(main)
    main.show()
    main.open_project(project_dir, offer_resume=False)
    main.show_job(1)
    assert main.details.export_button.isVisible()
    main.details.export_button.click()
    dialog = main.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.path.text() == str(tmp_path / "interview.job1.srt")

    dialog.select_format("vtt")
    assert dialog.path.text() == str(tmp_path / "interview.job1.vtt")
    dialog.path.setText(str(project_dir / "inside.vtt"))
    dialog.export_button.click()
    assert dialog.isVisible() and "outside the project folder" in dialog.error.text()

    target = tmp_path / "subtitles.vtt"
    dialog.path.setText(str(target))
    dialog.export_button.click()
    assert not dialog.isVisible() and dialog.written == target
    assert str(target) in main.statusBar().currentMessage()
    captions = webvtt.read(str(target)).captions
    with Project.open(project_dir) as project:
        transcript = project.jobs.runs(1)[1]
        segments = project.events.events([transcript.id], kind="segment")
    assert len(segments) == 3 and len(captions) == 4
    assert captions[-1].text.startswith("[not transcribed")
    assert captions[-1].start_in_seconds == int(transcript.processed_s)
    assert "Partial result of job 1, failed" in target.read_text()
