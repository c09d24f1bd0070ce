"""Scoring extraction against a gold folder, exactly as ../shared/corpus/FORMAT.md defines it.

`score_article(gold, prediction, article_text)` is the ruler: a pure function from a gold file, a prediction
(the shape `briefgen extract --format json` prints) and the article's text to counts per field. Folder totals
are micro-averaged (counts summed over articles); ROUGE is the mean over articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..model import ACTOR_KINDS

QUOTE_MATCH_THRESHOLD = 0.8
KEY_FACT_THRESHOLD = 0.6
_STRIP = " \t\n\"'“”‘’«»„‚.,;:!?…()[]{}-–—"
_TRANSLATE = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
                            "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-"})
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion dozen dozens hundreds thousands millions billions half third quarter a an once twice thrice "
    "double triple quadruple"
    .split()
)
_STOPWORDS = frozenset(
    "a an the of in on at to for from by with and or but is are was were be been being has have had it its this "
    "that these those as into than then there their they he she his her we our you your i not no per over under "
    "about up down out after before since during"
    .split()
)


def normalize(text: str | None) -> str:
    """NFKC, case-folded, straight quotes, "-" dashes, collapsed white space, surrounding marks stripped."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).casefold()
    return " ".join(text.split()).strip(_STRIP)


def tokens(text: str | None) -> list[str]:
    return re.findall(r"\w+", normalize(text))


