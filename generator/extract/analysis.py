"""The analysis: what every extractor reads, built once per article between the parse and the extractors.

The named mentions with their categories, the quoted spans, the body's sentences, the lede (the first of them)
and the lead (the headline's sentences and the lede) are each decided here once, so that actors, places,
quotes, reactions and the summary agree on them and no extractor needs another's helpers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import STANDFIRST, Article
from ..nlp import ParsedArticle
from .language import ENGLISH, language_of
from .mentions import Mention, as_surnames, cited_reporters, find_mentions, without_cited_outlets
from .quote_marks import QuotedText, QuoteSpan, find_quote_spans
from .rules import DATELINE_MAX_TOKENS, MIN_SENTENCE_WORDS, QUOTE_SHARE_LIMIT

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True, slots=True)
class Analysis:
    parsed: ParsedArticle
    mentions: tuple[Mention, ...]  # every named mention in text order, surnames typed as people
    quote_spans: tuple[QuoteSpan, ...]  # every quoted span, by paragraph
    quoted: QuotedText  # the same spans, to ask whether an offset is quoted
    # the quoted spans that name a thing rather than quote words: a label inside a noun phrase ("a ‘phase one’
    # trade deal", "the “one country, two systems” formula"); no quote without a speaker, and no figure
    labels: frozenset[QuoteSpan]
    sentences: tuple[Span, ...]  # the body's sentences that state something (no fragment, caption or quote)
    lead: tuple[Span, ...]  # the headline's sentences, then the standfirst's, then the lede
    name_words: frozenset[str]  # words written capitalised inside sentences and never in lower case: names
    cited_reporters: frozenset[str]  # surname keys of journalists cited as sources: neither actors nor speakers
    # The lede's place in `sentences`: the first sentence after the standfirst, whose sentences come first. A
    # standfirst is written to be read under the headline ("The government's move aims to …"); the lede
    # states what happened, who and where.
    lede_at: int = 0
    language: str = ENGLISH  # another language's name: the model cannot read the article, and finds no names

    @property
    def lede(self) -> Span | None:
        return self.sentences[self.lede_at] if self.sentences else None

    def opens_with_quotation(self, sentence: Span) -> bool:
        """Whether the sentence opens with someone's words ("“We will take back every street,” a commander
        said"): a quote with its attribution, however long the attribution."""
        first_word = next((token for token in sentence if token.is_alpha), sentence[0])
        return self.quoted.holds(first_word.idx)

    @property
    def doc(self) -> Doc:
        return self.parsed.doc

    @property
    def article(self) -> Article:
        return self.parsed.article


def analyse(parsed: ParsedArticle) -> Analysis:
    quote_spans = find_quote_spans(parsed.article)
    quoted = QuotedText(quote_spans)
    sentences = _body_sentences(parsed, quoted)
    headline = [s for s in parsed.doc.sents if s.text.strip() and parsed.in_headline(s.start_char)]
    paragraphs = parsed.article.paragraphs
    lede_at = next((i for i, sentence in enumerate(sentences)
                    if paragraphs[parsed.paragraph_of(sentence.start_char)].role != STANDFIRST), 0)
    language = language_of(parsed.article.text)
    # In another language every capitalised word is a name to the English model: none is looked for.
    mentions = without_cited_outlets(as_surnames(find_mentions(parsed), parsed.doc), parsed.doc, quoted) \
        if language == ENGLISH else []
    return Analysis(
        parsed=parsed,
        mentions=tuple(mentions),
        quote_spans=tuple(quote_spans),
        quoted=quoted,
        labels=frozenset(span for span in quote_spans if _names_a_thing(parsed.doc, span)),
        sentences=tuple(sentences),
        lead=(*headline, *sentences[:lede_at + 1]),
        name_words=_name_words(parsed.doc),
        cited_reporters=cited_reporters(mentions, parsed.doc),
        lede_at=lede_at,
        language=language,
    )


def _names_a_thing(doc: Doc, span: QuoteSpan) -> bool:
    """The quoted words stand inside a noun phrase, between a determiner and the noun they modify: a name or a
    label ("a ‘phase one’ trade deal", "the “one country, two systems” formula"), not words said."""
    inside = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inside is None or inside.start < 2 or inside.end + 1 >= len(doc):
        return False
    before, after = doc[inside.start - 2], doc[inside.end + 1]
    return before.pos_ in ("DET", "PRON") and before.dep_ in ("det", "poss") and after.pos_ == "NOUN"


def _name_words(doc: Doc) -> frozenset[str]:
    """The words the article writes capitalised inside a sentence and never in lower case, in lower case: a
    sentence's first word is a name when it is one of them ("Hannity interjected" after "host Sean Hannity";
    not "Officials said")."""
    inside: set[str] = set()
    lower: set[str] = set()
    for sentence in doc.sents:
        for position, token in enumerate(t for t in sentence if t.is_alpha):
            if token.text[:1].isupper():
                if position:
                    inside.add(token.lower_)
            else:
                lower.add(token.lower_)
    return frozenset(inside - lower)


