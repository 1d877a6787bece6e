"""Domain rules: catalog, percentages, metadata, messages, resumption, error classes."""

from __future__ import annotations

import errno

import pytest

from aima_desktop.domain import catalog, messages
from aima_desktop.domain.errors import (BadInputError, ErrorCategory, classify,
                                        recovery_plan)
from aima_desktop.domain.partial_results import build_metadata
from aima_desktop.domain.progress import EtaEstimator, completed_percentage, format_duration
from aima_desktop.domain.records import Job, MediaInfo, ModuleRun
from aima_desktop.domain.resumption import RunAction, plan, resumption_options
from aima_desktop.domain.states import IllegalTransition, JobStatus, RunStatus, check_job_transition

MEDIA = MediaInfo(path="/m/interview.mp4", file_name="interview.mp4", sha256="0" * 64, size=1,
                  duration=100.0, media_type="video", has_audio=True, has_video=True)


def run(module: str, status: RunStatus, processed: float = 0.0, run_id: int = 1,
        cursor: dict | None = None, updated_at: str = "2026-12-04T10:00:00.000Z") -> ModuleRun:
    return ModuleRun(id=run_id, job_id=1, module=module, status=status, processed_s=processed,
                     total_s=100.0, cursor=cursor, updated_at=updated_at)


def job(status: JobStatus) -> Job:
    return Job(id=1, media_id=1, status=status, modules=["audio", "transcript"], config={},
               created_at="2026-12-04T10:00:00.000Z")


def test_dependencies_come_first_and_dependents_are_found():
    assert catalog.with_dependencies(["transcript"]) == ["audio", "transcript"]
    assert catalog.dependents("audio", ["audio", "transcript"]) == ["transcript"]
    with pytest.raises(catalog.UnknownModule, match="unknown module 'faces'"):
        catalog.with_dependencies(["faces"])


def test_completed_percentage_is_weighted_by_module_cost():
    audio_done = run("audio", RunStatus.COMPLETED, 100, 1)
    assert completed_percentage([audio_done, run("transcript", RunStatus.RUNNING, 0, 2)]) == 4
    assert completed_percentage([audio_done, run("transcript", RunStatus.RUNNING, 50, 2)]) == 52
    # 100 only when every module has finished, not when the last cursor is at the end.
    assert completed_percentage([audio_done, run("transcript", RunStatus.ABORTED, 100, 2)]) == 99
    assert completed_percentage([audio_done, run("transcript", RunStatus.REUSED, 100, 2)]) == 100


def test_partial_result_metadata_follows_the_seed_schema():
    runs = [run("audio", RunStatus.COMPLETED, 100, 1),
            run("transcript", RunStatus.ABORTED, 67.5, 2)]
    metadata = build_metadata(abort_reason="user_request", abort_timestamp="T",
                              runs=runs, requested_modules=["transcript"], media=MEDIA)
    assert metadata["completed_modules"] == ["audio"]
    assert metadata["incomplete_modules"] == ["transcript"]
    assert metadata["not_started_modules"] == []
    assert metadata["completed_percentage"] == 69
    assert metadata["media_info"] == {"duration": 100.0, "processed_duration": 67.5,
                                      "file_name": "interview.mp4", "media_type": "video"}
    assert metadata["quality_assessment"] == {"confidence": "medium", "completeness": "partial",
                                              "usability": "limited"}


def test_not_started_modules_are_listed_separately():
    runs = [run("audio", RunStatus.ABORTED, 20, 1), run("transcript", RunStatus.PENDING, 0, 2)]
    metadata = build_metadata(abort_reason="x", abort_timestamp="T", runs=runs,
                              requested_modules=["transcript"], media=MEDIA)
    assert metadata["incomplete_modules"] == ["audio"]
    assert metadata["not_started_modules"] == ["transcript"]
    assert metadata["media_info"]["processed_duration"] == 0.0


@pytest.mark.parametrize("percentage, expected", [
    (0, "very early stage"), (9, "very early stage"), (10, "aborted at 10%. Some partial"),
    (49, "aborted at 49%. Some partial"), (50, "aborted at 50%. Most results"),
    (99, "aborted at 99%. Most results"),
])
def test_abort_message_depends_on_the_completed_percentage(percentage, expected):
    assert expected in messages.abort_message(percentage, has_results=True, lang="en")


def test_german_messages_use_the_seed_wording():
    assert messages.abort_message(30, True, "de") == (
        "Die Analyse wurde bei 30% abgebrochen. Einige Teilergebnisse sind verfügbar, "
        "aber möglicherweise unvollständig.")
    assert messages.abort_message(0, False, "de") == (
        "Die Analyse wurde abgebrochen. Es sind keine Teilergebnisse verfügbar.")


