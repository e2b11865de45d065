"""Themes in REFI-QDA exchange: every theme goes out as a ``Set`` of its codes, and sets come in as themes.

Owns both directions of that mapping, inside the caller's transaction:

* export: a theme is a ``Set`` with the theme's GUID, its name, its definition as ``Description`` and a
  ``MemberCode`` for each code linked to it (its memos become ``MemberNote``\\ s, see
  ``exchange_export``). A set cannot nest, so the parent, status, order among siblings, saved map
  position and exemplars travel in the cotheme extension, keyed by the set's GUID;
* import: with the extension, each described set becomes the theme it was (parents first; a parent
  the file and the project lack, or a cycle, puts the theme at the top level, reported). A set of
  another program becomes a top-level theme holding its member codes; a set of sources only (a
  document set: "Interviews 2023", "gender: female") is no theme and is reported, as are the member
  sources of a set that holds codes too;
* merging by GUID as the other objects do: a new GUID is matched by name under the same parent, else
  created with the file's GUID; for a known theme an empty definition, code list, map position or
  exemplar list is filled from the file and any other difference (name, place, definition, status,
  codes) is a conflict, ours kept.

Must not parse or write files; receives the exchange model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from cotheme.domain.exchange import ExSet, ExThemeExtra, parents_first
from cotheme.domain.names import single_line
from cotheme.domain.themes import MAX_NAME, ThemeStatus
from cotheme.storage import exchange as repo
from cotheme.storage import themes as themes_repo
from cotheme.storage.schema import codes, themes
from cotheme.domain.plural import counted

if TYPE_CHECKING:
    from cotheme.services.exchange_merge import Merge

__all__ = ["ThemeSets", "merge_sets", "theme_sets"]

#: How many names a sentence of the import report lists before it says "and N more".
LISTED = 10


@dataclass(frozen=True, slots=True)
class ThemeSets:
    """The themes in exchange form: sets in tree order, their extension, each theme's GUID by id."""

    sets: tuple[ExSet, ...]
    extras: dict[str, ExThemeExtra]
    guid: dict[int, str]


# -- export -----------------------------------------------------------------------------------------
def theme_sets(conn: Connection, code_guid: dict[int, str], coding_guid: dict[int, str],
               member_guid_by_name: dict[str, str]) -> ThemeSets:
    """Every theme as a set, parents before children (``coding_guid``: the exported codings, so an
    exemplar on an earlier revision, whose coding is not exported, is left out with it)."""
    guid = {row.id: g for g, row in repo.by_guid(conn, themes).items()}
    chosen: dict[int, list[tuple[str, str | None]]] = {}
    for exemplar in themes_repo.exemplars(conn):
        if exemplar.coding_id in coding_guid:
            chooser = member_guid_by_name.get(exemplar.chosen_by) if exemplar.chosen_by else None
            chosen.setdefault(exemplar.theme_id, []).append((coding_guid[exemplar.coding_id], chooser))
    sets, extras = [], {}
    for theme in themes_repo.all_themes(conn):  # tree order: parents first
        g = guid[theme.id]
        sets.append(ExSet(guid=g, name=theme.name, description=theme.definition,
                          codes=tuple(code_guid[c] for c in theme.code_ids)))
        point = (theme.x, theme.y) if theme.x is not None and theme.y is not None else None
        extras[g] = ExThemeExtra(parent=guid.get(theme.parent_id) if theme.parent_id else None,
                                 status=theme.status.value, position=theme.position, map=point,
                                 exemplars=tuple(chosen.get(theme.id, ())))
    return ThemeSets(tuple(sets), extras, guid)


# -- import -----------------------------------------------------------------------------------------
def merge_sets(merge: Merge) -> dict[str, int]:
    """Merge the file's sets as themes; the theme id of each set that became or matched one."""
    return _SetMerge(merge).run()


