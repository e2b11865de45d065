"""The attribute-definition operations of ``Project``, as a mixin so ``project.py`` stays a screenful
of delegations: list the definitions, change one, import a sheet of them (a file or bytes).

Each method delegates to ``services/attribute_defs.py`` and adds no rules; permissions are applied by
``acting.ActingProject`` (reading needs a member, changing a lead).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cotheme.lazy import lazy
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.domain.attribute_defs import AttributeDefinition
    from cotheme.services import attribute_defs
    from cotheme.services import importing
    from cotheme.services import import_preview
else:
    attribute_defs = lazy("cotheme.services.attribute_defs")
    importing = lazy("cotheme.services.importing")
    import_preview = lazy("cotheme.services.import_preview")


class AttributesMixin:
    """Attribute definitions; ``Project`` provides ``_store``."""

    _store: Store

    def attribute_definitions(self) -> list[AttributeDefinition]:
        """Each attribute's display label, category order, description and whether Table 1 shows it."""
        return attribute_defs.list_definitions(self._store)

    def set_attribute(
        self, name: str, *, label: str | None = None, order: Sequence[str] | str | None = None,
        description: str | None = None, shown: bool | None = None,
    ) -> AttributeDefinition:
        """Change attribute ``name``'s definition; ``None`` leaves a part as it is, ``""`` clears it.

        ``order`` lists categories (or is text such as ``"woman, man"``); categories it does not name
        follow in their natural order, and "not available" always comes last."""
        return attribute_defs.set_definition(self._store, name, label=label, order=order,
                                             description=description, shown=shown)

    def import_attribute_definitions(self, path: str | Path) -> list[AttributeDefinition]:
        """Set definitions from a .csv/.xlsx sheet: columns name, label, order, description, shown."""
        file = importing.read_files([Path(path)])[0]
        return attribute_defs.import_definitions(self._store, file.name, file.data)

    def import_attribute_data(self, name: str, data: bytes) -> list[AttributeDefinition]:
        """The same, from a sheet given as bytes (what the participants page uploads)."""
        import_preview.check_size(name, data)
        return attribute_defs.import_definitions(self._store, name, data)
