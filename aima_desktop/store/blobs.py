"""Content-addressed blob store: ``blobs/ab/cdef…`` named by the sha256 of the content."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

_DIGEST = re.compile(r"[0-9a-f]{64}")


class InvalidBlobReference(ValueError):
    """A blob reference that is not a sha256 hex digest, or whose file does not match it."""


class BlobStore:
    """Immutable files addressed by their sha256; references are validated before any use."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, digest: str) -> Path:
        """The file of ``digest``; raises for anything but a lowercase sha256 hex digest."""
        if not isinstance(digest, str) or not _DIGEST.fullmatch(digest):
            raise InvalidBlobReference(f"invalid blob reference {digest!r}")
        path = self.root / digest[:2] / digest[2:]
        # A digest cannot contain separators, but the folder itself may be a link elsewhere.
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise InvalidBlobReference(f"blob {digest} resolves outside the project")
        return path

    def put(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def get(self, digest: str) -> bytes:
        """The content of ``digest``, verified against it."""
        data = self.path(digest).read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            raise InvalidBlobReference(f"blob {digest} does not match its content")
        return data

    def delete(self, digest: str) -> None:
        self.path(digest).unlink(missing_ok=True)

    def __contains__(self, digest: str) -> bool:
        try:
            return self.path(digest).is_file()
        except InvalidBlobReference:
            return False
