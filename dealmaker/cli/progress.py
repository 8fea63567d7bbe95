"""A one-line progress bar on a terminal; silent when output is not a terminal."""

from __future__ import annotations

import sys
from typing import TextIO


class TerminalProgress:
    """``update(done, total, label)`` redraws one line; ``finish()`` ends it."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self.enabled = self.stream.isatty()
        self._last = ""

    def update(self, done: int, total: int, label: str) -> None:
        if not self.enabled:
            return
        frac = done / total if total else 1.0
        filled = int(self.width * frac)
        line = f"\r[{'#' * filled}{' ' * (self.width - filled)}] {frac:4.0%} {label[:40]:<40}"
        if line != self._last:
            self.stream.write(line)
            self.stream.flush()
            self._last = line

    def finish(self) -> None:
        if self.enabled and self._last:
            self.stream.write("\n")
            self.stream.flush()
