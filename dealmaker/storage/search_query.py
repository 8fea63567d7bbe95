"""SQLite-specific query fragments that services compose into portable SQLAlchemy queries.

Services never write ``MATCH`` or SQLite date functions themselves: they ask this module for
a condition or an expression, so a port to another database changes only this file.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from dealmaker.storage.search import match_expression

T = TypeVar("T")
_INDEX = table("person_search", column("rowid"))


def fts_query(text: str) -> str | None:
    """User text as an FTS5 prefix query, or ``None`` when it holds no word at all.

    Underscores are word separators for the index tokenizer but word characters for
    ``match_expression``; turning them into spaces keeps "a_b" from matching nothing.
    """
    return match_expression(text.replace("_", " "))


def person_search_condition(text: str, *, broad: bool = False
                            ) -> ColumnElement[bool] | None:
    """``person.search_key IN (persons whose search row matches text)``, or ``None`` if no words.

    The FTS table is queried once (a list subquery), so any further filter and any sort
    order on ``person`` can be combined with it. Needs ``person`` unaliased. SQLite then
    looks up every match and sorts them: best for few matches. With ``broad`` the key
    is wrapped (``+``) so that SQLite walks the index of the sort order instead and probes
    the match list until the page is full: best when most persons match ("e", "de").
    """
    expr = fts_query(text)
    if expr is None:
        return None
    matching = select(_INDEX.c.rowid).where(
        literal_column("person_search").match(bindparam(None, expr)))
    key = "person.search_key"
    return literal_column(f"+{key}" if broad else key).in_(matching)


def count_person_matches(session: Session, text: str) -> int | None:
    """Live persons the text finds, counted in the index alone (it holds exactly one row
    per live person); ``None`` when the text holds no word."""
    expr = fts_query(text)
    if expr is None:
        return None
    return int(session.scalar(select(func.count()).select_from(_INDEX).where(
        literal_column("person_search").match(bindparam(None, expr)))) or 0)


def rowid_bound(session: Session, table_name: str) -> int:
    """An upper bound of the rows in a table, read in O(1) (its largest rowid); for
    choosing between walking a sort index and sorting the matches."""
    if not table_name.isidentifier():
        raise ValueError(table_name)
    return int(session.scalar(sql_text(f"SELECT max(rowid) FROM {table_name}")) or 0)


def unindexed(col: QueryableAttribute[T]) -> ColumnElement[T]:
    """The column with SQLite's unary ``+``: same value and type, but the planner will not
    use its index (``|| ''`` did that for text ids; it turns a BLOB id into text)."""
    return UnaryExpression(col.expression, operator=custom_op("+"), type_=col.type)


def days_before(day: date,
                days: ColumnElement[Any] | QueryableAttribute[Any]) -> ColumnElement[Any]:
    """The date ``days`` days before ``day`` as ISO text, computed per row by SQLite."""
    return func.date(bindparam(None, day.isoformat()), func.printf("-%d days", days))
