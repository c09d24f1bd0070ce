"""Quotes and their speakers.

Two steps: `find_quote_spans` reads quotation marks paragraph by paragraph (curly and straight, double and
single, unbalanced and multi-paragraph), so one stray mark never loses the other quotes; `attribute` finds the
speech verb near each quote, its subject, and resolves that subject to an actor (names, surnames, pronouns,
descriptions such as "the minister").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Actor, Quote
from ..nlp import ParsedArticle
from .resolve import ActorResolver

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

OPEN_DOUBLE, CLOSE_DOUBLE, STRAIGHT_DOUBLE = "“„«", "”»", '"'
OPEN_SINGLE, CLOSE_SINGLE, STRAIGHT_SINGLE = "‘‚", "’", "'"
_OPENING_CONTEXT = " \t\n([{—–-/:"
SHORT_QUOTE_WORDS = 3  # a quote this short without a speaker is a label or a scare quote
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
            "they": "group", "it": "group", "we": "group", "i": "person"}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # offsets of the text between the marks, in the article text
    end: int
    paragraph: int
    opened: bool = True  # an opening mark was seen (False: text runs from the paragraph start)
    closed: bool = True  # a closing mark was seen (False: the quote runs on to the next paragraph)


def extract_quotes(parsed: ParsedArticle, actors: list[Actor]) -> list[Quote]:
    """Every quoted span that reproduces someone's words, with its speaker resolved to an actor or None."""
    resolver = ActorResolver(actors, parsed.doc, parsed.paragraph_of)
    quotes: list[Quote] = []
    spans = find_quote_spans(parsed)
    previous: tuple[QuoteSpan, str | None] | None = None
    for span in spans:
        text = _inner_text(parsed.article.text, span)
        if not text:
            continue
        speaker, found = attribute(parsed, span, spans, resolver, quotes, previous)
        if not found and len(text.split()) <= SHORT_QUOTE_WORDS:
            continue
        quotes.append(Quote(text=text, speaker=speaker, evidence=parsed.evidence(span.start, span.end)))
        previous = (span, speaker)
    return quotes


def _inner_text(text: str, span: QuoteSpan) -> str:
    inner = text[span.start:span.end].strip()
    return inner[:-1].rstrip() if inner.endswith(",") else inner


def find_quote_spans(parsed: ParsedArticle) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    for paragraph in parsed.article.paragraphs:
        spans.extend(quote_spans_in(paragraph.text, paragraph.start, paragraph.index))
    return spans


