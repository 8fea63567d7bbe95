"""The worksheets of an .xlsx by name, in the workbook's order, from its own XML.

Follows the package relationships (``_rels/.rels`` -> workbook -> its ``.rels``) so
that each sheet name is paired with the zip member that holds it. Anything unusual
gives an empty list, and the caller then streams every sheet instead.
"""

from __future__ import annotations

import posixpath
from xml.etree import ElementTree

_OFFICE_DOCUMENT = "/officeDocument"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _relations(data: bytes | None, base: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, member path) of one ``.rels`` file."""
    out: dict[str, tuple[str, str]] = {}
    if data is None:
        return out
    for element in ElementTree.fromstring(data).iter():
        if _local(element.tag) == "Relationship" and element.get("TargetMode") != "External":
            target = element.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(base, target))
            out[element.get("Id", "")] = (element.get("Type", ""), path)
    return out


def sheet_members(kept: dict[str, bytes]) -> list[tuple[str, str]]:
    """[(sheet name, zip member)] of the worksheets; [] when the layout is not understood."""
    try:
        package = _relations(kept.get("_rels/.rels"), "")
        workbook = next((path for kind, path in package.values()
                         if kind.endswith(_OFFICE_DOCUMENT)), "xl/workbook.xml")
        folder, file = posixpath.split(workbook)
        rels = _relations(kept.get(posixpath.join(folder, "_rels", f"{file}.rels")), folder)
        data = kept.get(workbook)
        if data is None:
            return []
        out = []
        for element in ElementTree.fromstring(data).iter():
            if _local(element.tag) != "sheet":
                continue
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            if rid in rels:
                out.append((element.get("name", ""), rels[rid][1]))
        return out
    except (ElementTree.ParseError, ValueError):
        return []
