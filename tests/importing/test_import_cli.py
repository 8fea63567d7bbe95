"""`dealmaker import` and `dealmaker export-vcard` end to end, as a script user meets them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dealmaker.__main__ import main
from importing.kit import fingerprint, write_csv

HEAD = ["Voornaam", "Achternaam", "E-mailadres", "Bedrijf", "Functie"]


def test_import_then_again_with_duplicates(workspace_path: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "lijst.csv", [
        HEAD, ["Eva", "Smit", "eva@ede.example", "Gemeente Ede", "Wethouder"],
        ["Tom", "de Boer", "tom@ocw.example", "Ministerie van OCW", ""]])
    assert main(["import", "--db", str(workspace_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert "nieuw:                2" in out and "nieuwe organisaties: 2" in out
    assert main(["import", "--db", str(workspace_path), str(path),
                 "--on-duplicate", "skip"]) == 0
    assert "overgeslagen:         2" in capsys.readouterr().out
    out_file = tmp_path / "uit.vcf"
    assert main(["export-vcard", "--db", str(workspace_path), "--out", str(out_file),
                 "--search", "ede"]) == 0
    assert "1 contact geschreven" in capsys.readouterr().out
    assert "FN:Eva Smit" in out_file.read_text(encoding="utf-8")
    assert main(["export-vcard", "--db", str(workspace_path), "--out", str(out_file)]) == 0
    assert out_file.read_text(encoding="utf-8").count("BEGIN:VCARD") == 2


def test_invalid_values_are_warnings_not_refusals(workspace_path: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "mix.csv", [HEAD, ["Eva", "Smit", "eva(at)ede", "", ""],
                                           ["Tom", "Wit", "tom@ede.example", "", ""]])
    assert main(["import", "--db", str(workspace_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert "nieuw:                2" in out and "afgewezen:            0" in out
    assert ("mix.csv, rij 2, kolom E-mailadres: geen geldig e-mailadres: 'eva(at)ede' staat "
            "in de notities") in out
    assert main(["import", "--db", str(workspace_path), str(path)]) == 0  # again: nothing new
    assert "nieuw:                0" in capsys.readouterr().out


def test_bad_file_exits_1_with_one_line(workspace_path: Path, tmp_path: Path) -> None:
    junk = tmp_path / "foto.csv"
    junk.write_bytes(bytes(range(256)) * 4)
    before = fingerprint(workspace_path)
    proc = subprocess.run([sys.executable, "-m", "dealmaker", "import", "--db",
                           str(workspace_path), str(junk)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert "foto.csv: geen tekstbestand" in proc.stderr and "Traceback" not in proc.stderr
    assert fingerprint(workspace_path) == before


@pytest.mark.parametrize(("name", "content", "message"), [
    ("leeg.csv", b"", "het bestand is leeg"),
    ("adres.csv", b"Straat;Plaats\r\nMarkt 1;Ede\r\n", "adres.csv, rij 1: geen kolom voor"),
])
def test_unusable_files(workspace_path: Path, tmp_path: Path, name: str, content: bytes,
                        message: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = fingerprint(workspace_path)
    assert main(["import", "--db", str(workspace_path), str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert fingerprint(workspace_path) == before


def test_missing_workspace_or_file(workspace_path: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--db", str(tmp_path / "weg.dealmaker"),
                 str(tmp_path / "x.csv")]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert main(["import", "--db", str(workspace_path), str(tmp_path / "x.csv")]) == 1
    assert "x.csv: het bestand bestaat niet" in capsys.readouterr().err
