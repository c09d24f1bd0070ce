"""International reactions: per foreign country or international body, what it said or did.

The events' country is given (brief.yml `country`) or inferred as the most mentioned acting country. A
reactor is a foreign country, an international organisation, or a person who speaks for one (by role); its
evidence is every sentence where it is the subject of a verb, and every quote it (or its official) gave.
Conjuncts and appositions of a subject react too ("the US and its allies France, Germany, and Britain").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Actor, Place, Quote, Reaction
from ..nlp import sentence_text
from .analysis import Analysis
from .names import entity_at
from .resolve import ActorResolver
from .rules import LOCATION_WEIGHT, MIN_POSITION_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words that open a clause of what may or may not happen: its subject does not react.
_CONDITION_MARKS = lexicon.word_set("condition_marks")
# A territory's sovereign state (lexicon/territories.tsv).
_SOVEREIGNS = lexicon.word_map("territories")


def infer_country(actors: list[Actor], places: Sequence[Place] = ()) -> str | None:
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


_OFFICE_WORDS = lexicon.office_nouns()
_PAST_OFFICE_WORDS = lexicon.word_set("past_office_words")


def _role_words(role: str | None) -> list[str]:
    """The role's words, case-folded, without the punctuation around them or a possessive ending."""
    return [re.sub(r"[’']s$", "", word.strip(".,()")).casefold() for word in (role or "").split()]


def _holds_office(role: str | None) -> bool:
    """A role that names an office of a government or an international body ("Iran's Foreign Minister")."""
    return any(word in _OFFICE_WORDS for word in _role_words(role))


def _left_office(role: str | None) -> bool:
    """A role in the past ("Former U.N. Ambassador", "ex-minister"): the person speaks for no one."""
    return any(word in _PAST_OFFICE_WORDS or word.split("-")[0] in _PAST_OFFICE_WORDS
               for word in _role_words(role))


def reactor_for(actor: Actor | None, country: str | None, actors: dict[str, Actor]) -> Actor | None:
    """The foreign body an actor reacts for: itself, or the country or body its official speaks for."""
    if actor is None:
        return None
    if actor.kind == "person":
        body = actors.get(actor.affiliation or "")
        if body is None or _left_office(actor.role) or (body.kind == "country" and not _holds_office(actor.role)):
            return None  # a professor at a British university does not speak for Britain; an NGO's researcher does
        return reactor_for(body, country, actors)
    if actor.kind == "country" and actor.name != country:
        return actor
    if actor.kind == "organization" and actor.international:
        return actor
    if actor.kind == "organization" and actor.affiliation and actor.affiliation != country:
        if actor.state_body:
            # A government body speaks for its country: the State Department's words are the United States'.
            body = actors.get(actor.affiliation) or Actor(actor.affiliation, "country")
            return reactor_for(body, country, actors)
        # A foreign movement (Hamas, about events in Lebanon) reacts in its own name.
        return actor
    return None


def extract_reactions(
    analysis: Analysis, actors: list[Actor], quotes: list[Quote], country: str | None
) -> list[Reaction]:
    """Foreign countries and bodies that reacted: by a quote of theirs or their official's, or as the subject of
    a verb of reacting (condemn, call for, strike, ...). The events' principals never react."""
    parsed = analysis.parsed
    by_name = {actor.name: actor for actor in actors}
    resolver = ActorResolver(actors)
    principals = find_principals(analysis, resolver, by_name, country)
    sentences: dict[str, list[str]] = defaultdict(list)
    positions: dict[str, str] = {}
    said: dict[str, list[str]] = defaultdict(list)
    reacting = lexicon.reaction_verbs()
    for token in parsed.doc:
        if not _is_actor_of_verb(token) or parsed.in_headline(token.idx):
            continue
        if analysis.quoted.holds(token.idx):
            continue  # words inside a quotation are the speaker's, not the narrative's
        head = token.head if token.dep_ != "pobj" else token.head.head
        verb = next((v for v in (head, *(c for c in head.children if c.dep_ == "conj"))
                     if v.lemma_.lower() in reacting), None)
        if verb is None or _conditional(head) or _infinitive(head) or not _can_act(token):
            continue
        for subject in _with_conjuncts(token):
            reactor = reactor_for(by_name.get(_name_of(subject, token, resolver) or ""), country, by_name)
            if reactor is None or reactor.name in principals:
                continue
            sentence = sentence_text(token.sent)
            if sentence not in sentences[reactor.name]:
                sentences[reactor.name].append(sentence)
            positions.setdefault(reactor.name, _predicate(verb))
    for quote in quotes:
        reactor = reactor_for(by_name.get(quote.speaker or ""), country, by_name)
        if reactor is not None and reactor.name not in principals:
            said[reactor.name].append(quote.text)
            if quote.evidence and quote.evidence.sentence not in sentences[reactor.name]:
                sentences[reactor.name].append(quote.evidence.sentence)
            positions.setdefault(reactor.name, quote.evidence.sentence if quote.evidence else quote.text)
    order = [actor.name for actor in actors if actor.name in positions]
    order += [name for name in positions if name not in order]  # countries known only through a body of theirs
    return [
        Reaction(actor=name, kind=by_name[name].kind if name in by_name else "country", position=positions[name],
                 quotes=tuple(said[name]), sentences=tuple(sentences[name]))
        for name in order
    ]


