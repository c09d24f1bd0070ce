"""Places: named places that are not acting as governments (cities, provinces, regions, neighbourhoods)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Place
from .analysis import Analysis
from .mentions import COUNTRY, PLACE, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


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
            counts[_listed_name(mention, analysis.parsed.doc)] += 1
    return [Place(name, count) for name, count in counts.items()]


def _listed_name(mention: Mention, doc: Doc) -> str:
    """A country named as a place is listed by its name, as its actor is: "in the U.S." and "across the US"
    are one place, the United States. A capital stays itself: Damascus is a city, not Syria. A US state written
    short after a town and a comma is listed by its name too: "Fresno, Calif." and "Bristow, VA"."""
    if mention.category == COUNTRY and mention.form == "name" and mention.country:
        return mention.country
    state = lexicon.us_states_written_short().get(mention.text.rstrip("."))
    after_comma = mention.token_start > 0 and doc[mention.token_start - 1].text == ","
    return state if state is not None and after_comma else mention.text
