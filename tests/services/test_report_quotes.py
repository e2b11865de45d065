"""The themes report's quotes on both engines: each passage once (a subtheme's quote not repeated
under its theme, a double-coded passage once), at most N per theme, the team's exemplars first, the
attribution modes, and quotes trimmed to whole sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.domain.quote_trim import ELLIPSIS
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services.project import Project

PEOPLE = "id,age_band,gender\nP01,35-44,woman\nP02,25-34,man\n"
P01 = (
    "Interviewer: How did you get in?\n\n"
    "P01: I waited four months for a call. Nobody rang me back at all. Then a nurse phoned and she "
    "listened to every word I said. I trusted her after that, and I still do.\n"
)
P02 = (
    "Interviewer: And you?\n\n"
    "P02: My cousin told me to just turn up on a Tuesday. The drop-in was warm and nobody made me fill "
    "in a form. I felt believed for the first time.\n"
)


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "people.csv").write_text(PEOPLE, encoding="utf-8")
    project.import_cases(tmp_path / "people.csv")
    for name, text in (("P01.txt", P01), ("P02.txt", P02)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    project.import_files([tmp_path / "P01.txt", tmp_path / "P02.txt"])
    project.add_member("Rowan", permission="coder")
    for code in ("Waiting", "Listening", "Drop-in", "Belief"):
        project.create_code(code)
    project.code("P01", "Waiting", quote="I waited four months for a call. Nobody rang me back at all.", coder="Lead")
    # A passage coded twice (two coders, overlapping spans): it may be quoted only once.
    project.code("P01", "Listening", quote="a nurse phoned and she listened to every word I said.", coder="Lead")
    project.code("P01", "Listening", quote="she listened to every word I said. I trusted her", coder="Rowan")
    project.code("P02", "Drop-in", quote="My cousin told me to just turn up on a Tuesday.", coder="Lead")
    project.code("P02", "Drop-in", quote="The drop-in was warm and nobody made me fill in a form.", coder="Lead")
    project.code("P02", "Belief", quote="I felt believed for the first time.", coder="Lead")
    project.create_theme("Support", codes=["Belief"])
    project.create_theme("Getting in", parent="Support", codes=["Waiting", "Drop-in"])
    project.create_theme("Being heard", parent="Support", codes=["Listening"])
    return project


def _ids(report_theme: object) -> list[int]:
    return [q.coding_id for q in report_theme.quotes]  # type: ignore[attr-defined]


def test_each_passage_is_quoted_once_in_the_whole_report(study: Project) -> None:
    report = study.themes_report(quotes=5)
    by_name = {t.name: t for t in report.themes}
    everywhere = [i for t in report.themes for i in _ids(t)]
    assert len(everywhere) == len(set(everywhere))
    # The parent keeps only what no subtheme quotes: its own code's extract.
    assert [q.text for q in by_name["Support"].quotes] == ["I felt believed for the first time."]
    # The double-coded passage (two overlapping codings) appears once.
    heard = by_name["Being heard"].quotes
    assert len(heard) == 1 and "listened to every word" in heard[0].text
    assert len(by_name["Getting in"].quotes) == 3
    # Asked to repeat, the parent quotes its subthemes' extracts as well (still one per passage).
    repeated = {t.name: t for t in study.themes_report(quotes=5, repeat_quotes=True).themes}
    assert len(repeated["Support"].quotes) == 5
    assert len(repeated["Being heard"].quotes) == 1


def test_max_quotes_per_theme_and_exemplars_first(study: Project) -> None:
    assert all(len(t.quotes) <= 1 for t in study.themes_report(quotes=1).themes)
    assert all(not t.quotes for t in study.themes_report(quotes=0).themes)
    later = study.codings(code="Drop-in")[1].id
    study.add_exemplar("Getting in", later, "Lead")
    getting_in = next(t for t in study.themes_report(quotes=2).themes if t.name == "Getting in")
    assert getting_in.quotes[0].coding_id == later and getting_in.quotes[0].exemplar
    assert len(getting_in.quotes) == 2 and not getting_in.quotes[1].exemplar
    only = next(t for t in study.themes_report(quotes=2, exemplars_only=True).themes if t.name == "Getting in")
    assert _ids(only) == [later]
    with pytest.raises(InvalidArgument, match="--max-quotes"):
        study.themes_report(quotes=-1)


def test_an_exemplar_of_a_theme_quoted_by_its_subtheme_is_not_repeated(study: Project) -> None:
    waiting = study.codings(code="Waiting")[0].id
    study.add_exemplar("Getting in", waiting, "Lead")
    study.add_exemplar("Support", waiting, "Lead")
    themes = {t.name: t for t in study.themes_report(quotes=3).themes}
    assert waiting in _ids(themes["Getting in"]) and waiting not in _ids(themes["Support"])


def test_attribution_modes(study: Project) -> None:
    def who(**options: object) -> set[str]:
        return {q.attribution for t in study.themes_report(**options).themes for q in t.quotes}  # type: ignore[arg-type]

    assert who() == {"P01", "P02"}
    assert who(attribution="none") == {""}
    assert who(attributes=["gender", "age_band"]) == {"P01, woman, 35–44", "P02, man, 25–34"}
    assert who(attribution="id", attributes=["gender"]) == {"P01", "P02"}
    with pytest.raises(InvalidArgument, match="needs the attributes"):
        study.themes_report(attribution="id-attributes")
    with pytest.raises(InvalidArgument, match="none, id or id-attributes"):
        study.themes_report(attribution="name")
    with pytest.raises(NotFound, match="no attribute 'region'"):
        study.themes_report(attributes=["region"])


def test_the_teams_attribution_choice_is_the_default(study: Project) -> None:
    """What the Study page says about attribution (and COREQ item 29 reports) is what the report does."""

    def who(**options: object) -> set[str]:
        return {q.attribution for t in study.themes_report(**options).themes for q in t.quotes}  # type: ignore[arg-type]

    study.set_study("attribution", "none")
    assert who() == {""}
    assert who(attribution="id") == {"P01", "P02"}  # asked for in the call: the call wins
    study.set_study("attribution", "id-attributes")
    study.set_attribute("age_band", shown=False)  # none named: Table 1's attributes are shown
    assert who() == {"P01, woman", "P02, man"}
    assert who(attributes=["age_band"]) == {"P01, 35–44", "P02, 25–34"}


def test_quotes_are_trimmed_to_sentences_or_marked(study: Project) -> None:
    report = study.themes_report(quotes=5, repeat_quotes=True)
    texts = {q.text for t in report.themes for q in t.quotes}
    # Starts mid-sentence ("a nurse phoned and ..." follows "Then"): a long lead-in is marked.
    assert ELLIPSIS + "a nurse phoned and she listened to every word I said." in texts
    raw = {q.text for t in study.themes_report(quotes=5, repeat_quotes=True, trim=False).themes for q in t.quotes}
    assert "a nurse phoned and she listened to every word I said." in raw
