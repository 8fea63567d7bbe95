"""A vCard folded inside a character still reads as UTF-8.

vCard lines are folded at 75 octets; a program that counts bytes, not characters, can
put the fold (CRLF and a space) between the two bytes of an 'é'. The file is then not
valid UTF-8 as it stands, and it was read as Windows-1252: every accented letter of
every card became two ('JÃ¼rgen MÃ¼ller'). Unfolded first (which is what the folding
means), the bytes are UTF-8 again.
"""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealmaker.services.importing import plan_import
from dealmaker.services.importing.reading import read_table
from dealmaker.services.importing.unfold_bytes import UnfoldedReader, unfolded
from dealmaker.storage.workspace import Workspace


def _folded_by_bytes(line: bytes, width: int, fold: bytes) -> bytes:
    return fold.join(line[i:i + width] for i in range(0, len(line), width))


def _card(note: str, width: int = 75, fold: bytes = b"\r\n ") -> bytes:
    return (b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:M\xc3\xbcller;J\xc3\xbcrgen;;;\r\n"
            b"FN:J\xc3\xbcrgen M\xc3\xbcller\r\n"
            + _folded_by_bytes(("NOTE:" + note).encode(), width, fold) + b"\r\nEND:VCARD\r\n")


def test_a_fold_inside_an_e_acute(workspace: Workspace, tmp_path: Path) -> None:
    data = _card("x" + "é" * 60)
    assert data.split(b"\r\n ")[0].endswith(b"\xc3")  # the fold splits a character
    path = tmp_path / "gevouwen.vcf"
    path.write_bytes(data)
    values = plan_import(workspace, path).rows[0].values
    assert (values.first_name, values.last_name) == ("Jürgen", "Müller")
    assert values.notes == "x" + "é" * 60


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=st.text(st.sampled_from("aeëéèüöïç€ßłø漢字 -,.xyz"), min_size=1, max_size=120)
       .filter(lambda t: t.strip() == t),
       width=st.integers(20, 80), fold=st.sampled_from([b"\r\n ", b"\r\n\t", b"\n "]))
def test_any_byte_folding_gives_the_text_back(note: str, width: int, fold: bytes,
                                              tmp_path_factory: object) -> None:
    path = Path(str(tmp_path_factory.mktemp("fold"))) / "k.vcf"  # type: ignore[attr-defined]
    path.write_bytes(_card(note, width, fold))
    table = read_table(path)
    cells = dict(zip(table.headers, table.rows[0][1], strict=True))
    assert (cells["N (achternaam)"], cells["NOTE"]) == ("Müller", note)


@settings(max_examples=300, deadline=None)
@given(data=st.lists(st.sampled_from([b"a", b"\r", b"\n", b" ", b"\t", b"\xc3", b"\xa9",
                                      b"\r\n ", b"\n\t"]), max_size=60).map(b"".join),
       chunk=st.integers(1, 9))
def test_the_stream_unfolds_as_the_whole_would(data: bytes, chunk: int) -> None:
    """However the file falls into chunks, a fold across two of them is removed too."""
    stream = io.BufferedReader(UnfoldedReader(io.BytesIO(data), chunk))
    assert stream.read() == unfolded(data)
