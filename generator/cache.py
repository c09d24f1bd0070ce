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
from .load.readers import article_from_bytes, read_article_bytes
from .model import Actor, Article, Evidence, Extraction, Figure, Paragraph, Place, Quote, Reaction, Unread, as_plain
from .nlp import parse
from .settings import Settings

Warn = Callable[[str], None]

_PACKAGE = Path(__file__).resolve().parent
# What an extraction is computed from besides the text: the parse, the extractors, the records and the word lists.
_EXTRACTION_SOURCES = ("nlp.py", "model.py", "extract", "lexicon")
# What a cleaned article is computed from besides the file: the readers, the cleaning rules, the records, the word
# lists, and the libraries that read saved pages and Markdown.
_READER_SOURCES = ("load/readers.py", "clean.py", "model.py", "lexicon")
_READER_LIBRARIES = ("trafilatura", "lxml", "lxml_html_clean", "markdown")


def _code_version(sources: tuple[str, ...], libraries: tuple[str, ...] = ()) -> str:
    digest = hashlib.sha256()
    for name in sources:
        path = _PACKAGE / name
        files = sorted(p for p in path.rglob("*") if p.suffix in (".py", ".tsv", ".txt")) if path.is_dir() \
            else [path]
        for file in files:
            digest.update(file.relative_to(_PACKAGE).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    for library in libraries:
        digest.update(f"{library}={_installed(library)}\0".encode())
    return digest.hexdigest()[:16]


def _installed(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


EXTRACTOR_VERSION = _code_version(_EXTRACTION_SOURCES)
READER_VERSION = _code_version(_READER_SOURCES, _READER_LIBRARIES)


@functools.cache
def pipeline_version(model: str) -> str:
    """The installed version of spaCy and of the pipeline package, without loading either (a warm build never
    loads spaCy)."""
    # "?" for a pipeline loaded from a folder: its text and model name still key it.
    return "/".join(_installed(package) for package in ("spacy", model))


def cache_key(article: Article, settings: Settings, country: str | None) -> str:
    parts = (EXTRACTOR_VERSION, settings.model, pipeline_version(settings.model), country or "", article.text)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def article_key(path: Path, data: bytes) -> str:
    """A cleaned article depends on the file's bytes, its kind (suffix) and its name (the article's source)."""
    head = "\0".join((READER_VERSION, path.suffix.lower(), path.name)).encode()
    return hashlib.sha256(head + b"\0" + data).hexdigest()


# Entries unused for this long are deleted when a build writes: an archive rebuilt weekly keeps every entry,
# while the entries of edited-away article versions do not pile up for ever.
UNUSED_DAYS = 30


# Another build writing the cache holds its lock for milliseconds per batch; waiting longer than this means it is
# stuck, and this build goes on without the cache.
LOCK_WAIT_SECONDS = 10.0


# The two tables of the file, each with the version of the code its entries were computed by.
TABLES = {"extraction": lambda: EXTRACTOR_VERSION, "article": lambda: READER_VERSION}


class DiskCache:
    """Extractions and cleaned articles in one SQLite file, by key, as JSON text. Every failure of the file
    becomes a warning: the build goes on without it."""

    def __init__(self, path: Path, warn: Warn):
        self.path = path
        self.warn = warn
        self.broken = False

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=LOCK_WAIT_SECONDS)
        for table in TABLES:
            connection.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, version TEXT NOT NULL, "
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

    def read(self, table: str, keys: Iterable[str], decode: Callable[[str], Any]) -> dict[str, Any]:
        """The entries of `table` under these keys that decode (a damaged one is a miss), marked as used."""
        wanted = list(dict.fromkeys(keys))

        def action(connection: sqlite3.Connection) -> dict[str, Any]:
            found: dict[str, Any] = {}
            for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
                chunk = wanted[start:start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(f"SELECT key, value FROM {table} WHERE key IN ({marks})", chunk)
                for key, value in rows:
                    entry = decode(value)
                    if entry is not None:
                        found[key] = entry
            connection.executemany(f"UPDATE {table} SET used = ? WHERE key = ?",
                                   [(time.time(), key) for key in found])
            return found

        return self._guarded(action, {}) if wanted else {}

    def write(self, table: str, entries: dict[str, str]) -> None:
        """Encoded entries into `table`; entries of other code versions, or unused for long, are deleted."""
        if not entries:
            return
        version = TABLES[table]()

        def action(connection: sqlite3.Connection) -> None:
            now = time.time()
            connection.executemany(
                f"INSERT OR REPLACE INTO {table} (key, version, used, value) VALUES (?, ?, ?, ?)",
                [(key, version, now, value) for key, value in sorted(entries.items())])
            connection.execute(f"DELETE FROM {table} WHERE version != ? OR used < ?",
                               (version, now - UNUSED_DAYS * 86400))

        self._guarded(action, None)

    def info(self, table: str) -> tuple[int, int]:
        """Entries of `table` of the current code version, and of older ones."""
        version = TABLES[table]()

        def action(connection: sqlite3.Connection) -> tuple[int, int]:
            rows = dict(connection.execute(f"SELECT version = ?, COUNT(*) FROM {table} GROUP BY version = ?",
                                           (version, version)).fetchall())
            return rows.get(1, 0), rows.get(0, 0)

        return self._guarded(action, (0, 0)) if self.path.exists() else (0, 0)


class ExtractionCache:
    """What the build computes from an article file, in memory and (when given a path) on disk: the cleaned
    article, by the file's bytes, and its extraction, by the cleaned text. A warm build of an archive then reads
    each file's bytes and cleans, parses and extracts nothing."""

    def __init__(self, path: Path | None = None, warn: Warn = lambda message: None) -> None:
        self._entries: dict[str, Extraction] = {}
        self._used: set[str] = set()
        self._articles: dict[str, Article] = {}
        self._articles_used: set[str] = set()
        self._articles_new: dict[str, Article] = {}
        self._keys_read: dict[Path, str] = {}  # by preload_articles, for this build's read_article
        self.disk = DiskCache(path, warn) if path is not None else None

    def missing(self, keys: Iterable[str]) -> list[str]:
        """The keys neither in memory nor on disk (those on disk are loaded into memory on the way)."""
        absent = [key for key in dict.fromkeys(keys) if key not in self._entries]
        if self.disk is not None:
            self._entries.update(self.disk.read("extraction", absent, _decoding(Extraction)))
        return [key for key in absent if key not in self._entries]

    def add(self, entries: dict[str, Extraction]) -> None:
        self._entries.update(entries)
        if self.disk is not None:
            self.disk.write("extraction", {key: _encoded(value) for key, value in entries.items()})

    def get(self, article: Article, settings: Settings, country: str | None) -> Extraction:
        key = cache_key(article, settings, country)
        if self.missing([key]):
            self.add({key: extract_article(parse(article, settings.model), country)})
        self._used.add(key)
        return self._entries[key]

    def preload_articles(self, paths: Iterable[Path]) -> None:
        """Load the cleaned articles of these files from disk in one query (one per file would cost more than
        the cleaning it saves), and remember each file's key so that `read_article` reads and hashes it once."""
        self._keys_read = {}
        for path in paths:
            try:
                self._keys_read[path] = article_key(path, path.read_bytes())
            except OSError:
                continue  # reported when the brief reads it
        absent = [key for key in self._keys_read.values() if key not in self._articles]
        if self.disk is not None and absent:
            self._articles.update(self.disk.read("article", absent, _decoding(Article)))

    def read_article(self, path: Path) -> Article:
        """`load.readers.read_article`, from the cache when the file's bytes were read and cleaned before.
        Files that cannot be read are not cached: their problems are reported on every build. (A cached
        article's bytes passed the size limit when they were first read, and that limit is part of
        READER_VERSION, so a hit needs no second read.)"""
        key = self._keys_read.pop(path, None)
        if key is None or key not in self._articles:
            data = read_article_bytes(path)  # InputError naming the file when it cannot be read
            key = article_key(path, data)
            if key not in self._articles:
                self._articles[key] = self._articles_new[key] = article_from_bytes(data, path)
        self._articles_used.add(key)
        return self._articles[key]

    def save_articles(self) -> None:
        """Write the articles cleaned since the last call to disk, in one transaction."""
        if self.disk is not None:
            self.disk.write("article", {key: _encoded(value) for key, value in self._articles_new.items()})
        self._articles_new = {}

    def prune(self) -> None:
        """Forget what this build did not use (`mkdocs serve` keeps one cache across its rebuilds)."""
        self._entries = {key: value for key, value in self._entries.items() if key in self._used}
        self._articles = {key: value for key, value in self._articles.items() if key in self._articles_used}
        self._used, self._articles_used = set(), set()

    def __len__(self) -> int:
        return len(self._entries)


# JSON, not pickle: a cache file is data, never code, and a damaged entry is one miss, not a crash.
def _encoded(record: Extraction | Article) -> str:
    return json.dumps(as_plain(record), ensure_ascii=False, separators=(",", ":"))


def _decoding(record: type) -> Callable[[str], Any]:
    """The function that reads one cache entry back into a `record`, or None when the entry is damaged (one
    miss, not a crash)."""
    def decoded(value: str) -> Any:
        try:
            return _decoder(record)(json.loads(value))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    return decoded


_RECORDS: dict[str, type] = {cls.__name__: cls for cls in (Actor, Article, Evidence, Extraction, Figure,
                                                          Paragraph, Place, Quote, Reaction, Unread)}

Decoder = Callable[[Any], Any]


def _keep(value: Any) -> Any:
    return value


@functools.cache
def _decoder(hint: Any) -> Decoder:
    """The function that restores a value of type `hint` from what `as_plain` made of it (nested records and
    tuples), worked out once per type: reading the type hints again for every value cost more than the JSON."""
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        records = [argument for argument in arguments if isinstance(argument, type) and
                   dataclasses.is_dataclass(argument)]
        if not records:
            return _keep
        record = _decoder(records[0])
        return lambda value: record(value) if isinstance(value, dict) else value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint, {**vars(types), **_RECORDS})
        parts = tuple((item.name, _decoder(hints[item.name])) for item in dataclasses.fields(hint))
        return lambda data: hint(**{name: (None if data[name] is None else decode(data[name]))
                                    for name, decode in parts})
    if origin in (list, tuple):
        item = _decoder(arguments[0])
        if item is _keep:
            return origin
        return lambda value: origin(item(element) for element in value)
    return _keep


@dataclass(frozen=True, slots=True)
class CacheInfo:
    path: Path
    extractions: int  # of the current extractor version
    stale: int  # entries of older code versions, of either table
    articles: int  # cleaned articles of the current reader version
    size: int


def cache_info(path: Path) -> CacheInfo:
    disk = DiskCache(path, lambda message: None)
    extractions, old_extractions = disk.info("extraction")
    articles, old_articles = disk.info("article")
    return CacheInfo(path, extractions, old_extractions + old_articles, articles,
                     path.stat().st_size if path.exists() else 0)
