"""Summary baselines measured side by side with the product's summary: Lead-3 and TextRank.

Both work on the same spaCy parse and the same candidate sentences as `extract/summary.py`, so that the
comparison is about choosing sentences, not about splitting them.
"""

from __future__ import annotations

from .extract.summary import candidate_sentences, textrank_scores
from .nlp import ParsedArticle

BASELINE_SENTENCES = 3


def lead3(parsed: ParsedArticle) -> list[str]:
    """The first three body sentences."""
    return [s.text.strip() for s in candidate_sentences(parsed)[:BASELINE_SENTENCES]]


def textrank(parsed: ParsedArticle) -> list[str]:
    """TextRank alone: the three most central sentences, in article order."""
    sentences = candidate_sentences(parsed)
    scores = textrank_scores(sentences)
    best = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))[:BASELINE_SENTENCES]
    return [sentences[i].text.strip() for i in sorted(best)]


BASELINES = {"lead3": lead3, "textrank": textrank}
