"""The analysis: what every extractor reads, built once per article between the parse and the extractors.

The named mentions with their categories, the quoted spans and the lead (the headline's sentences and the
lede) are each decided here once, so that actors, places, quotes, reactions and the summary agree on them and
no extractor needs another's helpers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Article
from ..nlp import ParsedArticle
from .mentions import Mention, as_surnames, find_mentions
from .quote_marks import QuoteSpan, find_quote_spans
from .rules import LEDE_MIN_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass(frozen=True, slots=True)
class Analysis:
    parsed: ParsedArticle
    mentions: tuple[Mention, ...]  # every named mention in text order, surnames typed as people
    quote_spans: tuple[QuoteSpan, ...]  # every quoted span, by paragraph
    lead: tuple[Span, ...]  # the headline's sentences, then the lede (the first sentence of the body)

    @property
    def doc(self) -> Doc:
        return self.parsed.doc

    @property
    def article(self) -> Article:
        return self.parsed.article


def analyse(parsed: ParsedArticle) -> Analysis:
    return Analysis(
        parsed=parsed,
        mentions=tuple(as_surnames(find_mentions(parsed))),
        quote_spans=tuple(find_quote_spans(parsed.article)),
        lead=tuple(_lead(parsed)),
    )


def _lead(parsed: ParsedArticle) -> list[Span]:
    """The headline's sentences and the first sentence of the body: where the focal event is stated."""
    lead: list[Span] = []
    for sentence in parsed.doc.sents:
        if not sentence.text.strip():
            continue
        lead.append(sentence)
        words = sum(1 for token in sentence if token.is_alpha)
        if not parsed.in_headline(sentence.start_char) and words >= LEDE_MIN_WORDS:
            break
    return lead
