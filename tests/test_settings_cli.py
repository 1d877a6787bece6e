"""Settings from the command line and the TOML file, the cache, ``aima doctor``, desktop files."""

from __future__ import annotations

import configparser
import json
import os
import time
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from aima_desktop import __version__
from aima_desktop.store.appdirs import audio_cache_dir
from aima_desktop.store.cache import cache_size, trim_cache
from aima_desktop.store.project import Project
from aima_desktop.store.settings import Settings, load_settings, save_settings, settings_path
from tests.conftest import ROOT, SAMPLE, TEST_MODEL, aima

TOKEN = "hf_cliTokenNeverPrintedInFull9876"


def test_settings_round_trip_through_the_command_and_the_file():
    assert aima("settings", "set", "grace_period_s", "12").returncode == 0
    assert aima("settings", "set", "oom_recovery", "smaller_batch").returncode == 0
    assert aima("settings", "set", "hf_token", TOKEN).returncode == 0
    assert aima("settings", "set", "ui_language", "de").returncode == 0
    stored = tomllib.loads(settings_path().read_text())
    assert (stored["grace_period_s"], stored["oom_recovery"], stored["hf_token"],
            stored["ui_language"]) == (12.0, "smaller_batch", TOKEN, "de")
    assert load_settings() == Settings(grace_period_s=12.0, oom_recovery="smaller_batch",
                                       hf_token=TOKEN, ui_language="de")
    shown = aima("settings")
    assert shown.returncode == 0 and 'grace_period_s = 12.0' in shown.stdout
    assert TOKEN not in shown.stdout and "9876" in shown.stdout
    assert aima("settings", "path").stdout.strip() == str(settings_path())

    save_settings(Settings(num_speakers=3))  # and what the dialog writes, the command reads
    assert "num_speakers = 3" in aima("settings").stdout


@pytest.mark.parametrize("args, message", [
    (("num_speakers", "two"), "num_speakers must be a number, not 'two'"),
    (("transcript_device", "tpu"), "transcript_device must be one of auto, cpu, cuda, not 'tpu'"),
    (("grace_period_s", "-1"), "grace_period_s must not be negative"),
    (("colour", "blue"), "unknown setting 'colour'"),
    (("ui_language", "fr"), "ui_language must be en, de or empty"),
    (("transcript_model", "/nonexistent/model"), "folder /nonexistent/model does not exist"),
])
def test_bad_settings_are_refused_with_the_reason_and_nothing_is_saved(args, message):
    aima("settings", "set", "grace_period_s", "7")
    before = settings_path().read_bytes()
    result = aima("settings", "set", *args)
    assert result.returncode == 1 and result.stderr.startswith("aima: error: ")
    assert message in result.stderr
    assert settings_path().read_bytes() == before


def test_a_model_folder_without_model_bin_is_named(tmp_path):
    result = aima("settings", "set", "transcript_model", tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path} is not a faster-whisper (CTranslate2) model folder (it has no model.bin)" \
        in result.stderr


def test_a_broken_settings_file_is_reported_not_a_traceback():
    settings_path().write_text("grace_period_s = 'soon'\nunknown_key = 1\n")
    result = aima("run", SAMPLE, "--model", TEST_MODEL)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "unknown settings unknown_key" in result.stderr
    doctor = aima("doctor")
    assert doctor.returncode == 0 and "INVALID" in doctor.stdout and "problem(s)" in doctor.stdout


def test_a_finer_checkpoint_interval_commits_more_often(tmp_path):
    assert aima("settings", "set", "checkpoint_s", "10").returncode == 0
    project_dir = tmp_path / "p.aima"
    assert aima("run", SAMPLE, "--project", project_dir, "--model", TEST_MODEL).returncode == 0
    with Project.open(project_dir) as project:
        audio = project.jobs.runs(1)[0]
        assert project.jobs.job(1).config["checkpoint_s"] == 10
    # 61 s of audio: 7 units of 10 s instead of 3 of the default 30 s
    assert audio.module == "audio" and audio.seq == 7


def test_the_cache_is_trimmed_oldest_first_and_cleared():
    folder = audio_cache_dir()
    now = time.time()
    for age, name in enumerate(("a" * 64, "b" * 64, "c" * 64)):
        path = folder / f"{name}.s16le"
        path.write_bytes(b"x" * 1000)
        os.utime(path, (now - 100 * (3 - age), now - 100 * (3 - age)))
    assert cache_size() == 3000
    assert trim_cache(1500, keep=frozenset({"a" * 64})) == 2000  # a is the oldest, but kept
    assert sorted(p.name[0] for p in folder.iterdir()) == ["a"]
    result = aima("settings", "clear-cache")
    assert result.returncode == 0 and "0.0 MB freed" in result.stdout
    assert cache_size() == 0


def test_doctor_reports_versions_devices_models_and_folders():
    result = aima("doctor", "--json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["AIMA Desktop"]["version"] == __version__
    assert report["packages"]["faster-whisper"][0].isdigit()
    assert "cpu cores" in report["devices"]
    assert report["models"]["transcript"] == "base (shipped)"
    assert all("(writable" in report["folders"][name] for name in ("config", "cache", "logs"))
    assert aima("--version").stdout.strip() == f"aima {__version__}"


def test_desktop_entry_and_appstream_metadata_fit_together():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging" / "linux" / "aima-desktop.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"].split()[0] == "aima"
    icons = list((ROOT / "resources" / "icons" / "hicolor").glob(f"*/apps/{desktop['Icon']}.png"))
    assert len(icons) >= 6
    metainfo = ET.parse(ROOT / "packaging" / "linux" / "aima-desktop.metainfo.xml").getroot()
    assert metainfo.get("type") == "desktop-application"
    assert metainfo.findtext("launchable") == "aima-desktop.desktop"
    assert metainfo.find("provides").findtext("binary") == Path(desktop["TryExec"]).name
    assert metainfo.find("releases")[0].get("version") == __version__
