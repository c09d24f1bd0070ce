"""Figures: every quantity in the story with its value, what it counts, and its qualifier.

Candidates come from spaCy's number entities (and durations among its DATE entities), numbers in digits the
model left unlabelled or labelled as names ("570" as PRODUCT), vague amounts ("dozens of towns"), multipliers
("sixfold") and shares ("a third of"). An entity holding several numbers that are not a range is split first
("640bhp 5.2 litre"). Each candidate is then filtered (years, clock times, ordinals, numbers inside names,
pronoun "one"), given a qualifier from the words before it, a value parsed from its words, and a unit: a
written unit of measurement (`lexicon/units.txt`), the noun it modifies, the object of "of", or for a
percentage what it measures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Figure
from ..nlp import ParsedArticle
from .analysis import Analysis
from .rules import COUNTED_NOUN_REACH

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NUMBER_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
DURATION_UNITS = lexicon.word_list("duration_units")
_SMALL = lexicon.number_map("number_words")
_SCALES = lexicon.number_map("scale_words")
_CURRENCIES = lexicon.word_map("currency_symbols")
_VAGUE = re.compile(
    rf"[“\"]?\b(?:{'|'.join(lexicon.word_list('vague_amounts'))})\b[”\"]?"
    r"(?:\s+of\s+(?:[a-z-]+\s+){0,2}?[a-z-]+s\b)?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)s?$")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_NAME_WITH_NUMBER = re.compile(r"^[A-Z][A-Za-z]{0,5}-?\d+$")  # "G7", "COP29", an instrument code "CLc1"


def extract_figures(analysis: Analysis) -> list[Figure]:
    """Every figure in text order; overlapping candidates keep the longest."""
    parsed = analysis.parsed
    candidates: list[tuple[int, int, Figure]] = []
    entities = [piece for ent in _with_ranges(parsed.doc.ents) for piece in _single_numbers(_as_number(ent))]
    designations = _designations(parsed.doc)
    for ent in [*entities, *_unlabelled_numbers(parsed)]:
        figure = _from_entity(ent, parsed, designations)
        if figure is not None:
            candidates.append(figure)
    for match in _VAGUE.finditer(parsed.article.text):
        candidates.append(_vague(match, parsed))
    for match in _MULTIPLIER.finditer(parsed.article.text):
        candidates.append(_multiplier(match, parsed))
    for match in _SHARE.finditer(parsed.article.text):
        candidates.append(_share(match, parsed))
    for match in _REPEAT.finditer(parsed.article.text):
        repeated = _repeat(match, parsed)
        if repeated is not None:
            candidates.append(repeated)
    # a number in a quoted label names a thing: the “one country, two systems” formula
    candidates = [c for c in candidates if not any(label.start <= c[0] < label.end for label in analysis.labels)]
    return _without_overlaps(candidates)


# A bare token with a slash is a date or a rate ("9/11", "24/7"); inside a number entity the slash may be a
# fraction ("1/2"), so there only a colon (a clock or a lap time) excludes it.
_CLOCK_OR_DATE = re.compile(r"\d[:/]\d")
_CLOCK = re.compile(r"\d:\d")
_RANGE_WORDS = lexicon.word_list("range_words")


def _as_number(ent: Span) -> Span:
    """A bare number the model took for a date ("sales of 5835 units") is a number unless it reads as a year."""
    from spacy.tokens import Span

    text = ent.text.strip()
    if ent.label_ == "DATE" and re.fullmatch(r"\d[\d,]*(?:\.\d+)?", text) \
            and (not _YEAR.match(text) or _measured(ent)):
        return Span(ent.doc, ent.start, ent.end, label="CARDINAL")  # "sales of 5835 units", "1520 sq m"
    return ent


def _single_numbers(ent: Span) -> list[Span]:
    """One span per number: the model sometimes joins numbers that are not a range into one entity
    ("640bhp 5.2 litre", "6.1 inches and 6.7 inches", "Stoxx 50 -1.3%"). Two numbers stay together only when
    a range word alone joins them ("50-140", "between 750000 and 800000", "5% to 10%")."""
    from spacy.tokens import Span

    if ent.label_ not in NUMBER_LABELS:
        return [ent]
    doc = ent.doc
    pieces: list[Span] = []
    start, last_number = ent.start, None
    # "from 23% to 35%" is a change between two figures; "23% to 35%" alone is a range, and so is
    # "range from ten to 32 pages".
    change = _change_from(doc, ent.start)
    for token in ent:
        if not _DIGITS.search(token.text):
            if token.like_num or token.lower_ in _SCALES:
                last_number = token.i
            continue
        if last_number is not None and (not _joins_range(between := doc[last_number + 1:token.i])
                                        or (change and _joiner(between) == "to")):
            cut = token.i
            while cut - 1 > last_number and doc[cut - 1].text in _CURRENCIES:
                cut -= 1
            pieces.append(_trimmed(Span(doc, start, cut, label=ent.label_)))
            start = cut
        last_number = token.i
    pieces.append(Span(doc, start, ent.end, label=ent.label_))
    return [_without_leading_name(piece) for piece in pieces if len(piece)]


def _with_ranges(ents: Sequence[Span]) -> list[Span]:
    """Two counts the model labelled apart but "to" joins, the second larger ("seating 242 to 330
    passengers"), are one range; after "from" they are a change between two figures, left apart."""
    from spacy.tokens import Span

    result: list[Span] = []
    for ent in ents:
        previous = result[-1] if result else None
        if previous is not None and previous.label_ == ent.label_ == "CARDINAL" and ent.start == previous.end + 1 \
                and ent.doc[previous.end].lower_ == "to" and not _change_from(ent.doc, previous.start):
            first, second = parse_value(previous.text), parse_value(ent.text)
            if first is not None and second is not None and second > first:
                result[-1] = Span(ent.doc, previous.start, ent.end, label="CARDINAL")
                continue
        result.append(ent)
    return result


# A product's designation: "787-9", "A350-900", "777x", "737 Max", "787 Dreamliner".
# Designations are three-digit and up ("737", "A350"); a smaller number before a name is a count ("30 Boeing
# jets", "five Patriot batteries"), and a round one usually is too ("300 Marines").
_DESIGNATION_MIN = 100
_CODE_WITH_NUMBER = re.compile(r"[A-Za-z]+\d+[A-Za-z]*|\d+[A-Za-z]")


def _designations(doc: Doc) -> frozenset[str]:
    """The numbers the article uses as a product's designation: glued to letters ("777x", "A350"), followed by
    a smaller number after a hyphen ("787-9", which no range does), or a non-round number of 100 or more before
    a capitalised name ("787 Dreamliner", "737 Max"). Every use of such a number in the article names the
    product ("the 787-9 jet", "the 777 program")."""
    found = set()
    for token in doc:
        text = token.text
        if _CODE_WITH_NUMBER.fullmatch(text):
            found.add(re.sub(r"\D", "", text))
        if not text.isdigit():
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        following = doc[token.i + 2] if token.i + 2 < len(doc) else None
        if after is not None and after.text == "-" and not token.whitespace_ and following is not None \
                and following.text.isdigit() and not after.whitespace_ and int(following.text) < int(text):
            found.add(text)
        if int(text) >= _DESIGNATION_MIN and int(text) % 10 and after is not None and after.is_title \
                and after.pos_ == "PROPN" and after.text not in _CURRENCIES:
            found.add(text)
    return frozenset(found)


def _designation(ent: Span, designations: frozenset[str]) -> bool:
    """A number that names a product in this article, or the part of a designation after its hyphen ("-9" in
    "787-9", "900" in "A350-900")."""
    digits = [t for t in ent if t.text.isdigit()]
    if len(digits) == 1 and len(ent) <= 3 and digits[0].text in designations:
        return True
    before = ent.doc[ent.start - 1] if ent.start else None
    code = ent.doc[ent.start - 2] if ent.start >= 2 else None
    return before is not None and before.text == "-" and not before.whitespace_ and code is not None \
        and not code.whitespace_ and re.sub(r"\D", "", code.text) in designations


_SPEECH_VERBS = lexicon.speech_verbs()


def _indefinite_source(ent: Span) -> bool:
    """"One Washington-based trade expert said", "one Weibo commenter said": "one" introduces an unnamed
    source, it counts nothing (dev-html's harmonised rule)."""
    if ent.text.lower() != "one":
        return False
    noun = ent.root.head
    return ent.root.dep_ == "nummod" and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _SPEECH_VERBS


def _without_leading_name(span: Span) -> Span:
    """"Nasdaq +0.8%" is the figure "+0.8%" about the Nasdaq."""
    from spacy.tokens import Span

    start = span.start
    while start < span.end - 1 and span.doc[start].pos_ == "PROPN" and not span.doc[start].like_num \
            and not _DIGITS.search(span.doc[start].text) and span.doc[start].text not in _CURRENCIES:
        start += 1
    return span if start == span.start else Span(span.doc, start, span.end, label=span.label_)


def _change_from(doc: Doc, start: int) -> bool:
    """Whether "from" opens the numbers at `start` as the start of a change, not of a range."""
    for index in (start - 1, start):
        if 0 <= index < len(doc) and doc[index].lower_ == "from":
            return index == 0 or doc[index - 1].lemma_.lower() not in ("range", "vary")
    return False


def _joiner(between: Span) -> str:
    return " ".join(t.lower_ for t in between if t.text not in _CURRENCIES and t.text != "%")


def _joins_range(between: Span) -> bool:
    words = [t for t in between if t.text not in _CURRENCIES and t.text != "%"]
    if len(words) != 1 or words[0].lower_ not in _RANGE_WORDS:
        return False
    dash = words[0]
    if dash.text in ("-", "–"):
        # Spaced alike on both sides: "50 - 140" and "50-140" are ranges, "50 -1.3%" is a sign.
        before = dash.i > 0 and bool(dash.doc[dash.i - 1].whitespace_)
        return before == bool(dash.whitespace_)
    return True


def _trimmed(span: Span) -> Span:
    from spacy.tokens import Span

    end = span.end
    while end > span.start and ((span.doc[end - 1].is_punct and span.doc[end - 1].text != "%")
                                or span.doc[end - 1].lower_ in _RANGE_WORDS):
        end -= 1
    return Span(span.doc, span.start, end, label=span.label_)


def _unlabelled_numbers(parsed: ParsedArticle) -> list[Span]:
    """Numbers written in digits that the entity model left unlabelled ("-1.3%", "13176", "Maddon, 66"): each
    becomes a CARDINAL (or PERCENT) span, so the same filters and units apply to it."""
    from spacy.tokens import Span

    doc = parsed.doc
    labelled = {i for ent in doc.ents if ent.label_ in NUMBER_LABELS or not _bare_number(ent)
                for i in range(ent.start, ent.end)}
    spans = []
    for token in doc:
        if token.i in labelled or not any(ch.isdigit() for ch in token.text) or _CLOCK_OR_DATE.search(token.text):
            continue
        if not _NUMBER_TOKEN.fullmatch(token.text) or _NOT_A_QUANTITY.search(token.text):
            continue
        start, end = token.i, token.i + 1
        if start and doc[start - 1].text in _CURRENCIES and not doc[start - 1].whitespace_:
            start -= 1  # "$4.2b"
        label = "CARDINAL"
        if end < len(doc) and doc[end].text == "%" and end not in labelled:
            end, label = end + 1, "PERCENT"
        spans.append(Span(doc, start, end, label=label))
    return spans


# A number as one token: a sign, a currency ("$US55,931,000", "RM23.50"), digits, then a short unit ("640bhp").
_CURRENCY_PREFIX = r"(?:[$€£](?:US|A|NZ|C|HK|S)?|RM|Rs\.?)"
_NUMBER_TOKEN = re.compile(rf"[-−+]?{_CURRENCY_PREFIX}?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[a-zA-Z]{{1,3}}|%)?")
_BARE_NUMBER = re.compile(rf"[-−+]?{_CURRENCY_PREFIX}?(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?")


_CURRENCY_CODES = lexicon.word_map("currency_codes")


def _currency(text: str) -> str | None:
    """The currency a token names or starts with: "$", "$US55,931,000", "RM23.50"."""
    if text[:1] in _CURRENCIES:
        return _CURRENCIES[text[:1]]
    code = re.match(r"[A-Z]{2}|[A-Z][a-z]", text)
    return _CURRENCY_CODES.get(code.group(0)) if code and text[code.end():code.end() + 1].isdigit() else None


# Clock times ("1.56pm"), ordinals ("22nd") and decades or plurals ("5s") glued to their digits.
_NOT_A_QUANTITY = re.compile(r"\d(?:[ap]m|st|nd|rd|th|s)$", re.IGNORECASE)


def _bare_number(ent: Span) -> bool:
    """A name-like entity that is only a number ("570" as PRODUCT, "+0.3" as ORG): the model's label is wrong,
    while "Model 3", "G7" or "3M" are names."""
    return len(ent) == 1 and _BARE_NUMBER.fullmatch(ent.text) is not None and not _YEAR.match(ent.text)


def _without_overlaps(candidates: list[tuple[int, int, Figure]]) -> list[Figure]:
    chosen: list[tuple[int, int, Figure]] = []
    for start, end, figure in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, figure))
    return [figure for _, _, figure in sorted(chosen, key=lambda c: c[0])]


