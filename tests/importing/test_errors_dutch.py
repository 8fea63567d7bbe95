"""A file that is no spreadsheet is refused in Dutch, never with the reader's English
("File is not a zip file")."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealmaker.services.importing.xlsx_check import inspect_xlsx


def test_a_pdf_named_xlsx_is_refused_in_dutch(tmp_path: Path) -> None:
    fake = tmp_path / "overleg.xlsx"
    fake.write_bytes(b"%PDF-1.7\n" + b"x" * 200)
    with pytest.raises(Exception) as caught, fake.open("rb") as source:
        inspect_xlsx(source, fake.name)
    text = str(caught.value)
    assert "geen geldig Excel-bestand" in text and "zip file" not in text
