"""Resolving a written reference (a name, a surname, a pronoun, a description) to one of the article's actors.

Quotes and reactions both need it, so that a speaker or a reactor is the same actor entry that the actors
section shows, never a fresh string.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Actor, Quote
from .names import clean_name, entities_in, entity_at, strip_titles
from .rules import PRONOUN_REACH, ROLE_SEX_MAX_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .quote_marks import QuotedText

# Nouns that describe a person by office ("the head of Ukrainian diplomacy", "a Syrian official").
PERSON_NOUNS = lexicon.word_set("person_nouns")
_KIND_RANK = {"person": 0, "organization": 1, "country": 2}
_GROUP_WORDS = lexicon.word_set("group_words")
_GOVERNMENT_BODY_WORDS = lexicon.word_set("government_body_words")  # "ministry": a country's own body
FIRST_NAME_SEX = lexicon.word_map("first_names")  # "jennifer" -> f: first names nearly always one sex's
HONORIFIC_SEX = lexicon.word_map("honorific_sexes")  # "mrs." -> f
ROLE_SEX = lexicon.word_map("role_sexes")  # "son" -> m: a role that says whose son or wife someone is
PRONOUN_SEX = {"he": "m", "she": "f"}  # the sex "he" and "she" say


class ActorResolver:
    def __init__(self, actors: list[Actor], doc: Doc | None = None, paragraph_of=None,
                 name_words: frozenset[str] = frozenset(), reporters: frozenset[str] = frozenset(),
                 quoted: QuotedText | None = None):
        self.actors = {actor.name: actor for actor in actors}
        self.name_words = name_words  # the article's words that are only ever names (Analysis.name_words)
        self.reporters = reporters  # journalists cited as sources, by surname key (Analysis.cited_reporters)
        self.surface: dict[str, str] = {}
        self.surnames: dict[str, list[str]] = {}
        for actor in actors:
            for form in actor.names():
                self.surface.setdefault(form.casefold(), actor.name)
            if actor.kind == "person":
                self.surnames.setdefault(actor.name.split()[-1].casefold(), []).append(actor.name)
        self.pronoun_subjects: list[tuple[int, int, str]] = []  # (char offset, paragraph, sex) in text order
        self.said_sex: dict[str, str] = {}  # a person's sex as the text's pronouns for them say it ("X said she")
        self.text = doc.text if doc is not None else ""
        self.positions: list[int] = []
        self.mentioned: list[tuple[int, int, str, bool]] = []  # (char offset, paragraph, actor, is a subject)
        if doc is not None:
            for ent in doc.ents:
                name = self.lookup(ent.text)
                # a name inside someone's words is whom they speak of, not who goes on speaking: in "“…, Trump
                # makes the prospects … uncertain,” he said" he is the professor named before
                if name is not None and not (quoted and quoted.holds(ent.start_char)):
                    paragraph = paragraph_of(ent.start_char) if paragraph_of else 0
                    subject = _salient_subject(ent.root)
                    self.mentioned.append((ent.start_char, paragraph, name, subject))
            self.positions = [offset for offset, _, _, _ in self.mentioned]
            self._note_pronoun_subjects(doc, paragraph_of, quoted)
        self.pronoun_offsets = [offset for offset, _, _ in self.pronoun_subjects]

    def _note_pronoun_subjects(self, doc: Doc, paragraph_of, quoted: QuotedText | None) -> None:
        """The "he" and "she" that are a sentence's subject, outside quotation marks, for `pronoun` to follow back
        a story that tells of one person paragraph after paragraph ("Swift posted … ¶ She claimed … ¶ “…,” she
        said"); and what they say of the sex of a person they plainly stand for."""
        for token in doc:
            if token.lower_ in PRONOUN_SEX and token.dep_ in ("nsubj", "nsubjpass") \
                    and not (quoted and quoted.holds(token.idx)):
                sex = PRONOUN_SEX[token.lower_]
                paragraph = paragraph_of(token.idx) if paragraph_of else 0
                self.pronoun_subjects.append((token.idx, paragraph, sex))
                speaker = self._reporting_subject(token)
                if speaker is not None:
                    self.said_sex.setdefault(speaker, sex)

    def _reporting_subject(self, pronoun: Token) -> str | None:
        """The person named as the subject of the verb whose clause the pronoun is the subject of: in "Clinton
        says she appreciated …" and "Trump said he would …" the pronoun is that person, so it tells their sex."""
        clause = pronoun.head
        if clause.dep_ != "ccomp":
            return None
        for child in clause.head.children:
            if child.dep_ == "nsubj" and child.ent_type_ == "PERSON":
                entity = entity_at(child)
                name = self.lookup(entity.text) if entity is not None else None
                return name if self.kind(name) == "person" else None
        return None

    def sex(self, name: str) -> str | None:
        """"m" or "f" when a form of the person's name says it: an honorific ("Mrs. Clinton") first, else the
        first name ("Jennifer Palmieri"); else their role ("Steenburgen's son"); else the pronoun the text uses
        for them where it cannot be anyone else ("Ayotte said she …"); None when nothing does."""
        actor = self.actors.get(name)
        forms = actor.names() if actor else (name,)
        for form in forms:
            said = next((HONORIFIC_SEX.get(word.casefold()) for word in form.split()[:1]), None)
            if said:
                return said
        words = strip_titles(forms[0]).split()
        by_name = FIRST_NAME_SEX.get(words[0].casefold()) if len(words) > 1 else None
        return by_name or _role_sex(actor.role if actor else None) or self.said_sex.get(name)

    def kind(self, name: str | None) -> str | None:
        actor = self.actors.get(name or "")
        return actor.kind if actor else None

    def lookup(self, text: str) -> str | None:
        """The actor written as `text`: by any of its names, without titles, by surname, or by lexicon name."""
        cleaned = clean_name(text)
        if cleaned.islower():
            return None  # a name has a capital: "he" is a pronoun even when an actor is called He Jianxiong
        for candidate in (cleaned, strip_titles(cleaned)):
            found = self.surface.get(candidate.casefold())
            if found:
                return found
        words = strip_titles(cleaned).split()
        if len(words) == 1:
            people = self.surnames.get(words[0].casefold(), [])
            if len(people) == 1:
                return people[0]
        folded = cleaned.casefold()
        country = lexicon.country_by_surface().get(folded)
        if country and country[0].name in self.actors:
            return country[0].name
        organization = lexicon.organization_by_surface().get(folded)
        if organization and organization.name in self.actors:
            return organization.name
        return None

    def in_phrase(self, phrase: Span) -> str | None:
        """The actor a noun phrase names: its own entity first, then the most person-like entity inside."""
        whole = self.lookup(phrase.text)
        if whole:
            return whole
        # "The UN mission in South Sudan": the words up to the phrase's head name the body, before the
        # names inside it ("UN").
        headed = self.lookup(phrase[:phrase.root.i - phrase.start + 1].text)
        if headed:
            return headed
        unknown_body = self._names_no_actor(phrase.root)
        found = []
        for ent in entities_in(phrase):
            name = self.lookup(ent.text)
            if name and not (unknown_body and self.kind(name) == "country"):
                holds_root = ent.start <= phrase.root.i < ent.end
                found.append((not holds_root, _KIND_RANK.get(self.kind(name) or "", 3), ent.start, name))
        if not found:
            for token in phrase:
                if token.pos_ == "PROPN":
                    name = self.lookup(token.text)
                    # A country is never read out of a longer name that names no actor: "the Washington Post",
                    # "Agence France-Presse", "the American Legion" (a surname is: "Le Pen" is Marine Le Pen).
                    if name and not (self.kind(name) == "country" and (unknown_body or _inside_longer_entity(token))):
                        found.append((True, _KIND_RANK.get(self.kind(name) or "", 3), token.i, name))
        return min(found)[3] if found else None

    def _names_no_actor(self, head: Token) -> bool:
        """Whether a phrase's head is in a name of several words that is no actor's: then the phrase names that
        body, and the country of its modifier is not the speaker ("Amnesty International in France", "The
        Holocaust Memorial Museum in Washington"). A government's own body speaks for its country ("The
        Interior Ministry in Kyiv")."""
        name = entity_at(head)
        return name is not None and _is_multiword(name) and self.lookup(name.text) is None \
            and name[-1].lower_ not in _GOVERNMENT_BODY_WORDS

    def pronoun(self, group: str, offset: int, paragraph: int, quotes: list[Quote],
                sex: str | None = None) -> str | None:
        """He/she: the person who last spoke or was the subject of a sentence, in this paragraph or the one
        before (else the last person named there), never one whose name says the other sex; with no one in
        reach, whom the last "he" (or "she") in reach stood for, as the text went on telling of them without
        naming them again. They/it: the same among organisations and countries. None when there is none close
        enough: a careful reader could not tell."""
        while True:
            found = self._in_reach(group, offset, paragraph, quotes, sex)
            earlier = self._earlier_pronoun(offset, paragraph, sex) if found is None and group == "person" else None
            if earlier is None:
                return found
            offset, paragraph = earlier

    def _in_reach(self, group: str, offset: int, paragraph: int, quotes: list[Quote],
                  sex: str | None) -> str | None:
        wanted = ("person",) if group == "person" else ("organization", "country")
        salient: list[tuple[int, str]] = []
        named: list[tuple[int, str]] = []
        end = bisect_left(self.positions, offset)
        for position, mention_paragraph, name, subject in self.mentioned[:end]:
            if paragraph - mention_paragraph <= PRONOUN_REACH and self.kind(name) in wanted \
                    and not self._other_sex(name, sex):
                (salient if subject else named).append((position, name))
        for quote in quotes:
            evidence = quote.evidence
            if not quote.speaker or not evidence or evidence.start >= offset \
                    or paragraph - evidence.paragraph > PRONOUN_REACH:
                continue
            # a speaker the entity model missed ("Eswar Prasad, a trade professor, said") is no actor yet: the
            # actors section will add them as a person
            if (self.kind(quote.speaker) or "person") in wanted and not self._other_sex(quote.speaker, sex):
                salient.append((evidence.start, quote.speaker))
        if salient:
            return max(salient)[1]
        return max(named)[1] if named else None

    def _earlier_pronoun(self, offset: int, paragraph: int, sex: str | None) -> tuple[int, int] | None:
        """Where the last "he" (or "she", as `sex` says) before `offset` and in its reach stands."""
        if sex is None:
            return None
        for at in range(bisect_left(self.pronoun_offsets, offset) - 1, -1, -1):
            earlier, earlier_paragraph, earlier_sex = self.pronoun_subjects[at]
            if paragraph - earlier_paragraph > PRONOUN_REACH:
                return None
            if earlier_sex == sex:
                return earlier, earlier_paragraph
        return None

    def _other_sex(self, name: str, sex: str | None) -> bool:
        known = self.sex(name) if sex else None
        return known is not None and known != sex

    def last_mention(self, name: str, offset: int) -> int:
        end = bisect_left(self.positions, offset)
        return max((position for position, _, mentioned, _ in self.mentioned[:end] if mentioned == name),
                   default=-1)

    def country_in(self, phrase: Span) -> str | None:
        """The country a phrase names, if any ("Ukrainian minister" -> Ukraine)."""
        for ent in entities_in(phrase):
            name = self.lookup(ent.text)
            if name and self.kind(name) == "country":
                return name
        return None

    def armed_forces(self, country: str) -> str | None:
        for actor in self.actors.values():
            if actor.state_body and actor.affiliation == country and actor.name.split()[-1] in ("army", "military"):
                return actor.name
        return None

    def by_role(self, noun: str, offset: int, country: str | None = None) -> str | None:
        """"The minister", "Ukrainian minister": the person whose role holds the noun (of that country, if one
        is named), the most recently mentioned first."""
        pattern = re.compile(rf"\b{re.escape(noun)}", re.IGNORECASE)
        people = [actor for actor in self.actors.values()
                  if actor.kind == "person" and actor.role and pattern.search(actor.role)
                  and (country is None or actor.affiliation == country)]
        if not people and country is not None and noun in PERSON_NOUNS:
            # "the head of Ukrainian diplomacy": the one person of that country the text has named.
            people = [actor for actor in self.actors.values()
                      if actor.kind == "person" and actor.affiliation == country]
            if len(people) != 1:
                return None
        if not people:
            return None
        return max(people, key=lambda actor: self.last_mention(actor.name, offset)).name

    def body(self, noun: str, offset: int) -> str | None:
        """"The ministry said", "the embassy added": the organisation whose name holds the noun, the one most
        recently mentioned before when there are several; None when none does."""
        pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
        bodies = [actor.name for actor in self.actors.values()
                  if actor.kind == "organization" and any(pattern.search(form) for form in actor.names())]
        if len(bodies) <= 1:
            return bodies[0] if bodies else None
        latest = max(bodies, key=lambda name: self.last_written(name, offset))
        return latest if self.last_written(latest, offset) >= 0 else None

    def last_written(self, name: str, offset: int) -> int:
        """Where any form of the actor's name was last written before `offset`, found in the text itself: a
        body the entity model did not tag whole ("Chinese" + "Embassy") has no entity mention to go by."""
        forms = self.actors[name].names() if name in self.actors else (name,)
        return max((self.text.rfind(form, 0, offset) for form in forms), default=-1)

    def description(self, noun: str, offset: int, quotes: list[Quote]) -> str | None:
        """"The statement", "the leaders": the last institution that spoke before."""
        if noun in _GROUP_WORDS:
            for quote in reversed(quotes):
                if quote.evidence and quote.evidence.start < offset and \
                        self.kind(quote.speaker) in ("organization", "country"):
                    return quote.speaker
        return None


def _role_sex(role: str | None) -> str | None:
    """The sex the role's words say, when they say only one ("Steenburgen's son, filmmaker"). What comes before
    a possessive is someone else ("his wife's lawyer", "Queen Elizabeth II's third child")."""
    words = re.findall(r"[a-z]+(?:['’]s\b)?", (role or "").casefold())
    if len(words) > ROLE_SEX_MAX_WORDS:
        return None
    owned = max((index + 1 for index, word in enumerate(words) if word[-2:] in ("'s", "’s")), default=0)
    said = {ROLE_SEX[word] for word in words[owned:] if word in ROLE_SEX}
    return said.pop() if len(said) == 1 else None


# The opening words a reader of a lone sentence cannot place: "he" and "she" stand for one person. "They" and
# "it" are left alone: they as often stand for a thing or a crowd the text never names.
_PERSON_PRONOUNS = frozenset(PRONOUN_SEX)


def country_of_people(folded: str) -> tuple[lexicon.Country, str] | None:
    """The country whose people a plural demonym names ("the Russians said"), as the lexicon lists it."""
    if not folded.endswith("s"):
        return None
    found = lexicon.country_by_surface().get(folded[:-1])
    return found if found and found[1] == "demonym" else None


def with_referent(body: Span, resolver: ActorResolver, paragraph: int, quotes: list[Quote], shown: str) -> str:
    """The sentence's text, with the name of the person its first word stands for in brackets when the reader
    has not met that person in `shown` (what is printed before it): "He [Jeff Landry] said ..." for a pronoun,
    "[Jeff] Landry said ..." for a bare surname. Readers of sentences taken out of their article cannot tell
    who "he" is; the brackets say the words are not the article's."""
    text = body.text.strip()
    first = body[0]
    if first.lower_ in _PERSON_PRONOUNS:
        name = resolver.pronoun("person", first.idx, paragraph, quotes, PRONOUN_SEX[first.lower_])
        if name and not _met(resolver.actors[name], shown, any_form=True):
            return f"{first.text} [{name}]{text[len(first.text):]}"
        return text
    entity = entity_at(first)
    if entity is None or entity.start != first.i or len(entity) != 1:
        return text
    name = resolver.lookup(entity.text)
    if name is None or resolver.kind(name) != "person" or name == entity.text:
        return text
    given = name.removesuffix(entity.text).strip()
    if given and name.endswith(f" {entity.text}") and not _met(resolver.actors[name], shown, any_form=False):
        return f"[{given}] {text}"
    return text


def _met(actor: Actor, shown: str, any_form: bool) -> bool:
    """Whether `shown` names the actor: by any of its names (the surname too, when `any_form`), or only by a
    name of more than one word (a reader who met "Landry" alone still does not know who that is)."""
    shown = shown.replace("[", "").replace("]", "")  # "[Jeff] Landry" named him in full
    forms = [form for form in actor.names() if any_form or " " in form]
    if any_form and actor.kind == "person":
        forms.append(actor.name.split()[-1])
    return any(re.search(rf"\b{re.escape(form)}\b", shown) for form in forms)


def _inside_longer_entity(token: Token) -> bool:
    """Whether the parse reads the token as one word of a longer name ("Washington" in "the Washington Post")."""
    entity = entity_at(token)
    return entity is not None and _is_multiword(entity)


def _is_multiword(entity: Span) -> bool:
    """A name of more than one word, its article aside ("the Washington Post", not "the Post")."""
    return sum(1 for word in entity if word.pos_ != "DET") > 1


def _salient_subject(word: Token) -> bool:
    """Whether the word (or the noun it names) is a subject, other than one of what a named subject before it
    says: in "Shotwell said Starship missions could begin" Shotwell is the one the text goes on to tell of, as
    "she said" in the next sentence shows, not what her words were about. (A clause before "he said" is no
    such thing: "Sondland has amended his testimony — “…,” he said" is about Sondland.)"""
    subject = word if word.dep_ in ("nsubj", "nsubjpass") else word.head
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    clause = subject.head
    return not (clause.dep_ == "ccomp" and _named_subject_before(clause.head, subject.i))


def _named_subject_before(verb: Token, before: int) -> bool:
    """Whether a name before `before` is the verb's subject, or that of the verb it depends on when it has none
    of its own ("Carson turned the story back, pointing out that Costa had reported …": Carson points out)."""
    while True:
        subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head is verb:
            return any(child.pos_ == "PROPN" and child.i < before for child in subjects)
        verb = verb.head
