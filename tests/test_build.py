"""The build: deterministic, write-if-changed, stale files deleted, nothing written on failure."""

import shutil
from pathlib import Path

import pytest

import generator.cache
from generator.build import build
from generator.cache import ExtractionCache
from generator.errors import InputError
from generator.settings import Settings
from generator.write import LOCK_FILE
from tests.helpers import ROOT, SAMPLE_ARTICLE, SAMPLE_BRIEF


def settings_for(briefs: Path, docs: Path, **overrides) -> Settings:
    return Settings(briefs_dir=briefs, docs_dir=docs, templates_dir=ROOT / "templates", **overrides)


def snapshot(folder: Path) -> dict[str, bytes]:
    """The generated files (the lock file that serialises builds is not output)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != LOCK_FILE}


def quiet(_: str) -> None:
    pass


@pytest.fixture
def briefs(make_brief) -> Path:
    make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    return make_brief("draft-one", {"brief.yml": SAMPLE_BRIEF.replace("tags", "status: draft\ntags"),
                                    "article.txt": SAMPLE_ARTICLE})


def test_two_builds_are_byte_identical_and_the_second_writes_nothing(briefs, tmp_path):
    first_docs, second_docs = tmp_path / "one", tmp_path / "two"
    build(settings_for(briefs, first_docs), tmp_path, progress=quiet)
    build(settings_for(briefs, second_docs), tmp_path, progress=quiet)
    assert snapshot(first_docs) == snapshot(second_docs)
    again = build(settings_for(briefs, first_docs), tmp_path, progress=quiet)
    assert again.written == [] and again.unchanged == len(snapshot(first_docs))


def test_expected_pages_are_written_and_drafts_left_out(briefs, tmp_path):
    docs = tmp_path / "docs"
    build(settings_for(briefs, docs), tmp_path, progress=quiet)
    files = set(snapshot(docs))
    assert {"index.md", "briefings/aleppo.md", "data/aleppo.json", "data/briefings.json", "actors/index.md",
            "actors/abbas-araghchi.md", "countries/syria.md", "tags/syria.md"} <= files
    assert "briefings/draft-one.md" not in files


def test_what_is_left_out_is_said_one_line_each(briefs, tmp_path):
    """#18: drafts and a folder without brief.yml were skipped without a word."""
    (briefs / "notes").mkdir()
    (briefs / "notes" / "article.txt").write_text(SAMPLE_ARTICLE)
    said: list[str] = []
    build(settings_for(briefs, tmp_path / "docs"), tmp_path, progress=said.append)
    assert [line for line in said if line.startswith("left out")] == [
        "left out: briefs/notes/ has no brief.yml (`briefgen new ARTICLE` makes one)",
        "left out: draft-one is a draft (status: draft in its brief.yml; `make serve` shows drafts)",
    ]


def test_drafts_are_built_when_asked(briefs, tmp_path):
    docs = tmp_path / "docs"
    build(settings_for(briefs, docs, include_drafts=True), tmp_path, progress=quiet)
    assert "*(draft)*" in (docs / "index.md").read_text()


def test_stale_generated_files_are_deleted(briefs, tmp_path, make_brief):
    docs = tmp_path / "docs"
    build(settings_for(briefs, docs), tmp_path, progress=quiet)
    (docs / "briefings" / "old.md").write_text("stale")
    (docs / "assets").mkdir()
    (docs / "assets" / "style.css").write_text("kept: not generated")
    result = build(settings_for(briefs, docs), tmp_path, progress=quiet)
    assert "briefings/old.md" in result.deleted
    assert (docs / "assets" / "style.css").exists()


