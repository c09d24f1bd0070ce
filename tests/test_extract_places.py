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


def test_a_country_named_as_a_place_is_listed_once_by_its_name_a_capital_as_itself():
    text = ("Layoffs will begin this week in the U.S. The company also has offices across the US, in Britain "
            "and in Damascus.")
    assert places_of(text) == ["United States", "United Kingdom", "Damascus"]


def test_a_us_state_written_short_after_a_town_is_listed_by_its_name():
    text = "A fire broke out near Fresno, Calif., on Monday. Residents of Springfield, Ill., and Tampa, Fla., watched."
    assert places_of(text) == ["Fresno", "California", "Springfield", "Illinois", "Tampa", "Florida"]


def test_a_known_town_with_its_state_is_a_place_whatever_the_model_typed_it():
    text = ("The band plays PNC Music Pavilion, Charlotte, NC on June 20 and Toyota Music Factory, Irving, TX. "
            "Then it plays Spokane, Washington. Sen. John Cornyn, Texas Republican, said so.")
    assert places_of(text) == ["Charlotte", "North Carolina", "Irving", "Texas", "Spokane", "Washington"]


def test_where_a_person_lives_after_the_age_is_a_place_but_not_after_a_year():
    text = ("Officers arrested Christopher L. Tays, 32, of Franklin, and Ryan S. Hollman, 31, of Hope. "
            "In 2015, of Apple products sold, most were phones.")
    assert places_of(text) == ["Franklin", "Hope"]


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


def test_a_compass_point_alone_is_the_country_it_opens():
    text = ("North and South Korea exchanged artillery fire yesterday. The loudspeakers broadcast propaganda into "
            "the North. The South retaliated on Thursday.")
    assert places_of(text) == []
    actors = actors_of(text)
    assert "North" in actors["North Korea"][1] and "South" in actors["South Korea"][1]


def test_a_compass_point_without_its_country_is_no_place():
    text = "The disease is believed to have originated in China, spreading to the West via ships."
    assert "West" not in places_of(text)


def test_two_places_joined_by_a_hyphen_before_a_place_noun_are_one_place():
    text = "Remote regions of the country, like Yunnan and the Qinghai-Tibet plateau, are vulnerable to outbreaks."
    assert places_of(text) == ["Yunnan", "Qinghai-Tibet plateau"]


def test_countries_joined_by_a_hyphen_stay_two():
    assert "Syria-Turkey border" not in places_of("Talks on the Syria-Turkey border continued on Monday.")


def test_places_listed_after_an_amount_of_towns():
    text = ("Rebels captured dozens of towns across the northern region, including Khan Sheikhun and Maaret "
            "al-Numan, on Friday.")
    assert places_of(text) == ["Khan Sheikhun", "Maaret al-Numan"]


def test_a_town_name_runs_through_its_particle():
    text = "Austria bought the house in Braunau am Inn, a town on the border, and will invite architects."
    assert places_of(text) == ["Braunau am Inn"]
    assert "Inn" not in actors_of(text)


def test_coordinated_names_before_a_plural_place_noun():
    assert "Luhansk" in places_of("The reform gives special status to areas of the Donetsk and Luhansk regions.")


def test_names_listed_before_a_plural_noun_of_areas_are_places_not_people():
    text = ("Cases of the virus have been reported in Barry, Berrien, Calhoun, Cass, Kalamazoo and Van Buren "
            "counties, health officials said.")
    assert places_of(text) == ["Barry", "Berrien", "Calhoun", "Cass", "Kalamazoo", "Van Buren"]
    assert actors_of(text) == {}


def test_a_dateline_opened_by_an_abbreviation_is_no_person():
    text = ("Sixth death from the virus.\n\nST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a "
            "sixth fatality linked to the virus.")
    assert "JOSEPH" not in actors_of(text)


def test_a_body_named_as_the_area_its_members_cover_is_a_place():
    text = "Architects from across the European Union will be invited to submit plans for the building."
    assert places_of(text) == ["European Union"]
    assert "European Union" not in actors_of(text)


def test_a_name_described_as_a_place_is_one():
    assert places_of("The patient came from Xilingol on Monday.") == []  # an unknown lone name: no place
    assert places_of("The patient came from Xilingol, a region of grasslands.") == ["Xilingol"]
    assert places_of("Reporters met Smith, a border state senator, on Friday.") == []


def test_a_name_before_a_noun_of_organisations_is_a_body_not_a_place():
    text = "Aron Lund of the Century International think tank remarked that the city had fallen."
    assert places_of(text) == []
    assert actors_of(text)["Century International"][0] == "organization"


def test_a_lone_unknown_name_is_no_evidence_for_its_conjunct():
    assert places_of("Sondland referred to investigations into the Bidens and Burisma in 2016.") == []


def test_a_name_of_an_event_after_during_is_no_place():
    text = "Plague killed millions, most famously during the Black Death, which wiped out Europe's population."
    assert places_of(text) == ["Europe"]


def test_an_untagged_name_before_an_area_noun_is_a_place():
    assert places_of("A 3 GW array is planned in the Saemangeum area.") == ["Saemangeum"]


def test_toward_a_capital_places_it_only_after_a_word_of_motion():
    assert places_of("Troops advanced toward Kyiv on Monday.") == ["Kyiv"]
    assert places_of("He has alternated displays of anger and warmth toward Beijing.") == []


def test_a_country_yielded_to_acts():
    assert places_of("Democrats say that he is caving to Beijing.") == []


def test_a_facility_named_of_something_is_a_place_even_when_the_model_cut_its_name():
    text = """\
    Shuttles go to museums

    The trainer will go to the National Museum of the U.S. Air Force in Ohio. The Museum of Flight in Seattle gets a trainer too.
    """  # noqa: E501
    places = places_of(text)
    assert "National Museum of the U.S. Air Force" in places and "Museum of Flight" in places


def test_an_organisation_the_model_ended_with_and_is_not_joined_to_the_next_name():
    text = "Shuttles go to museums\n\nVoice of America and Radio Free Europe reported it on Monday."
    assert {"Voice of America", "Radio Free Europe"} <= set(actors_of(text))
