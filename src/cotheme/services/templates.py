"""Built-in codebook templates: listing them and loading one into a project (codes and themes).

Templates are package data in ``cotheme/templates/*.json``. Loading one is one transaction; its
codes are created or updated by path like a codebook import, then its themes are created and linked.
The project remembers which template it started from (setting ``codebook_template``) for the methods
report. Must not know any one framework.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from cotheme.domain.templates import CodebookTemplate
from cotheme.errors import NotFound
from cotheme.formats.template_file import read_template
from cotheme.services.codebook import ensure_path
from cotheme.services.themes import apply_specs
from cotheme.storage import codes as codes_repo
from cotheme.storage import study
from cotheme.storage.store import Store

TEMPLATES = resources.files("cotheme.templates")
#: The setting that records the template a project loaded (read by the methods report).
TEMPLATE_SETTING = "codebook_template"


@dataclass(frozen=True, slots=True)
class TemplateImport:
    template: CodebookTemplate
    codes_created: int
    codes_updated: int
    themes_created: int
    themes_updated: int


def list_templates() -> list[CodebookTemplate]:
    """Every built-in template, by name."""
    found = [
        read_template(entry.name, entry.read_bytes())
        for entry in TEMPLATES.iterdir()
        if entry.name.endswith(".json")
    ]
    return sorted(found, key=lambda t: t.name)


def get_template(name: str) -> CodebookTemplate:
    for template in list_templates():
        if template.name == name.strip().lower():
            return template
    known = ", ".join(t.name for t in list_templates())
    raise NotFound(f"There is no template '{name}'; built-in templates: {known}.")


def import_template(store: Store, name: str) -> TemplateImport:
    """Load template ``name``'s codes and theme hierarchy into the project, all or none."""
    template = get_template(name)
    with store.write() as conn:
        before = codes_repo.count(conn)
        updated = 0
        for spec in template.codes:
            _, created = ensure_path(conn, spec, update=True)
            updated += not created
        created_codes = codes_repo.count(conn) - before
        themes = apply_specs(conn, template.themes, f"template {template.name}", create_codes=True)
        study.write_settings(conn, {TEMPLATE_SETTING: template.name})
    return TemplateImport(template, created_codes, updated, themes.created, themes.updated)
