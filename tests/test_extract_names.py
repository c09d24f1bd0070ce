"""Names in one normal form: titles dropped."""

from generator.extract.names import clean_name, entity_at, is_known_place, strip_titles
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
