"""Properties that hold for any input (issue #16), checked with hypothesis on generated texts, bytes and YAML.

Each test states what must be true whatever an editor drops into `briefs/`: no exception other than the
project's own InputError, offsets that point into the article, records that refer to each other, helpers that
answer as their slow definition would. The example counts are bounded (the "briefgen" profile in conftest.py)
and the examples derandomized, so `make test` is reproducible and stays short.
"""

from __future__ import annotations

import math
import string
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.clean import clean_article
from generator.errors import InputError
from generator.extract import extract_article
from generator.extract.figures import parse_value
from generator.extract.quote_marks import QuotedText, quote_spans_in
from generator.link import unique_slugs
from generator.load.readers import decode_text, read_html_bytes
from generator.load.schema import parse_brief_config
from generator.nlp import _pieces, parse
from generator.render import _escaped, escape_markdown
from generator.settings import DEFAULT_MODEL

# Pieces of news text that exercise the extractors (names, speech, quotation marks, numbers, units, datelines),
# mixed with arbitrary characters.
NEWS_PIECES = [
    "Iran", "said", "the", "United Nations", "Ministry of Defence", "President", "Joe Biden", "he", "she", "they",
    "told reporters", "according to", "condemned", "welcomed", "killed", "at least", "percent", "$", "million",
    "12", "1,200", "3.5bn", "½", "two-thirds", "“", "”", '"', "'", "‘", "’", "''", ":", ",", ".", ";", "(", ")",
    "—", "–", "-", "\n", "\n\n", "KYIV —", "(AP)", "Moscow", "Gaza", "NATO", "ISIS", "Dr.", "Mr", "U.S.", "the",
    "ministry", "embassy", "200 km", "on Monday", "2024", "Hamas", "Hezbollah", "Sen.", "Wang Yi", "Türkiye",
]
news_text = st.lists(st.one_of(st.sampled_from(NEWS_PIECES), st.text(max_size=6)), max_size=70).map(" ".join)
any_text = st.one_of(news_text, st.text(max_size=300))
# A parse costs about 30 ms: the tests that parse take fewer examples than the profile's count.
PARSING_EXAMPLES = max(10, settings.default.max_examples * 2 // 5)


@settings(max_examples=PARSING_EXAMPLES)
@given(any_text)
def test_every_extractor_returns_records_that_point_into_the_article(text: str) -> None:
    article = clean_article(text, "fuzz.txt")
    extraction = extract_article(parse(article, DEFAULT_MODEL))
    names = {actor.name for actor in extraction.actors}
    assert all(actor.name.strip() for actor in extraction.actors)
    for quote in extraction.quotes:
        assert quote.speaker is None or quote.speaker in names
        assert quote.text and quote.text in article.text
        if quote.evidence:
            assert 0 <= quote.evidence.start <= quote.evidence.end <= len(article.text)
    for figure in extraction.figures:
        assert figure.value is None or math.isfinite(figure.value)
        assert figure.text in article.text
    for reaction in extraction.reactions:
        assert reaction.actor in names
    for place in extraction.places:
        assert place.name.strip()
    for sentence in extraction.summary:
        assert sentence in article.text


@given(any_text)
def test_cleaning_keeps_paragraphs_where_the_text_has_them(text: str) -> None:
    article = clean_article(text, "fuzz.txt")
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start:paragraph.end] == paragraph.text
    for offset in range(0, len(article.text) + 1, 7):
        slow = max((p.index for p in article.paragraphs if p.start <= offset), default=0)
        assert article.paragraph_at(offset) == slow


@given(news_text)
def test_quoted_ranges_answer_as_a_scan_of_every_span_would(text: str) -> None:
    spans = quote_spans_in(text)
    quoted = QuotedText(spans)
    for offset in range(len(text) + 1):
        assert quoted.holds(offset) == any(s.start <= offset < s.end for s in spans)
        assert quoted.holds_within(offset) == any(s.start < offset < s.end for s in spans)
    for start in range(0, len(text) + 1, 5):
        end = start + 11
        assert quoted.covered(start, end) == sum(max(0, min(end, s.end) - max(start, s.start)) for s in spans)
        assert quoted.opens_in(start, end) == any(start <= s.start < end for s in spans)


