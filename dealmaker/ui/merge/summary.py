"""After a merge: which contact stayed and what came from the other, in a small box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dealmaker.services.merge_outcome import MergeOutcome


def _tr(text: str) -> str:
    return QCoreApplication.translate("MergeSummary", text)


def summary_lines(outcome: MergeOutcome) -> list[str]:
    """The bullet lines of the box: fields taken, texts kept both, links moved."""
    lines = [_tr("• {field}: van {other}").format(field=label, other=outcome.other_name)
             for label in outcome.taken]
    lines += [_tr("• {field}: beide teksten bewaard").format(field=label)
              for label in outcome.joined]
    lines += [_tr("• {count} × {what} overgezet").format(count=count, what=label)
              for label, count in outcome.moved if count]
    return lines or [_tr("• Er kwam niets bij van het andere contact.")]


def show_summary(parent: QWidget, outcome: MergeOutcome) -> QMessageBox:
    """A non-blocking box (closes with Enter or Esc); the same text is in the status bar."""
    box = QMessageBox(QMessageBox.Icon.Information, _tr("Contacten samengevoegd"),
                      _tr("{survivor} blijft; {other} is erin opgegaan.").format(
                          survivor=outcome.survivor_name, other=outcome.other_name),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("mergeSummary")
    box.setInformativeText("\n".join([_tr("Overgenomen van het andere contact:"),
                                      *summary_lines(outcome), "",
                                      _tr("Terugdraaien kan met Ctrl+Z.")]))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box
