"""codebook_file.py: reading codebook tables (paths, bare-name parents, checks) and writing CSV/Markdown."""

from __future__ import annotations

import io

import openpyxl
import pytest

from cotheme.domain.codebook import Code, CodeSpec
from cotheme.errors import InputError
from cotheme.formats.codebook_file import read_codebook_csv, write_codebook_csv, write_codebook_markdown


def read(text: str) -> list[CodeSpec]:
    return read_codebook_csv("codebook.csv", text.encode("utf-8"))


CODES = [
    # Deliberately out of tree order, with a bare name ("Cost", "Barriers") used at two places.
    Code(3, "Cost", 1, ("Barriers", "Cost"), definition="Money, fares, fees.", inclusion="Any mention of paying",
         colour="#D55E00"),
    Code(1, "Barriers", None, ("Barriers",), definition='Things that "get in the way".\nSecond line.',
         exclusion="Facilitators", colour="#E69F00"),
    Code(5, "Barriers", 4, ("Facilitators", "Barriers"), definition="Barriers that were overcome; Zoë 😀"),
    Code(4, "Facilitators", None, ("Facilitators",), example="'My sister drove me', P03"),
    Code(6, "Cost", 4, ("Facilitators", "Cost"), colour="#009E73"),
    Code(7, "Bus fares", 3, ("Barriers", "Cost", "Bus fares"), example="=SUM(A1) is not a formula here"),
]


def test_round_trip_keeps_paths_and_fields() -> None:
    data = write_codebook_csv(CODES)
    lines = data.decode("utf-8").splitlines()
    assert lines[0] == "name,parent,definition,inclusion,exclusion,example,colour"
    specs = read_codebook_csv("codebook.csv", data)
    by_path = {spec.path: spec for spec in specs}
    assert set(by_path) == {code.path for code in CODES}
    for code in CODES:
        spec = by_path[code.path]
        assert (spec.definition, spec.inclusion, spec.exclusion, spec.example, spec.colour) == (
            code.definition, code.inclusion, code.exclusion, code.example, code.colour,
        )
    order = [spec.path for spec in specs]
    for path in order:  # tree order: every parent comes before its children
        if len(path) > 1:
            assert order.index(path[:-1]) < order.index(path)
    assert order == [
        ("Barriers",), ("Barriers", "Cost"), ("Barriers", "Cost", "Bus fares"),
        ("Facilitators",), ("Facilitators", "Barriers"), ("Facilitators", "Cost"),
    ]
    assert [spec.source_line for spec in specs][:2] == [2, 3]


def test_parent_by_bare_name_found_earlier_or_later() -> None:
    specs = read("name,parent\nBus fares,Cost\nCost,Barriers\nBarriers,\nNew idea,Unsorted\n")
    assert [spec.path for spec in specs] == [
        ("Barriers", "Cost", "Bus fares"),
        ("Barriers", "Cost"),
        ("Barriers",),
        ("Unsorted", "New idea"),  # a parent named nowhere becomes an intermediate level
    ]


def test_path_in_name_and_parent_as_path() -> None:
    specs = read("Name,Parent\nThemes/Access/Cost,\nWaiting,Themes/Access\nStaff,Access\n")
    assert [spec.path for spec in specs] == [
        ("Themes", "Access", "Cost"),
        ("Themes", "Access", "Waiting"),
        ("Themes", "Access", "Staff"),  # "Access" only exists inside a path: found there
    ]


def test_ambiguous_bare_parent() -> None:
    with pytest.raises(InputError) as err:
        read("name,parent\nA/X,\nB/X,\nY,X\n")
    assert str(err.value).startswith("codebook.csv, row 4: the parent 'X' could be any of 'A/X', 'B/X'")


def test_bad_colour_names_the_row() -> None:
    text = "name,colour\nA,#e69f00\nB,\nC,56B4E9\nD,blue\n"
    with pytest.raises(InputError) as err:
        read(text)
    message = str(err.value)
    assert message.startswith("codebook.csv, row 5: the colour 'blue' is not of the form #RRGGBB.")
    assert message.endswith("or leave the cell empty.")
    specs = read(text.replace("blue", "#999999"))
    assert [spec.colour for spec in specs] == ["#E69F00", None, "#56B4E9", "#999999"]


def test_aliases_and_extra_columns() -> None:
    specs = read("Code ID,NAME,Description,Color,Inclusion,Exclusion,Example\n7,Hope,Looking forward,#0072b2,a,b,c\n")
    assert specs == [CodeSpec(("Hope",), "Looking forward", "a", "b", "c", "#0072B2", 2)]


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("label,parent\nA,\n", r"^codebook\.csv: has no 'name' column"),
        ("name,parent\nA,\n,A\n", r"^codebook\.csv, row 3: the code has no name"),
        ("name,parent\nA,\nB,A\nA/B,\n", r"^codebook\.csv, rows 3 and 4: both define the code 'A/B'"),
        ("name,parent\nA,B\nB,A\n", r"^codebook\.csv, row \d: its parent '\w' leads back to itself"),
        ("name,definition,description\nA,x,y\n", r"^codebook\.csv: has two columns for 'definition'"),
        ("name\n" + "x" * 201 + "\n", r"^codebook\.csv, row 2: the code name 'x{40}\.\.\.' is longer than 200"),
    ],
)
def test_codebook_errors(text: str, pattern: str) -> None:
    with pytest.raises(InputError, match=pattern):
        read(text)


def test_deep_bare_name_chain_is_refused_not_a_crash() -> None:
    rows = "\n".join(f"c{i},c{i + 1}" for i in range(3000))
    with pytest.raises(InputError, match="nests too deep"):
        read("name,parent\n" + rows + "\n")


def test_xlsx_codebook() -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["name", "parent", "colour"])
    workbook.active.append(["Trust", None, "#CC79A7"])
    workbook.active.append(["In clinicians", "Trust", None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    specs = read_codebook_csv("codebook.xlsx", buffer.getvalue())
    assert [(spec.path, spec.colour) for spec in specs] == [(("Trust",), "#CC79A7"), (("Trust", "In clinicians"), None)]


def test_markdown_has_headings_by_depth_and_labelled_fields() -> None:
    markdown = write_codebook_markdown(CODES, "Access study <v2>").decode("utf-8")
    lines = markdown.splitlines()
    assert lines[0] == "# Access study \\<v2\\>"
    assert "## Barriers" in lines and "### Cost" in lines and "#### Bus fares" in lines
    assert lines.index("## Barriers") < lines.index("### Cost") < lines.index("## Facilitators")
    assert "**Definition:** Money, fares, fees." in lines
    assert "**Include when:** Any mention of paying" in lines
    assert "**Example:** 'My sister drove me', P03" in lines
    assert markdown.endswith("\n") and "\n\n\n" not in markdown
