"""Names in one normal form: titles dropped."""

from generator.extract.names import clean_name, strip_titles


def test_strip_titles_removes_stacked_titles():
    assert strip_titles("Lt. Col. Peter Lerner") == "Peter Lerner"
    assert strip_titles("President") == "President"


def test_a_name_loses_its_article_possessive_and_surrounding_marks():
    assert clean_name("the Kremlin's") == "Kremlin"
    assert clean_name("“Hamas,”") == "Hamas"
