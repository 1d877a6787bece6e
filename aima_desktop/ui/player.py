"""Playing the media from a point on the timeline (QtMultimedia, from PySide6-Addons).

QtMultimedia is optional; ``available()`` says whether it is installed. It is imported only
when the first playback starts, so the window opens as fast without it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal


def available() -> bool:
    return importlib.util.find_spec("PySide6.QtMultimedia") is not None


class MediaPlayer(QObject):
    """One player for the window; ``play_from`` seeks and plays."""

    state_changed = Signal(bool)  # playing

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._player = None
        self._source: str | None = None

    def _ensure(self):
        if self._player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self._player = QMediaPlayer(self)
            self._output = QAudioOutput(self)
            self._player.setAudioOutput(self._output)
            self._player.playbackStateChanged.connect(
                lambda state: self.state_changed.emit(state == QMediaPlayer.PlaybackState.PlayingState))
        return self._player

    def play_from(self, media: Path, seconds: float) -> None:
        player = self._ensure()
        if self._source != str(media):
            player.setSource(QUrl.fromLocalFile(str(media)))
            self._source = str(media)
        player.setPosition(int(seconds * 1000))
        player.play()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()

    def position_s(self) -> float:
        return self._player.position() / 1000 if self._player is not None else 0.0

    def playing(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
