"""The extraction of an article (parse -> analyse -> extract), computed once and kept in two places.

- In memory, for the life of one process: `mkdocs serve` rebuilds often and keeps one cache across its
  rebuilds; `prune` after a build drops what that build no longer used.
- On disk, in a SQLite file (`.briefgen/cache.sqlite` by default, git-ignored): every later build, in any
  process, reads an unchanged article's extraction instead of parsing it again.

An entry's key is everything the extraction depends on: the cleaned text, the country the brief gives, the
spaCy pipeline's name and version, and `EXTRACTOR_VERSION`, a digest of the extraction code and the lexicon
data, so a stale result is never served after either changes. The disk cache is an optimisation only: a
corrupt file is moved aside and rebuilt, a locked or unwritable one is skipped, each with a warning, and the
build goes on.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import sqlite3
import time
import types
import typing
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from .extract import extract_article
from .model import Actor, Article, Evidence, Extraction, Figure, Place, Quote, Reaction
from .nlp import parse
from .settings import Settings

Warn = Callable[[str], None]

_PACKAGE = Path(__file__).resolve().parent
# What an extraction is computed from besides the text: the parse, the extractors, the records and the word lists.
_EXTRACTION_SOURCES = ("nlp.py", "model.py", "extract", "lexicon")


def _extractor_version() -> str:
    digest = hashlib.sha256()
    for name in _EXTRACTION_SOURCES:
        path = _PACKAGE / name
        files = sorted(p for p in path.rglob("*") if p.suffix in (".py", ".tsv", ".txt")) if path.is_dir() \
            else [path]
        for file in files:
            digest.update(file.relative_to(_PACKAGE).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


EXTRACTOR_VERSION = _extractor_version()


@functools.cache
def pipeline_version(model: str) -> str:
    """The installed version of spaCy and of the pipeline package, without loading either (a warm build never
    loads spaCy)."""
    versions = []
    for package in ("spacy", model):
        try:
            versions.append(metadata.version(package))
        except metadata.PackageNotFoundError:
            versions.append("?")  # a pipeline loaded from a folder: its text and model name still key it
    return "/".join(versions)


def cache_key(article: Article, settings: Settings, country: str | None) -> str:
    parts = (EXTRACTOR_VERSION, settings.model, pipeline_version(settings.model), country or "", article.text)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


# Entries unused for this long are deleted when a build writes: an archive rebuilt weekly keeps every entry,
# while the entries of edited-away article versions do not pile up for ever.
UNUSED_DAYS = 30


# Another build writing the cache holds its lock for milliseconds per batch; waiting longer than this means it is
# stuck, and this build goes on without the cache.
LOCK_WAIT_SECONDS = 10.0


class DiskCache:
    """Extractions in one SQLite file, by key. Every failure of the file becomes a warning: the build goes on
    without it."""

    def __init__(self, path: Path, warn: Warn):
        self.path = path
        self.warn = warn
        self.broken = False

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=LOCK_WAIT_SECONDS)
        connection.execute("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, version TEXT NOT NULL, "
                           "used REAL NOT NULL, value TEXT NOT NULL)")
        return connection

    def _guarded(self, action: Callable[[sqlite3.Connection], Any], default: Any) -> Any:
        if self.broken:
            return default
        try:
            with closing(self._connect()) as connection, connection:
                return action(connection)
        except sqlite3.DatabaseError as error:
            self._recover(error)
            return default
        except OSError as error:
            self.broken = True
            self.warn(f"the extraction cache {self.path} cannot be used ({error}); extracting without it")
            return default

    def _recover(self, error: sqlite3.DatabaseError) -> None:
        """A locked file is left alone for this build; a corrupt one is moved aside so the next build starts a
        new one."""
        self.broken = True
        if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
            self.warn(f"the extraction cache {self.path} is locked by another build; extracting without it")
            return
        aside = self.path.with_name(self.path.name + ".corrupt")
        try:
            self.path.replace(aside)
            self.warn(f"the extraction cache {self.path} was unreadable ({error}); moved to {aside.name}, "
                      "a new one is built")
        except OSError:
            self.warn(f"the extraction cache {self.path} is unreadable ({error}); extracting without it")

    def read(self, keys: Iterable[str]) -> dict[str, Extraction]:
        wanted = list(dict.fromkeys(keys))

        def action(connection: sqlite3.Connection) -> dict[str, Extraction]:
            found: dict[str, Extraction] = {}
            for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
                chunk = wanted[start:start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(f"SELECT key, value FROM extraction WHERE key IN ({marks})", chunk)
                for key, value in rows:
                    extraction = _decoded(value)
                    if extraction is not None:
                        found[key] = extraction
            connection.executemany("UPDATE extraction SET used = ? WHERE key = ?",
                                   [(time.time(), key) for key in found])
            return found

        return self._guarded(action, {}) if wanted else {}

    def write(self, entries: dict[str, Extraction]) -> None:
        if not entries:
            return

        def action(connection: sqlite3.Connection) -> None:
            now = time.time()
            connection.executemany(
                "INSERT OR REPLACE INTO extraction (key, version, used, value) VALUES (?, ?, ?, ?)",
                [(key, EXTRACTOR_VERSION, now, _encoded(value)) for key, value in sorted(entries.items())])
            connection.execute("DELETE FROM extraction WHERE version != ? OR used < ?",
                               (EXTRACTOR_VERSION, now - UNUSED_DAYS * 86400))

        self._guarded(action, None)

    def info(self) -> tuple[int, int]:
        """Entries of the current extractor version, and of older ones."""
        def action(connection: sqlite3.Connection) -> tuple[int, int]:
            rows = dict(connection.execute("SELECT version = ?, COUNT(*) FROM extraction GROUP BY version = ?",
                                           (EXTRACTOR_VERSION, EXTRACTOR_VERSION)).fetchall())
            return rows.get(1, 0), rows.get(0, 0)

        return self._guarded(action, (0, 0)) if self.path.exists() else (0, 0)


class ExtractionCache:
    """Extractions by key, in memory and (when given a path) on disk."""

    def __init__(self, path: Path | None = None, warn: Warn = lambda message: None) -> None:
        self._entries: dict[str, Extraction] = {}
        self._used: set[str] = set()
        self.disk = DiskCache(path, warn) if path is not None else None

    def missing(self, keys: Iterable[str]) -> list[str]:
        """The keys neither in memory nor on disk (those on disk are loaded into memory on the way)."""
        absent = [key for key in dict.fromkeys(keys) if key not in self._entries]
        if self.disk is not None:
            self._entries.update(self.disk.read(absent))
        return [key for key in absent if key not in self._entries]

    def add(self, entries: dict[str, Extraction]) -> None:
        self._entries.update(entries)
        if self.disk is not None:
            self.disk.write(entries)

    def get(self, article: Article, settings: Settings, country: str | None) -> Extraction:
        key = cache_key(article, settings, country)
        if self.missing([key]):
            self.add({key: extract_article(parse(article, settings.model), country)})
        self._used.add(key)
        return self._entries[key]

    def prune(self) -> None:
        self._entries = {key: value for key, value in self._entries.items() if key in self._used}
        self._used = set()

    def __len__(self) -> int:
        return len(self._entries)


# JSON, not pickle: a cache file is data, never code, and a damaged entry is one miss, not a crash.
def _encoded(extraction: Extraction) -> str:
    return json.dumps(dataclasses.asdict(extraction), ensure_ascii=False, separators=(",", ":"))


def _decoded(value: str) -> Extraction | None:
    try:
        return _record(Extraction, json.loads(value))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


_RECORDS: dict[str, type] = {cls.__name__: cls for cls in (Actor, Evidence, Extraction, Figure, Place, Quote,
                                                          Reaction)}


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """Each field's name and type (resolved once per class: resolving costs more than decoding)."""
    hints = typing.get_type_hints(cls, {**vars(types), **_RECORDS})
    return tuple((item.name, hints[item.name]) for item in dataclasses.fields(cls))


def _record(cls: type, data: dict[str, Any]) -> Any:
    """A dataclass from the dict `dataclasses.asdict` made of it: nested records and tuples restored."""
    return cls(**{name: _value(hint, data[name]) for name, hint in _fields(cls)})


def _value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        records = [argument for argument in arguments if isinstance(argument, type) and
                   dataclasses.is_dataclass(argument)]
        return _record(records[0], value) if records and isinstance(value, dict) else value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record(hint, value)
    if origin is list:
        return [_value(arguments[0], item) for item in value]
    if origin is tuple:
        return tuple(_value(arguments[0], item) for item in value)
    return value


@dataclass(frozen=True, slots=True)
class CacheInfo:
    path: Path
    entries: int
    stale: int
    size: int


def cache_info(path: Path) -> CacheInfo:
    current, stale = DiskCache(path, lambda message: None).info()
    return CacheInfo(path, current, stale, path.stat().st_size if path.exists() else 0)
