"""Cofinanciering: what each party pledged and realised, per year, in exact cents."""

from __future__ import annotations

from sqlalchemy import BigInteger, Text
from sqlalchemy.orm import Mapped, mapped_column

from dealmaker.domain.enums import ContributionForm, Sector
from dealmaker.storage.models.base import Entity, enum_type, fk, recent_index


class Pledge(Entity):
    __tablename__ = "pledge"
    __table_args__ = (recent_index(__tablename__),)

    deal_id: Mapped[str] = mapped_column(fk("deal.id"), index=True)
    organisation_id: Mapped[str] = mapped_column(fk("organisation.id"), index=True)
    sector: Mapped[Sector] = mapped_column(enum_type(Sector))
    form: Mapped[ContributionForm] = mapped_column(enum_type(ContributionForm))
    year: Mapped[int]
    pledged_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    realised_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
