"""User-facing texts of the seed in German (its own wording) and English."""

from __future__ import annotations

import os

SUPPORTED_LANGUAGES = ("de", "en")

_TEXTS: dict[str, dict[str, str]] = {
    # The user-initiated abort handler's message, chosen by the completed percentage.
    "abort.no_results": {
        "de": "Die Analyse wurde abgebrochen. Es sind keine Teilergebnisse verfügbar.",
        "en": "The analysis was aborted. No partial results are available.",
    },
    "abort.very_early": {
        "de": "Die Analyse wurde in einem sehr frühen Stadium abgebrochen. Die verfügbaren "
              "Teilergebnisse sind möglicherweise nicht aussagekräftig.",
        "en": "The analysis was aborted at a very early stage. The available partial results "
              "may not be meaningful.",
    },
    "abort.some": {
        "de": "Die Analyse wurde bei {percentage}% abgebrochen. Einige Teilergebnisse sind "
              "verfügbar, aber möglicherweise unvollständig.",
        "en": "The analysis was aborted at {percentage}%. Some partial results are available, "
              "but they may be incomplete.",
    },
    "abort.most": {
        "de": "Die Analyse wurde bei {percentage}% abgebrochen. Die meisten Ergebnisse sind "
              "verfügbar und können eingesehen werden.",
        "en": "The analysis was aborted at {percentage}%. Most results are available and can "
              "be viewed.",
    },
    "title.user_abort": {
        "de": "Analyse '{job_name}' wurde abgebrochen",
        "en": "Analysis '{job_name}' was aborted",
    },
    "title.system_abort": {
        "de": "Analyse '{job_name}' wurde aufgrund eines Fehlers abgebrochen",
        "en": "Analysis '{job_name}' was stopped by an error",
    },
    "title.interrupted": {
        "de": "Analyse '{job_name}' wurde unterbrochen",
        "en": "Analysis '{job_name}' was interrupted",
    },
    "title.partial_abort": {
        "de": "Analyse '{job_name}' wird mit eingeschränkter Funktionalität fortgesetzt",
        "en": "Analysis '{job_name}' continues with reduced functionality",
    },
    "title.completed": {
        "de": "Analyse '{job_name}' abgeschlossen",
        "en": "Analysis '{job_name}' completed",
    },
    "completed": {
        "de": "Die Analyse wurde vollständig abgeschlossen.",
        "en": "The analysis has been completed.",
    },
    "system.resource_exhaustion": {
        "de": "Die Analyse wurde aufgrund von Ressourcenmangel abgebrochen. ",
        "en": "The analysis was stopped because resources ran out. ",
    },
    "system.internal_error": {
        "de": "Die Analyse wurde aufgrund eines internen Fehlers abgebrochen. ",
        "en": "The analysis was stopped by an internal error. ",
    },
    "system.timeout": {
        "de": "Die Analyse wurde aufgrund einer Zeitüberschreitung abgebrochen. ",
        "en": "The analysis was stopped because a module stopped responding. ",
    },
    "system.bad_input": {
        "de": "Die Analyse wurde abgebrochen, weil die Mediendatei nicht gelesen werden kann. ",
        "en": "The analysis was stopped because the media file cannot be read. ",
    },
    "system.missing_model": {
        "de": "Die Analyse wurde abgebrochen, weil kein passendes Modell verfügbar ist. ",
        "en": "The analysis was stopped because no suitable model is available. ",
    },
    "system.other": {
        "de": "Die Analyse wurde aufgrund eines Systemfehlers abgebrochen. ",
        "en": "The analysis was stopped by a system error. ",
    },
    "system.interrupted": {
        "de": "Die Analyse wurde unerwartet unterbrochen (z.B. durch einen Absturz oder "
              "Stromausfall). ",
        "en": "The analysis was interrupted unexpectedly (for example by a crash or a power "
              "failure). ",
    },
    "system.percentage": {
        "de": "{percentage}% der Analyse wurden abgeschlossen.",
        "en": "{percentage}% of the analysis was completed.",
    },
    # Partial abort (seed 6.1, _send_partial_abort_notification).
    "partial.alternative": {
        "de": "Das Modul '{module}' ist ausgefallen, aber ein alternatives Modul wird verwendet. ",
        "en": "The module '{module}' failed, but an alternative module is used instead. ",
    },
    "partial.reduced": {
        "de": "Das Modul '{module}' ist ausgefallen und die Analyse wird mit reduzierter "
              "Funktionalität fortgesetzt. ",
        "en": "The module '{module}' failed and the analysis continues with reduced "
              "functionality. ",
    },
    "partial.features": {
        "de": "Folgende Funktionen sind betroffen: {features}. ",
        "en": "These features are affected: {features}. ",
    },
    "partial.low": {"de": "Die Auswirkungen auf die Ergebnisqualität sind minimal.",
                    "en": "The effect on the quality of the results is minimal."},
    "partial.medium": {"de": "Die Ergebnisqualität könnte moderat beeinträchtigt sein.",
                       "en": "The quality of the results may be moderately reduced."},
    "partial.high": {"de": "Die Ergebnisqualität wird erheblich beeinträchtigt sein.",
                     "en": "The quality of the results will be considerably reduced."},
    "partial.reason": {"de": "Grund: {reason}", "en": "Reason: {reason}"},
    "action.abort_analysis": {"de": "Analyse abbrechen", "en": "Abort analysis"},
    "action.view_partial_results": {"de": "Teilergebnisse anzeigen", "en": "Show partial results"},
    "action.restart_analysis": {"de": "Analyse neu starten", "en": "Restart analysis"},
    "action.resume_analysis": {"de": "Analyse fortsetzen", "en": "Resume analysis"},
    "action.view_results": {"de": "Ergebnisse anzeigen", "en": "Show results"},
    "action.view_analysis_details": {"de": "Details anzeigen", "en": "Show details"},
    # Resumption options (seed section 5.1).
    "resume.checkpoint": {
        "de": "Fortsetzen vom letzten Checkpoint ({percentage}% abgeschlossen)",
        "en": "Continue from the last checkpoint ({percentage}% completed)",
    },
    "resume.partial_results": {
        "de": "Teilergebnisse verwenden und fehlende Teile neu berechnen ({percentage}% verfügbar)",
        "en": "Use the partial results and recompute the missing parts ({percentage}% available)",
    },
    "resume.restart": {
        "de": "Analyse vollständig neu starten",
        "en": "Restart the analysis from scratch",
    },
}


