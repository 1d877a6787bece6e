"""The seed's notifications (section 6.1) as plain dictionaries, ready to be stored."""

from __future__ import annotations

from aima_desktop.domain.messages import abort_message, feature_name, module_title, text


def _action(action: str, job_id: int, lang: str | None) -> dict:
    return {"label": text(f"action.{action}", lang), "action": action, "params": {"job_id": job_id}}


def user_abort(job_id: int, job_name: str, percentage: int, has_results: bool,
               abort_timestamp: str, lang: str | None = None) -> dict:
    return {
        "type": "analysis_aborted",
        "subtype": "user_initiated",
        "priority": "medium",
        "title": text("title.user_abort", lang, job_name=job_name),
        "message": abort_message(percentage, has_results, lang),
        "actions": [
            _action("view_partial_results", job_id, lang),
            _action("resume_analysis", job_id, lang),
            _action("restart_analysis", job_id, lang),
        ],
        "metadata": {"job_id": job_id, "abort_timestamp": abort_timestamp,
                     "completed_percentage": percentage},
    }


def system_abort(job_id: int, job_name: str, percentage: int, error_type: str, recoverable: bool,
                 abort_timestamp: str, lang: str | None = None) -> dict:
    known = {"resource_exhaustion", "internal_error", "timeout", "bad_input", "missing_model",
             "interrupted"}
    message = text(f"system.{error_type if error_type in known else 'other'}", lang)
    message += text("system.percentage", lang, percentage=percentage)
    title_key = "title.interrupted" if error_type == "interrupted" else "title.system_abort"
    follow_up = "resume_analysis" if recoverable else "restart_analysis"
    return {
        "type": "analysis_aborted",
        "subtype": "system_initiated",
        "priority": "high",
        "title": text(title_key, lang, job_name=job_name),
        "message": message,
        "actions": [_action("view_partial_results", job_id, lang), _action(follow_up, job_id, lang)],
        "metadata": {"job_id": job_id, "abort_timestamp": abort_timestamp,
                     "completed_percentage": percentage, "error_type": error_type,
                     "recoverable": recoverable},
    }


def completed(job_id: int, job_name: str, lang: str | None = None) -> dict:
    return {
        "type": "analysis_completed",
        "subtype": None,
        "priority": "low",
        "title": text("title.completed", lang, job_name=job_name),
        "message": text("completed", lang),
        "actions": [_action("view_results", job_id, lang)],
        "metadata": {"job_id": job_id, "completed_percentage": 100},
    }


def partial_abort(job_id: int, job_name: str, failed_module: str, alternative: str | None,
                  affected_features: list[str], quality_impact: str, reason: str,
                  lang: str | None = None) -> dict:
    """The seed's partial-abort notification: one module failed, the job carries on."""
    title = module_title(failed_module, lang)
    message = text("partial.alternative" if alternative else "partial.reduced", lang, module=title)
    if affected_features:
        message += text("partial.features", lang,
                        features=", ".join(feature_name(f, lang) for f in affected_features))
    if quality_impact in ("low", "medium", "high"):
        message += text(f"partial.{quality_impact}", lang)
    if reason:
        message += " " + text("partial.reason", lang, reason=reason)
    return {
        "type": "analysis_partial_abort",
        "subtype": None,
        "priority": "medium",
        "title": text("title.partial_abort", lang, job_name=job_name),
        "message": message,
        "actions": [_action("view_analysis_details", job_id, lang),
                    _action("abort_analysis", job_id, lang)],
        "metadata": {"job_id": job_id, "failed_module": failed_module,
                     "alternative_used": alternative is not None, "alternative": alternative,
                     "affected_features": affected_features, "quality_impact": quality_impact},
    }
