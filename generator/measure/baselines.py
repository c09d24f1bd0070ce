"""Summary baselines measured side by side with the product's summary.

Lead-1, Lead-3 and TextRank work on the same spaCy parse and the same candidate sentences as
`extract/summary.py`, so that the comparison is about choosing sentences, not about splitting them. The oracle
is a ceiling, not a system: it reads the gold reference and greedily picks the three candidate sentences that
score best against it, so it says how far any 3-sentence extract could go on a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

from ..extract.analysis import analyse
from ..extract.summary import textrank_scores
from ..nlp import ParsedArticle

BASELINE_SENTENCES = 3


def lead1(parsed: ParsedArticle, reference: str | None = None) -> list[str]:
    """The first body sentence: on a corpus with reference sentences, its precision is how often the lede is
    one of them."""
    return [s.text.strip() for s in list(analyse(parsed).sentences)[:1]]


def lead3(parsed: ParsedArticle, reference: str | None = None) -> list[str]:
    """The first three body sentences."""
    return [s.text.strip() for s in list(analyse(parsed).sentences)[:BASELINE_SENTENCES]]


def textrank(parsed: ParsedArticle, reference: str | None = None) -> list[str]:
    """TextRank alone: the three most central sentences, in article order."""
    sentences = list(analyse(parsed).sentences)
    scores = textrank_scores(sentences)
    best = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))[:BASELINE_SENTENCES]
    return [sentences[i].text.strip() for i in sorted(best)]


def oracle3(parsed: ParsedArticle, reference: str | None = None) -> list[str]:
    """Greedy ROUGE-1 oracle: three times, the candidate that most raises the ROUGE-1 F1 of the extract (kept
    in article order) against the reference. Nothing without a reference."""
    if not reference:
        return []
    from .score import rouge1_f1

    sentences = [s.text.strip() for s in list(analyse(parsed).sentences)]
    chosen: list[int] = []
    while len(chosen) < min(BASELINE_SENTENCES, len(sentences)):
        def gain(i: int) -> float:
            return rouge1_f1(reference, " ".join(sentences[j] for j in sorted([*chosen, i])))

        chosen.append(max((i for i in range(len(sentences)) if i not in chosen), key=lambda i: (gain(i), -i)))
    return [sentences[i] for i in sorted(chosen)]


BASELINES: dict[str, Callable[[ParsedArticle, str | None], list[str]]] = {
    "lead1": lead1, "lead3": lead3, "textrank": textrank, "oracle3": oracle3}
