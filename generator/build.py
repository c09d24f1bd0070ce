"""The build, read as a table of contents: load (and clean) -> parse -> analyse -> extract -> curate -> link ->
render -> write. Loading is `load/`, parse, analysis and extraction behind `cache.py`, then `curate.py`,
`link.py`, `render.py` and `write.py`.

Every brief is read and extracted before any page is rendered, and every page is rendered in memory before any
file is written: a failure leaves the previous output untouched. Files are written only when their content
changed (so `mkdocs serve` does not rebuild in a loop), each atomically, and stale generated files are deleted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .cache import ExtractionCache
from .curate import curate, merge_extractions
from .errors import BriefgenError, InputError, Problem
from .link import link
from .load.briefs import BriefSource, find_brief_folders, folders_without_brief, read_brief
from .model import Article, Brief, Extraction
from .render import Renderer, render_pages
from .settings import Settings
from .write import write_pages

Progress = Callable[[str], None]


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(slots=True)
class BuildResult:
    briefs: list[Brief]
    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


def load_briefs(settings: Settings, root: Path) -> tuple[list[BriefSource], list[Problem]]:
    sources, problems = [], []
    for folder in find_brief_folders(settings.briefs_dir):
        try:
            sources.append(read_brief(folder, root))
        except InputError as error:
            problems.extend(error.problems)
    return sources, problems


def make_brief(source: BriefSource, settings: Settings, root: Path, cache: ExtractionCache | None = None) -> Brief:
    config = source.config
    cache = cache if cache is not None else ExtractionCache()
    extractions = [_extract(cache, article, settings, config.country, source.folder / ref.file, root)
                   for article, ref in zip(source.articles, source.sources, strict=True)]
    merged = merge_extractions(extractions)
    display = _display(config.path, root)
    curated = curate(merged, config, display)
    return Brief(
        slug=source.slug,
        title=config.title,
        date=config.date,
        country=config.country,
        region=config.region,
        tags=config.tags,
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


def _display(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def build(settings: Settings, root: Path, strict: bool = True, progress: Progress = stderr_progress,
          cache: ExtractionCache | None = None) -> BuildResult:
    """Build every brief into Markdown under settings.docs_dir.

    strict: any problem fails the whole build and nothing is written (`make site`); otherwise briefs with
    problems are left out and reported (`make serve`). cache: extractions kept from earlier builds of the same
    process (the MkDocs hook keeps one for `mkdocs serve`); a fresh one otherwise.
    """
    cache = cache if cache is not None else ExtractionCache()
    sources, problems = load_briefs(settings, root)
    for folder in folders_without_brief(settings.briefs_dir):
        progress(f"left out: {_display(folder, root)}/ has no brief.yml (`briefgen new ARTICLE` makes one)")
    if not settings.include_drafts:
        for draft in (source for source in sources if source.config.status == "draft"):
            progress(f"left out: {draft.slug} is a draft (status: draft in its brief.yml; `make serve` shows "
                     "drafts)")
        sources = [source for source in sources if source.config.status != "draft"]
    briefs: list[Brief] = []
    for number, source in enumerate(sources, start=1):
        progress(f"[{number}/{len(sources)}] {source.slug}: extracting")
        try:
            briefs.append(make_brief(source, settings, root, cache))
        except InputError as error:
            problems.extend(error.problems)
    cache.prune()
    if problems and strict:
        raise InputError(problems)
    site = link(briefs)
    pages = render_pages(site, Renderer(settings.templates_dir))
    written = write_pages(pages, settings.docs_dir, settings.owned_dirs)
    result = BuildResult(site.briefs, written.written, written.deleted, written.unchanged, problems)
    progress(f"{len(site.briefs)} briefings: {len(result.written)} files written, {result.unchanged} unchanged, "
             f"{len(result.deleted)} deleted")
    return result
