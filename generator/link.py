"""Linking across briefs: actor, country and tag pages, and the home page order.

Made only after every brief is extracted and curated, so that pages spanning many briefs stay consistent.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .model import Actor, Brief, Quote, Reaction


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "item"


@dataclass(slots=True)
class Appearance:
    brief: Brief
    actor: Actor
    quotes: list[Quote]
    reactions: list[Reaction]


@dataclass(slots=True)
class ActorPage:
    name: str
    slug: str
    kinds: Counter[str] = field(default_factory=Counter)
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.kinds.most_common(1)[0][0] if self.kinds else "organization"


@dataclass(slots=True)
class CountryPage:
    name: str
    slug: str
    briefs: list[Brief] = field(default_factory=list)  # briefings whose events happen there
    reactions: list[tuple[Brief, Reaction]] = field(default_factory=list)  # what it said or did elsewhere


@dataclass(slots=True)
class TagPage:
    name: str
    slug: str
    briefs: list[Brief] = field(default_factory=list)


@dataclass(slots=True)
class Site:
    briefs: list[Brief]
    actors: dict[str, ActorPage]
    countries: dict[str, CountryPage]
    tags: dict[str, TagPage]

    def actor_slug(self, name: str | None) -> str | None:
        if not name:
            return None
        slug = slugify(name)
        return slug if slug in self.actors else None

    def country_slug(self, name: str | None) -> str | None:
        if not name:
            return None
        slug = slugify(name)
        return slug if slug in self.countries else None


def newest_first(briefs: list[Brief]) -> list[Brief]:
    return sorted(briefs, key=lambda brief: (brief.date, brief.slug), reverse=True)


def link(briefs: list[Brief]) -> Site:
    ordered = newest_first(briefs)
    actors: dict[str, ActorPage] = {}
    countries: dict[str, CountryPage] = {}
    tags: dict[str, TagPage] = {}
    for brief in ordered:
        data = brief.extraction
        for actor in data.actors:
            page = actors.setdefault(slugify(actor.name), ActorPage(actor.name, slugify(actor.name)))
            page.kinds[actor.kind] += 1
            page.appearances.append(Appearance(
                brief, actor,
                quotes=[q for q in data.quotes if q.speaker == actor.name],
                reactions=[r for r in data.reactions if r.actor == actor.name],
            ))
        if data.country:
            _country(countries, data.country).briefs.append(brief)
        for reaction in data.reactions:
            if reaction.kind == "country":
                _country(countries, reaction.actor).reactions.append((brief, reaction))
        for tag in brief.tags:
            tags.setdefault(slugify(tag), TagPage(tag, slugify(tag))).briefs.append(brief)
    return Site(
        briefs=ordered,
        actors=dict(sorted(actors.items())),
        countries=dict(sorted(countries.items())),
        tags=dict(sorted(tags.items())),
    )


def _country(countries: dict[str, CountryPage], name: str) -> CountryPage:
    return countries.setdefault(slugify(name), CountryPage(name, slugify(name)))
