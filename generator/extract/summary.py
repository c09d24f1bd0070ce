"""Summary: 3 to 5 sentences of the article, in article order, that carry its lead facts.

Each body sentence is scored from its position (the lede first), the salience of the actors it names, the
figures it carries, its overlap with the headline and its centrality; sentences are then chosen greedily with a
penalty for repeating what is already chosen. How many: 3 for a short story, up to 5 for a long one, one more
when many actors are key. Quote-only sentences, cross-heads and fragments are never chosen.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..model import Actor, Figure
from ..nlp import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MIN_WORDS = 8
QUOTE_SHARE_LIMIT = 0.6
_QUOTE_MARKS = re.compile(r"[“”\"]")


MANY_KEY_ACTORS = 6  # a story with this many key actors gets one sentence more to name them


def summary_length(words: int, key_actors: int = 0) -> int:
    """3 sentences for a short wire story, up to 5 for a long article, and one more (still at most 5) when
    many actors matter: a crisis with several parties and reactions does not fit the length of a one-actor
    story."""
    length = 3 if words < 400 else 4 if words < 800 else 5
    return min(length + (1 if key_actors >= MANY_KEY_ACTORS else 0), 5)


def candidate_sentences(parsed: ParsedArticle) -> list[Span]:
    sentences = []
    for sentence in _rejoined(parsed.doc.sents):
        text = sentence.text.strip()
        if parsed.in_headline(sentence.start_char) or not text:
            continue
        words = [t for t in sentence if t.is_alpha]
        if len(words) < MIN_WORDS or not re.search(r"[.!?][”\"’')]*$", text) or words[0].is_lower:
            continue  # a fragment: too short, unfinished, or the tail of a sentence split in two
        if _quoted_share(text) > QUOTE_SHARE_LIMIT:
            continue
        sentences.append(sentence)
    return sentences


def _rejoined(sentences: Iterable[Span]) -> Iterator[Span]:
    """The parser's sentences, with a split it makes after a paragraph's first word mended: "Ukraine" + "and
    Russia blame each other ..." is one sentence. Other sentences starting in lower case stay fragments."""
    previous: Span | None = None
    for sentence in sentences:
        if previous is not None:
            unfinished = len(previous) <= 2 and previous[-1].is_alpha and not previous[-1].whitespace_.count("\n")
            if unfinished and sentence[0].is_lower:
                yield previous.doc[previous.start:sentence.end]
                previous = None
                continue
            yield previous
        previous = sentence
    if previous is not None:
        yield previous


def _quoted_share(text: str) -> float:
    parts = _QUOTE_MARKS.split(text)
    quoted = sum(len(part) for part in parts[1::2])
    return quoted / max(len(text), 1)


def _content_words(span: Span) -> set[str]:
    return {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop}


# Weights of the sentence score; measured with `briefgen eval` on dev, dev-gum, bbc-summary and gum-news.
POSITION_WEIGHT = 2.0
LEDE_WEIGHT = 0.5  # the first body sentence, a news story's lede, carries what happened, who and where
NAMES_WEIGHT = 0.6
FIGURES_WEIGHT = 1.0
TITLE_WEIGHT = 1.0
CENTRALITY_WEIGHT = 4.0
REDUNDANCY_PENALTY = 1.5


def extract_summary(parsed: ParsedArticle, actors: list[Actor], figures: list[Figure]) -> list[str]:
    candidates = candidate_sentences(parsed)
    if not candidates:
        return []
    scores = sentence_scores(parsed, candidates, actors, figures)
    total_words = sum(1 for t in parsed.doc if t.is_alpha)
    wanted = min(summary_length(total_words, sum(1 for actor in actors if actor.key)), len(candidates))
    words = [_content_words(sentence) for sentence in candidates]
    chosen: list[int] = []
    while len(chosen) < wanted:
        best = max(
            (i for i in range(len(candidates)) if i not in chosen),
            key=lambda i: scores[i] - REDUNDANCY_PENALTY * max(
                (_overlap(words[i], words[j]) for j in chosen), default=0.0),
        )
        chosen.append(best)
    return [_without_dateline(candidates[i]) for i in sorted(chosen)]


DATELINE_MAX_TOKENS = 14


