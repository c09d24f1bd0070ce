"""The parse: paragraph breaks end sentences; a long article is parsed in pieces that join back exactly."""

from __future__ import annotations

import pytest

from generator import nlp
from generator.clean import clean_article
from generator.settings import DEFAULT_MODEL

ARTICLE = """\
Kyiv said on Monday that 12 drones were shot down over the capital

The air force said the attack came from the south. "We will not stop," President Volodymyr Zelensky said.

Russia's defence ministry said it had struck military targets in Kharkiv and Odesa."""


def test_a_paragraph_break_always_ends_a_sentence():
    doc = nlp.parse(clean_article(ARTICLE, "a.txt"), DEFAULT_MODEL).doc
    starts = {sentence[0].text for sentence in doc.sents}
    assert {"Kyiv", "The", "Russia"} <= starts  # the headline has no full stop, yet ends its sentence


def test_a_title_written_with_a_full_stop_does_not_end_the_sentence_inside_a_name():
    text = "“I was hoping we’d see something else,” said Air Force 1st Lt. Tyler Livingston. He left early."
    doc = nlp.parse(clean_article(text, "a.txt"), DEFAULT_MODEL).doc
    assert [sentence.text.strip() for sentence in doc.sents] == [
        "“I was hoping we’d see something else,” said Air Force 1st Lt. Tyler Livingston.", "He left early."]


@pytest.mark.parametrize(("text", "tokens"), [
    ("Ryan said,“Look here.”He left.", ["Ryan", "said", ",", "“", "Look", "here", ".", "”", "He", "left", "."]),
    ('Ryan said,"Look here."', ["Ryan", "said", ",", '"', "Look", "here", ".", '"']),
    ('A 5" screen and a “quote”in text.', ["A", "5", '"', "screen", "and", "a", "“", "quote", "”", "in", "text", "."]),
])
def test_a_quotation_mark_typed_without_its_space_is_a_token_of_its_own(text, tokens):
    assert [token.text for token in nlp.parse(clean_article(text, "a.txt"), DEFAULT_MODEL).doc] == tokens


@pytest.mark.parametrize(("text", "tokens"), [
    ("in recent years—26 cases", ["in", "recent", "years", "—", "26", "cases"]),
    ("in recent years–26 cases", ["in", "recent", "years", "–", "26", "cases"]),
    ("up 3–4 points", ["up", "3–4", "points"]),  # a range stays one token
])
def test_a_dash_typed_without_spaces_between_a_word_and_a_number_is_a_token_of_its_own(text, tokens):
    assert [token.text for token in nlp.parse(clean_article(text, "a.txt"), DEFAULT_MODEL).doc] == tokens


def test_a_long_article_parsed_in_pieces_keeps_its_text_offsets_and_entities(monkeypatch: pytest.MonkeyPatch):
    article = clean_article(ARTICLE, "a.txt")
    whole = nlp.parse(article, DEFAULT_MODEL).doc
    monkeypatch.setattr(nlp, "PARSE_PIECE_CHARACTERS", 120)  # three pieces, cut after paragraph breaks
    assert len(nlp._pieces(article.text, 120)) == 3
    pieced = nlp.parse(article, DEFAULT_MODEL).doc
    assert pieced.text == article.text
    assert [(t.idx, t.text) for t in pieced] == [(t.idx, t.text) for t in whole]
    assert {e.text for e in pieced.ents} >= {"Kyiv", "Volodymyr Zelensky", "Russia"}


def test_a_paragraph_longer_than_a_piece_is_cut_at_a_space():
    assert nlp._pieces("one two three four", 8) == ["one two ", "three ", "four"]


def _entities(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp.load_pipeline(DEFAULT_MODEL)(text).ents]


def test_an_outlet_of_several_words_is_one_name_not_a_place():
    assert ("Washington Post", "ORG") in _entities("According to Alex Horton of the Washington Post, he ate a rabbit.")


def test_a_people_is_a_nationality_not_an_organisation_and_a_body_named_after_it_stays_whole():
    found = _entities("The rescued included Bangladeshis and Rohingya, a stateless minority from Myanmar.")
    assert ("Rohingya", "NORP") in found
    assert ("The Arakan Rohingya Salvation Army", "ORG") in _entities(
        "Myanmar news\n\nThe Arakan Rohingya Salvation Army said it attacked police posts.")


@pytest.mark.parametrize(("sentence", "name"), [
    ("Former National Security Council official Timothy Morrison told investigators.", "National Security Council"),
    ("He flew to New Mexico on Monday.", "New Mexico"),
])
def test_a_gazetteer_name_inside_a_longer_name_is_left_to_the_model(sentence: str, name: str):
    assert name in [text for text, _ in _entities(sentence)]


@pytest.mark.parametrize(("sentence", "name"), [
    ("The U.N. Security Council met on Monday.", "Security Council"),  # a gazetteer name before it
    ("Visiting Ukraine, he said the talks would go on.", "Ukraine"),  # the word opens the sentence
    ("Trump Threatens Iran Over Tanker Seizure", "Iran"),  # a title-case headline
])
def test_a_gazetteer_name_after_a_capitalised_word_that_opens_no_name_stays(sentence: str, name: str):
    assert name in [text for text, _ in _entities(sentence)]


def test_a_closing_quotation_mark_split_off_by_the_parser_goes_back_to_its_sentence():
    from tests.helpers import parsed

    article = parsed('Iran pledges support\n\nAraghchi said before he left that Tehran would "strongly support '
                     'the Syrian government and army."\n\nTurkey rejected the idea of foreign interference.')
    text = article.article.text
    start = text.index("strongly")
    evidence = article.evidence(start, start + len("strongly support"))
    assert evidence.sentence == ('Araghchi said before he left that Tehran would "strongly support the Syrian '
                                 'government and army."')
    last = list(article.doc.sents)[-1]
    assert nlp.sentence_text(last) == "Turkey rejected the idea of foreign interference."
