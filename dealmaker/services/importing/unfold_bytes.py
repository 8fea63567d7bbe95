"""Unfold a vCard before decoding it: a fold can fall inside a character.

vCard lines are folded by inserting a line break and one space or tab. Programs that
fold at 75 *bytes* can split a UTF-8 character in two, so the file as it stands is not
valid UTF-8 (and would be read as Windows-1252, garbling every accented letter).
Removing the folds from the bytes, as a stream, gives the text its characters back;
the vCard reader unfolds anyway, so nothing else changes.
"""

from __future__ import annotations

import io
import re
from typing import BinaryIO

#: a line break followed by the one space or tab that marks a folded line
_FOLD = re.compile(rb"(?:\r\n|\r|\n)[ \t]")
_CHUNK = 1 << 16


class UnfoldedReader(io.RawIOBase):
    """``source`` without its folds, read in chunks (a fold may span two of them)."""

    def __init__(self, source: BinaryIO, chunk: int = _CHUNK) -> None:
        super().__init__()
        self._source, self._chunk = source, chunk
        self._pending = b""  # unfolded bytes not yet handed out
        self._tail = b""  # up to two bytes that may begin a fold
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            self._fill()
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count

    def _fill(self) -> None:
        chunk = self._source.read(self._chunk)
        data = self._tail + chunk
        if not chunk:
            self._done, self._tail = True, b""
            self._pending = _FOLD.sub(b"", data)
            return
        # keep back what could be the start of a fold completed by the next chunk
        keep = 2 if data.endswith(b"\r\n") else 1 if data.endswith((b"\r", b"\n")) else 0
        body, self._tail = (data[:-keep], data[-keep:]) if keep else (data, b"")
        self._pending = _FOLD.sub(b"", body)


def unfolded(data: bytes) -> bytes:
    """``data`` without its folds (for a sample of the file's start)."""
    return _FOLD.sub(b"", data)
