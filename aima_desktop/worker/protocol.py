"""The worker line protocol: JSON objects, one per line (DESIGN.md, "Worker line protocol").

Shared by the worker (writes stdout, reads stdin) and the orchestrator (the reverse); it
imports nothing heavy so that the GUI process may use it.
"""

from __future__ import annotations

import json
from enum import StrEnum

PROTOCOL_VERSION = 1


class Msg(StrEnum):
    """Types of the lines a worker writes on stdout."""

    HELLO = "hello"  # pid, protocol, device
    PROGRESS = "progress"  # processed_s, total_s; also the heartbeat
    COMMITTED = "committed"  # sequence, processed_s: a unit is on disk
    WARNING = "warning"  # message
    ERROR = "error"  # category, recoverable, message, detail
    FINISHED = "finished"  # processed_s
    ABORTED = "aborted"  # sequence, processed_s: stopped on request, all committed work safe


ABORT_COMMAND = {"cmd": "abort"}
# For a worker started with --wait-for-start: its dependencies are done, go on.
START_COMMAND = {"cmd": "start"}


def encode(message: dict) -> bytes:
    return (json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class ProtocolError(ValueError):
    """A line that is not a protocol message."""


def decode(line: bytes | str) -> dict:
    if isinstance(line, bytes):
        line = line.decode("utf-8", errors="replace")
    try:
        message = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ProtocolError(f"not JSON: {line[:200]!r}") from exc
    if not isinstance(message, dict) or ("type" not in message and "cmd" not in message):
        raise ProtocolError(f"not a protocol message: {line[:200]!r}")
    return message
