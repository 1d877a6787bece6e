"""``diarization_embedded``: who speaks when, with weights that ship in packages.

Voice activity from the Silero VAD inside faster-whisper, a speaker embedding every half
second from Resemblyzer's encoder (1.6 s windows), agglomerative clustering over the whole
file. The alternative to the pyannote pipeline when that is not configured or fails.
"""

from __future__ import annotations

import numpy as np

from aima_desktop.modules.audio import SAMPLE_RATE
from aima_desktop.modules.base import ModuleContext
from aima_desktop.modules.diarization_common import ChunkedDiarization, ChunkResult

MIN_REGION_S = 0.5
WINDOWS_PER_S = 2.0


class EmbeddedDiarization(ChunkedDiarization):
    name = "diarization_embedded"
    backend = "silero-vad + resemblyzer"
    chunk_s = 60.0
    threshold = 0.25  # cosine distance; tuned on tests/data/conversations

    def prepare(self, ctx: ModuleContext) -> None:
        import torch
        from faster_whisper.vad import VadOptions
        from resemblyzer import VoiceEncoder

        device = "cuda" if ctx.device() != "cpu" and torch.cuda.is_available() else "cpu"
        torch.set_num_threads(max(1, int(ctx.config.get("cpu_threads") or 0) or torch.get_num_threads()))
        self.encoder = VoiceEncoder(device, verbose=False)
        self.vad_options = VadOptions(min_silence_duration_ms=300, speech_pad_ms=100)
        ctx.report_device(device)

    def analyse_chunk(self, audio: np.ndarray, offset_s: float) -> ChunkResult:
        from faster_whisper.vad import get_speech_timestamps

        regions = get_speech_timestamps(audio, self.vad_options)
        spans, embeddings, speech = [], [], []
        for region in regions:
            start, end = region["start"], region["end"]
            speech.append((offset_s + start / SAMPLE_RATE, offset_s + end / SAMPLE_RATE))
            if end - start < MIN_REGION_S * SAMPLE_RATE:
                continue
            _, partials, slices = self.encoder.embed_utterance(
                audio[start:end], return_partials=True, rate=WINDOWS_PER_S, min_coverage=0.5)
            for embedding, window in zip(partials, slices):
                first = offset_s + (start + window.start) / SAMPLE_RATE
                last = offset_s + min(end, start + window.stop) / SAMPLE_RATE
                spans.append((first, last))
                embeddings.append(embedding)
        return ChunkResult.of(spans, embeddings, speech)
