"""The read-only tabs of an existing deal's dossier and what their rows open: money and
rules, pledges (the pledge editor), commitments (the commitment editor), contact moments
(the contact-moment form), meetings (the meeting, once a feature offers it), indicators,
and ministry involvement. They follow edits made meanwhile (``changes_applied``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QTableWidget, QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.deals.dossier import DealDossier, deal_dossier
from dealmaker.services.deals.dossier_lists import deal_indicators, deal_meetings, deal_moments
from dealmaker.services.deals.involvement_load import deal_involvement
from dealmaker.ui.deals.charts_tab import ChartsTab, deal_charts
from dealmaker.ui.deals.dossier_tabs import (
    commitments_tab,
    money_tab,
    pledges_tab,
    show_commitments,
    show_pledges,
)
from dealmaker.ui.deals.involvement_tab import InvolvementTab
from dealmaker.ui.deals.ministries_dialog import MinistriesDialog
from dealmaker.ui.deals.record_tabs import (
    indicators_list,
    meetings_list,
    moments_list,
    show_indicators,
    show_meetings,
    show_moments,
)
from dealmaker.ui.deals.sections import SectionTabs
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.table_model import ObjectRole

#: tables whose change makes the dossier read itself again
_WATCHED = ("deal", "deal_party", "pledge", "commitment", "commitment_state_change",
            "workspace_setting", "interaction", "interaction_deal", "meeting", "indicator",
            "measurement")


def _t(text: str) -> str:
    return QCoreApplication.translate("deals", text)


class DossierPages(QObject):
    def __init__(self, context: AppContext, tabs: SectionTabs, d: DealDossier,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._context, self._tabs, self._parent, self.dossier = context, tabs, parent, d
        self._money = tabs.addTab(money_tab(d), self._money_label(d))
        self.charts = ChartsTab()
        self._charts = tabs.addTab(self.charts, _t("Grafieken"), self._load_charts)
        self.pledges = pledges_tab(d)
        self._pledges = tabs.addTab(self.pledges, "")
        self.commitments = commitments_tab(d)
        self._commitments = tabs.addTab(self.commitments, "")
        self.moments, self.meetings, self.indicators = (
            moments_list(), meetings_list(), indicators_list())
        self.involvement = InvolvementTab()
        self._loaders: dict[int, Callable[[], None]] = {}
        for view, fetch, show in ((self.moments, deal_moments, show_moments),
                                  (self.meetings, deal_meetings, show_meetings),
                                  (self.indicators, deal_indicators, show_indicators),
                                  (self.involvement, deal_involvement, None)):
            index = tabs.count()
            self._loaders[index] = self._loader(view, fetch, show)
            tabs.addTab(view, "", self._loaders[index])
        self._loaded: set[int] = set()
        tabs.currentChanged.connect(self._loaded.add)
        self._label_counts(d)
        self.pledges.doubleClicked.connect(self._open_pledge)
        self.commitments.doubleClicked.connect(self._open_commitment)
        self.moments.opened.connect(self._open_moment)
        self.meetings.opened.connect(self._open_meeting)
        self.involvement.edit_map.connect(self.edit_theme_ministries)
        context.signals.changes_applied.connect(self._on_changes)

    @staticmethod
    def _money_label(d: DealDossier) -> str:
        broken = sum(1 for c in d.checks if not c.kept and not c.warning)
        return _t("Geld en regels") + (f" ({broken} ✘)" if broken else "")

    def _label_counts(self, d: DealDossier) -> None:
        moments, meetings, indicators = d.counts
        first = self._pledges
        for offset, (label, n) in enumerate((
                (_t("Bijdragen"), len(d.pledges)), (_t("Toezeggingen"), len(d.commitments)),
                (_t("Contactmomenten"), moments), (_t("Overleggen"), meetings),
                (_t("Indicatoren"), indicators))):
            self._tabs.setTabText(first + offset, f"{label} ({n})")
        self._tabs.setTabText(first + 5, _t("Ministeries en coalitie"))

    def _loader(self, view: Any, fetch: Callable[..., Any],
                show: Callable[[Any, Any], None] | None) -> Callable[[], None]:
        def load() -> None:
            ws = self._context.workspace()
            if ws is None:
                return
            done = (lambda result: show(view, result)) if show is not None \
                else view.show_involvement
            self._context.tasks.run(fetch, ws, self.dossier.id, on_done=done,
                                    on_error=lambda exc: view.show_error(str(exc)))
        return load

    def edit_theme_ministries(self) -> MinistriesDialog:
        """Which ministries each theme concerns; the involvement tab follows on save."""
        dialog = MinistriesDialog(self._context, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _load_charts(self) -> None:
        ws = self._context.workspace()
        if ws is not None:
            self._context.tasks.run(deal_charts, ws, self.dossier, on_done=self.charts.show_charts,
                                    on_error=lambda exc: self.charts.show_error(str(exc)))

    def _row_id(self, index: QModelIndex) -> str | None:
        table = self.sender()
        if isinstance(table, QTableWidget) and index.isValid():
            item = table.item(index.row(), 0)
            if item is not None and item.data(ObjectRole):
                return str(item.data(ObjectRole))
        return None

    def _run(self, command: Callable[[Any, str], None], row_id: str | None,
             what: str) -> None:
        if row_id is None:
            return
        try:
            command(self._parent, row_id)
        except LookupError:
            self._context.signals.status_message.emit(
                _t("{what} openen kan (nog) niet vanuit het dossier.").format(what=what))

    def _open_pledge(self, index: QModelIndex) -> None:
        self._run(self._context.commands.open_pledge, self._row_id(index), _t("Een bijdrage"))

    def _open_commitment(self, index: QModelIndex) -> None:
        self._run(self._context.commands.open_commitment, self._row_id(index),
                  _t("Een toezegging"))

    def _open_moment(self, row_id: str) -> None:
        self._run(self._context.commands.open_contact_moment, row_id, _t("Een contactmoment"))

    def _open_meeting(self, row_id: str) -> None:
        # offered by the meetings feature once it is there (not every build has it)
        command = getattr(self._context.commands, "open_meeting", None)
        if command is None:
            self._context.signals.status_message.emit(
                _t("Een overleg openen kan (nog) niet vanuit het dossier."))
            return
        self._run(command, row_id, _t("Een overleg"))

    def _on_changes(self, changes: Changes) -> None:
        ws = self._context.workspace()
        if ws is None or not changes.touches(*_WATCHED):
            return
        try:
            d = deal_dossier(ws, self.dossier.id)
        except LookupError:
            return
        self.dossier = d
        self._tabs.replaceTab(self._money, money_tab(d))
        self._tabs.setTabText(self._money, self._money_label(d))
        show_pledges(self.pledges, d)
        show_commitments(self.commitments, d)
        self._label_counts(d)
        for index, load in self._loaders.items():
            if index in self._loaded:
                load()
        if self._charts in self._loaded:
            self._load_charts()
