"""A pyannote speaker-diarization pipeline folder built offline, for tests.

Real pipelines come from the Hugging Face hub, which is out of reach here. This builds the same
kind of folder (``config.yaml``, segmentation and embedding checkpoints, PLDA files) with
randomly initialised models, so that loading a local pipeline and running it is tested for
real; its diarization is meaningless.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import yaml


def _save(model, folder: Path) -> None:
    import lightning
    import torch

    folder.mkdir(parents=True, exist_ok=True)
    checkpoint = {"state_dict": model.state_dict(), "hyper_parameters": dict(model.hparams),
                  "pytorch-lightning_version": lightning.__version__}
    model.on_save_checkpoint(checkpoint)
    torch.save(checkpoint, folder / "pytorch_model.bin")


def build_local_pipeline(out: Path) -> Path:
    os.environ["PYANNOTE_METRICS_ENABLED"] = "false"
    import torch
    from pyannote.audio.core.task import Problem, Resolution, Specifications
    from pyannote.audio.models.embedding import WeSpeakerResNet34
    from pyannote.audio.models.segmentation import PyanNet

    torch.manual_seed(0)
    segmentation = PyanNet(sincnet={"stride": 10})
    segmentation.specifications = Specifications(
        problem=Problem.MONO_LABEL_CLASSIFICATION, resolution=Resolution.FRAME, duration=10.0,
        min_duration=10.0, classes=["speaker#1", "speaker#2", "speaker#3"],
        powerset_max_classes=2, permutation_invariant=True)
    segmentation.build()
    _save(segmentation, out / "segmentation")
    embedding = WeSpeakerResNet34()
    embedding.specifications = Specifications(problem=Problem.REPRESENTATION,
                                              resolution=Resolution.CHUNK, duration=5.0)
    _save(embedding, out / "embedding")
    (out / "plda").mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    np.savez(out / "plda" / "xvec_transform.npz", mean1=np.zeros(256), mean2=np.zeros(128),
             lda=rng.standard_normal((256, 128)))
    np.savez(out / "plda" / "plda.npz", mu=np.zeros(128), tr=np.eye(128), psi=np.ones(128))
    config = {
        "pipeline": {"name": "pyannote.audio.pipelines.SpeakerDiarization", "params": {
            "segmentation": str(out / "segmentation"), "embedding": str(out / "embedding"),
            "plda": str(out / "plda"), "clustering": "AgglomerativeClustering",
            "segmentation_step": 0.5, "embedding_batch_size": 16,
            "segmentation_batch_size": 16}},
        "params": {"segmentation": {"min_duration_off": 0.0},
                   "clustering": {"method": "centroid", "min_cluster_size": 2, "threshold": 0.7}},
    }
    (out / "config.yaml").write_text(yaml.safe_dump(config))
    return out
