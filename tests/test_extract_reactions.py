"""International reactions: the text, the events' country, and the reacting bodies expected."""

from generator.extract import extract_analysed
from generator.extract.actors import extract_actors
from generator.extract.places import extract_places
from generator.extract.reactions import infer_country
from tests.helpers import analysed

TEXT = """\
Syrian rebels took Aleppo on Friday and Syria's army retreated to Hama.

Syria's government vowed to retake the city as Syrian troops regrouped near Hama.

Iran's Foreign Minister Abbas Araghchi said Tehran would “strongly support the Syrian government and army.”

Yesterday, the US and its allies France and Germany called for de-escalation in Syria.
"""


def test_events_country_is_inferred_from_the_most_mentioned_country():
    article = analysed(TEXT)
    assert infer_country(extract_actors(article), extract_places(article)) == "Syria"


def test_foreign_countries_and_officials_react_and_joint_statements_give_one_each():
    data = extract_analysed(analysed(TEXT))
    reactors = {r.actor for r in data.reactions}
    assert reactors == {"Iran", "United States", "France", "Germany"}
    iran = next(r for r in data.reactions if r.actor == "Iran")
    assert iran.quotes == ("strongly support the Syrian government and army.",)


def test_given_country_overrides_inference():
    data = extract_analysed(analysed(TEXT), country="Iran")
    assert data.country == "Iran" and not data.country_inferred
    assert "Iran" not in {r.actor for r in data.reactions}
    assert "Syria" in {r.actor for r in data.reactions}


def reactors(text: str, country: str | None = None) -> set[str]:
    return {r.actor for r in extract_analysed(analysed(text), country=country).reactions}


def test_parties_to_the_focal_event_in_the_lead_are_not_reactions():
    text = """\
    The Group of Seven met Sunday and condemned Iran's overnight attack on Israel.

    Israel said Sunday that Iran launched 320 warheads against it.

    The Sunday G7 session was called by Italy, which holds the rotating presidency.
    """
    assert reactors(text) == {"Group of Seven", "Italy"}


def test_talks_between_two_parties_have_no_reactions():
    text = """\
    Ukraine's Foreign Minister Dmytro Kuleba met Russia's Sergey Lavrov for talks between Ukraine and Russia.

    Russia said it wanted to talk about humanitarian corridors.
    """
    assert reactors(text) == set()


def test_a_background_action_that_is_not_a_reaction_is_left_out():
    text = """\
    The European Union decided Thursday to open accession negotiations with Ukraine and Moldova.

    Georgia applied to join the EU after Russia invaded Ukraine last year.
    """
    assert reactors(text, country="Ukraine") == set()


def test_a_government_body_reacts_for_its_country():
    text = """\
    Rebels seized Aleppo in northern Syria on Friday.

    "The escalation highlights the need for a political solution," stated a document issued by the US State Department.
    """
    assert reactors(text, country="Syria") == {"United States"}


def test_a_state_body_its_country_s_name_opens_reacts_for_the_country():
    text = """\
    Rebels seized Aleppo in northern Syria on Friday.

    The Turkish Foreign Ministry condemned the attack. The Chinese Embassy in London issued a statement.
    """
    assert reactors(text, country="Syria") == {"Turkey"}


def test_a_foreign_expert_s_comment_is_not_their_country_s_reaction_but_a_minister_s_is():
    text = """\
    Cannabis use disorder is rising in US states where the drug is legal, a study found on Wednesday.

    "Although cannabis is less harmful than many other drugs it is not completely benign," Ian Hamilton, an expert in drug use at the U.K.'s University of York, said.

    Canada's Health Minister Patty Hajdu said the findings were "worth watching".
    """  # noqa: E501
    assert reactors(text, country="United States") == {"Canada"}


def test_a_foreign_armed_movement_reacts_in_its_own_name():
    text = """\
    Pagers exploded across Lebanon on Tuesday, killing eight people.

    The Palestinian movement Hamas denounced the explosions as a crime.
    """
    assert reactors(text, country="Lebanon") == {"Hamas"}


def test_an_embassy_reacts_for_its_country_and_a_un_mission_as_an_international_body():
    text = ("Fighting in Juba killed 40 people, South Sudan's army said. The Russian embassy in Juba issued a "
            "statement on Monday. \"We condemn these attacks,\" the embassy added. The UN mission in South Sudan "
            "said it was alarmed.")
    article = analysed(text)
    extraction = extract_analysed(article, "South Sudan")
    assert {r.actor for r in extraction.reactions} == {"Russia", "UN mission"}
    assert "South Sudanese army" in {a.name for a in extraction.actors}


def test_a_country_that_is_only_an_official_s_subject_is_not_the_official_s_country():
    # "Russia adviser" says what Fiona Hill dealt with, not whom she speaks for.
    text = """\
    The impeachment inquiry in Washington heard the U.S. ambassador to the European Union on Wednesday.

    “He was being involved in a domestic political errand,” said former White House Russia adviser Fiona Hill.
    """
    assert "Russia" not in reactors(text, country="United States")


def test_the_agent_of_a_participle_describing_a_noun_is_background_not_a_reaction():
    text = """\
    South Korea unveiled a hydrogen roadmap in Seoul on Wednesday to cut emissions.

    The plan builds on a programme launched by the U.S. government in 2011.
    """
    assert "United States" not in reactors(text, country="South Korea")


def test_the_subject_of_a_clause_of_what_may_happen_does_not_react():
    text = """\
    Oil prices fell sharply on Tuesday in New York on oversupply concerns.

    Traders cited uncertainty over whether the United States and China could agree to end the trade war.
    """
    assert "China" not in reactors(text, country="United States")


def test_a_thing_a_country_owns_does_not_react_but_its_jets_do():
    text = """\
    Oil prices fell sharply on Tuesday in New York on oversupply concerns.

    Separately, Norway's October oil production beat forecasts and sent prices lower.

    Russian jets launched strikes on the city of Idlib, as the Syrian army regrouped.
    """
    found = reactors(text, country="United States")
    assert "Norway" not in found
    assert "Russia" in found


def test_the_subject_of_an_infinitive_is_asked_to_act_and_does_not_react():
    text = """\
    Ambassador Gordon Sondland faces questions in the impeachment inquiry in Washington on Wednesday.

    The diplomats discussed a need for Ukraine to launch investigations.
    """
    assert "Ukraine" not in reactors(text, country="United States")


def test_the_sovereign_of_a_territory_is_a_party_to_its_events_and_another_state_reacts():
    text = """\
    Hong Kong police laid siege to a university on Tuesday, pinning 800 students inside.

    China's ambassador to Britain warned that the central government “will not sit on our hands”.

    The UK has urged an end to the violence.
    """
    assert reactors(text, country="Hong Kong") == {"United Kingdom"}


def test_a_former_official_speaks_for_no_one():
    text = """\
    Hillary Clinton's campaign said on Thursday that it welcomed support from Republicans.

    Former U.N. Ambassador John Bolton denounced the movement on Thursday.

    Ex-NATO official Jan Smit criticised it.
    """
    assert reactors(text, country="United States") == set()
