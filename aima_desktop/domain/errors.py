"""Error categories of the seed's system-initiated abort, and how exceptions map onto them."""

from __future__ import annotations

import errno
from dataclasses import asdict, dataclass
from enum import StrEnum


class ErrorCategory(StrEnum):
    RESOURCE_EXHAUSTION = "resource_exhaustion"  # GPU or host out of memory, disk full
    TIMEOUT = "timeout"  # a worker stopped answering (watchdog)
    BAD_INPUT = "bad_input"  # the media file cannot be analysed
    MISSING_MODEL = "missing_model"  # no usable model installed or configured
    CONFIGURATION = "configuration"  # e.g. CUDA asked for where there is none
    INTERNAL_ERROR = "internal_error"  # a bug or a crash


RECOVERABLE_CATEGORIES = frozenset({ErrorCategory.RESOURCE_EXHAUSTION, ErrorCategory.TIMEOUT})


@dataclass(frozen=True)
class ErrorInfo:
    """A classified error as it is reported by a worker and stored with the job."""

    category: ErrorCategory
    message: str
    recoverable: bool
    detail: str = ""
    module: str | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["category"] = str(self.category)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> ErrorInfo:
        return cls(
            category=ErrorCategory(data.get("category", ErrorCategory.INTERNAL_ERROR)),
            message=str(data.get("message", "")),
            recoverable=bool(data.get("recoverable", False)),
            detail=str(data.get("detail", "")),
            module=data.get("module"),
        )


class AnalysisError(Exception):
    """An error whose category is known where it is raised."""

    category = ErrorCategory.INTERNAL_ERROR

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.message = message
        self.detail = detail


class BadInputError(AnalysisError):
    category = ErrorCategory.BAD_INPUT


class MissingModelError(AnalysisError):
    category = ErrorCategory.MISSING_MODEL


class ConfigurationError(AnalysisError):
    category = ErrorCategory.CONFIGURATION


class ResourceExhaustedError(AnalysisError):
    category = ErrorCategory.RESOURCE_EXHAUSTION


def _looks_like_out_of_memory(exc: BaseException) -> bool:
    # torch.cuda.OutOfMemoryError, and CTranslate2's RuntimeError for CUDA, name it only in text.
    if type(exc).__name__ == "OutOfMemoryError":
        return True
    return isinstance(exc, RuntimeError) and "out of memory" in str(exc).lower()


def classify(exc: BaseException, module: str | None = None) -> ErrorInfo:
    """Turn any exception raised while a module runs into a classified :class:`ErrorInfo`."""
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, AnalysisError):
        category, message = exc.category, exc.message
        detail = exc.detail or detail
    elif isinstance(exc, MemoryError) or _looks_like_out_of_memory(exc):
        category, message = ErrorCategory.RESOURCE_EXHAUSTION, "out of memory"
    elif isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        category, message = ErrorCategory.RESOURCE_EXHAUSTION, "the disk is full"
    else:
        category, message = ErrorCategory.INTERNAL_ERROR, f"internal error ({detail})"
    return ErrorInfo(
        category=category,
        message=message,
        recoverable=category in RECOVERABLE_CATEGORIES,
        detail=detail,
        module=module,
    )


def recovery_plan(error: ErrorInfo, device: str | None, batched: bool = False,
                  prefer: str = "cpu") -> dict:
    """What a resume should change after a recoverable error (the seed's recovery plan).

    ``prefer`` is the user's choice for memory running out on a GPU: ``cpu`` (carry on on the
    CPU) or ``smaller_batch`` (stay on the GPU with half the batch, for batched modules).
    """
    module = error.module
    if error.category == ErrorCategory.RESOURCE_EXHAUSTION and error.message != "the disk is full":
        on_gpu = bool(device) and device.startswith("cuda")
        if batched and (not on_gpu or prefer == "smaller_batch"):
            return {"action": "retry_with_smaller_batch", "module": module,
                    "description": "retry the module with half the batch size from its last "
                                   "checkpoint"}
        if on_gpu:
            return {"action": "retry_on_cpu", "module": module,
                    "description": "retry the module on the CPU from its last checkpoint"}
    if error.category == ErrorCategory.RESOURCE_EXHAUSTION:
        return {"action": "retry_after_freeing_resources", "module": module,
                "description": "free memory or disk space, then resume from the last checkpoint"}
    return {"action": "retry", "module": module,
            "description": "resume the module from its last checkpoint"}


AUTOMATIC_RECOVERIES = ("retry_on_cpu", "retry_with_smaller_batch")