def _body_sentences(parsed: ParsedArticle, quoted: QuotedText) -> list[Span]:
    """The sentences of the body that state something: neither a fragment, a caption, a list item nor a
    quotation, with the parser's bad splits mended. The summary chooses among them; the first is the lede."""
    sentences = []
    for sentence in _rejoined(parsed.doc.sents, quoted):
        text = sentence.text.strip()
        if parsed.in_headline(sentence.start_char) or not text:
            continue
        words = [t for t in sentence if t.is_alpha]
        if len(words) < MIN_SENTENCE_WORDS or not re.search(r"[.!?][”\"’')]*$", text) or words[0].is_lower:
            continue  # a fragment: too short, unfinished, or the tail of a sentence split in two
        if _quoted_share(sentence, quoted) > QUOTE_SHARE_LIMIT:
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in sentence):
            continue  # a caption or a list item ("The cruise ship Freewinds in Bonaire."), not a sentence
        sentences.append(sentence)
    return sentences


def _rejoined(sentences: Iterable[Span], quoted: QuotedText) -> Iterator[Span]:
    """The parser's sentences, with three kinds of split mended. A split after a paragraph's first word:
    "Ukraine" + "and Russia blame each other ..." is one sentence (other sentences starting in lower case stay
    fragments). A split inside a quotation: 'Zelensky called it "a victory for Ukraine.' + 'A victory for all
    of Europe," the AP reports.' is one sentence. A closing mark split off on its own goes back to its
    sentence."""
    previous: Span | None = None
    for sentence in sentences:
        if previous is not None:
            same_paragraph = "\n" not in previous[-1].whitespace_
            unfinished = len(previous) <= 2 and previous[-1].is_alpha and same_paragraph
            inside_quote = quoted.holds_within(sentence.start_char)
            dangling = (same_paragraph and any(t.is_punct for t in sentence)
                        and all(t.is_punct or t.is_space for t in sentence))
            if (unfinished and sentence[0].is_lower) or inside_quote or dangling:
                previous = previous.doc[previous.start:sentence.end]
                continue
            yield previous
        previous = sentence
    if previous is not None:
        yield previous


def _quoted_share(sentence: Span, quoted: QuotedText) -> float:
    """The share of the sentence's characters inside quotation marks, counting the marks of the whole
    paragraph: a sentence in the middle of a quotation that spans several sentences is quoted too."""
    return quoted.covered(sentence.start_char, sentence.end_char) / max(len(sentence.text.strip()), 1)


# A publication date stamp run into the lede ("Thursday, May 7, 2015 On Tuesday, the ..."), as Wikinews
# pages print it when the line break before the story is lost.
_MONTH_NAMES = [month.capitalize() for month in lexicon.word_list("months") if not month.endswith(".")]
_DATE_STAMP = re.compile(
    rf"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?:{'|'.join(_MONTH_NAMES)}) \d{{1,2}}, \d{{4}}\s+(?=[A-Z“\"])")


def sentence_body(sentence: Span) -> Span:
    """The sentence as a summary shows it: without the dateline a wire story opens with ("BRUSSELS, Nov 30
    (Reuters) - The ...", "Baku, Nov. 11, (dpa/GNA) – The ..."), a short run of capitalised words that names a
    place (or opens in capitals) ended by a spaced dash; or without a date stamp before it."""
    doc = sentence.doc
    stamp = _DATE_STAMP.match(sentence.text)
    if stamp:
        body = doc.char_span(sentence.start_char + stamp.end(), sentence.end_char, alignment_mode="expand")
        return body if body is not None and len(body) else sentence
    for token in sentence[:DATELINE_MAX_TOKENS]:
        if token.text in ("–", "—", "-") and token.whitespace_ and token.i > sentence.start:
            prefix = doc[sentence.start:token.i]
            first = prefix[0]
            places = any(t.ent_type_ in ("GPE", "LOC") for t in prefix) or (first.is_upper and len(first) > 2)
            if places and not any(t.is_alpha and t.is_lower for t in _outside_parentheses(prefix)) \
                    and token.i + 1 < sentence.end:
                return doc[token.i + 1:sentence.end]
            break
    return sentence


def _outside_parentheses(tokens: Span) -> list[Token]:
    """The tokens not inside parentheses: a dateline's agency credit may be lower case ("(dpa/GNA)")."""
    depth, kept = 0, []
    for token in tokens:
        depth += token.text == "("
        if depth == 0:
            kept.append(token)
        depth -= token.text == ")" and depth > 0
    return kept
