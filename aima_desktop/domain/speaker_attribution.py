"""Which speaker said each word and segment: the transcript fused with the speaker turns."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence

from aima_desktop.domain.records import Event

UNKNOWN = "UNKNOWN"
NEAREST_WITHIN_S = 0.5


class TurnIndex:
    """Speaker turns sorted by start, for overlap look-ups."""

    def __init__(self, turns: Sequence[Event]):
        self.turns = sorted(turns, key=lambda t: t.start)
        self.starts = [t.start for t in self.turns]
        self.longest = max((t.end - t.start for t in self.turns), default=0.0)

    def speaker_at(self, start: float, end: float) -> str:
        """The speaker who overlaps ``[start, end]`` most; the nearest close one otherwise."""
        overlap: dict[str, float] = defaultdict(float)
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_right(self.starts, end)
        for turn in self.turns[first:last]:
            shared = min(end, turn.end) - max(start, turn.start)
            if shared > 0:
                overlap[turn.label] += shared
        if overlap:
            return max(overlap, key=overlap.get)
        middle = (start + end) / 2
        candidates = self.turns[max(0, first - 1):last + 1]
        distance, speaker = min(((max(t.start - middle, middle - t.end, 0.0), t.label)
                                 for t in candidates), default=(None, UNKNOWN))
        return speaker if distance is not None and distance <= NEAREST_WITHIN_S else UNKNOWN


def attribute(segments: Sequence[Event], turns: Sequence[Event]) -> list[Event]:
    """One ``utterance`` per transcript segment, with a speaker for it and for each word."""
    index = TurnIndex(turns)
    utterances = []
    for segment in segments:
        words = [{**w, "speaker": index.speaker_at(w["start"], w["end"])}
                 for w in segment.payload.get("words", [])]
        if words:
            weight: dict[str, float] = defaultdict(float)
            for word in words:
                weight[word["speaker"]] += max(0.01, word["end"] - word["start"])
            speaker = max(weight, key=weight.get)
        else:
            speaker = index.speaker_at(segment.start, segment.end)
        utterances.append(Event("utterance", segment.start, segment.end,
                                f"{speaker}: {segment.label}",
                                {"speaker": speaker, "text": segment.label, "words": words}))
    return utterances
