"""Actors: one entry per real-world person, organisation or country, with its surface forms merged.

Steps, each a small function: group country mentions by the country they name; group organisation mentions
by lexicon name, defined or derivable acronym, and short form; group person mentions by full name and surname;
then read roles from titles and appositions, and rank salience.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Actor, Quote
from ..nlp import ParsedArticle
from .analysis import Analysis
from .mentions import BODY_NOUNS, COUNTRY, ORGANIZATION, PERSON, Mention, outlet_name
from .names import strip_titles, surname_key
from .rules import EARLY_WEIGHT, MAX_KEY_ACTORS, REACTING_WEIGHT, SPEAKING_CAP, SPEAKING_WEIGHT, SUBJECT_WEIGHT

if TYPE_CHECKING:
    from collections.abc import Iterator
    from collections.abc import Set as AbstractSet

    from spacy.tokens import Span, Token

    from .quote_marks import QuotedText

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.&-]{1,7}$")


@dataclass(slots=True)
class _Group:
    name: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    forms: dict[str, None] = field(default_factory=dict)  # every surface form, in order of appearance
    international: bool = False
    country: str | None = None  # for an armed force: the country it belongs to

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.forms.setdefault(mention.text)


def extract_actors(analysis: Analysis) -> list[Actor]:
    """The article's actors, most salient first, each with its aliases, role, mention count and salience."""
    parsed, mentions = analysis.parsed, list(analysis.mentions)
    groups = [*_country_groups(mentions), *_organization_groups(mentions), *_person_groups(mentions)]
    # journalists cited as sources, like their outlets, are not actors
    groups = [group for group in groups if group.kind != "person"
              or not all(surname_key(m.text) in analysis.cited_reporters for m in group.mentions)]
    groups = _handles_merged(groups, parsed)
    # the last word of every name of a person or a body: a list of them before a name is not its title (a party
    # named as a word of the title stays: "Republican and billionaire presidential candidate")
    name_ends = frozenset(m.token_end - 1 for m in mentions
                          if m.category in (PERSON, ORGANIZATION) and m.form != "party")
    actors = [_to_actor(group, parsed, analysis.quoted, name_ends) for group in groups]
    _rank(actors, groups, parsed)
    return sorted(actors, key=lambda actor: (-actor.salience, actor.name))


# What a possessive pronoun before a handle stands for ("his @POTUS account"), as lexicon/pronouns.tsv says.
_POSSESSIVE_KINDS = {word: "person" if stands_for == "person" else "organization"
                     for word, stands_for in lexicon.word_map("pronouns").items()}


def _handles_merged(groups: list[_Group], parsed: ParsedArticle) -> list[_Group]:
    """A social-media handle is an alias of its owner, not an actor: the name it follows in parentheses
    ("Amnesty International (@amnesty)"), the person or body a possessive gives it to ("Barack Obama tweeted
    using his @POTUS account"), or the actor whose name it spells ("@NASA"). A handle with no owner in the
    article names an account, and no actor."""
    handles = [group for group in groups if group.name.startswith("@")]
    if not handles:
        return groups
    kept = [group for group in groups if not group.name.startswith("@")]
    for handle in handles:
        owner = _handle_owner(handle, kept, parsed)
        if owner is not None:
            for mention in handle.mentions:
                owner.add(mention)
    return kept


def _handle_owner(handle: _Group, groups: list[_Group], parsed: ParsedArticle) -> _Group | None:
    doc = parsed.doc
    group_at = {i: group for group in groups for m in group.mentions for i in range(m.token_start, m.token_end)}
    for mention in handle.mentions:
        if not mention.token_start:
            continue
        before = doc[mention.token_start - 1]
        if before.text == "(" and before.i - 1 in group_at:
            return group_at[before.i - 1]
        kind = _POSSESSIVE_KINDS.get(before.lower_) if before.tag_ == "PRP$" else None
        if kind is not None:
            earlier = [group_at[i] for i in range(doc[mention.token_start].sent.start, before.i)
                       if i in group_at and group_at[i].kind == kind]
            if earlier:
                return earlier[-1]
    spelt = _squashed(handle.name)
    for group in groups:
        forms = [group.name, *group.forms]
        if any(_squashed(form) == spelt for form in forms) or (
                len(spelt) >= HANDLE_WORD_MIN_LETTERS and _squashed(group.name.split()[0]) == spelt):
            return group
    return None


