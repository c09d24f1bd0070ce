"""International reactions: per foreign country or international body, what it said or did.

The events' country is given (brief.yml `country`) or inferred as the most mentioned acting country. A
reactor is a foreign country, an international organisation, or a person who speaks for one (by role); its
evidence is every sentence where it is the subject of a verb, and every quote it (or its official) gave.
Conjuncts and appositions of a subject react too ("the US and its allies France, Germany, and Britain").
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Actor, Place, Quote, Reaction
from ..nlp import ParsedArticle
from .resolve import ActorResolver

if TYPE_CHECKING:
    from spacy.tokens import Token


LOCATION_WEIGHT = 2.0  # being where things happen says more about the events' country than being named


def infer_country(actors: list[Actor], places: list[Place] = ()) -> str | None:
    """Where the events most likely happen: the country most mentioned, counting twice the mentions of it or
    its capital as a location ("in Syria", "to Damascus")."""
    scores: dict[str, float] = {a.name: float(a.mentions) for a in actors if a.kind == "country"}
    surfaces = lexicon.country_by_surface()
    for place in places:
        found = surfaces.get(place.name.casefold())
        if found and found[1] in ("name", "capital"):
            name = found[0].name
            scores[name] = scores.get(name, 0.0) + LOCATION_WEIGHT * place.mentions
    if not scores:
        return None
    order = list(scores)
    return max(order, key=lambda name: (scores[name], -order.index(name)))


def reactor_for(actor: Actor | None, country: str | None, actors: dict[str, Actor]) -> Actor | None:
    """The foreign body an actor reacts for: itself, or the country or body its official speaks for."""
    if actor is None:
        return None
    if actor.kind == "person":
        return reactor_for(actors.get(actor.affiliation or ""), country, actors) if actor.affiliation else None
    if actor.kind == "country" and actor.name != country:
        return actor
    if actor.kind == "organization" and actor.international:
        return actor
    return None


def extract_reactions(
    parsed: ParsedArticle, actors: list[Actor], quotes: list[Quote], country: str | None
) -> list[Reaction]:
    by_name = {actor.name: actor for actor in actors}
    resolver = ActorResolver(actors)
    sentences: dict[str, list[str]] = defaultdict(list)
    positions: dict[str, str] = {}
    said: dict[str, list[str]] = defaultdict(list)
    for token in parsed.doc:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.pos_ not in ("VERB", "AUX"):
            continue
        if parsed.in_headline(token.idx):
            continue
        for subject in _with_conjuncts(token):
            phrase = parsed.doc[subject.left_edge.i:subject.right_edge.i + 1] if subject is token else \
                parsed.doc[subject.i:subject.i + 1]
            name = resolver.in_phrase(phrase)
            reactor = reactor_for(by_name.get(name or ""), country, by_name)
            if reactor is None:
                continue
            sentence = token.sent.text.strip()
            if sentence not in sentences[reactor.name]:
                sentences[reactor.name].append(sentence)
            positions.setdefault(reactor.name, _predicate(token.head))
    for quote in quotes:
        reactor = reactor_for(by_name.get(quote.speaker or ""), country, by_name)
        if reactor is not None:
            said[reactor.name].append(quote.text)
            if quote.evidence and quote.evidence.sentence not in sentences[reactor.name]:
                sentences[reactor.name].append(quote.evidence.sentence)
            positions.setdefault(reactor.name, quote.evidence.sentence if quote.evidence else quote.text)
    order = [actor.name for actor in actors if actor.name in positions]
    return [
        Reaction(actor=name, kind=by_name[name].kind, position=positions[name], quotes=tuple(said[name]),
                 sentences=tuple(sentences[name]))
        for name in order
    ]


def _with_conjuncts(subject: Token) -> list[Token]:
    found = [subject]
    for token in subject.subtree:
        if token.dep_ in ("conj", "appos") and token.head in found:
            found.append(token)
    return found


def _predicate(verb: Token) -> str:
    """The verb with its objects and complements, without the subject: "called for de-escalation in Syria"."""
    tokens = [t for t in verb.subtree if t.i >= verb.i]
    aux = [t for t in verb.children if t.dep_ in ("aux", "neg", "auxpass") and t.i < verb.i]
    start = min([verb.i, *(t.i for t in aux)])
    end = max(t.i for t in tokens) + 1
    return " ".join(verb.doc[start:end].text.split()).strip(" ,.;:")