_MODULE_TITLES = {
    "audio": {"de": "Audio-Extraktion", "en": "Audio extraction"},
    "transcript": {"de": "Spracherkennung", "en": "Speech recognition"},
    "diarization": {"de": "Sprechererkennung (pyannote)", "en": "Speaker diarization (pyannote)"},
    "diarization_embedded": {"de": "Sprechererkennung (eingebettet)",
                             "en": "Speaker diarization (embedded)"},
    "visual": {"de": "Bildanalyse", "en": "Visual analysis"},
    "fusion": {"de": "Sprecherzugeordnetes Transkript", "en": "Speaker-attributed transcript"},
}
_FEATURES = {
    "speaker turns": {"de": "Sprecherwechsel"},
    "speaker-attributed transcript": {"de": "sprecherzugeordnetes Transkript"},
    "shots": {"de": "Einstellungen"},
    "keyframes": {"de": "Schlüsselbilder"},
    "faces": {"de": "Gesichter"},
    "transcript": {"de": "Transkript"},
    "subtitles": {"de": "Untertitel"},
    "word timings": {"de": "Wortzeiten"},
    "audio track": {"de": "Tonspur"},
}


def module_title(name: str, lang: str | None = None) -> str:
    lang = lang if lang in SUPPORTED_LANGUAGES else system_language()
    return _MODULE_TITLES.get(name, {}).get(lang, name)


def feature_name(feature: str, lang: str | None = None) -> str:
    lang = lang if lang in SUPPORTED_LANGUAGES else system_language()
    return _FEATURES.get(feature, {}).get(lang, feature)


def system_language() -> str:
    """``de`` or ``en`` from the usual locale variables; English when nothing matches."""
    for variable in ("AIMA_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        for part in value.split(":"):
            code = part[:2].lower()
            if code in SUPPORTED_LANGUAGES:
                return code
    return "en"


def text(key: str, lang: str | None = None, **params: object) -> str:
    """The text ``key`` in ``lang`` (default: the system language), filled with ``params``."""
    lang = lang if lang in SUPPORTED_LANGUAGES else system_language()
    return _TEXTS[key][lang].format(**params)


def abort_message(percentage: int, has_results: bool, lang: str | None = None) -> str:
    """The user-initiated abort message, chosen by the completed percentage (seed 3.2)."""
    if not has_results:
        return text("abort.no_results", lang)
    if percentage < 10:
        return text("abort.very_early", lang)
    if percentage < 50:
        return text("abort.some", lang, percentage=percentage)
    return text("abort.most", lang, percentage=percentage)
