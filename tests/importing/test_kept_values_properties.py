"""Property tests: whatever a phone, e-mail or vCard line holds, the contact is read and
nothing typed is lost (it is in its field or, marked, in the notes)."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealmaker.services.importing.mapping import guess_mapping
from dealmaker.services.importing.rows import map_rows
from dealmaker.services.importing.table import Table
from dealmaker.services.importing.values import MAX_LENGTH, cell_value, clean_email, clean_phone
from dealmaker.services.importing.vcard import read_vcards
from dealmaker.services.importing.vcard_lines import parse_line, text_of

FAST = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
HEAD = ["Voornaam", "Achternaam", "E-mailadres", "Telefoon", "Bedrijf"]


def _row(cells: list[str]) -> Table:
    return Table("csv", HEAD, [(2, cells)])


ONE_VALUE = TEXT.filter(lambda t: ":::" not in t and not any(c in t for c in "\r\n\x0b\x0c"
                                                                 "\x1c\x1d\x1e\x85"
                                                                 "\u2028\u2029"))


@FAST
@given(phone=ONE_VALUE, email=ONE_VALUE)
def test_any_phone_or_email_text_is_kept(phone: str, email: str) -> None:
    """A phone that is not a number stays as text, marked, in the notes (and a warning)."""
    (row,) = map_rows(_row(["Jan", "Jansen", email, phone, ""]), guess_mapping(HEAD))
    assert row.valid and row.values.last_name == "Jansen"
    for raw, clean, label, why, field in (
            (phone, clean_phone, "Telefoon", "geen nummer", "phone"),
            (email, clean_email, "E-mailadres", "geen geldig e-mailadres", "email")):
        value, ok = clean(cell_value(raw).strip())
        if not cell_value(raw).strip():
            continue
        if ok and len(value) <= MAX_LENGTH[field]:
            assert getattr(row.values, field) == value
        else:
            assert f"{label} ({why}): {value.strip()}" in row.values.notes
            assert any(w.reason.startswith(why) for w in row.warnings)


@FAST
@given(org=TEXT, email=TEXT, phone=TEXT)
def test_a_row_without_a_name_is_named_or_left_out(org: str, email: str, phone: str) -> None:
    (row,) = map_rows(_row(["", "", email, phone, org]), guess_mapping(HEAD))
    if row.valid:
        assert row.values.last_name.strip()
    else:
        assert not (row.values.organisation or row.values.email or row.values.phone)


LINE = st.one_of(
    TEXT,
    st.builds(lambda n, p, v: f"{n}{p}:{v}",
              st.sampled_from(["N", "FN", "TEL", "EMAIL", "ORG", "NOTE", "item1.TEL",
                               "CATEGORIES", "PHOTO", "X-ABLabel", "URL", "item2.URL"]),
              st.sampled_from(["", ";TYPE=pref", ";CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE",
                               ";ENCODING=QUOTED-PRINTABLE", ";VALUE=uri", ';X="a:b"',
                               ";CHARSET=nonsense;QUOTED-PRINTABLE"]),
              TEXT))


@FAST
@given(cards=st.lists(st.lists(LINE, max_size=8), min_size=1, max_size=4),
       end=st.sampled_from(["\r\n", "\n", "\r", "\r\r\n"]))
def test_any_card_lines_give_one_row_per_card(cards: list[list[str]], end: str) -> None:
    text = "".join("BEGIN:VCARD" + end + "".join(
        line.replace("\r", " ").replace("\n", " ") + end for line in lines
        if line.strip().upper() not in ("BEGIN:VCARD", "END:VCARD")) + "END:VCARD" + end
        for lines in cards)
    table = read_vcards(io.StringIO(text, newline=""), "k.vcf")
    assert len(table.rows) == len(cards)
    rows = map_rows(table, dict(table.mapping or {}))
    assert len(rows) == len(cards)


@FAST
@given(value=TEXT)
def test_a_property_value_survives_escaping(value: str) -> None:
    escaped = (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
               .replace("\n", "\\n").replace("\r", ""))
    prop = parse_line(f"NOTE:{escaped}")
    assert prop is not None and text_of(prop) == value.replace("\r", "").strip()
