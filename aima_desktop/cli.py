"""The ``aima`` command: headless sub-commands on the same engine as the desktop application."""

from __future__ import annotations

import argparse
import json
import logging
import logging.handlers
import signal
import sys
import time
from pathlib import Path

from aima_desktop import __version__
from aima_desktop.domain.catalog import SELECTABLE_MODULES, UnknownModule
from aima_desktop.domain.errors import AnalysisError, BadInputError
from aima_desktop.domain.progress import format_duration
from aima_desktop.domain.resumption import OPTION_ORDER
from aima_desktop.domain.states import RESUMABLE_JOB_STATUSES, JobStatus
from aima_desktop.engine.launch import (NotResumable, job_config, new_job, resume_job,
                                       resume_options)
from aima_desktop.engine.recovery import recover_interrupted_jobs
from aima_desktop.exports.formats import FORMATS, ExportError, export, render
from aima_desktop.store.appdirs import log_dir
from aima_desktop.store.cache import cache_size, clear_cache
from aima_desktop.store.locks import LockedElsewhere
from aima_desktop.store.project import PROJECT_SUFFIX, Project, ProjectError
from aima_desktop.store.results import job_summary, result_counts
from aima_desktop.store.settings import (DEVICES, SettingsError, add_recent_project,
                                         load_settings, save_settings, settings_path, with_value)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """Ends the command with one line on stderr and exit code 1."""


# -- output --------------------------------------------------------------------------------
class Reporter:
    """Progress of a running job: a status line on stderr, or JSON lines on stdout."""

    def __init__(self, as_json: bool):
        self.as_json = as_json
        self.interactive = sys.stderr.isatty() and not as_json
        self._last_line = 0.0
        self.job_id: int | None = None

    def emit(self, event: str, **fields: object) -> None:
        if self.as_json:
            print(json.dumps({"event": event, "job_id": self.job_id, **fields}), flush=True)

    def connect(self, orchestrator) -> None:
        orchestrator.job_started.connect(self._started)
        orchestrator.reduced.connect(self._reduced)
        orchestrator.recovering.connect(self._recovering)
        orchestrator.progress.connect(lambda *_: self._progress(orchestrator))
        orchestrator.run_state.connect(self._run_state)
        orchestrator.stopping.connect(self._stopping)

    def _started(self, job_id: int) -> None:
        self.job_id = job_id
        self.emit("started", status="running", completed_percentage=0)
        if not self.as_json:
            print(f"Job {job_id} started. Press Ctrl-C to abort; finished work is kept.",
                  file=sys.stderr)

    def _reduced(self, _job_id: int, module: str, alternative: str) -> None:
        self.emit("reduced", failed_module=module, alternative=alternative or None)
        if not self.as_json:
            self.end_line()
            what = f"using {alternative} instead" if alternative else "continuing without it"
            print(f"Module {module} failed; {what} (see aima jobs / the notifications).",
                  file=sys.stderr)

    def _recovering(self, old_job: int, new_job: int) -> None:
        self.emit("recovering", paused_job=old_job, new_job=new_job)
        if not self.as_json:
            self.end_line()
            print(f"Job {old_job} ran out of memory; job {new_job} resumes it with the recovery "
                  "plan.", file=sys.stderr)

    def _run_state(self, _run_id: int, module: str, state: str) -> None:
        self.emit("run_state", module=module, state=state)

    def _stopping(self, _job_id: int, abort_type: str, grace_s: float) -> None:
        self.emit("aborting", status="aborting", abort_type=abort_type, grace_s=grace_s)
        if not self.as_json and abort_type == "user":
            self.end_line()
            print(f"Aborting: stopping workers (grace period {grace_s:g} s; press Ctrl-C again "
                  "to stop at once)...", file=sys.stderr)

    def _progress(self, orchestrator) -> None:
        percentage, left, runs = orchestrator.snapshot()
        running = [r for r in runs if r.status == "running"]
        if self.as_json:
            for run in running:
                self.emit("progress", status="running", completed_percentage=percentage,
                          module=run.module, processed_s=round(run.processed_s, 2),
                          total_s=round(run.total_s, 2), eta_s=left and round(left, 1),
                          device=run.device)
            return
        now = time.monotonic()
        if not self.interactive and now - self._last_line < 5:
            return
        self._last_line = now
        parts = [f"{r.module} {format_duration(r.processed_s)}/{format_duration(r.total_s)}"
                 + (f" on {r.device}" if r.device else "") for r in running]
        line = f"{percentage:3d}%  {'  '.join(parts)}  time left {format_duration(left)}"
        if self.interactive:
            print("\r" + line.ljust(78), end="", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr)

    def end_line(self) -> None:
        if self.interactive:
            print(file=sys.stderr)


