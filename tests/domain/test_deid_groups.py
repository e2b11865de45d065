"""The normalised string candidates are grouped by, the possessive a replacement keeps, the sentence
shown around a hit and the spans that are placeholders."""

from __future__ import annotations

from cotheme.domain.deid_groups import base_form, group_key, placeholder_spans, sentence_around, with_possessive


def test_group_key_folds_case_spacing_and_possessive() -> None:
    assert group_key("Priya") == group_key("PRIYA") == group_key("Priya's") == group_key("Priya’s") == "priya"
    assert group_key("Sarah   Jones's") == "sarah jones"
    assert group_key("James'") == "james" and group_key("Chris") == "chris"  # a name ending in s keeps it
    assert base_form(" Sarah\n Jones's ") == "Sarah Jones"


def test_a_replacement_keeps_the_possessive() -> None:
    assert with_possessive("[Person A]", "Priya's") == "[Person A]'s"
    assert with_possessive("[Person A]", "Priya’s") == "[Person A]’s"
    assert with_possessive("[Person A]", "Priya") == "[Person A]"
    assert with_possessive("[sister]'s", "Priya's") == "[sister]'s"


def test_sentence_around_a_hit() -> None:
    text = "Interviewer: Hi.\n\nP01: My sister Priya drove me. Then she left! Priya's car is old"
    i = text.index("Priya")
    sentence, start, end = sentence_around(text, i, i + 5)
    assert sentence == "My sister Priya drove me." and sentence[start:end] == "Priya"
    j = text.rindex("Priya")
    sentence, start, end = sentence_around(text, j, j + 7)
    assert sentence == "Priya's car is old" and sentence[start:end] == "Priya's"
    long = "word " * 400 + "Priya " + "word " * 400
    k = long.index("Priya")
    sentence, start, end = sentence_around(long, k, k + 5)
    assert len(sentence) <= 260 and sentence[start:end] == "Priya"


def test_placeholder_spans() -> None:
    text = "[Person A] met the counsellor at [place]."
    assert placeholder_spans(text) == [(0, 10), (33, 40)]
    assert (19, 29) in placeholder_spans(text, {"counsellor"})