HANDLE_WORD_MIN_LETTERS = 5  # a handle that spells a name's first word ("@amnesty") names it; "@un" would not


def _squashed(name: str) -> str:
    return re.sub(r"\W|_", "", name).casefold()


def _country_groups(mentions: list[Mention]) -> list[_Group]:
    by_country: dict[str, _Group] = {}
    for mention in mentions:
        if mention.category != COUNTRY or mention.country is None:
            continue
        group = by_country.setdefault(mention.country, _Group(mention.country, "country"))
        if mention.acting or mention.form != "capital":
            group.add(mention)
    # A country only ever named as a location is a place, not an actor.
    return [g for g in by_country.values() if any(m.acting for m in g.mentions)]


def _organization_groups(mentions: list[Mention]) -> list[_Group]:
    organizations = [m for m in mentions if m.category == ORGANIZATION]
    international = {o.name for o in lexicon.organizations() if o.international}
    canonical: dict[str, str] = {}
    for mention in organizations:
        canonical.setdefault(mention.text, mention.organization or mention.text)
    for form in list(canonical):
        body = _without_country(form)
        if body is not None and body in canonical and canonical[form] == form:
            canonical[form] = canonical[body]  # "United Kingdom Home Office" is the Home Office
    names = list(dict.fromkeys(canonical.values()))
    for form in list(canonical):
        if canonical[form] != form:
            continue
        longer = [name for name in names if name != form and _abbreviates(form, name)]
        if len(longer) == 1:
            canonical[form] = longer[0]
    groups: dict[str, _Group] = {}
    for mention in organizations:
        name = canonical[mention.text]
        group = groups.setdefault(name, _Group(name, "organization",
                                               international=name in international or _office_of(name, international)))
        group.add(mention)
        group.country = group.country or (mention.country if mention.organization else None)
    return list(groups.values())


def _office_of(name: str, international: set[str]) -> bool:
    """A body of an international organisation, named by it and a body noun: "UN mission", "WHO office"."""
    words = name.split()
    if len(words) < 2 or words[-1] not in BODY_NOUNS:
        return False
    owner = lexicon.organization_by_surface().get(" ".join(words[:-1]).removesuffix("'s").removesuffix("’s").casefold())
    return owner is not None and owner.name in international


def _state_of_national_body(name: str) -> str | None:
    """The country whose name opens a state body's name ("U.S. District Court"), or whose demonym opens a
    government body's ("Turkish Foreign Ministry"): the body speaks for it, so its words are the country's
    reaction. A capital opens names of other things too ("Georgetown University Institute")."""
    opening = next(_country_openings(name), None)
    if opening is None:
        return None
    _, country, form = opening
    head = name.split()[-1].casefold()
    if (form == "name" and head in lexicon.state_body_words()) or (form == "demonym" and head in _GOVERNMENT):
        return country.name
    return None


_GOVERNMENT = lexicon.word_set("government_body_words")


def _without_country(name: str) -> str | None:
    """The rest of a name that a country's name opens ("US National Park Service" -> "National Park Service")."""
    return next((" ".join(name.split()[size:]) for size, _, form in _country_openings(name) if form != "demonym"),
                None)


def _country_openings(name: str) -> Iterator[tuple[int, lexicon.Country, str]]:
    """The countries whose name, demonym or capital opens the name and leaves words after it, longest first:
    (words it takes, country, how it is written)."""
    words = name.split()
    countries = lexicon.country_by_surface()
    for size in (3, 2, 1):
        found = countries.get(" ".join(words[:size]).casefold()) if len(words) > size else None
        if found is not None:
            yield size, found[0], found[1]