# -- helpers -------------------------------------------------------------------------------
def _open_project(path: str) -> Project:
    try:
        project = Project.open(Path(path))
    except ProjectError as exc:
        raise CliError(str(exc)) from None
    recover_interrupted_jobs(project)
    return project


def _job_id_or_latest(project: Project, job_id: int | None, resumable: bool = False) -> int:
    if job_id is not None:
        if project.jobs.job(job_id) is None:
            raise CliError(f"{project.path}: there is no job {job_id}")
        return job_id
    jobs = project.jobs.list_jobs()
    if resumable:
        jobs = [j for j in jobs if j.status in RESUMABLE_JOB_STATUSES
                and project.jobs.child_job_id(j.id) is None]
    if not jobs:
        raise CliError(f"{project.path}: no {'resumable ' if resumable else ''}job in this project")
    return jobs[-1].id


def _setup_logging() -> None:
    handler = logging.handlers.RotatingFileHandler(
        log_dir() / "aima.log", maxBytes=5_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _execute(project: Project, job_id: int, args: argparse.Namespace, grace_s: float,
             heartbeat_timeout_s: float) -> int:
    from aima_desktop.engine.headless import run_job

    reporter = Reporter(args.json)
    settings = load_settings()
    try:
        outcome = run_job(project, job_id,
                          {"grace_s": grace_s, "heartbeat_timeout_s": heartbeat_timeout_s,
                           "auto_recovery": settings.oom_recovery,
                           "cache_limit_mb": settings.cache_limit_mb},
                          connect=reporter.connect)
    except LockedElsewhere as exc:
        raise CliError(str(exc)) from None
    reporter.end_line()
    job_id = outcome.job_id
    job = project.jobs.job(job_id)
    summary = job_summary(project, job)
    media = project.jobs.media(job.media_id)
    if outcome.signal_number is not None and job.status == JobStatus.ABORTED:
        code = 128 + outcome.signal_number
    elif job.status == JobStatus.COMPLETED:
        code = EXIT_OK
    else:
        code = EXIT_FAILED
    note = (project.notifications.notifications(job_id) or [{}])[-1]
    reporter.emit("finished", status=str(job.status),
                  completed_percentage=summary["completed_percentage"], exit_code=code,
                  message=note.get("message"), error=job.error)
    if not args.json:
        _print_outcome(project, job, summary, media.path, note)
    return code


def _print_outcome(project: Project, job, summary: dict, media_path: str, note: dict) -> None:
    where = project.path
    if job.status == JobStatus.COMPLETED:
        found = ", ".join(f"{count} {kind}s" for kind, count in result_counts(project, job.id))
        print(f"Job {job.id} completed: {found or 'no results'}. "
              f"Results: aima results {where} --job {job.id}", file=sys.stderr)
        return
    error = job.error or {}
    if error.get("category") == "bad_input":
        print(f"aima: error: {media_path}: {error.get('message')}", file=sys.stderr)
        return
    print(f"{note.get('title', '')}: {note.get('message', '')}", file=sys.stderr)
    if error:
        print(f"aima: error: job {job.id}: {error.get('message')}", file=sys.stderr)
    report = job.metadata.get("error_report")
    if report:
        print(f"Error report: {report}", file=sys.stderr)
    print(f"Partial results: aima results {where} --job {job.id}; "
          f"resume with: aima resume {where} --job {job.id}", file=sys.stderr)


# -- commands ------------------------------------------------------------------------------
def cmd_run(args: argparse.Namespace) -> int:
    settings = load_settings()
    media = Path(args.media)
    project_dir = Path(args.project) if args.project else Path(media.stem + PROJECT_SUFFIX)
    modules = [m.strip() for m in args.modules.split(",") if m.strip()]
    try:
        project = Project.open_or_create(project_dir)
    except ProjectError as exc:
        raise CliError(str(exc)) from None
    recover_interrupted_jobs(project)
    add_recent_project(project.path)
    config = job_config(settings, device=args.device, model=args.model, language=args.language,
                        threads=args.threads, speakers=args.speakers)
    try:
        job = new_job(project, media, modules, config)
    except BadInputError as exc:
        raise CliError(f"{media}: {exc.message}") from None
    except UnknownModule as exc:
        raise CliError(str(exc)) from None
    grace = args.grace if args.grace is not None else settings.grace_period_s
    return _execute(project, job.id, args, grace, settings.heartbeat_timeout_s)


def cmd_open(args: argparse.Namespace) -> int:
    return run_desktop(Path(args.path))


def run_desktop(path: Path | None = None) -> int:
    from aima_desktop.ui.app import NoDisplay, run_gui

    try:
        return run_gui(path)
    except NoDisplay as exc:
        raise CliError(str(exc)) from None


def cmd_jobs(args: argparse.Namespace) -> int:
    project = _open_project(args.project)
    summaries = [job_summary(project, job) for job in project.jobs.list_jobs()]
    if args.json:
        for summary in summaries:
            print(json.dumps(summary))
        return EXIT_OK
    if not summaries:
        print(f"{project.path}: no jobs yet")
        return EXIT_OK
    print(f"{'ID':>4}  {'STATUS':<20} {'CREATED':<20} {'DONE':>5}  MODULES")
    for s in summaries:
        modules = ", ".join(f"{name}: {m['status']}" for name, m in s["modules"].items())
        resumed = f" (resumes {s['parent_job_id']})" if s["parent_job_id"] else ""
        print(f"{s['id']:>4}  {s['status']:<20} {s['created_at'][:19].replace('T', ' '):<20} "
              f"{s['completed_percentage']:>4}%  {modules}{resumed}")
    return EXIT_OK


def cmd_resume(args: argparse.Namespace) -> int:
    settings = load_settings()
    project = _open_project(args.project)
    job_id = _job_id_or_latest(project, args.job, resumable=args.job is None and not args.list)
    if args.list:
        options = resume_options(project, job_id)
        print(json.dumps(options, ensure_ascii=False, indent=None if args.json else 2))
        return EXIT_OK if options["resumable"] else EXIT_FAILED
    try:
        job = resume_job(project, job_id, args.option)
    except NotResumable as exc:
        raise CliError(str(exc)) from None
    except BadInputError as exc:
        raise CliError(exc.message) from None
    if not args.json:
        print(f"Resuming job {job_id} as job {job.id} ({job.resume_option}).", file=sys.stderr)
    grace = args.grace if args.grace is not None else settings.grace_period_s
    return _execute(project, job.id, args, grace, settings.heartbeat_timeout_s)


def cmd_results(args: argparse.Namespace) -> int:
    project = _open_project(args.project)
    job_id = _job_id_or_latest(project, args.job)
    try:
        if args.output:
            export(project, job_id, args.format, Path(args.output))
            return EXIT_OK
        content = render(project, job_id, args.format)
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    if isinstance(content, bytes):
        if args.format == "docx":
            raise CliError("a DOCX document goes to a file: add --output FILE.docx")
        sys.stdout.buffer.write(content)
    else:
        sys.stdout.write(content)
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from aima_desktop.engine.doctor import problems, report

    sections = report()
    if args.json:
        print(json.dumps(sections, indent=2, ensure_ascii=False))
    else:
        for section, lines in sections.items():
            print(f"{section}:")
            width = max(map(len, lines))
            for name, value in lines.items():
                print(f"  {name:<{width}}  {value}")
        found = problems(sections)
        print(f"\n{len(found)} problem(s)" + "".join(f"\n  - {p}" for p in found)
              if found else "\nNo problems found.")
    return EXIT_OK


def cmd_settings(args: argparse.Namespace) -> int:
    path = settings_path()
    if args.action == "path":
        print(path)
        return EXIT_OK
    if args.action == "clear-cache":
        freed = clear_cache()
        print(f"Cleared the cache: {freed / 1e6:.1f} MB freed.")
        return EXIT_OK
    settings = load_settings()
    if args.action == "set":
        if len(args.values) != 2:
            raise CliError("usage: aima settings set NAME VALUE")
        settings = with_value(settings, *args.values)
        save_settings(settings)
    elif args.values:
        raise CliError(f"aima settings {args.action} takes no further arguments")
    for name, value in settings.masked().items():
        print(f"{name} = {json.dumps(value, ensure_ascii=False)}")
    print(f"# {path}; cache {cache_size() / 1e6:.1f} MB of {settings.cache_limit_mb} MB")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aima", description="AIMA Desktop: analyse interviews and recordings offline. "
        "Without a command, the desktop window opens.")
    parser.add_argument("--version", action="version", version=f"aima {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add_run_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--grace", type=float, metavar="SECONDS",
                       help="grace period for workers to stop on abort (default 30)")
        p.add_argument("--json", action="store_true", help="one JSON object per line on stdout")

    run = sub.add_parser("run", help="analyse a media file to the end (Ctrl-C aborts)")
    run.add_argument("media", help="video or audio file")
    run.add_argument("--project", metavar="DIR",
                     help="project folder, created if needed (default: MEDIA_NAME.aima)")
    run.add_argument("--modules", default="transcript",
                     help=f"comma-separated modules (available: {', '.join(SELECTABLE_MODULES)})")
    run.add_argument("--device", choices=DEVICES, help="where models run (default auto)")
    run.add_argument("--model", metavar="PATH_OR_NAME",
                     help="speech model: a folder with model.bin, or base / tiny.en (shipped)")
    run.add_argument("--language", metavar="CODE", help="spoken language, e.g. en (default: detect)")
    run.add_argument("--threads", type=int, metavar="N", help="CPU threads (default: one per core)")
    run.add_argument("--speakers", type=int, metavar="N",
                     help="number of speakers for diarization (default: estimated)")
    add_run_options(run)
    run.set_defaults(func=cmd_run)

    open_ = sub.add_parser("open", help="open a project or a media file in the desktop window")
    open_.add_argument("path", metavar="PATH")
    open_.set_defaults(func=cmd_open)

    jobs = sub.add_parser("jobs", help="list the jobs of a project")
    jobs.add_argument("project", metavar="DIR")
    jobs.add_argument("--json", action="store_true")
    jobs.set_defaults(func=cmd_jobs)

    resume = sub.add_parser("resume", help="resume an aborted, failed or interrupted job")
    resume.add_argument("project", metavar="DIR")
    resume.add_argument("--job", type=int, metavar="ID", help="default: the latest resumable job")
    resume.add_argument("--list", action="store_true", help="print the resumption options")
    resume.add_argument("--option", choices=OPTION_ORDER,
                        help="how to resume (default: the recommended option)")
    add_run_options(resume)
    resume.set_defaults(func=cmd_resume)

    results = sub.add_parser("results", help="print or save the results of a job")
    results.add_argument("project", metavar="DIR")
    results.add_argument("--job", type=int, metavar="ID", help="default: the latest job")
    results.add_argument("--format", choices=tuple(FORMATS), default="json",
                         help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()))
    results.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
    results.set_defaults(func=cmd_results)

    settings = sub.add_parser(
        "settings", help="show or change the settings (the desktop window's Settings dialog)",
        description="show: every setting (the token masked); set NAME VALUE: change one; "
        "path: where the settings file is; clear-cache: delete the decoded-audio cache")
    settings.add_argument("action", nargs="?", default="show",
                          choices=("show", "set", "path", "clear-cache"))
    settings.add_argument("values", nargs="*", metavar="NAME VALUE")
    settings.set_defaults(func=cmd_settings)

    doctor = sub.add_parser("doctor", help="versions, devices, models and folders, for a bug "
                            "report")
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(func=cmd_doctor)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        _setup_logging()
        if args.command is None:
            return run_desktop()
        return args.func(args)
    except (CliError, SettingsError, AnalysisError) as exc:
        print(f"aima: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 128 + signal.SIGINT
