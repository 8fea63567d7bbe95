"""The deterministic machinery shared by the generators: one seeded RNG, ids drawn from
it, dates as day offsets from a fixed epoch, and the world built up so far.

Values are in the file's storage form (see ``storage.types``): ids the 16 bytes of a
UUID, timestamps integer microseconds since 1970 (UTC), dates ISO text."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple, TypeVar

from dealmaker.services.demo.catalog import DealSpec
from dealmaker.services.demo.scale import Scale

#: "Today" in the demo: every date and timestamp is fixed relative to it, never the clock.
REFERENCE_DATE = date(2026, 11, 25)
EPOCH = date(2000, 1, 1)
_DAYS = (date(2036, 12, 31) - EPOCH).days
#: 32 times of day (office hours) for timestamps: slot ``s`` is ``_TIMES[s]``
_SLOT_MS = tuple(((8 + s // 4) * 3600 + (s % 4) * 900) * 1000 for s in range(32))
_TIMES = tuple(ms * 1000 for ms in _SLOT_MS)  # the same slots in microseconds
_EPOCH_MS = (EPOCH - date(1970, 1, 1)).days * 86_400_000
_DAY_US = 86_400_000_000
_VARIANT = {f"{n:x}": "89ab"[n & 3] for n in range(16)}
_UUID_KEEP = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)

Row = dict[str, object]
#: An id in storage form: the 16 bytes of a UUID (``storage.types.uuid_text`` shows it).
Id = bytes
T = TypeVar("T")


def id_of(row: Row) -> Id:
    """The id of a generated row (typed)."""
    rid = row["id"]
    assert isinstance(rid, bytes)
    return rid


class Rows(list[tuple[object, ...]]):
    """Rows as tuples in the order of ``columns``: the fast path for the big tables."""

    def __init__(self, columns: tuple[str, ...]) -> None:
        super().__init__()
        self.columns = columns


Batch = tuple[str, list[Row] | Rows]


class Gen:
    """The seeded RNG and helpers that turn it into storage values."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.random = self.rng.random
        self.ref = (REFERENCE_DATE - EPOCH).days
        self.days = [(EPOCH + timedelta(days=i)).isoformat() for i in range(_DAYS)]
        self.day_us = [_EPOCH_MS * 1000 + i * _DAY_US for i in range(_DAYS)]

    def uid(self) -> Id:
        """A version-4 UUID drawn from the RNG (same as ``uuid.UUID(int=..., version=4)``)."""
        return ((self.rng.getrandbits(128) & _UUID_KEEP) | _UUID_SET).to_bytes(16, "big")

    def timed_prefix(self, day: int, slot: int) -> Id:
        """The first 6 bytes (time) of a time-ordered id created at ``day`` and ``slot``."""
        return (_EPOCH_MS + day * 86_400_000 + _SLOT_MS[slot]).to_bytes(6, "big")

    def timed_tails(self) -> Iterator[Id]:
        """Endless random tails for version-7 UUIDs (RFC 9562): ``prefix + tail`` is an id.

        The big tables get time-ordered ids so that each insert lands at the end of the
        primary-key index (ids in creation order), which keeps bulk inserts fast. The
        random bits are drawn in bulk: this is the hot path of a large workspace.
        """
        while True:
            h = self.rng.randbytes(19 * 1024).hex()  # 19 random hex digits per id: 2048 ids
            tails = bytes.fromhex("".join([f"7{h[i:i + 3]}{_VARIANT[h[i + 3]]}{h[i + 4:i + 19]}"
                                           for i in range(0, 38 * 1024, 19)]))
            yield from [tails[i:i + 10] for i in range(0, len(tails), 10)]

    def stamp(self, day: int) -> int:
        """A UTC timestamp on ``day`` (office hours), as ``UTCDateTime`` stores it."""
        return self.day_us[day] + _TIMES[self.rng.getrandbits(5)]

    def slot_stamp(self, day: int, slot: int) -> int:
        return self.day_us[day] + _TIMES[slot]

    def base(self, day: int) -> Row:
        """The columns every entity has, created (and last updated) on ``day``."""
        ts = self.stamp(day)
        return {"id": self.uid(), "created_at": ts, "updated_at": ts, "deleted_at": None}

    def between(self, start: int, end: int) -> int:
        """A day in ``[start, end)`` (``start`` when the range is empty)."""
        return start + int(self.random() * (end - start)) if end > start else start

    def pick(self, seq: Sequence[T]) -> T:
        return seq[int(self.random() * len(seq))]

    def chance(self, p: float) -> bool:
        return self.random() < p

    @staticmethod
    def offset(d: date) -> int:
        return (d - EPOCH).days

    @staticmethod
    def year_day(year: int, month: int = 1, day: int = 1) -> int:
        return (date(year, month, day) - EPOCH).days


class Org(NamedTuple):
    id: Id
    name: str
    kind: str
    side: str
    slug: str
    #: short name of the ministry a Rijk unit belongs to ("" on the regional side)
    ministry: str
    parent: int  # index of the parent organisation, -1 if none


@dataclass
class DealState:
    """A deal while the generators fill it in."""

    spec: DealSpec
    id: Id
    region: list[int] = field(default_factory=list)  # regional organisation indexes
    parties: list[tuple[int, str]] = field(default_factory=list)  # (org index, role)
    cosigners: list[str] = field(default_factory=list)  # ministry short names
    opgaven: list[int] = field(default_factory=list)
    dealmaker: int = -1
    pool: list[int] = field(default_factory=list)  # regional persons
    rijk_pool: list[int] = field(default_factory=list)
    signed: int | None = None
    ends: int | None = None
    start: int = 0  # first day of activity shown in the demo
    granted: int | None = None  # Rijksbijdrage in cents
    breach: str = ""  # the cofinancing rule this deal breaks on purpose, if any


@dataclass
class World:
    """What earlier generators made and later ones refer to."""

    scale: Scale
    orgs: list[Org] = field(default_factory=list)
    ministries: dict[str, int] = field(default_factory=dict)
    rijk_units: dict[str, list[int]] = field(default_factory=dict)
    dealmaker_units: list[int] = field(default_factory=list)
    deals: list[DealState] = field(default_factory=list)
    person_ids: list[Id] = field(default_factory=list)
    person_org: list[int] = field(default_factory=list)
    org_people: list[list[int]] = field(default_factory=list)
    themes: dict[str, Id] = field(default_factory=dict)
    opgaven: list[tuple[Id, str, Id, str]] = field(default_factory=list)  # id, name, theme, min
