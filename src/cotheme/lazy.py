"""Modules loaded on first use: ``lazy("cotheme.services.importing")`` stands for the module and imports it
the first time one of its names is read, so a command or page pays only for the services it calls.

Reading, setting and deleting a name all act on the real module (a test that patches a name through
the stand-in patches the module itself). Importing goes through ``importlib.import_module``, which
holds the import system's lock, so two threads reading at once get one complete module.
"""

from __future__ import annotations

import importlib
import types
from typing import Any


class LazyModule(types.ModuleType):
    """A stand-in for a module not imported yet; every name read from it comes from the real module."""

    def _real(self) -> types.ModuleType:
        return importlib.import_module(self.__name__)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self._real(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._real(), name, value)

    def __delattr__(self, name: str) -> None:
        delattr(self._real(), name)

    def __dir__(self) -> list[str]:
        return dir(self._real())

    def __repr__(self) -> str:
        return f"<lazy module {self.__name__!r}>"


def lazy(name: str) -> Any:
    """The module called ``name``: itself if it is imported already, else a stand-in that imports it
    when a name is first read from it (typed ``Any``; import the module under ``TYPE_CHECKING`` for
    type checkers)."""
    import sys

    loaded = sys.modules.get(name)
    return loaded if loaded is not None else LazyModule(name)
