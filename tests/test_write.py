"""The writing step's own helpers (write_pages is exercised end to end in test_site_command.py)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.write import TEMPORARY_PREFIX, recode_search_index


def test_search_index_is_written_again_as_utf8_with_the_same_documents(tmp_path: Path):
    index = tmp_path / "search_index.json"
    documents = {"config": {"lang": ["en"]}, "docs": [
        {"location": "briefings/a/#quotes", "title": "Quotes", "text": "<p>“Nous résisterons” · 🇸🇾</p>"}]}
    index.write_text(json.dumps(documents), encoding="utf-8")  # as Material writes it: \u escapes
    index.chmod(0o644)
    before = index.stat().st_size
    assert recode_search_index(index) is True
    raw = index.read_text(encoding="utf-8")
    assert "\\u" not in raw and "“Nous résisterons” · 🇸🇾" in raw
    assert json.loads(raw) == documents
    assert index.stat().st_size < before
    assert not list(tmp_path.glob(f"{TEMPORARY_PREFIX}*"))
    assert index.stat().st_mode & 0o777 == 0o644  # not the 0600 of a temporary file


def test_a_site_without_search_has_no_index_to_recode(tmp_path: Path):
    assert recode_search_index(tmp_path / "search" / "search_index.json") is False
