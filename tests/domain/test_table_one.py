"""Table 1's layout rules: the defined category order, "not available" always last, "n (%)" cells with
percentages rounded half up to the chosen precision, the caption and the notes under the table."""

from __future__ import annotations

import pytest

from cotheme.domain.attribute_defs import AttributeDefinition, checked, order_text, parse_order, parse_shown
from cotheme.domain.sample import AttributeCounts, CategoryCount, SampleTable, count_categories, parse_bands
from cotheme.domain.table_one import cell, percent, table_one
from cotheme.errors import InvalidArgument

NA = "Information not available"


def labels(counts: tuple[CategoryCount, ...]) -> list[str]:
    return [c.label for c in counts]


def test_defined_order_first_then_natural_order_and_not_available_last() -> None:
    values = ["Wales", None, "England", "Scotland", "", "Northern Ireland", "England"]
    assert labels(count_categories(values, NA)) == ["England", "Northern Ireland", "Scotland", "Wales", NA]
    ordered = count_categories(values, NA, order=("scotland", "Wales"))  # matched ignoring case
    assert labels(ordered) == ["Scotland", "Wales", "England", "Northern Ireland", NA]
    # naming the missing label in the order does not move it: it is always last
    assert labels(count_categories(values, NA, order=(NA, "Wales")))[-1] == NA
    assert labels(count_categories(values, NA, order=(NA, "Wales")))[0] == "Wales"


def test_a_defined_category_nobody_has_is_shown_with_zero() -> None:
    counts = count_categories(["woman", "man"], NA, order=("woman", "man", "non-binary"))
    assert [(c.label, c.count) for c in counts] == [("woman", 1), ("man", 1), ("non-binary", 0)]


def test_bands_follow_a_defined_order_too() -> None:
    bands = parse_bands("age=18-34,35-64,65+")["age"]
    counts = count_categories(["70", "20", None, "40"], NA, bands, order=("65+",))
    assert labels(counts) == ["65+", "18-34", "35-64", NA]


@pytest.mark.parametrize(("count", "n", "precision", "expected"), [
    (1, 6, 0, "17"), (1, 8, 0, "13"), (1, 8, 1, "12.5"), (1, 6, 1, "16.7"), (1, 6, 2, "16.67"),
    (3, 6, 0, "50"), (0, 6, 1, "0.0"), (6, 6, 0, "100"), (5, 200, 0, "3"), (1, 0, 0, "-"),
])
def test_percent_rounds_half_up_to_the_precision(count: int, n: int, precision: int, expected: str) -> None:
    assert percent(count, n, precision) == expected


def test_cell_styles() -> None:
    assert cell(5, 30, "n-percent", 0) == "5 (17)"
    assert cell(5, 30, "n-percent", 1) == "5 (16.7)"
    assert cell(5, 30, "n", 1) == "5"
    assert cell(5, 30, "percent", 1) == "16.7"


def _table() -> SampleTable:
    region = AttributeCounts("region", (CategoryCount("North", 20), CategoryCount("South", 8), CategoryCount(NA, 2)),
                             label="Region of residence", description="Where the participant lived at interview")
    age = AttributeCounts("age", (CategoryCount("18-34", 12), CategoryCount("35+", 18)), bands=("18-34", "35+"))
    return SampleTable(30, (region, age), NA)


def test_layout_caption_rows_and_notes() -> None:
    t = table_one(_table())
    assert t.caption == "Table 1. Characteristics of participants (N = 30)"
    assert t.head == ("Characteristic", "n (%)")
    assert [(r.label, r.level, r.value) for r in t.rows] == [
        ("Region of residence", 0, ""), ("North", 1, "20 (67)"), ("South", 1, "8 (27)"), (NA, 1, "2 (7)"),
        ("age", 0, ""), ("18–34", 1, "12 (40)"), ("35+", 1, "18 (60)"),
    ]
    notes = " ".join(t.notes)
    assert f"{NA}: the participant did not give this information or it was not recorded (Region of residence)." in notes
    assert "age: grouped into the bands 18-34 and 35+ (inclusive)." in notes
    assert "Region of residence: Where the participant lived at interview." in notes
    assert "Percentages are of all 30 participants" in notes


def test_style_and_precision_change_head_and_cells() -> None:
    t = table_one(_table(), style="percent", precision=1)
    assert t.head == ("Characteristic", "%") and t.rows[1].value == "66.7"
    only_n = table_one(_table(), style="n")
    assert only_n.head[1] == "n" and only_n.rows[1].value == "20"
    assert not any("Percentages" in n for n in only_n.notes)  # no percentages, no rounding note


def test_bad_style_and_precision_are_refused_with_a_sentence() -> None:
    with pytest.raises(InvalidArgument, match="not a Table 1 style; choose n-percent, n, percent"):
        table_one(_table(), style="n%")
    with pytest.raises(InvalidArgument, match="choose 0 to 2"):
        table_one(_table(), precision=3)


def test_order_text_round_trips_categories_with_commas() -> None:
    order = parse_order('woman,  man , "Mixed, other", ,non-binary')
    assert order == ("woman", "man", "Mixed, other", "non-binary")
    assert parse_order(order_text(order)) == order
    assert parse_order("  ") == ()


def test_definition_rules() -> None:
    clean = checked(AttributeDefinition("g", " Gender\n identity ", ("a", NA, "b"), " note "), NA)
    assert (clean.label, clean.order, clean.description) == ("Gender identity", ("a", "b"), "note")
    assert AttributeDefinition("service_use").display == "service_use"
    with pytest.raises(InvalidArgument, match="names 'A' twice"):
        checked(AttributeDefinition("g", order=("a", "A")), NA)
    with pytest.raises(InvalidArgument, match="names a category of 201 characters; keep each to 200"):
        checked(AttributeDefinition("g", order=("y" * 201,)), NA)
    with pytest.raises(InvalidArgument, match="keep it to 200"):
        checked(AttributeDefinition("g", label="x" * 201), NA)
    assert parse_shown(None, "f") and parse_shown("Yes", "f") and not parse_shown("no", "f")
    with pytest.raises(InvalidArgument, match="f: 'maybe' in the column 'shown' is neither yes nor no"):
        parse_shown("maybe", "f")


def test_number_ranges_print_with_an_en_dash() -> None:
    from cotheme.domain.table_one import printed_range

    assert [printed_range(x) for x in ("18-24", "6 - 12 months", "1-2 years", "65+")] == [
        "18–24", "6–12 months", "1–2 years", "65+"]
    assert [printed_range(x) for x in ("COVID-19", "non-binary", "P-02")] == ["COVID-19", "non-binary", "P-02"]
