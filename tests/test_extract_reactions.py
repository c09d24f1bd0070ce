"""International reactions: the text, the events' country, and the reacting bodies expected."""

from generator.extract import extract_article
from generator.extract.actors import extract_actors, extract_places
from generator.extract.reactions import infer_country
from tests.helpers import parsed

TEXT = """\
Syrian rebels took Aleppo on Friday and Syria's army retreated to Hama.

Syria's government vowed to retake the city as Syrian troops regrouped near Hama.

Iran's Foreign Minister Abbas Araghchi said Tehran would “strongly support the Syrian government and army.”

Yesterday, the US and its allies France and Germany called for de-escalation in Syria.
"""


def test_events_country_is_inferred_from_the_most_mentioned_country():
    article = parsed(TEXT)
    assert infer_country(extract_actors(article), extract_places(article)) == "Syria"


def test_foreign_countries_and_officials_react_and_joint_statements_give_one_each():
    data = extract_article(parsed(TEXT))
    reactors = {r.actor for r in data.reactions}
    assert reactors == {"Iran", "United States", "France", "Germany"}
    iran = next(r for r in data.reactions if r.actor == "Iran")
    assert iran.quotes == ("strongly support the Syrian government and army.",)


def test_given_country_overrides_inference():
    data = extract_article(parsed(TEXT), country="Iran")
    assert data.country == "Iran" and not data.country_inferred
    assert "Iran" not in {r.actor for r in data.reactions}
    assert "Syria" in {r.actor for r in data.reactions}
