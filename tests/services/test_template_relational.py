"""The built-in relational-practice template on both engines: the published names and nesting exactly,
one code per subtheme (a ``/`` inside a name stays inside that name), and a summary that says whose
wording the definitions are."""

from __future__ import annotations

from pathlib import Path

import cotheme
from cotheme.services.project import Project

PUBLISHED = {
    "Understanding": [
        "Staff knowledge about CEN",
        "Non-stigmatising attitudes and behaviours",
        "Awareness of individuals' intersecting experiences",
        "Trauma-informed care approaches",
        "Coordinate care to address service users' multiple needs",
        "Different presentations of mental health need",
    ],
    "Interpersonal connection": [
        "Validation and active/empathic listening",
        "Compassion",
        "Open dialogue that fosters collaboration",
    ],
    "Consistency and Continuity": [
        "Consistent and continued support from known staff",
        "Collaborative working across services",
        "Consistency of support across localities",
        "Timely support",
    ],
    "Adaptability and Accessibility": [
        "Proactive engagement with service users",
        "Flexibility in service delivery",
        "Ability to offer a range of treatments",
    ],
}


def _theme_tree(project: Project) -> dict[str, dict[str, list[str]]]:
    """Overarching theme -> theme -> subthemes, by name in their stored order."""
    found = [s.theme for s in project.themes()]
    names = {t.id: t.name for t in found}
    tree: dict[str, dict[str, list[str]]] = {}
    for theme in found:
        if theme.parent_id is None:
            tree[theme.name] = {}
        elif theme.level == 1:
            tree[names[theme.parent_id]][theme.name] = []
        else:
            parent = next(t for t in found if t.id == theme.parent_id)
            tree[names[parent.parent_id]][parent.name].append(theme.name)  # type: ignore[index]
    return tree


def test_template_carries_the_published_tree(project: Project) -> None:
    (template,) = Project.templates()
    assert "four themes and sixteen subthemes" in template.summary
    assert "cotheme's own wording" in template.summary
    project.import_template("relational-practice")
    assert _theme_tree(project) == {"Relational Practice": PUBLISHED}
    code_paths = [c.code.path for c in project.codes()]
    expected = [path for theme, subs in PUBLISHED.items() for path in [(theme,), *((theme, s) for s in subs)]]
    assert sorted(code_paths) == sorted(expected)
    codes = {c.code.id: c.code.path for c in project.codes()}
    links = {s.theme.name: [codes[i] for i in s.theme.code_ids] for s in project.themes()}
    assert links["Validation and active/empathic listening"] == [
        ("Interpersonal connection", "Validation and active/empathic listening")]
    assert links["Relational Practice"] == []
    for theme, subs in PUBLISHED.items():
        assert links[theme] == [(theme,)]
        assert all(links[sub] == [(theme, sub)] for sub in subs)


def test_the_slash_code_stays_one_code_through_export_and_import(project: Project, tmp_path: Path) -> None:
    project.import_template("relational-practice")
    project.export_codebook(tmp_path / "codebook.csv")
    project.export_themes(tmp_path / "themes.csv")
    again = cotheme.create_project(tmp_path / "again.cotheme", title="Again")
    try:
        again.import_codebook(tmp_path / "codebook.csv")
        again.import_themes(tmp_path / "themes.csv")
        assert _theme_tree(again) == {"Relational Practice": PUBLISHED}
        codes = {c.code.id: c.code.path for c in again.codes()}
        assert len(codes) == 20
        (validation,) = [s.theme for s in again.themes() if s.theme.name.startswith("Validation")]
        assert [codes[i] for i in validation.code_ids] == [
            ("Interpersonal connection", "Validation and active/empathic listening")]
    finally:
        again.close()
