<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AbortDetailsPanel</name>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="46"/>
        <source>Stopped at:</source>
        <translation>Angehalten um:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="47"/>
        <source>Abort type:</source>
        <translation>Abbruchart:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="48"/>
        <source>Progress at abort:</source>
        <translation>Fortschritt beim Abbruch:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="49"/>
        <source>Modules:</source>
        <translation>Module:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="50"/>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="53"/>
        <source>Show partial results</source>
        <translation>Teilergebnisse anzeigen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="54"/>
        <location filename="../../aima_desktop/ui/abort_details.py" line="108"/>
        <source>Delete analysis</source>
        <translation>Analyse löschen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="55"/>
        <source>New analysis</source>
        <translation>Neue Analyse</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="56"/>
        <source>Resume analysis</source>
        <translation>Analyse fortsetzen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="57"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="74"/>
        <source>%1 — job %2: %3</source>
        <translation>%1 — Auftrag %2: %3</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="79"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="79"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="87"/>
        <source>complete: %1</source>
        <translation>vollständig: %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="88"/>
        <source>incomplete: %1</source>
        <translation>unvollständig: %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="89"/>
        <source>not started: %1</source>
        <translation>nicht gestartet: %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="90"/>
        <source>%1 s of %2 s processed</source>
        <translation>%1 s von %2 s verarbeitet</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="104"/>
        <source>Delete this analysis? All partial results will be lost.</source>
        <translation>Diese Analyse löschen? Alle Teilergebnisse gehen verloren.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_details.py" line="106"/>
        <source>Jobs %1 share these results and are deleted with it.</source>
        <translation>Die Aufträge %1 teilen diese Ergebnisse und werden mit gelöscht.</translation>
    </message>