def _abbreviates(short: str, name: str) -> bool:
    """An acronym of the name's capitalised words, also after a country ("Chinese CDC"), or a single word of a
    multi-word name (the Observatory), its first word only when "of" follows it (the Church of Scientology is
    "the Church"; "United" is not the United Nations)."""
    parts = short.split()
    if len(parts) == 2 and parts[0].casefold() in lexicon.country_by_surface() and _ACRONYM.match(parts[1]):
        short = parts[1]
    if _ACRONYM.match(short):
        return short.replace(".", "") in _acronyms(name)
    words = name.split()
    opens_of = len(words) > 2 and words[0] == short and words[1] == "of"
    return " " not in short and len(words) > 1 and (short in words[1:] or opens_of) and short[:1].isupper()


ACRONYM_MIN_LETTERS = 3  # a two-letter acronym cut from a longer name ("CD") links too much by chance


def _acronyms(name: str) -> set[str]:
    """The acronyms a name is written as: the initials of its capitalised words ("WHO"), also without a
    leading country ("Chinese Center for Disease Control" is a CDC too) and cut before a trailing "and …"
    ("Center for Disease Control and Prevention" is the CDC)."""
    countries = lexicon.country_by_surface()
    words = [word for word in re.split(r"[\s-]+", name) if word]
    variants = []
    if len(words) > 2 and words[0].casefold() in countries:
        variants.append(words[1:])
    for variant in [words, *variants]:
        if "and" in variant:
            variants.append(variant[:variant.index("and")])
    shortened = {_initials(variant) for variant in variants}
    return {_initials(words)} | {form for form in shortened if len(form) >= ACRONYM_MIN_LETTERS}


def _initials(words: list[str]) -> str:
    return "".join(word[0] for word in words if word[:1].isupper())


def _person_groups(mentions: list[Mention]) -> list[_Group]:
    others = {m.text.casefold() for m in mentions if m.category != PERSON}
    people = [m for m in mentions if m.category == PERSON and m.text.casefold() not in others
              and not any(ch.isdigit() for ch in m.text)]
    groups: dict[str, _Group] = {}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for mention in people:
        name = strip_titles(mention.text)
        if len(name.split()) > 1 and name not in groups:
            groups[name] = _Group(name, "person")
            by_surname[surname_key(name)].append(name)
    tails = _tail_names(list(groups))
    for short in tails:
        del groups[short]
        by_surname[surname_key(short)].remove(short)
    by_first_name: dict[str, list[str]] = defaultdict(list)
    by_spelling: dict[str, list[str]] = defaultdict(list)
    for full in groups:
        by_first_name[full.split()[0].casefold()].append(full)
        by_spelling[_folded_spelling(surname_key(full))].append(full)
    for mention in people:
        name = strip_titles(mention.text)
        name = tails.get(name, name)
        if len(name.split()) == 1:
            candidates = by_surname.get(surname_key(name), []) or by_first_name.get(name.casefold(), []) \
                or by_spelling.get(_folded_spelling(surname_key(name)), [])
            # A name shared by two named people stays apart: the text does not say which one is meant.
            name = candidates[0] if len(candidates) == 1 else name
        groups.setdefault(name, _Group(name, "person")).add(mention)
    return [group for group in groups.values() if group.mentions]


_TRANSLITERATED_ENDINGS = sorted(lexicon.word_map("transliteration_endings").items(), key=lambda row: -len(row[0]))


def _folded_spelling(surname: str) -> str:
    """A surname with its transliteration's ending folded: "zelenskiy", "zelenskyy" and "zelensky" alike."""
    for ending, folded in _TRANSLITERATED_ENDINGS:
        if surname.endswith(ending):
            return surname[:-len(ending)] + folded
    return surname


