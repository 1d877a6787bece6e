"""The project store (SQLite + content-addressed blobs) and the application-wide files."""
