"""Summary baselines measured side by side with the product's summary: Lead-3 and TextRank.

Both work on the same spaCy parse and the same candidate sentences as `extract/summary.py`, so that the
comparison is about choosing sentences, not about splitting them.
"""

from __future__ import annotations

import math

from .extract.summary import candidate_sentences
from .nlp import ParsedArticle

BASELINE_SENTENCES = 3


def lead3(parsed: ParsedArticle) -> list[str]:
    """The first three body sentences."""
    return [s.text.strip() for s in candidate_sentences(parsed)[:BASELINE_SENTENCES]]


def textrank(parsed: ParsedArticle, damping: float = 0.85, iterations: int = 50) -> list[str]:
    """TextRank (Mihalcea and Tarau, 2004): PageRank over sentences linked by shared words, normalised by
    log sentence length; the top three, in article order."""
    sentences = candidate_sentences(parsed)
    words = [{t.lemma_.lower() for t in s if t.is_alpha and not t.is_stop} for s in sentences]
    size = len(sentences)
    weights = [[0.0] * size for _ in range(size)]
    for i in range(size):
        for j in range(size):
            if i != j and len(words[i]) > 1 and len(words[j]) > 1:
                shared = len(words[i] & words[j])
                weights[i][j] = shared / (math.log(len(words[i])) + math.log(len(words[j])))
    totals = [sum(row) or 1.0 for row in weights]
    scores = [1.0] * size
    for _ in range(iterations):
        scores = [(1 - damping) + damping * sum(weights[j][i] / totals[j] * scores[j] for j in range(size))
                  for i in range(size)]
    best = sorted(range(size), key=lambda i: (-scores[i], i))[:BASELINE_SENTENCES]
    return [sentences[i].text.strip() for i in sorted(best)]


BASELINES = {"lead3": lead3, "textrank": textrank}
