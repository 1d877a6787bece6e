"""The worker process: runs one module run and speaks the line protocol (see protocol.py)."""
