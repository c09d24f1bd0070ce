"""`briefgen eval`: run the extractor over gold folders (in parallel), score it, print and gate the numbers.

The scoring rules live in `evaluate.py`; this module finds the gold files, runs the one extraction path that the
site uses, prints tables, explains one article's errors, and keeps the floors of the evaluation gate.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..settings import Settings
from .score import (
    COLUMNS,
    TABLE_COLUMNS,
    WORST_COLUMNS,
    Result,
    baseline_columns,
    row,
    score_article,
    speaker_n,
    total,
)


@dataclass(frozen=True, slots=True)
class GoldItem:
    folder: str
    id: str
    gold_path: Path
    input_path: Path
    country: str | None
    reference_path: Path  # the article text that gold spans are located in (FORMAT.md): the .txt beside the gold


def gold_items(folder: Path) -> list[GoldItem]:
    if not folder.is_dir():
        raise InputError([Problem(str(folder), "is not a folder of gold files")])
    items = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        identifier = gold_path.name.removesuffix(".gold.json")
        reference = folder / f"{identifier}.txt"
        source = folder / gold["source_file"] if gold.get("source_file") else reference
        items.append(GoldItem(folder.name, identifier, gold_path, source, gold.get("country"),
                              reference if reference.is_file() else source))
    if not items:
        raise InputError([Problem(str(folder), "holds no <id>.gold.json file")])
    return items


def predict(item: GoldItem, model: str, baselines: tuple[str, ...] = ()) -> dict[str, Any]:
    """The prediction for one gold item, through the same path as the site: read, clean, parse, extract."""
    from ..extract import extract_article, prediction_dict
    from ..load.readers import read_article
    from ..nlp import parse
    from .baselines import BASELINES

    article = read_article(item.input_path)
    parsed = parse(article, model)
    data = prediction_dict(article, extract_article(parsed, item.country))
    reference = _reference(item) if baselines else None
    data["baselines"] = {name: BASELINES[name](parsed, reference) for name in baselines}
    return data


def _reference(item: GoldItem) -> str | None:
    """The gold summary's reference, which only the oracle baseline reads."""
    gold = json.loads(item.gold_path.read_text(encoding="utf-8"))
    return (gold.get("summary") or {}).get("reference")


def _predict_job(job: tuple[GoldItem, str, tuple[str, ...]]) -> dict[str, Any]:
    return predict(*job)


def evaluate_items(items: list[GoldItem], model: str, jobs: int = 1, baselines: tuple[str, ...] = (),
                   progress=None) -> list[tuple[GoldItem, Result, dict[str, Any]]]:
    work = [(item, model, baselines) for item in items]
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            predictions = []
            for number, prediction in enumerate(pool.map(_predict_job, work, chunksize=4), start=1):
                predictions.append(prediction)
                if progress and (number % 20 == 0 or number == len(work)):
                    progress(f"{number}/{len(work)} articles extracted")
    else:
        predictions = []
        for number, job in enumerate(work, start=1):
            predictions.append(_predict_job(job))
            if progress and (number % 20 == 0 or number == len(work)):
                progress(f"{number}/{len(work)} articles extracted")
    results = []
    for item, prediction in zip(items, predictions, strict=True):
        gold = json.loads(item.gold_path.read_text(encoding="utf-8"))
        article = item.reference_path.read_text(encoding="utf-8", errors="replace")
        result = score_article(gold, prediction, article, prediction.get("baselines"))
        result.id = item.id
        results.append((item, result, prediction))
    return results


