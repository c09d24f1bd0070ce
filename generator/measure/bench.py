"""`make bench`: throughput and peak memory of extraction and of the whole build, against MkDocs alone.

Makes N briefs from the articles in ../shared/corpus/dev (or the shipped briefs), then measures:
words per second of extraction, briefs per second of `briefgen build`, the time of `mkdocs build` on the
generated pages, and peak memory (resident set size) of this process.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..build import build
from ..extract import extract_article
from ..load.readers import read_article
from ..nlp import load_pipeline, parse
from ..settings import DEFAULT_MODEL, Settings


def _articles(corpus: Path, project: Path) -> list[Path]:
    found = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    return found or sorted((project / "briefs").glob("*/*.txt"))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench")
    parser.add_argument("--briefs", type=int, default=40, help="number of generated briefs (default: 40)")
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="the project whose mkdocs.yml, templates and docs/assets are used (default: here)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder of .txt articles (default: ../shared/corpus/dev beside the project, else the "
                        "project's own briefs)")
    args = parser.parse_args(argv)
    root = args.project.resolve()
    articles = _articles(args.corpus or root.parent / "shared" / "corpus" / "dev", root)
    started = time.perf_counter()
    load_pipeline(DEFAULT_MODEL)
    print(f"pipeline load: {time.perf_counter() - started:.2f} s")

    words = 0
    started = time.perf_counter()
    for path in articles:
        article = read_article(path)
        words += len(article.text.split())
        extract_article(parse(article, DEFAULT_MODEL))
    elapsed = time.perf_counter() - started
    print(f"extraction: {len(articles)} articles, {words} words in {elapsed:.2f} s = {words / elapsed:,.0f} words/s")

    with tempfile.TemporaryDirectory() as temporary:
        project = Path(temporary)
        briefs = project / "briefs"
        for number in range(args.briefs):
            source = articles[number % len(articles)]
            folder = briefs / f"brief-{number:04d}"
            folder.mkdir(parents=True)
            # Each copy differs, so the extraction cache does not short-cut the measurement.
            text = source.read_text(encoding="utf-8") + f"\n\nBench copy {number}.\n"
            (folder / "article.txt").write_text(text, encoding="utf-8")
            (folder / "brief.yml").write_text(f"title: Brief {number}\ndate: 2024-01-{number % 28 + 1:02d}\n")
        shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(root / "docs" / "assets", project / "docs" / "assets")
        (project / "templates").mkdir()
        settings = Settings(briefs_dir=briefs, docs_dir=project / "docs", templates_dir=root / "templates")
        started = time.perf_counter()
        build(settings, project, progress=lambda _: None)
        elapsed = time.perf_counter() - started
        print(f"briefgen build: {args.briefs} briefs in {elapsed:.2f} s = {args.briefs / elapsed:.2f} briefs/s")
        # MkDocs alone on the same generated pages: the hook is left out of this copy of mkdocs.yml.
        config = (project / "mkdocs.yml").read_text().replace("hooks:\n  - generator/mkdocs_hook.py\n", "")
        (project / "mkdocs.yml").write_text(config)
        mkdocs = Path(sys.executable).parent / "mkdocs"
        started = time.perf_counter()
        subprocess.run([str(mkdocs), "build", "-q"], cwd=project, check=True)
        print(f"mkdocs build alone on the same pages: {time.perf_counter() - started:.2f} s")
    print(f"peak memory of extraction and build: {_peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
