"""Assessing a module failure the seed's way (section 3.4): carry on, switch, or stop."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from aima_desktop.domain.catalog import dependents, spec, stands_in_for


@dataclass(frozen=True)
class ImpactAssessment:
    """What a failed module means for its job."""

    critical_for_job: bool
    alternative: str | None  # the module to switch to, if any
    affected_modules: list[str]  # dependents that cannot run without it
    affected_features: list[str]
    quality_impact: str  # low / medium / high


def assess_failure(module: str, job_modules: Sequence[str], tried: Collection[str]) -> ImpactAssessment:
    """``job_modules``: the modules of the job; ``tried``: modules that already ran in it."""
    failed = spec(module)
    alternative = next((a for a in failed.alternatives if a not in tried), None)
    role = stands_in_for(module)
    if alternative is not None:
        return ImpactAssessment(False, alternative, [], list(failed.features),
                                spec(alternative).impact_as_alternative)
    affected = dependents(role, job_modules)
    features = list(dict.fromkeys(
        [*failed.features, *(f for m in affected for f in spec(m).features)]))
    return ImpactAssessment(failed.critical, None, affected, features, failed.impact_if_dropped)
