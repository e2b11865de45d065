"""Blind documents: the one rule for what a restricted member may read, applied to every query.

Owns a ``before_execute`` hook that, while ``VIEWER`` holds a member id, rewrites each SELECT that reads
a guarded table (the table or an alias of it, at any depth: joins, subqueries, EXISTS):

- ``codings``: only rows that member coded or that lie in a document that is not blind;
- ``memos``: not those on a hidden coding, nor those someone else wrote in a blind document (on it or
  on a coding in it);
- ``search_units``: not the units of a hidden memo (a transcript's own text stays searchable).

Doing it at the statement level means no report, retrieval, count, search or page written later can
leak another coder's codings or memos in a blind document by forgetting a filter. A textual SELECT
naming a guarded table cannot be rewritten, so it is refused while a view is restricted rather than
run unfiltered: build reads with SQLAlchemy Core. A cache of what was read under a view must key on
``scope()``. The services decide who is restricted (``services/acting.py``: everyone but leads); this
module only applies it. Statements the storage layer runs for itself (``cotheme_internal``) are left
alone.

A member is restricted only while some document is blind. ``viewing`` asks that when it must be known,
not before: on the first read that names a guarded table (asked on that read's own connection, inside
its transaction), or when ``scope()`` is asked. A change that reads no guarded table (adding a coding
reads a document, a code and a member) never asks, and pays no read transaction for it.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, FromClause, Table, and_, bindparam, event, or_, select
from sqlalchemy.sql import visitors
from sqlalchemy.sql.elements import TextClause
from sqlalchemy.sql.selectable import Alias, CompoundSelect, Join, Select

from cotheme.storage.schema import codings, documents, memos, search_units

#: The member whose view is restricted (``None``: no restriction, as for a lead).
VIEWER: ContextVar[int | None] = ContextVar("cotheme_viewer", default=None)
#: A textual read of a guarded table (word-bounded, as SQL names it).
_RAW_READ = re.compile(r"^\s*(select|with)\b.*\b(codings|memos|search_units|search_fts)\b", re.I | re.S)


class _Undecided:
    """A member restricted only if some document is blind, which is not known yet."""

    __slots__ = ("member_id", "_any_blind", "blind")

    def __init__(self, member_id: int, any_blind: Callable[[], bool]) -> None:
        self.member_id = member_id
        self._any_blind = any_blind  # asked in a transaction of its own when no statement is at hand
        self.blind: bool | None = None

    def decide(self, conn: Connection | None) -> bool:
        """Whether the member is restricted: whether any document is blind, read once."""
        if self.blind is None:
            if conn is None:
                self.blind = bool(self._any_blind())
            else:
                query = select(documents.c.id).where(documents.c.blind).limit(1).execution_options(cotheme_internal=True)
                self.blind = conn.execute(query).first() is not None
        return self.blind


_UNDECIDED: ContextVar[_Undecided | None] = ContextVar("cotheme_viewer_if_blind", default=None)


@contextmanager
def viewing(member_id: int | None, any_blind: Callable[[], bool] | None = None) -> Iterator[None]:
    """Reads in the block see what ``member_id`` may see (``None``: everything). With ``any_blind``
    (whether any document is blind), only if one is, asked when a read first needs to know."""
    undecided = _UNDECIDED.set(_Undecided(member_id, any_blind) if member_id is not None and any_blind else None)
    viewer = VIEWER.set(member_id if any_blind is None else None)
    try:
        yield
    finally:
        VIEWER.reset(viewer)
        _UNDECIDED.reset(undecided)


def _viewer_for(conn: Connection | None, clause: Any) -> int | None:
    """Whose view ``clause`` is limited to: ``VIEWER``, or a member not decided on yet, decided now if
    the clause reads a guarded table (``None`` for a clause that reads none)."""
    viewer = VIEWER.get()
    if viewer is not None:
        return viewer
    pending = _UNDECIDED.get()
    if pending is None or (pending.blind is None and clause is not None and not _names_guarded(clause)):
        return None
    return pending.member_id if pending.decide(conn) else None


#: ``_names_guarded`` of statements built once and run again (SQLAlchemy statements never change).
_GUARDED: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()


def _names_guarded(clause: Any) -> bool:
    """Whether a guarded table appears anywhere in ``clause`` (its FROMs, columns, subqueries)."""
    try:
        return _GUARDED[clause]
    except (KeyError, TypeError):
        pass
    found = any(isinstance(e, Table) and e in _RULES for e in visitors.iterate(clause))
    try:
        _GUARDED[clause] = found
    except TypeError:  # a statement that cannot be referred to weakly: asked again next time
        pass
    return found


def install(engine: Engine) -> None:
    event.listen(engine, "before_execute", _restrict, retval=True)
    event.listen(engine, "before_cursor_execute", _refuse_driver_sql)


def scope() -> int | None:
    """Whose view reads are restricted to now (``None``: everything); part of any cache key."""
    return _viewer_for(None, None)


def member_in_view() -> int | None:
    """The member whose view reads may be restricted, without asking whether any document is blind:
    for a caller that applies ``visible`` itself (which lets everything through when none is)."""
    viewer = VIEWER.get()
    if viewer is not None:
        return viewer
    pending = _UNDECIDED.get()
    return pending.member_id if pending is not None and pending.blind is not False else None


def _viewer(viewer: int) -> Any:
    return bindparam("cotheme_viewer", viewer, unique=True)


def _blind_ids() -> Select[Any]:
    blind = documents.alias("cotheme_blind_documents")
    return select(blind.c.id).where(blind.c.blind).correlate(None)


def visible(table: FromClause, viewer: int) -> ColumnElement[bool]:
    """The codings of ``table`` ``viewer`` may see: their own, and any outside blind documents."""
    return or_(table.c.coder_id == _viewer(viewer), table.c.document_id.not_in(_blind_ids()))


def visible_given(document_id: int | None, coder_id: int | None, viewer: int, blind: Collection[int]) -> bool:
    """``visible`` for one coding, given the blind documents' ids already read (for a caller deciding
    many rows for many viewers at one moment); the same answers, NULLs included."""
    if coder_id is not None and coder_id == viewer:
        return True
    return document_id is not None and document_id not in blind if blind else True


def _hidden_codings(viewer: int) -> Select[Any]:
    hidden = codings.alias("cotheme_hidden_codings")
    return (select(hidden.c.id).where(hidden.c.document_id.in_(_blind_ids()))
            .where(or_(hidden.c.coder_id.is_(None), hidden.c.coder_id != _viewer(viewer)))
            .correlate(None))


def _blind_codings() -> Select[Any]:
    in_blind = codings.alias("cotheme_blind_codings")
    return select(in_blind.c.id).where(in_blind.c.document_id.in_(_blind_ids())).correlate(None)


def memo_visible(table: FromClause, viewer: int) -> ColumnElement[bool]:
    """The memos of ``table`` ``viewer`` may see: none on a coding hidden from them, and in a blind
    document (on it, or on a coding in it) only their own: a memo there speaks about codings the others
    may not see yet. (Each test of a NULL column is spelled out: NOT IN over NULL is not true.)"""
    outside_blind = and_(
        or_(table.c.document_id.is_(None), table.c.document_id.not_in(_blind_ids())),
        or_(table.c.coding_id.is_(None), table.c.coding_id.not_in(_blind_codings())),
    )
    own = and_(table.c.author_id.is_not(None), table.c.author_id == _viewer(viewer))
    return and_(
        or_(table.c.coding_id.is_(None), table.c.coding_id.not_in(_hidden_codings(viewer))),
        or_(own, outside_blind),
    )


def _visible_memos(viewer: int) -> Select[Any]:
    shown = memos.alias("cotheme_visible_memos")
    return select(shown.c.id).where(memo_visible(shown, viewer)).correlate(None)


def unit_visible(table: FromClause, viewer: int) -> ColumnElement[bool]:
    """The search units ``viewer`` may find: every transcript turn, and the memos they may read (those
    listed as visible, so a memo the rule cannot decide on stays hidden)."""
    return or_(table.c.memo_id.is_(None), table.c.memo_id.in_(_visible_memos(viewer)))


#: Each guarded table and the condition its rows must meet.
_RULES: dict[Table, Callable[[FromClause, int], ColumnElement[bool]]] = {
    codings: visible, memos: memo_visible, search_units: unit_visible,
}


def _guarded_in(from_: FromClause) -> list[tuple[FromClause, Table]]:
    """The guarded tables (or aliases of them) a FROM item reads, with the table each stands for."""
    if isinstance(from_, Table) and from_ in _RULES:
        return [(from_, from_)]
    if isinstance(from_, Alias) and isinstance(from_.element, Table) and from_.element in _RULES:
        return [(from_, from_.element)]
    if isinstance(from_, Join):
        return _guarded_in(from_.left) + _guarded_in(from_.right)
    return []


def restrict(statement: Any, viewer: int) -> Any:
    """``statement`` with every SELECT over a guarded table limited to what ``viewer`` may see."""

    def visit_select(sel: Select[Any]) -> None:
        extra = [_RULES[table](from_, viewer) for f in sel.get_final_froms() for from_, table in _guarded_in(f)]
        if extra:
            sel._where_criteria += tuple(extra)  # noqa: SLF001 - the clone is ours to change

    return visitors.cloned_traverse(statement, {}, {"select": visit_select})


def _refuse_raw(sql: str) -> None:
    if _RAW_READ.search(sql):
        raise RuntimeError("A textual SELECT over codings, memos or search units cannot be limited to a "
                           "restricted member's view; build it with SQLAlchemy Core (storage/visibility.py).")


def _restrict(conn: Connection, clause: Any, multiparams: Sequence[Any], params: Mapping[str, Any],
              options: Mapping[str, Any]) -> tuple[Any, Sequence[Any], Mapping[str, Any]]:
    if options.get("cotheme_internal") or (VIEWER.get() is None and _UNDECIDED.get() is None):
        return clause, multiparams, params
    if isinstance(clause, (Select, CompoundSelect)):
        viewer = _viewer_for(conn, clause)
        return (clause if viewer is None else restrict(clause, viewer)), multiparams, params
    if isinstance(clause, TextClause) and _RAW_READ.search(clause.text) and _viewer_for(conn, None) is not None:
        _refuse_raw(clause.text)
    return clause, multiparams, params


def _refuse_driver_sql(conn: Connection, cursor: Any, statement: str, parameters: Any, context: Any,
                       executemany: bool) -> None:
    """``exec_driver_sql`` passes no ``before_execute``: its SQL (the only statements here that were
    not compiled from a clause) is checked as it reaches the cursor."""
    if (VIEWER.get() is None and _UNDECIDED.get() is None) or context is None or context.compiled is not None:
        return
    if context.execution_options.get("cotheme_internal") or not _RAW_READ.search(statement):
        return
    if _viewer_for(None, None) is not None:  # asked in a transaction of its own: this one is mid-statement
        _refuse_raw(statement)
