"""The extraction cache: kept across processes in SQLite, keyed by all an extraction depends on, and never a
reason for a build to fail."""

import sqlite3
from pathlib import Path

import pytest

import generator.cache
from generator.build import build
from generator.cache import ExtractionCache, _decoding, _encoded
from generator.cli import main
from generator.extract import extract_article
from generator.model import Extraction
from generator.settings import Settings
from tests.helpers import ROOT, SAMPLE_ARTICLE, SAMPLE_BRIEF, parsed


def settings_for(tmp_path: Path) -> Settings:
    return Settings(briefs_dir=tmp_path / "briefs", docs_dir=tmp_path / "docs", templates_dir=ROOT / "templates",
                    cache_file=tmp_path / ".briefgen" / "cache.sqlite", jobs=1)


def pages(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


def extractions_counted(monkeypatch) -> list[str]:
    """Every article text extracted from now on, wherever the build extracts it."""
    counted: list[str] = []
    real = generator.cache.extract_article

    def counting(parsed_article, country):
        counted.append(parsed_article.article.text)
        return real(parsed_article, country)

    monkeypatch.setattr("generator.cache.extract_article", counting)
    monkeypatch.setattr("generator.parallel.extract_article", counting)
    return counted


def fresh_build(tmp_path: Path, warnings: list[str] | None = None):
    """A build as a new process makes it: nothing in memory, only the file on disk."""
    log = warnings if warnings is not None else []
    return build(settings_for(tmp_path), tmp_path, progress=log.append,
                 cache=ExtractionCache(settings_for(tmp_path).cache_file, warn=log.append))


def test_an_extraction_reads_back_from_its_json_equal_to_itself():
    extraction = extract_article(parsed(SAMPLE_ARTICLE), None)
    assert extraction.quotes and extraction.quotes[0].evidence is not None and extraction.actors
    decoded = _decoding(Extraction)
    assert decoded(_encoded(extraction)) == extraction
    assert decoded("{not json") is None and decoded('{"actors": 3}') is None


def test_a_new_process_extracts_nothing_unchanged_and_writes_the_same_pages(make_brief, tmp_path, monkeypatch):
    make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    make_brief("other", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE + "\nA second text.\n"})
    counted = extractions_counted(monkeypatch)
    fresh_build(tmp_path)
    assert len(counted) == 2
    first = pages(tmp_path / "docs")
    for page in (tmp_path / "docs").rglob("*.md"):
        page.unlink()
    fresh_build(tmp_path)
    assert len(counted) == 2 and pages(tmp_path / "docs") == first


def test_an_edited_article_is_extracted_again_and_a_curation_edit_is_not(make_brief, tmp_path, monkeypatch):
    briefs = make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    make_brief("other", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE + "\nA second text.\n"})
    counted = extractions_counted(monkeypatch)
    fresh_build(tmp_path)
    (briefs / "aleppo" / "brief.yml").write_text(SAMPLE_BRIEF + "actors:\n  Iran: {key: false}\n")
    fresh_build(tmp_path)
    assert len(counted) == 2
    (briefs / "aleppo" / "article.txt").write_text(SAMPLE_ARTICLE + "\nAn added line.\n")
    fresh_build(tmp_path)
    assert len(counted) == 3 and counted[-1].endswith("An added line.")
    (briefs / "aleppo" / "brief.yml").write_text(SAMPLE_BRIEF.replace("country: Syria", "country: Iran"))
    fresh_build(tmp_path)  # the country decides which reactions are international: part of the key
    assert len(counted) == 4


def test_new_extraction_code_or_lexicon_data_never_gets_a_stale_result(make_brief, tmp_path, monkeypatch):
    make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    counted = extractions_counted(monkeypatch)
    fresh_build(tmp_path)
    monkeypatch.setattr("generator.cache.EXTRACTOR_VERSION", "another-version")
    fresh_build(tmp_path)
    assert len(counted) == 2
    rows = sqlite3.connect(tmp_path / ".briefgen" / "cache.sqlite").execute(
        "SELECT DISTINCT version FROM extraction").fetchall()
    assert rows == [("another-version",)]  # the older version's entries are deleted when the newer one writes


