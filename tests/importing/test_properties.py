"""Property tests: what goes into a CSV comes back from the plan; names keep every letter."""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealmaker.services.importing import ContactValues, plan_import, split_full_name
from dealmaker.storage.workspace import Workspace, create_workspace
from importing.kit import write_csv

HEAD = ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres", "Telefoon", "Organisatie",
        "Functie", "Notities", "Labels"]
# Letters a Dutch contact list holds, all in Windows-1252 (so every encoding can carry them)
LOWER = "abcdefghijklmnopqrstuvwxyzéëèêïöüáàçñøå"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÉÖÜÅØ"
ODD = "'-&.()\"/;,\t"

words = st.builds(lambda a, b: a + b, st.sampled_from(UPPER),
                  st.text(alphabet=LOWER + "'-", min_size=0, max_size=10))
phrases = st.lists(words, min_size=1, max_size=3).map(" ".join)
free_text = st.text(alphabet=LOWER + UPPER + ODD + " 0123456789", min_size=0, max_size=40
                    ).map(lambda t: " ".join(t.split()))
emails = st.builds(lambda u, d, t: f"{u}@{d}.{t}",
                   st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1,
                           max_size=12).filter(lambda u: u[0].isalnum() and ".." not in u),
                   st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1,
                           max_size=10).filter(lambda d: d[0].isalnum()),
                   st.sampled_from(["nl", "com", "example", "frl"]))
phones = st.builds(lambda p, d: p + " ".join(d), st.sampled_from(["0", "+31 ", "06-"]),
                   st.lists(st.text(alphabet="0123456789", min_size=2, max_size=4),
                            min_size=2, max_size=3))  # at most 15 digits (E.164)
tags = st.lists(words, max_size=3, unique_by=str.casefold).map(tuple)
notes = st.text(alphabet=LOWER + UPPER + ODD + " \n0123456789", max_size=80).map(str.strip)

contacts = st.builds(
    ContactValues,
    first_name=st.one_of(st.just(""), phrases),
    tussenvoegsel=st.sampled_from(["", "van", "van der", "de", "ter", "in 't", "van den"]),
    last_name=phrases,
    email=st.one_of(st.just(""), emails),
    phone=st.one_of(st.just(""), phones),
    organisation=st.one_of(st.just(""), phrases, free_text.filter(bool)),
    function=st.one_of(st.just(""), free_text),
    notes=notes,
    tags=tags,
)


@pytest.fixture(scope="module")
def module_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = create_workspace(tmp_path_factory.mktemp("prop") / "p.dealmaker", lock=False)
    yield ws
    ws.close()


def _cells(c: ContactValues) -> list[str]:
    return [c.first_name, c.tussenvoegsel, c.last_name, c.email, c.phone, c.organisation,
            c.function, c.notes, ", ".join(c.tags)]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(contacts, min_size=1, max_size=8),
       sep=st.sampled_from([";", ",", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_csv_round_trip(module_workspace: Workspace, people: list[ContactValues], sep: str,
                        encoding: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_csv(Path(tmp) / "p.csv", [HEAD, *(_cells(p) for p in people)], sep=sep,
                         encoding=encoding)
        plan = plan_import(module_workspace, path)
    assert plan.separator == sep and not plan.file_problems
    assert [r.problems for r in plan.rows] == [[] for _ in people]
    assert [r.values for r in plan.rows] == people


names = st.lists(st.one_of(st.sampled_from(["van", "der", "de", "Van", "'t", "in", "ter"]),
                           st.text(alphabet=LOWER + UPPER + "-'.", min_size=1, max_size=8)),
                 max_size=6)


@settings(max_examples=300, deadline=None)
@given(parts=names, comma=st.integers(min_value=-1, max_value=5),
       pad=st.sampled_from([" ", "  ", "\t"]))
def test_name_splitting_never_loses_characters(parts: list[str], comma: int,
                                               pad: str) -> None:
    words = list(parts)
    if 0 <= comma < len(words):
        words[comma] += ","
    full = pad.join(words)
    first, tv, last = split_full_name(full)
    got = Counter("".join((first + tv + last).split()))
    wanted = Counter("".join(full.split()))
    lost = wanted - got
    assert not (got - wanted), "no characters are added"
    assert set(lost) <= {","} and lost[","] <= 1, "at most the name comma is dropped"
    if "," not in full:
        assert " ".join(p for p in (first, tv, last) if p) == " ".join(full.split())
