"""Where each module of the catalog is implemented; imported only inside worker processes."""

from __future__ import annotations

import importlib

from aima_desktop.modules.base import AnalysisModule

_IMPLEMENTATIONS = {
    "audio": "aima_desktop.modules.audio:AudioModule",
    "transcript": "aima_desktop.modules.transcript:TranscriptModule",
    "diarization": "aima_desktop.modules.diarization_pyannote:PyannoteDiarization",
    "diarization_embedded": "aima_desktop.modules.diarization_embedded:EmbeddedDiarization",
    "visual": "aima_desktop.modules.visual:VisualModule",
    "fusion": "aima_desktop.modules.fusion:FusionModule",
}


def load_module(name: str) -> AnalysisModule:
    try:
        target = _IMPLEMENTATIONS[name]
    except KeyError:
        raise ValueError(f"no implementation for module {name!r}") from None
    module_path, class_name = target.split(":")
    return getattr(importlib.import_module(module_path), class_name)()
