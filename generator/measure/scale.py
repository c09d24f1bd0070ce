"""The build at scale (issue #17): N briefs made from real news texts, each build step measured against what it
cannot beat, in one run, CPU seconds beside wall seconds.

- extraction: words per CPU-second on one core, against raw spaCy (`nlp.pipe`, the same pipeline without the
  project's components) on the same texts;
- cold build (empty cache, a new `mkdocs build` process) against the floor: the spaCy parse of every text on
  two processes plus `mkdocs build` alone on the generated pages;
- warm rebuild (nothing changed, a new process), one `brief.yml` edit and one article edit, each against
  `mkdocs build` alone rebuilding over its own earlier output, as these builds do;
- the search index's size, how long after the home page has loaded Material's search is usable in headless
  Chromium, and the peak memory of the build process.

The briefs get distinct texts (every `.txt` of the gold folders; past their number, copies marked as such),
dates over two years, 30 countries and 24 tags, so that cross-brief pages, archives and search are exercised.
Their folders are named as `briefgen new` names them (date and title words, up to 60 characters): every search
index entry carries its page's address, so short made-up names would understate the index.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..extract import extract_article
from ..load.readers import read_article
from ..new import brief_slug
from ..nlp import parse
from ..settings import DEFAULT_MODEL
from .browser import median_search_timing

COUNTRIES = ("Syria", "Iran", "Israel", "Ukraine", "Russia", "China", "Taiwan", "North Korea", "South Korea",
             "Japan", "India", "Pakistan", "Afghanistan", "Iraq", "Turkey", "Egypt", "Libya", "Sudan", "Ethiopia",
             "Nigeria", "Mali", "Venezuela", "Colombia", "Mexico", "Brazil", "Germany", "France", "Poland",
             "Malaysia", "Indonesia")
TAGS = ("conflict", "diplomacy", "elections", "economy", "migration", "energy", "climate", "health", "sanctions",
        "nuclear", "trade", "protests", "terrorism", "human-rights", "courts", "security", "aid", "refugees",
        "military", "technology", "media", "religion", "borders", "corruption")
EXTRACTION_SAMPLE = 60  # texts timed one by one on one core: enough for a stable words-per-second figure
SEARCH_LOADS = 3  # fresh page loads timed in Chromium; the median, as one load can meet a busy machine


def corpus_texts(corpus: Path) -> list[str]:
    paths = sorted(corpus.glob("*/*.txt")) + sorted(corpus.glob("external/*/*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def make_project(folder: Path, root: Path, texts: list[str], count: int) -> list[Path]:
    """A project of `count` briefs beside the real one's mkdocs.yml, templates and docs/assets; their folders."""
    briefs = folder / "briefs"
    made = []
    for number in range(count):
        text = texts[number % len(texts)]
        copy = number // len(texts)
        if copy:
            text = f"(Copy {copy} of this article, for the benchmark.)\n\n{text}"
        words = " ".join(text.split()[:8])
        date = dt.date(2024, 1, 1) + dt.timedelta(days=(number * 7) % 730)
        slug = brief_slug(words, date.isoformat())
        brief = briefs / (slug if not (briefs / slug).exists() else f"{slug}-{number}")
        brief.mkdir(parents=True)
        made.append(brief)
        (brief / "article.txt").write_text(text, encoding="utf-8")
        tags = [TAGS[number % len(TAGS)], TAGS[(number * 5 + 3) % len(TAGS)]]
        (brief / "brief.yml").write_text(
            f"title: {json.dumps(f'Briefing {number}: {words}', ensure_ascii=False)}\n"
            f"date: {date.isoformat()}\ncountry: {COUNTRIES[number % len(COUNTRIES)]}\n"
            f"tags: {json.dumps(sorted(set(tags)))}\n", encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    hooked = config.replace("  - generator/mkdocs_hook.py", f"  - {root / 'generator' / 'mkdocs_hook.py'}")
    (folder / "mkdocs.yml").write_text(hooked, encoding="utf-8")
    # MkDocs alone: the same configuration without the hook, on the pages the hook wrote.
    (folder / "mkdocs-alone.yml").write_text(config.replace("hooks:\n  - generator/mkdocs_hook.py\n", ""),
                                             encoding="utf-8")
    (folder / "templates").symlink_to(root / "templates")
    shutil.copytree(root / "docs" / "assets", folder / "docs" / "assets")
    return made


@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float  # the process and every process it waited for (the extraction pool)
    peak_mb: float  # the largest resident set of the process or one of its children
    log: str


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        log.seek(0)
        text = log.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{text[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text)


def parse_floor(texts: list[str]) -> float:
    """Wall seconds of the raw spaCy parse of every text on two processes (what no build can go under)."""
    code = ("import sys, json, spacy; texts = json.load(sys.stdin); nlp = spacy.load(sys.argv[1]); "
            "[None for _ in nlp.pipe(texts, n_process=2, batch_size=16)]")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, DEFAULT_MODEL], input=json.dumps(texts), text=True, check=True)
    return time.perf_counter() - started