def quote_spans_in(text: str, offset: int = 0, paragraph: int = 0) -> list[QuoteSpan]:
    """Quoted spans of one paragraph. A closing mark with no opening one starts the quote at the paragraph
    start; an opening mark never closed runs to the paragraph end; single quotes count only when they open
    at a word start and close before a non-letter (so "rebels’ advance" is an apostrophe)."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    single_at: int | None = None
    for i, char in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        is_double_open = char in OPEN_DOUBLE or (char == STRAIGHT_DOUBLE and _opens(before, after))
        is_double_close = char in CLOSE_DOUBLE or (char == STRAIGHT_DOUBLE and not is_double_open)
        if open_at is None and is_double_close and not spans and single_at is None and i > 0:
            spans.append(QuoteSpan(offset, offset + i, paragraph, opened=False))
        elif is_double_open:
            if open_at is not None and i - open_at > 1:
                spans.append(QuoteSpan(offset + open_at + 1, offset + i, paragraph, closed=False))
            open_at, single_at = i, None
        elif is_double_close and open_at is not None:
            spans.append(QuoteSpan(offset + open_at + 1, offset + i, paragraph))
            open_at = None
        elif open_at is None and char in OPEN_SINGLE + STRAIGHT_SINGLE and _opens(before, after) \
                and not before.isalnum():
            single_at = i
        elif open_at is None and single_at is not None and char in CLOSE_SINGLE + STRAIGHT_SINGLE \
                and not after.isalpha() and i - single_at > 1:
            spans.append(QuoteSpan(offset + single_at + 1, offset + i, paragraph))
            single_at = None
    if open_at is not None and len(text) - open_at > 2:
        spans.append(QuoteSpan(offset + open_at + 1, offset + len(text), paragraph, closed=False))
    return spans


def _opens(before: str, after: str) -> bool:
    return (before in _OPENING_CONTEXT or before in OPEN_DOUBLE) and not after.isspace()


def _sentences(parsed: ParsedArticle, span: QuoteSpan) -> list[Span]:
    doc = parsed.doc
    first = doc.char_span(span.start, max(span.start + 1, span.end), alignment_mode="expand")
    if first is None or not len(first):
        return []
    sentences = []
    for token in (first[0], first[-1]):
        if token.sent not in sentences:
            sentences.append(token.sent)
    return sentences


def _inside_any(token: Token, spans: list[QuoteSpan]) -> bool:
    return any(span.start <= token.idx < span.end for span in spans)


def attribute(
    parsed: ParsedArticle,
    span: QuoteSpan,
    spans: list[QuoteSpan],
    resolver: ActorResolver,
    quotes: list[Quote],
    previous: tuple[QuoteSpan, str | None] | None,
) -> tuple[str | None, bool]:
    """(speaker, whether an attribution was found). Speaker None with found=True means "cannot tell"."""
    sentences = _sentences(parsed, span)
    verbs = [
        token for sentence in sentences for token in sentence
        if _is_speech_verb(token) and not _inside_any(token, spans)
    ]
    verbs.sort(key=lambda token: _distance(token, span))
    for verb in verbs:
        subject = speaker_of(verb)
        if subject is not None:
            return resolve_subject(subject, resolver, quotes, parsed), True
    for sentence in sentences:
        according = _according_to(sentence, spans)
        if according is not None:
            return resolve_subject(according, resolver, quotes, parsed), True
    # A sentence that is all quote continues the previous quote's speaker when it follows it closely.
    if previous is not None and sentences and _all_quote(sentences, spans):
        last_span, last_speaker = previous
        if span.paragraph - last_span.paragraph <= 1:
            return last_speaker, True
    return None, False


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon.speech_verbs()


def _distance(token: Token, span: QuoteSpan) -> int:
    if token.idx < span.start:
        return span.start - token.idx
    return max(0, token.idx - span.end)


def speaker_of(verb: Token) -> Token | None:
    """The subject of a speech verb, climbing from participles and conjuncts to the clause that has one."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("that", "which", "who", "this"):
                return child
            if child.dep_ == "agent":
                objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if current.dep_ in ("advcl", "conj", "xcomp", "relcl", "acl") and current.head is not current:
            if current.dep_ == "relcl":
                return current.head
            current = current.head
        else:
            return None
    return None


def _according_to(sentence: Span, spans: list[QuoteSpan]) -> Token | None:
    for token in sentence:
        if token.lower_ == "according" and not _inside_any(token, spans):
            for child in token.children:
                if child.lower_ == "to":
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects:
                        return objects[0]
    return None


def _all_quote(sentences: list[Span], spans: list[QuoteSpan]) -> bool:
    words = [t for s in sentences for t in s if not t.is_punct and not t.is_space]
    return bool(words) and all(_inside_any(t, spans) for t in words)


def resolve_subject(subject: Token, resolver: ActorResolver, quotes: list[Quote], parsed: ParsedArticle) -> str | None:
    """The actor a speech verb's subject refers to, or None when a careful reader could not tell."""
    lowered = subject.lower_
    if lowered in PRONOUNS:
        return resolver.pronoun(PRONOUNS[lowered], subject.idx, parsed.paragraph_of(subject.idx), quotes)
    phrase = parsed.doc[subject.left_edge.i:subject.right_edge.i + 1]
    actor = resolver.in_phrase(phrase)
    if actor is not None:
        return actor
    return resolver.description(subject.lemma_.lower(), subject.idx, quotes)