def _tail_names(names: list[str]) -> dict[str, str]:
    """A name of several words that ends exactly one longer name of the article is that person's surname
    written in full ("Abu Hatab" after "Walid Abu Hatab", "Van Hollen" after "Chris Van Hollen")."""
    found = {}
    for short in names:
        words = short.casefold().split()
        longer = [name for name in names if len(name.split()) > len(words)
                  and name.casefold().split()[-len(words):] == words]
        if len(longer) == 1:
            found[short] = longer[0]
    return found


def _to_actor(group: _Group, parsed: ParsedArticle, quoted: QuotedText, name_ends: AbstractSet[int]) -> Actor:
    aliases = tuple(form for form in group.forms if form != group.name)
    role = _role(group, parsed, quoted, name_ends) if group.kind in ("person", "organization") else None
    affiliation = _affiliation(role)
    state_body = False
    guessed = group.kind == "person" and role is None \
        and not any(form.split()[0].casefold() in _COURTESY_TITLES for form in group.forms)  # "Mr. Xi" is a person
    if group.kind == "organization":
        known = lexicon.organization_by_surface().get(group.name.casefold())
        owner = _state_of_national_body(group.name)
        affiliation = group.country or (known.country if known else None) or owner or affiliation
        state_body = group.country is not None or bool(known and known.state_body) or owner is not None
        guessed = known is None and owner is None and not any(mention.organization for mention in group.mentions)
    return Actor(
        name=group.name,
        kind=group.kind,
        aliases=aliases,
        role=role if group.kind == "person" else None,
        affiliation=affiliation,
        mentions=len(group.mentions),
        international=group.international,
        state_body=state_body,
        kind_guessed=guessed,
    )


def _role(group: _Group, parsed: ParsedArticle, quoted: QuotedText, name_ends: AbstractSet[int]) -> str | None:
    """The first title or apposition the text gives the person: "Iran's Foreign Minister", "president of ...";
    else the first title the name is set beside ("Britain's foreign secretary, Dominic Raab,"), which names a
    tie as often as an office ("his wife, Jane,") and so yields to any other."""
    spans = [parsed.doc[mention.token_start:mention.token_end] for mention in group.mentions]
    for span in spans:
        role = _title_before(span, quoted, name_ends) or _apposition(span.root)
        if role:
            return role
    return next(filter(None, (_title_in_apposition(span) for span in spans)), None)


def _title_before(span: Span, quoted: QuotedText, name_ends: AbstractSet[int]) -> str | None:
    """The title written before the name: "Iran's Foreign Minister" + "Abbas Araghchi", less a quote that ends
    in it: "“… in vapor form,” lead researcher" + "Lucas Paganini" (a quote opened inside the title stays:
    "inaugural “American Idol” winner"), and less the names listed before it (`name_ends`: where a person's or a
    body's name ends): "Trump and" + "US Trade Representative" + "Robert Lighthizer"."""
    doc = span.doc
    left = [t for t in span.root.subtree if t.i < span.start and t.dep_ not in ("det", "punct")]
    if not left or left[-1].i != span.start - 1 or not any(t.text[:1].isupper() or t.dep_ == "compound" for t in left):
        return None
    start = left[0].i
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.dep_ == "det" and before.i > 0:
        before = doc[before.i - 1]  # "… to the United States" + name
    if before is not None and before.lower_ in ("to", "of", "for", "at") and before.head.i < before.i \
            and _is_role_noun(before.head) and not any(t.text in lexicon.title_words() for t in left):
        # "China’s ambassador to Britain" + "Liu Xiaming", "Afghan Ambassador to the United States"
        # + "Hamdullah Mohib": the role is the title with its country, not the place it is posted to. A
        # person with a title of their own ("adviser to Vice President" + "Joe Biden") is not the adviser.
        start = before.head.left_edge.i
    for token in doc[start + 1:span.start]:
        if (token.dep_ == "cc" or token.text == ",") and token.i - 1 in name_ends:
            start = token.i + 1
    if quoted.holds(doc[start].idx) and not quoted.holds(span.start_char):
        while start < span.start and (quoted.holds(doc[start].idx) or doc[start].is_quote or doc[start].is_punct):
            start += 1
    return _role_text(doc[start:span.start]) if start < span.start else None