@dataclass(slots=True)
class Tally:
    """Matches of one field: precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Tally) -> Tally:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (None if not self.fn else 0.0)

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (None if not self.fp else 0.0)

    @property
    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


@dataclass(slots=True)
class Share:
    """A share of right answers (speaker accuracy, unit accuracy, key recall, ...), with its n."""

    right: int = 0
    n: int = 0

    def __iadd__(self, other: Share) -> Share:
        self.right, self.n = self.right + other.right, self.n + other.n
        return self

    @property
    def value(self) -> float | None:
        return self.right / self.n if self.n else None


@dataclass(slots=True)
class Result:
    """Scores of one article, or the totals of a folder."""

    id: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    shares: dict[str, Share] = field(default_factory=dict)
    means: dict[str, list[float]] = field(default_factory=dict)  # per-article values, averaged in totals
    errors: dict[str, list[str]] = field(default_factory=dict)  # for --explain: "FP ..." / "FN ..." lines

    def add(self, other: Result) -> None:
        for name, tally in other.tallies.items():
            self.tallies.setdefault(name, Tally()).__iadd__(tally)
        for name, share in other.shares.items():
            self.shares.setdefault(name, Share()).__iadd__(share)
        for name, values in other.means.items():
            self.means.setdefault(name, []).extend(values)

    def error(self, field_name: str, line: str) -> None:
        self.errors.setdefault(field_name, []).append(line)


def context(article: str, *texts: str | None) -> str:
    """The sentence of the article where one of `texts` first occurs, for --explain."""
    for text in texts:
        spans = find_spans(text or "", article) if text else []
        if spans:
            start, end = spans[0]
            marks = ("\n", ". ", "? ", "! ")
            left = max(article.rfind(mark, 0, start) for mark in marks)
            ends = [i for i in (article.find(mark, end) for mark in marks) if i >= 0]
            right = min(ends) + 1 if ends else len(article)
            return " ".join(article[left + 1:right].split())
    return "(not found in the article)"


def report_unmatched(result: Result, field_name: str, predicted: list, matched_predicted: Iterable[int],
                     gold: list, matched_gold: Iterable[int], describe_predicted: Callable[[Any], str],
                     describe_gold: Callable[[Any], str]) -> None:
    """One "FP ..." line per unmatched prediction and one "FN ..." line per unmatched gold item, for --explain."""
    taken_predicted, taken_gold = set(matched_predicted), set(matched_gold)
    for index, item in enumerate(predicted):
        if index not in taken_predicted:
            result.error(field_name, f"FP {describe_predicted(item)}")
    for index, item in enumerate(gold):
        if index not in taken_gold:
            result.error(field_name, f"FN {describe_gold(item)}")


# --- actors -------------------------------------------------------------------------------------------------

def actor_forms(actor: dict[str, Any]) -> set[str]:
    return {normalize(actor.get("name"))} | {normalize(alias) for alias in actor.get("aliases") or []} - {""}


def match_one_to_one(predicted: list[set[str]], gold: list[set[str]]) -> list[int | None]:
    """For each predicted item (by its set of forms), the gold item it matches, or None. A predicted item that
    only matches gold items already matched is unmatched: an unmerged alias costs precision."""
    taken: set[int] = set()
    result: list[int | None] = []
    for forms in predicted:
        found = None
        for index, gold_forms in enumerate(gold):
            if index not in taken and forms & gold_forms:
                found = index
                break
        if found is not None:
            taken.add(found)
        result.append(found)
    return result


def score_actors(gold: list[dict], predicted: list[dict], result: Result, article: str = "") -> None:
    matches = match_one_to_one([actor_forms(a) for a in predicted], [actor_forms(a) for a in gold])
    matched_gold = {m for m in matches if m is not None}
    result.tallies["actors"] = Tally(len(matched_gold), matches.count(None), len(gold) - len(matched_gold))
    for kind in ACTOR_KINDS:
        # Per kind: a match counts only when the predicted actor has the gold actor's kind.
        same_kind = [m is not None and p.get("kind") == kind and gold[m].get("kind") == kind
                     for p, m in zip(predicted, matches, strict=True)]
        tp = sum(same_kind)
        predicted_kind = sum(1 for p in predicted if p.get("kind") == kind)
        gold_kind = sum(1 for g in gold if g.get("kind") == kind)
        result.tallies[f"actors.{kind}"] = Tally(tp, predicted_kind - tp, gold_kind - tp)
    key = Share(n=sum(1 for g in gold if g.get("key")))
    for p, m in zip(predicted, matches, strict=True):
        if m is not None and gold[m].get("key") and p.get("key"):
            key.right += 1
    result.shares["key_recall"] = key
    def describe(actor: dict) -> str:
        forms = list(actor.get("aliases") or [])
        return (f"{actor.get('name')} ({actor.get('kind')}) aliases={forms}"
                f" | {context(article, actor.get('name'), *forms)}")

    report_unmatched(result, "actors", predicted, [i for i, m in enumerate(matches) if m is not None],
                     gold, matched_gold, describe, describe)


def score_places(gold: list[str], predicted: list[str], result: Result, article: str = "") -> None:
    matches = match_one_to_one([{normalize(p)} for p in predicted], [{normalize(g)} for g in gold])
    matched = {m for m in matches if m is not None}
    result.tallies["places"] = Tally(len(matched), matches.count(None), len(gold) - len(matched))
    report_unmatched(result, "places", predicted, [i for i, m in enumerate(matches) if m is not None],
                     gold, matched, lambda place: f"{place} | {context(article, place)}",
                     lambda place: f"{place} | {context(article, place)}")


# --- quotes -------------------------------------------------------------------------------------------------

def token_f1(a: str, b: str) -> float:
    left, right = tokens(a), tokens(b)
    if not left or not right:
        return 1.0 if left == right else 0.0
    common = sum(min(left.count(t), right.count(t)) for t in set(left))
    if not common:
        return 0.0
    precision, recall = common / len(left), common / len(right)
    return 2 * precision * recall / (precision + recall)


def speaker_right(predicted: str | None, gold: str | None, predicted_actors: list[dict],
                  gold_actors: list[dict] | None) -> bool:
    """Both null; or the names match as actors match (both sides' aliases: external data without actors has
    the gold speaker's one form); or, for that external data, the last word of the gold speaker equals the
    last word of the predicted speaker (FORMAT.md, "Speaker accuracy")."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    if gold_actors is None:
        gold_last, predicted_last = tokens(gold)[-1:], tokens(predicted)[-1:]
        if gold_last and gold_last == predicted_last:
            return True
    return bool(_forms_of(predicted, predicted_actors) & _forms_of(gold, gold_actors or []))


def _forms_of(name: str, actors: list[dict]) -> set[str]:
    wanted = normalize(name)
    for actor in actors:
        forms = actor_forms(actor)
        if wanted in forms:
            return forms
    return {wanted}


def score_quotes(gold: dict, predicted: dict, result: Result, article: str = "") -> None:
    gold_quotes, predicted_quotes = gold["quotes"], predicted.get("quotes") or []
    pairs = sorted(
        ((token_f1(p["text"], g["text"]), pi, gi) for pi, p in enumerate(predicted_quotes)
         for gi, g in enumerate(gold_quotes)),
        key=lambda pair: (-pair[0], pair[1], pair[2]),
    )
    matched_p: dict[int, int] = {}
    matched_g: set[int] = set()
    for f1, pi, gi in pairs:
        if f1 < QUOTE_MATCH_THRESHOLD:
            break
        if pi not in matched_p and gi not in matched_g:
            matched_p[pi] = gi
            matched_g.add(gi)
    result.tallies["quotes"] = Tally(len(matched_g), len(predicted_quotes) - len(matched_p),
                                     len(gold_quotes) - len(matched_g))
    speaker = Share()
    gold_actors = gold.get("actors")
    for pi, gi in sorted(matched_p.items()):
        g, p = gold_quotes[gi], predicted_quotes[pi]
        if "speaker" not in g:
            continue
        speaker.n += 1
        if speaker_right(p.get("speaker"), g["speaker"], predicted.get("actors") or [], gold_actors):
            speaker.right += 1
        else:
            result.error("speakers", f"WRONG “{_short(g['text'])}” gold={g['speaker']!r} "
                                     f"predicted={p.get('speaker')!r} | {p.get('sentence', '')}")
    result.shares["speaker"] = speaker
    report_unmatched(
        result, "quotes", predicted_quotes, matched_p, gold_quotes, matched_g,
        lambda p: f"“{_short(p['text'])}” speaker={p.get('speaker')!r} | {p.get('sentence', '')}",
        lambda g: f"“{_short(g['text'])}” speaker={g.get('speaker')!r} | {context(article, g['text'])}")


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- figures ------------------------------------------------------------------------------------------------

def _pattern(text: str) -> re.Pattern[str]:
    """A pattern that finds `text` in an article whatever its white space, quote and dash style."""
    parts = []
    for char in normalize_chars(text.strip()):
        parts.append(r"\s+" if char.isspace() else re.escape(char))
    return re.compile(re.sub(r"(\\s\+)+", r"\\s+", "".join(parts)))


def normalize_chars(text: str) -> str:
    """Length-preserving normalisation for searching: case, quotes and dashes."""
    return text.translate(_TRANSLATE).lower()


def find_spans(text: str, article: str) -> list[tuple[int, int]]:
    if not text.strip():
        return []
    return [(m.start(), m.end()) for m in _pattern(text).finditer(normalize_chars(article))]


def _number_tokens(text: str) -> set[str]:
    return {t for t in tokens(text) if any(c.isdigit() for c in t) or t in _NUMBER_WORDS or t.endswith("fold")}


def unit_right(predicted: str | None, gold: str | None) -> bool:
    """The units share a content word (stemmed), or neither figure has a unit."""
    if not predicted and not gold:
        return True
    return bool(_content(predicted) & _content(gold))


VALUE_TOLERANCE = 2e-3  # relative: "a third" written as 0.333 equals 1/3


def _same_value(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= VALUE_TOLERANCE * max(abs(float(b)), 1e-9)
    except (TypeError, ValueError):
        return False


def _content(text: str | None) -> set[str]:
    return {stem(t) for t in tokens(text) if t not in _STOPWORDS and not t.isdigit()}


def figure_span(figure: dict, article: str, cleaned_length: int) -> tuple[int, int] | None:
    """Where a predicted figure is in the article: its occurrence nearest to where the prediction says it is."""
    spans = find_spans(figure["text"], article)
    if not spans:
        return None
    if len(spans) == 1 or figure.get("start") is None or not cleaned_length:
        return spans[0]
    relative = figure["start"] / cleaned_length
    return min(spans, key=lambda span: abs(span[0] / max(len(article), 1) - relative))


def score_figures(gold: list[dict], predicted: list[dict], article: str, cleaned_length: int,
                  result: Result) -> None:
    gold_spans = [find_spans(g["text"], article) for g in gold]
    matched_g: dict[int, int] = {}
    matched_p: set[int] = set()
    unit = Share()
    for pi, p in enumerate(predicted):
        span = figure_span(p, article, cleaned_length)
        if span is None:
            continue
        numbers = _number_tokens(p["text"])
        for gi, g in enumerate(gold):
            if gi in matched_g or not _same_value(p.get("value"), g.get("value")):
                continue
            overlaps = any(start < span[1] and span[0] < end for start, end in gold_spans[gi])
            if overlaps and numbers & _number_tokens(g["text"]):
                matched_g[gi] = pi
                matched_p.add(pi)
                unit.n += 1
                if unit_right(p.get("unit"), g.get("unit")):
                    unit.right += 1
                else:
                    result.error("units", f"WRONG {g['text']!r}: gold unit={g.get('unit')!r} "
                                          f"predicted={p.get('unit')!r}")
                break
    result.tallies["figures"] = Tally(len(matched_g), len(predicted) - len(matched_p), len(gold) - len(matched_g))
    result.shares["unit"] = unit
    report_unmatched(result, "figures", predicted, matched_p, gold, matched_g,
                     lambda p: f"{p['text']!r} value={p.get('value')} | {p.get('sentence', '')}",
                     lambda g: f"{g['text']!r} value={g.get('value')} | {context(article, g['text'])}")


# --- reactions ----------------------------------------------------------------------------------------------

def score_reactions(gold: dict, predicted: dict, result: Result) -> None:
    gold_actors, predicted_actors = gold.get("actors") or [], predicted.get("actors") or []
    gold_forms = [_forms_of(r["actor"], gold_actors) for r in gold["reactions"]]
    predicted_reactions = predicted.get("reactions") or []
    predicted_forms = [_forms_of(r["actor"], predicted_actors) for r in predicted_reactions]
    matches = match_one_to_one(predicted_forms, gold_forms)
    matched = {m for m in matches if m is not None}
    result.tallies["reactions"] = Tally(len(matched), matches.count(None), len(gold_forms) - len(matched))
    def describe(reaction: dict) -> str:
        return f"{reaction['actor']}: {_short(reaction.get('position') or '')}"

    report_unmatched(result, "reactions", predicted_reactions, [i for i, m in enumerate(matches) if m is not None],
                     gold["reactions"], matched, describe, describe)


# --- summary ------------------------------------------------------------------------------------------------

@cache
def _rouge():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


@cache
def _stemmer():
    from nltk.stem import porter

    return porter.PorterStemmer()


def stem(word: str) -> str:
    return _stemmer().stem(word) if len(word) > 3 else word


def rouge1_f1(reference: str, text: str) -> float:
    return _rouge().score(reference, text)["rouge1"].fmeasure


def score_summary(gold: dict, sentences: list[str], result: Result, prefix: str = "") -> None:
    summary = gold["summary"]
    text = " ".join(sentences)
    reference = summary.get("reference")
    if reference:
        scores = _rouge().score(reference, text)
        for name in ("rouge1", "rouge2", "rougeL"):
            result.means.setdefault(prefix + name, []).append(scores[name].fmeasure)
    if summary.get("key_facts"):
        present = {stem(t) for t in tokens(text)}
        facts = Share()
        for fact in summary["key_facts"]:
            words = _content(fact)
            facts.n += 1
            if words and len(words & present) / len(words) >= KEY_FACT_THRESHOLD:
                facts.right += 1
            elif not prefix:
                result.error("summary", f"MISSING key fact: {fact}")
        result.shares[prefix + "key_facts"] = facts
    if summary.get("sentences"):
        references = {normalize(s) for s in summary["sentences"]}
        precision = Share(n=len(sentences))
        precision.right = sum(1 for s in sentences if normalize(without_insertions(s)) in references)
        result.shares[prefix + "sentence_precision"] = precision


# A name the summary adds in brackets ("He [Jeff Landry] said") is an editorial aid, not a change of sentence.
_INSERTION = re.compile(r"\[[^\[\]]*\] ?|(?<=\S) \[[^\[\]]*\]")


def without_insertions(sentence: str) -> str:
    return _INSERTION.sub("", sentence)


def score_bottom_line(gold: dict, line: str, result: Result, prefix: str = "") -> None:
    """ROUGE-1 F1 of the one-sentence bottom line against the reference: gum-news's references are one
    sentence of that kind; on the folders with three-sentence references it says how much of them it holds."""
    reference = gold["summary"].get("reference")
    if reference:
        result.means.setdefault(prefix + "bottom_r1", []).append(rouge1_f1(reference, line))


# --- boilerplate --------------------------------------------------------------------------------------------

def score_boilerplate(gold: dict, cleaned: str, result: Result) -> None:
    text = normalize(cleaned)
    lines = {normalize(line) for line in cleaned.split("\n")}
    removed = Share(n=len(gold["boilerplate"]))
    for line in gold["boilerplate"]:
        wanted = normalize(line)
        # Kept: it stands as a line, or a long one starts or ends a line it was joined to.
        kept = wanted in lines or (len(wanted.split()) >= 4 and any(
            line.startswith(wanted) or line.endswith(wanted) for line in lines))
        if not kept:
            removed.right += 1
        else:
            result.error("boilerplate", f"KEPT {line!r}")
    result.shares["boilerplate_removed"] = removed
    content = Share()
    for item in [*(gold.get("quotes") or []), *(gold.get("figures") or [])]:
        content.n += 1
        if normalize(item["text"]) in text:
            content.right += 1
        else:
            result.error("boilerplate", f"DROPPED content {item['text']!r}")
    result.shares["content_kept"] = content


# --- one article --------------------------------------------------------------------------------------------

def score_article(gold: dict, predicted: dict, article: str, baselines: dict[str, list[str]] | None = None) -> Result:
    """Score one prediction against its gold file; only the fields the gold file annotates are scored."""
    result = Result(id=gold.get("id", "?"))
    if "actors" in gold:
        score_actors(gold["actors"], predicted.get("actors") or [], result, article)
    if "places" in gold:
        score_places(gold["places"], predicted.get("places") or [], result, article)
    if "quotes" in gold:
        score_quotes(gold, predicted, result, article)
    if "figures" in gold:
        cleaned = predicted.get("text") or article
        score_figures(gold["figures"], predicted.get("figures") or [], article, len(cleaned), result)
    if "reactions" in gold:
        score_reactions(gold, predicted, result)
    if "summary" in gold:
        score_summary(gold, predicted.get("summary") or [], result)
        score_bottom_line(gold, predicted.get("bottom_line") or "", result)
        for name, sentences in (baselines or {}).items():
            score_summary(gold, sentences, result, prefix=f"{name}:")
            # a baseline's bottom line is its first sentence: for lead1 and lead3, the lede
            score_bottom_line(gold, sentences[0] if sentences else "", result, prefix=f"{name}:")
    if "boilerplate" in gold:
        score_boilerplate(gold, predicted.get("text") or article, result)
    return result


def total(results: Iterable[Result], name: str) -> Result:
    combined = Result(id=name)
    for result in results:
        combined.add(result)
    return combined


# --- the columns of the table -------------------------------------------------------------------------------

def _tally(name: str, measure: str) -> Callable[[Result], float | None]:
    return lambda r: getattr(r.tallies[name], measure) if name in r.tallies else None


def _share(name: str) -> Callable[[Result], float | None]:
    return lambda r: r.shares[name].value if name in r.shares else None


def _mean(name: str) -> Callable[[Result], float | None]:
    return lambda r: sum(r.means[name]) / len(r.means[name]) if r.means.get(name) else None


COLUMNS: dict[str, Callable[[Result], float | None]] = {
    "actors_p": _tally("actors", "precision"),
    "actors_r": _tally("actors", "recall"),
    "actors_f1": _tally("actors", "f1"),
    "person_f1": _tally("actors.person", "f1"),
    "org_f1": _tally("actors.organization", "f1"),
    "country_f1": _tally("actors.country", "f1"),
    "key_recall": _share("key_recall"),
    "places_f1": _tally("places", "f1"),
    "quotes_p": _tally("quotes", "precision"),
    "quotes_r": _tally("quotes", "recall"),
    "quotes_f1": _tally("quotes", "f1"),
    "speaker_acc": _share("speaker"),
    "figures_f1": _tally("figures", "f1"),
    "unit_acc": _share("unit"),
    "reactions_f1": _tally("reactions", "f1"),
    "rouge1": _mean("rouge1"),
    "rouge2": _mean("rouge2"),
    "rougeL": _mean("rougeL"),
    "key_facts": _share("key_facts"),
    "sentence_p": _share("sentence_precision"),
    "bottom_r1": _mean("bottom_r1"),
    "boilerplate_removed": _share("boilerplate_removed"),
    "content_kept": _share("content_kept"),
}
# Columns of the printed table (all columns go to --json).
TABLE_COLUMNS = ("actors_f1", "key_recall", "places_f1", "quotes_f1", "speaker_acc", "figures_f1", "unit_acc",
                 "reactions_f1", "rouge1", "rouge2", "key_facts", "sentence_p", "boilerplate_removed",
                 "content_kept")
# Which field each column measures, for the "worst articles" lists.
WORST_COLUMNS = ("actors_f1", "places_f1", "quotes_f1", "speaker_acc", "figures_f1", "reactions_f1", "rouge1")


def baseline_columns(name: str) -> dict[str, Callable[[Result], float | None]]:
    return {
        f"{name}:rouge1": _mean(f"{name}:rouge1"),
        f"{name}:rouge2": _mean(f"{name}:rouge2"),
        f"{name}:rougeL": _mean(f"{name}:rougeL"),
        f"{name}:key_facts": _share(f"{name}:key_facts"),
        f"{name}:sentence_p": _share(f"{name}:sentence_precision"),
        f"{name}:bottom_r1": _mean(f"{name}:bottom_r1"),
    }


def row(result: Result, columns: dict[str, Callable[[Result], float | None]] = COLUMNS) -> dict[str, float | None]:
    return {name: column(result) for name, column in columns.items()}


def speaker_n(result: Result) -> int:
    return result.shares["speaker"].n if "speaker" in result.shares else 0