def _from_entity(ent: Span, parsed: ParsedArticle, designations: frozenset[str] = frozenset()) \
        -> tuple[int, int, Figure] | None:
    if ent.label_ in ("DATE", "TIME"):
        return _duration(ent, parsed)
    if ent.label_ not in NUMBER_LABELS or _excluded(ent) or _CLOCK.search(ent.text) \
            or _designation(ent, designations) or _indefinite_source(ent):
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
    if before is not None and before.text in _CURRENCIES and not before.whitespace_:
        start_char = before.idx  # a currency the model left out: "$4.2b"
    glued = doc[ent.end] if ent.end < len(doc) and not ent[-1].whitespace_ else None
    if glued is not None and (glued.lower_ not in _SCALES or _metres(glued, ent)):
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


_STREET_WORDS = lexicon.word_set("street_words")


def _metres(glued: Token, ent: Span) -> bool:
    """"37m (121ft)-long" and "a 37m-long skeleton" are metres; "$37m" and "12.3m tonnes" are millions."""
    if glued.text != "m" or _has_currency(ent):
        return False
    after = glued.doc[glued.i + 1] if glued.i + 1 < len(glued.doc) else None
    return after is None or after.is_punct or after.lower_ in ("long", "high", "tall", "deep", "wide")


def _has_currency(ent: Span) -> bool:
    before = ent.doc[ent.start - 1] if ent.start else None
    return any(_currency(t.text) for t in ent) or (before is not None and before.text in _CURRENCIES)


