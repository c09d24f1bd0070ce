"""Names as written: the article, possessive and punctuation around a name, and the titles before it.

Mentions, actors, quotes and the resolver all compare names in this one normal form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

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
    """The entity of the parse that holds the token, if any."""
    return next((ent for ent in token.doc.ents if ent.start <= token.i < ent.end), None)