class _SetMerge:
    def __init__(self, merge: Merge) -> None:
        self.merge = merge
        self.conn = merge.conn
        extension = merge.extension
        self.extras: dict[str, ExThemeExtra] = dict(extension.themes) if extension is not None else {}
        self.known = repo.by_guid(self.conn, themes)
        self.by_id = {row.id: row for row in self.known.values()}
        self.linked = {t.id: set(t.code_ids) for t in themes_repo.all_themes(self.conn)}
        self.base: dict[int | None, int] = {}  # where each parent's new children start: after its own
        for row in self.known.values():
            self.base[row.parent_id] = max(self.base.get(row.parent_id, 0), row.position + 1)
        self.added: Counter[int | None] = Counter()
        self.made_here: set[int] = set()
        self.themes: dict[str, int] = {}
        self.fill_exemplars: list[tuple[int, ExThemeExtra]] = []
        self.other_codes: dict[str, int] | None = None
        self.unresolved_codes = 0
        self.orphans: list[str] = []

    def run(self) -> dict[str, int]:
        sets = self.merge.project.sets
        kept = tuple(s for s in sets if s.guid in self.extras or s.codes or not s.sources)
        parents = {g: e.parent for g, e in self.extras.items()}
        for item, parent in parents_first(kept, parents):
            self._one(item, parent)
        self._exemplars()
        self._report(sets, kept)
        return self.themes

    def _one(self, item: ExSet, parent: str | None) -> None:
        extra = self.extras.get(item.guid)
        parent_id = self._parent_id(item, parent)
        name = single_line(item.name)[:MAX_NAME].rstrip()
        if not name:
            name = "Unnamed theme"
            self.merge.note(f"A set without a name ({item.guid}) was imported as the theme '{name}'.")
        code_ids = self._code_ids(item.codes)
        row = self.known.get(item.guid)
        if row is None:
            sibling = themes_repo.find_child(self.conn, parent_id, name)
            if sibling is not None and sibling in self.made_here:
                free = self._free_name(parent_id, name)
                self.merge.note(f"The file has two sets called '{name}' in one place; the second is the theme '{free}'.")
                name = free
            elif sibling is not None:
                row = self.by_id[sibling]
        if row is None:
            theme_id = self._create(item, extra, parent_id, name, code_ids)
        else:
            theme_id = row.id
            self.merge.matched["themes"] += 1
            self._compare(row, item, extra, name, parent_id, code_ids, by_guid=item.guid in self.known)
        self.themes[item.guid] = theme_id

    def _parent_id(self, item: ExSet, parent: str | None) -> int | None:
        if parent is None:
            return None
        if parent in self.themes:
            return self.themes[parent]
        if parent in self.known:
            return int(self.known[parent].id)
        self.orphans.append(item.name)
        return None

    def _code_ids(self, guids: Sequence[str]) -> list[int]:
        found = []
        for guid in guids:
            code_id = self.merge.codes.get(guid)
            if code_id is None:  # a code the file only refers to: the project may hold it
                if self.other_codes is None:
                    self.other_codes = {g: row.id for g, row in repo.by_guid(self.conn, codes).items()}
                code_id = self.other_codes.get(guid)
            if code_id is None:
                self.unresolved_codes += 1
            else:
                found.append(code_id)
        return list(dict.fromkeys(found))

    def _create(self, item: ExSet, extra: ExThemeExtra | None, parent_id: int | None, name: str,
                code_ids: list[int]) -> int:
        # Keep the file's order (and, into an empty place, its very positions) after what is there.
        offset = extra.position if extra is not None else self.added[parent_id]
        position = self.base.get(parent_id, 0) + max(offset, 0)
        self.added[parent_id] += 1
        status = ThemeStatus(extra.status) if extra is not None else ThemeStatus.CANDIDATE
        theme_id = repo.insert_theme(self.conn, guid=item.guid, parent_id=parent_id, name=name,
                                     definition=item.description.strip(), status=status, position=position)
        themes_repo.link_codes(self.conn, theme_id, code_ids)
        if extra is not None and extra.map is not None:
            themes_repo.set_position(self.conn, theme_id, *extra.map)
        if extra is not None and extra.exemplars:
            self.fill_exemplars.append((theme_id, extra))
        self.made_here.add(theme_id)
        self.merge.created["themes"] += 1
        return theme_id

    def _compare(self, row: Any, item: ExSet, extra: ExThemeExtra | None, name: str, parent_id: int | None,
                 code_ids: list[int], *, by_guid: bool) -> None:
        """A theme the project holds: fill what is empty on our side, report what differs."""
        moved = extra is not None and row.parent_id != parent_id  # a foreign set says nothing of place
        if by_guid and (row.name != name or moved):
            self.merge.conflict(f"The theme '{row.name}' ({row.guid}) is named or placed differently in the file "
                                f"('{name}'); kept ours.")
        values: dict[str, object] = {}
        theirs = item.description.strip()
        if theirs and theirs != row.definition:
            if row.definition:
                self.merge.conflict(f"The theme '{row.name}' has a different definition in the file; kept ours.")
            else:
                values["definition"] = theirs
        if extra is not None and extra.status != row.status:
            self.merge.conflict(f"The theme '{row.name}' is {row.status} here and {extra.status} in the file; "
                                "kept ours.")
        themes_repo.update_theme(self.conn, row.id, values)
        ours = self.linked.get(row.id, set())
        if set(code_ids) != ours:
            if ours:
                self.merge.conflict(f"The theme '{row.name}' holds other codes in the file; kept ours.")
            else:
                themes_repo.link_codes(self.conn, row.id, code_ids)
        if extra is not None and extra.map is not None and row.map_x is None:
            themes_repo.set_position(self.conn, row.id, *extra.map)
        if extra is not None and extra.exemplars and not themes_repo.exemplars(self.conn, row.id):
            self.fill_exemplars.append((row.id, extra))

    def _free_name(self, parent_id: int | None, name: str) -> str:
        """``name (2)``, ``name (3)``... the first free one, kept within the column's length."""
        stem = name[: MAX_NAME - 8].rstrip()
        n = 2
        while themes_repo.find_child(self.conn, parent_id, f"{stem} ({n})") is not None:
            n += 1
        return f"{stem} ({n})"

    def _exemplars(self) -> None:
        wanted = {c for _, extra in self.fill_exemplars for c, _ in extra.exemplars}
        found = repo.codings_by_guid(self.conn, wanted) if wanted else {}
        missing = 0
        for theme_id, extra in self.fill_exemplars:
            for coding, chooser in extra.exemplars:
                row = found.get(coding)
                if row is None:
                    missing += 1
                    continue
                themes_repo.add_exemplar(self.conn, theme_id, row.id, self.merge.user(chooser))
        if missing:
            self.merge.note(f"{counted(missing, 'exemplar')} of themes {'was' if missing == 1 else 'were'} not kept: their codings were not imported.")

    def _report(self, sets: tuple[ExSet, ...], kept: tuple[ExSet, ...]) -> None:
        note = self.merge.note
        document_sets = [f"'{s.name}'" for s in sets if s not in kept]
        if document_sets:
            verb = "holds" if len(document_sets) == 1 else "hold"
            note(f"{counted(len(document_sets), 'set')} {verb} only sources, not codes, so they are document sets "
                 f"rather than themes and were not imported: {_listed(document_sets)}.")
        with_sources = [f"'{s.name}' ({len(s.sources)})" for s in kept if s.sources]
        if with_sources:
            note("cotheme themes hold codes, not sources: the sources grouped in these sets were not imported "
                 f"(themes were made of their codes): {_listed(with_sources)}.")
        if self.orphans:
            orphans = _listed([f"'{n}'" for n in self.orphans])
            note(f"The parent theme of {orphans} is neither in the file nor in the project; placed at the top level.")
        if self.unresolved_codes:
            note(f"{counted(self.unresolved_codes, 'member code')} of sets {'is' if self.unresolved_codes == 1 else 'are'} "
                 "neither in the file nor in the project; "
                 "those links were not made.")


def _listed(names: Sequence[str]) -> str:
    shown = ", ".join(names[:LISTED])
    return shown + (f" and {len(names) - LISTED} more" if len(names) > LISTED else "")
