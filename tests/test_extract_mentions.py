"""Named mentions: every entity of the parse, cleaned and classified once (person, organisation, country or
place), with whether a country acts or only locates."""

import pytest

from generator.extract.mentions import COUNTRY, ORGANIZATION, PERSON, PLACE, Mention, as_surnames
from tests.helpers import analysed


def mentions(text: str) -> list[tuple[str, str, bool]]:
    return [(m.text, m.category, m.acting) for m in analysed(text).mentions]


def test_a_country_that_speaks_acts_and_its_capital_after_in_only_locates():
    found = analysed("Syria said on Monday that talks in Damascus would resume.").mentions
    assert [(m.text, m.category, m.acting, m.country, m.form) for m in found] == [
        ("Syria", COUNTRY, True, "Syria", "name"), ("Damascus", COUNTRY, False, "Syria", "capital")]


def test_a_demonym_acts_for_its_country_and_an_honorific_stays_with_the_name():
    assert mentions("Russian jets struck Idlib province on Sunday, and Mr. Assad thanked Moscow.") == [
        ("Russian", COUNTRY, True), ("Idlib", PLACE, False), ("Mr. Assad", PERSON, True), ("Moscow", COUNTRY, True)]


def test_a_demonym_before_a_military_noun_is_that_country_s_armed_forces():
    found = analysed("Russian troops entered the town of Kherson.").mentions
    troops = next(m for m in found if m.text == "Russian troops")
    assert (troops.category, troops.organization, troops.country) == (ORGANIZATION, "Russian military", "Russia")


def test_places_listed_together_are_places_and_an_organisation_in_the_lexicon_gets_its_name():
    assert mentions("Foreign Minister Hakan Fidan of Turkey met officials in Hama, Aleppo and Latakia.") == [
        ("Hakan Fidan", PERSON, True), ("Turkey", COUNTRY, True), ("Hama", PLACE, False),
        ("Aleppo", PLACE, False), ("Latakia", PLACE, False)]
    un = next(m for m in analysed("The UN said aid convoys had been stopped.").mentions if m.text == "UN")
    assert un.organization == "United Nations"


def test_a_name_only_the_headline_gives_is_dropped():
    # The small model tags title-case headlines badly, so a headline entity counts only when the body names it.
    assert mentions("Rebels take Aleppo\n\nFighters advanced on Sunday near the city.") == []


def mention(text: str, category: str) -> Mention:
    return Mention(text, category, start=0, end=len(text), token_start=0, token_end=1, acting=True)


def test_a_lone_word_typed_as_an_organisation_is_a_person_when_it_is_the_surname_of_a_named_person():
    found = as_surnames([mention("Simon Stiell", PERSON), mention("Stiell", ORGANIZATION),
                         mention("Oxfam", ORGANIZATION)], analysed("Stiell said so.").parsed.doc)
    assert [(m.text, m.category) for m in found] == [
        ("Simon Stiell", PERSON), ("Stiell", PERSON), ("Oxfam", ORGANIZATION)]


def test_a_lone_word_typed_as_an_organisation_is_a_person_when_a_title_names_the_person_so_elsewhere():
    found = as_surnames([mention("Trump", ORGANIZATION), mention("Mr. Trump", PERSON),
                         mention("Boeing", ORGANIZATION)], analysed("Trump said so.").parsed.doc)
    assert [(m.text, m.category) for m in found] == [
        ("Trump", PERSON), ("Mr. Trump", PERSON), ("Boeing", ORGANIZATION)]


def test_a_demonym_after_a_first_name_is_a_surname_and_names_that_person_when_it_stands_alone():
    text = ("Mark Cuban, the owner of the Dallas Mavericks, says he is open to running. "
            "\"It's too early to tell,\" Cuban said. Cuban officials did not comment.")
    found = mentions(text)
    assert ("Mark Cuban", PERSON, True) in found
    assert ("Cuban", PERSON, True) in found  # "Cuban said"
    assert ("Cuban", COUNTRY, True) in found  # "Cuban officials": the demonym still names the country


def test_a_place_opening_a_body_s_name_the_model_left_untagged_is_part_of_the_organisation():
    # The model tags "London" and leaves "Metal Exchange": the capitalised words up to a head word of bodies.
    found = mentions("Three-month aluminum on the London Metal Exchange lost 0.06% to $1,737.00 a tonne.")
    assert found == [("London Metal Exchange", ORGANIZATION, True)]


