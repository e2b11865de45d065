"""codebook_file.py: reading codebook tables (paths, bare-name parents, checks) and writing CSV/Markdown."""

from __future__ import annotations

import io

import openpyxl
import pytest

from cotheme.domain.codebook import Code, CodeSpec, join_path
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


def test_path_in_name_without_a_parent_column() -> None:
    specs = read("Name,Definition\nThemes/Access/Cost,x\nThemes/Access/Waiting,\n")
    assert [spec.path for spec in specs] == [("Themes", "Access", "Cost"), ("Themes", "Access", "Waiting")]


def test_parent_as_path_and_as_a_name_found_inside_one() -> None:
    specs = read("Name,Parent\nCost,Themes/Access\nWaiting,Themes/Access\nStaff,Access\n")
    assert [spec.path for spec in specs] == [
        ("Themes", "Access", "Cost"),
        ("Themes", "Access", "Waiting"),
        ("Themes", "Access", "Staff"),  # "Access" only exists inside a path: found there
    ]


def test_a_name_is_literal_when_the_file_has_a_parent_column() -> None:
    """The issue's codebook: one code, not "Validation and active" with a sub-code "empathic listening"."""
    specs = read("name,parent,definition\n"
                 "Validation and active/empathic listening,,Reflecting back\n"
                 "Feeling heard,Being listened to,\n"
                 "Being listened to,,\n"
                 "Nods and mm/hm,Being listened to,\n")
    assert [spec.path for spec in specs] == [
        ("Validation and active/empathic listening",),
        ("Being listened to", "Feeling heard"),
        ("Being listened to",),
        ("Being listened to", "Nods and mm/hm"),
    ]
    assert specs[0].definition == "Reflecting back"


def test_without_a_parent_column_an_escaped_slash_stays_in_the_name() -> None:
    specs = read("name\nValidation and active\\/empathic listening\nListening/Validation and active\\/empathic\n"
                 "Paths\\\\/C:\\temp\n")
    assert [spec.path for spec in specs] == [
        ("Validation and active/empathic listening",),
        ("Listening", "Validation and active/empathic"),
        ("Paths\\", "C:\\temp"),  # an escaped backslash, then a separator; a lone backslash is itself
    ]


def test_a_parent_written_as_it_is_names_the_code_of_that_name() -> None:
    specs = read("name,parent\nactive/empathic listening,Listening\nReflecting,active/empathic listening\n")
    assert [spec.path for spec in specs] == [
        ("Listening", "active/empathic listening"),
        ("Listening", "active/empathic listening", "Reflecting"),
    ]


SLASHED = [
    Code(1, "Validation and active/empathic listening", None, ("Validation and active/empathic listening",),
         definition="Reflecting back"),
    Code(2, "Nods and mm/hm", 1, ("Validation and active/empathic listening", "Nods and mm/hm")),
    Code(3, "C:\\temp\\", 2, ("Validation and active/empathic listening", "Nods and mm/hm", "C:\\temp\\")),
    Code(4, "a\\/b", 3, ("Validation and active/empathic listening", "Nods and mm/hm", "C:\\temp\\", "a\\/b")),
    Code(5, "Plain", None, ("Plain",)),
    Code(6, "either/or", 5, ("Plain", "either/or")),
]


def test_names_with_slashes_and_backslashes_round_trip() -> None:
    """What the export writes (with a parent column) reads back to the same codes, at the top and deeper."""
    data = write_codebook_csv(SLASHED)
    assert [spec.path for spec in read_codebook_csv("codebook.csv", data)] == [code.path for code in SLASHED]
    assert "Validation and active/empathic listening,,Reflecting back" in data.decode("utf-8")


def test_paths_with_slashes_and_backslashes_round_trip_without_a_parent_column() -> None:
    """A file without a parent column written with join_path (escaped paths) reads back the same."""
    text = "name\n" + "".join(f'"{join_path(code.path)}"\n' for code in SLASHED)
    assert [spec.path for spec in read(text)] == [code.path for code in SLASHED]


def test_ambiguous_bare_parent() -> None:
    with pytest.raises(InputError) as err:
        read("name,parent\nX,A\nX,B\nY,X\n")
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
        ("name,parent\nA,\nB,A\nB,A\n", r"^codebook\.csv, rows 3 and 4: both define the code 'A/B'"),
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


def test_taguette_codebook_columns() -> None:
    """Taguette 1.5 exports ``tag,description,number of highlights``; no parent column, so "/" is a path."""
    specs = read("tag,description,number of highlights\nhope,Looking forward,4\nbarriers/cost,Money,2\n")
    assert [(spec.path, spec.definition) for spec in specs] == [
        (("hope",), "Looking forward"), (("barriers", "cost"), "Money"),
    ]