def _excluded(ent: Span) -> bool:
    text = ent.text.strip()
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if _YEAR.match(text) and ent.label_ == "CARDINAL" and not _measured(ent):
        return True
    # Numbers inside names: "UNSCR 2254", "G7", "COP29".
    if _NAME_WITH_NUMBER.match(text):
        return True
    if before is not None and before.is_upper and len(before.text) > 1 and before.pos_ == "PROPN" \
            and _DIGITS.fullmatch(text):
        return True
    # A street address: "575 Wilbraham Road", "49 Zorro Ranch Road".
    if text.isdigit() and any(t.text.rstrip(".") in _STREET_WORDS for t in doc[ent.end:ent.end + 4]):
        return True
    # A model number or an index: "iPhone 12", "Channel 5", "Boeing 737", "S&P 500", "Nasdaq 100"; not a
    # number after a date or a place ("On Monday 300 died", "In Gaza 300 died").
    if before is not None and before.pos_ == "PROPN" and before.text[:1].isalpha() and text.isdigit() \
            and before.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "NORP", "PERSON") \
            and (after is None or after.pos_ != "NOUN") and bool(before.whitespace_):
        return True
    if text.isdigit() and _identifier(doc, ent.start):
        return True
    if ent.root.ent_iob_ and any(t.ent_type_ in ("ORG", "PRODUCT", "LAW", "EVENT") for t in ent) \
            and not _BARE_NUMBER.fullmatch(text):
        return True
    # Pronoun "one": "one of them", "one person's".
    if text.lower() == "one" and (
        (after is not None and after.lower_ == "of") or ent.root.dep_ in ("nsubj", "dobj", "pobj")
    ):
        return True
    return bool(after is not None and after.text in ("st", "nd", "rd", "th"))