def _is_actor_of_verb(token: Token) -> bool:
    """The subject of a verb, or the agent of a passive one ("The session was called by Italy")."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return token.head.pos_ in ("VERB", "AUX") and token.dep_ == "nsubj"
    # not the agent of a participle describing a noun ("a programme launched by the U.S. government in 2011"):
    # background, not something done about the events
    return token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.dep_ != "acl"


def _infinitive(verb: Token) -> bool:
    """A verb in the infinitive says what someone wants done, not what was done ("a push for Ukraine to launch
    investigations", "urged Iran to stop")."""
    return any(child.dep_ == "aux" and child.tag_ == "TO" for child in verb.children)


def _can_act(subject: Token) -> bool:
    """A name, a pronoun, or a noun of people, bodies, forces or weapons ("Russia's foreign ministry", "Iranian
    jets"): not a thing a country owns ("Norway's oil production beat forecasts and sent prices lower")."""
    if subject.ent_type_ or subject.pos_ != "NOUN":
        return True
    agents = _agent_nouns()
    return subject.lemma_.lower() in agents or subject.lower_ in agents


@cache
def _agent_nouns() -> frozenset[str]:
    """The lexicon's nouns of people, bodies, forces and weapons, with the last word of those of several words
    ("armed forces": "forces"), and every word of a title ("ambassador", "spokesman")."""
    lists = ("person_nouns", "organization_nouns", "military_nouns", "weapon_nouns", "body_nouns", "group_words",
             "people_nouns")
    words = set().union(*(lexicon.word_set(name) for name in lists))
    words |= {word.lower().rstrip(".") for word in lexicon.title_words()}
    return frozenset(words | {word.split()[-1] for word in words if " " in word})


def _conditional(verb: Token) -> bool:
    """A verb in a clause of what may or may not happen ("whether the US and China could agree")."""
    return any(child.dep_ == "mark" and child.lower_ in _CONDITION_MARKS for child in verb.children)


def _name_of(token: Token, subject: Token, resolver: ActorResolver) -> str | None:
    """The actor a subject (or one of its conjuncts) names."""
    doc = token.doc
    phrase = doc[token.left_edge.i:token.right_edge.i + 1] if token.i == subject.i else doc[token.i:token.i + 1]
    if token.i != subject.i:
        phrase = entity_at(token) or phrase
    return resolver.in_phrase(phrase)


def find_principals(analysis: Analysis, resolver: ActorResolver, actors: dict[str, Actor],
                    country: str | None) -> set[str]:
    """The parties to the focal event, who never count as reacting to it: the events' country; who acts in
    the lead (unless by reacting: "The G7 condemned ..."); the actors attached to the lead's event nouns
    ("Iran's attack on Israel", "talks between X and Y", "a meeting with Sergey Lavrov"); and the owners of
    the headline's event elsewhere in the text ("the NATO summit")."""
    principals: set[str] = {country} if country else set()
    sovereign = _SOVEREIGNS.get(country or "")
    if sovereign:
        principals.add(sovereign)  # events in Hong Kong: China answers for them and is a party, not foreign
    reacting, events = lexicon.reaction_verbs(), lexicon.event_nouns()

    def add(token: Token) -> None:
        name = _name_of(token, token, resolver) if token.ent_type_ else resolver.lookup(token.text)
        actor = actors.get(name or "")
        body = actor if actor is None or actor.kind != "person" else actors.get(actor.affiliation or "")
        if body is not None:
            principals.add(body.name)

    parsed, lead = analysis.parsed, analysis.lead
    for sentence in lead:
        for token in sentence:
            if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
                verbs = [token.head, *(c for c in token.head.children if c.dep_ == "conj")]
                if not any(verb.lemma_.lower() in reacting for verb in verbs):
                    # Only a subject that is itself a name ("Afghan team" is not Afghanistan acting).
                    for subject in _with_conjuncts(token):
                        if subject.ent_type_:
                            add(subject)
            if token.lemma_.lower() in events or token.lower_ == "between":
                for attached in _attached(token):
                    add(attached)
    headline_events = {t.lemma_.lower() for s in lead if parsed.in_headline(s.start_char) for t in s
                       if t.lemma_.lower() in events}
    for token in parsed.doc:
        if token.lemma_.lower() in headline_events:
            for child in token.children:
                if child.dep_ in ("compound", "poss"):
                    add(child)
    return principals


def _attached(event: Token) -> list[Token]:
    """Actors attached to an event noun: its possessor and modifiers, and the objects of on, against, with,
    between ("Iran's attack on Israel")."""
    found = []
    for child in event.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            found.append(child)
        if child.dep_ == "prep" and child.lower_ in ("on", "against", "with", "between", "by"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    found.extend(_with_conjuncts(grandchild))
        if event.lower_ == "between" and child.dep_ == "pobj":
            found.extend(_with_conjuncts(child))
    return found


def _with_conjuncts(subject: Token) -> list[Token]:
    found = [subject]
    for token in subject.subtree:
        if token.dep_ in ("conj", "appos") and token.head in found:
            found.append(token)
    return found


def _predicate(verb: Token) -> str:
    """The verb with its objects and complements, without the subject: "called for de-escalation in Syria".
    When that would cut a quotation in two, or say too little, the whole sentence."""
    tokens = [t for t in verb.subtree if t.i >= verb.i]
    aux = [t for t in verb.children if t.dep_ in ("aux", "neg", "auxpass") and t.i < verb.i]
    start = min([verb.i, *(t.i for t in aux)])
    end = max(t.i for t in tokens) + 1
    text = " ".join(verb.doc[start:end].text.split()).strip(" ,.;:")
    balanced = text.count("“") == text.count("”") and text.count('"') % 2 == 0
    if not balanced or len(text.split()) < MIN_POSITION_WORDS:
        return " ".join(sentence_text(verb.sent).split())
    return text
