"""Summary: 3 to 5 sentences of the article, in article order, that carry its lead facts.

The lede (the first body sentence after the standfirst, if the page has one) is always chosen. The others, the
standfirst's too, are scored from their position, the salience of the actors they name, the figures they carry,
their overlap with the headline, their centrality, whether they state a foreign reaction and whether the
standfirst (written by the page's editors to say what the story is) holds them, then chosen
greedily with a penalty for repeating what is already chosen. How many: 3, one more when foreign governments or
bodies react, one more for a long article. Quote-only sentences, captions, cross-heads and fragments are never
chosen.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Actor, Figure, Quote, Reaction
from ..nlp import ParsedArticle
from .analysis import Analysis, sentence_body
from .names import entities_in
from .resolve import ActorResolver, with_referent
from .rules import (
    DEFAULT_WEIGHTS,
    FULL_PAGE_WORDS,
    KEY_ACTOR_NAME,
    LONG_ARTICLE_WORDS,
    MINOR_ACTOR_NAME,
    SUMMARY_SENTENCES,
    TEXTRANK_DAMPING,
    TEXTRANK_ITERATIONS,
    TEXTRANK_WINDOW,
    SummaryWeights,
)

if TYPE_CHECKING:
    from spacy.tokens import Span


def summary_length(words: int, reactions: int = 0) -> int:
    """3 sentences for a short story; one more for a long article; one more again when foreign governments
    or bodies react, since the main reactions are among the lead facts a reader needs, or for a full page,
    which holds as many (at most 5)."""
    return SUMMARY_SENTENCES + (1 if words >= LONG_ARTICLE_WORDS else 0) \
        + (1 if reactions or words >= FULL_PAGE_WORDS else 0)


def _content_words(span: Span) -> set[str]:
    return {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop}




@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What the score knows of one candidate sentence, computed once from the parse."""

    position: int  # among the candidates; 0 is the lede
    names: float  # salience of the actors it names: 1 for a key actor, 0.3 for another
    figures: int
    title_overlap: float  # share of the headline's content words it carries
    centrality: float  # TextRank, relative to the article's most central sentence
    reaction: bool  # the first sentence that states one of the international reactions
    words: frozenset[str]
    standfirst: bool = False  # a sentence of the standfirst, written under the headline to say what the story is


@dataclass(frozen=True, slots=True)
class SummaryCandidates:
    """Everything the choice needs, computed once per article: the sentences as the page would show them
    (without a dateline), their features, and how many to choose. Plain values only: `briefgen tune-summary`
    computes them in worker processes."""

    texts: list[str]
    features: list[SentenceFeatures]
    wanted: int
    lede: int = 0  # the lede's place: after the standfirst's sentences when the page has one


def summary_candidates(analysis: Analysis, actors: list[Actor], figures: list[Figure],
                       reactions: list[Reaction]) -> SummaryCandidates:
    parsed = analysis.parsed
    candidates = list(analysis.sentences)
    total_words = sum(1 for t in parsed.doc if t.is_alpha)
    return SummaryCandidates(
        texts=[sentence_body(sentence).text.strip() for sentence in candidates],
        features=sentence_features(parsed, candidates, actors, figures, reactions, analysis.lede_at),
        wanted=summary_length(total_words, len(reactions)),
        lede=analysis.lede_at,
    )


def extract_summary(analysis: Analysis, actors: list[Actor], figures: list[Figure], reactions: list[Reaction],
                    quotes: list[Quote], referents: ActorResolver,
                    weights: SummaryWeights = DEFAULT_WEIGHTS) -> list[str]:
    candidates = summary_candidates(analysis, actors, figures, reactions)
    chosen = choose_sentences(candidates.features, candidates.wanted, weights, candidates.lede)
    bodies = [sentence_body(analysis.sentences[i]) for i in chosen]
    return with_referents(bodies, analysis.parsed, referents, quotes)


def with_referents(bodies: list[Span], parsed: ParsedArticle, resolver: ActorResolver,
                   quotes: list[Quote]) -> list[str]:
    """The sentences' texts, each opening "he", "she" or a bare surname given the name in brackets when no
    sentence before it in the summary names that person."""
    texts: list[str] = []
    for body in bodies:
        paragraph = parsed.paragraph_of(body.start_char)
        texts.append(with_referent(body, resolver, paragraph, quotes, " ".join(texts)))
    return texts


def choose_sentences(features: list[SentenceFeatures], wanted: int, weights: SummaryWeights,
                     lede: int = 0) -> list[int]:
    """The lede, then a greedy choice up to `wanted` sentences (fewer if there are fewer), each time the best
    score less the penalty for repeating what is already chosen; the indexes in article order. The lede is
    always chosen: a news story states what happened, who and where in its first sentence."""
    scores = [sentence_score(feature, weights) for feature in features]
    chosen: list[int] = [lede] if lede < len(features) and wanted > 0 else []
    while len(chosen) < min(wanted, len(features)):
        best = max(
            (i for i in range(len(features)) if i not in chosen),
            key=lambda i: scores[i] - weights.redundancy * max(
                (_overlap(features[i].words, features[j].words) for j in chosen), default=0.0),
        )
        chosen.append(best)
    return sorted(chosen)


