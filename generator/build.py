"""The build, read as a table of contents: load -> clean -> parse -> extract -> curate -> link -> render -> write.

Every brief is read and extracted before any page is rendered, and every page is rendered in memory before any
file is written: a failure leaves the previous output untouched. Files are written only when their content
changed (so `mkdocs serve` does not rebuild in a loop), each atomically, and stale generated files are deleted.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .curate import curate
from .errors import InputError, Problem
from .extract import extract_article
from .link import Site, link
from .load.briefs import BriefSource, find_brief_folders, read_brief
from .model import Actor, Article, Brief, Extraction, Place, Reaction
from .nlp import parse
from .render import Renderer
from .settings import Settings

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


class ExtractionCache:
    """Extractions by article text, country and model, for the life of one process: `mkdocs serve` rebuilds
    often and keeps one across its rebuilds, so unchanged articles are not parsed again. `prune` after a build
    drops what that build no longer used, so memory follows the briefs, not the history of edits."""

    def __init__(self) -> None:
        self._entries: dict[str, Extraction] = {}
        self._used: set[str] = set()

    def get(self, article: Article, settings: Settings, country: str | None) -> Extraction:
        key = hashlib.sha256(f"{settings.model}\0{country}\0{article.text}".encode()).hexdigest()
        if key not in self._entries:
            self._entries[key] = extract_article(parse(article, settings.model), country)
        self._used.add(key)
        return self._entries[key]

    def prune(self) -> None:
        self._entries = {key: value for key, value in self._entries.items() if key in self._used}
        self._used = set()

    def __len__(self) -> int:
        return len(self._entries)


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
    extractions = [cache.get(article, settings, config.country) for article in source.articles]
    merged = merge_extractions(extractions)
    display = str(config.path.relative_to(root)) if config.path.is_relative_to(root) else str(config.path)
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


def merge_extractions(extractions: list[Extraction]) -> Extraction:
    """One briefing's extraction from several articles: actors and reactions merged by name."""
    if len(extractions) == 1:
        return dataclasses.replace(extractions[0])
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    reactions: dict[str, Reaction] = {}
    merged = Extraction(summary=list(extractions[0].summary), country=extractions[0].country,
                        country_inferred=extractions[0].country_inferred)
    for extraction in extractions:
        for actor in extraction.actors:
            if actor.name in actors:
                known = actors[actor.name]
                known.mentions += actor.mentions
                known.aliases = tuple(dict.fromkeys((*known.aliases, *actor.aliases)))
                known.role = known.role or actor.role
                known.key = known.key or actor.key
                known.salience += actor.salience
            else:
                actors[actor.name] = dataclasses.replace(actor)
        for place in extraction.places:
            count = places[place.name].mentions if place.name in places else 0
            places[place.name] = Place(place.name, count + place.mentions)
        for reaction in extraction.reactions:
            if reaction.actor in reactions:
                known_reaction = reactions[reaction.actor]
                known_reaction.quotes += reaction.quotes
                known_reaction.sentences += reaction.sentences
            else:
                reactions[reaction.actor] = dataclasses.replace(reaction)
        merged.quotes.extend(extraction.quotes)
        merged.figures.extend(extraction.figures)
    merged.actors = sorted(actors.values(), key=lambda actor: (-actor.salience, actor.name))
    merged.places = list(places.values())
    merged.reactions = list(reactions.values())
    return merged


def render_pages(site: Site, renderer: Renderer) -> dict[str, str]:
    """Every generated file of the site, by path relative to docs_dir."""
    pages = {"index.md": renderer.home(site)}
    for brief in site.briefs:
        pages[f"briefings/{brief.slug}.md"] = renderer.brief(brief, site)
        pages[f"data/{brief.slug}.json"] = export_json(brief)
    for kind, entries, render in (
        ("actors", site.actors, renderer.actor),
        ("countries", site.countries, renderer.country),
        ("tags", site.tags, renderer.tag),
    ):
        pages[f"{kind}/index.md"] = renderer.listing(kind, site)
        for slug, page in entries.items():
            pages[f"{kind}/{slug}.md"] = render(page, site)
    pages["data/briefings.json"] = _dump([
        {"slug": b.slug, "title": b.title, "date": b.date, "country": b.extraction.country, "tags": list(b.tags),
         "status": b.status, "data": f"{b.slug}.json"}
        for b in site.briefs
    ])
    return pages


def export_json(brief: Brief) -> str:
    return _dump({
        "slug": brief.slug,
        "title": brief.title,
        "date": brief.date,
        "region": brief.region,
        "tags": list(brief.tags),
        "status": brief.status,
        "sources": [dataclasses.asdict(source) for source in brief.sources],
        **brief.extraction.as_dict(),
    })


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_pages(pages: dict[str, str], docs_dir: Path, owned_dirs: tuple[str, ...], result: BuildResult) -> None:
    """Write changed files atomically and delete generated files that no brief produces any more."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    for relative, content in sorted(pages.items()):
        target = docs_dir / relative
        if target.is_file() and target.read_text(encoding="utf-8") == content:
            result.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.replace(temporary, target)
        result.written.append(relative)
    for owned in owned_dirs:
        for path in sorted((docs_dir / owned).rglob("*")) if (docs_dir / owned).is_dir() else []:
            relative = path.relative_to(docs_dir).as_posix()
            if path.is_file() and relative not in pages:
                path.unlink()
                result.deleted.append(relative)


def build(settings: Settings, root: Path, strict: bool = True, progress: Progress = stderr_progress,
          cache: ExtractionCache | None = None) -> BuildResult:
    """Build every brief into Markdown under settings.docs_dir.

    strict: any problem fails the whole build and nothing is written (`make site`); otherwise briefs with
    problems are left out and reported (`make serve`). cache: extractions kept from earlier builds of the same
    process (the MkDocs hook keeps one for `mkdocs serve`); a fresh one otherwise.
    """
    cache = cache if cache is not None else ExtractionCache()
    sources, problems = load_briefs(settings, root)
    if not settings.include_drafts:
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
    result = BuildResult(briefs=site.briefs, problems=problems)
    write_pages(pages, settings.docs_dir, settings.owned_dirs, result)
    progress(f"{len(site.briefs)} briefings: {len(result.written)} files written, {result.unchanged} unchanged, "
             f"{len(result.deleted)} deleted")
    return result
