"""Test media made at run time with PyAV (no system FFmpeg, no espeak-ng needed)."""

from __future__ import annotations

import wave
from pathlib import Path

import av
import numpy as np

RATE = 16_000


def decode_mono(path: Path) -> np.ndarray:
    """All audio of ``path`` as 16 kHz mono int16."""
    resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
    chunks = []
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
    chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    return np.concatenate(chunks)


def write_wav(path: Path, samples: np.ndarray) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.astype(np.int16).tobytes())
    return path


def write_repeated_speech(source: Path, path: Path, repeats: int) -> Path:
    return write_wav(path, np.tile(decode_mono(source), repeats))


def write_video_without_audio(path: Path, seconds: float = 3.0, fps: int = 10) -> Path:
    with av.open(str(path), "w") as container:
        stream = container.add_stream("mpeg4", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        for index in range(int(seconds * fps)):
            image = np.full((120, 160, 3), (index * 7) % 255, dtype=np.uint8)
            container.mux(stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")))
        container.mux(stream.encode())
    return path


def write_truncated_copy(source: Path, path: Path, keep: float = 0.5) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def write_faststart_copy(source: Path, path: Path) -> Path:
    """The same streams with the index (``moov``) first, as web-ready MP4s have it."""
    with av.open(str(source)) as src, av.open(str(path), "w", options={"movflags": "faststart"}) as dst:
        mapping = {s.index: dst.add_stream_from_template(s) for s in src.streams}
        for packet in src.demux():
            if packet.dts is None:
                continue
            packet.stream = mapping[packet.stream.index]
            dst.mux(packet)
    return path


DATA = Path(__file__).resolve().parent / "data"


def write_shots_video(path: Path, shots: list[tuple[float, float, tuple[int, int, int], bool]],
                      dissolve_at: float | None = None, dissolve_s: float = 1.0,
                      fps: int = 25, size: tuple[int, int] = (640, 360)) -> Path:
    """A video of flat, noisy shots with a moving box; ``True`` shots show a real face.

    Shots are ``(start, end, BGR colour, face)``; the boundary at ``dissolve_at`` is a
    cross-fade of ``dissolve_s`` seconds, all others are cuts.
    """
    import cv2

    width, height = size
    face = cv2.imread(str(DATA / "face.jpg"))
    rng = np.random.default_rng(0)

    def shot_image(index: int, t: float) -> np.ndarray:
        start, _end, colour, with_face = shots[index]
        image = np.empty((height, width, 3), np.uint8)
        image[:] = colour
        x = int(40 + t * 30) % (width - 140)  # one motion through cuts and dissolves
        cv2.rectangle(image, (x, height - 110), (x + 100, height - 40), (230, 230, 230), -1)
        noise = rng.integers(-12, 12, image.shape)
        image = np.clip(image.astype(int) + noise, 0, 255).astype(np.uint8)
        if with_face:
            fh, fw = face.shape[:2]
            image[60:60 + fh, width - fw - 90:width - 90] = face
        return image

    def frame_at(t: float) -> np.ndarray:
        index = next(i for i, shot in enumerate(shots) if shot[0] <= t < shot[1])
        if dissolve_at is not None and abs(t - dissolve_at) < dissolve_s / 2:
            before = next(i for i, shot in enumerate(shots) if shot[1] == dissolve_at)
            alpha = (t - (dissolve_at - dissolve_s / 2)) / dissolve_s
            return cv2.addWeighted(shot_image(before, t), 1 - alpha, shot_image(before + 1, t),
                                   alpha, 0)
        return shot_image(index, t)

    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"crf": "28", "g": str(fps * 2)}
        for index in range(int(shots[-1][1] * fps)):
            rgb = cv2.cvtColor(frame_at(index / fps), cv2.COLOR_BGR2RGB)
            container.mux(stream.encode(av.VideoFrame.from_ndarray(rgb, format="rgb24")))
        container.mux(stream.encode())
    return path


def rttm_turns(path: Path) -> list[tuple[float, float, str]]:
    """``(start, end, speaker)`` of an RTTM file, read without the writer's help."""
    turns = []
    for line in path.read_text().splitlines():
        fields = line.split()
        start, duration = float(fields[3]), float(fields[4])
        turns.append((start, start + duration, fields[7]))
    return turns