def _apposition(root: Token) -> str | None:
    """The apposition after the name: "Geir Pedersen, the UN envoy for Syria"."""
    return next((_role_text(root.doc[child.left_edge.i:child.right_edge.i + 1]) for child in root.children
                 if child.dep_ == "appos" and child.i > root.i and _is_one_person(child)), None)


def _title_in_apposition(span: Span) -> str | None:
    """The title the name is set beside, between commas, before it: "Britain's foreign secretary, Dominic
    Raab, said", "The head of the agency, John Smith," (the parse makes the name an apposition of the title)."""
    root, doc = span.root, span.doc
    head = root.head
    if root.dep_ != "appos" or head.i >= span.start or span.start < 2 or doc[span.start - 1].text != "," \
            or not _is_role_noun(head):
        return None
    start = head.left_edge.i
    if any(token.text == "," for token in doc[start:span.start - 1]):
        return None  # "Smith, the head of the agency, and Jones": the title is another's
    return _role_text(doc[start:span.start - 1])


def _role_text(words: Span) -> str | None:
    """The role as a reader can take it out of its sentence: without the pronoun, quantifier or conjunction that
    opens it ("his campaign manager", "both Sen.", "whose leader") or a preposition left hanging at its end,
    within its paragraph, and naming something; None when nothing is left."""
    kept = list(_whole_words(words))
    while kept and (kept[0].tag_ in ("PRP$", "WP$") or kept[0].dep_ in ("preconj", "predet", "det", "punct", "cc",
                                                                          "mark")):
        kept = kept[1:]
    while kept and kept[-1].pos_ in ("ADP", "CCONJ", "PUNCT", "SPACE"):  # "adviser to" where the parse lost "to" whom
        kept = kept[:-1]
    if not any(token.pos_ in ("NOUN", "PROPN") for token in kept) \
            or all(token.lower_ in _COURTESY_TITLES for token in kept):  # "Mr." says nothing of what one does
        return None
    text = words.doc[kept[0].i:kept[-1].i + 1].text
    return text.split("\n")[0].strip(" ,") or None


def _whole_words(words: Span) -> Span:
    """The span grown over the hyphens the tokenizer splits words at: "vice-premier" and "co-director of the
    Brennan Center" whole, not "-premier" and "co"."""
    doc, start, end = words.doc, words.start, words.end
    while start > 0 and not doc[start - 1].whitespace_ and "-" in (doc[start - 1].text, doc[start].text):
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_ and "-" in (doc[end - 1].text, doc[end].text):
        end = max(end + 1, doc[end].right_edge.i + 1)
    return doc[start:end]


def _is_one_person(head: Token) -> bool:
    """An apposition that can say what one person is: a singular noun ("a merchant", "one of ..." is a
    pronoun), not an age ("Thomas Sam, 42") nor a plural ("both of whom", "critics of ...")."""
    return head.tag_ in ("NN", "NNP") or (head.lower_ == "one" and any(child.lower_ == "of" for child in head.children))


def _is_role_noun(token: Token) -> bool:
    """A noun that names one person by office or tie and heads a role ("ambassador to", "Ambassador to")."""
    return token.tag_ in ("NN", "NNP") and (token.lower_ in _ROLE_NOUNS or token.text in lexicon.title_words())


_ROLE_NOUNS = lexicon.word_set("role_nouns") | lexicon.office_nouns()
_COURTESY_TITLES = frozenset(lexicon.word_map("honorific_sexes"))  # "mr.", "mrs.", "sir": no office
_TOPIC_NOUNS = "|".join(sorted(lexicon.word_set("topic_person_nouns")))
_BEFORE_TOPIC_NOUN = re.compile(rf"\b([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?= (?:{_TOPIC_NOUNS})\b)")