def test_nothing_is_written_when_a_brief_is_invalid(briefs, tmp_path, make_brief):
    docs = tmp_path / "docs"
    build(settings_for(briefs, docs), tmp_path, progress=quiet)
    before = snapshot(docs)
    make_brief("broken", {"brief.yml": "title: Broken\ndate: 2024-13-40\n", "article.txt": SAMPLE_ARTICLE})
    make_brief("zeta", {"brief.yml": SAMPLE_BRIEF.replace("title: Rebels seize Aleppo", "title: Z\nsummray: x"),
                        "article.txt": SAMPLE_ARTICLE})
    with pytest.raises(InputError) as caught:
        build(settings_for(briefs, docs), tmp_path, progress=quiet)
    assert [str(p) for p in caught.value.problems] == [
        "briefs/broken/brief.yml:2: date: '2024-13-40' is not an ISO date (YYYY-MM-DD)",
        "briefs/zeta/brief.yml:2: summray: unknown key (did you mean 'summary'?)",
    ]
    assert snapshot(docs) == before


def test_keep_going_builds_the_valid_briefs_and_reports_the_others(briefs, tmp_path, make_brief):
    make_brief("broken", {"brief.yml": "title: Broken\n", "article.txt": SAMPLE_ARTICLE})
    docs = tmp_path / "docs"
    result = build(settings_for(briefs, docs), tmp_path, strict=False, progress=quiet)
    assert [str(p) for p in result.problems] == ["briefs/broken/brief.yml:1: the required key 'date' is missing"]
    assert (docs / "briefings" / "aleppo.md").exists()
    assert not (docs / "briefings" / "broken.md").exists()  # a published site shows no error pages


def test_a_brief_with_two_articles_merges_their_actors(make_brief, tmp_path):
    second = "Turkish Foreign Minister Hakan Fidan met Abbas Araghchi in Ankara on Sunday.\n"
    briefs = make_brief("two", {"brief.yml": SAMPLE_BRIEF, "a.txt": SAMPLE_ARTICLE, "b.txt": second})
    docs = tmp_path / "docs"
    result = build(settings_for(briefs, docs), tmp_path, progress=quiet)
    actors = {a.name: a for a in result.briefs[0].extraction.actors}
    assert "Hakan Fidan" in actors
    assert actors["Abbas Araghchi"].mentions >= 3


def test_a_cache_kept_across_builds_extracts_an_unchanged_article_once_and_forgets_removed_ones(
        make_brief, tmp_path, monkeypatch):
    briefs = make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    make_brief("other", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE + "\nA second text.\n"})
    cache = ExtractionCache()
    build(settings_for(briefs, tmp_path / "docs"), tmp_path, progress=quiet, cache=cache)
    assert len(cache) == 2

    def no_extraction(*_: object) -> None:
        raise AssertionError("an unchanged article was extracted again")

    monkeypatch.setattr("generator.cache.extract_article", no_extraction)
    shutil.rmtree(briefs / "other")
    result = build(settings_for(briefs, tmp_path / "docs"), tmp_path, progress=quiet, cache=cache)
    assert [brief.slug for brief in result.briefs] == ["aleppo"] and len(cache) == 1


def test_an_article_that_breaks_extraction_is_a_problem_naming_its_file_and_the_rest_still_build(
        make_brief, tmp_path, monkeypatch):
    briefs = make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    make_brief("broken", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE + "\nKaboom 7.\n"})
    real = generator.cache.extract_article

    def fragile(parsed, country):
        if "Kaboom" in parsed.article.text:
            raise OverflowError("cannot convert float infinity to integer")
        return real(parsed, country)

    monkeypatch.setattr("generator.cache.extract_article", fragile)
    monkeypatch.setattr("generator.parallel.extract_article", fragile)
    result = build(settings_for(briefs, tmp_path / "docs"), tmp_path, strict=False, progress=quiet)
    assert [brief.slug for brief in result.briefs] == ["aleppo"]
    assert [str(problem) for problem in result.problems] == [
        "briefs/broken/article.txt: could not be extracted (OverflowError: cannot convert float infinity to "
        "integer); the other briefs are not affected; BRIEFGEN_DEBUG=1 shows the traceback"]


