"""The sample monitor and the sample-characteristics table ("Table 1").

Owns counting participants per attribute category (with optional numeric bands, in the order the
attribute's definition gives, with its label and description; attributes hidden from Table 1 are left
out unless asked for by name), checking the purposive-sampling targets (kept in the project, or given for one report) and saving targets. Must
not format the table: ``formats/report_tables.py`` does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cotheme.domain.sample import (
    AttributeCounts,
    Band,
    SampleTable,
    SampleTarget,
    check_target,
    count_categories,
)
from cotheme.errors import NotFound
from cotheme.formats.targets_file import read_targets
from cotheme.storage import attribute_defs as defs_repo
from cotheme.storage import cases as cases_repo
from cotheme.storage import study
from cotheme.storage import targets as targets_repo
from cotheme.storage.store import Store


def import_targets(store: Store, name: str, data: bytes) -> list[SampleTarget]:
    """Replace the project's sampling targets with those in a .csv/.xlsx file."""
    targets = read_targets(name, data)
    with store.write() as conn:
        targets_repo.replace_targets(conn, targets)
    return targets


def save_targets(store: Store, targets: Sequence[SampleTarget]) -> None:
    """Replace the project's sampling targets (what a page saves)."""
    with store.write() as conn:
        targets_repo.replace_targets(conn, list(targets))


def list_targets(store: Store) -> list[SampleTarget]:
    with store.read() as conn:
        return targets_repo.list_targets(conn)


def _pick(known: Sequence[str], wanted: Sequence[str] | None, labels: Mapping[str, str] | None = None) -> list[str]:
    """The attributes ``wanted`` names (by name or display label, ignoring case), in that order."""
    if not wanted:
        return list(known)
    by_fold = {label.casefold(): name for name, label in (labels or {}).items() if label}
    by_fold.update({k.casefold(): k for k in known})
    chosen = []
    for name in wanted:
        found = by_fold.get(name.strip().casefold())
        if found is None:
            raise NotFound(f"There is no attribute '{name.strip()}' (attributes: {', '.join(known) or 'none'}).")
        chosen.append(found)
    return chosen


def _number(value: str | None) -> bool:
    try:
        float((value or "").strip())
    except ValueError:
        return False
    return True


def sample_table(
    store: Store,
    *,
    attributes: Sequence[str] | None = None,
    bands: Mapping[str, Sequence[Band]] | None = None,
    targets: Sequence[SampleTarget] | None = None,
) -> SampleTable:
    """Participants per category of each chosen attribute, checked against ``targets`` (default: the
    project's saved targets)."""
    with store.read() as conn:
        cases = cases_repo.list_cases(conn)
        definitions = {d.name: d for d in defs_repo.list_definitions(conn)}
        known = list(cases_repo.attribute_ids(conn))
        missing = study.read_info(conn).missing_label
        saved = targets_repo.list_targets(conn) if targets is None else list(targets)
    chosen = _pick(known, attributes, {d.name: d.label for d in definitions.values()}) if attributes else [k for k in known if definitions[k].shown]
    band_map = {k.casefold(): tuple(v) for k, v in (bands or {}).items()}
    for name in band_map:
        _pick(known, [name])  # a band for an unknown attribute is a typo worth a sentence

    def counts(name: str) -> AttributeCounts:
        values = [c.attributes.get(name) for c in cases]
        own, bands_of = definitions[name], band_map.get(name.casefold(), ())
        banded = bands_of and any(_number(v) for v in values)  # a note only when numbers were grouped
        return AttributeCounts(name, count_categories(values, missing, bands_of, own.order), own.label,
                               own.description, tuple(b.label for b in bands_of) if banded else ())

    table = {name: counts(name) for name in chosen}
    checks = []
    for target in saved:
        name = next((k for k in known if k.casefold() == target.attribute.casefold()), None)
        found = None if name is None else table.get(name) or counts(name)
        recruited = 0
        if found is not None:
            recruited = sum(c.count for c in found.categories if c.label.casefold() == target.category.casefold())
        checks.append(check_target(target, recruited, len(cases)))
    labels = tuple((d.name, d.display) for d in definitions.values())
    return SampleTable(len(cases), tuple(table[n] for n in chosen), missing, tuple(checks), labels)