def test_a_demonym_opening_a_body_s_name_is_part_of_the_organisation():
    text = "Derek Scissors, a China scholar with the American Enterprise Institute in Washington, spoke."
    assert ("American Enterprise Institute", ORGANIZATION, True) in mentions(text)


def test_a_national_body_s_name_stops_at_a_title():
    text = "The U.S. Department of Agriculture Secretary Sonny Perdue spoke on Monday."
    found = [m[0] for m in mentions(text)]
    assert "U.S. Department of Agriculture" in found and "Sonny Perdue" in found


def test_a_lone_name_is_a_place_only_when_the_gazetteer_knows_it_or_the_context_says_so():
    # The model labels all four GPE here; only Sydney is a place it knows, Halston a designer.
    assert [m[0] for m in mentions("The search is led by Valeska in Sydney.") if m[1] == PLACE] == ["Sydney"]
    assert [m[0] for m in mentions("The exhibit features Polaroids of fashion designer Halston, a former "
                                   "resident of Evansville.") if m[1] == PLACE] == []


def test_a_name_the_model_took_for_an_organisation_is_placed_by_a_preposition_when_the_gazetteer_knows_it():
    assert ("Herat", PLACE, False) in mentions("Rebels advanced towards Herat on Monday.")


def test_programmes_indices_events_ideologies_units_and_instrument_codes_are_no_mentions():
    text = ("The SunShot Initiative was launched by the U.S. in 2011. The Dow Jones Industrial Average fell. "
            "Executives spoke at the Dubai Air Show. Austria was the first victim of National Socialism. "
            "Capacity reached 8.69 GW. Sterling GBP= was last trading at $1.29, and Copper CMCU3 rose 0.86%.")
    names = [m[0] for m in mentions(text)]
    assert names and not {"SunShot Initiative", "Dow Jones Industrial Average", "Dubai Air Show",
                           "National Socialism", "GW", "Sterling GBP=", "Copper CMCU3"} & set(names)


def test_a_body_in_the_lexicon_or_with_a_body_s_head_word_stays_whatever_its_last_word():
    text = "The World Food Programme said aid was stopped, and the Ministry of Tourism closed the museum."
    assert [m[:2] for m in mentions(text)] == [
        ("World Food Programme", ORGANIZATION), ("Ministry of Tourism", ORGANIZATION)]


def test_an_acronym_defined_in_parentheses_names_the_body_wherever_it_appears():
    text = ("South Korea’s Ministry of Trade, Industry and Energy (MOTIE) has unveiled a plan. "
            "According to data released by MOTIE in August, capacity grew.")
    found = [(m.text, m.category, m.organization) for m in analysed(text).mentions if m.category == ORGANIZATION]
    assert found == [("Ministry of Trade, Industry and Energy", ORGANIZATION, None),
                     ("MOTIE", ORGANIZATION, "Ministry of Trade, Industry and Energy"),
                     ("MOTIE", ORGANIZATION, "Ministry of Trade, Industry and Energy")]


def test_a_body_s_name_goes_on_through_of_and_its_city_but_not_its_country():
    text = "John Williams, the president of the Federal Reserve Bank of New York, said growth slowed."
    assert ("Federal Reserve Bank of New York", ORGANIZATION, True) in mentions(text)
    assert "New York" not in [m[0] for m in mentions(text)]


def test_an_outlet_s_possessive_is_no_part_of_the_name_after_it():
    text = "But according to NPR’s Feng, a doctor wrote in a blog post that the couple had been moved."
    assert [m[0] for m in mentions(text)] == ["Feng"]  # the outlet itself is no mention


def test_two_coordinated_names_sharing_their_tail_are_both_named():
    found = [m[:2] for m in mentions(
        "The report comes after North and South Korea exchanged artillery fire. He visited North and South "
        "Carolina. Procter and Gamble Co said sales rose.")]
    assert found == [("North Korea", COUNTRY), ("South Korea", COUNTRY), ("North Carolina", PLACE),
                     ("South Carolina", PLACE), ("Procter and Gamble Co", ORGANIZATION)]


