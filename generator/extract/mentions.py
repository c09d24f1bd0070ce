"""Named mentions: every entity of the parse, cleaned and classified once, for actors, places and reactions.

A mention is a person, an organisation, a country (by name, demonym or capital) or a place. Whether a country
or a capital acts (as a government) or is only a location is decided here from its syntactic role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import lexicon
from ..nlp import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Span

# Prepositions after which a country or city is where something happens, not who acts.
LOCATIVE_PREPOSITIONS = frozenset((
    "in", "into", "inside", "within", "across", "throughout", "near", "from", "to", "at", "around", "toward",
    "towards", "onto", "over", "through", "via", "outside", "beyond", "along", "off", "out",
))
HONORIFICS = frozenset(("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Prof."))
_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
PERSON, ORGANIZATION, COUNTRY, PLACE = "person", "organization", "country", "place"


@dataclass(frozen=True, slots=True)
class Mention:
    text: str  # as written, without a leading article or a possessive ending
    category: str  # person, organization, country or place
    start: int  # character offsets in the article text
    end: int
    token_start: int
    token_end: int
    acting: bool  # subject, possessor or demonym: acts rather than locates
    country: str | None = None  # for country-like mentions: the country, by its lexicon name
    form: str | None = None  # for countries: name, demonym or capital
    organization: str | None = None  # canonical name when the organisation is in the lexicon
    headline: bool = False


def clean_name(text: str) -> str:
    text = _LEADING_ARTICLE.sub("", text.strip())
    text = _POSSESSIVE.sub("", text) if re.search(r"[’']s$|s[’']$", text) else text
    return text.strip(" -–—,.;:\"“”‘’'()")


def find_mentions(parsed: ParsedArticle) -> list[Mention]:
    """Every named mention of the article, in text order. Headline entities count only when the body names
    them too: the small model tags title-case headlines badly."""
    countries = lexicon.country_by_surface()
    organizations = lexicon.organization_by_surface()
    agencies = lexicon.news_agencies()
    mentions = []
    for ent in parsed.doc.ents:
        mention = _classify(ent, parsed, countries, organizations, agencies)
        if mention is not None:
            mentions.append(mention)
    body_names = {m.text.casefold() for m in mentions if not m.headline}
    return [m for m in mentions if not m.headline or m.text.casefold() in body_names]


def _classify(ent: Span, parsed: ParsedArticle, countries, organizations, agencies) -> Mention | None:
    label = ent.label_
    if label not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
        return None
    text = clean_name(ent.text)
    if len(text) < 2 or not any(ch.isupper() for ch in text):
        return None
    folded = text.casefold()
    headline = parsed.in_headline(ent.start_char)
    common = dict(start=ent.start_char, end=ent.start_char + len(ent.text), token_start=ent.start,
                  token_end=ent.end, headline=headline)
    if folded in agencies:
        return None
    if folded in countries:
        country, form = countries[folded]
        acting = form == "demonym" or _acts(ent)
        return Mention(text, COUNTRY, acting=acting, country=country.name, form=form, **common)
    if folded in organizations:
        return Mention(text, ORGANIZATION, acting=True, organization=organizations[folded].name, **common)
    if label == "PERSON":
        before = ent.doc[ent.start - 1] if ent.start else None
        if before is not None and before.text in HONORIFICS:
            text = f"{before.text} {text}"
        return Mention(text, PERSON, acting=True, **common)
    if label == "ORG":
        return Mention(text, ORGANIZATION, acting=True, **common)
    if label in ("GPE", "LOC", "FAC"):
        return Mention(text, PLACE, acting=False, **common)
    return None


def _acts(ent: Span) -> bool:
    """A country or capital acts unless it is the object of a locative preposition ("in Syria", "to
    Damascus"), directly or as a conjunct of one."""
    token = ent.root
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return not (token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS)
