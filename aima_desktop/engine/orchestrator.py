"""The orchestrator: runs a job's module runs as worker processes, and stops them well.

It is QtCore only and works the same under the GUI's event loop and a headless
``QCoreApplication``. It owns job and run *status*; the workers own their results and cursors.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from aima_desktop.domain.catalog import spec, stands_in_for
from aima_desktop.domain.gpu_policy import choose_gpu
from aima_desktop.domain.partial_abort import assess_failure
from aima_desktop.domain.errors import AUTOMATIC_RECOVERIES, ErrorInfo
from aima_desktop.domain.progress import EtaEstimator, completed_percentage
from aima_desktop.domain.states import LEFT_OUT_RUN_STATUSES, JobStatus, RunStatus
from aima_desktop.engine.finalize import record_completion, record_stop, write_error_report
from aima_desktop.engine.gpu import gpus
from aima_desktop.engine.launch import resume_job
from aima_desktop.engine.partial_abort import carry_on_without
from aima_desktop.engine.worker_process import WorkerProcess
from aima_desktop.store.cache import trim_cache
from aima_desktop.store.database import now_iso
from aima_desktop.store.locks import ProcessLock
from aima_desktop.store.project import Project
from aima_desktop.worker.protocol import Msg

log = logging.getLogger("aima.engine")

DEFAULT_GRACE_S = 30.0
DEFAULT_HEARTBEAT_TIMEOUT_S = 60.0
GPU_RETRY_MS = 2000
MAX_AUTOMATIC_RECOVERIES = 2


@dataclass
class _Stop:
    """An abort in progress: why, since when, and how each worker ended."""

    abort_type: str  # "user" or "system"
    reason: str
    timestamp: str
    error: ErrorInfo | None
    outcomes: dict[int, RunStatus] = field(default_factory=dict)


@dataclass(frozen=True)
class RunSnapshot:
    """A module run's live state for progress displays."""

    run_id: int
    module: str
    status: str
    processed_s: float
    total_s: float
    eta_s: float | None
    device: str | None