def test_a_country_right_before_a_body_s_name_opens_it_unless_international_or_a_title_follows():
    found = [m[:2] for m in mentions(
        "And though the Chinese CDC has said that there is no need to worry, it acknowledged risks. The leaders "
        "spoke in a statement published by the Italian G7 presidency.")]
    assert ("Chinese CDC", ORGANIZATION) in found and ("G7", ORGANIZATION) in found
    assert "Italian G7" not in [name for name, _ in found]


def test_a_body_s_name_goes_on_through_what_it_is_for_but_not_through_a_date():
    found = [m[0] for m in mentions(
        "It quoted Joint Council for the Welfare of Immigrants campaigner Caitlin Boswell. The Council on Monday "
        "said no.")]
    assert "Joint Council for the Welfare of Immigrants" in found and "Council" in found



def test_a_portfolio_beside_a_minister_s_title_is_no_body():
    found = [m[0] for m in mentions(
        "Russian Defence Minister Sergei Shoigu said the incident was a crime. Minister of Education Stefania "
        "Giannini said a reflection is needed. The Kremlin spokesman said no.")]
    assert not {"Defence", "Russian Defence", "Education"} & set(found)
    assert {"Sergei Shoigu", "Stefania Giannini", "Kremlin"} <= set(found)


def test_a_facility_noun_in_lower_case_makes_the_name_before_it_a_place():
    text = "Esper paid a visit to the city’s Hoa Lo prison, dubbed the “Hanoi Hilton” by American servicemen."
    assert ("Hoa Lo prison", PLACE, False) in mentions(text)


def test_a_body_s_city_alias_after_a_preposition_of_place_is_the_city():
    found = mentions("Sondland is the U.S. envoy in Brussels. Brussels said the talks had failed.")
    assert ("Brussels", PLACE, False) in found and ("Brussels", ORGANIZATION, True) in found


def test_a_city_the_gazetteer_knows_is_a_place_after_in_from_or_at_whatever_the_model_s_label():
    found = mentions("The team had to travel about 500 miles from Herat, their home, to the capital in Kabul.")
    assert ("Herat", PLACE, False) in found


def test_a_group_s_name_is_a_place_only_by_a_place_noun_after_it():
    found = mentions("Ahmad Tutenji, a merchant in the upscale New Aleppo neighborhood, expressed surprise. "
                     "President Donald Trump's policies regarding Muslims traveling to the U.S. angered many.")
    assert ("New Aleppo", PLACE, False) in found and "Muslims" not in [m[0] for m in found]


def test_a_public_body_written_in_lower_case_after_its_place_is_an_organisation():
    found = mentions("China's commerce ministry said removing tariffs is important. Hong Kong police laid siege to "
                     "a university. The U.S. will provide Vietnam’s coast guard with a ship.")
    assert {("China's commerce ministry", ORGANIZATION, True), ("Hong Kong police", ORGANIZATION, True),
            ("Vietnam’s coast guard", ORGANIZATION, True)} <= set(found)
    assert ("China", COUNTRY, True) in found  # the country keeps its own mention


def test_an_outlet_a_description_before_a_name_or_a_building_is_no_body_by_noun():
    found = [m[0] for m in mentions(
        "According to Yonhap, quoting North Korea's main news agency Korean Central News Agency, troops are "
        "ready. Missiles hit the Iranian consulate in Damascus.")]
    assert "North Korea's main news agency" not in found and "Iranian consulate" not in found



def test_a_party_s_adjective_is_the_party_only_where_the_article_names_its_country():
    found = analysed("The Republican president pressed Ukraine to act and avoided Democratic criticism before the "
                     "U.S. election.").mentions
    assert [(m.text, m.organization) for m in found if m.category == ORGANIZATION] == [
        ("Republican", "Republican Party"), ("Democratic", "Democratic Party")]
    assert not [m for m in analysed("Democratic candidates lost seats in Hong Kong's council.").mentions
                if m.organization == "Democratic Party"]


def test_a_verb_of_saying_a_title_case_line_runs_into_a_name_is_not_part_of_it():
    found = mentions("Obama Says African-American Museum Will Tell of 'Suffering and Delight.'\n\n"
                     "President Obama said the museum would tell an American story.")
    assert ("Obama Says", PERSON, True) not in found and ("Obama", PERSON, True) in found


