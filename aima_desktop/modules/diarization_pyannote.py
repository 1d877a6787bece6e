"""``diarization``: who speaks when, with a pyannote.audio pipeline.

The pipeline is a name on the Hugging Face hub (with the user's token, from the settings or
the environment, never from a project) or a local folder with ``config.yaml`` and its
checkpoints. Each five-minute chunk is diarized on its own, in memory; its speaker turns and
one embedding per local speaker are committed, and the final step links the chunks' speakers
by clustering those embeddings. pyannote's usage metrics are switched off.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from aima_desktop.domain.errors import MissingModelError
from aima_desktop.modules.audio import SAMPLE_RATE
from aima_desktop.modules.base import ModuleContext
from aima_desktop.modules.diarization_common import ChunkedDiarization, ChunkResult
from aima_desktop.store.settings import load_settings

TOKEN_VARIABLES = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN")


def pipeline_source(ctx: ModuleContext) -> tuple[str, str | None]:
    """``(name or folder, token)``; :class:`MissingModelError` when nothing usable is set."""
    settings = load_settings()
    source = ctx.config.get("diarization_pipeline") or settings.diarization_pipeline
    if not source:
        raise MissingModelError(
            "no pyannote pipeline is configured: set diarization_pipeline in the settings to a "
            "local pipeline folder, or to a pipeline name together with a Hugging Face token")
    folder = Path(source).expanduser()
    if folder.is_dir():
        if not (folder / "config.yaml").is_file():
            raise MissingModelError(f"the pipeline folder {folder} has no config.yaml")
        return str(folder), None
    if os.sep in source or source.startswith("."):
        raise MissingModelError(f"the pipeline folder {folder} does not exist")
    token = settings.hf_token or next(
        (os.environ[v] for v in TOKEN_VARIABLES if os.environ.get(v)), None)
    if not token:
        raise MissingModelError(f"the pyannote pipeline {source!r} needs a Hugging Face token "
                                "(hf_token in the settings, or HF_TOKEN)")
    return source, token


class PyannoteDiarization(ChunkedDiarization):
    name = "diarization"
    backend = "pyannote"
    chunk_s = 300.0
    threshold = 0.6  # cosine distance between chunk-level speaker embeddings

    def prepare(self, ctx: ModuleContext) -> None:
        os.environ["PYANNOTE_METRICS_ENABLED"] = "false"
        source, token = pipeline_source(ctx)
        if token is None:
            os.environ["HF_HUB_OFFLINE"] = "1"
        import torch
        from pyannote.audio import Pipeline

        try:
            pipeline = Pipeline.from_pretrained(source, token=token)
        except Exception as exc:  # hub errors, missing checkpoints, incompatible versions
            raise MissingModelError(f"the pyannote pipeline {source!r} could not be loaded",
                                    detail=f"{type(exc).__name__}: {exc}") from exc
        if pipeline is None:
            raise MissingModelError(f"the pyannote pipeline {source!r} is not available")
        use_cuda = ctx.device() != "cpu" and torch.cuda.is_available()
        device = "cuda" if use_cuda else "cpu"
        pipeline.to(torch.device(device))
        if hasattr(pipeline, "embedding_batch_size"):
            pipeline.embedding_batch_size = ctx.batch_size(32)
        self.pipeline = pipeline
        self.torch = torch
        ctx.report_device(device)

    def analyse_chunk(self, audio: np.ndarray, offset_s: float) -> ChunkResult:
        waveform = self.torch.from_numpy(np.ascontiguousarray(audio)).unsqueeze(0)
        output = self.pipeline({"waveform": waveform, "sample_rate": SAMPLE_RATE})
        annotation = getattr(output, "speaker_diarization", output)
        labels = annotation.labels()
        centroids = getattr(output, "speaker_embeddings", None)
        if centroids is None or len(centroids) != len(labels):
            centroids = np.eye(max(1, len(labels)), dtype=np.float32)[: len(labels)]
        centroids = np.nan_to_num(np.asarray(centroids, dtype=np.float32), nan=0.0)
        spans, embeddings = [], []
        for segment, _track, label in annotation.itertracks(yield_label=True):
            spans.append((offset_s + segment.start, offset_s + segment.end))
            embeddings.append(centroids[labels.index(label)])
        speech = [(offset_s + s.start, offset_s + s.end) for s in annotation.get_timeline().support()]
        return ChunkResult.of(spans, embeddings, speech)
