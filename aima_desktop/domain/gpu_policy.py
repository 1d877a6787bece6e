"""When a GPU-heavy module may start on a GPU that others are using."""

from __future__ import annotations

from dataclasses import dataclass

HEADROOM = 1.5  # ask for this much more than a module is known to need


@dataclass(frozen=True)
class GpuState:
    index: int
    free_mb: int
    total_mb: int


def choose_gpu(need_mb: int, gpus: list[GpuState], busy: dict[int, int]) -> int | None:
    """The GPU a module needing ``need_mb`` may start on now, or None to wait.

    ``busy`` counts GPU-heavy workers already running per GPU index. An idle GPU is always
    fine; a busy one only when its free memory covers the need with headroom.
    """
    idle = [g for g in gpus if busy.get(g.index, 0) == 0]
    if idle:
        return max(idle, key=lambda g: g.free_mb).index
    roomy = [g for g in gpus if g.free_mb >= need_mb * HEADROOM]
    return max(roomy, key=lambda g: g.free_mb).index if roomy else None