def test_each_code_version_follows_the_code_and_word_lists_its_entries_are_computed_by(tmp_path, monkeypatch):
    package = tmp_path / "generator"
    for name in ("extract", "lexicon", "load"):
        (package / name).mkdir(parents=True)
    for name in ("nlp.py", "model.py", "clean.py", "extract/quotes.py", "lexicon/speech_verbs.txt", "render.py",
                 "load/readers.py"):
        (package / name).write_text("one\n")
    monkeypatch.setattr("generator.cache._PACKAGE", package)

    def versions() -> tuple[str, str]:
        return (generator.cache._code_version(generator.cache._EXTRACTION_SOURCES),
                generator.cache._code_version(generator.cache._READER_SOURCES, generator.cache._READER_LIBRARIES))

    extractor, reader = versions()
    (package / "render.py").write_text("two\n")  # rendering changes neither an extraction nor an article
    assert versions() == (extractor, reader)
    (package / "lexicon" / "speech_verbs.txt").write_text("two\n")  # both read the word lists
    extractor_2, reader_2 = versions()
    assert extractor_2 != extractor and reader_2 != reader
    (package / "extract" / "quotes.py").write_text("two\n")
    assert versions()[0] != extractor_2 and versions()[1] == reader_2
    (package / "clean.py").write_text("two\n")
    assert versions()[0] != extractor_2 and versions()[1] != reader_2
    monkeypatch.setattr("generator.cache._installed", lambda package: "9.9")  # trafilatura upgraded
    assert versions()[1] not in (reader, reader_2)


def readings_counted(monkeypatch) -> list[str]:
    """The name of every article file read and cleaned from now on."""
    counted: list[str] = []
    real = generator.cache.article_from_bytes

    def counting(data, path):
        counted.append(path.name)
        return real(data, path)

    monkeypatch.setattr("generator.cache.article_from_bytes", counting)
    return counted


PAGE = """<html><head><title>Army flees Aleppo | Example News</title>
<meta property="og:site_name" content="Example News"></head><body><nav>Home | World</nav><article>
<h1>Army flees Aleppo</h1><p>Rebels took the centre of Aleppo on Saturday, the army said.</p>
<p>"We will return," said General Ali Ahmed, a spokesman for the army.</p></article></body></html>"""


def test_a_new_process_cleans_no_unchanged_article_and_an_edited_one_again(make_brief, tmp_path, monkeypatch):
    briefs = make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    make_brief("page", {"brief.yml": SAMPLE_BRIEF, "saved.html": PAGE})
    counted = readings_counted(monkeypatch)
    first = fresh_build(tmp_path)
    assert sorted(counted) == ["article.txt", "saved.html"]
    second = fresh_build(tmp_path)
    assert len(counted) == 2
    assert [brief.articles for brief in second.briefs] == [brief.articles for brief in first.briefs]
    page = next(brief for brief in second.briefs if brief.slug == "page")
    assert page.articles[0].outlet == "Example News"  # what the page's metadata gave, kept
    (briefs / "aleppo" / "article.txt").write_text(SAMPLE_ARTICLE + "\nAn added line.\n")
    third = fresh_build(tmp_path)
    aleppo = next(brief for brief in third.briefs if brief.slug == "aleppo")
    assert counted[2:] == ["article.txt"] and aleppo.articles[0].text.endswith("An added line.")


def test_an_article_cached_under_one_name_is_read_again_under_another(make_brief, tmp_path, monkeypatch):
    """The file's name is the article's source on the page: the same bytes renamed are another article."""
    briefs = make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    counted = readings_counted(monkeypatch)
    fresh_build(tmp_path)
    (briefs / "aleppo" / "article.txt").rename(briefs / "aleppo" / "wire.txt")
    result = fresh_build(tmp_path)
    assert counted == ["article.txt", "wire.txt"] and result.briefs[0].articles[0].source_file == "wire.txt"