def test_a_name_set_off_by_a_clause_with_who_is_a_person_everywhere_even_when_it_is_a_city_s():
    found = mentions("Paris recently moved here from Ohio.\n\n"
                     "“We are getting the house ready,” Paris, who used to work on Capitol Hill, said.")
    assert [category for text, category, _ in found if text == "Paris"] == [PERSON, PERSON]


def test_countries_in_a_list_before_who_stay_countries():
    found = mentions("Refugees from Afghanistan, Eritrea and Yemen who applied before June were called.")
    assert all(category != PERSON for _, category, _ in found)


@pytest.mark.parametrize(("text", "name"), [
    ("The Palestinian Red Crescent said 12 people were killed in the strike.", "Palestinian Red Crescent"),
    ("A letter from the American Legion warns that it will go to court.", "American Legion"),
])
def test_a_demonym_opens_the_name_of_a_body_the_model_left_untagged(text, name):
    assert (name, ORGANIZATION, True) in mentions(text)


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin said no.",  # a title, not a name
    "The team won at the Daughters of the American Revolution Constitution Hall.",  # inside a longer name
    "The Australian National Iodine Nutrition Study was published.",
])
def test_a_demonym_before_a_title_or_inside_a_longer_name_opens_no_body(text):
    assert all(category != ORGANIZATION or name.split()[0] not in ("Russian", "American", "Australian")
               for name, category, _ in mentions(text))


@pytest.mark.parametrize(("text", "country"), [
    ("Zhovkva said the president would not attend the summit in Lithuania's capital, Vilnius.", "Lithuania"),
    ("The house is in Braunau am Inn, a town on the border with Germany, officials said.", "Germany"),
    ("A sensitive document was found wet on an Ottawa street by someone who gave it to the CBC.", "Ottawa"),
    ("Gunmen opened fire on a Kabul road crowded with shoppers on Friday, the police said.", "Kabul"),
])
def test_a_country_that_says_where_an_area_is_does_not_act(text, country):
    assert (country, COUNTRY, False) in mentions(text)


def test_a_country_before_a_noun_that_is_no_area_still_acts():
    assert ("Washington", COUNTRY, True) in mentions("Washington policy on Syria changed after the rebel offensive.")


def test_a_country_that_owns_a_business_says_where_it_is_and_does_not_act():
    found = mentions("Stocks fell in Tokyo, while Japan’s Nikkei futures lost 0.66%. Boeing drew bids from "
                     "Kazakhstan's Air Astana. China's commerce ministry said tariffs must go.")
    assert ("Japan", COUNTRY, False) in found and ("Kazakhstan", COUNTRY, False) in found
    assert ("China", COUNTRY, True) in found  # a ministry is the state: its country acts
    assert ("Japan", COUNTRY, True) in mentions("Japan's central bank said it would buy more funds.")


def test_a_country_named_as_a_person_s_brief_is_neither_actor_nor_place():
    assert mentions("Sondland led on Ukraine, said former White House Russia adviser Fiona Hill.") == [
        ("Ukraine", COUNTRY, True), ("White House", COUNTRY, True), ("Fiona Hill", PERSON, True)]
    # an envoy's country is as often the one the envoy speaks for
    assert ("U.S", COUNTRY, True) in mentions("U.S. envoy Zalmay Khalilzad met Taliban leaders in Doha.")


def test_the_acronym_a_place_defines_is_the_place_again_and_no_actor():
    found = mentions("NASA celebrated the launch at the Kennedy Space Center (KSC) in Cape Canaveral. "
                     "The ceremony at KSC drew crowds.")
    assert [text for text, _, _ in found] == ["NASA", "Kennedy Space Center", "Cape Canaveral"]


def test_an_acronym_that_is_a_common_noun_or_a_time_zone_names_no_actor():
    found = mentions("A super PAC backing Cruz spent millions, the FEC said. As of 15:11 GMT the site was back.")
    assert [text for text, _, _ in found] == ["Cruz", "FEC"]


