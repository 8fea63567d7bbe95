"""Organisations, persons, their positions (with successors) and tags."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dealmaker.domain.enums import Helix, Levensgemeenschap, OrgKind, Side
from dealmaker.storage.models.base import Entity, enum_type, fk, recent_index
from dealmaker.storage.types import JSONList


class Organisation(Entity):
    __tablename__ = "organisation"
    __table_args__ = (recent_index(__tablename__),)

    name: Mapped[str] = mapped_column(index=True)
    short_name: Mapped[str | None] = mapped_column(String(60))
    aliases: Mapped[list[str]] = mapped_column(JSONList(), default=list)
    kind: Mapped[OrgKind] = mapped_column(enum_type(OrgKind))
    side: Mapped[Side] = mapped_column(enum_type(Side))
    parent_id: Mapped[str | None] = mapped_column(
        fk("organisation.id"), index=True)
    levensgemeenschap: Mapped[Levensgemeenschap | None] = mapped_column(
        enum_type(Levensgemeenschap))
    helix: Mapped[Helix | None] = mapped_column(enum_type(Helix))
    notes: Mapped[str] = mapped_column(Text, default="")
    is_demo: Mapped[bool] = mapped_column(default=False)


class Person(Entity):
    __tablename__ = "person"
    __table_args__ = (recent_index(__tablename__),
                      Index("ix_person_search_key", "search_key", unique=True),
                      Index("ix_person_sort_name", "sort_name", "id"),
                      Index("ix_person_sort_organisation", "sort_organisation", "sort_name",
                            "id"),
                      Index("ix_person_sort_function", "sort_function", "sort_name", "id"))

    first_name: Mapped[str] = mapped_column(String(100), default="")
    tussenvoegsel: Mapped[str] = mapped_column(String(30), default="")
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    email: Mapped[str] = mapped_column(String(200), default="", index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    cadence_days: Mapped[int | None] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(default=False)
    # Derived from contact moments, kept by storage.derived after every flush (not
    # journalled): the Contacten list sorts and filters 50,000 persons on them.
    last_contact_on: Mapped[date | None] = mapped_column(index=True)
    next_follow_up_on: Mapped[date | None] = mapped_column(index=True)
    #: the person's key in the search index (FTS rowid): explicit, so no VACUUM or copy
    #: can renumber it; local derived data, given by storage.search, never journalled
    search_key: Mapped[int | None] = mapped_column(Integer, default=None)
    #: the Contacten list's sort keys (storage.sort_keys): Dutch name order, and the
    #: organisation and function of the primary current position; derived, not journalled
    sort_name: Mapped[str | None] = mapped_column(String(300), default=None)
    sort_organisation: Mapped[str | None] = mapped_column(String(300), default=None)
    sort_function: Mapped[str | None] = mapped_column(String(300), default=None)

    JOURNAL_SKIP = Entity.JOURNAL_SKIP | {"last_contact_on", "next_follow_up_on",
                                          "search_key", "sort_name", "sort_organisation",
                                          "sort_function"}

    @property
    def full_name(self) -> str:
        """'Anna van den Berg': first name, tussenvoegsel and last name."""
        return " ".join(p for p in (self.first_name, self.tussenvoegsel, self.last_name) if p)


class Position(Entity):
    """A person's function at an organisation, from/to, and who succeeded them."""

    __tablename__ = "position"

    person_id: Mapped[str] = mapped_column(fk("person.id"), index=True)
    organisation_id: Mapped[str] = mapped_column(fk("organisation.id"), index=True)
    title: Mapped[str] = mapped_column(default="")
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    successor_id: Mapped[str | None] = mapped_column(fk("position.id"))


class Tag(Entity):
    __tablename__ = "tag"
    __table_args__ = (UniqueConstraint("name"),)

    name: Mapped[str] = mapped_column(String(60))


class PersonTag(Entity):
    __tablename__ = "person_tag"

    person_id: Mapped[str] = mapped_column(fk("person.id"), index=True)
    tag_id: Mapped[str] = mapped_column(fk("tag.id"), index=True)
