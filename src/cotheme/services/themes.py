"""Themes: creating, editing, importing and exporting them, linking codes, exemplars, saved map
positions, and what a theme draws on.

A theme draws on the codings of its linked codes, of their subcodes and of its subthemes; its counts
of extracts and participants are over that whole set, each passage counted once however many of the
theme's codes it carries (the rule of ``domain/hierarchy.py``). Must not format
reports (``services/reports.py``) nor lay out the map (``services/thematic_map.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Connection, select

from cotheme.domain.codebook import Code, join_path
from cotheme.domain.hierarchy import repeats
from cotheme.domain.themes import (
    Exemplar,
    Theme,
    ThemeSpec,
    ThemeStatus,
    ThemeSummary,
    check_theme_name,
    descendants,
    order_specs,
)
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.formats.themes_file import read_themes_csv, write_themes_csv, write_themes_markdown
from cotheme.services.codebook import resolve_code
from cotheme.services.members import resolve_coder
from cotheme.storage import codes as codes_repo
from cotheme.storage import passages
from cotheme.storage import reporting
from cotheme.storage import study
from cotheme.storage import themes as themes_repo
from cotheme.storage.schema import codings
from cotheme.storage.store import Store

#: "Leave the parent as it is" for ``update_theme`` (``None`` means "make it top-level").
KEEP = object()


@dataclass(frozen=True, slots=True)
class ThemesImport:
    created: int
    updated: int
    linked: int


# -- finding ------------------------------------------------------------------------------------
def resolve_theme(conn: Connection, ref: str | int) -> int:
    """A theme id from its name (ignoring case) or its number."""
    text = str(ref).strip()
    found = themes_repo.find_by_name(conn, text)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise Conflict(f"Several themes are called '{text}'; give its number (see 'cotheme themes list').")
    if text.isdigit() and themes_repo.exists(conn, int(text)):
        return int(text)
    raise NotFound(f"There is no theme '{text}'; see 'cotheme themes list' for names.")


def code_sets(themes: Sequence[Theme], codes: Sequence[Code]) -> dict[int, set[int]]:
    """For every theme, the codes it draws on: linked codes, their subcodes, its subthemes' codes."""
    below: dict[int | None, list[int]] = {}
    for code in codes:
        below.setdefault(code.parent_id, []).append(code.id)

    def with_subcodes(code_ids: Iterable[int]) -> set[int]:
        found = list(code_ids)
        at = 0
        while at < len(found):
            found.extend(below.get(found[at], []))
            at += 1
        return set(found)

    own = {t.id: with_subcodes(t.code_ids) for t in themes}
    return {t.id: set().union(*(own[d] for d in descendants(themes, t.id))) for t in themes}


#: Every passage holding more than one coding: its case and the code of each of its codings.
Repeated = Sequence[tuple[int | None, Sequence[int]]]


def totals(code_ids: set[int], table: Mapping[int, Mapping[int | None, int]],
           repeated: Repeated) -> tuple[int, int]:
    """Extracts and participants of ``code_ids``: their codings, less for each passage holding k > 1
    of them k - 1, so a passage coded with a code and its sub-code is one extract."""
    extracts = 0
    people: set[int] = set()
    for code_id in code_ids:
        for case_id, n in table.get(code_id, {}).items():
            extracts += n
            if case_id is not None:
                people.add(case_id)
    extracts -= sum(repeats(found, code_ids) for _, found in repeated)
    return extracts, len(people)


def count_table(conn: Connection) -> dict[int, dict[int | None, int]]:
    """Codings per code per case: the one query every count of a theme is made from."""
    table: dict[int, dict[int | None, int]] = {}
    for code_id, case_id, n in reporting.counts_by_code_and_case(conn):
        table.setdefault(code_id, {})[case_id] = n
    return table


def summaries(conn: Connection, table: Mapping[int, Mapping[int | None, int]] | None = None) -> list[ThemeSummary]:
    """Every theme with its codes' paths and counts (``table``: a ``count_table`` already read); a
    passage carrying several of a theme's codes counts once."""
    themes = themes_repo.all_themes(conn)
    codes = codes_repo.all_codes(conn)
    paths = {c.id: c.path_text for c in codes}
    sets = code_sets(themes, codes)
    table = count_table(conn) if table is None else table
    repeated = passages.repeated_passages(conn)
    return [
        ThemeSummary(t, tuple(paths[c] for c in t.code_ids), *totals(sets[t.id], table, repeated))
        for t in themes
    ]


