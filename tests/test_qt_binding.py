"""The Qt binding itself: a regression of PySide6 6.12.0 that would crash long runs."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int, str)


def test_emitting_signals_does_not_release_python_booleans(qtbot):
    emitter = _Emitter()
    received = []
    emitter.changed.connect(lambda number, _text: received.append(number))
    before = sys.getrefcount(True)
    for number in range(200):
        emitter.changed.emit(number, "x")
    assert len(received) == 200
    # PySide6 6.12.0 loses one reference to True per emit; the process aborts when it hits 0.
    assert sys.getrefcount(True) >= before - 5
