"""What the filter lists offer: the deals and tags of the workspace, and its size.

Qt-free; runs on the task runner. Deals come from the quick-find service (all deals for
an empty prefix, by name), tags from ``services.tags``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dealmaker.services.directory import ContactQuery, count_contacts
from dealmaker.services.quickfind import complete_deals
from dealmaker.services.tags import tag_options
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


def filter_options(ws: Workspace) -> FilterOptions:
    deals = tuple((hit.id, hit.label) for hit in complete_deals(ws, "", MAX_DEALS))
    return FilterOptions(deals, tuple(tag_options(ws)), count_contacts(ws, ContactQuery()))