def test_system_language_follows_the_locale(monkeypatch):
    for variable in ("AIMA_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert messages.system_language() == "de"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert messages.system_language() == "en"


def test_checkpoint_is_recommended_when_committed_work_exists():
    runs = [run("audio", RunStatus.COMPLETED, 100, 1, {"samples": 1}),
            run("transcript", RunStatus.ABORTED, 40, 2, {"t": 40.0})]
    partials = [{"result_id": "r1", "timestamp": "T1", "metadata": {"completed_percentage": 42}}]
    options = resumption_options(job(JobStatus.ABORTED), runs, partials, lang="en")
    assert options["resumable"] is True
    assert [o["type"] for o in options["options"]] == ["checkpoint", "partial_results", "restart"]
    assert options["recommended_option"]["type"] == "checkpoint"
    assert options["options"][1]["description"] == (
        "Use the partial results and recompute the missing parts (42% available)")


def test_without_checkpoint_partial_results_are_recommended():
    runs = [run("audio", RunStatus.COMPLETED, 100, 1), run("transcript", RunStatus.PENDING, 0, 2)]
    partials = [{"result_id": "r1", "timestamp": "T", "metadata": {"completed_percentage": 4}}]
    options = resumption_options(job(JobStatus.FAILED), runs, partials)
    assert options["recommended_option"]["type"] == "partial_results"


@pytest.mark.parametrize("status, child, reason", [
    (JobStatus.COMPLETED, None, "is completed"),
    (JobStatus.RUNNING, None, "still running"),
    (JobStatus.ABORTED, 7, "already resumed as job 7"),
])
def test_not_resumable_jobs_say_why(status, child, reason):
    options = resumption_options(job(status), [], [], child_job_id=child)
    assert options["resumable"] is False
    assert reason in options["reason"]


def test_resumption_plans():
    runs = [run("audio", RunStatus.COMPLETED, 100, 1, {"samples": 5}),
            run("transcript", RunStatus.ABORTED, 40, 2, {"t": 40.0})]
    assert [(p.action, p.source_run_id) for p in plan("checkpoint", runs)] == [
        (RunAction.REUSE, 1), (RunAction.CONTINUE, 2)]
    assert [p.action for p in plan("partial_results", runs)] == [RunAction.REUSE, RunAction.FRESH]
    assert [p.action for p in plan("restart", runs)] == [RunAction.FRESH, RunAction.FRESH]


def test_job_state_machine_rejects_illegal_transitions():
    check_job_transition(JobStatus.RUNNING, JobStatus.ABORTING)
    check_job_transition(JobStatus.ABORTING, JobStatus.ABORTED)
    with pytest.raises(IllegalTransition):
        check_job_transition(JobStatus.COMPLETED, JobStatus.RUNNING)
    with pytest.raises(IllegalTransition):
        check_job_transition(JobStatus.ABORTED, JobStatus.COMPLETED)


def test_errors_are_classified_with_recoverability():
    assert classify(MemoryError()).category == ErrorCategory.RESOURCE_EXHAUSTION
    assert classify(MemoryError()).recoverable
    disk_full = classify(OSError(errno.ENOSPC, "No space left on device"))
    assert (disk_full.category, disk_full.message) == (ErrorCategory.RESOURCE_EXHAUSTION,
                                                       "the disk is full")
    cuda = classify(RuntimeError("CUDA failed with error out of memory"), module="transcript")
    assert cuda.category == ErrorCategory.RESOURCE_EXHAUSTION
    assert recovery_plan(cuda, "cuda (float16)")["action"] == "retry_on_cpu"
    bad = classify(BadInputError("has no audio track"))
    assert (bad.category, bad.recoverable, bad.message) == (ErrorCategory.BAD_INPUT, False,
                                                            "has no audio track")
    assert classify(KeyError("x")).category == ErrorCategory.INTERNAL_ERROR


def test_eta_follows_the_recent_rate():
    eta = EtaEstimator(total_s=100.0)
    assert eta.seconds_left() is None
    eta.add(0.0, 0.0)
    eta.add(10.0, 20.0)
    assert eta.seconds_left() == pytest.approx(40.0)
    assert format_duration(3725) == "1:02:05"
    assert format_duration(None) == "--:--"


def test_a_busy_gpu_is_shared_only_when_its_memory_allows():
    from aima_desktop.domain.gpu_policy import GpuState, choose_gpu

    gpus = [GpuState(0, free_mb=3000, total_mb=24000), GpuState(1, free_mb=20000, total_mb=24000)]
    assert choose_gpu(2500, gpus, busy={}) == 1  # the idle GPU with most free memory
    assert choose_gpu(2500, gpus, busy={1: 1}) == 0  # GPU 0 is idle
    assert choose_gpu(2500, gpus, busy={0: 1, 1: 1}) == 1  # busy, but 20 GB free
    assert choose_gpu(15000, gpus, busy={0: 1, 1: 1}) is None  # wait


def test_recovery_plans_follow_the_users_preference():
    from aima_desktop.domain.errors import ErrorCategory, ErrorInfo
    from aima_desktop.engine.launch import apply_recovery_plan

    oom = ErrorInfo(ErrorCategory.RESOURCE_EXHAUSTION, "out of memory", True, module="diarization")
    assert recovery_plan(oom, "cuda", batched=True)["action"] == "retry_on_cpu"
    assert recovery_plan(oom, "cuda", batched=True, prefer="smaller_batch")["action"] == \
        "retry_with_smaller_batch"
    assert recovery_plan(oom, "cpu", batched=True)["action"] == "retry_with_smaller_batch"
    assert recovery_plan(oom, "cpu", batched=False)["action"] == "retry_after_freeing_resources"
    config = apply_recovery_plan({"devices": {"diarization": "auto"}},
                                 {"action": "retry_with_smaller_batch", "module": "diarization"})
    assert config["batch_sizes"]["diarization"] == 16
    config = apply_recovery_plan(config, {"action": "retry_on_cpu", "module": "diarization"})
    assert config["devices"]["diarization"] == "cpu" and config["batch_sizes"]["diarization"] == 16


def test_a_real_torch_out_of_memory_error_is_recoverable():
    import torch

    error = classify(torch.cuda.OutOfMemoryError("CUDA out of memory"), module="diarization")
    assert (error.category, error.recoverable) == (ErrorCategory.RESOURCE_EXHAUSTION, True)


def test_speakers_are_attributed_by_overlap():
    from aima_desktop.domain.records import Event
    from aima_desktop.domain.speaker_attribution import attribute

    turns = [Event("turn", 0.0, 5.0, "SPEAKER_00"), Event("turn", 5.2, 9.0, "SPEAKER_01")]
    words = [{"start": 4.0, "end": 4.6, "word": " one"}, {"start": 5.3, "end": 5.9, "word": " two"},
             {"start": 6.0, "end": 6.9, "word": " three"}]
    segment = Event("segment", 4.0, 6.9, "one two three", {"words": words})
    lonely = Event("segment", 20.0, 21.0, "far away", {"words": []})
    first, second = attribute([segment, lonely], turns)
    assert [w["speaker"] for w in first.payload["words"]] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_01"]
    assert first.payload["speaker"] == "SPEAKER_01" and first.label == "SPEAKER_01: one two three"
    assert second.payload["speaker"] == "UNKNOWN"


def test_partial_abort_assessment_follows_the_catalog():
    from aima_desktop.domain.partial_abort import assess_failure

    modules = ["audio", "transcript", "diarization", "fusion"]
    switch = assess_failure("diarization", modules, set(modules))
    assert (switch.alternative, switch.critical_for_job) == ("diarization_embedded", False)
    drop = assess_failure("diarization_embedded", modules, {*modules, "diarization_embedded"})
    assert drop.alternative is None and drop.affected_modules == ["fusion"]
    assert assess_failure("audio", modules, set()).critical_for_job


def test_gaps_say_what_each_module_is_missing_and_why():
    from aima_desktop.domain.coverage import gaps

    runs = [run("audio", RunStatus.COMPLETED, 100.0, 1),
            run("transcript", RunStatus.ABORTED, 42.5, 2),
            run("diarization", RunStatus.REPLACED, 0.0, 3),
            run("diarization_embedded", RunStatus.ABORTED, 0.0, 4),
            run("visual", RunStatus.DROPPED, 10.0, 5),
            run("fusion", RunStatus.PENDING, 0.0, 6)]
    assert [(g.module, g.start, g.end, g.reason) for g in gaps(runs, 100.0)] == [
        ("transcript", 42.5, 100.0, "stopped"),
        ("diarization_embedded", 0.0, 100.0, "stopped"),
        ("visual", 0.0, 100.0, "dropped"),
        ("fusion", 0.0, 100.0, "not started"),
    ]
    assert gaps([run("transcript", RunStatus.REUSED, 0.0, 1)], 100.0) == []
