"""Theme hierarchies of known size for the thematic-map tests: 5, 21 (the published relational-practice
framework: an overarching theme, 4 themes, 16 subthemes) and 60 nodes, as (name, parent, status) rows,
parents first."""

from __future__ import annotations

from cotheme.domain.thematic_map import MapNode

Row = tuple[str, str | None, str]

PUBLISHED = {
    "Understanding": [
        "Staff knowledge about CEN", "Non-stigmatising attitudes and behaviours",
        "Awareness of individuals' intersecting experiences", "Trauma-informed care approaches",
        "Coordinate care to address service users' multiple needs", "Different presentations of mental health need",
    ],
    "Interpersonal connection": [
        "Validation and active/empathic listening", "Compassion", "Open dialogue that fosters collaboration",
    ],
    "Consistency and Continuity": [
        "Consistent and continued support from known staff", "Collaborative working across services",
        "Consistency of support across localities", "Timely support",
    ],
    "Adaptability and Accessibility": [
        "Proactive engagement with service users", "Flexibility in service delivery",
        "Ability to offer a range of treatments",
    ],
}
STATUSES = ("candidate", "reviewed", "defined")


def rows(size: int) -> list[Row]:
    """``size`` rows: one overarching theme, then themes each followed by its subthemes."""
    found: list[Row] = [("Relational Practice", None, "defined")]
    if size == 21:
        for at, (theme, subs) in enumerate(PUBLISHED.items()):
            found.append((theme, "Relational Practice", STATUSES[at % 3]))
            found += [(sub, theme, STATUSES[(at + j) % 3]) for j, sub in enumerate(subs)]
        return found
    themes = 2 if size <= 5 else 9
    per = (size - 1 - themes) // themes
    extra = (size - 1 - themes) % themes
    words = ["Being", "heard", "and", "believed", "by", "staff", "who", "know", "you", "over", "time"]
    for t in range(themes):
        theme = f"Theme {t + 1}: " + " ".join(words[: 2 + t % 6])
        found.append((theme, "Relational Practice", STATUSES[t % 3]))
        for s in range(per + (1 if t < extra else 0)):
            label = f"{t + 1}.{s + 1} " + " ".join(words[: 1 + (s * 3 + t) % 10])
            if (t, s) == (0, 0):
                label = "Multidisciplinarycollaborationacrossservices"  # one unbreakable long word
            found.append((label, theme, STATUSES[(t + s) % 3]))
    assert len(found) == size
    return found


def nodes(size: int) -> list[MapNode]:
    """The rows as map nodes (theme keys by position, so names may repeat)."""
    keys: dict[str, str] = {}
    placed = []
    for at, (name, parent, status) in enumerate(rows(size)):
        keys[name] = f"t{at}"
        placed.append(MapNode(f"t{at}", name, "theme", keys[parent] if parent else None, at + 1, status))
    return placed
