"""The review queue (`briefgen check --review`): what an editor should look at in a briefing that builds, each
item with the lines to paste into its brief.yml to confirm or correct it.

It reads the curated briefing, so whatever the editors have settled (a speaker set, the country given, an
actor's kind set) leaves the queue: pasting the suggested lines unchanged confirms the item.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .curate import normalize_for_match
from .model import Brief, Quote

# A `match` shorter than this picks the right quote today but may pick two after the next article is added.
MIN_MATCH_WORDS = 5


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One thing to look at: what and why in one line, and the YAML to paste under `section` (a top-level key
    of brief.yml; None when the lines are themselves top-level)."""

    what: str
    section: str | None
    lines: tuple[str, ...]


def review(brief: Brief) -> list[ReviewItem]:
    """The briefing's review items, in page order: quotes, then the country, then the key actors."""
    return [*_quote_items(brief), *_country_items(brief), *_actor_items(brief)]


def _quote_items(brief: Brief) -> list[ReviewItem]:
    quotes = brief.extraction.quotes
    items = []
    for quote in quotes:
        if quote.edited:
            continue
        if quote.speaker is None:
            what = f"unattributed quote{_where(quote)}: “{_shortened(quote.text)}”"
            speaker = '""  # confirms it; or the name of the actor who said it'
        elif (reason := quote.inference_reason()) is not None:
            what = f"quote given to {quote.speaker} because {reason}{_where(quote)}: “{_shortened(quote.text)}”"
            speaker = f"{_yaml(quote.speaker)}  # confirms it; or the name of the actor who said it"
        else:
            continue
        match, occurrence = unique_match(quotes, quote)
        lines = [f"- match: {_yaml(match)}", *([f"  occurrence: {occurrence}"] if occurrence else []),
                 f"  speaker: {speaker}"]
        items.append(ReviewItem(what, "quotes", tuple(lines)))
    return items


def _country_items(brief: Brief) -> list[ReviewItem]:
    data = brief.extraction
    if not data.country_inferred or not data.country:
        return []
    return [ReviewItem(f"country inferred from the text: {data.country} (it decides which reactions are "
                       "international)", None, (f"country: {_yaml(data.country)}  # confirms it; or the right one",))]


def _actor_items(brief: Brief) -> list[ReviewItem]:
    """Key actors only: their kind shows in the page's first table and decides their page; a guess about an
    actor mentioned once in passing costs the reader little."""
    items = []
    for actor in brief.extraction.actors:
        if actor.key and actor.kind_guessed:
            items.append(ReviewItem(
                f"key actor typed by a guess: {actor.name} as {actor.kind} (no title, role or known name "
                "confirms it)", "actors",
                (f"{_yaml(actor.name)}: {{kind: {actor.kind}}}  # confirms it; or person, organization, country; "
                 "or {hide: true}",)))
    return items


def unique_match(quotes: list[Quote], quote: Quote) -> tuple[str, int | None]:
    """The shortest opening of the quote (at least MIN_MATCH_WORDS words) that no other quote contains, as a
    `match:` picks it; else its whole text, with the occurrence when other quotes have the same text."""
    words = quote.text.split()
    others = [normalize_for_match(other.text) for other in quotes if other is not quote]
    for count in range(min(MIN_MATCH_WORDS, len(words)), len(words) + 1):
        piece = " ".join(words[:count])
        if not any(normalize_for_match(piece) in other for other in others):
            return piece, None
    whole = normalize_for_match(quote.text)
    same = [other for other in quotes if normalize_for_match(other.text) == whole]
    if len(same) == 1:
        return quote.text, None
    containing = [other for other in quotes if whole in normalize_for_match(other.text)]
    return quote.text, next(number for number, other in enumerate(containing, 1) if other is quote)


def _where(quote: Quote) -> str:
    evidence = quote.evidence
    return f" ({evidence.source_file}, paragraph {evidence.paragraph + 1})" if evidence else ""


SHOWN_WORDS = 12  # enough of a quote to recognise it in the article


def _shortened(text: str) -> str:
    words = text.split()
    return " ".join(words) if len(words) <= SHOWN_WORDS else " ".join(words[:SHOWN_WORDS]) + " …"


def _yaml(text: str) -> str:
    """A YAML scalar that reads back as `text` whatever it holds (a JSON string is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)