def test_an_acronym_the_article_uses_as_a_common_noun_names_no_actor():
    # SPAC and BEV are in no word list: "its planned SPAC" and the plural "BEVs" show they are things
    found = mentions("WeWork shelved its planned SPAC after the SEC opened an inquiry. The SPAC was due in March.")
    assert [text for text, _, _ in found] == ["SEC"]
    found = mentions("Tesla sold more BEVs than ever, the company said. The BEV market grew as Ford cut prices.")
    assert [text for text, _, _ in found] == ["Tesla", "Ford"]
    # a body's acronym qualifying the noun after it is still the body
    found = mentions("An FBI spokesman said the FBI would comment later, as a NASA planetary scientist did.")
    assert [text for text, _, _ in found] == ["FBI", "FBI", "NASA"]
    # a body the article names with "the" more often than the parse misreads it, and a country, stay
    found = mentions("The SVP won the vote in 2003. In 2009 the SVP launched a campaign, and voters backed a "
                     "controversial SVP led initiative.")
    assert [text for text, _, _ in found] == ["SVP", "SVP", "SVP"]
    found = mentions("HP was embarrassed. HP hosted the vote after a desperate HP asked for help.")
    assert [text for text, _, _ in found] == ["HP", "HP", "HP"]
    assert ("UK", COUNTRY, False) in mentions("Barratt, the UKs biggest housebuilder, said jet fuel used in the UK "
                                             "would be replaced.")


def test_a_formal_country_name_the_model_cut_in_two_is_the_country():
    found = analysed("The Republic of Colombia signed the deal with the Kingdom of Saudi Arabia on Monday.").mentions
    assert [(m.text, m.category, m.country) for m in found] == [
        ("Republic of Colombia", COUNTRY, "Colombia"), ("Kingdom of Saudi Arabia", COUNTRY, "Saudi Arabia")]


def test_a_body_name_cut_short_before_the_acronym_it_defines_runs_to_the_parenthesis():
    text = ("The United Nations High Commissioner for Refugees (UNHCR) said 200 people were missing. "
            "UNHCR officials said boats were still at sea.")
    assert mentions(text) == [("United Nations High Commissioner for Refugees", ORGANIZATION, True),
                              ("UNHCR", ORGANIZATION, True), ("UNHCR", ORGANIZATION, True)]


def test_a_hyphenated_word_the_article_also_writes_in_lower_case_is_no_name():
    text = "Eddie Chu won. The Pan-democrat camp said it would regroup after the pan-democrats lost seats."
    assert [name for name, _, _ in mentions(text)] == ["Eddie Chu"]


def test_a_person_s_possessive_the_model_ran_over_a_date_leaves_neither_an_organisation_nor_a_date():
    text = ("Lawmakers will ask about Trump’s July 25 call with Ukraine President Volodymyr Zelenskiy. "
            "President Donald Trump denied any pressure.")
    assert [m.text for m in analysed(text).mentions if m.category == ORGANIZATION] == []


@pytest.mark.parametrize("text", [
    "Officials tell BBC News every claim will be assessed.",
    "On Wednesday, the minister told GB News the numbers were overwhelming.",
    "According to ABC News, the men may have left the boat on purpose.",
    "The director, in remarks to al-Ikhbariya television, said all the wounded were in hospital.",
    "The Guardian reported that the plan had been rejected.",
])
def test_an_outlet_named_only_as_the_source_of_a_report_is_no_mention(text):
    assert [name for name, category, _ in mentions(text) if category == ORGANIZATION] == []


@pytest.mark.parametrize("text, outlet", [
    ("The Straits Times noted that the messages had grown into a movement.", "Straits Times"),
    ("Khaled Al-Maeena, editor at large at the Saudi Gazette, said it could have been worse.", "Saudi Gazette"),
    ("The Burlington Free Press wrote: “He held off supporting either of them.”", "Burlington Free Press"),
])
def test_an_outlet_that_comments_employs_or_is_quoted_stays_an_organisation(text, outlet):
    assert (outlet, ORGANIZATION) in [(name, category) for name, category, _ in mentions(text)]


@pytest.mark.parametrize("text, person", [
    ("Undersecretary for Education Mr. Toccafondi says many schools will raise their fees.", "Mr. Toccafondi"),
    ("Emeritus Professor John Burrows, the chairman of the panel, said the flag had never changed.", "John Burrows"),
])
def test_the_words_of_a_title_before_a_name_are_no_organisation(text, person):
    assert [(name, category) for name, category, _ in mentions(text)] == [(person, PERSON)]


