"""Vergeten without a VACUUM of the whole file (schema 8: every write zeroes what it
frees) still leaves no byte of the person: also not in the search rows of other people
whose texts, functions or organisation names mentioned them; and the fast pre-check of
a chunk of texts never skips a text the full matcher finds."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from dealmaker.services.people import PersonData, add_person
from dealmaker.services.privacy import forget_person
from dealmaker.storage.namematch import CELL_SEPARATOR, Identity, Mentions
from dealmaker.storage.workspace import Workspace
from trust.factories import org, person, position

SECRETS = (b"m\xc3\xbcller", b"muller", b"jos\xc3\xa9", b"12345678", b"muller@x.example")


def _leaks(folder: Path) -> list[tuple[str, bytes]]:
    return [(p.name, s) for p in folder.iterdir() if p.is_file()
            for s in SECRETS if s in p.read_bytes().lower()]


def test_search_rows_of_others_keep_nothing_of_the_forgotten(workspace: Workspace) -> None:
    jose, _ = add_person(workspace, PersonData(first_name="José", last_name="Müller",
                                               email="muller@x.example", phone="06 1234 5678"))
    with workspace.uow("Opzet") as uow:
        s = uow.session
        foundation = org(s, "Stichting José Müller")
        colleague = person(s, "Bert", "Jansen", notes="Belt vaak met José Müller")
        position(s, colleague, foundation, title="Secretaris van José Müller")
        uow.commit()
    assert _leaks(workspace.path.parent)

    forget_person(workspace, jose)

    assert _leaks(workspace.path.parent) == []
    with workspace.engine.connect() as conn:
        hits = conn.execute(text(
            "SELECT count(*) FROM person_search WHERE person_search MATCH 'muller'")).scalar()
        bert = conn.execute(text(
            "SELECT count(*) FROM person_search WHERE person_search MATCH 'jansen'")).scalar()
    assert hits == 0 and bert == 1  # Bert is still found, by what is left of him


NAMES = st.sampled_from(["José Müller", "Jose Muller", "MÜLLER", "müller", "J. Müller",
                         "Müller, José", "Jose\nMuller", "muller@x.example", "06-12345678",
                         "+31 6 1234 5678", "Mulder", "Jozef", "van der Berg"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(NAMES, st.text(max_size=30), st.just(CELL_SEPARATOR)), max_size=8))
def test_the_fast_check_never_skips_what_the_matcher_finds(pieces: list[str]) -> None:
    cells = [" ".join(pieces[i:i + 2]) for i in range(0, len(pieces), 2)]
    for phone in ("", "06 1234 5678"):
        mentions = Mentions([Identity("José", "", "Müller", "muller@x.example", phone)],
                            [Identity("Karel", "", "Mulder")])
        joined = CELL_SEPARATOR.join(cells)  # as SQLite joins a chunk
        for cell in cells:
            if mentions(cell):
                assert mentions.might_mention(cell)
                assert mentions.might_mention(joined)


def test_a_cancelled_inzage_leaves_no_file(workspace: Workspace, tmp_path: Path) -> None:
    from dealmaker.services.privacy.export import export_steps

    jose, _ = add_person(workspace, PersonData(first_name="José", last_name="Müller"))
    xlsx, js = tmp_path / "inzage.xlsx", tmp_path / "inzage.json"
    steps = export_steps(workspace, jose, xlsx, js)
    labels = [next(steps).label, next(steps).label]
    assert labels[1].startswith("Werkmap schrijven") and xlsx.exists()
    steps.close()  # Annuleren in the progress dialog closes the generator
    assert not xlsx.exists() and not js.exists()


def test_mentions_across_many_chunks_are_all_found(workspace: Workspace,
                                                   monkeypatch: object) -> None:
    """SQLite joins a chunk's cells; with chunks of 3 rows, mentions in the first, a
    middle and the last chunk (and none in others) are all replaced."""
    import pytest

    from dealmaker.storage import scrub

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(scrub, "_CHUNK", 3)
    jose, _ = add_person(workspace, PersonData(first_name="José", last_name="Müller"))
    with workspace.uow("Opzet") as uow:
        notes = ["Sprak José Müller" if i in (0, 7, 19) else f"Overleg {i}" for i in range(20)]
        for i, note in enumerate(notes):
            person(uow.session, "Bert", f"Jansen{i}", notes=note)
        uow.commit()
    forget_person(workspace, jose)
    with workspace.engine.connect() as conn:
        kept = [r[0] for r in conn.execute(text(
            "SELECT notes FROM person WHERE last_name LIKE 'Jansen%' ORDER BY rowid"))]
    assert kept.count("Sprak [vergeten persoon]") == 3
    assert [n for n in kept if "Overleg" in n] == [n for n in notes if "Overleg" in n]


def test_a_shared_number_or_address_is_forgotten_and_the_colleague_stays_editable(
        workspace: Workspace) -> None:
    """Forgetting José rewrites Bert's phone and e-mail where they were José's; that
    '[vergeten persoon]' is no phone number must not refuse every later edit of Bert
    (found by the multi-client test). The marker stays: it is how a redaction finds
    the cells it rewrote, on every copy."""
    from dealmaker.services.people import update_person

    jose, _ = add_person(workspace, PersonData(first_name="José", last_name="Müller",
                                               email="secretariaat@x.example",
                                               phone="06 1234 5678"))
    bert, _ = add_person(workspace, PersonData(first_name="Bert", last_name="Jansen",
                                               email="secretariaat@x.example",
                                               phone="0612345678"))
    forget_person(workspace, jose)
    with workspace.engine.connect() as conn:
        row = conn.execute(text("SELECT email, phone FROM person WHERE last_name = 'Jansen'"))
        assert tuple(row.one()) == ("[vergeten persoon]", "[vergeten persoon]")
    update_person(workspace, bert, notes="Belt terug")  # no ValidationError
