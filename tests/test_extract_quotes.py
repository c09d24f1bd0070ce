"""Quotes: each test states the sentence and the exact quote and speaker expected."""

import pytest

from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes, quote_spans_in
from tests.helpers import parsed


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    article = parsed(text)
    return [(q.text, q.speaker) for q in extract_quotes(article, extract_actors(article))]


def spans(text: str) -> list[str]:
    return [text[s.start:s.end] for s in quote_spans_in(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("He said “no” and “yes”.", ["no", "yes"]),
    ('He said "no" and "yes".', ["no", "yes"]),
    ("‘Foreign interference’ is not the root of Syria’s flareup", ["Foreign interference"]),
    ("the rebels’ advance and the allies’ and friends’ support", []),
    ("“It runs on to the next paragraph", ["It runs on to the next paragraph"]),
    ("no opening mark here,” he said, “and then a proper one.”", ["no opening mark here,", "and then a proper one."]),
])
def test_quote_marks(text, expected):
    assert spans(text) == expected


def test_one_stray_mark_does_not_lose_the_other_quotes():
    text = "The rebels’ advance was “swift,” he said. The army’s “retreat” was “total.”"
    assert spans(text) == ["swift,", "retreat", "total."]


def test_speaker_after_the_quote():
    assert quotes_of("“At this time, foreign interference would be erroneous,” Foreign Minister Hakan Fidan stated.") \
        == [("At this time, foreign interference would be erroneous", "Hakan Fidan")]


def test_speaker_before_the_quote_with_a_colon():
    text = "Aron Lund of the Century International think tank remarked: “Aleppo is beyond the regime’s grasp.”"
    assert quotes_of(text) == [("Aleppo is beyond the regime’s grasp.", "Aron Lund")]


def test_interrupted_quote_gives_two_quotes_with_one_speaker():
    text = "“The army fled,” said Ahmad Tutenji, a merchant. “They abandoned us.”"
    assert quotes_of(text) == [("The army fled", "Ahmad Tutenji"), ("They abandoned us.", "Ahmad Tutenji")]


def test_pronoun_resolves_to_the_person_named_just_before():
    text = """\
    Aron Lund, an analyst, spoke to reporters on Friday about the offensive.

    “A government stripped of Aleppo cannot be considered a functional government,” he added.
    """
    assert quotes_of(text) == [
        ("A government stripped of Aleppo cannot be considered a functional government", "Aron Lund")
    ]


def test_pronoun_without_a_close_antecedent_is_unattributed():
    text = """\
    Syrian President Bashar al-Assad vowed to defeat the insurgents.

    The army also reported that it regained several towns.

    An Islamist-dominated rebel alliance attacked government forces on Wednesday.

    Rebels advanced quickly across the northern countryside during the night.

    For the first time, the city “is no longer under the control of Syrian regime forces,” he stated.
    """
    assert quotes_of(text) == [("is no longer under the control of Syrian regime forces", None)]


def test_short_scare_quote_without_speaker_is_not_a_quote():
    assert quotes_of("The so-called “Norman format” met again in Paris on Monday.") == []
