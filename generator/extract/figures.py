"""Figures: every quantity in the story with its value, what it counts, and its qualifier.

Candidates come from spaCy's number entities (and durations among its DATE entities) plus vague amounts
("dozens of towns"); each is then filtered (years, numbers inside names, pronoun "one"), given a qualifier
from the words before it, a value parsed from its words, and a unit from the noun it modifies.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Figure
from ..nlp import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NUMBER_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
DURATION_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century")
_SMALL = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "half": 0.5,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000, "mn": 1_000_000}
_CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₹": "rupees"}
_VAGUE = re.compile(
    r"[“\"]?\b(?:(?:tens|hundreds) of thousands|dozens|hundreds|thousands|millions|billions|scores)\b[”\"]?"
    r"(?:\s+of\s+(?:[a-z-]+\s+){0,2}?[a-z-]+s\b)?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)s?$")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NAME_WITH_NUMBER = re.compile(r"^[A-Z]{1,6}-?\d+$")


def extract_figures(parsed: ParsedArticle) -> list[Figure]:
    """Every figure in text order; overlapping candidates keep the longest."""
    candidates: list[tuple[int, int, Figure]] = []
    for ent in [*parsed.doc.ents, *_unlabelled_numbers(parsed)]:
        figure = _from_entity(ent, parsed)
        if figure is not None:
            candidates.append(figure)
    for match in _VAGUE.finditer(parsed.article.text):
        candidates.append(_vague(match, parsed))
    return _without_overlaps(candidates)


_CLOCK_OR_DATE = re.compile(r"\d[:/]\d")


def _unlabelled_numbers(parsed: ParsedArticle) -> list[Span]:
    """Numbers written in digits that the entity model left unlabelled ("-1.3%", "13176", "Maddon, 66"): each
    becomes a CARDINAL (or PERCENT) span, so the same filters and units apply to it."""
    from spacy.tokens import Span

    doc = parsed.doc
    labelled = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    spans = []
    for token in doc:
        if token.i in labelled or not any(ch.isdigit() for ch in token.text) or _CLOCK_OR_DATE.search(token.text):
            continue
        if not re.fullmatch(r"[-−]?[$€£]?\d[\d,]*(?:\.\d+)?[a-zA-Z%]{0,3}", token.text):
            continue
        end = token.i + 1
        label = "CARDINAL"
        if end < len(doc) and doc[end].text == "%" and end not in labelled:
            end, label = end + 1, "PERCENT"
        spans.append(Span(doc, token.i, end, label=label))
    return spans


def _without_overlaps(candidates: list[tuple[int, int, Figure]]) -> list[Figure]:
    chosen: list[tuple[int, int, Figure]] = []
    for start, end, figure in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, figure))
    return [figure for _, _, figure in sorted(chosen, key=lambda c: c[0])]


def _from_entity(ent: Span, parsed: ParsedArticle) -> tuple[int, int, Figure] | None:
    if ent.label_ in ("DATE", "TIME"):
        return _duration(ent, parsed)
    if ent.label_ not in NUMBER_LABELS or _excluded(ent):
        return None
    qualifier, text_start, number_tokens = _qualified(ent)
    if not number_tokens:
        return None
    doc = ent.doc
    start_char = ent.start_char
    before = doc[ent.start - 1] if ent.start else None
    sign_alone = before is not None and (before.i == 0 or doc[before.i - 1].whitespace_)
    if before is not None and before.text in ("-", "−") and not before.whitespace_ and sign_alone:
        start_char = before.idx  # a sign: "-1.3%"
    glued = doc[ent.end] if ent.end < len(doc) and not ent[-1].whitespace_ else None
    if glued is not None and glued.lower_ not in _SCALES:
        glued = None
    if glued is not None:
        number_tokens = [*number_tokens, glued]  # "2.7m"
    written = parsed.article.text[start_char:ent.end_char] + (glued.text if glued is not None else "")
    value = parse_value(" ".join(t.text for t in number_tokens) if start_char == ent.start_char else written)
    if value is None:
        return None
    if ent.label_ == "PERCENT":
        value = parse_value(written.replace("%", " ").replace("percent", " ").replace("per cent", " "))
    if is_range(ent.text):
        value, qualifier = None, "range"
    unit, end_token = _unit(ent, number_tokens)
    start_char = min(start_char, text_start)
    end_char = ent.end_char if glued is None else glued.idx + len(glued.text)
    if end_token is not None:
        end_char = max(end_char, end_token.idx + len(end_token.text))
    text = parsed.article.text[start_char:end_char]
    figure = Figure(text=text, value=value, unit=unit, qualifier=qualifier,
                    evidence=parsed.evidence(start_char, end_char))
    return start_char, end_char, figure


def _excluded(ent: Span) -> bool:
    text = ent.text.strip()
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if _YEAR.match(text) and ent.label_ == "CARDINAL":
        return True
    # Numbers inside names: "UNSCR 2254", "G7", "COP29".
    if _NAME_WITH_NUMBER.match(text):
        return True
    if before is not None and before.is_upper and len(before.text) > 1 and before.pos_ == "PROPN":
        return True
    # A street address: "575 Wilbraham Road", "49 Zorro Ranch Road".
    following = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    if text.isdigit() and after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() \
            and following is not None and following.pos_ == "PROPN":
        return True
    # A model number: "iPhone 12", "Galaxy Note 20", "Channel 5".
    if before is not None and before.pos_ == "PROPN" and before.text[:1].isalpha() and text.isdigit() \
            and int(text) < 100 and (after is None or after.pos_ != "NOUN"):
        return True
    if ent.root.ent_iob_ and any(t.ent_type_ in ("ORG", "PRODUCT", "LAW", "EVENT") for t in ent):
        return True
    # Pronoun "one": "one of them", "one person's".
    if text.lower() == "one" and (
        (after is not None and after.lower_ == "of") or ent.root.dep_ in ("nsubj", "dobj", "pobj")
    ):
        return True
    return bool(after is not None and after.text in ("st", "nd", "rd", "th"))


def _split_qualifier(ent: Span) -> tuple[str | None, list[Token]]:
    """The qualifier words at the start of (or right before) the entity, and the number tokens after them."""
    qualifier, _, numbers = _qualified(ent)
    return qualifier, numbers


def _qualified(ent: Span) -> tuple[str | None, int, list[Token]]:
    """(qualifier, character offset where the figure's text starts, number tokens): a qualifier written just
    before the entity ("Over 900 asylum seekers") belongs to the figure's text."""
    doc = ent.doc
    tokens = list(ent)
    for phrase, normalised in lexicon.qualifiers():
        words = phrase.split()
        head = [t.lower_ for t in tokens[: len(words)]]
        if head == words:
            return normalised, ent.start_char, _number_tokens(tokens[len(words):])
        start = ent.start - len(words)
        if start >= 0 and [t.lower_ for t in doc[start:ent.start]] == words:
            return normalised, doc[start].idx, _number_tokens(tokens)
    return None, ent.start_char, _number_tokens(tokens)


def _number_tokens(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.like_num or t.text in _CURRENCIES or t.lower_ in _SCALES or t.lower_ in _SMALL
            or t.text == "-" or _DIGITS.search(t.text)]


_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|" \
               r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)"
_NUMBER = rf"(?:\d[\d,.]*|\b{_NUMBER_WORD}\b)"
# Two numbers joined by a dash (spaced alike on both sides: "50 -1.3%" is a sign), "to" or "and".
_RANGE = re.compile(rf"{_NUMBER}(?:[-–]|\s+[-–]\s+|\s+to\s+|\s+and\s+)[$€£]?{_NUMBER}", re.IGNORECASE)
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
              "fifths": 5, "tenth": 10, "tenths": 10}


