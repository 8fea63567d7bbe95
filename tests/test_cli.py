"""The command line as a script user meets it: exit codes and one-line messages."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from dealmaker.__main__ import main
from dealmaker.storage.migrate import SCHEMA_VERSION


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dealmaker", *args],
                          capture_output=True, text=True, timeout=120)


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("dealmaker ")


def test_usage_error_exits_2() -> None:
    assert run("onzin").returncode == 2


def test_check_healthy(workspace_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(workspace_path)]) == 0
    out = capsys.readouterr().out
    assert f"Schemaversie:  {SCHEMA_VERSION}" in out and "Integriteit:   ok (quick_check)" in out
    assert "person" in out and "interaction" in out


def test_check_global_db_option(workspace_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(workspace_path), "check", "--full"]) == 0
    assert "ok (integrity_check)" in capsys.readouterr().out


def test_check_foreign_file_fails_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("Beste dealmaker,\n" * 10)
    proc = run("check", "--db", str(path))
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "geen dealmaker-werkruimte" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(tmp_path / "weg.dealmaker")]) == 1
    assert "bestaat niet" in capsys.readouterr().err


def test_demo_refuses_to_overwrite(workspace_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = hashlib.sha256(workspace_path.read_bytes()).hexdigest()
    assert main(["demo", "--db", str(workspace_path)]) == 1
    assert "--force" in capsys.readouterr().err
    assert hashlib.sha256(workspace_path.read_bytes()).hexdigest() == before


def test_demo_bad_size_is_a_usage_error(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["demo", "--db", str(tmp_path / "d.dealmaker"), "--size", "reus"])
    assert info.value.code == 2
    assert "Ongeldige omvang" in capsys.readouterr().err
    assert not (tmp_path / "d.dealmaker").exists()


def test_demo_does_not_create_missing_folders(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", str(tmp_path / "nieuw" / "d.dealmaker")]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert not (tmp_path / "nieuw").exists()


def test_export_vcard_without_hits_writes_nothing(workspace_path: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.vcf"
    assert main(["export-vcard", "--db", str(workspace_path), "--out", str(out),
                 "--search", "niemand"]) == 1
    assert "Geen contacten gevonden" in capsys.readouterr().err and not out.exists()


def test_demo_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.dealmaker"
    assert main(["demo", "--db", str(db), "--size", "400", "--seed", "7"]) == 0
    assert main(["check", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Demowerkruimte geschreven" in out and "0 gebroken" in out


def test_gui_on_missing_explicit_db_fails_before_qt(tmp_path: Path) -> None:
    proc = run("--db", str(tmp_path / "weg.dealmaker"))
    assert proc.returncode == 1 and "bestaat niet" in proc.stderr


def test_check_reads_an_older_schema_without_migrating(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    old = tmp_path / "oud.dealmaker"
    old.write_bytes((Path(__file__).parent / "fixtures/db/schema-v1.dealmaker").read_bytes())
    before = hashlib.sha256(old.read_bytes()).hexdigest()
    assert main(["check", "--db", str(old)]) == 0
    assert "Schemaversie:  1" in capsys.readouterr().out
    assert hashlib.sha256(old.read_bytes()).hexdigest() == before


def test_usage_errors_are_dutch() -> None:
    proc = run("onzin")
    assert "gebruik: dealmaker" in proc.stderr and "ongeldige keuze" in proc.stderr


def test_demo_without_db_goes_beside_the_own_workspace(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEALMAKER_DB", raising=False)
    assert main(["demo", "--data-dir", str(tmp_path), "--size", "30"]) == 0
    assert (tmp_path / "demo.dealmaker").exists()
    assert not (tmp_path / "werkruimte.dealmaker").exists()