def list_themes(store: Store) -> list[ThemeSummary]:
    """Every theme in hierarchy order with its codes and counts."""
    with store.read() as conn:
        return summaries(conn)


# -- creating and editing -----------------------------------------------------------------------
def _insert(conn: Connection, name: str, parent_id: int | None, definition: str, status: ThemeStatus) -> int:
    if themes_repo.find_child(conn, parent_id, name) is not None:
        where = "at the top level" if parent_id is None else "under that parent"
        raise Conflict(f"There is already a theme '{name}' {where}.")
    position = themes_repo.count_children(conn, parent_id)
    return themes_repo.insert_theme(
        conn, name=name, parent_id=parent_id, definition=definition.strip(), status=status, position=position
    )


def _theme(conn: Connection, theme_id: int) -> Theme:
    return next(t for t in themes_repo.all_themes(conn) if t.id == theme_id)


def create_theme(
    store: Store,
    name: str,
    *,
    parent: str | int | None = None,
    definition: str = "",
    status: str = "candidate",
    codes: Sequence[str] = (),
) -> Theme:
    """A new theme (under ``parent`` when given), linked to the codes named."""
    clean = check_theme_name(name)
    level = ThemeStatus.parse(status)
    with store.write() as conn:
        parent_id = resolve_theme(conn, parent) if parent is not None else None
        theme_id = _insert(conn, clean, parent_id, definition, level)
        themes_repo.link_codes(conn, theme_id, [resolve_code(conn, c) for c in codes])
        return _theme(conn, theme_id)


def update_theme(
    store: Store,
    theme: str | int,
    *,
    name: str | None = None,
    definition: str | None = None,
    status: str | None = None,
    parent: object = KEEP,
) -> Theme:
    """Rename, redefine, change the status of, or move a theme (``parent=None``: to the top)."""
    with store.write() as conn:
        theme_id = resolve_theme(conn, theme)
        current = _theme(conn, theme_id)
        values: dict[str, object] = {}
        parent_id = current.parent_id
        if parent is not KEEP:
            parent_id = None if parent is None else resolve_theme(conn, parent)  # type: ignore[arg-type]
            if parent_id is not None and parent_id in descendants(themes_repo.all_themes(conn), theme_id):
                raise InvalidArgument(f"'{current.name}' cannot move under itself or one of its subthemes.")
            if parent_id != current.parent_id:
                values["parent_id"] = parent_id
                values["position"] = themes_repo.count_children(conn, parent_id)  # last among new siblings
        new_name = check_theme_name(name) if name is not None else current.name
        if (name is not None or parent is not KEEP) and (new_name, parent_id) != (current.name, current.parent_id):
            other = themes_repo.find_child(conn, parent_id, new_name)
            if other is not None and other != theme_id:
                raise Conflict(f"There is already a theme '{new_name}' there.")
            values["name"] = new_name
        if definition is not None:
            values["definition"] = definition.strip()
        if status is not None:
            values["status"] = ThemeStatus.parse(status).value
        themes_repo.update_theme(conn, theme_id, values)
        return _theme(conn, theme_id)


def delete_theme(store: Store, theme: str | int) -> None:
    """Delete a theme with no subthemes (its code links, exemplars and memos go with it)."""
    with store.write() as conn:
        theme_id = resolve_theme(conn, theme)
        if themes_repo.count_children(conn, theme_id):
            raise Conflict("That theme has subthemes; move or delete them first.")
        themes_repo.delete_theme(conn, theme_id)


def link_codes(store: Store, theme: str | int, codes: Sequence[str | int], *, unlink: bool = False) -> Theme:
    """Link codes (names, paths or ids) to a theme, or unlink them."""
    with store.write() as conn:
        theme_id = resolve_theme(conn, theme)
        ids = [c if isinstance(c, int) else resolve_code(conn, c) for c in codes]
        unknown = [c for c in ids if codes_repo.get_row(conn, c) is None]
        if unknown:
            raise NotFound(f"There is no code with id {unknown[0]}; see 'cotheme codebook list' for the ids.")
        if unlink:
            themes_repo.unlink_codes(conn, theme_id, ids)
        else:
            themes_repo.link_codes(conn, theme_id, ids)
        return _theme(conn, theme_id)


