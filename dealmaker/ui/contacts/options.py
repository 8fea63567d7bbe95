"""What the filter lists offer: the deals and tags of the workspace, and its size.

Qt-free; runs on the task runner. Deals come from the quick-find service (all deals for
an empty prefix, by name). There is no service listing tags yet, so ``_tags`` reads them
here with one ORM query -- to move into ``services.directory`` (a ``tag_options``) as
soon as it offers one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from dealmaker.services.directory import ContactQuery, count_contacts
from dealmaker.services.quickfind import complete_deals
from dealmaker.storage.models import Tag
from dealmaker.storage.workspace import Workspace

#: more deals than any workspace has (there are a few dozen Regio Deals)
MAX_DEALS = 10_000


@dataclass(frozen=True)
class FilterOptions:
    #: (id, name), by name
    deals: tuple[tuple[str, str], ...] = ()
    tags: tuple[tuple[str, str], ...] = ()
    #: contacts in the workspace, without any filter
    all_contacts: int = 0


def _tags(ws: Workspace) -> tuple[tuple[str, str], ...]:
    with ws.read() as s:
        rows = s.execute(select(Tag.id, Tag.name).where(Tag.deleted_at.is_(None))
                         .order_by(func.lower(Tag.name)))
        return tuple((tid, name) for tid, name in rows)


def filter_options(ws: Workspace) -> FilterOptions:
    deals = tuple((hit.id, hit.label) for hit in complete_deals(ws, "", MAX_DEALS))
    return FilterOptions(deals, _tags(ws), count_contacts(ws, ContactQuery()))
