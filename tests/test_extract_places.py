"""Places: named places that are not acting as governments."""

from generator.extract.actors import extract_actors
from generator.extract.places import extract_places
from tests.helpers import analysed


def test_capital_as_a_location_is_a_place_not_an_alias():
    article = analysed("Iran's Foreign Minister Abbas Araghchi travelled to Damascus on Sunday to meet officials.")
    assert "Damascus" in [p.name for p in extract_places(article)]
    assert "Syria" not in {a.name for a in extract_actors(article)}


def test_country_only_named_as_a_location_is_a_place():
    article = analysed("A fragile ceasefire held in neighbouring Lebanon on Wednesday, officials in Israel said.")
    assert "Lebanon" in [p.name for p in extract_places(article)]
    assert "Lebanon" not in {a.name for a in extract_actors(article)}


def actors_of(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {a.name: (a.kind, a.aliases) for a in extract_actors(analysed(text))}


def places_of(text: str) -> list[str]:
    return [p.name for p in extract_places(analysed(text))]


def test_names_the_model_mistypes_are_places_by_their_context():
    text = ("HTS retained territory in neighboring Aleppo, Hama, and Latakia provinces. The army reinforced its "
            "positions around Hama. A merchant in the upscale New Aleppo neighborhood spoke.")
    assert {"Hama", "Latakia", "New Aleppo"} <= set(places_of(text))
    assert not {"Hama", "Latakia", "New Aleppo"} & {a.name for a in extract_actors(analysed(text))}


def test_a_facility_keeps_its_noun():
    text = "UN aid chief Martin Griffiths said the Kakhovka dam breach would have grave consequences."
    assert "Kakhovka dam" in places_of(text)


def test_a_country_as_the_owner_of_a_capital_is_a_place():
    text = "The summit will be held in Lithuania's capital Vilnius next week, officials said."
    assert "Lithuania" in places_of(text)


def test_a_country_that_receives_or_sends_acts_one_named_as_origin_is_a_place():
    text = "The European team won, with the silver medal going to Poland and the bronze to Armenia."
    assert actors_of(text) == {"Armenia": ("country", ())}
    assert actors_of("Teams from Sudan and Iran took part in the contest.") == {
        "Sudan": ("country", ()), "Iran": ("country", ())}
    text = "The Home Office will question asylum seekers from Eritrea and Syria."
    assert places_of(text) == ["Eritrea", "Syria"]
    assert "Eritrea" not in actors_of(text)


def test_an_organisation_named_as_a_facility_is_a_place():
    text = "Thousands attended the fair at the Metro Toronto Convention Centre on Saturday."
    assert places_of(text) == ["Metro Toronto Convention Centre"]
    assert actors_of(text) == {}


def test_a_place_name_the_model_cut_short_is_completed_from_the_gazetteer():
    article = analysed("China warns.\n\nEsper accused China of intimidation in the South China Sea.\n\n"
                       "The patients are from Inner Mongolia, a sparsely populated region.")
    assert [p.name for p in extract_places(article)] == ["South China Sea", "Inner Mongolia"]
    assert "Mongolia" not in {a.name for a in extract_actors(article)}


def test_a_dateline_is_not_a_place_but_the_same_city_in_the_story_is():
    article = analysed("Oil falls.\n\nNEW YORK (Reuters) - Oil prices fell sharply on Tuesday in New York.")
    assert [p.name for p in extract_places(article)] == ["New York"]
