"""Blind documents: the codings a restricted member may not see are left out of every query.

Owns a ``before_execute`` hook that, while ``VIEWER`` holds a member id, rewrites each SELECT that reads
``codings`` (the table or an alias of it, at any depth: joins, subqueries, EXISTS) to keep only rows
that member coded or that lie in a document that is not blind; memos on hidden codings go too. Doing
it at the statement level means no report, retrieval, count or page written later can leak another
coder's codings in a blind document by forgetting a filter. The services decide who is restricted
(``services/acting.py``: everyone but leads); this module only applies it. Statements the storage layer
runs for itself (``cotheme_internal``) are left alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, FromClause, bindparam, event, or_, select
from sqlalchemy.sql import visitors
from sqlalchemy.sql.selectable import Alias, CompoundSelect, Join, Select

from cotheme.storage.schema import codings, documents, memos

#: The member whose view is restricted (``None``: no restriction, as for a lead).
VIEWER: ContextVar[int | None] = ContextVar("cotheme_viewer", default=None)


def install(engine: Engine) -> None:
    event.listen(engine, "before_execute", _restrict, retval=True)


def _codings_in(from_: FromClause) -> list[FromClause]:
    if from_ is codings:
        return [from_]
    if isinstance(from_, Alias) and from_.element is codings:
        return [from_]
    if isinstance(from_, Join):
        return _codings_in(from_.left) + _codings_in(from_.right)
    return []


def _memos_in(from_: FromClause) -> list[FromClause]:
    if from_ is memos:
        return [from_]
    if isinstance(from_, Join):
        return _memos_in(from_.left) + _memos_in(from_.right)
    return []


def _blind_ids() -> Select[Any]:
    blind = documents.alias("cotheme_blind_documents")
    return select(blind.c.id).where(blind.c.blind).correlate(None)


def visible(table: FromClause, viewer: int) -> ColumnElement[bool]:
    """The codings of ``table`` ``viewer`` may see: their own, and any outside blind documents."""
    return or_(table.c.coder_id == bindparam("cotheme_viewer", viewer, unique=True),
               table.c.document_id.not_in(_blind_ids()))


def _hidden_codings(viewer: int) -> Select[Any]:
    hidden = codings.alias("cotheme_hidden_codings")
    return (select(hidden.c.id).where(hidden.c.document_id.in_(_blind_ids()))
            .where(or_(hidden.c.coder_id.is_(None), hidden.c.coder_id != bindparam("cotheme_viewer", viewer, unique=True)))
            .correlate(None))


def restrict(statement: Any, viewer: int) -> Any:
    """``statement`` with every SELECT over codings (and memos) limited to what ``viewer`` may see."""

    def visit_select(sel: Select[Any]) -> None:
        extra: list[ColumnElement[bool]] = []
        for from_ in sel.get_final_froms():
            extra += [visible(t, viewer) for t in _codings_in(from_)]
            extra += [or_(t.c.coding_id.is_(None), t.c.coding_id.not_in(_hidden_codings(viewer)))
                      for t in _memos_in(from_)]
        if extra:
            sel._where_criteria += tuple(extra)  # noqa: SLF001 - the clone is ours to change

    return visitors.cloned_traverse(statement, {}, {"select": visit_select})


def _restrict(conn: Connection, clause: Any, multiparams: Sequence[Any], params: Mapping[str, Any],
              options: Mapping[str, Any]) -> tuple[Any, Sequence[Any], Mapping[str, Any]]:
    viewer = VIEWER.get()
    if viewer is None or options.get("cotheme_internal") or not isinstance(clause, (Select, CompoundSelect)):
        return clause, multiparams, params
    return restrict(clause, viewer), multiparams, params
