"""Step 4 of the import (what will happen) and the result after importing."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from dealmaker.services.importing import FIELDS, ImportPlan, ImportResult
from dealmaker.ui.importing.texts import added_text


class _Counts(QWidget):
    """A two-column grid of captions and numbers."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self.grid.setHorizontalSpacing(24)
        self.grid.setColumnStretch(2, 1)
        self.values: dict[str, str] = {}

    def set_counts(self, items: list[tuple[str, int, str]]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.values = {}
        for line, (caption, value, note) in enumerate(items):
            number = QLabel(str(value))
            number.setObjectName("countValue")
            self.grid.addWidget(QLabel(caption), line, 0)
            self.grid.addWidget(number, line, 1)
            self.grid.addWidget(QLabel(note), line, 2)
            self.values[caption] = str(value)


class SummaryStep(QWidget):
    """The counts of the plan; says what the user can do when rows are invalid."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.counts = _Counts()
        self.warning = QLabel()
        self.warning.setObjectName("errorText")
        self.warning.setWordWrap(True)
        note = QLabel(self.tr(
            "De import wordt als één handeling vastgelegd: met Bewerken > Ongedaan maken "
            "(Ctrl+Z) draait u hem in één keer terug."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(self.warning)
        layout.addSpacing(8)
        layout.addWidget(note)
        layout.addStretch(1)
        #: there are invalid rows: only "alleen de goede rijen" or cancel
        self.only_valid = False
        #: at least one row would be created or merged
        self.anything = False

    def set_plan(self, plan: ImportPlan) -> None:
        counts = plan.counts()
        #: rows that hold no contact at all are left out (they never block the rest)
        self.only_valid = False
        self.anything = counts["create"] + counts["merge"] + counts["overwrite"] > 0
        warned = sum(1 for r in plan.rows if r.valid and r.warnings)
        self.heading.setText(self.tr("Dit gebeurt er bij het importeren van {file}:")
                             .format(file=plan.source))
        self.counts.set_counts([
            (self.tr("Nieuwe contacten"), counts["create"], ""),
            (self.tr("Bestaande contacten aanvullen"), counts["merge"],
             self.tr("wat nieuw is wordt toegevoegd, niets overschreven")
             if counts["merge"] else ""),
            (self.tr("Bestaande contacten overschrijven"), counts["overwrite"], ""),
            (self.tr("Overslaan (al bekend)"), counts["skip"], ""),
            (self.tr("Met meldingen"), warned,
             self.tr("afwijkende waarden staan in de notities") if warned else ""),
            (self.tr("Leeg of onleesbaar"), counts["invalid"],
             self.tr("worden overgeslagen") if counts["invalid"] else ""),
        ])
        texts = []
        if not self.anything:
            texts.append(self.tr("Er is niets te importeren: geen enkele rij wordt aangemaakt "
                                 "of aangevuld."))
        self.warning.setText("\n".join(texts))
        self.warning.setVisible(bool(texts))


class ResultStep(QWidget):
    """What the import did, with the rejected rows and the values a merge kept."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.counts = _Counts()
        self.details = QPlainTextEdit()
        self.details.setObjectName("importDetails")
        self.details.setReadOnly(True)
        note = QLabel(self.tr("Terugdraaien kan met Bewerken > Ongedaan maken (Ctrl+Z)."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(self.details, 1)
        layout.addWidget(note)

    def set_result(self, result: ImportResult, source: str) -> None:
        rejected_rows = len({p.row for p in result.rejected})
        self.heading.setText(self.tr("Import van {file} voltooid.").format(file=source))
        self.counts.set_counts([
            (self.tr("Aangemaakt"), result.created, ""),
            (self.tr("Aangevuld"), result.merged, ""),
            (self.tr("Al bekend, niets nieuw"), result.unchanged,
             self.tr("niets gewijzigd") if result.unchanged else ""),
            (self.tr("Overgeslagen"), result.skipped, ""),
            (self.tr("Niet geïmporteerd"), rejected_rows, self.tr("lege of onleesbare rijen")),
            (self.tr("Meldingen"), len(result.warnings),
             self.tr("staan ook in de notities") if result.warnings else ""),
            (self.tr("Nieuwe organisaties"), result.organisations_created, ""),
        ])
        sections: list[tuple[str, list[str]]] = [
            (self.tr("Toegevoegd aan bestaande contacten:"), [added_text(a) for a in result.added]),
            (self.tr("Bij aanvullen bleef de bestaande waarde staan:"), [
                self.tr("rij {row}, {field}: ‘{kept}’ behouden, ‘{ignored}’ niet overgenomen"
                        ).format(row=k.row, field=FIELDS.get(k.field, k.field), kept=k.kept,
                                 ignored=k.ignored) for k in result.kept]),
            (self.tr("Meldingen (de waarde staat in de notities van het contact):"),
             [p.describe(source) for p in result.warnings]),
            (self.tr("Niet geïmporteerd:"), [p.describe(source) for p in result.rejected]),
        ]
        lines: list[str] = []
        for title, items in sections:
            if items:
                lines += ([""] if lines else []) + [title] + ["• " + item for item in items]
        self.details.setPlainText("\n".join(lines))
        self.details.setVisible(bool(lines))
