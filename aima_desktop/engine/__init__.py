"""The orchestrator: one QProcess per module run, abort and recovery (QtCore only)."""