</context>
<context>
    <name>AbortDialog</name>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="31"/>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="69"/>
        <source>Abort analysis</source>
        <translation>Analyse abbrechen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="46"/>
        <source>Abort the analysis and close AIMA Desktop?</source>
        <translation>Analyse abbrechen und AIMA Desktop schließen?</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="47"/>
        <source>Abort the analysis?</source>
        <translation>Analyse abbrechen?</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="51"/>
        <source>Everything finished so far is kept. You can resume later from the last checkpoint.</source>
        <translation>Alles bisher Fertige bleibt erhalten. Sie können später vom letzten Checkpoint fortsetzen.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="52"/>
        <source>Reason (optional):</source>
        <translation>Grund (optional):</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="61"/>
        <source>Describe the reason</source>
        <translation>Grund beschreiben</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="67"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="89"/>
        <source>Stopping the analysis…</source>
        <translation>Die Analyse wird angehalten…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="92"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="92"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="99"/>
        <source>Stop now</source>
        <translation>Sofort beenden</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="101"/>
        <source>End the remaining workers at once. Committed results are kept; the unit each worker is processing is lost.</source>
        <translation>Die verbleibenden Prozesse sofort beenden. Gespeicherte Ergebnisse bleiben erhalten; die gerade bearbeitete Einheit geht verloren.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../aima_desktop/ui/abort_dialog.py" line="131"/>
        <source>Workers have %n second(s) left to stop on their own.</source>
        <translation>
            <numerusform>Die Prozesse haben noch %n Sekunde, um selbst anzuhalten.</numerusform>
            <numerusform>Die Prozesse haben noch %n Sekunden, um selbst anzuhalten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="26"/>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="104"/>
        <source>No media. Open a file (Ctrl+O) or drop it here.</source>
        <translation>Kein Medium. Öffnen Sie eine Datei (Strg+O) oder ziehen Sie sie hierher.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="30"/>
        <source>Modules</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="36"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="37"/>
        <source>Start the analysis (Ctrl+R)</source>
        <translation>Analyse starten (Strg+R)</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="38"/>
        <source>Abort</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="39"/>
        <source>Abort the analysis; finished work is kept</source>
        <translation>Analyse abbrechen; fertige Ergebnisse bleiben erhalten</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="46"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="50"/>
        <source>Overall</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="74"/>
        <source>Device: %1 · Model: %2</source>
        <translation>Gerät: %1 · Modell: %2</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="77"/>
        <source>Cannot run here: %1</source>
        <translation>Hier nicht ausführbar: %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="88"/>
        <source>the media has no video track</source>
        <translation>das Medium hat keine Videospur</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="90"/>
        <source>the media has no audio track</source>
        <translation>das Medium hat keine Tonspur</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="106"/>
        <source>video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="106"/>
        <source>audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="129"/>
        <source>Time left: %1</source>
        <translation>Verbleibende Zeit: %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/analysis_panel.py" line="145"/>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="27"/>
        <source>Export job %1</source>
        <translation>Auftrag %1 exportieren</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="35"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="38"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="42"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="45"/>
        <source>This result is partial: the export says so and marks what is missing.</source>
        <translation>Dieses Ergebnis ist unvollständig: Der Export sagt das und markiert, was fehlt.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="54"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="64"/>
        <source>SubRip subtitles</source>
        <translation>SubRip-Untertitel</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="65"/>
        <source>WebVTT subtitles</source>
        <translation>WebVTT-Untertitel</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="66"/>
        <source>Plain-text transcript with speakers</source>
        <translation>Transkript mit Sprechern als reiner Text</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="67"/>
        <source>Markdown transcript with speakers</source>
        <translation>Transkript mit Sprechern als Markdown</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="68"/>
        <source>Word document: transcript with speakers</source>
        <translation>Word-Dokument: Transkript mit Sprechern</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="69"/>
        <source>Timeline events as CSV (spreadsheets, QDA tools)</source>
        <translation>Zeitleisten-Einträge als CSV (Tabellenkalkulation, QDA-Programme)</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="70"/>
        <source>Timeline events as tab-separated values</source>
        <translation>Zeitleisten-Einträge als tabulatorgetrennte Werte</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="71"/>
        <source>Speaker turns as RTTM (pyannote.metrics, dscore)</source>
        <translation>Sprecherwechsel als RTTM (pyannote.metrics, dscore)</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="72"/>
        <source>ELAN annotation document: tiers per module and speaker</source>
        <translation>ELAN-Annotationsdokument: Spuren je Modul und Sprecher</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="73"/>
        <source>Everything, in AIMA&apos;s partial-result structure</source>
        <translation>Alles, in AIMAs Struktur für Teilergebnisse</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="95"/>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/export_dialog.py" line="103"/>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
