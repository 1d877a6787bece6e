"""``fusion``: the speaker-attributed transcript (a speaker for every word and segment).

It reads the job's committed transcript and speaker turns, so it is cheap: after an abort it
is simply computed again from the cursor on.
"""

from __future__ import annotations

from collections.abc import Iterator

from aima_desktop.domain.speaker_attribution import attribute
from aima_desktop.modules.base import AnalysisModule, ModuleContext, Unit

BATCH = 200
DIARIZATION_MODULES = ("diarization", "diarization_embedded")


class FusionModule(AnalysisModule):
    name = "fusion"

    def process(self, ctx: ModuleContext) -> Iterator[Unit]:
        segments = ctx.job_events("transcript", "segment")
        turns = next((t for t in (ctx.job_events(m, "turn") for m in DIARIZATION_MODULES) if t), [])
        start = int((ctx.cursor or {}).get("index", 0))
        stats = {"segments": len(segments), "turns": len(turns)}
        for first in range(start, len(segments), BATCH):
            batch = segments[first:first + BATCH]
            processed = batch[-1].end if first + BATCH < len(segments) else ctx.total_s
            yield Unit(attribute(batch, turns), {"index": first + len(batch)},
                       min(processed, ctx.total_s), stats)
        if start >= len(segments):
            yield Unit([], {"index": len(segments)}, ctx.total_s, stats)
