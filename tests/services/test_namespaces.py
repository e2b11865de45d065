"""The Python API's namespaces: every operation in exactly one of them (or kept on the project), each
namespace made on first use, the same permission checks through them, and every old flat name still
working for one release with a DeprecationWarning that names its replacement."""

from __future__ import annotations

import inspect
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import cotheme
from cotheme.errors import Forbidden
from cotheme.services.api_names import CALLED_AS, CORE, NAMESPACES, OLD_NAMES, replacement
from cotheme.services.project import Project
from tests.conftest import INTERVIEW

PASSWORD = "correct horse battery staple"


def _operations() -> set[str]:
    """The public operations as the classes define them (the namespaces are not operations)."""
    found = set(Project._implementations)
    for klass in Project.__mro__:
        for name, value in vars(klass).items():
            if not name.startswith("_") and type(value).__name__ not in ("_Old", "_Space"):
                if callable(value) or isinstance(value, (property, staticmethod, classmethod)):
                    found.add(name)
    return found - {"mro"}


def test_every_operation_is_in_exactly_one_namespace_or_kept_on_the_project() -> None:
    operations = _operations()
    placed = [old for names in NAMESPACES.values() for old in names.values()]
    assert len(placed) == len(set(placed)), "an operation is in two namespaces"
    assert sorted(operations - set(placed) - CORE) == [], "classify these in services/api_names.py"
    assert sorted(set(placed) - operations) == [], "these namespace methods name no operation"
    assert not CORE & set(placed)


def test_namespaces_are_made_on_first_use(tmp_path: Path) -> None:
    with cotheme.create_project(tmp_path / "s.cotheme", title="S", lead="Lead") as project:
        assert "codes" not in vars(project)
        codes = project.codes
        assert vars(project)["codes"] is codes and project.codes is codes
        assert "themes" not in vars(project)
    # Importing cotheme loads no service; opening a project loads no namespace class until one is used.
    probe = (
        "import sys, cotheme; assert 'cotheme.services.project' not in sys.modules;"
        "from cotheme.services import namespace_facade as n; assert n._CLASSES == {}, n._CLASSES;"
        f"p = cotheme.open_project({str(tmp_path / 's.cotheme')!r}); assert n._CLASSES == {{}};"
        "p.codes.list(); assert sorted(n._CLASSES) == ['codes'], n._CLASSES; p.close()"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_namespace_methods_show_the_operations_arguments_and_help(project: Project) -> None:
    signature = inspect.signature(project.codings.add)
    assert list(signature.parameters)[:2] == ["document", "code"] and "quote" in signature.parameters
    assert project.codings.add.__doc__ == Project._implementations["code"].__doc__
    assert inspect.signature(project.codes.templates).parameters == {}  # a static operation
    assert "list" in dir(project.codes) and "create_code" not in dir(project)
    assert {"codes", "codings", "team", "reports"} <= set(dir(project))
    with pytest.raises(TypeError, match="project.reports is a namespace"):
        project.reports()


def test_the_new_names_work_without_warnings(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "P01.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = project.documents.import_files([path])[0]
        code = project.codes.create("Waiting")
        coding = project.codings.add(doc.id, "Waiting", quote="the waiting list was long")
        project.memos.add("Long waits everywhere.", target="code", target_id=code.id)
        assert [c.id for c in project.codings.list(code="Waiting")] == [coding.id]
        assert project.codings.get(coding.id).text == "the waiting list was long"
        assert [d.id for d in project.documents.list()] == [doc.id]
        assert [m.name for m in project.team.members()] == ["Lead"]
        assert len(project.memos.list()) == 1
        project.codings.delete(coding.id)
        assert project.codings.list() == []


def _required(function: object) -> bool:
    parameters = list(inspect.signature(getattr(function, "__func__", function)).parameters.values())[1:]
    return any(p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in parameters)


def test_every_old_name_still_works_and_warns(project: Project) -> None:
    assert len(OLD_NAMES) > 150
    for old in sorted(OLD_NAMES):
        space, new = OLD_NAMES[old]
        warning = rf"project\.{old}(\(\))? is deprecated.*{replacement(old)}"
        implementation = Project._implementations[old]
        if old not in NAMESPACES:
            with pytest.warns(DeprecationWarning, match=warning):
                found = getattr(project, old)
            assert getattr(found, "__func__", found) is getattr(implementation, "__func__", implementation), old
            continue
        # The old method has its namespace's name: calling the namespace still runs it.
        assert CALLED_AS[old] == new
        if _required(implementation):
            with pytest.warns(DeprecationWarning, match=warning), pytest.raises(TypeError, match=rf"{old}\(\)"):
                getattr(project, old)()
            continue
        with pytest.warns(DeprecationWarning, match=warning):
            result = getattr(project, old)()
        assert result == getattr(getattr(project, space), new)(), old


def test_old_names_work_and_warn_through_a_member_too(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "P01.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    project.documents.import_files([path])
    project.codes.create("Waiting")
    project.team.add_user("Ann", PASSWORD)
    ann = project.acting_as("Ann")
    with pytest.warns(DeprecationWarning, match=r"project\.code is deprecated.*project\.codings\.add"):
        old = ann.code(1, "Waiting", quote="the waiting list was long")
    with pytest.warns(DeprecationWarning, match=r"project\.codings\(\) is deprecated"):
        assert [c.id for c in ann.codings()] == [old.id]
    with pytest.warns(DeprecationWarning, match=r"project\.create_code is deprecated"), pytest.raises(Forbidden):
        ann.create_code("Trust")


def test_a_members_namespaces_check_the_same_permissions(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "P01.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    project.documents.import_files([path])
    project.codes.create("Waiting")
    project.team.add_user("Ann", PASSWORD)
    project.team.add_user("Bea", PASSWORD)
    ann, bea = project.acting_as("Ann"), project.acting_as("Bea")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(Forbidden):
            ann.codes.create("Trust")
        coding = ann.codings.add(1, "Waiting", quote="the waiting list was long")
        assert coding.coder == "Ann"  # recorded as the acting member
        with pytest.raises(Forbidden):
            bea.codings.delete(coding.id)  # only their own
        with pytest.raises(Forbidden):
            ann.codings.add(1, "Waiting", quote="the waiting list was long", coder="Bea")
        ann.codings.delete(coding.id)
        assert project.codings.list() == []


DOC = Path(__file__).resolve().parents[2] / "docs" / "python-api.md"


def test_the_python_api_page_lists_every_namespace_method_and_old_name() -> None:
    text = DOC.read_text(encoding="utf-8")
    for space, names in NAMESPACES.items():
        row = next((line for line in text.splitlines() if line.startswith(f"| `project.{space}` |")), "")
        assert row, space
        assert [n for n in names if f"`{n}`" not in row] == [], space
    for old in OLD_NAMES:
        called = "()" if old in NAMESPACES else ""
        assert f"| `project.{old}{called}` | `{replacement(old)}{called}` |" in text, old


def test_the_python_api_page_example_runs_without_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = DOC.read_text(encoding="utf-8")
    example = text.split("```python\n", 1)[1].split("```", 1)[0]
    for name in ("P01", "P02"):
        (tmp_path / f"{name}.txt").write_text(INTERVIEW + f"\nP01: The peer support group, {name}.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    printed: list[tuple[object, ...]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        exec(compile(example, str(DOC), "exec"), {"print": lambda *a: printed.append(a)})  # noqa: S102
    assert printed == [("P01", "she actually listened to me")]