def _identifier(doc: Doc, index: int) -> bool:
    """The whole number at `index` identifies rather than counts: it follows the noun it numbers ("police posts
    542 and 543", "page 12"), alone or in a list of such numbers. A count comes before what it counts, and a
    number after a noun that counts or measures the next word stays ("rates 0.25 percentage points")."""
    after = doc[index + 1] if index + 1 < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN"):
        return False
    while index >= 2 and doc[index - 1].lower_ in ("and", "or", ",") and doc[index - 2].text.isdigit():
        index -= 2  # "542 and 543": the list's first number
    before = doc[index - 1] if index else None
    return before is not None and before.pos_ == "NOUN" and before.is_lower and bool(before.whitespace_)


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
            or t.lower_ in _FRACTIONS or t.text == "-" or _DIGITS.search(t.text)]


# A number written as a word: the number words that stand for a whole number on their own ("a", "an" and "half"
# do not), and "hundred" and "thousand" ("a hundred to two hundred").
_WHOLE_NUMBER_WORDS = sorted(
    {word for word, value in _SMALL.items() if isinstance(value, int) and word not in ("a", "an")}
    | {"hundred", "thousand"}, key=lambda word: (-len(word), word))
_NUMBER_WORD = rf"(?:{'|'.join(_WHOLE_NUMBER_WORDS)})"
_NUMBER = rf"(?:\d[\d,.]*|\b{_NUMBER_WORD}\b)"
# Two numbers joined by a dash (spaced alike on both sides: "50 -1.3%" is a sign), "to" or "and".
_RANGE = re.compile(rf"{_NUMBER}%?(?:[-–]|\s+[-–]\s+|\s+to\s+|\s+and\s+)[$€£]?{_NUMBER}", re.IGNORECASE)
_FRACTIONS = lexicon.number_map("fraction_words")


