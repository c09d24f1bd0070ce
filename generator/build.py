"""The build, read as a table of contents: load (and clean) -> parse -> analyse -> extract -> curate -> link ->
render -> write. Loading is `load/`; parse, analysis and extraction run once per article text in
`parallel.py` (every core, or a Dask cluster) and are kept by `cache.py` (in memory and in SQLite), so a build
with nothing changed parses nothing; then `curate.py`, `link.py`, `render.py` and `write.py`.

Every brief is read and extracted before any page is rendered, and every page is rendered in memory before any
file is written: a failure leaves the previous output untouched. Under `mkdocs serve` a brief that stops
building keeps its last good page, with its problems at the top, so the editor's browser never reloads to a 404
and the actor and country pages it feeds stay. Files are written only when their content
changed (so `mkdocs serve` does not rebuild in a loop), each atomically, and stale generated files are deleted.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .cache import ExtractionCache, cache_key
from .curate import curate, merge_extractions
from .errors import BriefgenError, InputError, Problem
from .link import link
from .load.briefs import BriefSource, article_files, find_brief_folders, folders_without_brief, read_brief
from .model import Article, Brief, Extraction
from .parallel import Task, default_jobs, extract_all, progress_bar
from .render import Renderer, render_pages
from .settings import Settings
from .write import write_pages

Progress = Callable[[str], None]


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True, slots=True)
class BrokenBrief:
    """A brief folder that could not be built, with every problem found in it."""

    slug: str
    problems: tuple[Problem, ...]


@dataclass(slots=True)
class BuildResult:
    briefs: list[Brief]
    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    #: The last good version of every brief of this build, to pass to the next one (`mkdocs serve`).
    last_good: dict[str, Brief] = field(default_factory=dict)


def load_briefs(settings: Settings, root: Path, cache: ExtractionCache) -> tuple[list[BriefSource], list[BrokenBrief]]:
    """Every brief folder that could be read, and those that could not (no article, not YAML). Articles the
    cache holds for the same bytes are not cleaned again."""
    sources, broken = [], []
    folders = find_brief_folders(settings.briefs_dir)
    cache.preload_articles(path for folder in folders for path in article_files(folder))
    for folder in folders:
        try:
            sources.append(read_brief(folder, root, read=cache.read_article))
        except InputError as error:
            broken.append(BrokenBrief(folder.name, tuple(error.problems)))
    cache.save_articles()
    return sources, broken


def make_brief(source: BriefSource, settings: Settings, root: Path, cache: ExtractionCache | None = None) -> Brief:
    """The curated briefing of one folder; InputError with every problem of the folder, those found reading
    it (`source.problems`) and those of its curation edits together."""
    config = source.config
    cache = cache if cache is not None else ExtractionCache()
    try:
        extractions = [_extract(cache, article, settings, config.country, source.folder / ref.file, root)
                       for article, ref in zip(source.articles, source.sources, strict=True)]
        curated = curate(merge_extractions(extractions), config, _display(config.path, root))
    except InputError as error:
        raise InputError([*source.problems, *error.problems]) from error
    if source.problems:
        raise InputError(list(source.problems))
    return Brief(
        slug=source.slug,
        title=config.title,
        date=config.date,
        country=config.country,
        region=config.region,
        tags=config.tags,
        story=config.story,
        status=config.status,
        sources=source.sources,
        articles=source.articles,
        extraction=curated,
    )


def _extract(cache: ExtractionCache, article: Article, settings: Settings, country: str | None, path: Path,
             root: Path) -> Extraction:
    """One article's extraction; a failure inside it is a problem naming that file, reported with all others,
    never a traceback that hides them (BRIEFGEN_DEBUG=1 shows the traceback)."""
    try:
        return cache.get(article, settings, country)
    except BriefgenError:
        raise  # already a message for the user (a missing spaCy pipeline)
    except Exception as error:
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        raise InputError([Problem(_display(path, root), f"could not be extracted ({type(error).__name__}: "
                                  f"{error}); the other briefs are not affected; BRIEFGEN_DEBUG=1 shows the "
                                  "traceback")]) from error


# Results are written to the cache in batches: a cold build stopped halfway keeps the half it extracted.
CACHE_BATCH = 100


def extract_missing(sources: list[BriefSource], settings: Settings, cache: ExtractionCache,
                    progress: Progress) -> None:
    """Extract every article of the sources that no cache holds, on every core (or the Dask scheduler of
    `settings.scheduler`), into the cache."""
    tasks: dict[str, Task] = {}
    for source in sources:
        for article in source.articles:
            key = cache_key(article, settings, source.config.country)
            tasks.setdefault(key, Task(key, article, source.config.country))
    missing = cache.missing(tasks)
    if not missing:
        return
    jobs = settings.jobs or default_jobs()
    where = f"on {settings.scheduler}" if settings.scheduler else f"with up to {jobs} processes"
    progress(f"extracting {len(missing)} of {len(tasks)} articles ({len(tasks) - len(missing)} cached) {where}")
    advance = progress_bar(len(missing), "extracting")
    batch: dict[str, Extraction] = {}
    for key, extraction in extract_all([tasks[key] for key in missing], settings.model, jobs, settings.scheduler,
                                       warn=progress):
        if extraction is not None:
            batch[key] = extraction
        if len(batch) >= CACHE_BATCH:
            cache.add(batch)
            batch = {}
        advance()
    cache.add(batch)


def _display(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def _say_unread(briefs: list[Brief], progress: Progress) -> None:
    """One line for each article the model could not read: its briefing has no actors, quotes or figures."""
    for brief in briefs:
        for unread in brief.extraction.unread:
            progress(f"not read: {brief.slug}/{unread.source_file} is not in English ({unread.language}): "
                     "nothing is extracted from it, and its page says so")


def build(settings: Settings, root: Path, strict: bool = True, progress: Progress = stderr_progress,
          cache: ExtractionCache | None = None, last_good: dict[str, Brief] | None = None) -> BuildResult:
    """Build every brief into Markdown under settings.docs_dir.

    strict: any problem fails the whole build and nothing is written (`make site`); otherwise briefs with
    problems are reported and left out (`briefgen build --keep-going`). last_good: a preview's briefs of its
    previous build (`make serve`): a brief with problems is shown in its last good version with the problems
    at the top, or, never built yet, as a page listing them. cache: extractions kept from earlier builds of the
    same process (the MkDocs hook keeps one for `mkdocs serve`); a fresh one otherwise.
    """
    cache = cache if cache is not None else ExtractionCache(settings.cache_file, warn=progress)
    sources, broken = load_briefs(settings, root, cache)
    for folder in folders_without_brief(settings.briefs_dir):
        progress(f"left out: {_display(folder, root)}/ has no brief.yml (`briefgen new ARTICLE` makes one)")
    if not settings.include_drafts:
        for draft in (source for source in sources if source.config.status == "draft"):
            progress(f"left out: {draft.slug} is a draft (status: draft in its brief.yml; `make serve` shows "
                     "drafts)")
        sources = [source for source in sources if source.config.status != "draft"]
    extract_missing(sources, settings, cache, progress)
    briefs: list[Brief] = []
    for source in sources:
        try:
            briefs.append(make_brief(source, settings, root, cache))
        except InputError as error:
            broken.append(BrokenBrief(source.slug, tuple(error.problems)))
    cache.prune()
    _say_unread(briefs, progress)
    problems = [problem for brief in broken for problem in brief.problems]
    if problems and strict:
        raise InputError(problems)
    good = {brief.slug: brief for brief in briefs}
    earlier = last_good or {}
    kept = {brief.slug: earlier[brief.slug] for brief in broken if brief.slug in earlier}
    shown = [dataclasses.replace(kept[brief.slug], problems=tuple(str(p) for p in brief.problems))
             for brief in broken if brief.slug in kept]
    site = link(sorted([*briefs, *shown], key=lambda brief: brief.slug))
    renderer = Renderer(settings.templates_dir)
    pages = render_pages(site, renderer, settings.publication)
    for brief in broken if last_good is not None else []:  # a preview: a page that says why, not a 404
        if brief.slug not in kept:
            pages[f"briefings/{brief.slug}.md"] = renderer.broken(brief.slug, [str(p) for p in brief.problems])
    written = write_pages(pages, settings.docs_dir, settings.owned_dirs)
    result = BuildResult(site.briefs, written.written, written.deleted, written.unchanged, problems,
                         {**kept, **good})
    progress(f"{len(site.briefs)} briefings: {len(result.written)} files written, {result.unchanged} unchanged, "
             f"{len(result.deleted)} deleted")
    return result
