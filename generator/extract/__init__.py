"""Extraction: pure functions from one parsed article to typed records, one module per field.

`extract_article` is the one path that both the site and `briefgen eval` use: what is measured is what
readers see.
"""

from __future__ import annotations

from ..model import Article, Extraction
from ..nlp import ParsedArticle
from .actors import extract_actors, extract_places, rank_with_speech, with_speakers
from .figures import extract_figures
from .quotes import extract_quotes
from .reactions import extract_reactions, infer_country
from .summary import extract_summary

__all__ = ["extract_article", "prediction_dict"]


def extract_article(parsed: ParsedArticle, country: str | None = None) -> Extraction:
    actors = extract_actors(parsed)
    places = extract_places(parsed)
    quotes = extract_quotes(parsed, actors)
    actors = with_speakers(actors, quotes)
    figures = extract_figures(parsed)
    events_country = country or infer_country(actors, places)
    reactions = extract_reactions(parsed, actors, quotes, events_country)
    actors = rank_with_speech(actors, quotes, {reaction.actor for reaction in reactions})
    summary = extract_summary(parsed, actors, figures, reactions)
    return Extraction(
        actors=actors,
        places=places,
        quotes=quotes,
        figures=figures,
        reactions=reactions,
        summary=summary,
        country=events_country,
        country_inferred=country is None and events_country is not None,
    )


def prediction_dict(article: Article, extraction: Extraction) -> dict:
    """The extraction in the prediction shape of corpus/FORMAT.md, plus the cleaned text and the title."""
    data = extraction.as_dict()
    data["title"] = article.title
    data["published"] = article.published
    data["text"] = article.text
    data["boilerplate_removed"] = list(article.removed_lines)
    return data