def _without_topic_countries(role: str, countries) -> str:
    """The role without a country's name that only says what the person deals with ("White House Russia
    adviser": the White House's, about Russia)."""
    def is_country_name(words: str) -> bool:
        entry = countries.get(words.casefold())
        return entry is not None and entry[1] == "name"

    def dropped(match: re.Match[str]) -> str:
        words = match.group(1)
        if is_country_name(words):
            return ""  # "North Korea expert"
        before, _, last = words.rpartition(" ")
        return before if before and is_country_name(last) else words  # "House Russia" adviser
    return _BEFORE_TOPIC_NOUN.sub(dropped, role)


def _affiliation(role: str | None) -> str | None:
    """The country or international body a role ties a person to ("Iran's Foreign Minister" -> Iran)."""
    if not role:
        return None
    countries = lexicon.country_by_surface()
    organizations = lexicon.organization_by_surface()
    # "the US-based Foreign Policy Research Institute" is based there, not the country's.
    role = re.sub(r"\b[\w.]+-based\b", "", role)
    role = _without_topic_countries(role, countries)
    for word in re.findall(r"[A-Z][\w.]*(?:[-\s][A-Z][\w.]*)*", role):
        word = re.sub(r"[’']s$", "", word)
        candidates = [word, *word.split()]
        for candidate in candidates:
            folded = candidate.casefold()
            if folded in countries and countries[folded][1] != "capital":
                return countries[folded][0].name
            if folded in organizations:
                return organizations[folded].name
    return None


def _rank(actors: list[Actor], groups: list[_Group], parsed: ParsedArticle) -> None:
    """Salience from mentions, early position and being the subject of verbs (key flags come later, from
    `rank_with_speech`, once quotes and reactions are known)."""
    length = max(len(parsed.article.text), 1)
    for actor, group in zip(actors, groups, strict=True):
        subjects = sum(1 for m in group.mentions if parsed.doc[m.token_start:m.token_end].root.dep_ == "nsubj")
        first = min(m.start for m in group.mentions) / length
        actor.salience = round(len(group.mentions) + SUBJECT_WEIGHT * subjects + EARLY_WEIGHT * (1 - first), 3)


def rank_with_speech(actors: list[Actor], quotes: list[Quote], reacting: set[str]) -> list[Actor]:
    """Salience raised by speaking and reacting, then the key flag for the top few: named at least twice, or
    quoted, or reacting. Most salient first."""
    spoken: dict[str, int] = defaultdict(int)
    for quote in quotes:
        if quote.speaker:
            spoken[quote.speaker] += 1
    ranked = [dataclasses.replace(actor) for actor in actors]
    for actor in ranked:
        actor.salience = round(actor.salience + SPEAKING_WEIGHT * min(spoken[actor.name], SPEAKING_CAP)
                               + REACTING_WEIGHT * (actor.name in reacting), 3)
    ranked.sort(key=lambda actor: (-actor.salience, actor.name))
    for position, actor in enumerate(ranked):
        important = actor.mentions >= 2 or spoken[actor.name] > 0 or actor.name in reacting
        actor.key = position < MAX_KEY_ACTORS and important
    return ranked


def with_speakers(actors: list[Actor], quotes: list[Quote]) -> list[Actor]:
    """Every speaker is an actor: a speaker the entity model missed ("Peabody said") becomes one."""
    known = {actor.name for actor in actors}
    surnames = {surname_key(actor.name) for actor in actors if actor.kind == "person" and " " in actor.name}
    added: dict[str, Actor] = {}
    for quote in quotes:
        name = quote.speaker
        if name and name not in known:
            # a country the text names only through its people ("the Russians said") is a country; an outlet
            # that said the quoted words ("“…,” the Post reported") is an organisation, unless it is the
            # surname of a person the article names ("Michael Bloomberg" … "Bloomberg told New York magazine")
            country = lexicon.country_by_surface().get(name.casefold())
            kind = "country" if country and country[0].name == name \
                else "organization" if outlet_name(name) and surname_key(name) not in surnames else "person"
            added.setdefault(name, Actor(name=name, kind=kind, mentions=1, kind_guessed=kind == "person"))
    return [*actors, *added.values()]