def extraction_rate(texts: list[str]) -> tuple[float, float]:
    """Words per CPU-second of briefgen's extraction and of raw spaCy's parse, on one core, same texts."""
    import spacy

    with tempfile.TemporaryDirectory() as temporary:
        paths = []
        for number, text in enumerate(texts):
            path = Path(temporary) / f"{number}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        articles = [read_article(path) for path in paths]
    words = sum(len(article.text.split()) for article in articles)
    extract_article(parse(articles[0], DEFAULT_MODEL))  # the pipeline loaded before the clock starts
    cpu = time.process_time()
    for article in articles:
        extract_article(parse(article, DEFAULT_MODEL))
    ours = words / (time.process_time() - cpu)
    raw = spacy.load(DEFAULT_MODEL)
    list(raw.pipe([articles[0].text]))
    cpu = time.process_time()
    for _ in raw.pipe([article.text for article in articles], batch_size=16):
        pass
    return ours, words / (time.process_time() - cpu)


def run_scale(root: Path, corpus: Path, count: int) -> None:
    texts = corpus_texts(corpus) or [path.read_text() for path in sorted((root / "briefs").glob("*/*.txt"))]
    print(f"# make bench: {count} briefs from {min(count, len(texts))} distinct texts of {corpus}")
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        project = Path(temporary)
        briefs = make_project(project, root, texts, count)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFGEN_CACHE": str(project / "cache.sqlite")}
        mkdocs = str(Path(sys.executable).parent / "mkdocs")
        build = [mkdocs, "build", "--site-dir", str(project / "site")]
        alone_command = [mkdocs, "build", "-q", "-f", "mkdocs-alone.yml", "--site-dir", str(project / "alone")]

        cold = timed(build, project, env)
        # Each anchor under the conditions of what it is compared with: the cold build writes a new site
        # folder, and a rebuild first deletes the site it replaces (about 2 s of 25 at 400 briefings).
        alone = timed(alone_command, project, env)
        alone_again = timed(alone_command, project, env)
        built = [brief / "article.txt" for brief in briefs]
        floor_parse = parse_floor([path.read_text(encoding="utf-8") for path in built])
        floor = floor_parse + alone.wall
        rows.append(("cold build, wall s (CPU s)", f"{cold.wall:.1f} ({cold.cpu:.1f}; CPU/wall "
                     f"{cold.cpu / cold.wall:.2f})", f"floor {floor:.1f} (2-process parse {floor_parse:.1f} + "
                     f"mkdocs alone {alone.wall:.1f})", f"{cold.wall / floor:.2f}"))
        warm = timed(build, project, env)
        rows.append(("warm rebuild, nothing changed, wall s (CPU s)", f"{warm.wall:.1f} ({warm.cpu:.1f})",
                     f"mkdocs alone, rebuilt {alone_again.wall:.1f} ({alone_again.cpu:.1f})",
                     f"{warm.wall / alone_again.wall:.2f}"))
        brief = briefs[0] / "brief.yml"
        brief.write_text(brief.read_text(encoding="utf-8").replace("title: \"", "title: \"Edited: ", 1),
                         encoding="utf-8")
        edit = timed(build, project, env)
        rows.append(("one brief.yml edit, wall s (CPU s)", f"{edit.wall:.1f} ({edit.cpu:.1f})",
                     f"mkdocs alone, rebuilt {alone_again.wall:.1f}", f"{edit.wall / alone_again.wall:.2f}"))
        with open(built[0], "a", encoding="utf-8") as article:
            article.write("\n\nThis sentence was added to measure the rebuild after one article edit.\n")
        article_edit = timed(build, project, env)
        extracted = next((line.split("extracting ", 1)[1].split(" (")[0] for line in article_edit.log.splitlines()
                          if "extracting " in line and " articles (" in line), "none")
        rows.append(("one article edit, wall s (CPU s)", f"{article_edit.wall:.1f} ({article_edit.cpu:.1f}); "
                     f"extracted: {extracted}", f"mkdocs alone, rebuilt {alone_again.wall:.1f}",
                     f"{article_edit.wall / alone_again.wall:.2f}"))
        timing = median_search_timing(project / "site", COUNTRIES[0], SEARCH_LOADS)
        if timing is None:
            rows.append(("search usable after page load, s", "not measured: needs Chromium and Playwright", "", ""))
        else:
            rows.append((f"search usable after page load, s (headless Chromium, median of {SEARCH_LOADS} loads)",
                         f"{timing.after_load:.2f} ({timing.after_navigation:.2f} after navigation; first query "
                         f"answered {timing.first_query:.2f} later)", "", ""))
        index = project / "site" / "search" / "search_index.json"
        home = project / "site" / "index.html"
        rows.append(("search index, MB", f"{index.stat().st_size / 1e6:.1f}", "", ""))
        rows.append(("home page, KB", f"{home.stat().st_size / 1e3:.0f}", "", ""))
        rows.append(("peak memory of the build, MB", f"{max(cold.peak_mb, warm.peak_mb):.0f}",
                     f"mkdocs alone {alone.peak_mb:.0f}", f"{max(cold.peak_mb, warm.peak_mb) / alone.peak_mb:.2f}"))
    # Last: loading spaCy here would raise this process's peak memory, which the builds' children inherit in
    # their own peak figure (Linux keeps ru_maxrss across fork and exec).
    ours, raw = extraction_rate(texts[:EXTRACTION_SAMPLE])
    rows.insert(0, ("extraction, words per CPU-second (one core)", f"{ours:,.0f}", f"raw spaCy nlp.pipe {raw:,.0f}",
                    f"{ours / raw:.2f}"))
    print("| measure | briefgen | anchor | ratio |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
