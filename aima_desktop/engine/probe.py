"""Probing media in a child process (see ``aima_desktop.worker.probe``)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from aima_desktop.domain.errors import BadInputError
from aima_desktop.domain.media_checks import check_media_path
from aima_desktop.domain.records import MediaInfo
from aima_desktop.engine.child_command import child_command

PROBE_TIMEOUT_S = 300  # hashing a very large file on a slow disk
_COMMAND = child_command("aima_desktop.worker.probe")


def _parse(stdout: str, returncode: int, stderr: str) -> MediaInfo:
    try:
        result = json.loads(stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise BadInputError(
            f"could not be examined: the media probe crashed (exit code {returncode})",
            detail=stderr[-2000:]) from None
    if not result.get("ok"):
        raise BadInputError(result.get("message", "cannot be read"), detail=result.get("detail", ""))
    return MediaInfo(**result["media"])


def probe_media(path: Path) -> MediaInfo:
    """What the media file is; :class:`BadInputError` with the reason when it is unusable."""
    check_media_path(Path(path))
    try:
        completed = subprocess.run([*_COMMAND, str(path)], capture_output=True, text=True,
                                   timeout=PROBE_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise BadInputError(f"could not be read within {PROBE_TIMEOUT_S} s") from exc
    return _parse(completed.stdout, completed.returncode, completed.stderr)


class MediaProbe(QObject):
    """The same probe without blocking the event loop: ``done(path, MediaInfo)`` or
    ``failed(path, reason)``."""

    done = Signal(str, object)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._process: QProcess | None = None
        self._path = ""

    def probe(self, path: Path) -> None:
        self._path = str(path)
        try:
            check_media_path(Path(path))
        except BadInputError as exc:
            self.failed.emit(self._path, exc.message)
            return
        if self._process is not None:
            self._process.kill()
        process = self._process = QProcess(self)
        process.finished.connect(lambda code, _status, p=process: self._finished(p, code))
        process.start(_COMMAND[0], [*_COMMAND[1:], self._path])

    def running(self) -> bool:
        return self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning

    def _finished(self, process: QProcess, returncode: int) -> None:
        if process is not self._process:
            return  # superseded by a newer request
        stdout = bytes(process.readAllStandardOutput()).decode("utf-8", "replace")
        stderr = bytes(process.readAllStandardError()).decode("utf-8", "replace")
        try:
            self.done.emit(self._path, _parse(stdout, returncode, stderr))
        except BadInputError as exc:
            self.failed.emit(self._path, exc.message)
