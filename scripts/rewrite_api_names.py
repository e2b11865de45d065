"""Rewrite calls of the Python API's deprecated flat names to their namespaces, in place.

    PYTHONPATH=src python scripts/rewrite_api_names.py FILE.py ... [--receivers project,p,ctx.project]

``project.create_code(...)`` becomes ``project.codes.create(...)`` and ``project.codes()`` becomes
``project.codes.list()``, following ``cotheme/services/api_names.py``. Only attributes of the names
given as receivers are touched (by default the ones cotheme's own web app, CLI and benches use), so a
domain object's ``extract.document`` is left alone; read the diff before committing it. This is how
the web app, the CLI, the demo and the benches were moved, and what a branch merged later can run.
"""

from __future__ import annotations

import ast
import sys

from cotheme.services.api_names import NAMESPACES, OLD_NAMES

RECEIVERS = {"ctx.project", "p", "project", "request.app.state.project", "self.project", "acting", "opened", "other"}


def edits(source: str, receivers: set[str]) -> list[tuple[int, int, int, str, str]]:
    """(line, start byte, end byte, old name, new spelling) of each old name to replace."""
    tree = ast.parse(source)
    calls = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr in OLD_NAMES):
            continue
        if ast.get_source_segment(source, node.value) not in receivers:
            continue
        if node.attr in NAMESPACES and id(node) not in calls:  # already the namespace
            continue
        space, new = OLD_NAMES[node.attr]
        end = node.end_col_offset or 0
        found.append((node.end_lineno or node.lineno, end - len(node.attr), end, node.attr, f"{space}.{new}"))
    return found


def rewrite(source: str, receivers: set[str] = RECEIVERS) -> str:
    lines = source.splitlines(keepends=True)
    for line, start, end, old, new in sorted(edits(source, receivers), reverse=True):
        raw = lines[line - 1].encode()  # ast's column offsets count UTF-8 bytes
        assert raw[start:end].decode() == old, (line, old)
        lines[line - 1] = (raw[:start] + new.encode() + raw[end:]).decode()
    return "".join(lines)


def main(argv: list[str]) -> None:
    receivers = set(RECEIVERS)
    if "--receivers" in argv:
        at = argv.index("--receivers")
        receivers = set(argv[at + 1].split(","))
        argv = argv[:at] + argv[at + 2:]
    for path in argv:
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        changed = rewrite(source, receivers)
        if changed != source:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(changed)
            print(f"{path}: {len(edits(source, receivers))} names moved")


if __name__ == "__main__":
    main(sys.argv[1:])
