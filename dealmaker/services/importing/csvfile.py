"""Separated text (.csv/.txt) read as a stream: header line and separator found in the
first lines (``;`` ``,`` tab; LinkedIn's leading "Notes:" skipped), then record by record.

A quote that is never closed would make every row after it one field; it is an error
naming the line where that quote opened. Lines longer than :data:`MAX_LINE_CHARS`
and files with more than :data:`MAX_ROWS` rows are refused.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import chain
from typing import TextIO

from dealmaker.services.importing.limits import (
    MAX_LINE_CHARS,
    MAX_ROWS,
    dutch_number,
    too_many_rows,
)
from dealmaker.services.importing.mapping import recognised
from dealmaker.services.importing.model import ImportFileError
from dealmaker.services.importing.table import (
    HEADER_SCAN,
    Table,
    find_header,
    name_headers,
    padded,
)
from dealmaker.services.importing.values import visible

SEPARATORS = (";", ",", "\t")


def _lines(text: TextIO, name: str) -> Iterator[str]:
    """The lines of the text, each at most :data:`MAX_LINE_CHARS`."""
    number = 0
    while line := text.readline(MAX_LINE_CHARS + 1):
        number += 1
        if len(line) > MAX_LINE_CHARS:
            raise ImportFileError(f"{name}, rij {number}: regel langer dan "
                                  f"{dutch_number(MAX_LINE_CHARS)} tekens.")
        yield line


class _Feed:
    """The lines handed to the csv reader; knows when they ran out."""

    def __init__(self, first: list[str], rest: Iterator[str]) -> None:
        self.lines = chain(first, rest)
        self.exhausted = False

    def __iter__(self) -> Iterator[str]:
        yield from self.lines
        self.exhausted = True


def _split(line: str, sep: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=sep), [])
    except csv.Error:
        return []


def _line_breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def read_csv(text: TextIO, name: str) -> Table:
    """Find header line and separator in the first lines, then read all records."""
    stream = _lines(text, name)
    head = [line for _, line in zip(range(HEADER_SCAN), stream, strict=False)]
    best: tuple[int, int, int, str] | None = None  # (recognised, cells, -line, sep)
    for sep in SEPARATORS:
        split = [_split(line, sep) for line in head] or [[]]
        index = find_header(split)
        key = (recognised(split[index]), len(split[index]), -index, sep)
        if best is None or key[:3] > best[:3]:
            best = key
    assert best is not None
    index, sep = -best[2], best[3]
    feed = _Feed(head[index:], stream)
    reader = csv.reader(iter(feed), delimiter=sep)
    rows: list[tuple[int, list[str]]] = []
    seen = 0
    try:
        headers = name_headers(next(reader, []))
        seen = reader.line_num
        for cells in reader:
            start, seen = index + seen + 1, reader.line_num
            if feed.exhausted:  # the record needed the end of the file to end
                opened = start + sum(_line_breaks(c) for c in cells[:-1])
                raise ImportFileError(f"{name}, rij {opened}: aanhalingsteken niet gesloten; "
                                      "alles erna zou in één veld belanden.")
            if any(visible(c).strip() for c in cells):
                rows.append((start, padded(cells, len(headers))))
                if len(rows) > MAX_ROWS:
                    raise too_many_rows(name)
    except csv.Error as exc:
        start = index + seen + 1
        hint = ("; staat daar een aanhalingsteken dat niet gesloten is?"
                if "field limit" in str(exc) else "")
        raise ImportFileError(f"{name}, rij {start}: onleesbare regel ({exc}){hint}.") from None
    return Table("csv", headers, rows, header_row=index + 1, separator=sep)