def is_range(text: str) -> bool:
    """Two numbers joined by a dash, "to" or "and": "50-140 km", "between 750000 and 800000", "15 to 22"."""
    return _RANGE.search(text) is not None


# A fraction in digits inside a number ("7/32" of a bond's price, "1-1/2 year"): a proper fraction only, so that
# a date never reads as one (dates with slashes are excluded before a value is read).
_AND_A_FRACTION = re.compile(r"\s+and\s+an?\s+(half|quarter|third)\b")
_DIGIT_FRACTION = re.compile(r"(?<![\d/])(?:(\d+)[- ])?(\d+)/(\d+)(?![\d/])")


def parse_value(text: str) -> float | int | None:
    """The number written in `text`: digits with separators, number words, scale words ("two million"),
    fractions ("two-thirds"), a sign ("-1.3%")."""
    stripped = text.strip().lower()
    added = _AND_A_FRACTION.search(stripped)  # "two and a half (million)": the fraction is added, then scaled
    if added is not None:
        base = parse_value(stripped[:added.start()])
        if base is None:
            return None
        after = stripped[added.end():].split()
        value = (base + 1 / _FRACTIONS[added.group(1)]) * (_SCALES.get(after[0], 1) if after else 1)
        return int(value) if value == int(value) else round(value, 6)
    negative = stripped.startswith(("-", "minus", "−"))
    fraction = _DIGIT_FRACTION.search(stripped)
    if fraction is not None:
        whole, numerator, denominator = (int(part) if part else 0 for part in fraction.groups())
        if 0 < numerator < denominator:
            value = (whole + numerator / denominator) * (-1 if negative else 1)
            return int(value) if value == int(value) else round(value, 6)
    words = re.findall(r"\d[\d,]*(?:\.\d+)?|\.\d+|[a-z]+", stripped.replace("-", " "))
    total = 0.0
    current: float | None = None
    seen = False
    for word in words:
        if word[0].isdigit() or word[0] == ".":
            if seen and current not in (None, 1):
                break  # a second number written in digits is another figure, never part of this one
            current = float(word.replace(",", ""))  # replaces an article read as one: "an additional 15"
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
    if not math.isfinite(value):
        return None  # a number too large for a float (309 digits) is no figure a reader can use
    return int(value) if value == int(value) else round(value, 6)


def _unit(ent: Span, number_tokens: list[Token]) -> tuple[str | None, Token | None]:
    """What the number counts, then sharpened by the event verb that governs it ("civilians killed")."""
    unit, end_token = _counted(ent, number_tokens)
    if unit is not None and not unit.strip():
        unit = None  # a whitespace token taken as the unit ("00  200 km"): nothing is counted
    return _with_event(unit, end_token or number_tokens[-1]), end_token