# A publication date stamp run into the lede ("Thursday, May 7, 2015 On Tuesday, the ..."), as Wikinews
# pages print it when the line break before the story is lost.
_DATE_STAMP = re.compile(
    r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December) \d{1,2}, \d{4}\s+(?=[A-Z“\"])")


def _without_dateline(sentence: Span) -> str:
    """The sentence without the dateline a wire story opens with ("BRUSSELS, Nov 30 (Reuters) - The ...",
    "Baku, Nov. 11, (dpa/GNA) – The ..."): a short run of capitalised words that names a place (or opens in
    capitals), ended by a spaced dash; or without a date stamp before it."""
    stamp = _DATE_STAMP.match(sentence.text)
    if stamp:
        return sentence.text[stamp.end():].strip()
    for token in sentence[:DATELINE_MAX_TOKENS]:
        if token.text in ("–", "—", "-") and token.whitespace_ and token.i > sentence.start:
            prefix = token.doc[sentence.start:token.i]
            first = prefix[0]
            places = any(t.ent_type_ in ("GPE", "LOC") for t in prefix) or (first.is_upper and len(first) > 2)
            if places and not any(t.is_alpha and t.is_lower for t in _outside_parentheses(prefix)):
                return token.doc[token.i + 1:sentence.end].text.strip()
            break
    return sentence.text.strip()


def textrank_scores(sentences: list[Span], damping: float = 0.85, iterations: int = 50) -> list[float]:
    """TextRank (Mihalcea and Tarau, 2004): PageRank over sentences linked by shared content words, each link
    normalised by the log of the sentence lengths."""
    words = [_content_words(sentence) for sentence in sentences]
    size = len(sentences)
    weights = [[0.0] * size for _ in range(size)]
    for i in range(size):
        for j in range(size):
            if i != j and len(words[i]) > 1 and len(words[j]) > 1:
                weights[i][j] = len(words[i] & words[j]) / (math.log(len(words[i])) + math.log(len(words[j])))
    totals = [sum(row) or 1.0 for row in weights]
    scores = [1.0] * size
    for _ in range(iterations):
        scores = [(1 - damping) + damping * sum(weights[j][i] / totals[j] * scores[j] for j in range(size))
                  for i in range(size)]
    return scores


def sentence_scores(parsed: ParsedArticle, candidates: list[Span], actors: list[Actor],
                    figures: list[Figure]) -> list[float]:
    """Position (the lede above all), the salience of the actors named, the figures carried, overlap with the
    headline, and centrality (how much of the article's vocabulary the sentence shares)."""
    weight = _actor_weights(actors)
    title_words: set[str] = set()
    if parsed.article.headline_paragraph:
        title = parsed.doc.char_span(0, len(parsed.article.paragraphs[0].text), alignment_mode="expand")
        title_words = _content_words(title) if title is not None else set()
    figure_starts = [f.evidence.start for f in figures if f.evidence]
    words = [_content_words(sentence) for sentence in candidates]
    ranks = textrank_scores(candidates) if CENTRALITY_WEIGHT else [0.0] * len(candidates)
    top = max(ranks) or 1.0
    scores = []
    for rank, sentence in enumerate(candidates):
        names = sum(weight.get(ent.text, 0.0) for ent in sentence.ents)
        carried = sum(1 for start in figure_starts if sentence.start_char <= start < sentence.end_char)
        overlap = len(words[rank] & title_words) / max(len(title_words), 1)
        central = ranks[rank] / top
        scores.append(POSITION_WEIGHT / (1 + 0.5 * rank) + (LEDE_WEIGHT if rank == 0 else 0.0)
                      + NAMES_WEIGHT * min(names, 3.0)
                      + FIGURES_WEIGHT * min(carried, 2) + TITLE_WEIGHT * overlap + CENTRALITY_WEIGHT * central)
    return scores


def _actor_weights(actors: list[Actor]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for actor in actors:
        value = 1.0 if actor.key else 0.3
        for form in actor.names():
            weights[form] = value
    return weights


def _overlap(words_a: set[str], words_b: set[str]) -> float:
    return len(words_a & words_b) / max(min(len(words_a), len(words_b)), 1)


def _outside_parentheses(tokens: Span) -> list[Token]:
    """The tokens not inside parentheses: a dateline's agency credit may be lower case ("(dpa/GNA)")."""
    depth, kept = 0, []
    for token in tokens:
        depth += token.text == "("
        if depth == 0:
            kept.append(token)
        depth -= token.text == ")" and depth > 0
    return kept
