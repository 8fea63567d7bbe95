"""What a service changed, so that each view reloads only what concerns it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Names of the tables a use case wrote to, plus the journal operation id."""

    tables: frozenset[str] = field(default_factory=frozenset)
    operation_id: str | None = None
    #: set when the whole workspace was replaced (opened, demo generated, undo of import)
    everything: bool = False

    def touches(self, *tables: str) -> bool:
        """True when any of ``tables`` changed (or everything did)."""
        return self.everything or bool(self.tables.intersection(tables))

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)
