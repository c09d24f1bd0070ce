"""`briefgen tune-summary`: a random search over the summary's weights, measured on gold folders.

Each article is read, parsed and extracted once; each trial only re-chooses sentences from the stored
features, so 400 weight settings take a few minutes. Trial 0 is the shipped weights. The report lists,
for each number of targets met, the best setting found: it says whether the targets can hold together with
these features, and what each one costs the others.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from ..errors import InputError, Problem
from ..extract.rules import DEFAULT_WEIGHTS, SummaryWeights
from ..extract.summary import SummaryCandidates, choose_sentences
from ..settings import Settings
from .evalrun import SUMMARY_COLUMNS, GoldItem, gold_items
from .score import COLUMNS, Result, score_summary, total

_TARGET = re.compile(r"^(?P<folder>[^:]+):(?P<column>\w+)>=(?P<value>[0-9.]+)$")


@dataclass(frozen=True, slots=True)
class Target:
    folder: str
    column: str
    value: float

    def __str__(self) -> str:
        return f"{self.folder}:{self.column}>={self.value:g}"


@dataclass(frozen=True, slots=True)
class TuneItem:
    folder: str
    candidates: SummaryCandidates
    gold: dict


def parse_target(text: str) -> Target:
    match = _TARGET.match(text)
    if not match or match["column"] not in COLUMNS:
        raise InputError([Problem(text, "a target is FOLDER:COLUMN>=VALUE with a column of `briefgen eval`, "
                                        "e.g. gum-news:rouge1>=0.45")])
    return Target(match["folder"], match["column"], float(match["value"]))


def parse_length(text: str) -> tuple[str, int]:
    folder, _, count = text.partition("=")
    if not count.isdigit() or int(count) < 1:
        raise InputError([Problem(text, "a length is FOLDER=SENTENCES, e.g. gum-news=3")])
    return folder, int(count)


def _prepare(job: tuple[GoldItem, dict, str]) -> TuneItem:
    from ..extract import analyse, extract_analysed
    from ..extract.summary import summary_candidates
    from ..load.readers import read_article
    from ..nlp import parse

    item, summary, model = job
    analysis = analyse(parse(read_article(item.input_path), model))
    extraction = extract_analysed(analysis, item.country)
    candidates = summary_candidates(analysis, extraction.actors, extraction.figures, extraction.reactions)
    return TuneItem(item.folder, candidates, summary)


def prepare(items: list[tuple[GoldItem, dict]], model: str, jobs: int) -> list[TuneItem]:
    """Each gold item with its annotated summary, extracted once."""
    work = [(item, summary, model) for item, summary in items]
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(_prepare, work, chunksize=4))
    return [_prepare(job) for job in work]


def measure(items: list[TuneItem], weights: SummaryWeights, lengths: dict[str, int]) -> dict[str, dict]:
    """The summary columns of every folder, with the summaries these weights choose."""
    by_folder: dict[str, list[Result]] = {}
    for item in items:
        candidates = item.candidates
        wanted = lengths.get(item.folder, candidates.wanted)
        chosen = choose_sentences(candidates.features, wanted, weights, candidates.lede)
        result = Result(id=item.folder)
        score_summary({"summary": item.gold}, [candidates.texts[i] for i in chosen], result)
        by_folder.setdefault(item.folder, []).append(result)
    return {folder: {name: COLUMNS[name](total(results, folder)) for name in SUMMARY_COLUMNS}
            for folder, results in by_folder.items()}


def targets_met(measured: dict[str, dict], targets: list[Target]) -> tuple[int, float]:
    """How many targets hold, and the summed relative shortfall of the others (smaller is closer)."""
    met, shortfall = 0, 0.0
    for target in targets:
        value = (measured.get(target.folder) or {}).get(target.column)
        if value is not None and value >= target.value:
            met += 1
        else:
            shortfall += (target.value - (value or 0.0)) / target.value
    return met, shortfall


def random_weights(generator: random.Random) -> SummaryWeights:
    """Each weight drawn between 0 and three times its shipped value."""
    return replace(DEFAULT_WEIGHTS, **{f.name: round(generator.uniform(0, 3 * getattr(DEFAULT_WEIGHTS, f.name)), 2)
                                       for f in fields(SummaryWeights)})


Trial = tuple[int, float, SummaryWeights, dict]  # targets met, shortfall, weights, measured columns


@dataclass(slots=True)
class SearchResult:
    by_met: list[Trial]  # the closest setting for each number of targets met, most targets first
    by_target: dict[Target, Trial]  # the setting that raises each target's column highest


def search(items: list[TuneItem], targets: list[Target], trials: int, seed: int, lengths: dict[str, int],
           progress=None) -> SearchResult:
    """Trial 0 is the shipped weights; the others are random settings, the same ones for the same seed."""
    generator = random.Random(seed)
    by_met: dict[int, Trial] = {}
    by_target: dict[Target, Trial] = {}
    for trial in range(trials):
        weights = DEFAULT_WEIGHTS if trial == 0 else random_weights(generator)
        measured = measure(items, weights, lengths)
        met, shortfall = targets_met(measured, targets)
        if met not in by_met or shortfall < by_met[met][1]:
            by_met[met] = (met, shortfall, weights, measured)
        for target in targets:
            held = by_target.get(target)
            if held is None or _value(measured, target) > _value(held[3], target):
                by_target[target] = (met, shortfall, weights, measured)
        if progress and ((trial + 1) % 50 == 0 or trial + 1 == trials):
            progress(f"{trial + 1}/{trials} weight settings measured")
    return SearchResult([by_met[met] for met in sorted(by_met, reverse=True)], by_target)


def _value(measured: dict, target: Target) -> float:
    value = (measured.get(target.folder) or {}).get(target.column)
    return -1.0 if value is None else value


def report(targets: list[Target], shipped: dict, found: SearchResult) -> str:
    lines = ["| weights | chosen as | targets met | " + " | ".join(str(t) for t in targets) + " |",
             "|" + "---|" * (len(targets) + 3)]

    def line(weights: SummaryWeights | None, why: str, measured: dict) -> str:
        setting = "shipped" if weights is None or weights == DEFAULT_WEIGHTS else ", ".join(
            f"{name} {value:g}" for name, value in asdict(weights).items())
        values = [(measured.get(t.folder) or {}).get(t.column) for t in targets]
        cells = " | ".join("—" if v is None else f"{v:.4f}" for v in values)
        return f"| {setting} | {why} | {targets_met(measured, targets)[0]} | {cells} |"

    lines.append(line(None, "shipped", shipped))
    lines.extend(line(weights, f"closest with {met} met", measured) for met, _, weights, measured in found.by_met)
    lines.extend(line(trial[2], f"highest {target}", trial[3]) for target, trial in found.by_target.items())
    return "\n".join(lines)


def main(argv: list[str], settings: Settings) -> int:
    """`briefgen tune-summary ARGS`, handed over by the CLI."""
    parser = argparse.ArgumentParser(prog="briefgen tune-summary", description="random search over the "
                                     "summary's weights, measured on gold folders against targets")
    add_arguments(parser)
    return run_tune(parser.parse_args(argv), settings)


def run_tune(args: argparse.Namespace, settings: Settings) -> int:
    targets = [parse_target(text) for text in args.target]
    lengths = dict(parse_length(text) for text in args.length)
    golds = [(item, json.loads(item.gold_path.read_text(encoding="utf-8")))
             for folder in args.folders for item in gold_items(folder)]
    items = [(item, gold["summary"]) for item, gold in golds if "summary" in gold]
    if not items:
        raise InputError([Problem(" ".join(map(str, args.folders)), "no gold file here annotates a summary")])

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    progress(f"extracting {len(items)} articles once")
    prepared = prepare(items, settings.model, max(1, args.jobs))
    shipped = measure(prepared, DEFAULT_WEIGHTS, lengths)
    found = search(prepared, targets, args.trials, args.seed, lengths, progress)
    print(report(targets, shipped, found))
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folders", type=Path, nargs="+", metavar="DIR")
    parser.add_argument("--target", action="append", default=[], metavar="FOLDER:COLUMN>=VALUE",
                        help="a target to meet, e.g. gum-news:rouge1>=0.45 (repeatable)")
    parser.add_argument("--length", action="append", default=[], metavar="FOLDER=SENTENCES",
                        help="choose this many sentences in FOLDER instead of the length rule (repeatable)")
    parser.add_argument("--trials", type=int, default=200, help="weight settings to measure (default: 200)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random search (default: 0)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for the extraction (default: 1)")