def test_a_renamed_country_keeps_its_flag_and_code(make_brief, tmp_path):
    """#18: renaming Turkey to Türkiye dropped its flag; the country's identity must survive the spelling."""
    briefs = make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF + "actors:\n  Iran: Islamic Republic of Iran\n",
                                   "article.txt": SAMPLE_ARTICLE})
    docs = tmp_path / "docs"
    build(settings_for(briefs, docs), tmp_path, progress=quiet)
    reaction = [line for line in (docs / "briefings" / "aleppo.md").read_text().splitlines()
                if line.startswith("### ") and "Islamic Republic of Iran" in line]
    assert reaction == ["### 🇮🇷 IR [Islamic Republic of Iran](../actors/islamic-republic-of-iran.md) "
                        "{ data-search-exclude }"]
    country_page = (docs / "countries" / "islamic-republic-of-iran.md").read_text()
    assert "# <span data-search-exclude>🇮🇷 IR </span>Islamic Republic of Iran" in country_page.splitlines()


@pytest.mark.parametrize(("sources", "heading"), [
    ("", "## Sources { data-search-exclude }"),  # only a file name: nothing a reader searches for
    ("sources:\n  - {file: article.txt, outlet: Example Wire}\n", "## Sources"),
])
def test_the_sources_are_searched_only_when_they_name_an_outlet_or_author(make_brief, tmp_path, sources, heading):
    briefs = make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF + sources, "article.txt": SAMPLE_ARTICLE})
    docs = tmp_path / "docs"
    build(settings_for(briefs, docs), tmp_path, progress=quiet)
    lines = (docs / "briefings" / "aleppo.md").read_text().splitlines()
    assert [line for line in lines if line.startswith("## Sources")] == [heading]


def test_a_briefing_of_two_outlets_says_who_reported_each_quote_and_figure(make_brief, tmp_path):
    """#20: with several sources, each quote and figure names its outlet, and what both count is side by side."""
    second = ('At least 412 people were killed in the offensive, the observatory said.\n\n'
              '"We will stand by Damascus," Iranian Foreign Minister Abbas Araghchi said on Sunday.\n')
    first = "At least 400 people were killed in the fighting in Aleppo, officials said on Saturday.\n"
    config = SAMPLE_BRIEF + "sources:\n  - {file: a.txt, outlet: Wire A}\n  - {file: b.txt, outlet: Wire B}\n"
    briefs = make_brief("two", {"brief.yml": config, "a.txt": first, "b.txt": second})
    docs = tmp_path / "docs"
    build(settings_for(briefs, docs), tmp_path, progress=quiet)
    page = (docs / "briefings" / "two.md").read_text(encoding="utf-8")
    assert "> <q>We will stand by Damascus</q><span data-search-exclude> · Wire B</span>" in page
    assert "| Figure | Value | Counts or measures | Qualifier | Source |" in page
    assert "- **people killed**: At least 400 people (Wire A) · At least 412 people (Wire B)" in page
    assert "| At least 412 people | 412 | people killed | at least | Wire B |" in page


def test_an_article_not_in_english_is_said_in_the_build_and_on_its_page(make_brief, tmp_path):
    """An English model reads a page in another language as a run of names: nothing is extracted from it."""
    from tests.test_extract_language import GERMAN

    briefs = make_brief("berlin", {"brief.yml": SAMPLE_BRIEF, "artikel.txt": GERMAN})
    docs = tmp_path / "docs"
    said: list[str] = []
    result = build(settings_for(briefs, docs), tmp_path, progress=said.append)
    assert [line for line in said if line.startswith("not read")] == [
        "not read: berlin/artikel.txt is not in English (German): nothing is extracted from it, and its page "
        "says so"]
    assert result.briefs[0].extraction.actors == []
    page = (docs / "briefings" / "berlin.md").read_text(encoding="utf-8")
    assert '!!! warning "Not read: artikel.txt is not in English (German)"' in page