@given(st.text(alphabet=string.digits + ",.-%$ ", max_size=400) | st.text(max_size=60))
def test_a_number_is_read_as_a_finite_value_or_not_at_all(text: str) -> None:
    value = parse_value(text)
    assert value is None or math.isfinite(value)


@given(st.binary(max_size=400))
def test_any_bytes_decode_to_text_or_a_problem_naming_the_file(data: bytes) -> None:
    try:
        assert isinstance(decode_text(data, Path("briefs/x/article.txt")), str)
    except InputError as error:
        assert all(problem.path == "briefs/x/article.txt" for problem in error.problems)


@settings(max_examples=PARSING_EXAMPLES)
@given(st.one_of(st.binary(max_size=300), news_text.map(lambda t: f"<html><body><p>{t}</p></body></html>".encode())))
def test_any_saved_page_reads_to_an_article_or_a_problem_naming_it(data: bytes) -> None:
    try:
        article = read_html_bytes(data, "page.html")
    except InputError as error:
        assert all("page.html" in problem.path for problem in error.problems)
    else:
        assert all(article.text[p.start:p.end] == p.text for p in article.paragraphs)


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(["title", "date", "sources", "file", "quotes", "match",
                                                             "speaker", "hide", "tags", "actors", "name", "x"]),
                                            inner, max_size=4)),
    max_leaves=12,
)


def _check_brief(text: str) -> None:
    try:
        parse_brief_config(text, Path("briefs/x/brief.yml"), "briefs/x/brief.yml")
    except InputError as error:
        assert error.problems
        assert all(problem.path == "briefs/x/brief.yml" for problem in error.problems)
        assert all(problem.line is None or problem.line >= 1 for problem in error.problems)


@given(st.dictionaries(st.sampled_from(["title", "date", "country", "tags", "sources", "quotes", "actors",
                                        "figures", "status", "summary", "x"]), yaml_values, max_size=6))
def test_any_yaml_mapping_gives_a_brief_or_problems_naming_the_file_and_line(data: dict) -> None:
    _check_brief(yaml.safe_dump(data, allow_unicode=True))


@given(st.text(alphabet=string.printable + "“”‘’é—", max_size=200))
def test_any_text_as_brief_yml_gives_a_brief_or_problems(text: str) -> None:
    _check_brief(text)


@given(st.lists(st.text(min_size=1, max_size=12), max_size=12))
def test_slugs_never_merge_two_names_and_do_not_depend_on_order(names: list[str]) -> None:
    slugs = unique_slugs(names)
    by_slug: dict[str, set[str]] = {}
    for name, slug in slugs.items():
        by_slug.setdefault(slug, set()).add(name.casefold())
    assert all(len(folded) == 1 for folded in by_slug.values())
    assert unique_slugs(list(reversed(names))) == slugs


@given(st.text(alphabet="ab \n", max_size=500), st.integers(min_value=1, max_value=60))
def test_long_texts_are_parsed_in_pieces_that_join_back_exactly(text: str, size: int) -> None:
    pieces = _pieces(text, size)
    assert "".join(pieces) == text
    assert all(len(piece) <= size for piece in pieces[:-1])


# Text that is mostly plain, with the characters and spacings the fast path of escape_markdown must notice.
markdownish_text = st.text(alphabet=string.ascii_letters + string.digits + " -.)\\`*_{}[]<>#|&~^=+\t\n\r\u00a0\u2003"
                           "\u3000\x1f\x85é", max_size=40)


@given(st.one_of(markdownish_text, st.text(max_size=40)))
def test_the_fast_path_of_escaping_answers_as_the_full_escaping(text: str) -> None:
    assert escape_markdown(text) == _escaped(text)
