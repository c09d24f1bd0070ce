"""Actors and places: each test states the text and the actors expected."""

from generator.extract.actors import extract_actors
from generator.extract.places import extract_places
from tests.helpers import analysed


def actors_of(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {a.name: (a.kind, a.aliases) for a in extract_actors(analysed(text))}


def test_surname_and_honorific_merge_into_the_full_name():
    text = "Syrian President Bashar al-Assad spoke on Friday. Mr. Assad vowed to win. Assad left."
    actors = extract_actors(analysed(text))
    assad = next(a for a in actors if a.name == "Bashar al-Assad")
    assert assad.kind == "person"
    assert set(assad.aliases) == {"Mr. Assad", "Assad"}
    assert assad.mentions == 3
    assert assad.role == "Syrian President"


def test_demonym_and_capital_acting_as_government_belong_to_the_country():
    text = "Iranian officials met on Monday. Tehran said it would help. Iran sent aid to the region."
    actors = actors_of(text)
    assert actors["Iran"][0] == "country"
    assert set(actors["Iran"][1]) == {"Iranian", "Tehran"}


def test_acronym_defined_by_the_name_is_merged():
    text = "Hayat Tahrir al-Sham controls Idlib. HTS was previously linked to al-Qaeda."
    assert actors_of(text)["Hayat Tahrir al-Sham"][1] == ("HTS",)


def test_an_acronym_without_the_leading_country_and_the_trailing_and_part_is_merged():
    text = ("Plague is back.\n\nThe Chinese Center for Disease Control and Prevention said it had investigated."
            "\n\nThe Chinese CDC has said that there is no need to worry.")
    assert actors_of(text)["Chinese Center for Disease Control and Prevention"][1] == ("Chinese CDC",)


def test_international_body_from_the_gazetteer():
    actors = extract_actors(analysed("The UN said on Monday that aid convoys had been stopped at the border."))
    un = next(a for a in actors if a.name == "United Nations")
    assert un.kind == "organization" and un.international and un.aliases == ("UN",)


def test_a_body_the_gazetteer_knows_by_its_long_name_is_not_cut_to_its_parent():
    text = "Cooper said it was damning, after the United Nations High Commissioner for Refugees recommended it."
    assert actors_of(text)["UN High Commissioner for Refugees"] == (
        "organization", ("United Nations High Commissioner for Refugees",))
    assert "United Nations" not in actors_of(text)


def test_a_demonym_before_an_international_body_s_short_name_names_a_national_body():
    found = actors_of("A fast-track system backed by the British Red Cross was rejected by the Home Office.")
    assert found["British Red Cross"][0] == "organization"
    assert "International Committee of the Red Cross" not in found


def test_a_demonym_before_an_international_body_s_acronym_is_its_country():
    assert {"Russia", "United Nations"} <= set(actors_of("The Russian UN envoy spoke on Monday."))


def test_two_people_sharing_a_surname_stay_apart():
    text = "Tom Smith met Anna Smith in London. Smith said the talks went well."
    actors = actors_of(text)
    assert "Tom Smith" in actors and "Anna Smith" in actors
    assert actors["Tom Smith"][1] == () and actors["Anna Smith"][1] == ()


def test_role_from_an_apposition_and_affiliation_from_the_role():
    text = "Geir Pedersen, the UN envoy for Syria, warned of severe risks on Saturday."
    pedersen = next(a for a in extract_actors(analysed(text)) if a.name == "Geir Pedersen")
    assert pedersen.role == "UN envoy for Syria"
    assert pedersen.affiliation == "United Nations"


def test_news_agency_cited_as_source_is_not_an_actor():
    text = "Rebels entered the city, Reuters reported on Friday, citing witnesses in the area."
    assert "Reuters" not in actors_of(text)


def test_armed_forces_are_an_organisation_of_their_country():
    text = ("In 2016, the Syrian army reclaimed parts of Aleppo. Syrian troops regrouped on Friday. "
            "Russia's military confirmed its assistance.")
    actors = {a.name: a for a in extract_actors(analysed(text))}
    assert set(actors["Syrian army"].aliases) == {"Syrian troops"}
    assert actors["Russian military"].aliases == ("Russia's military",)
    assert actors["Russian military"].affiliation == "Russia" and actors["Russian military"].state_body


def test_backed_forces_are_not_the_backers_army():
    text = "A rebel alliance attacked Iranian- and Russian-backed government forces on Wednesday."
    assert not any(a.name.endswith(("military", "army")) for a in extract_actors(analysed(text)))


def test_a_quoted_official_named_once_is_key():
    from generator.extract import extract_analysed

    text = """\
    Floods hit Ukraine after the Kakhovka dam was breached on Tuesday, and Ukraine asked for help.

    Ukraine said thousands of people had fled. Ukraine blamed Russia for the blast.

    “This is a monumental humanitarian catastrophe,” UN chief Antonio Guterres said.
    """
    guterres = extract_analysed(analysed(text)).actor("Antonio Guterres")
    assert guterres is not None and guterres.mentions == 1 and guterres.key


def test_a_first_name_alone_merges_into_the_one_full_name():
    text = "Thomas Sam, 42, and his wife appeared in court. Thomas told the court he was sorry."
    actors = actors_of(text)
    assert "Thomas" in actors["Thomas Sam"][1] and "Thomas" not in actors


def test_names_the_model_cut_short_are_repaired():
    text = ("Volunteer organization Comic Corps of Canada collects donations. "
            "Wong Kwok-kin of the FTU was re-elected on Sunday.")
    names = set(actors_of(text))
    assert "Comic Corps of Canada" in names
    assert "Wong Kwok-kin" in names and "Wong Kwok" not in names


def test_a_named_ship_is_not_an_actor():
    assert actors_of("The destroyer USS Carney shot down three drones, the Pentagon said.") == {
        "Pentagon": ("organization", ())}


def test_a_name_cut_at_a_hyphen_is_completed_and_its_parts_are_not_actors():
    text = "The director of the Council on American - Islamic Relations said the boy was treated unfairly."
    assert actors_of(text) == {"Council on American - Islamic Relations": ("organization", ())}


def test_a_description_written_in_lower_case_elsewhere_is_not_part_of_the_name():
    text = "Nonpartisan Paul Tse was re-elected. Several nonpartisan candidates lost their seats."
    assert actors_of(text) == {"Paul Tse": ("person", ())}


def test_a_label_the_article_contradicts_more_often_is_corrected():
    from collections import Counter

    from generator.extract.mentions import _voted

    assert _voted(Counter({"LOC": 1, "ORG": 4})) == "ORG"  # "within Scientology" against ORG mentions
    assert _voted(Counter({"GPE": 2, "ORG": 1})) is None


def test_a_common_word_the_model_takes_for_a_name_is_not_an_actor():
    from spacy.tokens import Span

    from generator.extract.mentions import _common_word

    doc = analysed("Volunteer groups collected comics. Every volunteer got a badge. Amnesty said so.").doc
    lower = {t.text for t in doc if t.is_lower}
    assert _common_word(Span(doc, 0, 1, label="PERSON"), lower, {})
    amnesty = next(t.i for t in doc if t.text == "Amnesty")
    assert not _common_word(Span(doc, amnesty, amnesty + 1, label="ORG"), lower, {})


def test_a_demonym_before_a_surname_is_not_a_first_name():
    actors = actors_of("A statement by French Macron was read out.")
    assert "Macron" in actors and "French Macron" not in actors


def test_a_national_body_opened_by_its_country_is_one_organisation():
    text = "The U.S. Department of Agriculture notes that ozone damages plants."
    assert actors_of(text) == {"U.S. Department of Agriculture": ("organization", ())}


def test_a_body_named_with_and_without_its_country_is_one_actor():
    text = "The United Kingdom Home Office is to begin issuing questionnaires. The Home Office said it would act."
    assert actors_of(text) == {"Home Office": ("organization", ("United Kingdom Home Office",))}


def places_of(text: str) -> list[str]:
    return [p.name for p in extract_places(analysed(text))]


def test_a_first_name_the_model_left_out_joins_the_surname():
    text = "Photos show athletes Vitas Gerulaitis and Jack Nicklaus."
    assert actors_of(text) == {"Vitas Gerulaitis": ("person", ()), "Jack Nicklaus": ("person", ())}
    assert places_of(text) == []


def test_a_reporter_cited_as_the_source_is_not_an_actor():
    text = ("Plague returns.\n\nAs Emily Feng reports for NPR, the first cases came to light last week.\n\n"
            "The couple was quarantined, according to Sui-Lee Wee of the New York Times.")
    names = set(actors_of(text))
    assert not names & {"Emily Feng", "Sui-Lee Wee", "NPR", "New York Times"}


def test_reporters_cited_as_sources_by_their_outlet_are_no_actors():
    text = ("As Emily Feng reports for NPR, the first cases came to light last week. He had, according to Alex "
            "Horton of the Washington Post, eaten a wild rabbit. But according to NPR’s Feng, Li Jifeng, a doctor, "
            "wrote in a blog post that the couple had been moved.")
    assert [actor.name for actor in extract_actors(analysed(text))] == ["Li Jifeng"]


def test_a_reporter_cited_by_their_outlet_and_elsewhere_only_reporting_is_no_actor():
    text = ("The couple was quarantined, according to Sui-Lee Wee of the New York Times. All sites were also "
            "disinfected, reports Wee. One commenter was angry, per Wee. Li Jifeng, a doctor, wrote a blog post.")
    assert [actor.name for actor in extract_actors(analysed(text))] == ["Li Jifeng"]


def test_a_reporter_who_also_takes_part_in_the_story_stays_an_actor():
    text = ("The couple was quarantined, according to Sui-Lee Wee of the New York Times. "
            "Police later detained Sui-Lee Wee in Beijing.")
    assert "Sui-Lee Wee" in [actor.name for actor in extract_actors(analysed(text))]


def test_an_acronym_after_a_demonym_is_the_body_it_abbreviates():
    text = ("The Chinese Center for Disease Control and Prevention said it had investigated. And though the "
            "Chinese CDC has said that there is no need to worry, it has acknowledged risks.")
    actors = {actor.name: actor.aliases for actor in extract_actors(analysed(text))}
    assert "Chinese CDC" in actors["Chinese Center for Disease Control and Prevention"]


def test_a_title_with_a_prepositional_phrase_before_the_name_is_the_whole_role():
    text = "China’s ambassador to Britain Liu Xiaming has said that China has the power to end the unrest."
    liu = next(actor for actor in extract_actors(analysed(text)) if actor.name == "Liu Xiaming")
    assert (liu.role, liu.affiliation) == ("China’s ambassador to Britain", "China")


def test_a_capitalised_title_posted_to_a_country_keeps_its_own_country():
    text = ("According to Afghan Ambassador to the United States Hamdullah Mohib, the team shows the country's "
            "progress.")
    mohib = next(actor for actor in extract_actors(analysed(text)) if actor.name == "Hamdullah Mohib")
    assert (mohib.role, mohib.affiliation) == ("Afghan Ambassador to the United States", "Afghanistan")


def test_a_kind_that_rests_on_the_statistical_model_alone_is_marked_as_a_guess():
    """#18 (`briefgen check --review`): a title or a known name confirms the kind; a bare name does not."""
    actors = extract_actors(analysed("""
        Talks in Geneva

        Iran's Foreign Minister Abbas Araghchi travelled to Geneva. Aron Lund said the talks were long.

        The United Nations and the Zorvath Assembly of Traders also met there.
        """))
    guessed = {actor.name: actor.kind_guessed for actor in actors}
    assert guessed == {"Iran": False, "Abbas Araghchi": False, "Aron Lund": True, "United Nations": False,
                       "Zorvath Assembly of Traders": True}


def test_a_surname_of_several_words_is_the_person_named_in_full():
    article = analysed("Walid Abu Hatab lost his home on Monday. Abu Hatab said the strikes came at night.")
    people = {a.name: a.aliases for a in extract_actors(article) if a.kind == "person"}
    assert people == {"Walid Abu Hatab": ("Abu Hatab",)}


def test_a_country_s_name_before_a_noun_of_expertise_is_no_affiliation():
    # "Russia adviser" is what she dealt with; "China’s ambassador" (the test above) is whom he speaks for.
    article = analysed("“It was an errand,” said former White House Russia adviser Fiona Hill.")
    hill = next(actor for actor in extract_actors(article) if actor.name == "Fiona Hill")
    assert (hill.role, hill.affiliation) == ("former White House Russia adviser", None)


def test_a_handle_is_an_alias_of_its_owner_and_a_handle_with_no_owner_names_no_actor():
    found = actors_of("US President Barack Obama tweeted using his @POTUS account: “Cool clock, Ahmed.” @NASA "
                      "replied within minutes. NASA said it was proud of him. @Lucky_Star_99 posted a photo.")
    assert found["Barack Obama"] == ("person", ("@POTUS",))
    assert found["NASA"] == ("organization", ("@NASA",))
    assert not any(name.startswith("@") for name in found)


def test_a_surname_in_another_transliteration_is_the_named_person():
    text = "Ukraine President Volodymyr Zelenskiy met the envoy. Sondland said President Zelensky will do anything."
    actors = {actor.name: actor.aliases for actor in extract_actors(analysed(text))}
    assert "Zelensky" in actors["Volodymyr Zelenskiy"]
    assert "Zelensky" not in actors


def test_a_body_s_head_word_before_of_names_that_body():
    text = ("The Church of Scientology denied the claims. She was sent to a camp, which the Church describes as a "
            "religious retreat.")
    actors = {actor.name: actor.aliases for actor in extract_actors(analysed(text))}
    assert "Church" not in actors and "Church" in actors["Church of Scientology"]


def test_a_name_after_an_office_title_merges_into_the_full_name():
    text = ("House Speaker Paul Ryan met Republican leaders on Thursday. Chairman Trey Gowdy joined them. "
            "Speaker Ryan said the party must unite. Chairman Gowdy agreed. Ryan left early.")
    actors = actors_of(text)
    assert "Speaker Ryan" not in actors and "Chairman Gowdy" not in actors
    assert "Ryan" in actors["Paul Ryan"][1] and "Gowdy" in actors["Trey Gowdy"][1]


def role_of(text: str, name: str) -> str | None:
    return next(a.role for a in extract_actors(analysed(text)) if a.name == name)


def test_a_role_does_not_run_on_from_a_noun_that_names_no_person():
    assert role_of("The group's new ad attacks his endorsement of Sen. Ted Cruz in the primary.", "Ted Cruz") \
        == "Sen."


def test_an_adviser_to_a_titled_person_is_not_that_person_s_role():
    text = ('"The price rose," said Jared Bernstein, former economic adviser to Vice President Joseph R. Biden Jr.'
            "\n\nThe talks resumed on Monday.")
    assert role_of(text, "Jared Bernstein") == "former economic adviser"
    assert role_of(text, "Joseph R. Biden Jr") == "Vice President"


def test_an_age_or_a_plural_apposition_is_no_role():
    assert role_of("Thomas Sam, 42, and his wife Manju Sam, 36, pleaded not guilty on Monday.", "Thomas Sam") is None
    text = ("Braun has worked with the likes of Kanye West and Kim Kardashian - both of whom Taylor Swift has had "
            "feuds with in the past.")
    assert role_of(text, "Kanye West") is None


def test_a_role_drops_the_pronoun_or_quantifier_that_opens_it():
    assert role_of("John Podesta, her campaign chairman, said the emails were stolen.", "John Podesta") \
        == "campaign chairman"
    assert role_of("Both Sen. John McCain and Sen. Lindsey Graham voted against the bill.", "John McCain") == "Sen."


def test_a_courtesy_title_is_no_role_and_a_later_one_is_read():
    assert role_of("He met Mr. Xi Jinping, China's President, on Monday.", "Xi Jinping") == "China's President"


def test_a_role_keeps_the_words_the_tokenizer_splits_at_hyphens():
    assert role_of('"We are ready," said Faiza Patel, co-director of the Brennan Center.', "Faiza Patel") \
        == "co-director of the Brennan Center"


def test_an_organisation_name_the_model_cut_after_a_small_word_runs_on():
    text = """\
    Attack condemned

    The Office of the UN High Commissioner for Human Rights said it was alarmed. "The killings must stop," the
    office added.
    """
    assert "Office of the UN High Commissioner for Human Rights" in actors_of(text)


def test_an_acronym_a_country_cannot_spell_is_not_its_alias():
    text = """\
    Attack condemned

    The UN Mission in South Sudan (UNMISS) condemned the attack. "Those responsible must be held to account," the mission said in a statement.
    """  # noqa: E501
    assert all("UNMISS" not in aliases for kind, aliases in actors_of(text).values() if kind == "country")


def test_a_demonym_opens_a_government_body_s_name_but_not_every_institution_s():
    text = """\
    Trade talks stall

    The Chinese Foreign Ministry rejected the claim. Derek Scissors of the American Enterprise Institute said talks had stalled.
    """  # noqa: E501
    actors = {a.name: a for a in extract_actors(analysed(text))}
    ministry, institute = actors["Chinese Foreign Ministry"], actors["American Enterprise Institute"]
    assert (ministry.affiliation, ministry.state_body) == ("China", True)
    assert not institute.state_body


def test_a_first_name_and_a_surname_the_model_took_for_a_body_are_a_person_and_a_body_s_word_keeps_a_body():
    text = ("Argentina got past Chile 3-0 in Group C, with Diego Schwartzman defeating Cristian Garin. "
            "Scooter Braun, who reps the likes of Justin Bieber, Demi Lovato and Ariana Grande, has been trying to "
            "reach Taylor Swift. Georgia Tech beat Duke.")
    actors = actors_of(text)
    assert actors["Diego Schwartzman"][0] == "person"
    assert actors["Ariana Grande"][0] == "person"
    assert actors["Georgia Tech"][0] == "organization"  # "Tech" names a body, whatever its first word


def test_a_person_the_model_calls_a_body_whose_first_name_is_hyphenated_is_a_person():
    actors = actors_of("The teams were tied after Jo-Wilfried Tsonga cruised past Yasutaka Uchiyama. "
                       "Harley-Davidson Motor said sales fell.")
    assert actors["Jo-Wilfried Tsonga"][0] == "person"
    assert actors["Harley-Davidson Motor"][0] == "organization"  # a body's word keeps a body


def test_a_company_named_with_a_first_name_or_a_title_stays_a_body():
    actors = actors_of("The exit poll was conducted by Edison Research for the networks, and Fox Business aired "
                       "it. Carly Fiorina said she was pleased. General Electric said profits rose.")
    assert actors["Carly Fiorina"][0] == "person"
    assert [actors[name][0] for name in ("Edison Research", "Fox Business", "General Electric")] == [
        "organization"] * 3


def test_a_name_the_model_took_for_a_person_s_that_ends_in_a_body_s_word_is_a_body_unless_it_is_a_surname():
    actors = actors_of("Dick Clark Productions denied it had settled. The Peter G. Peterson Foundation paid. "
                       "Marjorie Merriweather Post built the house.")
    assert actors["Dick Clark Productions"][0] == "organization"
    assert actors["Peter G. Peterson Foundation"][0] == "organization"
    assert actors["Marjorie Merriweather Post"][0] == "person"


def test_a_platform_named_only_as_a_medium_or_a_description_is_no_actor():
    text = ("The CDC assured the public on Weibo, a Twitter-like social media site, that the risk is low. "
            "Facebook co-founder Mark Zuckerberg posted to Instagram. Follow John Nolte on Twitter @NolteNC.")
    assert set(actors_of(text)) == {"CDC", "Mark Zuckerberg", "John Nolte"}
    # "the Google Science Fair" is Google's own event: each mention counts
    fair = extract_actors(analysed("Mohamed was invited to their Google Science Fair. He was a guest at the Google "
                                   "Science Fair this weekend, held at Google's headquarters."))
    assert [actor.mentions for actor in fair if actor.name == "Google"] == [3]


def test_a_platform_that_acts_is_an_organisation_and_a_town_the_model_took_for_a_person_is_a_place():
    text = ("Twitter said it had removed the post. According to a report in the Argus Leader of Sioux Falls, "
            "Gov. Kristi Noem launched the campaign on Monday.")
    assert actors_of(text)["Twitter"][0] == "organization"
    assert "Sioux Falls" not in actors_of(text)
    assert [place.name for place in extract_places(analysed(text))] == ["Sioux Falls"]
    # elsewhere a place's name may be a person's: "Van Buren" is a town in Arkansas, "Obama" one in Japan
    assert actors_of("Obama's plan failed, Van Buren said.") == {"Obama": ("person", ()), "Van Buren": ("person", ())}


def test_a_laboratory_and_a_name_the_gazetteer_knows_as_a_mountain_range_are_not_people():
    # "Jet" and "Sierra" are first names in the US counts: the body's word and the gazetteer say otherwise
    actors = actors_of("said planetary geologist Rosaly Lopes of NASA's Jet Propulsion Laboratory in California. "
                       "The new providers are SpaceX and Blue Origin, Sierra Nevada and Tyvak, NASA said.")
    assert actors["Jet Propulsion Laboratory"][0] == "organization"
    assert actors["Sierra Nevada"][0] == "organization"


def test_a_demonym_that_says_where_a_place_or_a_business_is_makes_no_actor_and_no_place():
    text = ("Tehran targeted the Iranian consulate in the Syrian capital of Damascus. Boeing attracted bids from "
            "Turkish-based carrier SunExpress. Syrian jets launched strikes on Idlib.")
    article = analysed(text)
    actors = {a.name: a.kind for a in extract_actors(article)}
    assert "Turkey" not in actors and "Iran" in actors and "Syria" in actors  # the jets act for Syria
    assert [p.name for p in extract_places(article)] == ["Damascus", "Idlib"]
    article = analysed("The attack on the consulate in the Syrian capital of Damascus killed two generals.")
    assert "Syria" not in {a.name for a in extract_actors(article)}
    article = analysed("Emirates cancelled an order from the French plane-maker. Japanese shares fell.")
    assert not {"France", "Japan"} & {a.name for a in extract_actors(article)}


def test_an_outlet_the_model_took_for_a_person_by_its_short_name_is_the_outlet():
    text = ("The Los Angeles Chronicle says police are looking into the case. The Chronicle says he was arrested a "
            "block away.")
    assert actors_of(text)["Los Angeles Chronicle"] == ("organization", ("Chronicle",))


def test_a_speaker_the_entity_model_missed_is_an_outlet_or_a_person_by_its_name():
    from generator.extract.actors import with_speakers
    from generator.model import Actor, Quote

    bloomberg = Actor(name="Michael Bloomberg", kind="person")
    quotes = [Quote(text="He would like them there", speaker="Washington Post"),
              Quote(text="The fund is secure", speaker="Associated Press"),
              Quote(text="I cannot win as an independent", speaker="Bloomberg"),
              Quote(text="The hotel is ours", speaker="Marjorie Merriweather Post")]
    kinds = {actor.name: actor.kind for actor in with_speakers([bloomberg], quotes)}
    assert kinds == {"Michael Bloomberg": "person", "Washington Post": "organization",
                     "Associated Press": "organization", "Bloomberg": "person",
                     "Marjorie Merriweather Post": "person"}


def test_a_law_is_no_actor():
    assert "Hong Kong Human Rights and Democracy Act" not in actors_of(
        "The Congress passed the Hong Kong Human Rights and Democracy Act on Wednesday.")


def test_a_title_before_the_name_does_not_take_in_the_quote_before_it():
    text = ('"We have found the next best thing: water in vapor form," lead researcher and NASA planetary '
            "scientist Lucas Paganini said in a statement.")
    assert role_of(text, "Lucas Paganini") == "lead researcher and NASA planetary scientist"
    text = "The concert opened with inaugural “American Idol” winner Kelly Clarkson on Friday."
    assert role_of(text, "Kelly Clarkson") == "inaugural “American Idol” winner"


def test_the_names_listed_before_a_name_are_not_its_title():
    text = "Trump and US Trade Representative Robert Lighthizer recognize that such concessions are hard."
    assert role_of(text, "Robert Lighthizer") == "US Trade Representative"
    text = "Kazakhstan won after Mikhail Kukushkin and Alexander Bublik defeated Robin Haase and Jean-Julien Rojer."
    assert role_of(text, "Jean-Julien Rojer") is None
    # a title with "and" in it stays whole
    text = "Lead researcher and NASA planetary scientist Lucas Paganini said the plumes were seen in 2016."
    assert role_of(text, "Lucas Paganini") == "Lead researcher and NASA planetary scientist"


def test_a_name_the_model_calls_a_person_more_often_than_a_body_is_a_person_everywhere():
    text = ("The odyssey of how Oscar-winning actress Mary Steenburgen came to co-write the song began in 2007. "
            "“It could have been really easy for Mary Steenburgen to just put her name on something,” Harper "
            "said. Harper and Buckley found themselves blindsided by “the Mary Steenburgen of it all.”")
    assert actors_of(text)["Mary Steenburgen"][0] == "person"


def test_a_title_set_before_the_name_between_commas_is_its_role():
    assert role_of("Britain's foreign secretary, Dominic Raab, said he was worried.", "Dominic Raab") \
        == "Britain's foreign secretary"
    assert role_of("The head of the agency, John Smith, said the plan would work.", "John Smith") \
        == "head of the agency"
    assert role_of("President of the Senate, Bukola Saraki, spoke to reporters.", "Bukola Saraki") \
        == "President of the Senate"
    assert role_of("Voters backed the National Front, whose leader, Marine Le Pen, promised a referendum.",
                   "Marine Le Pen") == "leader"


def test_a_title_set_before_the_name_yields_to_a_title_the_text_gives_it_elsewhere():
    text = "His old friend, John Smith, came too. Senator John Smith later said he had enjoyed the evening."
    assert role_of(text, "John Smith") == "Senator"
