"""Attribute definitions stored on SQLite and PostgreSQL: saved and read back after reopening, used by
Table 1 (labels, category order, hidden attributes), a sheet imported all or none, and migration 0009
giving existing attributes today's presentation."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import insert, select

import cotheme
from cotheme.domain.sample import parse_bands
from cotheme.domain.table_one import table_one
from cotheme.errors import InputError, InvalidArgument, NotFound
from cotheme.services.project import Project
from cotheme.storage import migrate
from cotheme.storage.engine import make_engine
from cotheme.storage.schema import attributes

NA = "Information not available"
PEOPLE = "id,gender,region,age\nP1,woman,South,23\nP2,man,North,41\nP3,woman,,67\nP4,non-binary,North,30\n"


@pytest.fixture
def people(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "people.csv").write_text(PEOPLE, encoding="utf-8")
    project.import_cases(tmp_path / "people.csv")
    return project


def test_definitions_default_then_saved_and_read_back(people: Project, target: str) -> None:
    assert [(d.name, d.label, d.order, d.description, d.shown) for d in people.attribute_definitions()] == [
        ("gender", "", (), "", True), ("region", "", (), "", True), ("age", "", (), "", True)]
    people.set_attribute("GENDER", label="Gender identity", order="woman, man, \"Other, self-described\"",
                         description="As the participant said it; café wording kept 🙂")
    people.set_attribute("region", shown=False)
    people.close()
    with cotheme.open_project(target) as again:
        gender, region, age = again.attribute_definitions()
        assert gender.label == "Gender identity" and gender.display == "Gender identity"
        assert gender.order == ("woman", "man", "Other, self-described")
        assert gender.description.endswith("café wording kept 🙂")
        assert not region.shown and age.shown and region.label == ""
        again.set_attribute("gender", label="", order=[])  # empty clears
        cleared = again.attribute_definitions()[0]
        assert (cleared.label, cleared.order, cleared.description != "") == ("", (), True)


def test_table_one_uses_label_order_and_leaves_hidden_out(people: Project) -> None:
    people.set_attribute("gender", label="Gender identity", order=["non-binary", "woman"])
    people.set_attribute("region", order="South, North", shown=False)
    table = people.sample_table(targets=[])
    assert [(a.name, a.display) for a in table.attributes] == [("gender", "Gender identity"), ("age", "age")]
    assert [c.label for c in table.attributes[0].categories] == ["non-binary", "woman", "man"]
    banded = people.sample_table(bands=parse_bands("age=18-34,35-64,65+"), targets=[])
    assert [(c.label, c.count) for c in banded.attributes[1].categories] == [("18-34", 2), ("35-64", 1), ("65+", 1)]
    assert "age: grouped into the bands 18-34, 35-64 and 65+ (inclusive)." in table_one(banded).notes
    assert not any("grouped" in n for n in table_one(table).notes)  # no bands, no such note
    asked = people.sample_table(attributes=["Region", "gender identity"], targets=[])  # by name or label
    assert [a.name for a in asked.attributes] == ["region", "gender"]
    assert [c.label for c in asked.attributes[0].categories] == ["South", "North", NA]


def test_bad_definitions_are_refused_with_a_sentence(people: Project) -> None:
    with pytest.raises(NotFound, match=r"There is no attribute 'sex' \(attributes: gender, region, age\)\."):
        people.set_attribute("sex", label="Sex")
    with pytest.raises(InvalidArgument, match="The order of 'gender' names 'Woman' twice; name each category once."):
        people.set_attribute("gender", order="woman, man, Woman")
    assert people.attribute_definitions()[0].order == ()


def test_a_sheet_is_imported_all_or_none(people: Project, tmp_path: Path) -> None:
    bad = tmp_path / "defs.csv"
    bad.write_text("name,label,order,shown\ngender,Gender,\"woman, man\",yes\nregoin,Region,,no\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"defs\.csv, row 3: There is no attribute 'regoin'"):
        people.import_attribute_definitions(bad)
    assert people.attribute_definitions()[0].label == ""  # the good first row was not stored either
    good = tmp_path / "defs.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["name", "label", "order", "description", "shown"], ["gender", "Gender", "woman, man", "", "yes"],
                ["region", "Region", "", "Where they live", "no"]):
        sheet.append(row)
    book.save(good)
    saved = people.import_attribute_definitions(good)
    assert [d.name for d in saved] == ["gender", "region"]
    gender, region, age = people.attribute_definitions()
    assert gender.order == ("woman", "man") and not region.shown and region.description == "Where they live"
    assert age.label == ""  # a sheet changes only the attributes it names


def test_migration_0009_keeps_existing_attributes_as_they_were(target: str) -> None:
    engine = make_engine(target)
    try:
        migrate.upgrade(engine, "0008")
        with engine.begin() as conn:  # an attribute of a project made before definitions existed
            conn.execute(insert(attributes).values(name="gender", position=0))
        migrate.upgrade(engine)
        assert migrate.current(engine) == migrate.head()
        with engine.connect() as conn:
            row = conn.execute(select(attributes.c.name, attributes.c.label, attributes.c.category_order,
                                      attributes.c.description, attributes.c.shown)).one()
        assert tuple(row) == ("gender", "", "[]", "", True)
    finally:
        engine.dispose()