def sentence_score(feature: SentenceFeatures, weights: SummaryWeights) -> float:
    """Position (earlier is better), the salience of the actors named, the figures carried, overlap with the
    headline, centrality (how much of the article's vocabulary the sentence shares), whether it states a
    foreign reaction, and whether it is the standfirst's."""
    return (weights.position / (1 + weights.position_decay * feature.position)
            + weights.names * min(feature.names, weights.names_cap)
            + weights.figures * min(feature.figures, weights.figures_cap)
            + weights.title * feature.title_overlap + weights.centrality * feature.centrality
            + (weights.reaction if feature.reaction else 0.0)
            + (weights.standfirst if feature.standfirst else 0.0))




def textrank_scores(sentences: list[Span], damping: float = TEXTRANK_DAMPING,
                    iterations: int = TEXTRANK_ITERATIONS, window: int = TEXTRANK_WINDOW) -> list[float]:
    """TextRank (Mihalcea and Tarau, 2004): PageRank over sentences linked by shared content words, each link
    normalised by the log of the sentence lengths. Sentences are ranked within consecutive windows of `window`
    sentences, so the cost grows linearly with a long document instead of with its square; an article shorter
    than the window is ranked as a whole."""
    scores: list[float] = []
    for start in range(0, len(sentences), window):
        scores.extend(_textrank_window(sentences[start:start + window], damping, iterations))
    return scores


def _textrank_window(sentences: list[Span], damping: float, iterations: int) -> list[float]:
    words = [_content_words(sentence) for sentence in sentences]
    size = len(sentences)
    links: list[list[tuple[int, float]]] = [[] for _ in range(size)]  # per sentence: (other, weight) > 0
    for i in range(size):
        for j in range(size):
            if i != j and len(words[i]) > 1 and len(words[j]) > 1:
                shared = len(words[i] & words[j])
                if shared:
                    links[i].append((j, shared / (math.log(len(words[i])) + math.log(len(words[j])))))
    totals = [sum(weight for _, weight in row) or 1.0 for row in links]
    # incoming[i]: (j, share of j's weight that goes to i), in increasing j as the dense sum added them
    incoming: list[list[tuple[int, float]]] = [[] for _ in range(size)]
    for j, row in enumerate(links):
        for i, weight in row:
            incoming[i].append((j, weight / totals[j]))
    scores = [1.0] * size
    for _ in range(iterations):
        scores = [(1 - damping) + damping * sum(share * scores[j] for j, share in incoming[i]) for i in range(size)]
    return scores


def sentence_features(parsed: ParsedArticle, candidates: list[Span], actors: list[Actor],
                      figures: list[Figure], reactions: list[Reaction], lede: int = 0) -> list[SentenceFeatures]:
    """The features of every candidate; the candidates before `lede` are the standfirst's."""
    weight = _actor_weights(actors)
    title_words: set[str] = set()
    if parsed.article.headline_paragraph:
        title = parsed.doc.char_span(0, len(parsed.article.paragraphs[0].text), alignment_mode="expand")
        title_words = _content_words(title) if title is not None else set()
    figure_starts = sorted(f.evidence.start for f in figures if f.evidence)
    stating = _holding_any(candidates, {reaction.sentences[0] for reaction in reactions if reaction.sentences})
    ranks = textrank_scores(candidates)
    top = max(ranks, default=0.0) or 1.0
    features = []
    for position, sentence in enumerate(candidates):
        words = _content_words(sentence)
        features.append(SentenceFeatures(
            position=position,
            names=sum(weight.get(ent.text, 0.0) for ent in entities_in(sentence)),
            figures=bisect_left(figure_starts, sentence.end_char) - bisect_left(figure_starts, sentence.start_char),
            title_overlap=len(words & title_words) / max(len(title_words), 1),
            centrality=ranks[position] / top,
            reaction=position in stating,
            words=frozenset(words),
            standfirst=position < lede,
        ))
    return features


def _holding_any(candidates: list[Span], texts: set[str]) -> set[int]:
    """The positions of the candidates that contain one of the texts (a reaction's sentence, mended ones too),
    found by searching the document once per text rather than every candidate for every text."""
    if not candidates:
        return set()
    whole = candidates[0].doc.text
    starts = [sentence.start_char for sentence in candidates]
    holding = set()
    for text in filter(None, texts):  # an empty text would match everywhere
        found = whole.find(text)
        while found >= 0:
            position = bisect_right(starts, found) - 1
            if position >= 0 and found + len(text) <= candidates[position].end_char:
                holding.add(position)
            found = whole.find(text, found + 1)
    return holding


def _actor_weights(actors: list[Actor]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for actor in actors:
        value = KEY_ACTOR_NAME if actor.key else MINOR_ACTOR_NAME
        for form in actor.names():
            weights[form] = value
    return weights


def _overlap(words_a: AbstractSet[str], words_b: AbstractSet[str]) -> float:
    return len(words_a & words_b) / max(min(len(words_a), len(words_b)), 1)
