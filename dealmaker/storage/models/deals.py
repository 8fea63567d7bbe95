"""Deals, the parties in them, opgaven, themes and the brede-welvaart theme taxonomy."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dealmaker.domain.enums import DealPhase, Instrument, PartyRole, WelvaartDimension
from dealmaker.storage.models.base import Entity, OpenEnum, enum_type, fk, recent_index
from dealmaker.storage.types import JSONList


class Deal(Entity):
    __tablename__ = "deal"
    __table_args__ = (recent_index(__tablename__),)

    name: Mapped[str] = mapped_column(index=True)
    aliases: Mapped[list[str]] = mapped_column(JSONList(), default=list)
    tranche: Mapped[str | None] = mapped_column(String(10))
    region_description: Mapped[str] = mapped_column(Text, default="")
    instrument: Mapped[Instrument | None] = mapped_column(enum_type(Instrument))
    submitted_on: Mapped[date | None]
    signed_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    requested_cents: Mapped[int | None] = mapped_column(BigInteger)
    granted_cents: Mapped[int | None] = mapped_column(BigInteger)
    dealmaker_id: Mapped[str | None] = mapped_column(fk("person.id"), index=True)
    phase: Mapped[DealPhase] = mapped_column(enum_type(DealPhase), default=DealPhase.VOORSTEL)
    is_demo: Mapped[bool] = mapped_column(default=False)


class DealParty(Entity):
    __tablename__ = "deal_party"

    deal_id: Mapped[str] = mapped_column(fk("deal.id"), index=True)
    organisation_id: Mapped[str] = mapped_column(fk("organisation.id"), index=True)
    role: Mapped[PartyRole] = mapped_column(OpenEnum(PartyRole))
    joined_on: Mapped[date | None]
    left_on: Mapped[date | None]


class Theme(Entity):
    """A brede-welvaart theme (CBS), optionally nested."""

    __tablename__ = "theme"

    name: Mapped[str]
    dimension: Mapped[WelvaartDimension | None] = mapped_column(enum_type(WelvaartDimension))
    parent_id: Mapped[str | None] = mapped_column(fk("theme.id"))


class Opgave(Entity):
    """A regional challenge; owned on the Rijk side by an organisation."""

    __tablename__ = "opgave"

    name: Mapped[str]
    description: Mapped[str] = mapped_column(Text, default="")
    theme_id: Mapped[str | None] = mapped_column(fk("theme.id"), index=True)
    owner_organisation_id: Mapped[str | None] = mapped_column(
        fk("organisation.id"), index=True)


class DealOpgave(Entity):
    __tablename__ = "deal_opgave"

    deal_id: Mapped[str] = mapped_column(fk("deal.id"), index=True)
    opgave_id: Mapped[str] = mapped_column(fk("opgave.id"), index=True)


class DealTheme(Entity):
    """A brede-welvaart theme the deal works on (besides its opgaven's own themes)."""

    __tablename__ = "deal_theme"

    deal_id: Mapped[str] = mapped_column(fk("deal.id"), index=True)
    theme_id: Mapped[str] = mapped_column(fk("theme.id"), index=True)
