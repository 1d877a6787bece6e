"""ELAN annotation documents (``.eaf``, EAF 3.0): tiers per module, time slots in ms.

ELAN does not allow annotations of one tier to overlap, so a module with several kinds of
items gets a tier per kind (``visual: shot``, ``visual: face``), speaker turns a tier per
speaker, and items that still overlap (two faces at once) further tiers (``visual: face 2``).
A partial result carries ``aima:status`` and ``aima:missing`` header properties and a
``not analysed: MODULE`` tier over what each module is missing.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from aima_desktop.exports.collect import ExportData

EAF_VERSION = "3.0"
SCHEMA = "http://www.mpi.nl/tools/elan/EAFv3.0.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
GAP_TIER = "not analysed"


def _span_ms(start: float, end: float) -> tuple[int, int]:
    """Milliseconds; ELAN wants an annotation to end after it starts."""
    start_ms = round(start * 1000)
    return start_ms, max(start_ms + 1, round(end * 1000))


def _lanes(name: str, items: list[tuple[int, int, str]]) -> dict[str, list]:
    """``items`` spread over as few tiers as needed for none to overlap within a tier."""
    lanes: list[list[tuple[int, int, str]]] = []
    for item in sorted(items):
        lane = next((lane for lane in lanes if lane[-1][1] <= item[0]), None)
        if lane is None:
            lanes.append([item])
        else:
            lane.append(item)
    return {name if i == 0 else f"{name} {i + 1}": lane for i, lane in enumerate(lanes)}


def _tier_items(data: ExportData) -> dict[str, list[tuple[int, int, str]]]:
    groups: dict[str, list[tuple[int, int, str]]] = {}
    for module, events in data.events.items():
        kinds = {e.kind for e in events}
        for event in events:
            if event.kind == "turn":
                name = f"{module}: {event.label}"
            else:
                name = module if len(kinds) == 1 else f"{module}: {event.kind}"
            groups.setdefault(name, []).append((*_span_ms(event.start, event.end), event.label))
    for gap in data.gaps:
        groups.setdefault(f"{GAP_TIER}: {gap.module}", []).append(
            (*_span_ms(gap.start, gap.end), gap.reason))
    tiers: dict[str, list[tuple[int, int, str]]] = {}
    for name, items in groups.items():
        tiers.update(_lanes(name, items))
    return tiers


def to_eaf(data: ExportData) -> bytes:
    ET.register_namespace("xsi", XSI)
    root = ET.Element("ANNOTATION_DOCUMENT", {
        "AUTHOR": "AIMA Desktop", "DATE": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "FORMAT": EAF_VERSION, "VERSION": EAF_VERSION, f"{{{XSI}}}noNamespaceSchemaLocation": SCHEMA,
    })
    header = ET.SubElement(root, "HEADER", {"MEDIA_FILE": "", "TIME_UNITS": "milliseconds"})
    media = Path(data.media.path)
    ET.SubElement(header, "MEDIA_DESCRIPTOR", {
        "MEDIA_URL": media.as_uri() if media.is_absolute() else media.name,
        "MIME_TYPE": "video/mp4" if data.media.media_type == "video" else "audio/x-wav",
    })
    properties = {"aima:job": str(data.job.id), "aima:status": data.header()["status"]}
    if data.partial:
        properties["aima:missing"] = data.gap_summary()
    for name, value in properties.items():
        ET.SubElement(header, "PROPERTY", {"NAME": name}).text = value

    tiers = _tier_items(data)
    times = sorted({ms for items in tiers.values() for start, end, _ in items
                    for ms in (start, end)})
    slot = {ms: f"ts{i}" for i, ms in enumerate(times, start=1)}
    order = ET.SubElement(root, "TIME_ORDER")
    for ms, slot_id in slot.items():
        ET.SubElement(order, "TIME_SLOT", {"TIME_SLOT_ID": slot_id, "TIME_VALUE": str(ms)})
    annotation_id = 0
    for name, items in tiers.items():
        tier = ET.SubElement(root, "TIER", {"TIER_ID": name, "LINGUISTIC_TYPE_REF": "default-lt"})
        for start, end, label in items:
            annotation_id += 1
            annotation = ET.SubElement(ET.SubElement(tier, "ANNOTATION"), "ALIGNABLE_ANNOTATION", {
                "ANNOTATION_ID": f"a{annotation_id}",
                "TIME_SLOT_REF1": slot[start],
                "TIME_SLOT_REF2": slot[end],
            })
            ET.SubElement(annotation, "ANNOTATION_VALUE").text = label
    ET.SubElement(root, "LINGUISTIC_TYPE", {"LINGUISTIC_TYPE_ID": "default-lt",
                                            "TIME_ALIGNABLE": "true", "GRAPHIC_REFERENCES": "false"})
    for stereotype, description in (
            ("Time_Subdivision", "Time subdivision of parent annotation's time interval, no time "
             "gaps allowed within this interval"),
            ("Symbolic_Subdivision", "Symbolic subdivision of a parent annotation. Annotations "
             "refering to the same parent are ordered"),
            ("Symbolic_Association", "1-1 association with a parent annotation"),
            ("Included_In", "Time alignable annotations within the parent annotation's time "
             "interval, gaps are allowed")):
        ET.SubElement(root, "CONSTRAINT", {"STEREOTYPE": stereotype, "DESCRIPTION": description})
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)
