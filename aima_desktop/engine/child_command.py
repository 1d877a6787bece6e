"""How the GUI process starts its children (workers, the media probe).

From a source or pip install: ``python -m MODULE``. From a frozen bundle (PyInstaller), the
bundle's own executable with ``MODULE`` as its first argument; ``packaging/aima_entry.py``
runs that module.
"""

from __future__ import annotations

import sys

CHILD_MODULES = ("aima_desktop.worker", "aima_desktop.worker.probe")


def child_command(module: str) -> list[str]:
    if module not in CHILD_MODULES:
        raise ValueError(f"{module} is not a child process entry point")
    if getattr(sys, "frozen", False):
        return [sys.executable, module]
    return [sys.executable, "-m", module]