def is_range(text: str) -> bool:
    """Two numbers joined by a dash, "to" or "and": "50-140 km", "between 750000 and 800000", "15 to 22"."""
    return _RANGE.search(text) is not None


def parse_value(text: str) -> float | int | None:
    """The number written in `text`: digits with separators, number words, scale words ("two million"),
    fractions ("two-thirds"), a sign ("-1.3%")."""
    stripped = text.strip().lower()
    negative = stripped.startswith(("-", "minus", "−"))
    words = re.findall(r"\d[\d,]*(?:\.\d+)?|[a-z]+", stripped.replace("-", " "))
    total = 0.0
    current: float | None = None
    seen = False
    for word in words:
        if word[0].isdigit():
            current = (current or 0) + float(word.replace(",", ""))
            seen = True
        elif word in _FRACTIONS and seen:
            current = (current or 1) / _FRACTIONS[word]
        elif word in _SMALL:
            current = (current or 0) + _SMALL[word]
            seen = True
        elif word in _SCALES and seen:
            scale = _SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = None
    if not seen:
        return None
    value = (total + (current or 0)) * (-1 if negative else 1)
    return int(value) if value == int(value) else round(value, 6)


def _unit(ent: Span, number_tokens: list[Token]) -> tuple[str | None, Token | None]:
    """What the number counts, then sharpened by the event verb that governs it ("civilians killed")."""
    unit, end_token = _counted(ent, number_tokens)
    return _with_event(unit, end_token or number_tokens[-1]), end_token


