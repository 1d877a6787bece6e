"""The machine's NVIDIA GPUs and their free memory, read with ``nvidia-smi``.

The GUI process must not import torch or CTranslate2, so it asks the driver's tool instead;
no ``nvidia-smi`` means no usable NVIDIA GPU.
"""

from __future__ import annotations

import shutil
import subprocess
import time

from aima_desktop.domain.gpu_policy import GpuState

_CACHE_S = 3.0
_cache: tuple[float, list[GpuState]] | None = None


def gpus() -> list[GpuState]:
    global _cache
    if _cache is not None and time.monotonic() - _cache[0] < _CACHE_S:
        return _cache[1]
    found: list[GpuState] = []
    tool = shutil.which("nvidia-smi")
    if tool:
        try:
            output = subprocess.run(
                [tool, "--query-gpu=index,memory.free,memory.total", "--format=csv,noheader,nounits"],
                capture_output=True, text=True, timeout=5, check=True).stdout
            for line in output.strip().splitlines():
                index, free, total = (int(float(x)) for x in line.split(","))
                found.append(GpuState(index, free, total))
        except (OSError, subprocess.SubprocessError, ValueError):
            found = []
    _cache = (time.monotonic(), found)
    return found
