"""Lock files in ``NAME.aima/locks/`` held by the process that runs a job or a module run.

The operating system releases such a lock when its process dies, however it dies (kill -9,
power loss), which is how work left ``running`` is recognised as interrupted.
"""

from __future__ import annotations

from pathlib import Path

import filelock


class LockedElsewhere(RuntimeError):
    """Another live process holds the lock."""


class ProcessLock:
    """Exclusive ownership of one job or run by this process."""

    def __init__(self, locks_dir: Path, name: str):
        self.name = name
        self._lock = filelock.FileLock(str(locks_dir / f"{name}.lock"), timeout=0)

    @classmethod
    def for_job(cls, locks_dir: Path, job_id: int) -> ProcessLock:
        return cls(locks_dir, f"job-{job_id}")

    @classmethod
    def for_run(cls, locks_dir: Path, run_id: int) -> ProcessLock:
        return cls(locks_dir, f"run-{run_id}")

    def try_acquire(self) -> bool:
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout:
            return False
        return True

    def acquire(self) -> None:
        if not self.try_acquire():
            raise LockedElsewhere(f"{self.name} is running in another window or process")

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)
