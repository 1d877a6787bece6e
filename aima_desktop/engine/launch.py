"""Creating jobs: a new analysis of a media file, or the resumption of a stopped job."""

from __future__ import annotations

from pathlib import Path

from aima_desktop.domain.catalog import spec, with_dependencies
from aima_desktop.domain.errors import BadInputError
from aima_desktop.domain.records import Job, MediaInfo
from aima_desktop.domain.resumption import PlannedRun, RunAction, plan, resumption_options
from aima_desktop.engine.probe import probe_media
from aima_desktop.store.appdirs import decoded_audio_path
from aima_desktop.store.project import Project


class NotResumable(RuntimeError):
    """The job cannot be resumed, or not with the option asked for; the reason in words."""


def new_job(project: Project, media_path: Path, modules: list[str], config: dict) -> Job:
    """Probe ``media_path`` and create a job for ``modules`` and what they depend on."""
    return create_job(project, probe_media(Path(media_path)), modules, config)


def create_job(project: Project, info: MediaInfo, modules: list[str], config: dict) -> Job:
    """A job for ``modules`` (and what they depend on) on media that was probed already."""
    for name in modules:
        spec(name)
    ordered = with_dependencies(modules)
    if "audio" in ordered and not info.has_audio:
        raise BadInputError("has no audio track, which speech recognition needs")
    media = project.jobs.add_media(info)
    planned = [PlannedRun(name, RunAction.FRESH, None) for name in ordered]
    return project.jobs.create_job(media, planned, {**config, "requested_modules": list(modules)})


def resume_options(project: Project, job_id: int, lang: str | None = None) -> dict:
    """The seed's ``get_resumption_options`` for a job of this project."""
    job = project.jobs.job(job_id)
    if job is None:
        return {"resumable": False, "reason": f"There is no job {job_id} in this project"}
    return resumption_options(
        job, project.jobs.runs(job_id), project.notifications.partial_results(job_id),
        child_job_id=project.jobs.child_job_id(job_id), lang=lang)


def resume_job(project: Project, job_id: int, option: str | None = None,
               lang: str | None = None) -> Job:
    """A new job linked to ``job_id`` that reuses or continues its work as ``option`` says."""
    options = resume_options(project, job_id, lang)
    if not options["resumable"]:
        raise NotResumable(options["reason"])
    available = [o["type"] for o in options["options"]]
    chosen = option or options["recommended_option"]["type"]
    if chosen not in available:
        raise NotResumable(f"option {chosen!r} is not available for job {job_id} "
                           f"(available: {', '.join(available)})")
    job = project.jobs.job(job_id)
    media = project.jobs.media(job.media_id)
    planned = [_check_cached_audio(item, media.sha256) for item in plan(chosen, project.jobs.runs(job_id))]
    needs_media = any(p.module == "audio" and p.action != RunAction.REUSE for p in planned)
    if needs_media and not Path(media.path).is_file():
        raise BadInputError(f"the media file is no longer at {media.path}")
    config = dict(job.config)
    if job.metadata.get("recovery_plan", {}).get("action") == "retry_on_cpu":
        config["device"] = "cpu"  # the GPU ran out of memory: carry on on the CPU
    return project.jobs.create_job(media, planned, config, parent_job_id=job_id,
                                   resume_option=chosen)


def _check_cached_audio(item: PlannedRun, media_sha256: str) -> PlannedRun:
    """Decoded audio lives in the cache, which the user may clear: decode again if it is gone."""
    if item.module == "audio" and item.action == RunAction.REUSE and not decoded_audio_path(
            media_sha256).is_file():
        return PlannedRun(item.module, RunAction.FRESH, None)
    return item
