"""``audio``: decode any media with PyAV to 16 kHz mono, cached by content hash.

The samples go to ``<cache>/audio/<sha256>.s16le.part`` in chunks; each chunk is a unit whose
cursor is the number of samples written. The finished file is renamed to ``<sha256>.s16le``,
so a file under that name is always complete and later jobs on the same media reuse it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np

from aima_desktop.domain.errors import BadInputError
from aima_desktop.modules.base import AnalysisModule, ModuleContext, Unit

SAMPLE_RATE = 16_000
BYTES_PER_SAMPLE = 2
CHUNK_SAMPLES = 30 * SAMPLE_RATE
# Decoded audio shorter than the container says by more than this is a damaged file.
TRUNCATION_TOLERANCE_S = 1.0


def read_samples(path: Path, start_s: float = 0.0) -> np.ndarray:
    """The decoded audio from ``start_s`` on, as float32 in [-1, 1] (what Whisper expects)."""
    offset = int(round(start_s * SAMPLE_RATE)) * BYTES_PER_SAMPLE
    samples = np.memmap(path, dtype=np.int16, mode="r", offset=min(offset, path.stat().st_size))
    return samples.astype(np.float32) / 32768.0


class AudioModule(AnalysisModule):
    name = "audio"

    def process(self, ctx: ModuleContext) -> Iterator[Unit]:
        final = ctx.audio_path
        if final.exists():
            samples = final.stat().st_size // BYTES_PER_SAMPLE
            yield Unit([], {"samples": samples}, ctx.total_s, self._stats(samples, cache="hit"))
            return
        partial = final.with_name(final.name + ".part")
        start = self._resume_point(partial, (ctx.cursor or {}).get("samples", 0))
        written = start
        with open(partial, "r+b" if partial.exists() else "wb") as out:
            out.truncate(start * BYTES_PER_SAMPLE)
            out.seek(start * BYTES_PER_SAMPLE)
            pending: list[np.ndarray] = []
            pending_samples = 0
            chunk_samples = int(ctx.checkpoint_s(CHUNK_SAMPLES / SAMPLE_RATE, 5.0) * SAMPLE_RATE)
            for chunk in self._decode(ctx.media.path, start):
                pending.append(chunk)
                pending_samples += len(chunk)
                if pending_samples >= chunk_samples:
                    written = self._flush(out, pending, written)
                    pending, pending_samples = [], 0
                    yield Unit([], {"samples": written}, min(written / SAMPLE_RATE, ctx.total_s),
                               self._stats(written))
            written = self._flush(out, pending, written)
        self._check_complete(ctx, written)
        partial.replace(final)
        yield Unit([], {"samples": written}, ctx.total_s, self._stats(written, cache="written"))

    @staticmethod
    def _stats(samples: int, cache: str = "writing") -> dict:
        return {"samples": samples, "sample_rate": SAMPLE_RATE,
                "decoded_s": round(samples / SAMPLE_RATE, 3), "cache": cache}

    @staticmethod
    def _resume_point(partial: Path, committed: int) -> int:
        """Continue after the committed samples that are really on disk (a cache, not fsynced)."""
        on_disk = partial.stat().st_size // BYTES_PER_SAMPLE if partial.exists() else 0
        return max(0, min(int(committed), on_disk))

    @staticmethod
    def _flush(out, pending: list[np.ndarray], written: int) -> int:
        if pending:
            data = np.concatenate(pending)
            out.write(data.tobytes())
            out.flush()
            written += len(data)
        return written

    def _decode(self, path: str, start: int) -> Iterator[np.ndarray]:
        """Mono 16 kHz int16 chunks from sample ``start`` on."""
        try:
            container = av.open(path)
        except av.error.FFmpegError as exc:
            raise BadInputError(
                "cannot be read as audio or video; it may be damaged, incomplete or not a "
                "media file", detail=str(exc)) from exc
        with container:
            if not container.streams.audio:
                raise BadInputError("has no audio track")
            stream = container.streams.audio[0]
            if start:
                container.seek(int(start / SAMPLE_RATE / stream.time_base), stream=stream,
                               backward=True, any_frame=False)
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            position: int | None = None
            try:
                for frame in container.decode(stream):
                    if position is None:
                        position = start if frame.time is None else int(round(frame.time * SAMPLE_RATE))
                        if position > start:
                            raise BadInputError("cannot be decoded from the saved position",
                                                detail=f"seek landed at sample {position} > {start}")
                    for out in resampler.resample(frame):
                        data = out.to_ndarray().reshape(-1)
                        if position < start:
                            skip = min(len(data), start - position)
                            data, position = data[skip:], position + skip
                        position += len(data)
                        if len(data):
                            yield data
                for out in resampler.resample(None):
                    yield out.to_ndarray().reshape(-1)
            except av.error.FFmpegError as exc:
                at = (position or 0) / SAMPLE_RATE
                raise BadInputError(f"is damaged: decoding failed at {at:.1f} s",
                                    detail=str(exc)) from exc

    @staticmethod
    def _check_complete(ctx: ModuleContext, written: int) -> None:
        decoded_s = written / SAMPLE_RATE
        if written == 0:
            raise BadInputError("contains no audio samples")
        expected = ctx.media.audio_duration or ctx.media.duration
        if decoded_s < expected - max(TRUNCATION_TOLERANCE_S, 0.02 * expected):
            raise BadInputError(
                f"is truncated or damaged: only {decoded_s:.1f} s of its {expected:.1f} s of "
                "audio could be decoded")
