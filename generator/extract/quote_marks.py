"""Quotation marks: where each quoted span of an article starts and ends, paragraph by paragraph.

Curly and straight, double and single, unbalanced and multi-paragraph: one stray mark never loses the other
quotes. Quotes, reactions and the summary all read these spans from the analysis, computed once per article.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article

OPEN_DOUBLE, CLOSE_DOUBLE, STRAIGHT_DOUBLE = "“„«", "”»", '"'
OPEN_SINGLE, CLOSE_SINGLE, STRAIGHT_SINGLE = "‘‚", "’", "'"
OPENING_MARKS = OPEN_DOUBLE + STRAIGHT_DOUBLE + OPEN_SINGLE + STRAIGHT_SINGLE  # every mark a quote may open with
_OPENING_CONTEXT = " \t\n([{—–-/:"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # offsets of the text between the marks, in the article text
    end: int
    paragraph: int
    closed: bool = True  # a closing mark was seen (False: the quote runs on to the next paragraph)


class QuotedText:
    """The quoted spans of an article as sorted, disjoint character ranges (`quote_spans_in` never lets two
    overlap), asked by bisection: a scan of every span for each token or sentence would make a long article's
    extraction grow with the square of its length."""

    def __init__(self, spans: Sequence[QuoteSpan]):
        self._starts = [span.start for span in spans]
        self._ends = [span.end for span in spans]

    def holds(self, offset: int) -> bool:
        """Whether the character at `offset` is inside a quotation (its first character included)."""
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def holds_within(self, offset: int) -> bool:
        """Whether `offset` falls strictly inside a quotation: after its first character."""
        index = bisect_left(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def opens_in(self, start: int, end: int) -> bool:
        """Whether a quotation begins in [start, end)."""
        index = bisect_left(self._starts, start)
        return index < len(self._starts) and self._starts[index] < end

    def covered(self, start: int, end: int) -> int:
        """How many characters of [start, end) are inside quotations."""
        inside = 0
        index = bisect_right(self._ends, start)
        while index < len(self._starts) and self._starts[index] < end:
            inside += min(end, self._ends[index]) - max(start, self._starts[index])
            index += 1
        return inside


def find_quote_spans(article: Article) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    for paragraph in article.paragraphs:
        spans.extend(quote_spans_in(paragraph.text, paragraph.start, paragraph.index))
    return spans


def quote_spans_in(text: str, offset: int = 0, paragraph: int = 0) -> list[QuoteSpan]:
    """Quoted spans of one paragraph. A closing mark with no opening one starts the quote at the paragraph
    start; an opening mark never closed runs to the paragraph end; single quotes count only when they open
    at a word start and close before a non-letter (so "rebels’ advance" is an apostrophe). Two apostrophes
    ('') are a double quotation mark, as in some newspaper archives."""
    text = text.replace("''", '"\u2060')  # same length: offsets stay valid; U+2060 is an invisible joiner
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    single_at: int | None = None
    for i, char in enumerate(text):
        before = text[i - 1] if i else " "
        # an invisible format mark opening a pasted post ("\u202a”Sorry Sarah, …”") is no word; U+2060 is this
        # function's own stand-in for the second apostrophe of '', so keeps its meaning
        if before != "\u2060" and unicodedata.category(before) == "Cf":
            before = " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if after == "\u2060":
            after = text[i + 2] if i + 2 < len(text) else " "
        ends_words = open_at is not None and (_closes(before, after) or _spaced(before, after))
        # a closing mark drawn where a quote opens, after a space and before a word (said: ”Bird flu…”, the
        # German »…«), opens it, as an opening mark drawn where a quote ends closes it
        is_double_open = (char in OPEN_DOUBLE and not ends_words) \
            or (char == STRAIGHT_DOUBLE and _opens(before, after)) \
            or (char in CLOSE_DOUBLE and open_at is None and _opens(before, after))
        is_double_close = not is_double_open and (char in CLOSE_DOUBLE or (char in OPEN_DOUBLE and ends_words)
                                                  or char == STRAIGHT_DOUBLE)
        if open_at is None and is_double_close and not spans and single_at is None and i > 0:
            spans.append(QuoteSpan(offset, offset + i, paragraph))  # no opening mark: from the paragraph start
        elif is_double_open:
            if open_at is not None and i - open_at > 1:
                spans.append(QuoteSpan(offset + open_at + 1, offset + i, paragraph, closed=False))
            open_at, single_at = (i + 1 if _after_joiner(text, i) else i), None
        elif is_double_close and open_at is not None:
            spans.append(QuoteSpan(offset + open_at + 1, offset + i, paragraph))
            open_at = None
        elif open_at is None and char in OPEN_SINGLE + STRAIGHT_SINGLE and _opens(before, after) \
                and not before.isalnum():
            single_at = i
        elif open_at is None and single_at is not None and i - single_at > 1 and (
                (char in CLOSE_SINGLE + STRAIGHT_SINGLE and not after.isalpha())
                or (char in OPEN_SINGLE and _spaced(before, after))):
            spans.append(QuoteSpan(offset + single_at + 1, offset + i, paragraph))
            single_at = None
    if open_at is not None and len(text) - open_at > 2:
        spans.append(QuoteSpan(offset + open_at + 1, offset + len(text), paragraph, closed=False))
    return spans


def _after_joiner(text: str, i: int) -> bool:
    return i + 1 < len(text) and text[i + 1] == "\u2060"


def _closes(before: str, after: str) -> bool:
    """An opening mark written where a quote ends, after its last word and before a space or a punctuation
    mark ("…for her here,“ said Jim Clyburn"; the German „…“ closes this way too), closes the open quote."""
    return not before.isspace() and before not in _OPENING_CONTEXT and (after.isspace() or after in ".,;:!?)")


def _spaced(before: str, after: str) -> bool:
    """A mark after a space and before a space or a punctuation mark, as pages that space their marks write
    both ends of a quote (“ I Cavalieri dello Zodiaco “,): while a quote is open it closes it, whichever way
    it is drawn; a quote never opens onto a space and a comma."""
    return before.isspace() and (after.isspace() or after in ".,;:!?)")


def _opens(before: str, after: str) -> bool:
    return (before in _OPENING_CONTEXT or before in OPEN_DOUBLE) and not after.isspace()
