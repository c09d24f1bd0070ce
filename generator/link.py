"""Linking across briefs: actor, country and tag pages, the home page order and the archive by month.

Made only after every brief is extracted and curated, so that pages spanning many briefs stay consistent.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from . import lexicon
from .model import Actor, Brief, Quote, Reaction


def slugify(text: str) -> str:
    """A readable file name: the ASCII letters and digits of the name ("Türkiye" -> "turkiye"), else its own
    letters for a name without Latin ones ("Россия" -> "россия", "日本" -> "日本")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        slug = "-".join(re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).casefold())).strip("_-")
    return slug or "item"


def unique_slugs(names: list[str]) -> dict[str, str]:
    """A slug for each name, never shared by two names: names that differ only in case share one page ("Syria",
    "syria"); other names whose slugs collide ("C++" and "C") each get a short digest of the name after it,
    except the first in alphabetical order, so the result does not depend on the order briefs are read in."""
    by_folded: dict[str, list[str]] = {}
    for name in names:
        by_folded.setdefault(name.casefold(), []).append(name)
    by_slug: dict[str, list[str]] = {}
    for folded in sorted(by_folded):
        by_slug.setdefault(slugify(folded), []).append(folded)
    slugs: dict[str, str] = {}
    for slug, group in by_slug.items():
        for number, folded in enumerate(group):
            unique = slug if number == 0 else f"{slug}-{hashlib.sha1(folded.encode()).hexdigest()[:6]}"
            slugs.update((name, unique) for name in by_folded[folded])
    return slugs


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
    def positions(self) -> list[tuple[Brief, Reaction]]:
        """What the actor said or did in each briefing (its reactions), newest first."""
        return [(appearance.brief, reaction) for appearance in self.appearances for reaction in appearance.reactions]

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


# The home page lists this many newest briefings, then the months of the archive: a week or two of a busy desk,
# and the page stays a few kilobytes however many years the archive holds (5,000 briefings listed on one page
# were 1.6 MB of HTML).
HOME_BRIEFINGS = 50
# Related briefings under each briefing: five fit under the page without scrolling past the sources.
RELATED_COUNT = 5
# A name held by more than this share of the briefings relates nothing ("United States", "Russia": on 150 news
# briefings of the gold folders, "shares Russia, Ukraine" tied a flood to a ceasefire talk) ...
RELATED_COMMON_SHARE = 0.02
# ... nor does one held by more than this many, however large the archive is not.
RELATED_MIN_COMMON = 5
# One shared name can be chance (two stories both mention Damascus); two rarely are.
RELATED_MIN_SHARED = 2


@dataclass(slots=True)
class StoryPage:
    name: str
    slug: str
    briefs: list[Brief] = field(default_factory=list)  # newest first


@dataclass(frozen=True, slots=True)
class Related:
    """A briefing listed under another as related, and why: the same story, or the names they share."""

    brief: Brief
    same_story: bool
    shared: tuple[str, ...] = ()


@dataclass(slots=True)
class Site:
    briefs: list[Brief]
    actors: dict[str, ActorPage]
    countries: dict[str, CountryPage]
    tags: dict[str, TagPage]
    months: dict[str, list[Brief]] = field(default_factory=dict)  # "2024-11": its briefings, newest first
    stories: dict[str, StoryPage] = field(default_factory=dict)
    related: dict[str, list[Related]] = field(default_factory=dict)  # by briefing slug
    actor_slugs: dict[str, str] = field(default_factory=dict)  # by actor name: the one page of that name
    country_slugs: dict[str, str] = field(default_factory=dict)
    tag_slugs: dict[str, str] = field(default_factory=dict)
    story_slugs: dict[str, str] = field(default_factory=dict)  # by story name
    # a country renamed by the editors ("Turkey" -> "Türkiye"): the country it still is, by its shown name
    country_identities: dict[str, str] = field(default_factory=dict)

    def country_identity(self, name: str) -> str:
        """The gazetteer's name for a country shown under another name, else the name itself."""
        return self.country_identities.get(name, name)

    @property
    def newest(self) -> list[Brief]:
        """The briefings the home page lists."""
        return self.briefs[:HOME_BRIEFINGS]

    def actor_slug(self, name: str | None) -> str | None:
        return self.actor_slugs.get(name) if name else None

    def country_slug(self, name: str | None) -> str | None:
        return self.country_slugs.get(name) if name else None

    def tag_slug(self, name: str) -> str:
        return self.tag_slugs[name]

    def story_slug(self, name: str | None) -> str | None:
        return self.story_slugs.get(name) if name else None


def newest_first(briefs: list[Brief]) -> list[Brief]:
    return sorted(briefs, key=lambda brief: (brief.date, brief.slug), reverse=True)