@pytest.mark.parametrize("text, body, acronym", [
    ("Requests came from the deputies of Movimento 5 Stelle (M5S) of the regional council.", "Movimento 5 Stelle",
     "M5S"),
    ("The Union of Rationalist Atheists and Agnostics (UAAR) has launched a petition which now has more than "
     "11,000 signatures, asking the government to respect and execute the sentence of the Supreme Court.",
     "Union of Rationalist Atheists and Agnostics", "UAAR"),
])
def test_a_name_spelt_by_its_acronym_with_a_number_or_translated_runs_to_the_parenthesis(text, body, acronym):
    text = "The secularist magazine MicroMega describe the judgement as historic.\n\n" + text
    named = [(name, category) for name, category, _ in mentions(text) if name not in ("MicroMega", "Supreme Court")]
    assert named == [(body, ORGANIZATION), (acronym, ORGANIZATION)]


def test_a_facility_the_model_missed_is_a_place_by_its_last_word():
    text = ("Last week, at least 76 people were killed when the Al-Ghaza Hotel near the Masjid Al-Haram "
            "(Grand Mosque) collapsed.")
    assert [name for name, category, _ in mentions(text) if category == PLACE] == [
        "Al-Ghaza Hotel", "Masjid Al-Haram", "Grand Mosque"]


def test_a_name_opening_a_facility_s_is_part_of_it():
    text = "The orbiter will go to the Udvar-Hazy Center at Washington Dulles International Airport next year."
    assert "Washington Dulles International Airport" in [name for name, category, _ in mentions(text)
                                                       if category == PLACE]
    assert "Washington" not in [name for name, _, _ in mentions(text)]


def test_a_facility_word_opening_a_sentence_names_nothing():
    assert mentions("Hotel prices rose in the city last week.") == []


@pytest.mark.parametrize("text, word", [
    ("Specs include a 34-inch curved panel and a 120Hz refresh rate.", "Specs"),  # NNS
    ("Pros out there who are well-versed in the video space will agree.", "Pros"),  # NNS
    ("The Steelers spent Monday trying to distance themselves from Thursday.", "Steelers"),  # NNPS: a team
    ("I urge all Delhiites to use them whenever needed.", "Delhiites"),  # NNPS: a people
])
def test_a_one_word_person_the_tagger_reads_as_a_common_word_is_no_mention(text, word):
    assert word not in [m.text for m in analysed(text).mentions]


def test_a_surname_the_tagger_reads_as_a_plural_stays_when_a_longer_name_ends_with_it():
    text = "BBC's Emily Maitlis did an excellent job pressing Andrew. Maitlis repeatedly demanded how he could stay."
    assert [m.text for m in analysed(text).mentions if m.category == PERSON] == [
        "Emily Maitlis", "Andrew", "Maitlis"]


def test_a_name_hyphened_into_a_modifier_mentions_no_one_but_a_given_name_s_syllables_stay():
    text = ("The Oscar-winning actress Mary Steenburgen praised a Koch-backed group. "
            "Kim Jong-un met Ban Ki-moon in Seoul.")
    assert [m.text for m in analysed(text).mentions if m.category == PERSON] == [
        "Mary Steenburgen", "Kim Jong-un", "Ban Ki-moon"]


def test_the_modal_opening_a_question_is_no_first_name():
    text = "Warren was under attack last month. Will Warren continue to face the heat? Will Smith starred in it."
    assert [m.text for m in analysed(text).mentions if m.category == PERSON] == ["Warren", "Warren", "Will Smith"]


def test_a_cross_head_in_capitals_names_only_what_the_body_names():
    text = "The debate will be carried on MSNBC.\n\nWHO IS THE FRONT-RUNNER?\n\nTurbulent polling has Warren ahead."
    assert [m.text for m in analysed(text).mentions] == ["MSNBC", "Warren"]


def test_a_cross_head_in_capitals_names_a_country_but_no_bare_acronym():
    text = "5. ELEVEN POLICE KILLED, DOZENS WOUNDED IN TURKEY CAR BOMB ATTACK.\n\nA car bomb killed eleven officers."
    assert [(m.text, m.country) for m in analysed(text).mentions] == [("TURKEY", "Turkey")]


def test_an_organisation_s_name_cleaned_of_its_final_period_is_still_the_lexicon_s():
    found = analysed("The U.N. said so on Monday, and the E.U. agreed.").mentions
    assert [(m.text, m.organization) for m in found] == [("U.N", "United Nations"), ("E.U", "European Union")]