# -- files and templates ------------------------------------------------------------------------
def apply_specs(conn: Connection, specs: Sequence[ThemeSpec], source: str, *, create_codes: bool) -> ThemesImport:
    """Create or update the themes ``specs`` describe, parents first; codes linked by name."""
    created = updated = linked = 0
    ids: dict[str, int] = {}
    for spec in order_specs(specs, source):
        parent_id: int | None = None
        if spec.parent:
            parent_id = ids.get(spec.parent.casefold())
            if parent_id is None:
                try:
                    parent_id = resolve_theme(conn, spec.parent)
                except NotFound:
                    raise NotFound(
                        f"{source}, line {spec.source_line}: the parent theme '{spec.parent}' is neither "
                        "in the file nor in the project."
                    ) from None
        theme_id = themes_repo.find_child(conn, parent_id, spec.name)
        if theme_id is None:
            theme_id = _insert(conn, spec.name, parent_id, spec.definition, spec.status)
            created += 1
        else:
            values: dict[str, object] = {"status": spec.status.value}
            if spec.definition:
                values["definition"] = spec.definition
            themes_repo.update_theme(conn, theme_id, values)
            updated += 1
        ids[spec.name.casefold()] = theme_id
        code_ids = []
        for name in spec.codes:
            try:
                code_ids.append(resolve_code(conn, name, create=create_codes))
            except NotFound:
                raise NotFound(
                    f"{source}, line {spec.source_line}: there is no code '{name}'; import the "
                    "codebook first or fix the name."
                ) from None
        linked += themes_repo.link_codes(conn, theme_id, code_ids)
    return ThemesImport(created, updated, linked)


def import_themes(store: Store, name: str, data: bytes) -> ThemesImport:
    """Load themes from a CSV/XLSX file, all or none."""
    specs = read_themes_csv(name, data)
    with store.write() as conn:
        return apply_specs(conn, specs, name, create_codes=False)


def export_themes(store: Store, path: Path) -> bytes:
    """The themes as CSV (imports back) or Markdown, chosen by ``path``'s extension."""
    with store.read() as conn:
        found = summaries(conn)
        title = study.read_info(conn).title
        refs = {c.id: join_path(c.path) for c in codes_repo.all_codes(conn)}
    suffix = path.suffix.lower()
    if suffix == ".csv":  # codes as paths that read back: a "/" inside a name is escaped
        found = [replace(s, codes=tuple(refs[c] for c in s.theme.code_ids)) for s in found]
        return write_themes_csv(found, {s.theme.id: s.theme.name for s in found})
    if suffix in (".md", ".markdown"):
        return write_themes_markdown(found, title)
    raise InvalidArgument(f"{path.name}: choose a .csv or .md file to export the themes to.")


# -- exemplars and map positions ----------------------------------------------------------------
def add_exemplar(store: Store, theme: str | int, coding_id: int, member: str | None = None) -> Exemplar:
    """Mark coding ``coding_id`` as an illustrative quote of a theme (idempotent)."""
    with store.write() as conn:
        theme_id = resolve_theme(conn, theme)
        if conn.execute(select(codings.c.id).where(codings.c.id == coding_id)).first() is None:
            raise NotFound(f"There is no coding {coding_id}; see 'cotheme codings' for ids.")
        chooser = resolve_coder(conn, member, asking="who chooses the exemplar with --member NAME")
        themes_repo.add_exemplar(conn, theme_id, coding_id, chooser.id)
        return next(e for e in themes_repo.exemplars(conn, theme_id) if e.coding_id == coding_id)


def remove_exemplar(store: Store, theme: str | int, coding_id: int) -> None:
    with store.write() as conn:
        if not themes_repo.remove_exemplar(conn, resolve_theme(conn, theme), coding_id):
            raise NotFound(f"Coding {coding_id} is not an exemplar of that theme.")


def exemplars(store: Store, theme: str | int | None = None) -> list[Exemplar]:
    with store.read() as conn:
        return themes_repo.exemplars(conn, None if theme is None else resolve_theme(conn, theme))


def save_positions(store: Store, positions: Mapping[int, tuple[float, float] | None]) -> None:
    """Save map positions by theme id (``None`` returns one theme to the automatic layout)."""
    with store.write() as conn:
        for theme_id, point in positions.items():
            if not themes_repo.exists(conn, theme_id):
                raise NotFound(f"There is no theme {theme_id}.")
            x, y = point if point is not None else (None, None)
            themes_repo.set_position(conn, theme_id, x, y)


def reset_positions(store: Store) -> None:
    """Forget every saved map position: the map goes back to its automatic layout."""
    with store.write() as conn:
        themes_repo.reset_positions(conn)
