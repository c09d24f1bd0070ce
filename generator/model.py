"""Typed records that flow through the pipeline: the ground floor every other module stands on.

Extractors return these records, curation edits them, templates and the JSON export read them through
`as_dict()`. Nothing here knows about spaCy, YAML or Markdown.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, fields
from typing import Any

ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "country")

# What a paragraph is, as cleaning marks it: the headline, a heading inside the text (a cross-head, or any short
# line without final punctuation), the standfirst (the summary a page shows under its headline: body text that
# the page's own article body leaves out), or body text.
HEADLINE, HEADING, STANDFIRST, BODY = "headline", "heading", "standfirst", "body"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a cleaned article; `start` is its offset in `Article.text`."""

    index: int
    text: str
    start: int
    role: str = BODY  # HEADLINE, HEADING, STANDFIRST or BODY

    @property
    def is_heading(self) -> bool:
        return self.role in (HEADLINE, HEADING)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _start(paragraph: Paragraph) -> int:
    return paragraph.start


@dataclass(frozen=True, slots=True)
class Article:
    """A source article after reading and cleaning: what the page shows as its source text."""

    source_file: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    headline_paragraph: bool = False  # paragraph 0 is the headline, not body text
    published: str | None = None
    author: str | None = None
    outlet: str | None = None  # the site's name, from a saved page's metadata
    url: str | None = None  # the page's own address (canonical link), from its metadata
    removed_lines: tuple[str, ...] = ()  # boilerplate lines that cleaning dropped

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding character `offset` (the last one that starts at or before it)."""
        after = bisect_right(self.paragraphs, offset, key=_start)  # paragraphs are in text order: log time
        return self.paragraphs[after - 1].index if after else 0


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an extracted item comes from: the article, its paragraph, its sentence, character span."""

    source_file: str
    paragraph: int
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class Actor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None  # the country or body a person speaks for
    mentions: int = 0
    key: bool = False
    salience: float = 0.0
    international: bool = False  # an international organisation (UN, EU, NATO, ...)
    state_body: bool = False  # a government body or armed force that speaks for its country (affiliation)
    # The kind rests on the statistical model alone: no lexicon entry, defined acronym, title or role confirms
    # it (a town the model took for a person). `briefgen check --review` lists these for the editors.
    kind_guessed: bool = False

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    mentions: int = 1


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None  # the canonical name of an Actor, or None when a careful reader cannot tell
    evidence: Evidence | None = None
    edited: bool = False  # the speaker was set by an editor
    # How the speaker was found when the attribution does not name them, so that the page can say so:
    # "pronoun" ("he said"), "description" ("the minister said"), "continued" (the quote goes on from the one
    # before) or "context" (a quote that ends its paragraph, after a sentence about the speaker: "Viguerie is
    # upbeat. ¶ “…”"); None when the attribution names the speaker, or there is no speaker.
    inferred: str | None = None
    reference: str | None = None  # the words the attribution uses for the speaker: "he", "the minister"

    def inference_reason(self) -> str | None:
        """Why the speaker was given, in the words the page and the review queue use; None when the attribution
        names them or the quote goes on from the one before, which the reader sees just above it."""
        reason = _INFERENCE_REASONS.get(self.inferred or "")
        return reason.format(reference=self.reference) if reason else None


_INFERENCE_REASONS = {
    "pronoun": "the text says “{reference}”",
    "description": "the text says “{reference}”",
    "context": "the sentence before is about “{reference}”",
}


@dataclass(slots=True)
class Figure:
    text: str
    value: float | int | None
    unit: str | None
    qualifier: str | None = None
    evidence: Evidence | None = None
    manual: bool = False


@dataclass(slots=True)
class Reaction:
    actor: str
    kind: str
    position: str
    quotes: tuple[str, ...] = ()  # texts of the quotes that show it
    sentences: tuple[str, ...] = ()
    manual: bool = False


@dataclass(frozen=True, slots=True)
class Unread:
    """An article of the briefing not written in English, which the pipeline's model cannot read: nothing is
    extracted from it (extract/language.py)."""

    source_file: str
    language: str  # "German", or the script of a text not in Latin letters: "Cyrillic script"


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one briefing's article(s)."""

    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    country: str | None = None
    country_inferred: bool = False
    summary_edited: bool = False
    # One sentence above the summary: what happened, who, where (extract/bottom_line.py), or the editors' own.
    bottom_line: str = ""
    bottom_line_edited: bool = False
    unread: tuple[Unread, ...] = ()  # articles in another language, from which nothing is extracted

    def actor(self, name: str | None) -> Actor | None:
        if name is None:
            return None
        for actor in self.actors:
            if actor.name == name:
                return actor
        return None

    def as_dict(self) -> dict[str, Any]:
        """The prediction shape of corpus/FORMAT.md (plus provenance keys), used by JSON export and eval."""
        return {
            "country": self.country,
            "country_inferred": self.country_inferred,
            "actors": [as_plain(actor) for actor in self.actors],
            "places": [place.name for place in self.places],
            "quotes": [_with_evidence(quote) for quote in self.quotes],
            "figures": [_with_evidence(figure) for figure in self.figures],
            "reactions": [as_plain(reaction) for reaction in self.reactions],
            "summary": list(self.summary),
            "summary_edited": self.summary_edited,
            "bottom_line": self.bottom_line,
            "bottom_line_edited": self.bottom_line_edited,
            "unread": [as_plain(unread) for unread in self.unread],
        }


def as_plain(value: Any) -> Any:
    """What `dataclasses.asdict` gives (records as dicts, inside lists, tuples and dicts too) without its deep
    copy of every leaf value: the records hold only text, numbers and other records, and JSON export and the
    extraction cache convert thousands of them on every build."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and hasattr(kind, "__dataclass_fields__"):
        names = _FIELD_NAMES[kind] = tuple(item.name for item in fields(value))
    if names is not None:
        return {name: as_plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return type(value)(as_plain(item) for item in value)
    if isinstance(value, dict):
        return {as_plain(key): as_plain(item) for key, item in value.items()}
    return value


_LEAVES = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _with_evidence(record: Quote | Figure) -> dict[str, Any]:
    data = as_plain(record)
    evidence = data.pop("evidence")
    if evidence:
        data.update(evidence)
    return data


@dataclass(frozen=True, slots=True)
class SourceRef:
    file: str
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    licence: str | None = None


@dataclass(slots=True)
class Brief:
    """One briefing: its folder's metadata, its cleaned articles and its curated extraction."""

    slug: str
    title: str
    date: str
    country: str | None
    region: str | None
    tags: tuple[str, ...]
    status: str
    sources: tuple[SourceRef, ...]
    articles: tuple[Article, ...]
    extraction: Extraction
    #: Under `mkdocs serve`, what stops the brief from building now: the page shows this last good version
    #: with these problems at its top.
    problems: tuple[str, ...] = ()
    story: str | None = None  # the running story it belongs to (brief.yml `story:`)

    @property
    def draft(self) -> bool:
        return self.status == "draft"


def same_words(part: str, whole: str) -> bool:
    """Whether the words of `part` run, in order and together, inside `whole`, whatever the case and
    punctuation: the same quotation as two outlets cut it ("present severe risks to civilians." in "the latest
    developments present severe risks to civilians")."""
    return _padded_words(part) in _padded_words(whole)


def _padded_words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "
