"""Running one job to its end without a window: the engine of ``aima run`` and ``aima resume``.

Ctrl-C (SIGINT) and SIGTERM start the seed's user-initiated abort; a second one kills the
workers at once. Signals reach the Qt event loop through a socket (``signal.set_wakeup_fd``),
so they are handled immediately even while the loop waits.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer

from aima_desktop.engine.orchestrator import Orchestrator
from aima_desktop.store.project import Project

SIGNAL_REASONS = {signal.SIGINT: "user_interrupt (Ctrl-C)", signal.SIGTERM: "terminated (SIGTERM)"}


@dataclass
class HeadlessOutcome:
    job_id: int  # the last job run: an automatic recovery resumes the first as a new one
    status: str
    signal_number: int | None  # the signal that aborted the job, if one did


class _SignalBridge:
    """Delivers SIGINT/SIGTERM to a callback inside the Qt event loop."""

    def __init__(self, on_signal: Callable[[int], None]):
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, lambda *_: None) for sig in SIGNAL_REASONS}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._drain)
        self._on_signal = on_signal

    def _drain(self) -> None:
        try:
            data = self._read.recv(64)
        except BlockingIOError:
            return
        for number in data:
            self._on_signal(number)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._read.close()
        self._write.close()


def ensure_core_application() -> QCoreApplication:
    return QCoreApplication.instance() or QCoreApplication(["aima"])


def run_job(project: Project, job_id: int, orchestrator_options: dict,
            connect: Callable[[Orchestrator], None] | None = None) -> HeadlessOutcome:
    """Start ``job_id`` and run the event loop until the job has ended."""
    app = ensure_core_application()
    orchestrator = Orchestrator(project, **orchestrator_options)
    received: list[int] = []

    def on_signal(number: int) -> None:
        if number not in SIGNAL_REASONS:
            return
        received.append(number)
        if orchestrator.aborting or len(received) > 1:
            orchestrator.stop_now()
        else:
            orchestrator.abort(reason=SIGNAL_REASONS[signal.Signals(number)])

    outcome: list[tuple[int, str]] = []

    def finished(job: int, status: str) -> None:
        outcome.append((job, status))
        # An automatic recovery starts the follow-up job right after this signal.
        QTimer.singleShot(0, lambda: None if orchestrator.active else app.quit())

    orchestrator.job_finished.connect(finished)
    if connect is not None:
        connect(orchestrator)
    bridge = _SignalBridge(on_signal)
    try:
        orchestrator.start(job_id)
        if orchestrator.active:
            app.exec()
    finally:
        bridge.close()
        orchestrator.deleteLater()
    last_job, status = outcome[-1]
    return HeadlessOutcome(last_job, status, received[0] if received else None)
