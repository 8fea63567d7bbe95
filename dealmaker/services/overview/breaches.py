"""The Overzicht's table of deals breaking the cofinancing rule."""

from __future__ import annotations

from dealmaker.domain.money import format_eur
from dealmaker.services.overview.common import Breach, fold
from dealmaker.services.overview.types import Column, RecentRow, RecentTable


def breaches_table(breaches: list[Breach]) -> RecentTable:
    out = tuple(RecentRow(
        b.deal_id, (b.name, format_eur(b.rijk), format_eur(b.regional), b.message),
        (fold(b.name), b.rijk, b.regional, b.message)) for b in breaches)
    cols = (Column("deal", "Deal"), Column("rijk", "Rijksbijdrage", numeric=True),
            Column("regional", "Regionaal toegezegd", numeric=True),
            Column("rule", "Wat er niet klopt", stretch=True))
    return RecentTable("breaches", "Deals buiten de cofinancieringsregel", cols, out,
                       "Alle deals voldoen aan de cofinancieringsregel.", opens="deal")