def test_an_unreadable_article_is_reported_on_every_build_never_cached(make_brief, tmp_path):
    make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    make_brief("empty", {"brief.yml": SAMPLE_BRIEF, "article.txt": "   \n"})
    for _ in range(2):
        result = build(settings_for(tmp_path), tmp_path, strict=False, progress=lambda _: None,
                       cache=ExtractionCache(settings_for(tmp_path).cache_file))
        [problem] = result.problems
        assert str(problem).endswith("briefs/empty/article.txt: has no text once cleaned: an empty article makes "
                                     "an empty briefing")
    rows = sqlite3.connect(settings_for(tmp_path).cache_file).execute("SELECT COUNT(*) FROM article").fetchone()
    assert rows == (1,)


def test_a_damaged_article_entry_is_a_miss_not_a_crash(make_brief, tmp_path, monkeypatch):
    make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    fresh_build(tmp_path)
    with sqlite3.connect(settings_for(tmp_path).cache_file) as connection:
        connection.execute("UPDATE article SET value = '{\"text\": 3}'")
    counted = readings_counted(monkeypatch)
    result = fresh_build(tmp_path)
    assert counted == ["article.txt"] and result.briefs[0].articles[0].text.startswith("Rebels seize Aleppo")


def test_a_corrupt_cache_file_is_a_warning_moved_aside_and_rebuilt(make_brief, tmp_path):
    make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    cache_file = tmp_path / ".briefgen" / "cache.sqlite"
    cache_file.parent.mkdir()
    cache_file.write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    result = fresh_build(tmp_path, warnings)
    assert [brief.slug for brief in result.briefs] == ["aleppo"]
    assert any("was unreadable" in line and "moved to cache.sqlite.corrupt" in line for line in warnings)
    assert (cache_file.parent / "cache.sqlite.corrupt").is_file()
    fresh_build(tmp_path)
    assert sqlite3.connect(cache_file).execute("SELECT COUNT(*) FROM extraction").fetchone() == (1,)


def test_a_locked_cache_is_a_warning_and_the_build_goes_on(make_brief, tmp_path, monkeypatch):
    make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    fresh_build(tmp_path)
    monkeypatch.setattr("generator.cache.LOCK_WAIT_SECONDS", 0.1)
    holder = sqlite3.connect(tmp_path / ".briefgen" / "cache.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another build in the middle of writing
    try:
        (tmp_path / "briefs" / "aleppo" / "article.txt").write_text(SAMPLE_ARTICLE + "\nMore.\n")
        warnings: list[str] = []
        result = fresh_build(tmp_path, warnings)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [brief.slug for brief in result.briefs] == ["aleppo"]
    assert any("is locked by another build; extracting without it" in line for line in warnings)


def test_cache_info_and_clear(make_brief, tmp_path, monkeypatch, capsys):
    make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BRIEFGEN_CACHE", raising=False)
    assert main(["build", "--templates", str(ROOT / "templates")]) == 0
    capsys.readouterr()
    assert main(["cache", "info"]) == 0
    info = capsys.readouterr().out
    assert info.startswith(".briefgen/cache.sqlite: 1 extractions of this version (")
    assert "), 1 cleaned articles, 0 entries of older versions" in info
    assert main(["cache", "clear"]) == 0
    assert capsys.readouterr().out == ".briefgen/cache.sqlite: deleted\n"
    assert not (tmp_path / ".briefgen" / "cache.sqlite").exists()


@pytest.mark.parametrize("value", ["off", "OFF"])
def test_briefgen_cache_off_keeps_nothing_on_disk(value, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_CACHE", value)
    assert Settings.from_env(tmp_path).cache_file is None


def test_a_warm_build_reads_each_cached_article_file_once(make_brief, tmp_path, monkeypatch):
    make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    fresh_build(tmp_path)
    second_reads: list[str] = []
    real = generator.cache.read_article_bytes
    monkeypatch.setattr("generator.cache.read_article_bytes", lambda path: second_reads.append(path.name) or real(path))
    result = fresh_build(tmp_path)
    assert second_reads == [] and result.briefs[0].articles[0].source_file == "article.txt"