def _counted(ent: Span, number_tokens: list[Token]) -> tuple[str | None, Token | None]:
    """A unit inside the entity, the noun the number modifies, the object of "of", or what its label or the
    word after it implies ("%", "per cent", "times", "injured")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    currency = next((_currency(t.text) for t in ent if _currency(t.text)), None)
    if currency is None and before is not None and before.text in _CURRENCIES:
        currency = _CURRENCIES[before.text]
    after = doc[ent.end] if ent.end < len(doc) else None
    if ent.label_ == "PERCENT" or "per cent" in ent.text.lower() or (after is not None and after.lower_ == "percent"):
        sign = after if after is not None and after.lower_ == "percent" else ent[-1]
        return _percent_of(sign, number_tokens[0]), None
    if after is not None and after.lower_ in ("times", "fold"):
        return "times", after
    if after is not None and after.lower_ in _PEOPLE_STATES:
        return f"people {_PEOPLE_STATES[after.lower_]}", after
    glued = _GLUED_UNIT.fullmatch(number_tokens[-1].text)
    if glued and glued.group(1).lower() not in _SCALES:
        return glued.group(1), None
    measure = _measure(ent, number_tokens) or _age(ent)
    if measure:
        return measure, None
    written = _written_unit(number_tokens[-1])
    if written is not None:
        return written.text, (written[-1] if written.end > ent.end else None)
    inside = [t for t in ent if t.pos_ in ("NOUN", "PROPN") and t not in number_tokens and t.lower_ not in _SCALES]
    if inside:
        return (currency or inside[-1].text), None
    last = number_tokens[-1]
    head = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod") else None
    # the noun the number modifies: near it, or further when every word between belongs to its phrase ("50
    # Airbus A350-900 jets")
    if head is not None and head.i >= ent.end and head.pos_ in ("NOUN", "PROPN") and (
            head.i - ent.end <= 3 or (head.i - ent.end <= COUNTED_NOUN_REACH
                                      and all(t.head.i in range(ent.start, head.i + 1) for t in doc[ent.end:head.i]))):
        modifiers = [t for t in doc[ent.end:head.i] if t.dep_ in ("amod", "compound") and t.head == head
                     and t.lower_ not in _SCALES]
        words = [*(t.text for t in modifiers), head.text]
        return (currency or " ".join(words)), head
    if after is not None and after.lower_ == "of":
        objects = [t for t in after.children if t.dep_ == "pobj"]
        if objects and objects[0].i - after.i <= 3:
            return (currency or objects[0].text), objects[0]
        # further on, the noun that the whole phrase after "of" modifies ("of the embattled 737 Max jet"): the
        # unit, while the figure's text stays the number (the phrase may hold figures of its own)
        if objects and objects[0].i - after.i <= COUNTED_NOUN_REACH and objects[0].left_edge.i == after.i + 1:
            return (currency or objects[0].text), None
    return currency, None


# Verbs whose subject is what a percentage measures: "shares rose 6.5%".
_CHANGE_VERBS = lexicon.word_set("change_verbs")


def _percent_of(sign: Token, number: Token) -> str:
    """What a percentage is of: "percent of the drones", "percent turnout", the subject of the verb that
    moved by it ("Vecturas shares rose 6.5%" is "percent (Vecturas shares)"), or the name it follows in a list
    of prices ("Dow +0.2% Nasdaq +0.8%")."""
    of = next((c for c in sign.children if c.lower_ == "of"), None)
    objects = [c for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")] if of is not None else []
    if objects:
        return f"percent of {_noun_phrase(objects[0])}"
    if sign.dep_ in ("compound", "nummod", "amod") and sign.head.i > sign.i and sign.head.pos_ == "NOUN":
        return f"percent {sign.head.text}"
    verb = sign.head
    for _ in range(2):
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    moved = sign.dep_ == "npadvmod" or verb.lemma_.lower() in _CHANGE_VERBS
    if verb.dep_ == "xcomp" and not _subjects(verb):
        verb = verb.head  # "the index is poised to drop 0.2%"
    subjects = _subjects(verb)
    if moved and subjects and subjects[0].i < sign.i:
        return f"percent ({_noun_phrase(subjects[0])})"
    before = number.doc[number.i - 1] if number.i else None
    if before is not None and before.pos_ == "PROPN" and number.i - before.i == 1:
        return f"percent ({_noun_phrase(before)})"
    return "percent"


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "NUM")]


def _noun_phrase(head: Token) -> str:
    """A noun with the words that name it more closely: "composite index", "Vecturas shares"."""
    start = head.i
    while start > 0 and head.doc[start - 1].dep_ in ("compound", "amod", "nmod") \
            and head.doc[start - 1].head.i >= start:
        start -= 1
    return head.doc[start:head.i + 1].text


def _age(ent: Span) -> str | None:
    """A bare number set off by commas after a person's name is their age: "Thomas Sam, 42, ..."."""
    doc = ent.doc
    if not re.fullmatch(r"\d{1,3}", ent.text) or ent.start < 2 or doc[ent.start - 1].text != ",":
        return None
    if ent.end < len(doc) and doc[ent.end].text not in (",", ".", ")"):
        return None
    name = doc[ent.start - 2]
    if name.ent_type_ != "PERSON":
        return None
    start = name.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].ent_iob_ != "O":
        start -= 1
        if doc[start].ent_iob_ == "B":
            break
    return f"years of age ({doc[start:name.i + 1].text})"


