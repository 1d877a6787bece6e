"""Entry point of the frozen bundle: the ``aima`` command, or one of its child processes.

The engine starts children as ``BUNDLE_EXECUTABLE MODULE ARGS`` when frozen
(``aima_desktop/engine/child_command.py``); this runs MODULE as ``python -m MODULE`` would.
"""

import runpy
import sys

from aima_desktop.engine.child_command import CHILD_MODULES

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in CHILD_MODULES:
        module = sys.argv.pop(1)
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    else:
        from aima_desktop.cli import main

        raise SystemExit(main())
