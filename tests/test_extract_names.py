"""Names in one normal form: titles dropped."""

from generator.extract.names import clean_name, entities_in, entity_at, is_known_place, strip_titles
from tests.helpers import parsed


def test_strip_titles_removes_stacked_titles():
    assert strip_titles("Lt. Col. Peter Lerner") == "Peter Lerner"
    assert strip_titles("President") == "President"


def test_a_name_loses_its_article_possessive_and_surrounding_marks():
    assert clean_name("the Kremlin's") == "Kremlin"
    assert clean_name("“Hamas,”") == "Hamas"


def test_a_known_place_is_found_whatever_its_article_or_case():
    assert is_known_place("the South China Sea") and is_known_place("herat")
    assert not is_known_place("Halston")


def test_the_entity_holding_a_token():
    doc = parsed("Hayat Tahrir al-Sham controls Idlib.").doc
    assert entity_at(doc[1]) is not None and entity_at(doc[1]).text == "Hayat Tahrir al-Sham"
    assert entity_at(doc[5]) is None  # "controls"


SEVERAL_ENTITIES = """\
UN Secretary-General Antonio Guterres met Iran's Abbas Araghchi in New York on Monday.

The European Union and NATO said the talks in Geneva would resume in March."""


def test_the_entity_at_each_token_is_the_one_spacy_lists():
    doc = parsed(SEVERAL_ENTITIES).doc
    for token in doc:
        listed = next((ent for ent in doc.ents if ent.start <= token.i < ent.end), None)
        found = entity_at(token)
        assert (found.start, found.end, found.label_) == (listed.start, listed.end, listed.label_) if listed \
            else found is None


def test_the_entities_inside_a_span_are_those_spacy_lists_for_it():
    doc = parsed(SEVERAL_ENTITIES).doc
    for sentence in doc.sents:
        assert [(e.start, e.end, e.label_) for e in entities_in(sentence)] == \
            [(e.start, e.end, e.label_) for e in sentence.ents]
    cut = doc[3:9]  # starts inside "Antonio Guterres": only entities wholly inside count
    assert [e.text for e in entities_in(cut)] == [e.text for e in cut.ents]
