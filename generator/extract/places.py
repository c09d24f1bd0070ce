"""Places: named places that are not acting as governments (cities, provinces, regions, neighbourhoods)."""

from __future__ import annotations

from collections import defaultdict

from ..model import Place
from .analysis import Analysis
from .mentions import COUNTRY, PLACE, Mention


def extract_places(analysis: Analysis) -> list[Place]:
    """Named places that are not acting as governments, in order of first mention.

    A capital that also acts as its government ("Damascus has depended on ...") is listed here too when the
    text also uses it as a location. A demonym names no place: in "the Syrian capital" the place is the capital."""
    mentions = analysis.mentions
    counts: dict[str, int] = defaultdict(int)
    acting_countries = {m.country for m in mentions if m.category == COUNTRY and m.acting}
    for mention in mentions:
        if mention.category == PLACE or (
            mention.category == COUNTRY and not mention.acting and mention.form != "demonym"
            and (mention.form == "capital" or mention.country not in acting_countries)
        ):
            counts[_listed_name(mention)] += 1
    return [Place(name, count) for name, count in counts.items()]


def _listed_name(mention: Mention) -> str:
    """A country named as a place is listed by its name, as its actor is: "in the U.S." and "across the US"
    are one place, the United States. A capital stays itself: Damascus is a city, not Syria."""
    return mention.country if mention.category == COUNTRY and mention.form == "name" and mention.country \
        else mention.text
