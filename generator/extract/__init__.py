"""Extraction: pure functions from one analysed article to typed records, one module per field.

The parse is analysed once (`analysis.py`: mentions, quoted spans, the lead); each extractor (`actors`,
`places`, `quotes`, `figures`, `reactions`, `summary`, `bottom_line`) reads that analysis and the records
extracted before it, never a sibling extractor's code. `extract_article` is the one path that both the site
and `briefgen eval` use: what is measured is what readers see.
"""

from __future__ import annotations

from ..model import Article, Extraction, Unread
from ..nlp import ParsedArticle
from .actors import extract_actors, rank_with_speech, with_speakers
from .analysis import Analysis, analyse
from .bottom_line import extract_bottom_line
from .figures import extract_figures
from .language import ENGLISH
from .places import extract_places
from .quotes import extract_quotes
from .reactions import extract_reactions, infer_country
from .resolve import ActorResolver
from .summary import extract_summary

__all__ = ["analyse", "extract_analysed", "extract_article", "prediction_dict"]


def extract_article(parsed: ParsedArticle, country: str | None = None) -> Extraction:
    return extract_analysed(analyse(parsed), country)


def extract_analysed(analysis: Analysis, country: str | None = None) -> Extraction:
    if analysis.language != ENGLISH:
        return _unread(analysis, country)
    actors = extract_actors(analysis)
    places = extract_places(analysis)
    quotes = extract_quotes(analysis, actors)
    actors = with_speakers(actors, quotes)
    figures = extract_figures(analysis)
    events_country = country or infer_country(actors, places)
    reactions = extract_reactions(analysis, actors, quotes, events_country)
    actors = rank_with_speech(actors, quotes, {reaction.actor for reaction in reactions})
    # Who "he", "she" or a bare surname stands for, among the final actors: the summary and the bottom line
    # name them in brackets.
    referents = ActorResolver(actors, analysis.doc, analysis.parsed.paragraph_of, quoted=analysis.quoted)
    summary = extract_summary(analysis, actors, figures, reactions, quotes, referents)
    return Extraction(
        actors=actors,
        places=places,
        quotes=quotes,
        figures=figures,
        reactions=reactions,
        summary=summary,
        bottom_line=extract_bottom_line(analysis, quotes, referents),
        country=events_country,
        country_inferred=country is None and events_country is not None,
    )


def _unread(analysis: Analysis, country: str | None) -> Extraction:
    """An article the English model cannot read: nothing is extracted, not even the summary, whose sentence
    filters read the English parse (on a German text they kept clause fragments); the page says why."""
    return Extraction(country=country, unread=(Unread(analysis.article.source_file, analysis.language),))


def prediction_dict(article: Article, extraction: Extraction) -> dict:
    """The extraction in the prediction shape of corpus/FORMAT.md, plus the cleaned text and the title."""
    data = extraction.as_dict()
    data["title"] = article.title
    data["published"] = article.published
    data["text"] = article.text
    data["boilerplate_removed"] = list(article.removed_lines)
    return data
