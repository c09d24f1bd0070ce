"""Names as written: the article, possessive and punctuation around a name, and the titles before it.

Mentions, actors, quotes and the resolver all compare names in this one normal form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_NAME_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar)[-\s]", re.IGNORECASE)


def clean_name(text: str) -> str:
    text = _LEADING_ARTICLE.sub("", text.strip())
    text = _POSSESSIVE.sub("", text) if re.search(r"[’']s$|s[’']$", text) else text
    return text.strip(" -–—,.;:\"“”‘’'()")


def strip_titles(name: str) -> str:
    changed = True
    while changed:
        changed = False
        for title in lexicon.titles():
            if name.startswith(title + " ") and len(name) > len(title) + 1:
                name = name[len(title) + 1:].strip()
                changed = True
                break
    return name


def surname_key(name: str) -> str:
    last = name.split()[-1] if name.split() else name
    return _NAME_PARTICLE.sub("", last).casefold()


def is_known_place(text: str) -> bool:
    """Whether the offline gazetteer (cities, states, regions, seas, countries and capitals) lists the name."""
    return clean_name(text).casefold() in lexicon.known_places()


def entity_at(token: Token) -> Span | None:
    """The entity of the parse that holds the token, if any. Read from the tokens' IOB tags around it, not
    by scanning `doc.ents` (which spaCy rebuilds from every token on each access), so the cost is the
    entity's length and extraction stays linear in the article's length."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return _entity_from(doc, start)


def entities_in(span: Span) -> list[Span]:
    """The entities wholly inside a span, as `span.ents` gives them, in the span's length rather than the
    document's (`span.ents` filters every entity of the document)."""
    doc = span.doc
    found = []
    index = span.start
    while index < span.end:
        if doc[index].ent_iob_ == "B":
            entity = _entity_from(doc, index)
            if entity.end <= span.end:
                found.append(entity)
            index = entity.end
        else:
            index += 1
    return found


def _entity_from(doc: Doc, start: int) -> Span:
    """The entity that begins at token `start`: it runs on over the "I" tokens that follow, as in `doc.ents`."""
    from spacy.tokens import Span

    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    first = doc[start]
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)
