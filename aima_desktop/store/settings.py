"""User settings (``settings.toml`` in the config dir) and the recent-projects list."""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

import tomli_w

from aima_desktop.store.appdirs import config_dir

DEVICES = ("auto", "cpu", "cuda")
OOM_RECOVERY = ("cpu", "smaller_batch", "ask")
UI_LANGUAGES = ("", "en", "de")  # "": the system's
MAX_RECENT = 10
SECRET_SETTINGS = frozenset({"hf_token"})


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
    # Media seconds between commits (what an abort can lose at most); 0: each module's own
    # (audio 30 s, speaker diarization 60 s or 300 s with pyannote, visual 250 frames).
    checkpoint_s: float = 0.0
    ui_language: str = ""
    # Decoded audio is kept for resuming and re-analysing; the oldest goes beyond this size.
    cache_limit_mb: int = 4096

    def masked(self) -> dict:
        """The settings to show: secrets as dots, with their last four characters."""
        values = asdict(self)
        for name in SECRET_SETTINGS:
            if values[name]:
                values[name] = "\u2022" * 8 + values[name][-4:]
        return values

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
        if self.checkpoint_s < 0:
            raise SettingsError("checkpoint_s must not be negative")
        if self.cache_limit_mb < 0:
            raise SettingsError("cache_limit_mb must not be negative")
        if self.ui_language not in UI_LANGUAGES:
            raise SettingsError("ui_language must be en, de or empty (the system's language)")
        if any(c.isspace() for c in self.hf_token):
            raise SettingsError("hf_token must not contain spaces or line breaks")
        _check_folder("transcript_model", self.transcript_model, "model.bin",
                      "a faster-whisper (CTranslate2) model")
        _check_folder("diarization_pipeline", self.diarization_pipeline, "config.yaml",
                      "a pyannote pipeline")
        return self


def looks_like_path(value: str) -> bool:
    """A folder rather than a model or pipeline name (``base``, ``pyannote/...``)."""
    return value.startswith(("/", "~", ".")) or Path(value).expanduser().exists()


def _check_folder(name: str, value: str, marker: str, what: str) -> None:
    if not value or not looks_like_path(value):
        return
    folder = Path(value).expanduser()
    if not folder.is_dir():
        raise SettingsError(f"{name}: folder {folder} does not exist")
    if not (folder / marker).is_file():
        raise SettingsError(f"{name}: {folder} is not {what} folder (it has no {marker})")


def with_value(settings: Settings, name: str, text: str) -> Settings:
    """``settings`` with ``name`` set from its text form (the command line), validated."""
    known = {f.name for f in fields(Settings)}
    if name not in known:
        raise SettingsError(f"unknown setting {name!r}; known: {', '.join(sorted(known))}")
    expected = type(getattr(settings, name))
    try:
        value = expected(text)
    except ValueError:
        raise SettingsError(f"{name} must be a {'number' if expected is not str else 'text'}, "
                            f"not {text!r}") from None
    return replace(settings, **{name: value}).validate()


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
