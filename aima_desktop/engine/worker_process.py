"""One worker process, seen from the orchestrator: a QProcess speaking the line protocol."""

from __future__ import annotations

import logging
import time
from collections import deque

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from aima_desktop.domain.errors import ErrorCategory, ErrorInfo
from aima_desktop.engine.child_command import child_command
from aima_desktop.worker.protocol import (ABORT_COMMAND, START_COMMAND, Msg, ProtocolError,
                                          decode, encode)

log = logging.getLogger("aima.engine")

WATCHDOG_INTERVAL_MS = 1000
LOG_TAIL_LINES = 200


class WorkerProcess(QObject):
    """Starts ``python -m aima_desktop.worker`` for one run and turns its lines into signals.

    ``exited`` carries the outcome: ``finished``, ``aborted``, ``killed`` (by us, after the grace
    period) or ``failed`` (with :attr:`error` set: a reported error, a crash, or a watchdog
    timeout when the heartbeat stopped).
    """

    message = Signal(int, dict)  # run_id, protocol message
    exited = Signal(int, str)  # run_id, outcome

    def __init__(self, project_dir: str, run_id: int, module: str, heartbeat_timeout_s: float,
                 wait_for_start: bool = False, gpu: int | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.run_id = run_id
        self.module = module
        self.heartbeat_timeout_s = heartbeat_timeout_s
        self.error: ErrorInfo | None = None
        self.log_tail: deque[str] = deque(maxlen=LOG_TAIL_LINES)
        self._final: str | None = None  # finished / aborted, as the worker reported
        self._killed_by_us = False
        self._stop_sent = False
        self._reported = False
        self.waiting = wait_for_start
        self._unsent: list[dict] = []  # commands given before the process was up
        self._last_seen = time.monotonic()
        self._buffer = b""
        self.process = QProcess(self)
        program, *arguments = child_command("aima_desktop.worker")
        self.process.setProgram(program)
        self.process.setArguments(
            [*arguments, "--project", project_dir, "--run", str(run_id)]
            + (["--wait-for-start"] if wait_for_start else []))
        self.process.started.connect(self._on_started)
        self.gpu = gpu
        if gpu is not None:  # the worker sees only the GPU it was given, as device 0
            environment = QProcessEnvironment.systemEnvironment()
            environment.insert("CUDA_VISIBLE_DEVICES", str(gpu))
            self.process.setProcessEnvironment(environment)
        self.process.readyReadStandardOutput.connect(self._read_stdout)
        self.process.readyReadStandardError.connect(self._read_stderr)
        self.process.finished.connect(self._on_finished)
        self.process.errorOccurred.connect(self._on_error)
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(WATCHDOG_INTERVAL_MS)
        self._watchdog.timeout.connect(self._check_heartbeat)

    @property
    def pid(self) -> int:
        return int(self.process.processId())

    def start(self) -> None:
        self._last_seen = time.monotonic()
        self.process.start()
        self._watchdog.start()

    def request_stop(self) -> None:
        """The graceful stop: the abort command on stdin (works on every platform)."""
        if not self._stop_sent:
            self._stop_sent = True
            self._command(ABORT_COMMAND)

    def allow_start(self) -> None:
        """Its dependencies are done: a worker started with ``wait_for_start`` may go on."""
        if self.waiting:
            self.waiting = False
            self._command(START_COMMAND)

    def _command(self, command: dict) -> None:
        state = self.process.state()
        if state == QProcess.ProcessState.Running:
            self.process.write(encode(command))
            self.process.waitForBytesWritten(100)
        elif state == QProcess.ProcessState.Starting:
            self._unsent.append(command)

    def _on_started(self) -> None:
        for command in self._unsent:
            self.process.write(encode(command))
        self._unsent.clear()

    def kill(self) -> None:
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self._killed_by_us = True
            self.process.kill()

    def is_running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    # -- slots -----------------------------------------------------------------------------
    def _read_stdout(self) -> None:
        self._last_seen = time.monotonic()
        self._buffer += bytes(self.process.readAllStandardOutput())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            if not line.strip():
                continue
            try:
                message = decode(line)
            except ProtocolError as exc:
                log.warning("run %s: %s", self.run_id, exc)
                continue
            kind = message.get("type")
            if kind in (Msg.FINISHED, Msg.ABORTED):
                self._final = kind
            elif kind == Msg.ERROR:
                self.error = ErrorInfo.from_dict({**message, "module": self.module})
            self.message.emit(self.run_id, message)

    def _read_stderr(self) -> None:
        text = bytes(self.process.readAllStandardError()).decode("utf-8", errors="replace")
        for line in text.splitlines():
            self.log_tail.append(line)
            log.info("worker %s/%s: %s", self.module, self.run_id, line)

    def _check_heartbeat(self) -> None:
        silent = time.monotonic() - self._last_seen
        if silent > self.heartbeat_timeout_s and self.is_running() and self.error is None:
            self.error = ErrorInfo(
                ErrorCategory.TIMEOUT,
                f"the {self.module} worker stopped responding for {silent:.0f} s",
                recoverable=True, module=self.module)
            log.warning("run %s: %s; killing it", self.run_id, self.error.message)
            self.process.kill()

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.error = ErrorInfo(ErrorCategory.INTERNAL_ERROR,
                                   f"the {self.module} worker could not be started "
                                   f"({self.process.errorString()})",
                                   recoverable=False, module=self.module)
            self._on_finished(-1, QProcess.ExitStatus.CrashExit)

    def _on_finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        if self._reported:
            return
        self._reported = True
        self._watchdog.stop()
        self._read_stdout()
        if self._final == Msg.FINISHED and exit_code == 0 and self.error is None:
            outcome = "finished"
        elif self._final == Msg.ABORTED:
            outcome = "aborted"
        elif self._killed_by_us and self.error is None:
            outcome = "killed"
        else:
            outcome = "failed"
            if self.error is None:
                how = ("was killed or crashed" if exit_status == QProcess.ExitStatus.CrashExit
                       else f"exited with code {exit_code}")
                self.error = ErrorInfo(ErrorCategory.INTERNAL_ERROR,
                                       f"the {self.module} worker {how} without reporting why",
                                       recoverable=False, detail="\n".join(self.log_tail)[-4000:],
                                       module=self.module)
        self.exited.emit(self.run_id, outcome)