def _measured(ent: Span) -> bool:
    """A year-shaped number followed by a unit is a measurement ("1520 sq m"); a one-letter unit is too weak
    a sign ("in 2014 A new law")."""
    unit = _written_unit(ent[-1])
    return unit is not None and len(unit.text) > 1


def _written_unit(last: Token) -> Span | None:
    """A unit of measurement written right after the number ("0.03 millimeter", "5 W", "1520 sq m"), known from
    the lexicon because the parser often takes abbreviations for names or adjectives."""
    doc = last.doc
    for size in (2, 1):
        words = doc[last.i + 1:last.i + 1 + size]
        if len(words) == size and words.text in lexicon.units():
            return words
    return None


def _measure(ent: Span, number_tokens: list[Token]) -> str | None:
    """A measurement's unit is every word after its number, whatever its part of speech: "570 sq m",
    "1.5mm", "8.5 kW", "1.3 A/cm2"."""
    if ent.label_ != "QUANTITY":
        return None
    last = max(t.i for t in number_tokens)
    words = [t for t in ent.doc[last + 1:ent.end] if t.text not in ("-", ",") and t.lower_ not in _SCALES]
    if not words or any(t.lower_ in _RANGE_WORDS for t in words):
        return None
    return ent.doc[words[0].i:words[-1].i + 1].text


_GLUED_UNIT = re.compile(r"[-−]?[$€£]?[\d.,]*\d([a-zA-Z]{1,4})")
# Words after a number that say what happened to the people counted ("74,518 injured").
_PEOPLE_STATES = lexicon.word_map("people_states")
# Nouns that count people, and the event verbs that decide what is counted ("civilians killed").
_PEOPLE_NOUNS = lexicon.word_set("people_nouns")
_CASUALTY_NOUNS = lexicon.word_map("casualty_nouns")
_EVENT_PARTICIPLES = lexicon.word_map("event_participles")


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


# A number of units: digits with a written fraction ("1-1/2 year", "3 1/2 years") or words, with "and a
# half" before the unit ("two and a half hours") or after it ("a year and a half"), and a word that leaves the
# duration whole between them ("twenty working days").
_AND_A_HALF = r"\s+and\s+an?\s+(?:half|quarter)"
_DURATION_MODIFIERS = "|".join(lexicon.word_list("duration_modifiers"))
_DURATION = re.compile(
    rf"\b((?:\d[\d,.]*(?:[- ]\d+/\d+)?|[a-z]+(?:-[a-z]+)?(?:{_AND_A_HALF})?))[\s-]+"
    rf"(?:(?:{_DURATION_MODIFIERS})\s+)?({'|'.join(DURATION_UNITS)})s?\b({_AND_A_HALF}\b)?",
    re.IGNORECASE,
)


def _duration(ent: Span, parsed: ParsedArticle) -> tuple[int, int, Figure] | None:
    """"two months", "over a decade", "24-hour" among DATE/TIME entities; calendar dates are not figures."""
    match = _DURATION.search(ent.text)
    if match is None or match.group(1).lower() in ("the", "this", "last", "next", "every", "each", "that"):
        return None
    value = parse_value(match.group(1) + (match.group(3) or ""))
    if value is None or _rate(ent, match.group(1)):
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


