"""Fault injection for tests, from ``AIMA_FAULT``; inert unless that variable is set.

``AIMA_FAULT="MODULE:KIND[:after=N]"`` (several separated by ``;``) makes the worker of MODULE
misbehave once N units are committed (default 0):

- ``error=CATEGORY``: raise the error a real failure of that category raises
  (``resource_exhaustion`` raises ``MemoryError``, ``internal_error`` a ``RuntimeError``, ...);
- ``error=gpu_oom``: the module reports a (simulated) CUDA device and raises a real
  ``torch.cuda.OutOfMemoryError``; inert when the job runs the module on the CPU, so the
  automatic retry on the CPU completes;
- ``crash``: the process dies at once, as on a segmentation fault;
- ``hang``: the process stops answering (no heartbeat, abort requests ignored);
- ``ignore_abort``: the work gets stuck and abort requests are ignored; the heartbeat goes on.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass

from aima_desktop.domain.errors import BadInputError, MissingModelError

ENV_VAR = "AIMA_FAULT"


@dataclass(frozen=True)
class Fault:
    kind: str
    argument: str
    after_units: int

    @property
    def simulates_gpu(self) -> bool:
        return self.kind == "error" and self.argument == "gpu_oom"

    def raise_error(self) -> None:
        if self.argument == "gpu_oom":
            import torch

            raise torch.cuda.OutOfMemoryError(
                "CUDA out of memory. Tried to allocate 2.00 GiB (injected fault)")
        errors = {
            "resource_exhaustion": MemoryError("injected fault: out of memory"),
            "bad_input": BadInputError("injected fault: unreadable media"),
            "missing_model": MissingModelError("injected fault: model missing"),
            "internal_error": RuntimeError("injected fault: internal error"),
        }
        raise errors[self.argument]

    @staticmethod
    def crash() -> None:
        if hasattr(signal, "SIGKILL"):
            os.kill(os.getpid(), signal.SIGKILL)
        os._exit(139)


def fault_for(module: str, environ: dict | None = None) -> Fault | None:
    spec = (environ if environ is not None else os.environ).get(ENV_VAR, "")
    for entry in filter(None, (part.strip() for part in spec.split(";"))):
        fields = entry.split(":")
        if len(fields) < 2 or fields[0] != module:
            continue
        kind, _, argument = fields[1].partition("=")
        after = 0
        for option in fields[2:]:
            key, _, value = option.partition("=")
            if key == "after":
                after = int(value)
        return Fault(kind, argument, after)
    return None
