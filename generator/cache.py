"""The extraction of an article (parse -> analyse -> extract), kept for the life of one process."""

from __future__ import annotations

import hashlib

from .extract import extract_article
from .model import Article, Extraction
from .nlp import parse
from .settings import Settings


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
