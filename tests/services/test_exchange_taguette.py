"""Codebooks between cotheme and Taguette 1.5.2, with fixtures faithful to Taguette's own files (Taguette
is not a test dependency).

What Taguette 1.5.2 writes and reads was checked by hand with Taguette installed in its own environment
(its ``taguette/export.py`` and ``taguette/import_codebook.py``): a ``.qdc`` with one flat, codable
``<Code>`` per tag (GUID = UUID5 of the tag path, upper case), no descriptions, no colours and an empty
``<Sets/>``, all on one line; it imports a codebook only from CSV, taking the tag from exactly one
column named ``tag``, ``name`` or ``path`` (a file with two of them is refused) and an optional
``description`` column.
"""

from __future__ import annotations

import csv
from pathlib import Path

from cotheme.services.project import Project

TAGUETTE_QDC = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.5.2"><Codes>'
    '<Code guid="77195EC7-EC29-5046-B78F-1FB85EBB1B4D" name="waiting" isCodable="true"/>'
    '<Code guid="1570A839-8645-5698-B896-A52E7A411FED" name="staff.continuity" isCodable="true"/>'
    '<Code guid="0E6B218E-A598-5EE7-BA73-962615BB9976" name="active/empathic listening" isCodable="true"/>'
    "</Codes><Sets/></CodeBook>"
)


def test_taguettes_qdc_codebook_imports(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "taguette-codebook.qdc"
    path.write_text(TAGUETTE_QDC, encoding="utf-8")
    result = project.import_codebook_qdc(path)
    assert result.created == {"codes": 3} and result.origin == "Taguette 1.5.2"
    assert [c.code.name for c in project.codes()] == ["waiting", "staff.continuity", "active\u2215empathic listening"]
    assert project.import_codebook_qdc(path).created == {}  # matched by GUID the second time


def test_our_codebook_csv_has_the_one_name_column_taguette_needs(project: Project, tmp_path: Path) -> None:
    project.create_code("Waiting", definition="Time before the first appointment")
    out = project.export_codebook(tmp_path / "codebook.csv")
    with out.open(encoding="utf-8", newline="") as handle:
        header = [cell.lower() for cell in next(csv.reader(handle))]
    assert sum(name in header for name in ("tag", "name", "path")) == 1