</context>
<context>
    <name>JobHistory</name>
    <message>
        <location filename="../../aima_desktop/ui/job_history.py" line="21"/>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/job_history.py" line="21"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/job_history.py" line="21"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/job_history.py" line="22"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/job_history.py" line="35"/>
        <source>(resumes %1)</source>
        <translation>(setzt %1 fort)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="15"/>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="16"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="17"/>
        <source>aborting</source>
        <translation>wird abgebrochen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="18"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="19"/>
        <source>aborted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="20"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="21"/>
        <source>paused for recovery</source>
        <translation>zur Wiederherstellung pausiert</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="22"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="23"/>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="24"/>
        <source>reused</source>
        <translation>wiederverwendet</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="25"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="26"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="27"/>
        <source>stopping</source>
        <translation>hält an</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="28"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="29"/>
        <source>killed</source>
        <translation>beendet (erzwungen)</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="30"/>
        <source>dropped</source>
        <translation>weggelassen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="31"/>
        <source>replaced by an alternative</source>
        <translation>durch eine Alternative ersetzt</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="38"/>
        <source>Audio extraction</source>
        <translation>Audio-Extraktion</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="39"/>
        <source>Speech recognition</source>
        <translation>Spracherkennung</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="40"/>
        <source>Speaker diarization</source>
        <translation>Sprechererkennung</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="41"/>
        <source>Speaker diarization (embedded)</source>
        <translation>Sprechererkennung (eingebettet)</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="42"/>
        <source>Visual analysis</source>
        <translation>Bildanalyse</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="43"/>
        <source>Speaker-attributed transcript</source>
        <translation>Sprecherzugeordnetes Transkript</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="50"/>
        <source>Decodes the sound track to 16 kHz mono for the other modules.</source>
        <translation>Dekodiert die Tonspur für die anderen Module in 16 kHz Mono.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="51"/>
        <source>Transcribes speech with faster-whisper: segments, words, language.</source>
        <translation>Transkribiert Sprache mit faster-whisper: Segmente, Wörter, Sprache.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="53"/>
        <source>Who speaks when: a pyannote.audio pipeline, else the embedded one.</source>
        <translation>Wer spricht wann: eine pyannote.audio-Pipeline, sonst die eingebettete.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="55"/>
        <source>Shots (cuts and gradual), keyframes, faces (OpenCV).</source>
        <translation>Einstellungen (Schnitte und Überblendungen), Schlüsselbilder, Gesichter (OpenCV).</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="56"/>
        <source>A speaker for every word and segment of the transcript.</source>
        <translation>Ein Sprecher für jedes Wort und Segment des Transkripts.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="64"/>
        <source>The analysis takes unexpectedly long</source>
        <translation>Unerwartet lange Laufzeit</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="65"/>
        <source>Wrong parameters or data were used</source>
        <translation>Falsche Parameter oder Daten verwendet</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="66"/>
        <source>Priorities or requirements have changed</source>
        <translation>Prioritäten oder Anforderungen haben sich geändert</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/labels.py" line="67"/>
        <source>Other reason</source>
        <translation>Anderer Grund</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="70"/>
        <source>Click an item on the timeline to see its details.</source>
        <translation>Klicken Sie auf ein Element der Zeitleiste, um Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="77"/>
        <location filename="../../aima_desktop/ui/main_window.py" line="82"/>
        <source>Play from here</source>
        <translation>Ab hier abspielen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="82"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="109"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="110"/>
        <source>Job details</source>
        <translation>Auftragsdetails</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="112"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="140"/>
        <source>Open a media file or a project to begin.</source>
        <translation>Öffnen Sie eine Mediendatei oder ein Projekt, um zu beginnen.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="158"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="159"/>
        <source>&amp;New project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="160"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="161"/>
        <source>Open project &amp;folder…</source>
        <translation>Projekt&amp;ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="162"/>
        <source>&amp;Recent projects</source>
        <translation>&amp;Zuletzt verwendete Projekte</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="165"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="167"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="170"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="171"/>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="172"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="175"/>
        <source>&amp;Abort…</source>
        <translation>&amp;Abbrechen…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="176"/>
        <source>&amp;Resume…</source>
        <translation>&amp;Fortsetzen…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="177"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="178"/>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="179"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="180"/>
        <source>&amp;Whole file</source>
        <translation>&amp;Ganze Datei</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="184"/>
        <location filename="../../aima_desktop/ui/main_window.py" line="185"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="186"/>
        <source>&amp;About AIMA Desktop</source>
        <translation>&amp;Über AIMA Desktop</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="203"/>
        <source>An analysis is running. Abort it before opening another project.</source>
        <translation>Eine Analyse läuft. Brechen Sie sie ab, bevor Sie ein anderes Projekt öffnen.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="243"/>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="252"/>
        <source>Ready: press Start (Ctrl+R).</source>
        <translation>Bereit: Starten drücken (Strg+R).</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="264"/>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="265"/>
        <source>AIMA projects (*.aima)</source>
        <translation>AIMA-Projekte (*.aima)</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="271"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="278"/>
        <source>Open a media file or a project</source>
        <translation>Mediendatei oder Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="279"/>
        <source>Media files and projects (*.mp4 *.mkv *.mov *.avi *.webm *.wav *.mp3 *.m4a *.flac *.ogg project.db);;All files (*)</source>
        <translation>Mediendateien und Projekte (*.mp4 *.mkv *.mov *.avi *.webm *.wav *.mp3 *.m4a *.flac *.ogg project.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="323"/>
        <source>Analysing… (Ctrl+. aborts)</source>
        <translation>Analyse läuft… (Strg+. bricht ab)</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="353"/>
        <source>Job %1: %2</source>
        <translation>Auftrag %1: %2</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="406"/>
        <source>Playback is not available: %1. Install the PulseAudio client library (libpulse0).</source>
        <translation>Wiedergabe nicht verfügbar: %1. Installieren Sie die PulseAudio-Client-Bibliothek (libpulse0).</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="409"/>
        <source>The media file is no longer at %1</source>
        <translation>Die Mediendatei liegt nicht mehr unter %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="415"/>
        <source>No item here.</source>
        <translation>Hier ist kein Element.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="423"/>
        <source>%1 words, mean confidence %2</source>
        <translation>%1 Wörter, mittlere Konfidenz %2</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="426"/>
        <source>Playback needs PySide6-Addons (QtMultimedia).</source>
        <translation>Die Wiedergabe benötigt PySide6-Addons (QtMultimedia).</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="438"/>
        <source>Open a project with an analysis to export.</source>
        <translation>Öffnen Sie ein Projekt mit einer Analyse, um sie zu exportieren.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="442"/>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="475"/>
        <source>Analysis deleted.</source>
        <translation>Analyse gelöscht.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="495"/>
        <source>Notifications: %1</source>
        <translation>Benachrichtigungen: %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="511"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="512"/>
        <source>&lt;p&gt;&lt;b&gt;Open&lt;/b&gt; a video or audio file (Ctrl+O, or drop it on the window), choose the modules and press &lt;b&gt;Start&lt;/b&gt; (Ctrl+R).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Abort&lt;/b&gt; at any moment (Ctrl+. or closing the window): everything finished is kept. When you open the project again, AIMA Desktop offers to continue from the last checkpoint.&lt;/p&gt;&lt;p&gt;Timeline: Ctrl+wheel or +/- zooms, the wheel or a drag pans, a click shows an item&apos;s details. Hatched ranges are not processed yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Öffnen&lt;/b&gt; Sie eine Video- oder Audiodatei (Strg+O, oder ziehen Sie sie auf das Fenster), wählen Sie die Module und drücken Sie &lt;b&gt;Starten&lt;/b&gt; (Strg+R).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Abbrechen&lt;/b&gt; können Sie jederzeit (Strg+. oder Fenster schließen): alles Fertige bleibt erhalten. Wenn Sie das Projekt wieder öffnen, bietet AIMA Desktop an, vom letzten Checkpoint fortzusetzen.&lt;/p&gt;&lt;p&gt;Zeitleiste: Strg+Mausrad oder +/- zoomt, das Mausrad oder Ziehen verschiebt, ein Klick zeigt die Details eines Elements. Schraffierte Bereiche sind noch nicht verarbeitet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="523"/>
        <source>About AIMA Desktop</source>
        <translation>Über AIMA Desktop</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/main_window.py" line="525"/>
        <source>Offline analysis of interviews and recordings.</source>
        <translation>Offline-Analyse von Interviews und Aufnahmen.</translation>
    </message>
</context>
<context>
    <name>NotificationCentre</name>
    <message>
        <location filename="../../aima_desktop/ui/notifications.py" line="65"/>
        <source>Mark all as read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <location filename="../../aima_desktop/ui/resume_dialog.py" line="34"/>
        <source>Resume analysis</source>
        <translation>Analyse fortsetzen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/resume_dialog.py" line="39"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — job %2, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Auftrag %2, %3</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/resume_dialog.py" line="49"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/resume_dialog.py" line="53"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/resume_dialog.py" line="54"/>
        <source>This analysis cannot be resumed: %1</source>
        <translation>Diese Analyse kann nicht fortgesetzt werden: %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/resume_dialog.py" line="59"/>
        <source>How do you want to continue?</source>
        <translation>Wie möchten Sie fortfahren?</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/resume_dialog.py" line="65"/>
        <source>recommended</source>
        <translation>empfohlen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/resume_dialog.py" line="73"/>
        <source>    saved %1</source>
        <translation>    gespeichert %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/resume_dialog.py" line="78"/>
        <source>Continue analysis</source>
        <translation>Analyse fortsetzen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="22"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="26"/>
        <source>Speech recognition</source>
        <translation>Spracherkennung</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="28"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="28"/>
        <source>shipped default (base)</source>
        <translation>mitgeliefertes Standardmodell (base)</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="29"/>
        <source>A folder with model.bin (faster-whisper), or base / tiny.en</source>
        <translation>Ein Ordner mit model.bin (faster-whisper), oder base / tiny.en</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="31"/>
        <source>detect</source>
        <translation>erkennen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="32"/>
        <source>Language code of the speech, e.g. en or de</source>
        <translation>Sprachcode der Aufnahme, z. B. en oder de</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="33"/>
        <source>Language of the analysis:</source>
        <translation>Sprache der Analyse:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="36"/>
        <source>Speaker diarization</source>
        <translation>Sprechererkennung</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="38"/>
        <source>pyannote pipeline:</source>
        <translation>pyannote-Pipeline:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="38"/>
        <source>none: the embedded alternative</source>
        <translation>keine: die eingebaute Alternative</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="39"/>
        <source>A local pipeline folder (config.yaml), or a pipeline name used with the token</source>
        <translation>Ein lokaler Pipeline-Ordner (config.yaml) oder ein Pipeline-Name, der mit dem Token geladen wird</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="44"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="45"/>
        <source>Kept in your settings only, never in a project</source>
        <translation>Nur in Ihren Einstellungen gespeichert, nie in einem Projekt</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="46"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="51"/>
        <source>Hugging Face token:</source>
        <translation>Hugging-Face-Token:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="55"/>
        <source>estimate</source>
        <translation>schätzen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="56"/>
        <source>Number of speakers:</source>
        <translation>Anzahl der Sprecher:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="58"/>
        <source>Running and stopping</source>
        <translation>Ausführen und Anhalten</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="62"/>
        <source>Grace period on abort:</source>
        <translation>Karenzzeit beim Abbruch:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="64"/>
        <source>Retry on the CPU</source>
        <translation>Auf der CPU wiederholen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="65"/>
        <source>Retry with a smaller batch</source>
        <translation>Mit kleinerer Stapelgröße wiederholen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="66"/>
        <source>Ask me</source>
        <translation>Nachfragen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="68"/>
        <source>Out of GPU memory:</source>
        <translation>GPU-Speicher erschöpft:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="72"/>
        <source>each module&apos;s default</source>
        <translation>Voreinstellung jedes Moduls</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="74"/>
        <source>Media seconds between commits: the most an abort or a crash can lose</source>
        <translation>Mediensekunden zwischen zwei Sicherungen: höchstens so viel geht bei Abbruch oder Absturz verloren</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="75"/>
        <source>Checkpoint every:</source>
        <translation>Sicherung alle:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="77"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="79"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="82"/>
        <source>Language (after a restart):</source>
        <translation>Sprache (nach Neustart):</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="88"/>
        <source>Clear cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="93"/>
        <source>Cache size:</source>
        <translation>Cache-Größe:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="99"/>
        <source>Stored in %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="125"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="134"/>
        <source>GPU if available, else CPU</source>
        <translation>GPU, falls vorhanden, sonst CPU</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="135"/>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="137"/>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="141"/>
        <source>Choose a folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="183"/>
        <source>The settings could not be saved: %1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/settings_dialog.py" line="194"/>
        <source>%1 MB in use</source>
        <translation>%1 MB belegt</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../aima_desktop/ui/timeline_view.py" line="64"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/timeline_view.py" line="110"/>
        <source>Open a media file or a project to see its timeline.</source>
        <translation>Öffnen Sie eine Mediendatei oder ein Projekt, um die Zeitleiste zu sehen.</translation>
    </message>
    <message>
        <location filename="../../aima_desktop/ui/timeline_view.py" line="144"/>
        <source>not yet processed</source>
        <translation>noch nicht verarbeitet</translation>
    </message>
</context>
</TS>
