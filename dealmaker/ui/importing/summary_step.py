"""Step 4 of the import (what will happen) and the result after importing."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from dealmaker.services.importing import FIELDS, ImportPlan, ImportResult


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
        self.only_valid = counts["invalid"] > 0
        self.anything = counts["create"] + counts["merge"] > 0
        self.heading.setText(self.tr("Dit gebeurt er bij het importeren van {file}:")
                             .format(file=plan.source))
        self.counts.set_counts([
            (self.tr("Nieuwe contacten"), counts["create"], ""),
            (self.tr("Samenvoegen met een bestaand contact"), counts["merge"], ""),
            (self.tr("Overslaan (dubbel)"), counts["skip"], ""),
            (self.tr("Rijen met fouten"), counts["invalid"],
             self.tr("worden niet geïmporteerd") if counts["invalid"] else ""),
        ])
        texts = []
        if self.only_valid:
            n = counts["invalid"]
            texts.append((self.tr("1 rij bevat fouten") if n == 1 else self.tr(
                "{n} rijen bevatten fouten").format(n=n)) + self.tr(
                " (zie de vorige stap). Kies ‘Alleen de goede rijen importeren’, of "
                "Annuleren: dan wordt er niets geschreven."))
        if not self.anything:
            texts.append(self.tr("Er is niets te importeren: geen enkele rij wordt aangemaakt "
                                 "of samengevoegd."))
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
            (self.tr("Samengevoegd"), result.merged, ""),
            (self.tr("Overgeslagen"), result.skipped, ""),
            (self.tr("Afgewezen"), rejected_rows, self.tr("rijen met fouten")),
            (self.tr("Nieuwe organisaties"), result.organisations_created, ""),
        ])
        lines: list[str] = []
        if result.rejected:
            lines.append(self.tr("Afgewezen (niet geïmporteerd):"))
            lines += ["• " + p.describe(source) for p in result.rejected]
        if result.kept:
            if lines:
                lines.append("")
            lines.append(self.tr("Bij samenvoegen bleef de bestaande waarde staan:"))
            lines += [self.tr("• rij {row}, {field}: ‘{kept}’ behouden, ‘{ignored}’ niet "
                              "overgenomen").format(row=k.row, field=FIELDS.get(k.field, k.field),
                                                    kept=k.kept, ignored=k.ignored)
                      for k in result.kept]
        self.details.setPlainText("\n".join(lines))
        self.details.setVisible(bool(lines))
