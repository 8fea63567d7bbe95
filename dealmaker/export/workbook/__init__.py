"""The overleg workbook as .xlsx: plain tables in, a file for people out; Qt-free."""

from dealmaker.export.workbook.model import Book, Column, Summary, SummaryLine, Table
from dealmaker.export.workbook.writer import write_book

__all__ = ["Book", "Column", "Summary", "SummaryLine", "Table", "write_book"]
