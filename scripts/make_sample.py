"""Generate the shipped sample clip ``resources/samples/interview.mp4``.

Run once by a developer (needs Debian's ``espeak-ng``); the result is committed so that
neither users nor tests need espeak-ng. Two synthetic voices hold a short interview; the
picture changes shot at every speaker turn so that later visual modules have cuts to find.

    python scripts/make_sample.py [--output resources/samples/interview.mp4]
"""

from __future__ import annotations

import argparse
import io
import subprocess
import wave
from pathlib import Path

import av
import numpy as np

SAMPLE_RATE = 16_000
FPS = 10
SIZE = (320, 180)

# (voice, text). Two speakers, alternating, with a pause between turns.
SCRIPT = [
    ("en-us+f4", "Thank you for taking the time to talk with us today about the community garden."),
    ("en+m3", "It is a pleasure. We started the garden four years ago on an empty parking lot "
              "behind the old railway station."),
    ("en-us+f4", "How many families take part in the project at the moment?"),
    ("en+m3", "Around sixty families have a small plot each, and the school uses two larger beds "
              "for its science classes in the spring."),
    ("en-us+f4", "What was the hardest part of getting started?"),
    ("en+m3", "Water, without a doubt. The city agreed to connect a pipe only after we collected "
              "more than eight hundred signatures from the neighbourhood."),
    ("en-us+f4", "And what are your plans for next year?"),
    ("en+m3", "We want to build a greenhouse, so that the older members can keep working during "
              "the winter months, and we hope to open a small market on Saturday mornings."),
    ("en-us+f4", "That sounds wonderful. Thank you very much for the conversation."),
]
PAUSE_S = 0.8
SHOT_COLOURS = [(40, 70, 120), (150, 90, 40), (60, 120, 60), (120, 40, 90)]


def speak(voice: str, text: str) -> np.ndarray:
    """Synthesise one utterance with espeak-ng and return 16 kHz mono int16 samples."""
    wav_bytes = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", "150", "--stdout", text],
        check=True, capture_output=True,
    ).stdout
    with wave.open(io.BytesIO(wav_bytes)) as wav:
        rate = wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
    if rate != SAMPLE_RATE:
        positions = np.arange(0, len(samples), rate / SAMPLE_RATE)
        samples = np.interp(positions, np.arange(len(samples)), samples).astype(np.int16)
    return samples


def build_audio() -> tuple[np.ndarray, list[float]]:
    """Concatenate all turns with pauses; return the samples and the start time of each turn."""
    pause = np.zeros(int(PAUSE_S * SAMPLE_RATE), dtype=np.int16)
    pieces, starts, position = [pause], [], len(pause)
    for voice, text in SCRIPT:
        utterance = speak(voice, text)
        starts.append(position / SAMPLE_RATE)
        pieces += [utterance, pause]
        position += len(utterance) + len(pause)
    return np.concatenate(pieces), starts


def frame_for(t: float, turn_starts: list[float]) -> np.ndarray:
    """A flat-coloured frame per shot with a bar that moves, so consecutive frames differ."""
    shot = max(0, sum(1 for start in turn_starts if start <= t) - 1)
    image = np.empty((SIZE[1], SIZE[0], 3), dtype=np.uint8)
    image[:] = SHOT_COLOURS[shot % len(SHOT_COLOURS)]
    x = int((t * 20) % (SIZE[0] - 20))
    image[70:110, x:x + 20] = 230
    return image


def write_clip(path: Path, samples: np.ndarray, turn_starts: list[float]) -> None:
    duration = len(samples) / SAMPLE_RATE
    with av.open(str(path), "w") as container:
        video = container.add_stream("libx264", rate=FPS)
        video.width, video.height = SIZE
        video.pix_fmt = "yuv420p"
        video.options = {"crf": "30", "preset": "veryslow"}
        audio = container.add_stream("aac", rate=SAMPLE_RATE)
        audio.layout = "mono"
        audio.bit_rate = 48_000
        for index in range(int(duration * FPS)):
            frame = av.VideoFrame.from_ndarray(frame_for(index / FPS, turn_starts), format="rgb24")
            container.mux(video.encode(frame))
        container.mux(video.encode())
        block = 1024
        for offset in range(0, len(samples), block):
            chunk = samples[offset:offset + block].reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(chunk, format="s16", layout="mono")
            frame.sample_rate = SAMPLE_RATE
            frame.pts = offset
            container.mux(audio.encode(frame))
        container.mux(audio.encode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("resources/samples/interview.mp4"))
    args = parser.parse_args()
    samples, turn_starts = build_audio()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    write_clip(args.output, samples, turn_starts)
    reference = args.output.with_suffix(".txt")
    reference.write_text("\n".join(text for _voice, text in SCRIPT) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(samples) / SAMPLE_RATE:.1f} s, {args.output.stat().st_size} bytes")


if __name__ == "__main__":
    main()
