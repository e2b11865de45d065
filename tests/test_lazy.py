"""``cotheme.lazy``: a stand-in imports its module on the first name read, once, even from many threads,
and setting or deleting a name through it changes the real module."""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from cotheme.lazy import LazyModule, lazy

_MODULE = "cotheme_lazy_probe"


@pytest.fixture
def probe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A module on the path that counts how often it is executed (in ``builtins``)."""
    import builtins

    monkeypatch.setattr(builtins, "_lazy_probe_runs", 0, raising=False)
    (tmp_path / f"{_MODULE}.py").write_text(
        "import builtins, time\nbuiltins._lazy_probe_runs += 1\ntime.sleep(0.05)\nVALUE = 41\n"
        "def answer():\n    return VALUE + 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, _MODULE, raising=False)
    yield tmp_path
    sys.modules.pop(_MODULE, None)


def test_the_module_is_imported_on_the_first_name_read(probe: Path) -> None:
    import builtins

    stand_in = lazy(_MODULE)
    assert isinstance(stand_in, LazyModule) and _MODULE not in sys.modules
    assert builtins._lazy_probe_runs == 0  # type: ignore[attr-defined]
    assert stand_in.answer() == 42
    assert _MODULE in sys.modules and builtins._lazy_probe_runs == 1  # type: ignore[attr-defined]
    assert lazy(_MODULE) is sys.modules[_MODULE]  # once imported, the module itself


def test_many_threads_reading_at_once_get_one_whole_module(probe: Path) -> None:
    import builtins

    stand_in = lazy(_MODULE)
    results: list[int] = []
    start = threading.Barrier(8)

    def read() -> None:
        start.wait()
        results.append(stand_in.answer())

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 8
    assert builtins._lazy_probe_runs == 1  # type: ignore[attr-defined]


def test_setting_and_deleting_through_the_stand_in_change_the_real_module(probe: Path) -> None:
    stand_in = lazy(_MODULE)
    stand_in.VALUE = 9
    real = sys.modules[_MODULE]
    assert isinstance(real, types.ModuleType) and not isinstance(real, LazyModule)
    assert real.VALUE == 9 and real.answer() == 10 and stand_in.answer() == 10
    del stand_in.VALUE
    assert not hasattr(real, "VALUE")


def test_a_missing_name_is_an_attribute_error_naming_the_module(probe: Path) -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        lazy(_MODULE).no_such_name  # noqa: B018
