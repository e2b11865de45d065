"""The Python API's namespaces (``project.codes``, ``project.codings``, ...) and its deprecated flat names.

``NamespacesMixin`` gives ``Project`` (and ``ActingProject``, the project as one member) one attribute
per namespace of ``api_names.NAMESPACES``. A namespace object is made on first use and cached on the
project; its methods forward to the operation's implementation through ``owner._impl(old_name)``, so
``project.acting_as("Ann").codings.add(...)`` is checked by the same permission rules as before. The
namespace classes are built once, on first use, from ``Project``'s implementations (their docstrings
and signatures), so ``help(project.codes)`` and tab completion show the real arguments.

The old flat names (``project.create_code``) keep working for one release: each becomes a descriptor
that warns with a ``DeprecationWarning`` naming the new spelling. The service layer's own modules may
still call an operation by its flat name (the implementations live there, in the mixins); only callers
outside ``cotheme.services`` are warned. Must not hold business rules or permission checks.
"""

from __future__ import annotations

import inspect
import sys
import warnings
from collections.abc import Callable
from typing import Any, ClassVar

from cotheme.services.api_names import CALLED_AS, NAMESPACES, OLD_NAMES, replacement

_SERVICES = "cotheme.services"


def _from_outside(depth: int) -> bool:
    """True when the code ``depth`` frames above the caller is not part of the service layer."""
    name = sys._getframe(depth + 1).f_globals.get("__name__", "")
    return not (name == _SERVICES or name.startswith(_SERVICES + "."))


def _warn(old: str, stacklevel: int, called: str = "") -> None:
    warnings.warn(
        f"project.{old}{called} is deprecated and will be removed in the next release; "
        f"use {replacement(old)}{called}.",
        DeprecationWarning, stacklevel=stacklevel + 1,
    )


class Namespace:
    """One group of a project's operations (``project.codes``); made on first use."""

    __slots__ = ("_owner",)
    #: This namespace's name and its methods' old flat names (new -> old).
    space: ClassVar[str] = ""
    names: ClassVar[dict[str, str]] = {}

    def __init__(self, owner: Any) -> None:
        self._owner = owner

    def __repr__(self) -> str:
        return f"<project.{self.space}: {', '.join(sorted(self.names))}>"

    def __dir__(self) -> list[str]:
        return sorted(self.names)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """The old method of this namespace's name (``project.codes()``): deprecated."""
        new = CALLED_AS.get(self.space)
        if new is None:
            raise TypeError(f"project.{self.space} is a namespace; call one of its methods: "
                            f"{', '.join(sorted(self.names))}.")
        if _from_outside(1):
            _warn(self.space, 2, "()")
        return self._owner._impl(self.space)(*args, **kwargs)


def _forwarder(new: str, old: str, raw: Any) -> Callable[..., Any]:
    def forward(self: Namespace, *args: Any, **kwargs: Any) -> Any:
        return self._owner._impl(old)(*args, **kwargs)

    function = getattr(raw, "__func__", raw)  # a staticmethod's function
    forward.__name__ = new
    forward.__doc__ = function.__doc__
    try:
        signature = inspect.signature(function)
        params = list(signature.parameters.values())
        if isinstance(raw, staticmethod):  # the namespace method has a self the operation lacks
            params.insert(0, inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY))
        forward.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        pass
    return forward


_CLASSES: dict[str, type[Namespace]] = {}


def namespace_class(space: str) -> type[Namespace]:
    """The class of namespace ``space``, built on first use from ``Project``'s implementations."""
    built = _CLASSES.get(space)
    if built is None:
        from cotheme.services.project import Project

        names = NAMESPACES[space]
        body: dict[str, Any] = {"__slots__": (), "space": space, "names": names,
                                "__doc__": f"project.{space}: {', '.join(names)}."}
        for new, old in names.items():
            body[new] = _forwarder(new, old, Project._implementations[old])
        built = _CLASSES[space] = type(f"{space.title()}Namespace", (Namespace,), body)
    return built


class _Space:
    """The attribute ``project.SPACE``: the namespace object, made on first use and kept."""

    def __init__(self, space: str) -> None:
        self.space = space

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return namespace_class(self.space)
        made = namespace_class(self.space)(obj)
        obj.__dict__[self.space] = made  # a plain attribute from now on: no descriptor call
        return made


class _Old:
    """A deprecated flat name: warns (callers outside the service layer), then gives the operation."""

    def __init__(self, old: str) -> None:
        self.old = old

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return owner._implementations[self.old] if owner is not None else self
        if _from_outside(1):
            _warn(self.old, 2)
        return obj._impl(self.old)


class NamespacesMixin:
    """Namespaces for a project-like class, and its flat operations kept under deprecated names."""

    #: old flat name -> the operation as the class defines it (function, staticmethod).
    _implementations: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        found = dict(cls._implementations)
        for old in OLD_NAMES:
            raw = inspect.getattr_static(cls, old, None)
            if raw is None or isinstance(raw, (_Old, _Space)):
                continue
            found[old] = raw
        cls._implementations = found
        for old in found:
            if old not in NAMESPACES:
                setattr(cls, old, _Old(old))
        for space in NAMESPACES:
            setattr(cls, space, _Space(space))

    def _impl(self, old: str) -> Callable[..., Any]:
        """The operation ``old`` on this object, without a warning. An operation replaced on the class
        since (a test's monkeypatch, a subclass) is the one that runs."""
        klass = type(self)
        raw = next((k.__dict__[old] for k in klass.__mro__ if old in k.__dict__), None)
        if isinstance(raw, (_Old, _Space)):
            raw = klass._implementations.get(old)
        if raw is None:
            return getattr(self, old)  # type: ignore[no-any-return]
        return raw.__get__(self, klass)  # type: ignore[no-any-return]

    def __dir__(self) -> list[str]:
        """The namespaces and what stays on the project, without the deprecated flat names."""
        return sorted(name for name in super().__dir__() if name not in OLD_NAMES or name in NAMESPACES)