def _counted(ent: Span, number_tokens: list[Token]) -> tuple[str | None, Token | None]:
    """A unit inside the entity, the noun the number modifies, the object of "of", or what its label or the
    word after it implies ("%", "per cent", "times", "injured")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    currency = next((_CURRENCIES[t.text] for t in ent if t.text in _CURRENCIES), None)
    if currency is None and before is not None and before.text in _CURRENCIES:
        currency = _CURRENCIES[before.text]
    after = doc[ent.end] if ent.end < len(doc) else None
    if ent.label_ == "PERCENT" or "per cent" in ent.text.lower() or (after is not None and after.lower_ == "percent"):
        return "percent", None
    if after is not None and after.lower_ in ("times", "fold"):
        return "times", after
    if after is not None and after.lower_ in _PEOPLE_STATES:
        return f"people {_PEOPLE_STATES[after.lower_]}", after
    inside = [t for t in ent if t.pos_ in ("NOUN", "PROPN") and t not in number_tokens and t.lower_ not in _SCALES]
    if inside:
        return (currency or inside[-1].text), None
    last = number_tokens[-1]
    head = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod") else None
    if head is not None and head.i >= ent.end and head.i - ent.end <= 3 and head.pos_ in ("NOUN", "PROPN"):
        modifiers = [t for t in doc[ent.end:head.i] if t.dep_ in ("amod", "compound") and t.head == head
                     and t.lower_ not in _SCALES]
        words = [*(t.text for t in modifiers), head.text]
        return (currency or " ".join(words)), head
    if after is not None and after.lower_ == "of":
        objects = [t for t in after.children if t.dep_ == "pobj"]
        if objects and objects[0].i - after.i <= 3:
            return (currency or objects[0].text), objects[0]
    return currency, None


# Words after a number that say what happened to the people counted ("74,518 injured").
_PEOPLE_STATES = {"injured": "injured", "wounded": "wounded", "dead": "killed", "killed": "killed",
                  "missing": "missing", "displaced": "displaced", "arrested": "arrested"}
# Nouns that count people, and the event verbs that decide what is counted ("civilians killed").
_PEOPLE_NOUNS = frozenset(("people", "persons", "individuals", "civilians", "others", "children", "women", "men",
                           "soldiers", "fighters", "residents", "migrants", "refugees", "pilgrims", "troops",
                           "protesters", "students", "victims", "passengers", "workers"))
_CASUALTY_NOUNS = {"deaths": "killed", "dead": "killed", "fatalities": "killed", "lives": "killed",
                   "injuries": "injured", "casualties": "killed or injured"}
_EVENT_PARTICIPLES = {"kill": "killed", "die": "killed", "injure": "injured", "wound": "wounded",
                      "displace": "displaced", "flee": "fled", "evacuate": "evacuated", "arrest": "arrested",
                      "detain": "detained", "rescue": "rescued", "hurt": "injured", "strand": "stranded"}


def _with_event(unit: str | None, counted: Token) -> str | None:
    """People counted take the event that happened to them: "nine civilians" killed in strikes are
    "civilians killed"; "over 412 deaths" are "people killed"; "Kill 8" counts "people killed"."""
    word = (unit or "").split()[-1].lower() if unit else ""
    if word in _CASUALTY_NOUNS:
        return f"people {_CASUALTY_NOUNS[word]}"
    if unit is not None and word not in _PEOPLE_NOUNS:
        return unit
    token, event = counted, None
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX"):
            # The verb itself, or its complement: "were reported injured".
            for verb in (token, *(c for c in token.children if c.dep_ in ("xcomp", "acomp", "oprd"))):
                if verb.lemma_.lower() in _EVENT_PARTICIPLES:
                    event = _EVENT_PARTICIPLES[verb.lemma_.lower()]
                    break
            if event:
                break
        if token.head.i == token.i:
            break
        token = token.head
    if event is None:
        toll = [t for t in counted.sent if t.lower_ == "toll"]
        if unit is None and toll and any(t.lower_ == "death" for t in toll[0].children):
            return "people killed"
        return unit
    return f"{unit or 'people'} {event}"


def _duration(ent: Span, parsed: ParsedArticle) -> tuple[int, int, Figure] | None:
    """"two months", "over a decade", "24-hour" among DATE/TIME entities; calendar dates are not figures."""
    match = re.search(
        r"\b((?:\d[\d,.]*|[a-z]+(?:-[a-z]+)?))[\s-]+(" + "|".join(DURATION_UNITS) + r")s?\b", ent.text, re.I
    )
    if match is None or match.group(1).lower() in ("the", "this", "last", "next", "every", "each", "that"):
        return None
    value = parse_value(match.group(1))
    if value is None:
        return None
    qualifier, _ = _split_qualifier(ent)
    start = ent.start_char
    prefix = ent.text[: match.start()].strip().lower()
    if prefix and not any(prefix == phrase for phrase, _ in lexicon.qualifiers()):
        start = ent.start_char + match.start()
    end = ent.start_char + match.end()
    figure = Figure(text=parsed.article.text[start:end], value=value, unit=match.group(2).lower(),
                    qualifier=qualifier, evidence=parsed.evidence(start, end))
    return start, end, figure


def _vague(match: re.Match[str], parsed: ParsedArticle) -> tuple[int, int, Figure]:
    text = match.group(0)
    of = re.search(r"\bof\s+(.+)$", text)
    # "thousands" alone, in news, counts people ("forcing thousands to flee").
    unit = of.group(1).split()[-1] if of else "people"
    span = parsed.doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is not None and len(span):
        unit = _with_event(unit, span.root)
    figure = Figure(text=text, value=None, unit=unit, qualifier="vague",
                    evidence=parsed.evidence(match.start(), match.end()))
    return match.start(), match.end(), figure