class Orchestrator(QObject):
    """Runs one job at a time: dependencies, progress and time left, watchdog, abort, recovery.

    Abort (user-initiated, the seed's handler): the reason and time are recorded, every worker
    gets the stop command, the grace period runs, what is left is killed, then the partial
    result, its metadata and a notification are committed together and the job is ``aborted``.
    A worker that fails or dies stops the job the same way, system-initiated, ending in
    ``paused_for_recovery`` (recoverable) or ``failed`` (with an error report file).
    """

    job_started = Signal(int)  # job_id
    progress = Signal(int, str, float, float)  # run_id, module, processed_s, total_s
    run_state = Signal(int, str, str)  # run_id, module, state
    stopping = Signal(int, str, float)  # job_id, "user" or "system", grace period in seconds
    reduced = Signal(int, str, str)  # job_id, failed module, alternative ("" when dropped)
    recovering = Signal(int, int)  # paused job, the job that resumes it automatically
    job_finished = Signal(int, str)  # job_id, final status

    def __init__(self, project: Project, *, grace_s: float = DEFAULT_GRACE_S,
                 heartbeat_timeout_s: float = DEFAULT_HEARTBEAT_TIMEOUT_S,
                 lang: str | None = None, auto_recovery: str = "cpu",
                 cache_limit_mb: int | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.grace_s = grace_s
        self.heartbeat_timeout_s = heartbeat_timeout_s
        self.lang = lang
        # After running out of memory: "cpu" or "smaller_batch" resume at once, "ask" waits.
        self.auto_recovery = auto_recovery
        self.cache_limit_mb = cache_limit_mb
        self._recoveries = 0
        self.job_id: int | None = None
        self._lock: ProcessLock | None = None
        self._workers: dict[int, WorkerProcess] = {}
        self._eta: dict[int, EtaEstimator] = {}
        self._live: dict[int, float] = {}
        self._stop: _Stop | None = None
        self._failed_worker_log = ""
        self._grace_timer = QTimer(self)
        self._grace_timer.setSingleShot(True)
        self._grace_timer.timeout.connect(self.stop_now)

    # -- public --------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.job_id is not None

    @property
    def aborting(self) -> bool:
        return self._stop is not None

    def running_workers(self) -> list[tuple[int, str]]:
        """``(run_id, module)`` of every worker process that is still there."""
        return [(run_id, w.module) for run_id, w in self._workers.items()]

    def start(self, job_id: int) -> None:
        """Run a job in status ``created`` until it completes or stops."""
        if self.active:
            raise RuntimeError(f"job {self.job_id} is still running")
        lock = ProcessLock.for_job(self.project.locks_dir, job_id)
        lock.acquire()
        self._lock, self.job_id, self._stop = lock, job_id, None
        self.project.jobs.set_job_status(job_id, JobStatus.RUNNING, started_at=now_iso())
        self.job_started.emit(job_id)
        self._schedule()

    def abort(self, reason: str = "user_request", grace_s: float | None = None) -> None:
        """The user-initiated abort. Without workers it completes before returning."""
        if not self.active or self._stop is not None:
            return
        self._begin_stop("user", reason, None, self.grace_s if grace_s is None else grace_s)

    def stop_now(self) -> None:
        """Kill every worker that is still running (end of the grace period, or "Stop now")."""
        for worker in list(self._workers.values()):
            worker.kill()

    def snapshot(self) -> tuple[int, float | None, list[RunSnapshot]]:
        """``(completed percentage, seconds left for the job, per-run state)``."""
        if self.job_id is None:
            return 0, None, []
        runs = self.project.jobs.runs(self.job_id)
        items, left = [], 0.0
        for run in runs:
            processed = max(run.processed_s, self._live.get(run.id, 0.0))
            eta = self._eta[run.id].seconds_left() if run.id in self._eta else None
            if not run.finished:
                remaining = max(0.0, run.total_s - processed)
                left += eta if eta is not None else remaining * spec(run.module).expected_cpu_rtf
            items.append(RunSnapshot(run.id, run.module, str(run.status), processed, run.total_s,
                                     eta, run.device))
        return completed_percentage(runs), left, items

    # -- scheduling ----------------------------------------------------------------------
    def _schedule(self) -> None:
        if self._stop is not None or self.job_id is None:
            return
        runs = [r for r in self.project.jobs.runs(self.job_id)
                if r.status not in LEFT_OUT_RUN_STATUSES]
        if all(run.finished for run in runs):
            self._complete()
            return
        # Roles: an alternative module stands in for the module it replaces.
        finished = {stands_in_for(run.module) for run in runs if run.finished}
        running = {stands_in_for(w.module) for w in self._workers.values()}
        waiting_for_gpu = False
        for run in runs:
            needs = spec(run.module).depends_on
            worker = self._workers.get(run.id)
            if worker is not None and worker.waiting and all(dep in finished for dep in needs):
                worker.allow_start()
                # Started means: began its work (it loaded its model while waiting).
                self.project.jobs.update_run(run.id, started_at=now_iso())
            elif run.status == RunStatus.PENDING and worker is None and all(
                    dep in finished or dep in running for dep in needs):
                gpu = self._gpu_for(run)
                if gpu is False:
                    waiting_for_gpu = True
                    continue
                # A module whose inputs are still being produced starts anyway and loads its
                # model meanwhile; it waits for the start command before it reads them.
                self._start_worker(run, wait=not all(dep in finished for dep in needs), gpu=gpu)
                running.add(stands_in_for(run.module))
        if waiting_for_gpu:
            QTimer.singleShot(GPU_RETRY_MS, self._schedule)

    def _gpu_for(self, run) -> int | None | bool:
        """The GPU index to pin the worker to, None for no pinning, False to wait for one."""
        module = spec(run.module)
        job = self.project.jobs.job(self.job_id)
        device = job.config.get("devices", {}).get(run.module) or job.config.get("device", "auto")
        if not module.uses_gpu or device == "cpu":
            return None
        available = gpus()
        if not available:
            return None
        busy: dict[int, int] = {}
        for worker in self._workers.values():
            if worker.gpu is not None:
                busy[worker.gpu] = busy.get(worker.gpu, 0) + 1
        chosen = choose_gpu(module.gpu_memory_mb, available, busy)
        return False if chosen is None else chosen

    def _start_worker(self, run, wait: bool, gpu: int | None = None) -> None:
        self.project.jobs.set_run_status(run.id, RunStatus.RUNNING, started_at=now_iso(),
                                         attempts=run.attempts + 1)
        worker = WorkerProcess(str(self.project.path), run.id, run.module,
                               self.heartbeat_timeout_s, wait_for_start=wait, gpu=gpu, parent=self)
        worker.message.connect(self._on_message)
        worker.exited.connect(self._on_exited)
        self._workers[run.id] = worker
        self._eta[run.id] = EtaEstimator(run.total_s)
        worker.start()
        self.project.jobs.update_run(run.id, pid=worker.pid)
        self.run_state.emit(run.id, run.module, "starting")

    def _on_message(self, run_id: int, message: dict) -> None:
        worker = self._workers.get(run_id)
        if worker is None:
            return
        kind = message.get("type")
        if kind == Msg.HELLO:
            self.project.jobs.update_run(run_id, device=message.get("device"))
            self.run_state.emit(run_id, worker.module, "running")
        elif kind in (Msg.PROGRESS, Msg.COMMITTED):
            processed = float(message.get("processed_s", 0.0))
            self._live[run_id] = processed
            self._eta[run_id].add(time.monotonic(), processed)
            total = self._eta[run_id].total_s
            self.progress.emit(run_id, worker.module, processed, total)
        elif kind == Msg.WARNING:
            log.warning("%s: %s", worker.module, message.get("message"))

    def _on_exited(self, run_id: int, outcome: str) -> None:
        worker = self._workers.pop(run_id)
        worker.deleteLater()
        module = worker.module
        if self.project.jobs.run(run_id).status == RunStatus.SKIPPED:
            self.run_state.emit(run_id, module, "skipped")  # stopped: its input was dropped
        elif outcome == "finished":
            self.project.jobs.set_run_status(run_id, RunStatus.COMPLETED, finished_at=now_iso())
            self.run_state.emit(run_id, module, "completed")
        elif outcome in ("aborted", "killed") and self._stop is not None:
            if worker.waiting:  # loaded its model but never began: not started
                self.project.jobs.set_run_status(run_id, RunStatus.PENDING, started_at=None)
                self._stop.outcomes.pop(run_id, None)
            else:
                self._stop.outcomes[run_id] = RunStatus.ABORTED
            self.run_state.emit(run_id, module, "stopped" if outcome == "aborted" else "killed")
        else:
            error = worker.error or ErrorInfo.from_dict(
                {"category": "internal_error", "module": module,
                 "message": f"the {module} worker stopped without being asked to"})
            self.project.jobs.update_run(run_id, error=error.to_dict())
            self.run_state.emit(run_id, module, "failed")
            self._failed_worker_log = "\n".join(worker.log_tail)
            if self._stop is None:
                job = self.project.jobs.job(self.job_id)
                tried = {r.module for r in self.project.jobs.runs(self.job_id)}
                assessment = assess_failure(module, job.modules, tried)
                if assessment.critical_for_job:
                    self._begin_stop("system", str(error.category), error, self.grace_s,
                                     {run_id: RunStatus.FAILED})
                    return
                skipped = carry_on_without(self.project, self.job_id, run_id, error,
                                           assessment, self.lang)
                for skipped_id in skipped:
                    if skipped_id in self._workers:  # pre-started, waiting for the dropped input
                        self._workers[skipped_id].request_stop()
                self.reduced.emit(self.job_id, module, assessment.alternative or "")
            else:
                self._stop.outcomes[run_id] = RunStatus.FAILED
        if self._stop is None:
            self._schedule()
        elif not self._workers:
            self._finalize()

    # -- stopping ------------------------------------------------------------------------
    def _begin_stop(self, abort_type: str, reason: str, error: ErrorInfo | None,
                    grace_s: float, outcomes: dict[int, RunStatus] | None = None) -> None:
        self._stop = _Stop(abort_type, reason, now_iso(), error, dict(outcomes or {}))
        self.project.jobs.set_job_status(self.job_id, JobStatus.ABORTING, abort_type=abort_type,
                                         abort_reason=reason, abort_timestamp=self._stop.timestamp)
        self.stopping.emit(self.job_id, abort_type, grace_s)
        for worker in list(self._workers.values()):
            worker.request_stop()
            self.run_state.emit(worker.run_id, worker.module, "stopping")
        if self._workers:
            self._grace_timer.start(int(grace_s * 1000))
        else:
            self._finalize()

    def _finalize(self) -> None:
        stop, job_id = self._stop, self.job_id
        self._grace_timer.stop()
        if stop.abort_type == "user":
            status = JobStatus.ABORTED
        elif stop.error is not None and stop.error.recoverable:
            status = JobStatus.PAUSED_FOR_RECOVERY
        else:
            status = JobStatus.FAILED
        outcomes = dict(stop.outcomes)
        for run in self.project.jobs.runs(job_id):
            if run.status == RunStatus.RUNNING and run.id not in outcomes:
                outcomes[run.id] = RunStatus.ABORTED
        record_stop(
            self.project, job_id, status=status, abort_type=stop.abort_type,
            abort_reason=stop.reason, abort_timestamp=stop.timestamp, run_outcomes=outcomes,
            error=stop.error, lang=self.lang,
            recovery_preference="smaller_batch" if self.auto_recovery == "smaller_batch" else "cpu")
        if status == JobStatus.FAILED and stop.error is not None:
            report = write_error_report(self.project, job_id, stop.error,
                                        self._failed_worker_log)
            job = self.project.jobs.job(job_id)
            self.project.jobs.update_job(job_id, metadata={**job.metadata,
                                                           "error_report": str(report)})
        self._release()
        self.job_finished.emit(job_id, str(status))
        if status == JobStatus.PAUSED_FOR_RECOVERY:
            self._recover_automatically(job_id)

    def _recover_automatically(self, job_id: int) -> None:
        """Resume at once with the recovery plan (CPU, smaller batch), as the settings allow."""
        plan = self.project.jobs.job(job_id).metadata.get("recovery_plan", {})
        if (self.auto_recovery == "ask" or plan.get("action") not in AUTOMATIC_RECOVERIES
                or self._recoveries >= MAX_AUTOMATIC_RECOVERIES or self.active):
            return
        self._recoveries += 1
        follow_up = resume_job(self.project, job_id, lang=self.lang)
        self.recovering.emit(job_id, follow_up.id)
        self.start(follow_up.id)

    def _complete(self) -> None:
        job_id = self.job_id
        record_completion(self.project, job_id, self.lang)
        self._release()
        self.job_finished.emit(job_id, str(JobStatus.COMPLETED))

    def _release(self) -> None:
        if self.cache_limit_mb is not None and self.job_id is not None:
            # The job's own audio stays: resuming it or another analysis of it needs it.
            media = self.project.jobs.media(self.project.jobs.job(self.job_id).media_id)
            trim_cache(self.cache_limit_mb * 1024 * 1024, keep=frozenset({media.sha256}))
        if self._lock is not None:
            self._lock.release()
        self._lock, self.job_id, self._stop = None, None, None
        self._failed_worker_log = ""
        self._eta.clear()
        self._live.clear()
