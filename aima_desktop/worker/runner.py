"""The worker process: runs one module run and commits each unit with its cursor.

Threads: the *main* thread owns the process: it sends the heartbeat, and on an abort request
(stdin message, stdin closed, SIGTERM) it waits for a commit in flight, reports ``aborted`` and
exits at once, even while the *compute* thread is inside a decoding window; all committed work
is already on disk, so nothing is lost but the unit in flight. A *reader* thread reads stdin.

Started with ``--wait-for-start``, the worker loads its model while the modules it depends on
still run, and begins processing when the ``start`` command arrives.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time

from aima_desktop.domain.errors import ErrorInfo, classify
from aima_desktop.modules.base import ModuleContext, Unit
from aima_desktop.modules.registry import load_module
from aima_desktop.store.appdirs import decoded_audio_path
from aima_desktop.store.locks import ProcessLock
from aima_desktop.store.project import Project
from aima_desktop.worker.faults import Fault, fault_for
from aima_desktop.worker.protocol import PROTOCOL_VERSION, Msg, ProtocolError, decode, encode

HEARTBEAT_S = 1.0
POLL_S = 0.02
COMMIT_WAIT_S = 10.0

log = logging.getLogger("aima.worker")


class _Stopped(Exception):
    """Raised in the compute thread when a unit arrives after the stop request."""


class Worker:
    """One module run in this process, driven by the orchestrator over stdin/stdout."""

    def __init__(self, project_dir: str, run_id: int, wait_for_start: bool = False):
        self.project_dir = project_dir
        self.run_id = run_id
        self.stop_requested = threading.Event()
        self.start_allowed = threading.Event()
        if not wait_for_start:
            self.start_allowed.set()
        self.stop_reason = ""
        self.done = threading.Event()
        self.error: ErrorInfo | None = None
        self._sigterm = False
        self._out_lock = threading.Lock()
        self._commit_lock = threading.Lock()
        self._seq = 0
        self._processed_s = 0.0
        self._total_s = 0.0
        self._committed_units = 0
        self._last_stats: dict = {}
        self._device = "cpu"
        self._module = None
        self._fault: Fault | None = None
        self._hung = False
        self._ignore_abort = False

    # -- output --------------------------------------------------------------------------
    def send(self, kind: Msg, **fields: object) -> None:
        line = encode({"type": str(kind), "run_id": self.run_id, **fields})
        with self._out_lock:
            try:
                sys.stdout.buffer.write(line)
                sys.stdout.buffer.flush()
            except (BrokenPipeError, OSError, ValueError):
                self._request_stop("orchestrator gone")

    def _request_stop(self, reason: str) -> None:
        if not self.stop_requested.is_set():
            self.stop_reason = reason
            self.stop_requested.set()

    # -- threads ---------------------------------------------------------------------------
    def _read_commands(self) -> None:
        for line in sys.stdin.buffer:
            try:
                message = decode(line)
            except ProtocolError:
                log.warning("ignoring control line %r", line[:100])
                continue
            if message.get("cmd") == "abort":
                self._request_stop("abort requested")
            elif message.get("cmd") == "start":
                self.start_allowed.set()
        self._request_stop("stdin closed")

    def _compute(self) -> None:
        module = None
        try:
            self.project = Project.open(self.project_dir)
            # Held until the process exits: tells recovery that this run's writer is alive.
            self._run_lock = ProcessLock.for_run(self.project.locks_dir, self.run_id)
            self._run_lock.acquire()
            run = self.project.jobs.run(self.run_id)
            job = self.project.jobs.job(run.job_id)
            media = self.project.jobs.media(job.media_id)
            self._seq, self._processed_s, self._total_s = run.seq, run.processed_s, run.total_s
            self._fault = fault_for(run.module)
            previous = run.resumed_from

            def previous_events(kind: str) -> list:
                if previous is None:
                    return []
                return self.project.events.events(self.project.jobs.lineage(previous), kind=kind)

            ctx = ModuleContext(
                run_id=run.id, module=run.module, media=media, config=job.config,
                cursor=run.cursor, total_s=run.total_s,
                audio_path=decoded_audio_path(media.sha256), previous_events=previous_events,
                report_device=self._set_device,
                warn=lambda message: self.send(Msg.WARNING, message=message),
                job_events=lambda module, kind: self._job_events(job.id, module, kind),
                read_blob=self.project.blobs.get,
            )
            module = self._module = load_module(run.module)
            module.prepare(ctx)
            if self._fault is not None and self._fault.simulates_gpu:
                if ctx.device() == "cpu":
                    self._fault = None
                else:
                    self._device = "cuda (simulated by AIMA_FAULT)"
            self.send(Msg.HELLO, pid=os.getpid(), protocol=PROTOCOL_VERSION, device=self._device)
            while not self.start_allowed.wait(POLL_S):
                if self.stop_requested.is_set():
                    raise _Stopped
            self._inject_fault()
            for unit in module.process(ctx):
                self._commit(run.module, unit)
                self._inject_fault()
        except _Stopped:
            pass
        except BaseException as exc:  # every failure is reported, classified, to the orchestrator
            log.exception("module run %s failed", self.run_id)
            self.error = classify(exc, module.name if module else None)
        finally:
            if module is not None:
                module.close()
            self.done.set()

    def _job_events(self, job_id: int, module: str, kind: str) -> list:
        for run in self.project.jobs.runs(job_id):
            if run.module == module:
                return self.project.events.events(self.project.jobs.lineage(run.id), kind=kind)
        return []

    def _set_device(self, device: str) -> None:
        self._device = device

    def _commit(self, module: str, unit: Unit) -> None:
        with self._commit_lock:
            if self.stop_requested.is_set():
                raise _Stopped
            # Blob files first: a crash before the commit leaves an unreferenced file at most.
            for digest, data in unit.blobs.items():
                if self.project.blobs.put(data) != digest:
                    raise ValueError(f"blob {digest} does not match its content")
            self._seq = self.project.events.commit_unit(
                self.run_id, module, unit.events, unit.cursor, unit.processed_s, unit.stats,
                [(digest, len(data)) for digest, data in unit.blobs.items()])
            self._processed_s = unit.processed_s
            self._last_stats = unit.stats or self._last_stats
            self._committed_units += 1
        self.send(Msg.COMMITTED, sequence=self._seq, processed_s=unit.processed_s)

    def _inject_fault(self) -> None:
        fault = self._fault
        if fault is None or self._committed_units < fault.after_units:
            return
        if fault.kind == "error":
            fault.raise_error()
        elif fault.kind == "crash":
            fault.crash()
        elif fault.kind in ("hang", "ignore_abort"):
            self._hung = fault.kind == "hang"
            self._ignore_abort = True
            while True:  # stuck, as in a call that never returns
                time.sleep(3600)

    # -- main thread -----------------------------------------------------------------------
    def run(self) -> int:
        signal.signal(signal.SIGTERM, self._on_sigterm)
        threading.Thread(target=self._read_commands, name="stdin", daemon=True).start()
        threading.Thread(target=self._compute, name="compute", daemon=True).start()
        next_beat = time.monotonic() + HEARTBEAT_S
        while True:
            if self._sigterm:
                self._request_stop("SIGTERM")
            if self.stop_requested.is_set() and not self._ignore_abort:
                return self._exit_aborted()
            if self.done.is_set():
                return self._exit_done()
            if time.monotonic() >= next_beat and not self._hung:
                self.send(Msg.PROGRESS, processed_s=self._processed_s, total_s=self._total_s)
                next_beat = time.monotonic() + HEARTBEAT_S
            self.stop_requested.wait(POLL_S)

    def _on_sigterm(self, _signum, _frame) -> None:
        self._sigterm = True  # only a flag: the handler must not take locks

    def _exit_aborted(self) -> int:
        # Waiting for the commit lock lets a transaction in flight finish (milliseconds); no
        # new unit starts afterwards, so what the orchestrator is told is what is on disk.
        if self._commit_lock.acquire(timeout=COMMIT_WAIT_S):
            self._record_live_stats()
        self.send(Msg.ABORTED, sequence=self._seq, processed_s=self._processed_s,
                  reason=self.stop_reason)
        os._exit(0)

    def _record_live_stats(self) -> None:
        """Counters of the work in flight (e.g. decoding windows begun), so rework is measurable."""
        live = self._module.live_stats() if self._module is not None else None
        if live:
            try:
                self.project.events.update_stats(self.run_id, {**self._last_stats, **live})
            except Exception:  # the stop must not fail because of a statistic
                log.exception("could not record the run's statistics")

    def _exit_done(self) -> int:
        if self.error is not None:
            self.send(Msg.ERROR, **self.error.to_dict())
            os._exit(1)
        if self.stop_requested.is_set():
            return self._exit_aborted()
        self.send(Msg.FINISHED, processed_s=self._processed_s)
        os._exit(0)


def main(argv: list[str] | None = None) -> int:
    # Ctrl-C in a terminal reaches the whole process group; the orchestrator decides.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    parser = argparse.ArgumentParser(prog="python -m aima_desktop.worker")
    parser.add_argument("--project", required=True)
    parser.add_argument("--run", type=int, required=True)
    parser.add_argument("--wait-for-start", action="store_true",
                        help="prepare, then wait for the start command before processing")
    args = parser.parse_args(argv)
    return Worker(args.project, args.run, args.wait_for_start).run()
