"""``transcript``: speech recognition with faster-whisper.

Every segment is a unit; its cursor is the segment's end. Whisper itself moves its window to the
end of the last complete segment, so a resumed run that starts at the cursor, with the committed
segments' tokens as its prompt and the language found before, continues the way the
uninterrupted run would have: nothing repeated, nothing skipped. The prompt must be the tokens,
timestamps included, not the text: a text prompt throws small models off (measured with tiny.en:
half a minute of speech lost), while the tokens give the uninterrupted run's own context.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from aima_desktop.domain.errors import ConfigurationError
from aima_desktop.domain.records import Event
from aima_desktop.modules.audio import read_samples
from aima_desktop.modules.base import AnalysisModule, ModuleContext, Unit
from aima_desktop.modules.whisper_models import resolve_model

PROMPT_TOKENS = 224  # Whisper keeps at most this much of the previous text as context
MIN_AUDIO_SAMPLES = 1600  # 0.1 s: less is left only when the cursor sits at the very end


def choose_device(requested: str) -> tuple[str, str]:
    """``(device, compute_type)`` for CTranslate2: CUDA where it sees a GPU, else CPU int8."""
    import ctranslate2

    has_cuda = ctranslate2.get_cuda_device_count() > 0
    if requested == "cuda" and not has_cuda:
        raise ConfigurationError("CUDA was requested, but CTranslate2 sees no CUDA GPU on this "
                                 "machine; use --device auto or --device cpu")
    if requested not in ("auto", "cpu", "cuda"):
        raise ConfigurationError(f"unknown device {requested!r}; use auto, cpu or cuda")
    if requested == "cuda" or (requested == "auto" and has_cuda):
        return "cuda", "float16"
    return "cpu", "int8"


def default_cpu_threads() -> int:
    return min(os.cpu_count() or 1, 8)


class TranscriptModule(AnalysisModule):
    name = "transcript"

    def prepare(self, ctx: ModuleContext) -> None:
        from faster_whisper import WhisperModel

        class WindowCountingModel(WhisperModel):
            """Counts decoding windows, so that work redone after a resume can be measured."""

            windows = 0

            def encode(self, features):
                self.windows += 1
                return super().encode(features)

        resolved = resolve_model(ctx.config.get("model") or None)
        device, compute_type = choose_device(ctx.device())
        threads = int(ctx.config.get("cpu_threads") or 0) or default_cpu_threads()
        self.model = WindowCountingModel(str(resolved.path), device=device,
                                         compute_type=compute_type, cpu_threads=threads)
        self.model_label = resolved.label
        ctx.report_device(f"{device} ({compute_type})")

    def live_stats(self) -> dict | None:
        model = getattr(self, "model", None)
        return {"windows": model.windows} if model is not None else None

    @staticmethod
    def _previous_tokens(ctx: ModuleContext) -> list[int] | None:
        tokens: list[int] = []
        for event in reversed(ctx.previous_events("segment")):
            tokens[:0] = event.payload.get("tokens", [])
            if len(tokens) >= PROMPT_TOKENS:
                break
        return tokens[-PROMPT_TOKENS:] or None

    def process(self, ctx: ModuleContext) -> Iterator[Unit]:
        cursor = ctx.cursor or {}
        offset = float(cursor.get("t", 0.0))
        language = cursor.get("language") or ctx.config.get("language") or None
        prompt = self._previous_tokens(ctx) if offset > 0 else None
        audio = read_samples(ctx.audio_path, offset)
        if len(audio) < MIN_AUDIO_SAMPLES:
            yield Unit([], {"t": ctx.total_s, "language": language, "done": True}, ctx.total_s,
                       {"language": language, "windows": 0, "resumed_at_s": offset})
            return
        segments, info = self.model.transcribe(
            audio,
            language=language,
            beam_size=5,
            vad_filter=True,
            word_timestamps=True,
            condition_on_previous_text=True,
            initial_prompt=prompt,
        )
        language = info.language
        stats = {"language": language, "language_probability": round(info.language_probability, 3),
                 "model": self.model_label, "resumed_at_s": offset}
        for segment in segments:
            start, end = offset + segment.start, offset + segment.end
            words = [{"start": round(offset + w.start, 3), "end": round(offset + w.end, 3),
                      "word": w.word, "probability": round(w.probability, 3)}
                     for w in segment.words or ()]
            event = Event("segment", round(start, 3), round(end, 3), segment.text.strip(), {
                "words": words, "language": language, "tokens": list(segment.tokens),
                # Which decoding window of this run produced the segment.
                "window": segment.seek,
                "avg_logprob": round(segment.avg_logprob, 4),
                "no_speech_prob": round(segment.no_speech_prob, 4),
            })
            yield Unit([event], {"t": round(end, 3), "language": language}, min(end, ctx.total_s),
                       {**stats, "windows": self.model.windows})
        yield Unit([], {"t": ctx.total_s, "language": language, "done": True}, ctx.total_s,
                   {**stats, "windows": self.model.windows})
