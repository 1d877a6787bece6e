"""Generate the test conversations with known speaker turns, ``tests/data/conversations/``.

Run once by a developer (needs Debian's ``espeak-ng``); the audio (Ogg Opus) and the reference
turns (RTTM, readable by pyannote.metrics) are committed, so tests need no espeak-ng.

    python scripts/make_conversations.py
"""

from __future__ import annotations

import random
from pathlib import Path

import av
import numpy as np

from make_sample import SAMPLE_RATE, speak

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "conversations"

LINES = [
    "Could you tell us how the project started?",
    "It began with a small group of neighbours who met every Tuesday evening.",
    "How did the city council react at first?",
    "They were sceptical, but the first results convinced them quickly.",
    "What role did the local school play?",
    "The teachers brought their classes every week and the children loved it.",
    "Were there any serious setbacks along the way?",
    "Yes, a storm destroyed the first greenhouse in the second winter.",
    "And how did you recover from that?",
    "A local carpenter offered to rebuild it for free, and everybody helped.",
    "What would you recommend to other towns?",
    "Start small, keep talking to people, and write everything down.",
    "Thank you, that was very helpful for our listeners.",
    "It was a pleasure to be here today.",
]

# name, voices, pause range (s), overlap probability, overlap (s)
CONVERSATIONS = [
    ("two_speakers", ["en-us+f4", "en+m3"], (0.4, 1.2), 0.0, 0.0),
    ("three_speakers", ["en-us+f4", "en+m3", "en-gb+m7"], (0.3, 1.5), 0.0, 0.0),
    ("overlapping", ["en+m3", "en-us+f2"], (0.2, 0.8), 0.4, 0.6),
]


def build(voices: list[str], pauses: tuple[float, float], overlap_p: float, overlap_s: float,
          rng: random.Random) -> tuple[np.ndarray, list[tuple[float, float, str]]]:
    """Mix the lines turn by turn; return int16 audio and (start, end, speaker) turns."""
    turns, clips = [], []
    cursor = 0.8
    for index, text in enumerate(LINES):
        speaker = index % len(voices) if len(voices) == 2 else rng.randrange(len(voices))
        if turns and turns[-1][2] == f"spk{speaker}":
            speaker = (speaker + 1) % len(voices)
        clip = speak(voices[speaker], text).astype(np.float32)
        start = cursor
        if turns and rng.random() < overlap_p:
            start = max(turns[-1][0] + 0.5, cursor - overlap_s)
        end = start + len(clip) / SAMPLE_RATE
        turns.append((start, end, f"spk{speaker}"))
        clips.append((start, clip))
        cursor = end + rng.uniform(*pauses)
    total = np.zeros(int((cursor + 0.5) * SAMPLE_RATE), dtype=np.float32)
    for start, clip in clips:
        offset = int(start * SAMPLE_RATE)
        total[offset:offset + len(clip)] += clip
    return np.clip(total, -32768, 32767).astype(np.int16), turns


def write_ogg(path: Path, samples: np.ndarray) -> None:
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libopus", rate=SAMPLE_RATE)
        stream.layout = "mono"
        stream.bit_rate = 32_000
        for offset in range(0, len(samples), 960):
            frame = av.AudioFrame.from_ndarray(samples[offset:offset + 960].reshape(1, -1),
                                               format="s16", layout="mono")
            frame.sample_rate = SAMPLE_RATE
            frame.pts = offset
            container.mux(stream.encode(frame))
        container.mux(stream.encode())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for seed, (name, voices, pauses, overlap_p, overlap_s) in enumerate(CONVERSATIONS, start=1):
        samples, turns = build(voices, pauses, overlap_p, overlap_s, random.Random(seed))
        write_ogg(OUT / f"{name}.ogg", samples)
        rttm = "".join(f"SPEAKER {name} 1 {start:.3f} {end - start:.3f} <NA> <NA> {speaker} "
                       "<NA> <NA>\n" for start, end, speaker in turns)
        (OUT / f"{name}.rttm").write_text(rttm)
        print(f"{name}: {len(samples) / SAMPLE_RATE:.1f} s, {len(turns)} turns, "
              f"{len(set(t[2] for t in turns))} speakers")


if __name__ == "__main__":
    main()
