"""User settings (``settings.toml`` in the config dir) and the recent-projects list."""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import tomli_w

from aima_desktop.store.appdirs import config_dir

DEVICES = ("auto", "cpu", "cuda")
OOM_RECOVERY = ("cpu", "smaller_batch", "ask")
MAX_RECENT = 10


class SettingsError(ValueError):
    """A settings file or value that cannot be used, with the reason in words."""


@dataclass
class Settings:
    """What the user can configure; command-line options override these per run."""

    transcript_model: str = ""  # empty: the shipped default
    transcript_device: str = "auto"
    transcript_language: str = ""  # empty: detect
    # pyannote: a local pipeline folder, or a hub name used with hf_token (never in a project)
    diarization_pipeline: str = ""
    diarization_device: str = "auto"
    hf_token: str = ""
    num_speakers: int = 0  # 0: estimate
    cpu_threads: int = 0  # 0: one per core
    grace_period_s: float = 30.0
    heartbeat_timeout_s: float = 60.0
    # Out of memory: "cpu" / "smaller_batch" resume at once, "ask" leaves it to the user.
    oom_recovery: str = "cpu"

    def validate(self) -> Settings:
        for name in ("transcript_device", "diarization_device"):
            if getattr(self, name) not in DEVICES:
                raise SettingsError(
                    f"{name} must be one of {', '.join(DEVICES)}, not {getattr(self, name)!r}")
        if self.oom_recovery not in OOM_RECOVERY:
            raise SettingsError(f"oom_recovery must be one of {', '.join(OOM_RECOVERY)}")
        if self.num_speakers < 0:
            raise SettingsError("num_speakers must not be negative")
        if self.grace_period_s < 0:
            raise SettingsError("grace_period_s must not be negative")
        if self.heartbeat_timeout_s <= 0:
            raise SettingsError("heartbeat_timeout_s must be positive")
        if self.cpu_threads < 0:
            raise SettingsError("cpu_threads must not be negative")
        return self


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from exc
    known = {f.name: f.type for f in fields(Settings)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise SettingsError(f"{path}: unknown settings {', '.join(unknown)}")
    defaults = Settings()
    values = {}
    for name, value in data.items():
        expected = type(getattr(defaults, name))
        if expected is float and isinstance(value, int):
            value = float(value)
        if not isinstance(value, expected) or isinstance(value, bool):
            raise SettingsError(f"{path}: {name} must be a {expected.__name__}")
        values[name] = value
    return Settings(**values).validate()


def _write_atomically(path: Path, content: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)
    os.replace(tmp, path)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    _write_atomically(path or settings_path(), tomli_w.dumps(asdict(settings.validate())))


def recent_projects_path() -> Path:
    return config_dir() / "recent_projects.json"


def recent_projects() -> list[str]:
    try:
        entries = json.loads(recent_projects_path().read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return []
    return [e for e in entries if isinstance(e, str)][:MAX_RECENT]


def add_recent_project(project_path: Path) -> None:
    entry = str(Path(project_path).resolve())
    entries = [entry] + [e for e in recent_projects() if e != entry]
    _write_atomically(recent_projects_path(), json.dumps(entries[:MAX_RECENT], indent=1))
