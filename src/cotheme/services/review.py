"""Reviewing one theme (phase 4): the data a review page shows, in one read transaction.

Owns grouping a theme's extracts by code and by participant, its passages (overlapping codings shown
once, with the memos on them) grouped by subtheme, participant or code, the counts per subtheme and the
list of codes that no theme draws on yet. Every read goes through the store, so a coder's view of blind
documents is restricted here as everywhere (``storage/visibility.py``). Must not change anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cotheme.domain.codings import Extract
from cotheme.domain.memos import Memo, MemoTarget
from cotheme.domain.passages import GROUPINGS, Grouping, Passage, group_passages, merge_passages
from cotheme.domain.themes import Theme
from cotheme.errors import InvalidArgument
from cotheme.domain.review import ExtractGroup, SubthemeCount, ThemeReview, UnthemedCode
from cotheme.services.themes import totals, code_sets, count_table, resolve_theme
from cotheme.storage import codes as codes_repo
from cotheme.storage import codings as codings_repo
from cotheme.storage import memos as memos_repo
from cotheme.storage import passages as passages_repo
from cotheme.storage import themes as themes_repo
from cotheme.storage.store import Store


def _group(extracts: Sequence[Extract], key: Callable[[Extract], str | None]) -> tuple[ExtractGroup, ...]:
    groups: dict[str | None, list[Extract]] = {}
    for extract in extracts:
        groups.setdefault(key(extract), []).append(extract)
    # Largest group first: the reviewer reads where the theme is strongest; ties by name.
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0] is None, kv[0] or ""))
    return tuple(ExtractGroup(k, tuple(v)) for k, v in ordered)


#: The heading of passages that no subtheme of the theme draws on.
NOT_IN_SUBTHEME = "Not in a subtheme"
NO_PARTICIPANT = "No participant"


def _grouping(
    passages: Sequence[Passage], by: str, current: Theme, children: Sequence[Theme], sets: dict[int, set[int]],
    first_page: int,
) -> Grouping:
    if by == "participant":
        order = sorted({p.case_pid for p in passages if p.case_pid})
        return Grouping(by, group_passages(passages, lambda p: p.case_pid or NO_PARTICIPANT, order, first_page))
    if by == "code":
        return Grouping(by, group_passages(passages, lambda p: p.code_paths[0], (), first_page))

    def subtheme(passage: Passage) -> str:
        codes = {e.code_id for e in passage.extracts}
        # A theme without subthemes holds its passages itself: one group under its own name.
        return next((t.name for t in children if codes & sets[t.id]), NOT_IN_SUBTHEME if children else current.name)

    return Grouping(by, group_passages(passages, subtheme, [t.name for t in children], first_page))


def theme_review(store: Store, theme: str | int, *, group_by: str = "subtheme", first_page: int = 5) -> ThemeReview:
    """Everything the review page shows for one theme; its passages grouped ``group_by`` (subtheme,
    participant or code), each group's first ``first_page`` passages shown before "Show all"."""
    if group_by not in GROUPINGS:
        raise InvalidArgument(f"Group passages by subtheme, participant or code, not '{group_by}'.")
    with store.read() as conn:
        theme_id = resolve_theme(conn, theme)
        themes = themes_repo.all_themes(conn)
        codes = codes_repo.all_codes(conn)
        sets = code_sets(themes, codes)
        table = count_table(conn)
        repeated = passages_repo.repeated_passages(conn)
        mine = sets[theme_id]
        paths = {c.id: c.path_text for c in codes}
        found = codings_repo.extracts(conn, code_ids=sorted(mine), code_paths=paths) if mine else []
        themed = set().union(*sets.values()) if sets else set()
        memos = memos_repo.list_memos(conn, MemoTarget.THEME, theme_id)
        exemplar_ids = tuple(e.coding_id for e in themes_repo.exemplars(conn, theme_id))
        ids = {e.id for e in found}
        on_codings: dict[int, list[Memo]] = {}
        for memo in memos_repo.list_memos(conn, MemoTarget.CODING):
            if memo.target_id in ids:
                on_codings.setdefault(memo.target_id, []).insert(0, memo)  # oldest first
    current = next(t for t in themes if t.id == theme_id)
    children = [t for t in themes if t.parent_id == theme_id]
    passages = merge_passages(found, on_codings)
    people = {e.case_pid for e in found if e.case_pid is not None}
    return ThemeReview(
        theme=current,
        codes=tuple(c for c in codes if c.id in mine),
        extracts=totals(mine, table, repeated)[0],
        participants=len(people),
        by_code=_group(found, lambda e: e.code_path),
        by_participant=_group(found, lambda e: e.case_pid),
        subthemes=tuple(
            SubthemeCount(t, *totals(sets[t.id], table, repeated)) for t in themes if t.parent_id == theme_id
        ),
        unthemed_codes=tuple(
            UnthemedCode(c, *totals({c.id}, table, repeated)) for c in codes if c.id not in themed
        ),
        exemplar_ids=exemplar_ids,
        memos=tuple(memos),
        passages=_grouping(passages, group_by, current, children, sets, first_page),
        passage_count=len(passages),
    )
