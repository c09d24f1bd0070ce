"""Named mentions: every entity of the parse, cleaned and classified once, for actors, places and reactions.

A mention is a person, an organisation, a country (by name, demonym or capital) or a place. Whether a country
or a capital acts (as a government) or is only a location is decided here from its syntactic role.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import lexicon
from ..nlp import ParsedArticle
from .names import clean_name, entity_at, is_known_place, strip_titles, surname_key
from .quote_marks import QuotedText
from .rules import MAX_AGE, MIN_CAPITALS_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Prepositions after which a country or city is where something happens, not who acts.
LOCATIVE_PREPOSITIONS = lexicon.word_set("locative_prepositions")
HONORIFICS = lexicon.word_set("honorifics")
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
    form: str | None = None  # for countries: name, demonym or capital; "party" for a party's adjective
    organization: str | None = None  # canonical name: the lexicon's, or the long form of a defined acronym
    # In the headline or a cross-head written in capitals, which the small model tags badly: the mention
    # counts only when the body names it too.
    headline: bool = False


def find_mentions(parsed: ParsedArticle) -> list[Mention]:
    """Every named mention of the article, in text order. Headline entities count only when the body names
    them too: the small model tags title-case headlines badly. The analysis computes it once per article;
    actors, places and reactions all read the same list."""
    countries = lexicon.country_by_surface()
    organizations = lexicon.organization_by_surface()
    agencies = lexicon.news_agencies()
    mentions = []
    lower_words = {t.text for t in parsed.doc if t.is_lower}
    lower_compounds = set(re.findall(r"(?<![\w-])[a-z]+(?:-[a-z]+)+", parsed.article.text))
    ents, labels = _relabelled(parsed.doc.ents, countries, lower_words)
    name_labels: dict[str, set[str]] = defaultdict(set)
    for ent in ents:
        name_labels[clean_name(ent.text)].add(ent.label_)
    ents = _split_coordinated(ents, countries)
    named_people = _people_named(ents)
    proper_nouns = _written_as_proper_nouns(parsed.doc, ents)
    common_nouns = _acronyms_as_common_nouns(parsed.doc)
    for index, ent in enumerate(ents):
        if _vessel(ent) or _dateline(ent):
            continue
        fragment = _coordinated_fragment(ent, ents[index + 1] if index + 1 < len(ents) else None, countries, parsed)
        if fragment is not None:
            mentions.append(fragment)  # the second name is classified on its own
            continue
        ent = _after_possessor(_without_leading_description(ent, lower_words | lower_compounds), named_people)
        if _common_word(ent, lower_words | lower_compounds, organizations) or _date(ent) \
                or _tagged_common_word(ent, proper_nouns):
            continue
        mention = _classify(ent, parsed, countries, organizations, agencies, labels,
                            frozenset(name_labels[clean_name(ent.text)]), common_nouns)
        if mention is not None:
            mentions.append(mention)
    mentions.extend(_facilities_by_name(parsed))
    mentions = _outside_longer_names(mentions)
    mentions.extend(_militaries(parsed))
    mentions.extend(_bodies_by_noun(parsed))
    mentions.extend(_places_by_noun(parsed))
    mentions = _with_parties(mentions)
    mentions.sort(key=lambda m: m.start)
    mentions = _with_defined_acronyms(mentions, parsed)
    mentions = _compass_points_resolved(mentions, parsed)
    body_names = {m.text.casefold() for m in mentions if not m.headline}
    mentions = [m for m in mentions if not m.headline or m.text.casefold() in body_names]
    doc = parsed.doc
    # A name "who" describes once is a person's everywhere: "Paris recently moved here" is the Paris who "used
    # to work on Capitol Hill", not France's capital.
    people = {m.text for m in mentions if m.category == PERSON and _described_with_who(doc[m.token_start:m.token_end])}
    mentions = [dataclasses.replace(m, category=PERSON, acting=True, country=None, form=None)
                if m.text in people and (m.category == PLACE or (m.category == COUNTRY and m.form == "capital"))
                else m for m in mentions]
    # A name the context shows to be a place once is a place everywhere ("around Hama" and "in Hama").
    places = {m.text for m in mentions if m.category == PLACE}
    return [dataclasses.replace(m, category=PLACE, acting=False)
            if m.category in (PERSON, ORGANIZATION) and m.organization is None and m.text in places
            and doc[m.token_start:m.token_end].root.dep_ not in ("nsubj", "nsubjpass") else m
            for m in mentions]


def _before_parenthesis(ent: Span) -> Span:
    """A name ends before an opening parenthesis the model ran into ("Ministry of Trade, Industry and Energy
    (MOTIE"): what the parenthesis holds is an acronym or an aside."""
    for token in ent[1:]:
        if token.text == "(":
            return _span(ent, token.i)
    return ent


def _span(ent: Span, end: int, start: int | None = None) -> Span:
    from spacy.tokens import Span

    return Span(ent.doc, ent.start if start is None else start, end, label=ent.label_)


_DEFINED_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.-]{1,9}")


def _with_defined_acronyms(mentions: list[Mention], parsed: ParsedArticle) -> list[Mention]:
    """An acronym the article defines in parentheses after a body's or a country's name ("the Ministry of
    Trade, Industry and Energy (MOTIE)") names it wherever it appears, whatever its initials and whatever the
    model made of it: the mentions of the acronym take the defining mention's category and canonical name, and
    a use of it the model did not tag becomes a mention."""
    doc = parsed.doc
    defined: dict[str, Mention] = {}
    for m in mentions:
        if m.category in (ORGANIZATION, COUNTRY, PLACE) and m.token_end + 2 < len(doc) \
                and doc[m.token_end].text == "(" and doc[m.token_end + 2].text == ")":
            acronym = doc[m.token_end + 1].text
            if _DEFINED_ACRONYM.fullmatch(acronym) and acronym.casefold() not in lexicon.news_agencies() \
                    and acronym != m.text and (m.category == ORGANIZATION or acronym[0] == m.text[0].upper()):
                # a country or place spells its own initial ("United Arab Emirates (UAE)"); one that does not
                # ends a longer name the model cut ("UN Mission in South Sudan (UNMISS)")
                defined.setdefault(acronym, m)
    # A place's acronym ("the Kennedy Space Center (KSC)") is the place again, written short: not an actor,
    # and not a second place.
    places = {acronym for acronym, m in defined.items() if m.category == PLACE}
    mentions = [m for m in mentions if m.text not in places]
    defined = {acronym: m for acronym, m in defined.items() if acronym not in places}
    if not defined:
        return mentions
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    result = [_as_acronym_of(defined[m.text], m) if m.text in defined else m for m in mentions]
    for token in doc:
        if token.text in defined and token.i not in covered:
            result.append(_as_acronym_of(defined[token.text], Mention(
                token.text, ORGANIZATION, start=token.idx, end=token.idx + len(token.text), token_start=token.i,
                token_end=token.i + 1, acting=True, headline=parsed.in_headline(token.idx))))
    return sorted(result, key=lambda m: m.start)


_COMPASS_POINTS = lexicon.word_set("compass_points")


def _compass_points_resolved(mentions: list[Mention], parsed: ParsedArticle) -> list[Mention]:
    """A compass point standing alone as a name ("into the North", "the South retaliated") is the short form
    of the one country of the article whose name it opens ("North Korea"); with no such country, or with two
    ("South Korea" and "South Africa"), it is a direction or a bloc ("spreading to the West") and no mention."""
    named = {m.country for m in mentions if m.category == COUNTRY and m.country is not None}
    result = []
    for m in mentions:
        if m.text.casefold() not in _COMPASS_POINTS or m.organization is not None:
            result.append(m)
            continue
        opened = [country for country in named if country.casefold().startswith(m.text.casefold() + " ")]
        if len(opened) == 1:
            span = parsed.doc[m.token_start:m.token_end]
            result.append(dataclasses.replace(m, category=COUNTRY, country=opened[0], form="name",
                                              acting=_acts(span)))
    return result


def _as_acronym_of(long_form: Mention, acronym: Mention) -> Mention:
    if long_form.category == COUNTRY:
        return dataclasses.replace(acronym, category=COUNTRY, country=long_form.country, form="name",
                                   organization=None)
    return dataclasses.replace(acronym, category=ORGANIZATION, acting=True,
                               organization=long_form.organization or long_form.text)


def _split_coordinated(ents: list[Span], countries) -> list[Span]:
    """An entity of two coordinated names sharing their tail ("North and South Carolina") becomes its two
    parts, when the first part completed by the tail is a known name; "Procter and Gamble" stays whole."""
    result = []
    for ent in ents:
        if len(ent) >= 4 and ent[1].lower_ == "and" and ent[0].is_title and ent[2].is_title \
                and _known_name(f"{ent[0].text} {ent[3:].text}", countries):
            result.extend([_span(ent, ent.start + 1), _span(ent, ent.end, start=ent.start + 2)])
            continue
        result.append(ent)
    return result


def _known_name(name: str, countries) -> bool:
    """A country of the lexicon or a place of the gazetteer."""
    return name.casefold() in countries or is_known_place(name)


def _coordinated_fragment(ent: Span, following: Span | None, countries, parsed: ParsedArticle) -> Mention | None:
    """The first of two coordinated names that share their last words ("North and South Korea", "East and West
    Germany"): the word before "and" names the country or place that the next name's tail completes, when the
    lexicon or the gazetteer knows that name. None when the entity is no such fragment."""
    doc = parsed.doc
    first = ent[0]
    conjunction = first.i + 1
    if not first.is_title or conjunction >= len(doc) or doc[conjunction].lower_ != "and" \
            or ent.end > conjunction + 1 or following is None or following.start != conjunction + 1 \
            or len(following) < 2:
        return None
    name = f"{first.text} {following[1:].text}"
    common: dict[str, Any] = dict(start=first.idx, end=first.idx + len(first.text), token_start=first.i,
                                  token_end=first.i + 1, headline=parsed.in_headline(first.idx))
    if name.casefold() in countries:
        country, form = countries[name.casefold()]
        return Mention(name, COUNTRY, acting=_acts(following), country=country.name, form=form, **common)
    if is_known_place(name):
        return Mention(name, PLACE, acting=False, **common)
    return None


def _outside_longer_names(mentions: list[Mention]) -> list[Mention]:
    """A mention inside a longer name that `repaired` completed is part of that name, not a mention of its
    own ("American" in "Council on American - Islamic Relations")."""
    longest: dict[int, tuple[int, int]] = {}  # token -> the longest mention over it
    for m in mentions:
        for i in range(m.token_start, m.token_end):
            start, end = longest.get(i, (i, i))
            if m.token_end - m.token_start > end - start:
                longest[i] = (m.token_start, m.token_end)

    def inside_longer(m: Mention) -> bool:
        start, end = longest[m.token_start]
        return start <= m.token_start and m.token_end <= end and end - start > m.token_end - m.token_start

    return [m for m in mentions if not inside_longer(m)]


DATELINE_MAX_TOKENS = 3  # "NEW YORK", "KHAN YOUNIS, Gaza Strip": where the wire filed from opens the paragraph


def _dateline(ent: Span) -> bool:
    """Where a wire story was filed from, in capitals at the start of a paragraph before a dash, a comma or
    the agency's name ("NEW YORK (Reuters) -", "KHAN YOUNIS — GAZA"), also when the model left out an
    abbreviation that opens the town's name ("ST. JOSEPH, Mich. (AP)"): a dateline, no part of the story."""
    doc = ent.doc
    start = ent.start
    while start > 0 and (doc[start - 1].text == "." or (
            doc[start - 1].text.isupper() and (doc[start - 1].text.endswith(".") or doc[start].text == "."))):
        start -= 1  # "ST." or "ST" + "."
    opens = start == 0 or doc[start - 1].is_space or doc[start - 1].text in ("—", "-", "–", ",")
    following = doc[ent.end] if ent.end < len(doc) else None
    return opens and ent.text.isupper() and len(ent.text) > 3 and ent.start - ent.sent.start <= DATELINE_MAX_TOKENS \
        and following is not None and following.text in ("(", "—", "-", "–", ",")


_MONTHS = lexicon.word_set("months")


def _date(ent: Span) -> bool:
    """A month and numbers ("July 25"), left of a name the model ran over a date ("Trump’s July 25")."""
    return any(t.like_num for t in ent) and all(t.like_num or t.lower_ in _MONTHS for t in ent if not t.is_punct)


def _vessel(ent: Span) -> bool:
    """A ship or spacecraft ("USS Carney", "Space Shuttle Discovery") is not an actor."""
    text = clean_name(ent.text)
    return any(text == prefix or text.startswith(prefix + " ") for prefix in lexicon.vessel_prefixes())


def _common_word(ent: Span, lower_words: set[str], organizations) -> bool:
    """Words the article also writes in lower case, taken for a name at the start of a sentence or in title
    case: a one-word organisation or person ("Government", "Education", "Volunteer", "Pan-democrat": the
    hyphenated words count as one, singular or plural), or a "person" made only of such words ("Space
    Shuttle", "Art Gallery")."""
    if ent.label_ not in ("PERSON", "ORG") or ent.text.casefold() in organizations:
        return False
    folded = ent.text.casefold()
    if "-" in folded and " " not in folded and {folded, folded + "s", folded.removesuffix("s")} & lower_words:
        return True  # a hyphenated word also written in lower case: "Pan-democrat" beside "pan-democrats"
    if len(ent) > 1 and ent.label_ == "ORG":
        return False  # organisations' names are made of common words: "World Health Organization"
    words = [t for t in ent if t.is_alpha]
    return bool(words) and all(t.text.lower() in lower_words for t in words)


# The tagger's classes of common words: plural nouns (NNPS too: a team or a people, "the Steelers",
# "Delhiites"), verbs, modals, adverbs, adjectives, interjections. A one-word "person" the tagger reads so is a
# capitalised word at the head of a line or in a list that the entity model took for a name: "Specs include a
# 34-inch panel", "Shall we go back", "Nationally, dealers sold", "Seek out the healthy snacks".
_COMMON_WORD_TAGS = frozenset({"NN", "NNS", "NNPS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "RB", "JJ", "UH"})


def _tagged_common_word(ent: Span, proper_nouns: AbstractSet[str]) -> bool:
    """A one-word "person" the tagger reads as a common word, unless the article writes the word as a proper
    noun elsewhere: the tagger reads some surnames as plurals in one place only ("Sen. Sanders")."""
    return ent.label_ == "PERSON" and len(ent) == 1 and ent[0].tag_ in _COMMON_WORD_TAGS \
        and ent.text not in proper_nouns


def _written_as_proper_nouns(doc: Doc, ents: Sequence[Span]) -> frozenset[str]:
    """The words the tagger reads as a singular proper noun somewhere, and the last words of longer people's
    names, whose tokens it may read as plurals ("Emily Maitlis")."""
    surnames = (clean_name(ent.text).split() for ent in ents if ent.label_ == "PERSON")
    return frozenset(t.text for t in doc if t.tag_ == "NNP") | {words[-1] for words in surnames if len(words) > 1}


def _without_leading_description(ent: Span, lower_words: set[str]) -> Span:
    """A capitalised description the model put in front of a person's name ("Nonpartisan Paul Tse") is dropped
    when the article writes the same word in lower case elsewhere, and so is the modal that opens a question
    ("Will Warren continue to face the heat?"; but "Will Smith starred in it")."""
    from spacy.tokens import Span

    if ent.label_ != "PERSON":
        return ent  # organisations' names are made of such words: "World Health Organisation"
    if len(ent) > 1 and ent[0].tag_ == "MD" and ent[0].is_sent_start and _asks(ent.sent):
        return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    end = ent.start
    while end < ent.end and (end == ent.start or ent.doc[end].text == "-" or not ent.doc[end - 1].whitespace_):
        end += 1  # the first word, hyphenated parts included
    first = ent.doc[ent.start:end].text
    rest = ent.doc[end:ent.end]
    titles = lexicon.title_words()
    if first.lower() in lower_words and first not in titles and len(rest) >= 2 \
            and all(t.is_title or t.text == "-" or not t.is_alpha for t in rest[:2]):
        return Span(ent.doc, end, ent.end, label=ent.label_)
    return ent


def _in_capitals(sentence: Span) -> bool:
    """A cross-head written in capitals ("WHO IS THE FRONT-RUNNER?"), where the small model takes words for
    acronyms ("WHO", "IS")."""
    words = [token.text for token in sentence if token.is_alpha]
    return len(words) >= MIN_CAPITALS_WORDS and all(word.isupper() for word in words)


def _known_in_capitals(folded: str, countries: Container[str], organizations: Container[str]) -> bool:
    """A name the lexicon or the gazetteer knows is one in a cross-head too ("TURKEY", "U.N. PANEL RULES"),
    unless the lexicon writes it as an acronym of bare capitals, which capitals cannot tell from a word: "WHO IS
    THE FRONT-RUNNER?" names neither the WHO nor IS, and "TURKEY CAR BOMB" not the Central African Republic."""
    return (folded in countries or folded in organizations or is_known_place(folded)) \
        and folded not in _BARE_ACRONYMS


def _bare_acronyms() -> frozenset[str]:
    """The lexicon's names written in capital letters only ("WHO", "IS", "CAR", "US"), case-folded."""
    names = [name for country in lexicon.countries() for name in (*country.other_names, *country.capitals)]
    names += [name for body in lexicon.organizations() for name in (body.name, *body.other_names)]
    return frozenset(name.casefold() for name in names if name.isalpha() and name.isupper())


_BARE_ACRONYMS = _bare_acronyms()


def _asks(sentence: Span) -> bool:
    return sentence.text.rstrip(" \n\"”’'").endswith("?")


def _people_named(ents: Sequence[Span]) -> frozenset[str]:
    """The people the model names in the article, by full name and by surname, case-folded."""
    names = (clean_name(ent.text).casefold() for ent in ents if ent.label_ == "PERSON")
    return frozenset(form for name in names for form in (name, name.split()[-1]) if name)


def _after_possessor(ent: Span, people: AbstractSet[str] = frozenset()) -> Span:
    """A name starts after a possessor the model ran into it: any possessor before a person's name ("Moscow's
    Lavrov"), and an outlet, a country, a known body or a person the article names before an organisation's
    ("NPR’s Feng", "Kazakhstan's Air Astana", "Trump’s July 25 call"; "McDonald's Corp" is one name)."""
    if ent.label_ not in ("PERSON", "ORG"):
        return ent
    possessives = [token.i for token in ent[1:-1] if token.text in ("'s", "’s")]
    if not possessives:
        return ent
    possessor = clean_name(ent.doc[ent.start:possessives[-1]].text).casefold()
    if ent.label_ == "ORG" and possessor not in lexicon.news_agencies() and possessor not in people \
            and possessor not in lexicon.country_by_surface() and possessor not in lexicon.organization_by_surface():
        return ent
    return _span(ent, ent.end, start=possessives[-1] + 1)


_PLACE_LABELS = ("GPE", "LOC", "FAC")
_FIRST_NAMES = frozenset(lexicon.word_map("first_names"))  # names nearly always a person's (US SSA counts)
_COMPANY_WORDS = lexicon.word_set("company_words")  # "Edison Research": a company's name for all its first word


_SURNAME_BODY_WORDS = lexicon.word_set("surname_body_words")  # "Post": a body's word, and a surname


def _town_taken_for_person(doc: Doc, start: int, text: str) -> bool:
    """A name of two words or more that the gazetteer knows as a place, opening with no first name, after a
    preposition of place or "of" ("the Argus Leader of Sioux Falls"). Elsewhere such a name is as often a
    person's ("Van Buren said", "Aung San's daughter")."""
    words, before = text.split(), doc[start - 1].lower_ if start > 0 else ""
    return len(words) > 1 and is_known_place(text) and words[0].casefold() not in _FIRST_NAMES \
        and (before in LOCATIVE_PREPOSITIONS or before == "of")


def _body_head_ends(name: Span) -> bool:
    """The name ends with a capitalised head word of an organisation's name that is no surname as well."""
    last = name[-1]
    return len(name) > 1 and last.is_title and last.lower_ in lexicon.organization_words() \
        and last.lower_ not in _SURNAME_BODY_WORDS


def _without_the(name: Span) -> Span:
    return name[1:] if len(name) > 1 and name[0].lower_ == "the" else name


def _personal_name(name: Span, countries, voted: bool = False) -> bool:
    """Two or three capitalised words that open with a first name the lexicon knows, as a person is named: not
    a title ("General Electric") or a place ("Carolina Panthers") first, no word that names a body ("Group",
    "Research", "Hotel", "company"), no known body, country or place as a whole, and no "the" before it ("the
    Victoria Line"), in a sentence not written in title case ("Clinton And Sanders Are Not Butting Heads").
    When the model calls the same name a person's more often elsewhere in the article (`voted`), a "the" before
    it or a first name that is also a place's does not count against it ("the Mary Steenburgen of it all")."""
    written = name.text.split()  # "Jean-Marc Ayrault": a hyphenated first name is one word of three tokens
    if not 2 <= len(written) <= 3 or not all(part.isalpha() and part.istitle()
                                             for word in written for part in word.split("-")) \
            or not any(token.is_alpha and token.is_lower for token in name.sent):
        return False
    first = written[0]
    if first.split("-")[0].casefold() not in _FIRST_NAMES or _is_title_word(name[0]) \
            or (is_known_place(first) and not voted) \
            or (name.start > 0 and name.doc[name.start - 1].lower_ == "the" and not voted):
        return False
    words = [token for token in name if token.is_alpha]
    if any(word.lower_ in lexicon.organization_words() or word.lower_ in _COMPANY_WORDS
           or (word.lower_,) in _ORGANIZATION_NOUNS or word.text in lexicon.facility_words() for word in words):
        return False
    folded = name.text.casefold()
    return folded not in countries and folded not in lexicon.organization_by_surface() and not is_known_place(folded)


def _relabelled(ents: Sequence[Span], countries,
                lower_words: AbstractSet[str]) -> tuple[list[Span], dict[int, str]]:
    """The model's entities, corrected where the article itself disagrees with them: a name it labels a place
    once but a person or organisation more often ("within Scientology" against five "Scientology" ORG), a
    "place" listed among organisations or people only ("Ubisoft, Microsoft and PlayStation"), an organisation
    whose name ends in a facility word ("Metro Toronto Convention Centre"), a national body of which it
    labelled only the country ("U.S." + "Department of Agriculture"), a body's name opened by a demonym that it
    left untagged ("Palestinian" + "Red Crescent": `lower_words` are the words the article writes in lower
    case), a country's formal name cut in two ("the Kingdom of" + "Saudi Arabia"), a body's name cut short
    before the acronym it defines ("United Nations" + "High Commissioner for Refugees (UNHCR)") and a surname
    without its first name ("Vitas" + "Gerulaitis"). Also returns the corrected label of
    each token they cover, for `_place_name`."""
    from spacy.tokens import Span

    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in ents:
        votes[clean_name(ent.text)][ent.label_] += 1
    facilities = lexicon.facility_words()
    by_root = {e.root.i: e for e in ents}
    result: list[Span] = []
    for ent in ents:
        label = ent.label_
        start, end = ent.start, ent.end
        if label == "ORG":
            end = _through_cut_name(ent.doc, end)  # "The Office of the" + "UN High Commissioner for Human Rights"
        text = clean_name(ent.doc[start:end].text)
        if label in _PLACE_LABELS and text.casefold() not in countries:
            label = _voted(votes[text]) or _listed_with(ent, by_root) or label
        elif label in ("ORG", "PERSON") and any(head.endswith(" " + word) or head == word for word in facilities
                                                 for head in (text, text.split(" of ")[0])):
            label = "FAC"  # "Metro Toronto Convention Centre", "National Museum of the U.S. Air Force"
        elif label == "ORG" and _personal_name(_without_the(ent.doc[start:end]), countries,
                                               voted=votes[text]["PERSON"] > votes[text]["ORG"]):
            # "Diego Schwartzman", "Ariana Grande": the model labels a person it does not know a company (its
            # products and titles are most often what it says: "Ford Fusion", "Rush Hour")
            label = "PERSON"
        elif label == "PERSON" and _body_head_ends(ent.doc[start:end]):
            label = "ORG"  # "Dick Clark Productions", "Peter G. Peterson Foundation", taken for people
        elif label == "PERSON" and _town_taken_for_person(ent.doc, start, text):
            label = "GPE"  # "the Argus Leader of Sioux Falls": a town the gazetteer knows, where it is
        if label in ("GPE", "NORP") and text.casefold() in countries:
            body_end = _national_body_end(ent)
            if body_end is not None:
                label, end = "ORG", body_end  # "U.S. Department of Agriculture", "US National Park Service"
        if label == "NORP" and end == ent.end and text.casefold() in countries:
            body_end = _name_after_demonym(ent, lower_words)
            if body_end is not None:
                label, end = "ORG", body_end  # "Palestinian" + "Red Crescent", "American" + "Legion"
        if label == "GPE" and end == ent.end:
            body_end = _body_named_after_place(ent)
            if body_end is not None:
                label, end = "ORG", body_end  # "London" + "Metal Exchange": the city opens the body's name
        known = _known_place_around(ent) if label != "ORG" and end == ent.end else None
        if known is not None:
            label, start, end = "LOC", known[0], known[1]  # "Inner" + "Mongolia", "South" + "China" + "Sea"
            while result and result[-1].end > start:
                result.pop()  # "South" before "China", now inside "South China Sea"
        if result and start < result[-1].end:
            continue  # inside the town name extended before it ("Inn" of "Braunau am Inn")
        if label in ("GPE", "LOC"):
            end = _through_town_particle(ent.doc, end)
        if label in _PLACE_LABELS and result and _hyphenated_place(result[-1], start, end, countries):
            label, start = "LOC", result.pop().start  # "Qinghai" + "-" + "Tibet" + "plateau"
        if result and result[-1].end == start and result[-1].label_ in ("GPE", "ORG") \
                and clean_name(ent.doc[result[-1].start:end].text).casefold() in countries:
            label, start = "GPE", result.pop().start  # "the Kingdom of" + "Saudi Arabia": a formal name
        if label == "ORG" and result and _opens_body(result[-1], ent, countries):
            start = result.pop().start  # "Chinese" + "CDC", "U.S." + "Navy": the country opens the body's name
        spelt = _through_defined_acronym(ent.doc, start, end) if label in ("ORG", "FAC", "LOC", "PERSON") else None
        if spelt is not None and (label != "PERSON" or spelt[0] < start):
            # "United Nations" + "High Commissioner for Refugees (UNHCR)"; "Movimento 5" + "Stelle (M5S)", which
            # the model took for a person
            label = "ORG" if label == "PERSON" else label
            start, end = spelt
            while result and result[-1].end > start:
                result.pop()
        if label == "NORP" and _demonym_as_surname(ent, countries):
            label = "PERSON"  # "Mark" + "Cuban": the model took the surname for a demonym
        if label == "PERSON" and len(ent) == 1 and _first_name(ent.doc, ent.start - 1):
            start -= 1  # "Vitas Gerulaitis", "Dries Mertens": the model kept only the surname
            if result and result[-1].end == ent.start and len(result[-1]) == 1:
                result.pop()
        if label != ent.label_ or start != ent.start or end != ent.end:
            ent = Span(ent.doc, start, end, label=label)
        result.append(ent)
    return result, {t.i: e.label_ for e in result for t in e}


_TOWN_PARTICLES = [tuple(p.split()) for p in lexicon.word_list("town_name_particles")]


def _through_town_particle(doc, end: int) -> int:
    """Where a place name ends when a town-name particle and a capitalised word follow it ("Braunau" + "am Inn"):
    the model cuts such names at the particle."""
    for particle in _TOWN_PARTICLES:
        after = end + len(particle)
        if after < len(doc) and tuple(t.lower_ for t in doc[end:after]) == particle \
                and all(t.text == t.lower_ and t.whitespace_ for t in doc[end:after]) and doc[end - 1].whitespace_ \
                and doc[after].is_title and doc[after].pos_ == "PROPN":
            return after + 1
    return end


def _hyphenated_place(first: Span, start: int, end: int, countries) -> bool:
    """Two place names joined by a bare hyphen before a place noun name one place ("the Qinghai-Tibet plateau",
    "the Kerem Shalom-Rafah crossing"). Between countries or capitals the hyphen pairs two actors ("the
    Syria-Turkey border", "US-China talks")."""
    doc = first.doc
    hyphen = first.end
    return first.label_ in _PLACE_LABELS and hyphen + 1 == start and doc[hyphen].text == "-" \
        and not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_ \
        and end < len(doc) and doc[end].lower_ in lexicon.place_nouns() \
        and clean_name(first.text).casefold() not in countries \
        and clean_name(doc[start:end].text).casefold() not in countries


BODY_NAME_REACH = 3  # capitalised words a body's name may add after a place's name ("Metal Exchange")


def _body_named_after_place(place: Span) -> int | None:
    """Where a body's name ends when the model tagged only the place that opens it and left the rest untagged:
    capitalised words right after it, the last of them an organisation's head word ("London Metal Exchange")."""
    doc = place.doc
    end = place.end
    while end < len(doc) and end - place.end < BODY_NAME_REACH and doc[end].is_title \
            and doc[end].ent_iob_ == "O" and doc[end].pos_ in ("PROPN", "NOUN"):
        end += 1
    if end == place.end or doc[end - 1].lower_ not in lexicon.organization_words():
        return None
    return end


def _opens_body(country: Span, body: Span, countries) -> bool:
    """A country's name or demonym right before a body's name is part of it ("Chinese" + "CDC", "British" +
    "Red Cross"), unless the body is international ("the Italian G7 presidency", "the Russian UN envoy") or is
    a portfolio in a title ("Russian Defence Minister")."""
    doc = body.doc
    if country.end != body.start or country.label_ not in ("NORP", "GPE") \
            or clean_name(country.text).casefold() not in countries:
        return False
    name = clean_name(body.text)
    known = lexicon.organization_by_surface().get(name.casefold())
    title_after = body.end < len(doc) and doc[body.end].text in lexicon.title_words()
    # An international body's short name written out in words after a demonym names a national body of the
    # same kind ("the British Red Cross", "the Russian Security Council"); its full name or acronym does not.
    international = known is not None and known.international and (
        name.casefold() == known.name.casefold() or not any(c.islower() for c in name))
    return not international and not title_after


ACRONYM_NAME_REACH = 12  # tokens a body's name may run back from the parenthesis that defines its acronym
ACRONYM_NAME_MIN_LETTERS = 3  # two initials spell a two-letter acronym by chance too often
# What stands between a name's capitalised words: the small words of titles and place names, and punctuation.
_ACRONYM_JOINERS = lexicon.word_set("title_small_words") | lexicon.word_set("place_name_joiners") \
    | {"des", "&", ",", "-", "'s", "’s"}


def _through_defined_acronym(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The bounds of the name an acronym in parentheses spells, when the entity at [start, end) is part of it
    and shorter: "United Nations" of "United Nations High Commissioner for Refugees (UNHCR)", "Customs
    Enforcement" of "Immigration and Customs Enforcement (ICE)". The name runs from a capitalised word to the
    parenthesis, over capitalised words, numbers and the small words of names, and its capitalised words'
    initials and its numbers spell the acronym ("Movimento 5 Stelle (M5S)"), in their order or, for a name
    translated from another language, in another ("Union of Rationalist Atheists and Agnostics (UAAR)")."""
    paren = end
    while paren < len(doc) and paren - end < ACRONYM_NAME_REACH and doc[paren].text != "(" \
            and _name_token(doc[paren]):
        paren += 1
    if paren + 2 >= len(doc) or doc[paren].text != "(" or doc[paren + 2].text != ")":
        return None
    acronym = doc[paren + 1].text
    if not acronym.isalnum() or not acronym.isupper() or len(acronym) < ACRONYM_NAME_MIN_LETTERS:
        return None
    for first in range(min(start, paren - 1), max(-1, paren - ACRONYM_NAME_REACH - 1), -1):
        if not _name_token(doc[first]):
            break
        initials = "".join(t.text if t.is_digit else t.text[0] for t in doc[first:paren]
                           if t.text[:1].isupper() or t.is_digit)
        if doc[first].text[:1].isupper() and sorted(initials) == sorted(acronym):
            return (first, paren) if (first, paren) != (start, end) else None
    return None


CUT_NAME_REACH = 8  # tokens a name the model cut after a small word may run on: "for Human Rights" and more


def _through_cut_name(doc: Doc, end: int) -> int:
    """Where an organisation's name ends that the model cut after one of its small words ("The Office of the"
    + "UN High Commissioner for Human Rights"): over the capitalised words and small words after it, to the
    last capitalised word; `end` itself when the name does not end in a small word."""
    if end >= len(doc) or doc[end - 1].lower_ not in _CUT_AFTER or not doc[end].text[:1].isupper():
        return end
    return _name_run_end(doc, end, min(len(doc), end + CUT_NAME_REACH),
                         lambda token: token.text[:1].isupper() and not token.is_sent_start, _CUT_AFTER)


def _name_run_end(doc: Doc, start: int, stop: int, is_name_word: Callable[[Token], bool],
                  small_words: Container[str]) -> int:
    """Where the words of a name that goes on from `start` (before `stop`) end: over its name words and the
    small words between them, to the last name word; `start` itself when no name word comes first."""
    last = start
    for index in range(start, stop):
        token = doc[index]
        if is_name_word(token):
            last = index + 1
        elif token.lower_ not in small_words:
            break
    return last


# The small words a name goes on after; not "and", which ends a list as often ("Voice of America and" + "Radio
# Free Europe") as it joins a name's words.
_CUT_AFTER = frozenset({"of", "the", "for", "on", "de", "du", "des", "la", "le"})


def _name_token(token: Token) -> bool:
    return token.text[:1].isupper() or token.is_digit or token.lower_ in _ACRONYM_JOINERS


PLACE_NAME_REACH = 2  # words a gazetteer name may add on either side of the model's entity ("South … Sea")
_PLACE_NAME_JOINERS = lexicon.word_set("place_name_joiners")


def _known_place_around(ent: Span) -> tuple[int, int] | None:
    """The longest gazetteer place name that holds the entity and is cut short by the model ("Inner" +
    "Mongolia", "South China Sea" of which it kept "China", "Braunau am Inn" of which "Braunau"): token
    bounds of the name, or None when no longer known name holds it."""
    doc, places = ent.doc, lexicon.known_places()
    best: tuple[int, int] | None = None
    for start in range(max(0, ent.start - PLACE_NAME_REACH), ent.start + 1):
        for end in range(min(len(doc), ent.end + PLACE_NAME_REACH), ent.end - 1, -1):
            if end - start <= len(ent) or not _name_words(doc[start:end]):
                continue
            if doc[start:end].text.casefold() in places and (best is None or end - start > best[1] - best[0]):
                best = (start, end)
    return best


def _name_words(span: Span) -> bool:
    """Every word capitalised, or a joiner inside a name ("am" in "Braunau am Inn"), and no line break."""
    return span[0].text[:1].isupper() and span[-1].text[:1].isupper() and all(
        (t.text[:1].isupper() or t.lower_ in _PLACE_NAME_JOINERS or t.text == "-") and not t.is_space for t in span)


DEMONYM_NAME_REACH = 3  # words a name opened by a demonym may add ("Palestinian" + "Red Crescent Society")


def _name_after_demonym(demonym: Span, lower_words: AbstractSet[str]) -> int | None:
    """Where a name ends that a demonym opens and the model left untagged ("The Palestinian Red Crescent
    said", "the American Legion"): capitalised words right after it that the article never writes in lower
    case and that are no title ("Russian President" is a title); None when there are none, or when the whole
    is a country's formal name."""
    doc, end = demonym.doc, demonym.end
    titles = lexicon.title_words()
    while end < len(doc) and end - demonym.end < DEMONYM_NAME_REACH and doc[end].ent_iob_ == "O" \
            and doc[end].is_title and doc[end].pos_ in ("PROPN", "NOUN", "ADJ") \
            and doc[end].text not in titles and doc[end].lower_ not in lower_words:
        end += 1
    if end == demonym.end or clean_name(doc[demonym.start:end].text).casefold() in lexicon.country_by_surface():
        return None
    # Part of a longer capitalised name, on either side ("Daughters of the American Revolution …", "Australian
    # National Iodine Nutrition Study"): not a name the demonym opens.
    after = doc[end] if end < len(doc) else None
    if after is not None and after.is_title and after.pos_ in ("PROPN", "NOUN", "ADJ"):
        return None
    before = [t for t in doc[max(0, demonym.start - 2):demonym.start] if t.lower_ != "the"]
    if before and (before[-1].lower_ == "of" or (before[-1].is_title and not before[-1].is_sent_start)):
        return None
    return end


def _national_body_end(country: Span) -> int | None:
    """Where the name of a national body ends when a country's name or demonym opens it and the model
    labelled only the country ("U.S." + "Department of Agriculture", "Chinese" + "Center for Disease Control
    and Prevention"); None when no body's name follows. The name runs through capitalised words and "of",
    "for", "and" between them, and stops at a title ("… Department of Agriculture Secretary Sonny Perdue").
    A body's head word must be in it ("U.S. Fish and Wildlife Service"), and the words after the head belong
    to the name."""
    doc, end, body_end = country.doc, country.end, None
    titles = lexicon.title_words()
    while end < len(doc) and doc[end].ent_iob_ == "O":
        token = doc[end]
        # A title word belongs to the name until the body's head word ("Foreign" + "Ministry"), and ends it after
        # ("… Department of Agriculture Secretary Sonny Perdue").
        if token.is_title and token.pos_ in ("PROPN", "NOUN", "ADJ") and (body_end is None or token.text not in titles):
            end += 1
            if body_end is not None or token.lower_ in lexicon.state_body_words():
                body_end = end
        elif token.lower_ in ("of", "for", "and") and end + 1 < len(doc) and doc[end + 1].is_title \
                and doc[end + 1].ent_iob_ == "O":
            end += 1
        else:
            break
    return body_end


def _first_name(doc, index: int) -> bool:
    """The token at `index` reads as a first name before a surname: a capitalised proper noun that is no title
    or honorific, and is not the end of a longer name ("Refugee Council")."""
    if index < 0:
        return False
    token = doc[index]
    return token.pos_ == "PROPN" and token.is_title and not _is_title_word(token) \
        and token.ent_iob_ in ("O", "B") and token.ent_type_ in ("", "PERSON", "ORG") \
        and token.text.casefold() not in lexicon.country_by_surface()  # "Turkish Fidan" is Fidan


def _is_title_word(token: Token) -> bool:
    """An honorific or a word of a title ("Mr.", "General", "Minister"), which no first name is."""
    return token.text in HONORIFICS or token.text in lexicon.title_words()


def _demonym_as_surname(ent: Span, countries) -> bool:
    """A lone demonym right after a first name, in the same sentence, and modifying no noun after it, is a
    surname ("Mark Cuban, the billionaire owner"; not "Maria's Cuban relatives")."""
    entry = countries.get(ent.text.casefold())
    doc = ent.doc
    return len(ent) == 1 and entry is not None and entry[1] == "demonym" and _first_name(doc, ent.start - 1) \
        and doc[ent.start - 1].ent_iob_ == "O" and doc[ent.start - 1].sent == ent.sent \
        and not _modifies_a_noun(ent[0])


def _modifies_a_noun(token: Token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.dep_ in ("amod", "compound") or (following is not None and following.pos_ in ("NOUN", "PROPN"))


def _voted(labels: Counter[str]) -> str | None:
    """PERSON or ORG when the article labels the name so more often than as a place."""
    places = sum(labels[name] for name in _PLACE_LABELS)
    other, count = max(((name, labels[name]) for name in ("PERSON", "ORG")), key=lambda item: item[1])
    return other if count > places else None


def _listed_with(ent: Span, by_root: dict[int, Span]) -> str | None:
    """The commonest label (organisation or person) of the names coordinated with `ent`, when none of them is
    a place."""
    root = ent.root
    linked = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        linked.append(root.head)
        linked.extend(c for c in root.head.children if c.dep_ == "conj" and c.i != root.i)
    labels = Counter(by_root[t.i].label_ for t in linked if t.i in by_root)
    if not labels or set(labels) & set(_PLACE_LABELS):
        return None
    names = [label for label, _ in labels.most_common() if label in ("ORG", "PERSON")]
    return names[0] if names else None


MILITARY_NOUNS = lexicon.word_set("military_nouns")


_BACKING = lexicon.word_set("backing_words")


def _militaries(parsed: ParsedArticle) -> list[Mention]:
    """A country's armed forces are an organisation of their own ("Syrian army", "Russia's military", "Syrian
    troops"): one per country, named "<demonym> army" when the text says army, else "<demonym> military"."""
    surfaces = lexicon.country_by_surface()
    found: list[tuple[str, Mention]] = []
    for token in parsed.doc:
        if token.lower_ not in MILITARY_NOUNS or token.pos_ != "NOUN":
            continue
        country = None
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < token.i:
                holder = entity_at(child)  # "South Sudan's army": the whole name, not "Sudan"
                words = holder if holder is not None and holder.end == child.i + 1 else child.doc[child.i:child.i + 1]
                entry = surfaces.get(clean_name(words.text).casefold())
                if entry and entry[1] in ("demonym", "name"):
                    country, start = entry[0], words.start
        if country is None:
            continue
        span = parsed.doc[start:token.i + 1]
        if span[0].text.endswith("-") or any(t.lemma_.lower() in _BACKING for t in span):
            continue  # "Iranian- and Russian-backed government forces" are not Iran's army
        mention = Mention(span.text, ORGANIZATION, start=span.start_char, end=span.end_char, token_start=span.start,
                          token_end=span.end, acting=True, country=country.name,
                          headline=parsed.in_headline(span.start_char))
        found.append((token.lower_, mention))
    armies = {m.country for noun, m in found if noun == "army"}
    demonyms = {c.name: (c.demonyms[0] if c.demonyms else c.name) for c in lexicon.countries()}
    names = {country: f"{demonyms[country]} {'army' if country in armies else 'military'}"
             for country in {m.country for _, m in found if m.country}}
    return [dataclasses.replace(m, organization=names[m.country]) for _, m in found if m.country]


def _with_parties(mentions: list[Mention]) -> list[Mention]:
    """A party referred to by its adjective ("the Republican president", "Democratic criticism") counts only
    when the article names the party's country: Hong Kong's Democratic Party is not the American one."""
    countries = {m.country for m in mentions if m.category == COUNTRY}
    return [m for m in mentions if m.form != "party" or m.country in countries]


BODY_NOUNS = lexicon.word_set("body_nouns")


def _bodies_by_noun(parsed: ParsedArticle) -> list[Mention]:
    """A public body written in lower case after the place, country or organisation it belongs to ("China's
    commerce ministry", "Hong Kong police", "the Inner Mongolia health commission", "the Russian embassy", "the
    UN mission", "the World Food Programme's office"): an organisation named as written, beside its owner's
    own mention (so a country still reacts through its ministry, and "the mission said" finds the mission, not
    the UN). The words between the owner and the noun must be lower-case nouns or adjectives ("commerce")."""
    doc = parsed.doc
    surfaces = lexicon.country_by_surface()
    found = []
    for token in doc:
        if token.lower_ not in BODY_NOUNS or token.pos_ not in ("NOUN", "PROPN") \
                or not (token.is_lower or _capitalised_after_organization(token)) or token.ent_type_ not in ("", "ORG"):
            continue  # the model may label the lower-case words ORG ("commerce ministry"): still this body
        start = token.i
        while start > 0 and doc[start - 1].is_lower and doc[start - 1].pos_ in ("NOUN", "ADJ", "PROPN") \
                and doc[start - 1].ent_type_ in ("", "ORG"):
            start -= 1
        if start > 0 and doc[start - 1].text in ("'s", "’s"):
            start -= 1
        owner = entity_at(doc[start - 1]) if start > 0 else None
        if owner is None or owner.end != start or owner.label_ not in ("GPE", "LOC", "NORP", "ORG") \
                or not _names_a_body(doc[start:token.i + 1], token):
            continue
        name = clean_name(owner.text)
        country = surfaces.get(name.casefold())
        if country is None and (owner.label_ == "NORP" or (owner.label_ != "ORG" and not is_known_place(name))):
            continue  # "the Kurdish police" is no country's body; "Ukrainian" is
        if owner.label_ == "ORG" and token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("NOUN", "PROPN"):
            continue  # "KPA civil police posts": the noun describes posts, no body of the organisation's
        span = doc[owner.start:token.i + 1]
        text = span.text[4:] if span.text.lower().startswith("the ") else span.text
        found.append(Mention(text, ORGANIZATION, start=span.end_char - len(text), end=span.end_char,
                             token_start=span.start, token_end=span.end, acting=True,
                             country=country[0].name if country else None, organization=text,
                             headline=parsed.in_headline(span.start_char)))
    return found


def _capitalised_after_organization(noun: Token) -> bool:
    """A capitalised body noun the model left out of the organisation right before it: "UN" + "Mission",
    "WHO" + "Office"."""
    return noun.is_title and noun.ent_iob_ == "O" and noun.i > 0 and noun.doc[noun.i - 1].ent_type_ == "ORG"


# Area nouns after which an untagged name is a place's; "state", "capital", "border" and "countryside" also
# follow words that name no place ("the Islamic State", "the Senate border bill").
_AREA_NOUNS_AFTER_NAMES = frozenset(noun for noun, kind in lexicon.place_nouns().items() if kind == "area") \
    - {"state", "capital", "border", "countryside"}


def _places_by_noun(parsed: ParsedArticle) -> list[Mention]:
    """A place the model did not tag, named by the capitalised words between "the" and an area noun that heads
    its phrase: "in the Saemangeum area", "the Donbas region". A name the model tagged is classified as an
    entity instead."""
    doc = parsed.doc
    found = []
    for token in doc:
        if token.lower_ not in _AREA_NOUNS_AFTER_NAMES or not token.is_lower or token.ent_iob_ != "O" \
                or (token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("NOUN", "PROPN")):
            continue
        start = token.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].ent_iob_ == "O" and not doc[start - 1].is_sent_start:
            start -= 1
        if start == token.i or start == 0 or doc[start - 1].lower_ != "the":
            continue
        span = doc[start:token.i]
        found.append(Mention(span.text, PLACE, start=span.start_char, end=span.end_char, token_start=span.start,
                             token_end=span.end, acting=False, headline=parsed.in_headline(span.start_char)))
    return found


_ONE_WORD_FACILITIES = frozenset(word for word in lexicon.facility_words() if " " not in word)


def _facilities_by_name(parsed: ParsedArticle) -> list[Mention]:
    """A facility the model did not tag, named by capitalised words ending in a facility word
    (facility_words.txt): "the Al-Ghaza Hotel near the Masjid Al-Haram (Grand Mosque)", "Washington Dulles
    International Airport" (a name the model tagged opening it is part of it). A place, as the facilities the
    model tags are."""
    doc = parsed.doc
    found = []
    for token in doc:
        if token.text not in _ONE_WORD_FACILITIES or token.ent_iob_ != "O":
            continue
        start = token.i
        while start > 0 and not doc[start - 1].is_sent_start and (
                (doc[start - 1].is_title and doc[start - 1].is_alpha)
                or (doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and start > 1
                    and doc[start - 2].is_title)):
            named = entity_at(doc[start - 1])
            if named is not None and named.end != start:
                break
            start = start - 1 if named is None else named.start  # a name opening the facility's: "Washington"
        if start == token.i or doc[start].text == "-":
            continue
        span = doc[start:token.i + 1]
        found.append(Mention(span.text, PLACE, start=span.start_char, end=span.end_char, token_start=span.start,
                             token_end=span.end, acting=False, headline=parsed.in_headline(span.start_char)))
    return found


# Nouns of a building as much as a body: a body only when it acts ("the U.S. embassy said"), not when it is
# where something happens ("the attack on the Iranian consulate").
_BUILDING_BODIES = ("embassy", "consulate", "mission")


def _names_a_body(words: Span, noun: Token) -> bool:
    """The lower-case words name a body of their own: not an outlet ("state news agency") and not a
    description set before the body's name ("North Korea's main news agency Korean Central News Agency")."""
    if any(t.lower_ in ("news", "media", "press") for t in words):
        return False
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is not None and following.ent_type_ == "ORG":
        return False
    return noun.lower_ not in _BUILDING_BODIES or noun.dep_ in ("nsubj", "nsubjpass")


def repaired(ent: Span) -> Span:
    """The entity with the words the small model cut off: a name ending in "of", "on" or "for" goes on
    through the capitalised words after it ("Comic Corps of" + "Canada"), an organisation's name through a
    hyphen ("Council on American" + "- Islamic Relations"), and a hyphenated personal name keeps its tail
    ("Wong Kwok" + "-kin")."""
    from spacy.tokens import Span

    doc, end = ent.doc, ent.end
    if ent.label_ == "PERSON" and len(ent) > 1 and _speech_verb_form(ent[-1].text):
        # A title-case headline runs the verb into the name: "Obama Says …", "Howard Dean Tells …".
        return repaired(Span(doc, ent.start, ent.end - 1, label=ent.label_))
    if ent[-1].lower_ in ("of", "on", "for", "and"):
        end = _name_run_end(doc, end, len(doc),
                            lambda token: token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ"),
                            frozenset())
    # "Council on American" + "- Islamic Relations", "NATO" + "-Ukraine Council": the compound goes on to a
    # capitalised word; "the Airbus-Boeing battle" joins two names and stops.
    if ent.label_ == "ORG" and end + 2 < len(doc) and doc[end].text == "-" and doc[end + 1].is_title \
            and doc[end + 2].is_title and doc[end + 2].pos_ in ("PROPN", "NOUN") \
            and doc[end + 2].ent_type_ != "PERSON":
        end += 3
    if ent.label_ == "ORG" and end == ent.end:
        end = _through_seat(ent)
    if ent.label_ == "ORG" and end == ent.end:
        end = _through_purpose(ent)
    while ent.label_ == "PERSON" and end + 1 < len(doc) and doc[end].text == "-" \
            and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_lower:
        end += 2
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _described_with_who(ent: Span) -> bool:
    """A name set off by a relative clause with "who" is a person's, whatever the name looks like ("Paris, who
    used to work on Capitol Hill, said"): places and countries take "which" or "where". Only right after a
    comma: "hopefuls from Afghanistan, Eritrea and Yemen who applied" describes the hopefuls."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != "," or doc[ent.end + 1].lower_ not in ("who", "whom"):
        return False
    return doc[ent.end + 1].head.dep_ == "relcl" and doc[ent.end + 1].head.head.i in range(ent.start, ent.end)


def _speech_verb_form(word: str) -> bool:
    """A capitalised third-person form of a verb of saying ("Says", "Tells", "Warns"), never a name's end."""
    return word[:1].isupper() and word.endswith("s") and word[:-1].lower() in lexicon.speech_verbs()


def _through_seat(ent: Span) -> int:
    """Where a body's name ends when the model stopped it before "of" and the city or region it is of
    ("Federal Reserve Bank" + "of New York", "Council" + "of Europe"): a body's head word must end what the
    model kept. A country after "of" stays a name of its own ("the Communist Party of China" names China)."""
    doc, end = ent.doc, ent.end
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or ent[-1].lower_ not in lexicon.organization_words():
        return end
    seat = entity_at(doc[end + 1])
    if seat is None or seat.start != end + 1 or seat.label_ not in ("GPE", "LOC") \
            or clean_name(seat.text).casefold() in lexicon.country_by_surface():
        return end
    return seat.end


_NAME_CONNECTORS = ("of", "and", "the", "for", "on")


def _through_purpose(ent: Span) -> int:
    """Where a body's name ends when the model stopped it at its head word before "for" or "on" and what the
    body is for ("Joint Council" + "for the Welfare of Immigrants", "Committee" + "on Foreign Relations"): the
    name goes on through capitalised words and the small words between them; a date or a person after "on"
    ("the Council on Monday") is no part of it."""
    doc, end = ent.doc, ent.end
    if end + 1 >= len(doc) or doc[end].lower_ not in ("for", "on") \
            or ent[-1].lower_ not in lexicon.organization_words():
        return end
    index = end + 1 + (doc[end + 1].lower_ == "the")
    last = _name_run_end(doc, index, len(doc),
                         lambda token: token.is_title and token.ent_type_ not in ("DATE", "TIME", "PERSON"),
                         _NAME_CONNECTORS)
    return last if last > index else end


def _classify(ent: Span, parsed: ParsedArticle, countries, organizations, agencies,
              labels: dict[int, str], labels_elsewhere: frozenset[str] = frozenset(),
              common_nouns: AbstractSet[str] = frozenset()) -> Mention | None:
    label = ent.label_
    if label not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
        return None
    ent = _before_parenthesis(repaired(ent))
    text = clean_name(ent.text)
    if len(text) < 2 or not any(ch.isupper() for ch in text):
        return None
    folded = text.casefold()
    headline = parsed.in_headline(ent.start_char) or (
        _in_capitals(ent.sent) and not _known_in_capitals(folded, countries, organizations))
    common: dict[str, Any] = dict(start=ent.start_char, end=ent.start_char + len(ent.text), token_start=ent.start,
                  token_end=ent.end, headline=headline)
    if folded in agencies or (folded not in organizations and _names_no_actor(ent, text, common_nouns)):
        return None
    party = lexicon.party_names().get(text)
    if party is not None and label in ("NORP", "ORG"):  # "the Republican president", "Democratic criticism"
        return Mention(text, ORGANIZATION, acting=True, organization=party[0], country=party[1], form="party",
                       **common)
    if label in ("GPE", "LOC", "PERSON") and _described_with_who(ent):
        return Mention(text, PERSON, acting=True, **common)  # "Paris, who used to work on Capitol Hill, said"
    if folded in countries:
        country, form = countries[folded]
        if form == "name" and _topic_of(ent):
            return None
        if form == "capital" and _town_and_state(ent):
            return Mention(text, PLACE, acting=False, **common)  # "Kent, Washington": the state, not the capital
        acting = not _locates(ent) if form == "demonym" \
            else _acts(ent) and _place_name(ent, labels, by_context_only=True) is None
        return Mention(text, COUNTRY, acting=acting, country=country.name, form=form, **common)
    if label in _PLACE_LABELS and _names_a_time(ent) and not is_known_place(text):
        return None  # "during the Black Death", "amid the Arab Spring": an event, no place
    # A group's name (NORP) the gazetteer does not know is a place only by a place noun after it ("the New
    # Aleppo neighborhood"), never by a preposition or a list: "policies regarding Muslims traveling to the U.S.".
    place = _place_name(ent, labels, by_context_only=label == "NORP" and not is_known_place(text))
    if place is not None and label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP") and folded not in organizations:
        return Mention(clean_name(place), PLACE, acting=False, **common)
    if folded in organizations:
        if _seat_of_body(ent, text) or (organizations[folded].international and _spread_over(ent)):
            return Mention(text, PLACE, acting=False, **common)  # "an envoy in Brussels": the city, not the EU
        if organizations[folded].company and _names_a_medium(ent):
            return None  # "posted on Weibo", "a Twitter-like site", "one Weibo commenter": where, not who
        return Mention(text, ORGANIZATION, acting=True, organization=organizations[folded].name, **common)
    if label in _PLACE_LABELS and _named_as_organization(ent) and not is_known_place(text):
        return Mention(text, ORGANIZATION, acting=True, **common)  # "the Century International think tank"
    if label == "PERSON":
        if _made_a_modifier(text):
            return None
        before = ent.doc[ent.start - 1] if ent.start else None
        if before is not None and before.text in HONORIFICS:
            text = f"{before.text} {text}"
        return Mention(text, PERSON, acting=True, **common)
    if label == "ORG":
        return Mention(text, ORGANIZATION, acting=True, **common)
    if label in _PLACE_LABELS and not _unknown_lone_name(text, label, labels_elsewhere):
        return Mention(text, PLACE, acting=False, **common)
    return None


_ORGANIZATION_NOUNS = [tuple(n.split()) for n in lexicon.word_list("organization_nouns")]


_NAME_MODIFIER_WORDS = lexicon.word_set("name_modifier_words")


def _made_a_modifier(name: str) -> bool:
    """A person's name hyphenated to a word that makes it describe something else: "Trump-era tariffs",
    "a Koch-backed group" (but "Kim Jong-un", "Ban Ki-moon": a given name's syllables)."""
    head, hyphen, tail = name.rpartition("-")
    return bool(hyphen and head) and tail in _NAME_MODIFIER_WORDS


def _named_as_organization(ent: Span) -> bool:
    """The name is followed by a lower-case noun of organisations that heads the phrase ("the Century
    International think tank said"; not "the Wagner group leader")."""
    doc = ent.doc
    for noun in _ORGANIZATION_NOUNS:
        after = ent.end + len(noun)
        if after <= len(doc) and tuple(t.text for t in doc[ent.end:after]) == noun \
                and (after == len(doc) or doc[after].pos_ not in ("NOUN", "PROPN")):
            return True
    return False


_NON_ACTOR_HEADS = lexicon.word_set("non_actor_heads")
_COMMON_ACRONYMS = lexicon.word_set("common_acronyms")
# A market instrument's code as wire copy writes it after the name: "Sterling GBP=", "outside Japan .MIAPJ0000PUS",
# "Copper CMCU3" (Reuters Instrument Codes).
_INSTRUMENT_CODE = re.compile(r"[A-Z]{2,}[A-Za-z0-9]*=|\.[A-Z]{2,}[A-Z0-9]*|[A-Z]{4,}[0-9]")


def _names_no_actor(ent: Span, text: str, common_nouns: AbstractSet[str] = frozenset()) -> bool:
    """A name that is no actor and no place: a programme, law, market index or event by its last word
    ("SunShot Initiative", "Dow Jones Industrial Average", "Dubai Air Show"), an ideology ("National Socialism"),
    a unit after a number the model took for a name ("8.69 GW") or a market instrument's code."""
    words = text.split()
    if words[-1].casefold() in _NON_ACTOR_HEADS or (len(words) == 1 and text in _COMMON_ACRONYMS):
        return True
    if len(ent) == 1 and text in common_nouns:
        return True
    if words[-1].endswith("ism") and not any(w.casefold() in lexicon.organization_words() for w in words):
        return True  # "Ministry of Tourism" is a body
    doc = ent.doc
    if len(ent) == 1 and ent.text in lexicon.units() and ent.start > 0 and doc[ent.start - 1].like_num:
        return True
    if _portfolio(ent, words) or _opens_title(ent):
        return True
    return any(_INSTRUMENT_CODE.fullmatch(token.text) for token in ent)


# Determiners that never go before a body's name standing alone: "an IPO", "its cancelled IPO", "a handsome EV"
# (but "the FBI", and "an NBA player", where the acronym qualifies the noun after it).
_COMMON_NOUN_DETERMINERS = frozenset({"a", "an", "another", "each", "every", "its", "his", "her", "their", "our",
                                      "my", "your"})


def _acronyms_as_common_nouns(doc: Doc) -> frozenset[str]:
    """The acronyms the article itself uses as common nouns, so no actor anywhere in it: written in the plural
    ("EVs", "IPOs") or heading a phrase opened by an indefinite article or a possessive ("an IPO", "its cancelled
    IPO", "a handsome EV") at least as often as it stands as a name does, bare or after "the" ("HP was", "the
    SVP"). The vote keeps a body written once as a noun ("after a desperate HP asked" against 25 "HP"); a country
    ("the UKs biggest housebuilder") is never one. The lexicon's common_acronyms.txt lists the frequent ones an
    article may not show. One pass over the article, for all its acronyms."""
    common: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for token in doc:
        if token.text.endswith("s") and _acronym_shaped(token.text[:-1]):
            common[token.text[:-1]] += 1
        elif _acronym_shaped(token.text) and not _qualifies_what_follows(token):
            determiner = _determiner_before(token)
            if determiner in _COMMON_NOUN_DETERMINERS:
                common[token.text] += 1
            elif determiner not in ("'s", "’s"):  # "WeWork's IPO", "China's CDC": either
                named[token.text] += 1
    countries = lexicon.country_by_surface()
    return frozenset(text for text, uses in common.items() if uses >= named[text] and text.casefold() not in countries)


def _acronym_shaped(text: str) -> bool:
    return 2 <= len(text) <= 6 and text.isupper() and text.isalpha()


def _determiner_before(token: Token) -> str | None:
    """The word before the token, past the lower-case modifiers between them: "its" for "its cancelled IPO"."""
    before = token.i - 1
    while before >= 0 and (token.doc[before].pos_ in ("ADJ", "ADV") or token.doc[before].tag_ in ("VBN", "VBG")) \
            and token.doc[before].is_lower:
        before -= 1
    return token.doc[before].lower_ if before >= 0 else None


def _qualifies_what_follows(token: Token) -> bool:
    """The word qualifies a noun after it, so it heads no phrase of its own: "an NBA player", "a NASA planetary
    scientist", "its ESPN+ app", "USB-C ports"."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.dep_ in ("compound", "nmod", "amod") and token.head.i > token.i:
        return True
    return after is not None and (after.pos_ in ("NOUN", "PROPN", "NUM") or after.text in ("-", "+"))


_PORTFOLIO_TITLES = lexicon.word_set("portfolio_titles")


def _portfolio(ent: Span, words: list[str]) -> bool:
    """The portfolio of a title the model took for a body: "Defence" in "Defence Minister", "Education" in
    "Minister of Education" or "Undersecretary for Education"; a name holding a body's head word is a body
    ("Interior Ministry")."""
    doc = ent.doc
    if ent.label_ != "ORG" or any(w.casefold() in lexicon.organization_words() for w in words):
        return False
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = doc[ent.start - 2].lower_ if ent.start >= 2 and doc[ent.start - 1].lower_ in ("of", "for") else ""
    return after in _PORTFOLIO_TITLES or before in _PORTFOLIO_TITLES


_TITLES = frozenset(lexicon.titles())


def _opens_title(ent: Span) -> bool:
    """The name and the words after it make a title of titles.txt: the model took the first word of "Emeritus
    Professor John Burrows" for a body."""
    following = ent.doc[ent.end:ent.end + 3]
    return any(f"{ent.text} {following[:end].text}" in _TITLES for end in range(1, len(following) + 1))


_MEDIUM_PREPOSITIONS = frozenset({"on", "via", "to", "through"})


def _names_a_medium(ent: Span) -> bool:
    """A platform named as where words appear ("on Twitter", "posted to Facebook", "via WeChat") or as what
    describes something or someone else ("a Twitter-like site", "one Weibo commenter"), not as one who acts."""
    root, doc = ent.root, ent.doc
    if (root.dep_ == "pobj" and root.head.lower_ in _MEDIUM_PREPOSITIONS) \
            or (ent.start > 0 and doc[ent.start - 1].lower_ in _MEDIUM_PREPOSITIONS):
        return True  # "on Twitter @NolteNC", which the parse may hang under the handle
    following = doc[ent.end] if ent.end < len(doc) else None
    # before a common noun only: "the Google Science Fair" is Google's own event
    return (root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN") \
        or (following is not None and following.text == "-")


def _seat_of_body(ent: Span, text: str) -> bool:
    """A body's alias that is a city the gazetteer knows, placed by "in", "at" or "near" ("an envoy in
    Brussels"); an acronym is never a city ("according to the UN")."""
    root = ent.root
    return not text.isupper() and is_known_place(text) and root.dep_ == "pobj" \
        and root.head.lower_ in ("in", "at", "near")


def _spread_over(ent: Span) -> bool:
    """An international body named as the area its members cover ("architects from across the European Union",
    "throughout the EU"): where, not who. "In" names the body itself as often ("a debate in the UN"), so is
    left; a platform is a medium, not an area ("ridicule across Twitter")."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in ("across", "throughout")


def _unknown_lone_name(text: str, label: str, labels_elsewhere: frozenset[str]) -> bool:
    """A one-word "place" that no gazetteer lists and no place noun or list of places supports: the small
    model labels surnames and brands GPE ("the Bidens", "Burisma", "on Weibo", "designer Halston")."""
    return label == "GPE" and " " not in text and "-" not in text and not is_known_place(text) \
        and not labels_elsewhere & {"ORG", "PERSON"}  # typed a name elsewhere: its place reading settles it


# "in Scientology", "in the party": only prepositions of space place an organisation's name.
ORG_LOCATIVES = lexicon.word_set("organization_locatives")
PERSON_LOCATIVES = lexicon.word_set("person_locatives")
# For a name the gazetteer lists, the commonest prepositions of place say enough, whatever the model's label.
GAZETTEER_LOCATIVES = ("in", "from", "at")


def _place_name(ent: Span, labels: dict[int, str], by_context_only: bool = False) -> str | None:
    """The place an entity names when its context makes it one, whatever its label: "Latakia provinces",
    "the Kakhovka dam" (a facility keeps its noun), "the area of Qasr al Baladi", "in Hama", "Aleppo, Hama and
    Latakia", "neighboring Lebanon"; None otherwise."""
    doc, root = ent.doc, ent.root
    nouns = lexicon.place_nouns()
    following = doc[ent.end:min(len(doc), ent.end + 4)]
    for offset, token in enumerate(following):
        kind = nouns.get(token.lower_)
        if kind and all(t.pos_ in ("ADJ", "NOUN", "PROPN") for t in following[:offset]):
            return doc[ent.start:token.i + 1].text if kind == "facility" else ent.text
        if token.pos_ not in ("ADJ", "NOUN", "PROPN"):
            break
    if _described_as_place(ent, nouns):
        return ent.text
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in nouns:
        return ent.text
    if root.dep_ == "poss" and head.lower_ in nouns:
        return ent.text
    if root.dep_ == "dobj" and head.lemma_.lower() in ("neighbor", "neighbour", "neighboring", "neighbouring"):
        return ent.text
    if by_context_only:
        return None
    # Names the model took for people or organisations, placed by a preposition or a list of places, when the
    # gazetteer knows them as places: "into the Bidens and Burisma" and "on Weibo" name no place.
    known = ent.label_ not in ("PERSON", "ORG") or is_known_place(ent.text)
    if root.dep_ == "pobj" and head.lower_ in (PERSON_LOCATIVES if ent.label_ == "PERSON" else ORG_LOCATIVES) \
            and known:
        return ent.text
    if root.dep_ == "pobj" and head.lower_ in GAZETTEER_LOCATIVES and ent.label_ in ("PERSON", "ORG") \
            and is_known_place(ent.text):
        return ent.text  # "from Herat, their home": a city the gazetteer knows, typed ORG by the model
    if _listed_as_places(root, nouns) or _town_and_state(ent) or _home_after_age(ent):
        return ent.text
    countries = lexicon.country_by_surface()
    if root.dep_ in ("conj", "appos") and labels.get(head.i, head.ent_type_) \
            in _PLACE_LABELS \
            and head.text.casefold() not in countries and _place_on_its_own(head):
        return ent.text
    return None


def _town_and_state(ent: Span) -> bool:
    """A town the gazetteer knows written with its US state after a comma ("Kent, Washington", "Irving, TX",
    "Louisville, Colorado-based"), or the state after such a town ("HONOLULU, Hawaii"): both are places, whatever
    the model's label. A person's name before a state ("John Cornyn, Texas Republican") is no town."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == "," and is_known_place(ent.text):
        return _us_state_at(doc, ent.end + 1)
    if ent.start >= 2 and doc[ent.start - 1].text == "," and clean_name(ent.text) in lexicon.us_state_names():
        town = entity_at(doc[ent.start - 2])
        return is_known_place(town.text if town is not None else doc[ent.start - 2].text)
    return False


def _home_after_age(ent: Span) -> bool:
    """Where a person lives, as local news writes it after the age: "Christopher L. Tays, 32, of Franklin",
    "Ryan S. Hollman, 31, of Hope"."""
    if ent.start < 4:
        return False
    comma, age, second_comma, of = ent.doc[ent.start - 4:ent.start]
    return (comma.text, second_comma.text, of.lower_) == (",", ",", "of") and age.is_digit \
        and 0 < int(age.text) <= MAX_AGE  # an age, not a year ("In 2015, of Apple products")


def _us_state_at(doc: Doc, start: int) -> bool:
    states = lexicon.us_state_names()
    return any(doc[start:start + size].text.rstrip(".") in states for size in (1, 2) if start + size <= len(doc))


def _place_on_its_own(token: Token) -> bool:
    """The name holding `token` is a place without help from its list: a gazetteer place, or more than one word.
    A lone unknown name the model calls a place is no evidence for its neighbours ("into the Bidens and
    Burisma")."""
    holder = entity_at(token)
    name = clean_name(holder.text) if holder is not None else token.text
    return " " in name or "-" in name or is_known_place(name)


def _described_as_place(ent: Span, nouns) -> bool:
    """A name followed by an apposition that calls it a place: "Braunau am Inn, a town on the border",
    "Yeoncheon, a county north of Seoul". The noun must head its phrase: "Smith, a border state senator"."""
    doc, index = ent.doc, ent.end
    if index + 1 >= len(doc) or doc[index].text != ",":
        return False
    index += 1
    if doc[index].lower_ in ("a", "an", "the"):
        index += 1
    while index < len(doc) and doc[index].pos_ == "ADJ":
        index += 1
    return index + 1 < len(doc) and nouns.get(doc[index].lower_) == "area" \
        and doc[index + 1].pos_ not in ("NOUN", "PROPN")


def _names_a_time(ent: Span) -> bool:
    """The name is the object of a preposition of time: "during the Black Death", "amid the Arab Spring"."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in ("during", "amid", "amidst")


def _listed_as_places(root: Token, nouns) -> bool:
    """A name listed as an example of places: "towns including Khan Sheikhun and Maaret al-Numan", "dozens of
    towns, including …", "regions like Yunnan and …", or in a list a plural noun of places follows: "Barry,
    Berrien, Cass and Van Buren counties", "the Idlib and Hama provinces" (any conjunct of the list)."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if any(child.dep_ == "conj" for child in root.children) and (
            (root.dep_ in ("nmod", "compound") and _names_places(root.head))
            or any(child.dep_ == "appos" and _names_places(child) for child in root.children)):
        return True
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ not in ("including", "like"):
        return False
    listed = preposition.head
    if listed.lemma_.lower() in nouns:
        return True
    # "dozens of towns": the amount heads the phrase, the noun of places follows "of"
    return any(child.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in nouns for g in child.children)
               for child in listed.children)


def _names_places(noun: Token) -> bool:
    """A plural noun of areas that names no place by itself: "counties", "provinces" ("states" is left out, as
    after names in _AREA_NOUNS_AFTER_NAMES)."""
    return noun.tag_ == "NNS" and noun.lemma_.lower() in _AREA_NOUNS_AFTER_NAMES


def _acts(ent: Span) -> bool:
    """A country or capital acts unless it is the object of a locative preposition ("in Syria", "to
    Damascus"), directly or as a conjunct of one, or names where an area is ("Lithuania's capital", "the
    border with Germany", "an Ottawa street")."""
    token = ent.root
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("poss", "compound", "nmod") and lexicon.place_nouns().get(token.head.lower_) == "area":
        return False  # "Lithuania's capital", "the country's border", "an Ottawa street": where, not who
    if token.dep_ == "poss" and _names_a_business(token.head):
        return False  # "Japan's Nikkei futures", "Kazakhstan's Air Astana": where a business is, not who acts
    if token.dep_ == "pobj" and token.head.lower_ == "with" \
            and lexicon.place_nouns().get(token.head.head.lower_) == "area":
        return False  # "a town on the border with Germany"
    if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPOSITIONS:
        return True
    preposition = token.head
    if preposition.lower_ in ("to", "from"):
        # A country with "to" or "from" is a location ("fled to Turkey", "refugees from Syria") unless it
        # receives or gives: "aid to Ukraine", "the bronze to Armenia", "teams from Sudan", "support from Iran".
        return preposition.head.lemma_.lower() in lexicon.exchange_words()[preposition.lower_]
    if preposition.lower_ in ("toward", "towards"):
        return preposition.head.lemma_.lower() not in _MOTION_WORDS
    return False


# An envoy's country before the noun is as often the one they speak for ("U.S. envoy Zalmay Khalilzad") as their
# brief ("Syria envoy Geir Pedersen"): the mention stays, and acts.
_TOPIC_PERSON_NOUNS = lexicon.word_set("topic_person_nouns") - {"envoy"}


def _topic_of(ent: Span) -> bool:
    """A country's name before a noun of people whose subject it gives is neither an actor nor a place: "White
    House Russia adviser Fiona Hill", "a China scholar" (topic_person_nouns.txt)."""
    root = ent.root
    return root.dep_ in ("compound", "nmod") and root.head.i > root.i and root.head.lower_ in _TOPIC_PERSON_NOUNS


_MOTION_WORDS = lexicon.word_set("motion_words")
_BUSINESS_NOUNS = lexicon.word_set("business_nouns")


def _names_a_business(head: Token) -> bool:
    """The noun names a business or what it trades: a noun of business_nouns.txt ("futures", "airline") or a
    name holding a word of company_words.txt ("Air Astana"). A central bank is the state's ("Japan's central
    bank"), as a ministry is."""
    if any(child.lower_ == "central" for child in head.children):
        return False
    words = [t for t in head.lefts if t.dep_ == "compound"] + [head]
    return head.lemma_.lower() in _BUSINESS_NOUNS or head.lower_ in _BUSINESS_NOUNS or (
        head.pos_ == "PROPN" and any(word.lower_ in _COMPANY_WORDS for word in words))


def _locates(demonym: Span) -> bool:
    """A demonym that says where a place or a business is, not who acts: "the Syrian capital", "the Kuwaiti
    roundabout", "a Turkish-based carrier", "the French plane-maker", "Japanese shares"."""
    head = demonym.root.head
    if demonym.root.dep_ in ("amod", "compound", "nmod") and (
            head.lower_ in lexicon.place_nouns() or head.lemma_.lower() in _BUSINESS_NOUNS):
        return True
    following = demonym.doc[demonym.end:demonym.end + 2]
    return len(following) == 2 and following[0].text in ("-", "–") and following[1].lower_ == "based"


def as_surnames(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Names the model typed as an organisation or a place are people when the text names the same person
    elsewhere: a lone word that is the surname of a full name ("Stiell said") or that a personal title names
    elsewhere ("Trump’s Made-for-TV Trade War" beside "Mr. Trump"), or a short name whose last word
    stands alone as a person ("Petro Poroshenko" beside "Poroshenko"). So is a demonym used as a noun when it
    is the surname of a full name ("Mark Cuban" ... "Cuban said"; not "Cuban officials")."""
    surnames = {surname_key(name) for name in _people_names(mentions) if len(name.split()) > 1}
    mentions = _outlets_named_short(mentions, surnames)
    lone = {name.casefold() for name in _people_names(mentions) if len(name.split()) == 1}
    # "Mr. Trump", "President Trump": a personal title before a lone name says it is a person's
    titled = {strip_titles(m.text).casefold() for m in mentions
              if m.category == PERSON and strip_titles(m.text) != m.text}

    def is_person(mention: Mention) -> bool:
        if mention.category == COUNTRY and mention.form == "demonym":
            first = doc[mention.token_start]
            return mention.token_end - mention.token_start == 1 and surname_key(mention.text) in surnames \
                and not _modifies_a_noun(first) and (first.i == 0 or doc[first.i - 1].pos_ != "DET")
        if mention.category not in (ORGANIZATION, PLACE) or mention.organization is not None:
            return False
        words = mention.text.split()
        if len(words) == 1:
            return surname_key(mention.text) in surnames or mention.text.casefold() in titled
        return len(words) <= 3 and words[-1].casefold() in lone and all(w[:1].isupper() for w in words) \
            and not any(w.casefold() in lexicon.organization_words() for w in words) and not outlet_name(mention.text)

    return [dataclasses.replace(m, category=PERSON, acting=True, country=None, form=None) if is_person(m) else m
            for m in mentions]


def _people_names(mentions: list[Mention]) -> list[str]:
    return [strip_titles(m.text) for m in mentions if m.category == PERSON]


def _outlets_named_short(mentions: list[Mention], surnames: AbstractSet[str]) -> list[Mention]:
    """A lone word the model typed as a person's that ends an outlet's name the article gives in full, and is
    no surname of a person it names in full, is the outlet: "The San Francisco Chronicle says …" then "The
    Chronicle says …"."""
    outlets = {m.text.split()[-1] for m in mentions if m.category == ORGANIZATION and outlet_name(m.text)}
    return [dataclasses.replace(m, category=ORGANIZATION) if m.category == PERSON and m.text in outlets
            and surname_key(m.text) not in surnames else m for m in mentions]


def cited_reporters(mentions: Sequence[Mention], doc: Doc) -> frozenset[str]:
    """The journalists the article cites as sources, by surname key: named at least once by the outlet they
    write for ("according to Alex Horton of the Washington Post", "as Emily Feng reports for NPR", "NPR's
    Feng") and elsewhere only as the one who reports ("reports Wee", "Wee of the Times reports that …", "per
    Feng"). Like their outlets, they are not actors, and the words they report are someone else's."""
    roles: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.category != PERSON:
            continue
        if _cited_by_outlet(mention, doc):
            role = "cited"
        elif _reporting(doc[mention.token_start:mention.token_end].root):
            role = "reports"
        else:
            role = "other"
        roles[surname_key(mention.text)].add(role)
    return frozenset(key for key, found in roles.items() if "cited" in found and "other" not in found)


REPORTING_VERBS = lexicon.word_set("reporting_verbs")  # what a journalist cited as a source does in the text


def _reporting(name: Token) -> bool:
    """A name in the place of who reports: the subject of "reports" or "writes", before or after it, or the
    object of "per"."""
    if name.dep_ == "pobj" and name.head.lower_ == "per":
        return True
    return name.head.lemma_.lower() in REPORTING_VERBS and name.dep_ in ("nsubj", "dobj", "attr", "npadvmod")


def _cited_by_outlet(mention: Mention, doc: Doc) -> bool:
    """A person named by the outlet they write for: "Alex Horton of the Washington Post", "Emily Feng
    reports for NPR", "NPR's Feng"."""
    after = [t for t in doc[mention.token_end:mention.token_end + 6] if t.lower_ not in ("the", "reports", "writes")]
    if after and after[0].lower_ in ("of", "for") and _outlet_at(doc, after[1].i if len(after) > 1 else None):
        return True
    possessive = mention.token_start - 1
    return possessive > 0 and doc[possessive].lower_ in ("'s", "’s") and any(
        _is_outlet(doc[start:possessive].text) for start in range(max(0, possessive - OUTLET_MAX_WORDS), possessive))


OUTLET_MAX_WORDS = 4  # "The Wall Street Journal"
OUTLET_WORDS = lexicon.word_set("outlet_words")  # how an outlet's name ends, or the noun after it
INTERVIEW_WORDS = lexicon.word_set("interview_words")  # after which "to" or "with" names who was spoken to


def without_cited_outlets(mentions: list[Mention], doc: Doc, quoted: QuotedText) -> list[Mention]:
    """The mentions less those of news outlets cited only as the source of a report: an organisation named like
    an outlet ("CBC News", "the Guardian", "al-Ikhbariya television") and every time only as a source
    ("according to ABC News", "told the Guardian"). Like the agencies of news_agencies.txt they are not actors
    (corpus/FORMAT.md). An outlet that acts in the story ("The Straits Times noted …", "an editor at the Saudi
    Gazette") stays an actor."""
    uses: dict[str, list[Token]] = defaultdict(list)
    for mention in mentions:
        if mention.category == ORGANIZATION and mention.organization is None:
            uses[mention.text].append(_as_written(doc[mention.token_start:mention.token_end]))
    cited = {text for text, words in uses.items()
             if _named_like_outlet(text, words) and all(_as_source(word, quoted) for word in words)}
    return [m for m in mentions if m.category != ORGANIZATION or m.text not in cited]


def _as_written(name: Span) -> Token:
    """The word that stands for the name in the sentence: its root, or the media noun it qualifies
    ("al-Ikhbariya television")."""
    root = name.root
    if root.dep_ in ("compound", "nmod") and root.head.lower_ in OUTLET_WORDS and root.head.i == name.end:
        return root.head
    return root


def outlet_name(name: str) -> bool:
    """The name is a news outlet's, not a person's: a news agency the lexicon lists ("Associated Press"), or a
    name ending in an outlet's word after no first name ("Miami Herald", "the Post"), or after a place's
    ("Washington Post"), or in a body's word that is no surname ("Fox News"). "Don Guardian" and "Marjorie
    Merriweather Post" are people."""
    words = strip_titles(name).split()
    if not words:
        return False
    if clean_name(name).casefold() in lexicon.news_agencies() or (
            len(words) > 1 and words[-1] in OUTLET_WORDS and words[-1].casefold() in lexicon.organization_words()
            and words[-1].casefold() not in _SURNAME_BODY_WORDS):
        return True
    first = words[0]
    return words[-1] in OUTLET_WORDS and words[-1][:1].isupper() \
        and (first.casefold() not in _FIRST_NAMES or is_known_place(first))


def _named_like_outlet(text: str, roots: list[Token]) -> bool:
    return text.split()[-1] in OUTLET_WORDS or any(root.lower_ in OUTLET_WORDS for root in roots)


def _as_source(name: Token, quoted: QuotedText) -> bool:
    """The outlet is named as a source: after "according to", as the one spoken to, or as the subject of a
    reporting verb in a sentence that quotes no one (an outlet that "reports that her team will keep the details
    “under wraps”" may be the author of those words, so speaks, rather than is cited)."""
    head = name.head
    if name.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    if name.dep_ in ("dobj", "dative") and head.lemma_.lower() in INTERVIEW_WORDS:
        return True
    if name.dep_ == "pobj" and head.lower_ in ("to", "with") and head.head.lemma_.lower() in INTERVIEW_WORDS:
        return True
    return name.dep_ == "nsubj" and head.lemma_.lower() in REPORTING_VERBS \
        and not quoted.opens_in(head.sent.start_char, head.sent.end_char)


def _outlet_at(doc: Doc, index: int | None) -> bool:
    """Whether a news outlet's name (news_agencies.txt) starts at token `index`: the model's entity there, or
    the words there."""
    if index is None:
        return False
    ent = entity_at(doc[index])
    texts = [doc[index:end].text for end in range(index + 1, min(len(doc), index + OUTLET_MAX_WORDS) + 1)]
    if ent is not None:
        texts.append(ent.text)
    return any(_is_outlet(text) for text in texts)


def _is_outlet(text: str) -> bool:
    return clean_name(text).casefold() in lexicon.news_agencies()
