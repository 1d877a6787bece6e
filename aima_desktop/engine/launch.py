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
        needs = [spec(m).title.lower() for m in ordered if "audio" in with_dependencies([m])
                 and m != "audio"]
        raise BadInputError(f"has no audio track, which {' and '.join(needs)} needs")
    if not info.has_video and any(spec(m).needs_video for m in ordered):
        raise BadInputError("has no video track, which visual analysis needs")
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
    config = apply_recovery_plan(job.config, job.metadata.get("recovery_plan", {}))
    return project.jobs.create_job(media, planned, config, parent_job_id=job_id,
                                   resume_option=chosen)


def _check_cached_audio(item: PlannedRun, media_sha256: str) -> PlannedRun:
    """Decoded audio lives in the cache, which the user may clear: decode again if it is gone."""
    if item.module == "audio" and item.action == RunAction.REUSE and not decoded_audio_path(
            media_sha256).is_file():
        return PlannedRun(item.module, RunAction.FRESH, None)
    return item


def apply_recovery_plan(config: dict, plan: dict) -> dict:
    """The job configuration a resume uses after a recoverable error."""
    config = {**config, "devices": dict(config.get("devices", {})),
              "batch_sizes": dict(config.get("batch_sizes", {}))}
    module = plan.get("module")
    if plan.get("action") == "retry_on_cpu" and module:
        config["devices"][module] = "cpu"  # the GPU ran out of memory: carry on on the CPU
    elif plan.get("action") == "retry_with_smaller_batch" and module:
        current = config["batch_sizes"].get(module) or spec(module).batch_size
        config["batch_sizes"][module] = max(1, current // 2)
    return config


def job_config(settings, device: str | None = None, model: str | None = None,
               language: str | None = None, threads: int | None = None,
               speakers: int | None = None) -> dict:
    """A new job's configuration from the settings, with command-line or dialog overrides.

    Secrets (the Hugging Face token) stay in the settings: a project never holds them.
    """
    devices = {"transcript": settings.transcript_device, "diarization": settings.diarization_device}
    if device:
        devices = {module: device for module in devices}
    return {
        "device": device or "auto",
        "devices": devices,
        "model": model or settings.transcript_model or None,
        "language": language or settings.transcript_language or None,
        "cpu_threads": threads if threads is not None else settings.cpu_threads,
        "num_speakers": speakers if speakers is not None else settings.num_speakers,
        "checkpoint_s": settings.checkpoint_s or None,
    }
