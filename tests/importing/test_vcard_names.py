"""A vCard's N written in lower (or upper) case takes the spelling of its FN.

BlackBerry Desktop Manager writes ``N:Doe;john;;;`` beside ``FN:John Doe``: the phone
shows "John Doe", so the contact is named that way, not "john Doe". Only the case can
come from FN; the letters are always those of N.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from dealmaker.services.importing import plan_import
from dealmaker.services.importing.names import spelled_as_in
from dealmaker.storage.workspace import Workspace

REAL = Path(__file__).parents[1] / "fixtures" / "contacts" / "real"


def test_the_blackberry_card_is_named_as_its_fn(workspace: Workspace) -> None:
    plan = plan_import(workspace, REAL / "blackberry-john-doe.vcf")
    values = plan.rows[0].values
    assert (values.first_name, values.last_name) == ("John", "Doe")


def test_a_card_whose_n_is_spelled_on_purpose_keeps_it(workspace: Workspace,
                                                       tmp_path: Path) -> None:
    card = tmp_path / "k.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:McDonald;Ewan;;;\r\n"
                    "FN:Ewan Mcdonald\r\nEND:VCARD\r\n", encoding="utf-8")
    values = plan_import(workspace, card).rows[0].values
    assert (values.first_name, values.last_name) == ("Ewan", "McDonald")


WORD = st.text(st.sampled_from("abcdeéijklmnoöprstuzABCDEÉIJKLMNOÖPRSTUZ-'"), min_size=1,
               max_size=12)


@given(WORD, st.lists(WORD, max_size=4), st.booleans())
def test_only_the_case_changes(part: str, others: list[str], upper: bool) -> None:
    shouted = part.upper() if upper else part.lower()
    full = " ".join([*others, part])
    chosen = spelled_as_in(full, shouted)
    assert chosen.casefold() == shouted.casefold()
    if shouted in (part.lower(), part.upper()) and not any(
            o.casefold() == part.casefold() for o in others):
        assert chosen == part  # FN's spelling of that word


@given(WORD, st.text(max_size=40))
def test_a_name_in_mixed_case_is_never_changed(part: str, full: str) -> None:
    if part not in (part.lower(), part.upper()):
        assert spelled_as_in(full, part) == part