def folder_totals(results: list[tuple[GoldItem, Result, dict]]) -> dict[str, Result]:
    by_folder: dict[str, list[Result]] = {}
    for item, result, _ in results:
        by_folder.setdefault(item.folder, []).append(result)
    return {folder: total(folder_results, folder) for folder, folder_results in by_folder.items()}


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def table(rows: list[tuple[str, Result]], columns: tuple[str, ...], all_columns=COLUMNS) -> str:
    header = ["folder", "n", *columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for name, result in rows:
        values = row(result, all_columns)
        cells = []
        for column in columns:
            cell = _cell(values.get(column))
            if column == "speaker_acc" and values.get(column) is not None:
                cell += f" ({speaker_n(result)})"
            cells.append(cell)
        count = len(result.means.get("_n", [])) or ""
        lines.append("| " + " | ".join([name, str(count), *cells]) + " |")
    return "\n".join(lines)


SUMMARY_COLUMNS = ("rouge1", "rouge2", "rougeL", "key_facts", "sentence_p", "bottom_r1")


def summary_table(rows: list[tuple[str, Result]], baselines: tuple[str, ...], columns: dict) -> str:
    """One row per folder and system (briefgen, then each baseline), for folders that annotate a summary."""
    lines = ["| folder | system | " + " | ".join(SUMMARY_COLUMNS) + " |",
             "|" + "|".join("---" for _ in range(len(SUMMARY_COLUMNS) + 2)) + "|"]
    for folder, result in rows:
        if not any(row(result).get(column) is not None for column in SUMMARY_COLUMNS):
            continue
        for system in ("briefgen", *baselines):
            prefix = "" if system == "briefgen" else f"{system}:"
            values = [columns[prefix + column](result) if prefix + column in columns else None
                      for column in SUMMARY_COLUMNS]
            lines.append(f"| {folder} | {system} | " + " | ".join(_cell(value) for value in values) + " |")
    return "\n".join(lines)


def _with_counts(results: list[tuple[GoldItem, Result, dict]], totals: dict[str, Result]) -> None:
    for folder, result in totals.items():
        result.means["_n"] = [1.0] * sum(1 for item, _, _ in results if item.folder == folder)


def worst(results: list[tuple[GoldItem, Result, dict]], column: str, count: int = 5) -> list[tuple[str, float]]:
    scored = [(item.id, COLUMNS[column](result)) for item, result, _ in results]
    present = [(identifier, value) for identifier, value in scored if value is not None]
    return sorted(present, key=lambda pair: (pair[1], pair[0]))[:count]


def explain(item: GoldItem, result: Result, prediction: dict[str, Any]) -> str:
    lines = [f"# {item.folder}/{item.id}", ""]
    for field_name in ("actors", "places", "quotes", "speakers", "figures", "units", "reactions", "summary",
                       "boilerplate"):
        errors = result.errors.get(field_name, [])
        lines.append(f"## {field_name}: {len(errors)} error{'s' if len(errors) != 1 else ''}")
        lines.extend(f"- {error}" for error in errors)
        lines.append("")
    lines.append("## predicted bottom line")
    lines.append(f"- {prediction.get('bottom_line') or '(none)'}")
    lines.append("")
    lines.append("## predicted summary")
    lines.extend(f"- {sentence}" for sentence in prediction.get("summary") or [])
    return "\n".join(lines)


def as_json(results: list[tuple[GoldItem, Result, dict]], totals: dict[str, Result],
            columns: dict) -> dict[str, Any]:
    return {
        "folders": {folder: row(result, columns) for folder, result in totals.items()},
        "articles": {f"{item.folder}/{item.id}": row(result, columns) for item, result, _ in results},
    }


# --- the evaluation gate ------------------------------------------------------------------------------------

def measured_floors(totals: dict[str, Result], columns: tuple[str, ...] = tuple(COLUMNS)) -> dict[str, dict]:
    """Floors at the measured values, rounded down to two decimals."""
    floors: dict[str, dict[str, float]] = {}
    for folder, result in sorted(totals.items()):
        values = row(result)
        floors[folder] = {c: math.floor(value * 100 + 1e-9) / 100 for c in columns
                          if (value := values.get(c)) is not None}
    return floors


def below_floors(totals: dict[str, Result], floors: dict[str, dict[str, float]]) -> list[str]:
    failures = []
    for folder, wanted in sorted(floors.items()):
        if folder not in totals:
            continue
        values = row(totals[folder])
        for column, floor in sorted(wanted.items()):
            value = values.get(column)
            if value is None or value + 1e-9 < floor:
                failures.append(f"{folder}: {column} = {_cell(value)} is below its floor {floor:.2f}")
    return failures


def update_floors(path: Path, totals: dict[str, Result], allow_lower: bool) -> list[str]:
    """Raise the committed floors to what is measured now; lowering one needs allow_lower."""
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    new = measured_floors(totals)
    lowered = [f"{folder}: {column} {old[folder][column]:.2f} -> {value:.2f}"
               for folder, values in sorted(new.items()) for column, value in sorted(values.items())
               if column in old.get(folder, {}) and value < old[folder][column]]
    if lowered and not allow_lower:
        return lowered
    merged = {folder: {**old.get(folder, {}), **values} for folder, values in new.items()}
    if allow_lower:
        merged = new | {f: v for f, v in old.items() if f not in new}
    path.write_text(json.dumps(dict(sorted(merged.items())), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return []


# --- the command --------------------------------------------------------------------------------------------

def add_arguments(evaluate: argparse.ArgumentParser) -> None:
    from .baselines import BASELINES

    evaluate.add_argument("folders", type=Path, nargs="+", metavar="DIR")
    evaluate.add_argument("--per-article", action="store_true", help="one row per article")
    evaluate.add_argument("--sort", help="with --per-article: sort rows by this column, worst first")
    evaluate.add_argument("--explain", metavar="ID", help="list every false positive and false negative of "
                          "one article, with the sentence it came from")
    evaluate.add_argument("--json", type=Path, metavar="OUT", help="also write the scores as JSON")
    evaluate.add_argument("--jobs", type=int, default=1, help="worker processes (default: 1)")
    evaluate.add_argument("--baseline", choices=tuple(BASELINES), action="append",
                          default=[], help="also score a summary baseline, side by side (oracle3 reads the gold "
                          "reference: a ceiling, not a system)")
    evaluate.add_argument("--update-floors", type=Path, metavar="FILE",
                          help="raise the evaluation gate's floors in FILE to the measured values")
    evaluate.add_argument("--allow-lower", action="store_true",
                          help="with --update-floors: allow lowering a floor (say why in the commit)")
    evaluate.add_argument("--readme", type=Path, metavar="FILE",
                          help="rewrite the quality table between the markers of FILE")


def main(argv: list[str], settings: Settings) -> int:
    """`briefgen eval ARGS`: the CLI hands its arguments here, so it never imports measurement otherwise."""
    parser = argparse.ArgumentParser(prog="briefgen eval", description="score extraction against gold folders "
                                     "(corpus/FORMAT.md)")
    add_arguments(parser)
    return run_eval(parser.parse_args(argv), settings)


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    items = [item for folder in args.folders for item in gold_items(folder)]
    if args.explain:
        items = [item for item in items if item.id == args.explain]
        if not items:
            raise InputError([Problem(args.explain, "no gold file has this id in the given folders")])
    baselines = tuple(dict.fromkeys(args.baseline))

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    results = evaluate_items(items, settings.model, max(1, args.jobs), baselines, progress)
    if args.explain:
        item, result, prediction = results[0]
        print(explain(item, result, prediction))
        return 0
    totals = folder_totals(results)
    _with_counts(results, totals)
    columns = dict(COLUMNS)
    for name in baselines:
        columns |= baseline_columns(name)
    rows = list(totals.items())
    print(table(rows, TABLE_COLUMNS))
    if baselines:
        print("\nSummary, side by side with the baselines measured in the same run:\n")
        print(summary_table(rows, baselines, columns))
    if args.per_article:
        article_rows = [(f"{item.folder}/{item.id}", result) for item, result, _ in results]
        if args.sort:
            if args.sort not in COLUMNS:
                raise InputError([Problem("--sort", f"unknown column (choose from {', '.join(COLUMNS)})")])
            article_rows.sort(key=lambda pair: (COLUMNS[args.sort](pair[1]) is None,
                                                COLUMNS[args.sort](pair[1]) or 0.0, pair[0]))
        print("\n" + table(article_rows, TABLE_COLUMNS))
        print("\nWorst articles per field:")
        for column in WORST_COLUMNS:
            found = worst(results, column)
            if found:
                print(f"- {column}: " + ", ".join(f"{identifier} {value:.2f}" for identifier, value in found))
    if args.json:
        args.json.write_text(json.dumps(as_json(results, totals, columns), indent=2, sort_keys=True) + "\n",
                             encoding="utf-8")
    if getattr(args, "update_floors", None):
        lowered = update_floors(args.update_floors, totals, args.allow_lower)
        if lowered:
            print("error: these floors would be lowered (pass --allow-lower and give the reason in the commit):",
                  file=sys.stderr)
            for line in lowered:
                print(f"  {line}", file=sys.stderr)
            return 1
    if getattr(args, "readme", None):
        rendered = table(rows, TABLE_COLUMNS)
        if baselines:
            rendered += "\n\nSummary, side by side with the baselines measured in the same run:\n\n"
            rendered += summary_table(rows, baselines, columns)
        write_quality_section(args.readme, rendered, args)
    return 0


QUALITY_START, QUALITY_END = "<!-- quality:start -->", "<!-- quality:end -->"


def write_quality_section(readme: Path, rendered: str, args: argparse.Namespace) -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(QUALITY_START) + len(QUALITY_START), text.index(QUALITY_END)
    folders = " ".join(str(folder) for folder in args.folders)
    section = f"\nMeasured by `briefgen eval {folders}` (`make quality` rewrites this table):\n\n{rendered}\n"
    readme.write_text(text[:start] + section + text[end:], encoding="utf-8")
