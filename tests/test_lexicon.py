"""The word lists: read once, shared by every article of a process, so nobody may change them."""

from pathlib import Path
from types import MappingProxyType

import pytest

from generator import lexicon


@pytest.mark.parametrize("loader", [lexicon.country_by_surface, lexicon.organization_by_surface,
                                    lexicon.place_nouns, lexicon.exchange_words])
def test_an_index_is_read_only(loader):
    index = loader()
    assert isinstance(index, MappingProxyType) and len(index) > 0
    with pytest.raises(TypeError):
        index["anything"] = None  # type: ignore[index]


def test_a_country_is_found_by_name_demonym_and_capital():
    assert lexicon.country_by_surface()["syrian"][0].name == "Syria"
    assert lexicon.country_by_surface()["damascus"][1] == "capital"


@pytest.mark.parametrize(("formal", "country"), [
    ("republic of colombia", "Colombia"),
    ("kingdom of the netherlands", "Netherlands"),
    ("democratic republic of congo", "Democratic Republic of the Congo"),  # without its "the"
    ("republic of china", "Taiwan"),  # the lexicon's own formal name wins over the one made from "China"
    ("republic of korea", "South Korea"),
])
def test_a_country_is_found_by_its_formal_name(formal, country):
    assert lexicon.country_by_surface()[formal] == (lexicon.country_by_surface()[country.casefold()][0], "name")
    assert "republic of u.s." not in lexicon.country_by_surface()  # an abbreviation has no formal name


LEXICON = Path(lexicon.__file__).parent


@pytest.mark.parametrize("path", sorted(LEXICON.glob("*.t[sx][vt]")), ids=lambda p: p.name)
def test_every_list_says_what_it_decides_in_its_first_line(path):
    assert path.read_text(encoding="utf-8").startswith("# ")


def test_a_verb_that_inverts_after_a_quote_is_a_speech_verb():
    # "conclude" was listed as inverting but was no speech verb, so it never fired.
    assert lexicon.word_set("inversion_verbs") <= lexicon.speech_verbs()


def test_every_territory_answers_to_a_state_of_the_country_list_and_is_not_one_itself():
    states = {country.name for country in lexicon.countries()}
    territories = lexicon.word_map("territories")
    assert set(territories.values()) <= states and not set(territories) & states


def test_honorifics_are_titles_too():
    assert lexicon.word_set("honorifics") <= set(lexicon.titles())


def test_a_number_map_keeps_integers_and_fractions_apart():
    assert lexicon.number_map("number_words")["dozen"] == 12 and lexicon.number_map("number_words")["half"] == 0.5


def test_the_gazetteer_knows_cities_without_diacritics_regions_and_seas_but_not_surnames():
    places = lexicon.known_places()
    assert {"herat", "hama", "inner mongolia", "south china sea", "ohio", "europe", "damascus"} <= places
    assert not {"halston", "valeska", "bidens", "weibo"} & places
