"""Follow-ups as .ics: RFC 5545 structure, escaping, folding at 75 octets, parse-back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from dealmaker.export.ics import calendar_text, escape_text, export_follow_ups_ics, fold_line
from dealmaker.export.text import plain
from dealmaker.services.interactions import follow_ups
from dealmaker.storage.workspace import Workspace
from directory.factory import Factory

NOW = datetime(2026, 6, 1, 14, 30, 5, tzinfo=UTC)


@dataclass(frozen=True)
class Row:
    interaction_id: str
    follow_up_on: date
    action: str
    summary: str = ""
    occurred_on: date = date(2026, 5, 1)
    participants_text: str = ""
    deals_text: str = ""


def unfold(data: str) -> list[str]:
    """Minimal RFC 5545 reader: CRLF lines, continuation lines start with a space."""
    assert "\n" not in data.replace("\r\n", "")
    lines: list[str] = []
    for raw in data.split("\r\n")[:-1]:
        if raw.startswith(" "):
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return lines


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def events(data: str) -> list[dict[str, str]]:
    found, current = [], None
    for line in unfold(data):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            found.append(current)
            current = None
        elif current is not None:
            name, value = line.split(":", 1)
            current[name] = unescape(value) if name in ("SUMMARY", "DESCRIPTION") else value
    return found


def test_escaping() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_folding_keeps_75_octets_and_round_trips(text: str) -> None:
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert unfold(folded + "\r\n") == [line]
    assert unescape(line.split(":", 1)[1]) == plain(text)  # controls shown as pictures


def test_calendar_structure() -> None:
    data = calendar_text([Row("abc", date(2026, 6, 3), "Bellen over; de, deal\\x")], NOW)
    lines = unfold(data)
    assert data.endswith("END:VCALENDAR\r\n")
    assert lines[:3] == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Dealmaker//Opvolgen//NL"]
    [event] = events(data)
    assert event["UID"] == "abc@dealmaker"
    assert event["DTSTAMP"] == "20260601T143005Z"
    assert event["DTSTART;VALUE=DATE"] == "20260603"
    assert event["DTEND;VALUE=DATE"] == "20260604"
    assert event["SUMMARY"] == "Bellen over; de, deal\\x"
    assert event["DESCRIPTION"] == "Contactmoment van 01-05-2026"


def test_export_from_the_follow_up_list_and_parse_back(workspace: Workspace, make: Factory,
                                                       tmp_path: Path) -> None:
    emmen = make.org("Gemeente Emmen", short="Emmen")
    a = make.person("Anna", "Berg", tv="van den", at=emmen)
    b = make.person("Çiğdem", "Özdemir")
    deal = make.deal("Zuid- en Oost-Drenthe")
    long_summary = "Uitgebreid gesprek over woningbouw, mbo-onderwijs; en de regio " * 4
    iid = make.contact([a, b], date(2026, 5, 1), follow_up_on=date(2026, 6, 10),
                       action="Notitie sturen", deals=[deal], summary=long_summary)
    make.contact([a], date(2026, 5, 2), follow_up_on=date(2026, 6, 11))  # no action text
    rows = follow_ups(workspace, until=date(2026, 12, 31), today=date(2026, 6, 1))
    path = tmp_path / "opvolgen.ics"
    assert export_follow_ups_ics(rows, path, NOW) == 2
    raw = path.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")  # CRLF only
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    first, second = events(raw.decode("utf-8"))
    assert first["UID"] == f"{iid}@dealmaker" and first["SUMMARY"] == "Notitie sturen"
    assert first["DESCRIPTION"] == (
        "Met: Anna van den Berg (Emmen), Çiğdem Özdemir\nDeals: Zuid- en Oost-Drenthe\n"
        f"Contactmoment van 01-05-2026: {long_summary.strip()}")
    assert second["SUMMARY"] == "Opvolgen"
    # the same follow-up exported again gets the same UID (calendars update, not duplicate)
    export_follow_ups_ics(rows, path, NOW)
    assert events(path.read_bytes().decode("utf-8"))[0]["UID"] == first["UID"]
    # an independent reader agrees (vobject is a dependency of the app)
    import vobject

    cal = vobject.readOne(raw.decode("utf-8"))
    parsed = sorted(cal.vevent_list, key=lambda e: e.dtstart.value)
    assert parsed[0].dtstart.value == date(2026, 6, 10)
    assert parsed[0].description.value == first["DESCRIPTION"]
    assert parsed[0].dtstamp.value == NOW
