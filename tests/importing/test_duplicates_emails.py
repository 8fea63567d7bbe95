"""In-file rows with a similar name at one organisation but different e-mail addresses
are two people (found by a new-user trial: the second address was dropped on merge)."""

from pathlib import Path

from dealmaker.services.importing import plan_import
from dealmaker.storage.workspace import Workspace


def test_similar_names_with_different_emails_are_not_file_duplicates(
        workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "Voornaam;Achternaam;E-mailadres;Bedrijf\n"
        "Jan;Jansen;jan@a.example;Gemeente Ede\n"
        "Jan;Janssen;j.janssen@a.example;Gemeente Ede\n"
        "Jan;Jansen;;Gemeente Ede\n", encoding="utf-8")
    plan = plan_import(workspace, path)
    rows = {r.row: r for r in plan.rows}
    assert [d for d in rows[3].duplicates if d.kind == "file"] == []
    assert [d.row for d in rows[4].duplicates if d.kind == "file"] == [2]
