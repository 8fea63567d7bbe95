"""The lazy table model: pages on demand, sorting in SQL on typed values, model checks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from ui.contacts.kit import add_many, days_ago, shown_names

from dealmaker.services.directory import ContactSort
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.contacts import columns as C
from dealmaker.ui.contacts.model import FIRST_PAGE, PAGE_SIZE, ContactTableModel
from dealmaker.ui.contacts.view import ContactsView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.latest_only import LatestOnly
from dealmaker.ui.shell.table_model import AttentionRole, ObjectRole, SortRole


def test_rows_arrive_page_by_page(workspace: Workspace, context: AppContext) -> None:
    add_many(workspace, FIRST_PAGE + 2 * PAGE_SIZE - 30)
    model = ContactTableModel(context.tasks, context.workspace)
    model.set_query(model.query)
    assert model.rowCount() == FIRST_PAGE
    assert model.total == FIRST_PAGE + 2 * PAGE_SIZE - 30
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == FIRST_PAGE + PAGE_SIZE
    model.fetchMore()
    assert model.rowCount() == model.total
    assert not model.canFetchMore()
    names = [model.index(r, C.NAME).data() for r in range(model.rowCount())]
    assert names == [f"P{i:04d} Jansen" for i in range(model.total)]


def test_scrolling_to_the_end_fetches_more(workspace: Workspace, view: ContactsView,
                                           qtbot: QtBot) -> None:
    add_many(workspace, 3 * PAGE_SIZE)
    view.reload()
    assert view.model.rowCount() == FIRST_PAGE
    view.view.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() > FIRST_PAGE)
    assert view.count.text() == "300 contacten"


def test_model_passes_the_model_tester(workspace: Workspace, world: dict[str, str],
                                       context: AppContext, qtmodeltester: Any) -> None:
    add_many(workspace, PAGE_SIZE + 5)
    model = ContactTableModel(context.tasks, context.workspace)
    model.set_query(model.query)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_clicking_last_contact_sorts_on_dates_in_sql(world: dict[str, str],
                                                     view: ContactsView,
                                                     qtbot: QtBot) -> None:
    view.reload()
    header = view.view.horizontalHeader()
    x = header.sectionViewportPosition(C.LAST_CONTACT) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, 5))
    assert view.model.query.sort is ContactSort.LAST_CONTACT
    assert not view.model.query.descending
    values = [view.model.index(r, C.LAST_CONTACT).data(SortRole)
              for r in range(view.model.rowCount())]
    # never contacted first (the coldest), then oldest to newest: typed dates
    assert values[:2] == [None, None]
    dates = [v for v in values if v is not None]
    assert dates == sorted(dates) and len(dates) == 3
    assert all(isinstance(v, date) for v in dates)
    assert view.model.index(2, C.LAST_CONTACT).data() == days_ago(400).strftime("%d-%m-%Y")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, 5))
    assert view.model.query.descending
    # both contacted 10 days ago: the newest first, ties by name
    assert shown_names(view)[:2] == ["Bert Aalders", "Anna van den Berg"]


def test_columns_the_service_cannot_sort_keep_the_sort(world: dict[str, str],
                                                       view: ContactsView) -> None:
    before = shown_names(view)
    view.view.sortByColumn(C.TAGS, Qt.SortOrder.AscendingOrder)
    assert view.model.query.sort is ContactSort.NAME
    assert view.view.horizontalHeader().sortIndicatorSection() == C.NAME
    assert shown_names(view) == before


def test_row_shows_the_columns_and_marks_cold_contacts(world: dict[str, str],
                                                       view: ContactsView) -> None:
    model = view.model
    row = shown_names(view).index("Anna van den Berg")
    texts = [model.index(row, c).data() for c in range(model.columnCount())]
    assert texts == ["Anna van den Berg", "Senior beleidsmedewerker",
                     "Directie Regionale Economie", "Rijk", "Zuid- en Oost-Drenthe",
                     days_ago(10).strftime("%d-%m-%Y"),
                     (date.today() + timedelta(days=7)).strftime("%d-%m-%Y"), ""]
    assert model.index(row, 0).data(ObjectRole) == world["anna"]
    assert not model.index(row, C.LAST_CONTACT).data(AttentionRole)
    cees = shown_names(view).index("Cees Zwart")
    assert model.index(cees, C.LAST_CONTACT).data(AttentionRole)  # 400 days: koud
    assert "Koud" in model.index(cees, C.LAST_CONTACT).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(cees, C.TAGS).data() == "vip"
    eva = shown_names(view).index("Eva Visser")
    assert model.index(eva, C.LAST_CONTACT).data() == "nooit"


class _ManualRunner:
    """A task runner whose jobs finish when the test says so (like a slow thread)."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Any, Any]] = []

    def run(self, fn: Any, *args: Any, on_done: Any, on_error: Any = None,
            write: bool = False) -> None:
        self.jobs.append((lambda: fn(*args), on_done))

    def finish_next(self) -> None:
        fn, on_done = self.jobs.pop(0)
        on_done(fn())


def test_only_the_newest_answer_is_shown() -> None:
    runner = _ManualRunner()
    lane = LatestOnly(runner)  # type: ignore[arg-type]
    shown: list[str] = []
    for text in ("j", "ja", "jan", "jans"):
        lane.submit(lambda t=text: t.upper(), shown.append, lambda exc: None)
    assert len(runner.jobs) == 1  # one runs; the newest of the others waits
    runner.finish_next()  # "j" ends: stale, dropped; "jans" starts
    assert shown == [] and len(runner.jobs) == 1
    runner.finish_next()
    assert shown == ["JANS"] and not runner.jobs