def _rate(ent: Span, number: str) -> bool:
    """"£24 a year" and "$3,500 a month" are rates of the amount before them, not durations."""
    if number.lower() not in ("a", "an") or not ent.text.lower().startswith(number.lower()):
        return False
    before = ent.doc[ent.start - 1] if ent.start else None
    return before is not None and (before.like_num or bool(_DIGITS.search(before.text)) or before.lower_ in _SCALES)


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


_MULTIPLIER = re.compile(rf"\b(\d+|{_NUMBER_WORD})-?fold\b", re.IGNORECASE)
# "a third of", "two-fifths of": a numerator up to four, then a fraction word other than "half".
_NUMERATORS = sorted(word for word, value in _SMALL.items() if value in (1, 2, 3, 4) and word != "an")
_DENOMINATORS = sorted(word for word in _FRACTIONS if not word.endswith("s") and word != "half")
_SHARE = re.compile(rf"\b(?:{'|'.join(_NUMERATORS)})[ -](?:{'|'.join(_DENOMINATORS)})s?(?= of\b)", re.IGNORECASE)


def _qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier written right before offset `start` ("more than sixfold") and where the figure then starts."""
    for phrase, normalised in lexicon.qualifiers():
        if text[:start].lower().endswith(phrase + " "):
            return normalised, start - len(phrase) - 1
    return None, start


def _multiplier(match: re.Match[str], parsed: ParsedArticle) -> tuple[int, int, Figure]:
    """"grew more than sixfold": a multiplier, counted in times."""
    qualifier, start = _qualifier_before(parsed.article.text, match.start())
    figure = Figure(text=parsed.article.text[start:match.end()], value=parse_value(match.group(1)), unit="times",
                    qualifier=qualifier, evidence=parsed.evidence(start, match.end()))
    return start, match.end(), figure


_REPEATS = lexicon.number_map("repeat_words")
_REPEAT = re.compile(rf"\b(?:{'|'.join(_REPEATS)})\b", re.IGNORECASE)
_IDIOMS_WITH_REPEAT = lexicon.word_set("repeat_idioms")  # "would think twice": no count


def _repeat(match: re.Match[str], parsed: ParsedArticle) -> tuple[int, int, Figure] | None:
    """"was turned around twice", "twice denied": how many times it happened, with what happened; "twice as
    many", "more than twice what it projected": a multiplier, counted in times."""
    word = parsed.doc.char_span(match.start(), match.end())
    if word is None or word[0].head.lemma_.lower() in _IDIOMS_WITH_REPEAT:
        return None
    token = word[0]
    before = token.doc[token.i - 1] if token.i else None
    # a qualifier modifies the count ("more than twice"), not the verb ("turned around twice")
    modifies = before is not None and token.i in (before.head.i, before.head.head.i)
    qualifier, start = _qualifier_before(parsed.article.text, match.start()) if modifies else (None, match.start())
    unit = "times"
    verb = token.head
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if verb.pos_ in ("VERB", "AUX") and not (following is not None and following.lower_ in ("as", "the", "what")):
        # the verb with its object and particle, and an adverb between it and the count ("turned around")
        words = [verb, *(child for child in verb.children if child.dep_ in ("dobj", "prt")
                         or (child.dep_ == "advmod" and verb.i < child.i < token.i))]
        unit = f"times ({' '.join(word.text for word in sorted(words, key=lambda word: word.i))})"
    figure = Figure(text=parsed.article.text[start:match.end()], value=_REPEATS[match.group(0).lower()],
                    unit=unit, qualifier=qualifier, evidence=parsed.evidence(start, match.end()))
    return start, match.end(), figure


def _share(match: re.Match[str], parsed: ParsedArticle) -> tuple[int, int, Figure]:
    """"A third of those screened": a fraction of what follows "of"."""
    span = parsed.doc.char_span(match.start(), match.end(), alignment_mode="expand")
    unit = None
    if span is not None:
        of = parsed.doc[span.end] if span.end < len(parsed.doc) else None
        objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
        unit = objects[0].text if objects else None
    figure = Figure(text=match.group(0), value=parse_value(match.group(0)), unit=unit, qualifier=None,
                    evidence=parsed.evidence(match.start(), match.end()))
    return match.start(), match.end(), figure
