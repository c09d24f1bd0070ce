"""A thin MkDocs hook: before every build, `mkdocs build` and `mkdocs serve` run the same generation step as
`briefgen build`. Under `mkdocs build` any problem fails the build. Under `mkdocs serve` drafts are included, and
a broken brief is reported without stopping the server: its page keeps its last good version with the problems
at the top, so the editor's browser never reloads to a 404, and the actor and country pages it feeds stay."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.build import build
from generator.cache import ExtractionCache
from generator.errors import BriefgenError
from generator.model import Brief
from generator.settings import Publication, Settings
from generator.write import recode_search_index

log = logging.getLogger("mkdocs.hooks.briefgen")


@dataclass(slots=True)
class _Session:
    """What one MkDocs process needs across its builds: the command it runs and, under `serve`, the
    extractions of unchanged articles and the last good version of every brief. MkDocs hooks are plain module
    functions, so this one session object is the module's only state; `on_startup` replaces it once per
    process."""

    command: str = "build"
    cache: ExtractionCache | None = None  # made by the first build, which knows the settings
    last_good: dict[str, Brief] = field(default_factory=dict)


_session = _Session()


def on_startup(command: str, dirty: bool) -> None:
    global _session
    _session = _Session(command)


def on_pre_build(config) -> None:
    root = Path(config.config_file_path).resolve().parent
    serving = _session.command == "serve"
    publication = Publication(config.site_name, config.site_url or None, config.use_directory_urls)
    settings = Settings.from_env(root, docs_dir=Path(config.docs_dir), include_drafts=serving,
                                 publication=publication)
    if _session.cache is None:
        _session.cache = ExtractionCache(settings.cache_file, warn=log.warning)
    try:
        result = build(settings, root, strict=not serving, progress=log.info, cache=_session.cache,
                       last_good=_session.last_good)
    except BriefgenError as error:
        raise PluginError(f"briefgen: the briefings could not be built:\n{error}") from error
    _session.last_good = result.last_good
    for problem in result.problems:
        log.warning("briefgen: %s", problem)


def on_post_build(config) -> None:
    """After Material's search plugin has written its index (hooks run after the configured plugins)."""
    recode_search_index(Path(config.site_dir) / "search" / "search_index.json")


def on_serve(server, config, builder):
    """Watch only what people write in docs_dir, not the pages this hook writes there: MkDocs watches all of
    docs_dir, so each edit of a brief rebuilt twice (once for the edit, once for the pages it regenerated).
    briefs/ and templates/ are watched through mkdocs.yml's `watch:`."""
    docs = Path(config.docs_dir)
    generated = {*Settings().owned_dirs, "index.md"}  # the build's folders, and its one top-level page
    server.unwatch(config.docs_dir)
    for entry in sorted(docs.iterdir()) if docs.is_dir() else []:
        if entry.name not in generated and not entry.name.startswith("."):
            server.watch(str(entry))
    return server
