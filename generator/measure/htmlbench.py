"""`make html-benchmark`: the HTML reader on the public main-text benchmark, beside trafilatura's plain extract.

The benchmark (`../shared/corpus/html-benchmark/`, its README) gives each saved page's reference article body
and a published scoring definition, implemented here as written: 4-token shingles of the `\\w+` runs, counted
with multiplicity; per page TP/FP/FN divided by their sum; precision the mean over pages with a non-empty
prediction, recall the mean over all pages, F1 from the two means; accuracy the share of exact token matches.

The reader's text is what the briefing page shows as the source text's body: the cleaned article's paragraphs
without the headline and the standfirst, which the page shows apart (the headline as the section's title, the
standfirst in italics above the body) and which the benchmark's reference leaves out (dev-html/README.md: "The
benchmark articleBody lacks headline and standfirst").
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem
from ..model import HEADLINE, STANDFIRST

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True, slots=True)
class PageScore:
    tp: float
    fp: float
    fn: float
    exact: bool
    empty: bool


@dataclass(frozen=True, slots=True)
class BenchmarkScore:
    f1: float
    precision: float
    recall: float
    accuracy: float
    empty: int  # pages where nothing was extracted
    pages: int


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(max(len(tokens) - SHINGLE + 1, 1)) if tokens)


def score_page(predicted: str, reference: str) -> PageScore:
    predicted_shingles, reference_shingles = _shingles(predicted), _shingles(reference)
    tp = sum((predicted_shingles & reference_shingles).values())
    fp = sum(predicted_shingles.values()) - tp
    fn = sum(reference_shingles.values()) - tp
    total = tp + fp + fn
    exact = _TOKEN.findall(predicted) == _TOKEN.findall(reference)
    if total == 0:
        return PageScore(1.0, 0.0, 0.0, exact, not predicted.strip())
    return PageScore(tp / total, fp / total, fn / total, exact, not predicted.strip())


def score_pages(pages: list[PageScore]) -> BenchmarkScore:
    with_prediction = [page for page in pages if not page.empty]
    precision = _mean([_ratio(p.tp, p.tp + p.fp) for p in with_prediction])
    recall = _mean([_ratio(p.tp, p.tp + p.fn) for p in pages])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BenchmarkScore(f1, precision, recall, _mean([float(p.exact) for p in pages]),
                          len(pages) - len(with_prediction), len(pages))


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 1.0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def briefgen_reader(html: bytes, name: str) -> str:
    """The body the briefing page shows, read by the product's HTML reader (empty when it finds none)."""
    from ..load.readers import read_html_bytes

    try:
        article = read_html_bytes(html, name)
    except InputError:
        return ""
    return "\n".join(paragraph.text for paragraph in article.paragraphs if paragraph.role not in (HEADLINE, STANDFIRST))


def trafilatura_plain(html: bytes, name: str) -> str:
    """trafilatura's `extract` with its defaults, as a user who picks the library would call it."""
    import trafilatura

    return trafilatura.extract(html) or ""


def justext_paragraphs(html: bytes, name: str) -> str:
    """jusText (a trafilatura dependency) with its English stop list: the good, non-heading paragraphs."""
    import justext

    paragraphs = justext.justext(html, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate and not p.is_heading)


def readability_summary(html: bytes, name: str) -> str:
    """readability-lxml (a port of Mozilla's Readability, in the eval extra): its summary's text."""
    import lxml.html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return "\n".join(line.strip() for line in lxml.html.fromstring(summary).text_content().splitlines()
                     if line.strip()) if summary.strip() else ""


EXTRACTORS: dict[str, Callable[[bytes, str], str]] = {
    "briefgen": briefgen_reader, "trafilatura": trafilatura_plain, "readability": readability_summary,
    "justext": justext_paragraphs}


def load_pages(folder: Path) -> list[tuple[str, str]]:
    """(page id, reference body) for every page of the benchmark folder that has its saved HTML."""
    truth_path = folder / "ground-truth.json"
    if not truth_path.is_file():
        raise InputError([Problem(str(folder), "is not the html-benchmark folder (no ground-truth.json)")])
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    return [(page, entry["articleBody"]) for page, entry in sorted(truth.items())
            if (folder / "html" / f"{page}.html.gz").is_file()]


def _extract_job(job: tuple[Path, str, str]) -> tuple[str, str]:
    folder, page, extractor = job
    html = gzip.decompress((folder / "html" / f"{page}.html.gz").read_bytes())
    return page, EXTRACTORS[extractor](html, f"{page}.html")


def run(folder: Path, extractors: list[str], jobs: int) -> dict[str, tuple[BenchmarkScore, dict[str, PageScore]]]:
    pages = load_pages(folder)
    references = dict(pages)
    results = {}
    for extractor in extractors:
        work = [(folder, page, extractor) for page, _ in pages]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            predicted = dict(pool.map(_extract_job, work, chunksize=4))
        per_page = {page: score_page(predicted[page], references[page]) for page, _ in pages}
        results[extractor] = (score_pages(list(per_page.values())), per_page)
    return results


def report(results: dict[str, tuple[BenchmarkScore, dict[str, PageScore]]]) -> str:
    lines = ["| extractor | F1 | precision | recall | accuracy | pages without text | pages |",
             "|---|---|---|---|---|---|---|"]
    for name, (score, _) in results.items():
        lines.append(f"| {name} | {score.f1:.3f} | {score.precision:.3f} | {score.recall:.3f} | "
                     f"{score.accuracy:.3f} | {score.empty} | {score.pages} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.measure.htmlbench",
                                     description="the HTML reader on the public main-text benchmark")
    parser.add_argument("folder", type=Path, nargs="?", default=Path("../shared/corpus/html-benchmark"))
    parser.add_argument("--extractor", action="append", choices=tuple(EXTRACTORS), default=None,
                        help="extractors to score (default: all, side by side)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--worst", type=int, default=0, help="also list the N pages where briefgen scores worst")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        results = run(args.folder, args.extractor or list(EXTRACTORS), max(1, args.jobs))
    except InputError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    print(report(results))
    if args.worst and "briefgen" in results:
        per_page = results["briefgen"][1]
        for page, score in sorted(per_page.items(), key=lambda item: item[1].tp)[:args.worst]:
            print(f"- {page}: tp {score.tp:.2f} fp {score.fp:.2f} fn {score.fn:.2f}")
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