def link(briefs: list[Brief]) -> Site:
    ordered = newest_first(briefs)
    story_slugs = unique_slugs([brief.story for brief in ordered if brief.story])
    stories = _stories(ordered, story_slugs)
    actor_slugs = unique_slugs([a.name for b in ordered for a in b.extraction.actors])
    country_slugs = unique_slugs([name for b in ordered for name in _countries_of(b)])
    tag_slugs = unique_slugs([tag for b in ordered for tag in b.tags])
    actors: dict[str, ActorPage] = {}
    countries: dict[str, CountryPage] = {}
    tags: dict[str, TagPage] = {}
    for brief in ordered:
        data = brief.extraction
        for actor in data.actors:
            slug = actor_slugs[actor.name]
            page = actors.setdefault(slug, ActorPage(actor.name, slug))
            page.kinds[actor.kind] += 1
            page.appearances.append(Appearance(
                brief, actor,
                quotes=[q for q in data.quotes if q.speaker == actor.name],
                reactions=[r for r in data.reactions if r.actor == actor.name],
            ))
        if data.country:
            _country(countries, data.country, country_slugs).briefs.append(brief)
        for reaction in data.reactions:
            if reaction.kind == "country":
                _country(countries, reaction.actor, country_slugs).reactions.append((brief, reaction))
        for tag in brief.tags:
            tags.setdefault(tag_slugs[tag], TagPage(tag, tag_slugs[tag])).briefs.append(brief)
    return Site(
        briefs=ordered,
        actors=dict(sorted(actors.items())),
        countries=dict(sorted(countries.items())),
        tags=dict(sorted(tags.items())),
        months=_months(ordered),
        actor_slugs=actor_slugs,
        country_slugs=country_slugs,
        tag_slugs=tag_slugs,
        country_identities=_country_identities(ordered),
        stories=stories,
        story_slugs=story_slugs,
        related=_related(ordered, stories, story_slugs),
    )


def _stories(briefs: list[Brief], slugs: dict[str, str]) -> dict[str, StoryPage]:
    stories: dict[str, StoryPage] = {}
    for brief in briefs:  # newest first, so each story's briefings are too
        if brief.story:
            slug = slugs[brief.story]
            stories.setdefault(slug, StoryPage(brief.story, slug)).briefs.append(brief)
    return dict(sorted(stories.items()))


def _related_names(brief: Brief) -> set[str]:
    """What two briefings about the same events share: their key actors and their places."""
    data = brief.extraction
    return {actor.name for actor in data.actors if actor.key} | {place.name for place in data.places}


def _related(briefs: list[Brief], stories: dict[str, StoryPage],
             story_slugs: dict[str, str]) -> dict[str, list[Related]]:
    """For each briefing (newest first): the other briefings of its story, newest first, then those sharing
    the most distinctive key actors and places, up to RELATED_COUNT. A name weighs the log of the number of
    briefings over the number holding it, so a rare name counts for more; a name held by more than
    RELATED_COMMON_SHARE of the briefings ("United States") is left out, which also keeps the cost close to
    linear in the archive's size; and two briefings must share RELATED_MIN_SHARED names to be related."""
    names = {brief.slug: _related_names(brief) for brief in briefs}
    holding: dict[str, list[Brief]] = {}
    for brief in briefs:
        for name in names[brief.slug]:
            holding.setdefault(name, []).append(brief)
    common = max(RELATED_MIN_COMMON, RELATED_COMMON_SHARE * len(briefs))
    weight = {name: math.log(len(briefs) / len(held)) for name, held in holding.items() if len(held) <= common}
    related: dict[str, list[Related]] = {}
    for brief in briefs:
        members = stories[story_slugs[brief.story]].briefs if brief.story else []
        story = [Related(other, True) for other in members if other is not brief]
        shared: dict[str, list[str]] = {}
        found: dict[str, Brief] = {}
        for name in names[brief.slug] & weight.keys():
            for other in holding[name]:
                if other is not brief and not (brief.story and other.story == brief.story):
                    shared.setdefault(other.slug, []).append(name)
                    found[other.slug] = other
        candidates = [slug for slug, held in shared.items() if len(held) >= RELATED_MIN_SHARED]
        # newest first among equal scores, then by slug: the same input always gives the same list
        candidates.sort(key=lambda slug: slug)
        candidates.sort(key=lambda slug: found[slug].date, reverse=True)
        candidates.sort(key=lambda slug: -round(sum(weight[name] for name in shared[slug]), 9))
        related[brief.slug] = (story + [Related(found[slug], False, tuple(sorted(shared[slug])))
                                         for slug in candidates])[:RELATED_COUNT]
    return related


def _months(briefs: list[Brief]) -> dict[str, list[Brief]]:
    months: dict[str, list[Brief]] = {}
    for brief in briefs:  # newest first, so the months are too
        months.setdefault(brief.date[:7], []).append(brief)
    return months


def _country_identities(briefs: list[Brief]) -> dict[str, str]:
    """Country actors whose name the gazetteer does not know but whose earlier name it does (a rename keeps
    the old name as an alias): the flag and ISO code follow the country, not its spelling."""
    identities: dict[str, str] = {}
    for brief in briefs:
        for actor in brief.extraction.actors:
            if actor.kind != "country" or lexicon.country_named(actor.name) is not None:
                continue
            known = next((alias for alias in actor.aliases if lexicon.country_named(alias) is not None), None)
            if known is not None:
                identities.setdefault(actor.name, known)
    return identities


def _countries_of(brief: Brief) -> list[str]:
    data = brief.extraction
    return [*([data.country] if data.country else []), *(r.actor for r in data.reactions if r.kind == "country")]


def _country(countries: dict[str, CountryPage], name: str, slugs: dict[str, str]) -> CountryPage:
    return countries.setdefault(slugs[name], CountryPage(name, slugs[name]))
