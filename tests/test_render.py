"""Escaping: article text lands on the page as literal text, whatever it contains."""

import html as html_module
import re

import markdown
import pytest

from generator.render import SafeMarkdown, escape_markdown, make_environment, safe_url
from tests.helpers import ROOT

HOSTILE = [
    "<script>alert(1)</script>",
    "{{ x }}",
    "a | b",
    "*bold* and _it_",
    "[a](javascript:alert(1))",
    "# not a heading",
    "1. not a list",
    "- not a list",
    "&lt;already escaped&gt;",
    "`code`",
]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list"])


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_the_same_literal_text(text):
    html = to_html(escape_markdown(text))
    visible = html_module.unescape(re.sub(r"<[^>]+>", "", html))
    assert visible.strip() == text
    assert "<script" not in html and "<a " not in html and "<strong" not in html and "<em" not in html


def test_escaped_text_in_a_table_cell_stays_in_its_cell():
    html = to_html(f"| A | B |\n| --- | --- |\n| {escape_markdown('x | y')} | z |\n")
    assert html.count("<td>") == 2


def test_line_breaks_never_open_a_new_block():
    assert "\n" not in escape_markdown("one\n\n# two")


def test_safe_url_rejects_scripts():
    assert safe_url("javascript:alert(1)") == "#"
    assert safe_url("JAVASCRIPT:alert(1)") == "#"
    assert safe_url("data:text/html,x") == "#"
    assert safe_url("https://example.org/a b") == "https://example.org/a%20b"


def test_environment_escapes_every_printed_value_by_default():
    env = make_environment(ROOT / "templates")
    template = env.from_string("{{ value }} {{ safe }}")
    assert template.render(value="*x*", safe=SafeMarkdown("*y*")) == "&#42;x&#42; *y*"


def test_country_flag_and_code_for_a_country_only():
    from generator.render import country_flag

    assert country_flag("Iran") == "🇮🇷 IR "
    assert country_flag("United Nations") == ""
    assert country_flag(None) == ""


def _brief(number: int):
    from generator.model import Brief, Extraction

    month = 10 + number % 3
    return Brief(slug=f"brief-{number:03d}", title=f"Briefing {number}", date=f"2024-{month:02d}-{number % 28 + 1:02d}",
                 country=None, region=None, tags=(), status="published", sources=(), articles=(),
                 extraction=Extraction())


def test_the_home_page_lists_the_newest_briefings_and_the_archive_every_one_by_month():
    """#17: the home page listed every briefing (1.6 MB of HTML at 5,000)."""
    from generator.link import HOME_BRIEFINGS, link
    from generator.render import Renderer, render_pages

    site = link([_brief(number) for number in range(HOME_BRIEFINGS + 10)])
    pages = render_pages(site, Renderer(ROOT / "templates"))
    home = pages["index.md"]
    assert home.count("](briefings/brief-") == HOME_BRIEFINGS
    assert f"The newest {HOME_BRIEFINGS} of {HOME_BRIEFINGS + 10} briefings. Every briefing, by month:" in home
    assert "[2024-12](archive/2024-12.md) (20) · [2024-11](archive/2024-11.md) (20) · " \
           "[2024-10](archive/2024-10.md) (20)\n\nEvery briefing as data:" in home  # a paragraph of its own
    few = render_pages(link([_brief(number) for number in range(3)]), Renderer(ROOT / "templates"))["index.md"]
    assert "By month: [2024-12](archive/2024-12.md) · [2024-11](archive/2024-11.md) · " \
           "[2024-10](archive/2024-10.md)\n\nEvery briefing as data:" in few
    archived = [line for name, page in pages.items() if name.startswith("archive/") for line in page.splitlines()
                if "](../briefings/brief-" in line]
    assert len(archived) == HOME_BRIEFINGS + 10
    rows = [line for line in pages["archive/2024-12.md"].splitlines() if line.startswith("| 2024-")]
    assert len(rows) == 20 and rows == sorted(rows, reverse=True)  # newest first


def test_each_sentence_figures_come_from_is_listed_once_with_its_figures_in_order():
    from generator.model import Evidence, Figure
    from generator.render import figure_sentences

    both = Evidence("a.txt", 1, "A storm killed 107 and wounded 238.", 0, 10)
    other = Evidence("a.txt", 2, "It comes ten days before the Hajj.", 0, 10)
    figures = [Figure("107", 107, "people killed", evidence=both), Figure("ten days", 10, "day", evidence=other),
               Figure("238", 238, "people wounded", evidence=both), Figure("5,000", 5000, "pilgrims", manual=True)]
    assert figure_sentences(figures) == [("A storm killed 107 and wounded 238.", ["107", "238"]),
                                         ("It comes ten days before the Hajj.", ["ten days"])]


def test_figures_that_several_sources_count_alike_are_set_side_by_side():
    from generator.model import Evidence, Figure
    from generator.render import figure_comparisons

    def reported(text: str, unit: str, file: str) -> Figure:
        return Figure(text, None, unit, evidence=Evidence(file, 1, f"{text} …", 0, 3))

    figures = [reported("412", "people killed", "a.txt"), reported("238", "people wounded", "a.txt"),
               reported("over 400", "people killed", "b.txt"), reported("412", "people killed", "a.txt")]
    outlets = {"a.txt": "Wire A", "b.txt": "Wire B"}
    assert figure_comparisons(figures, outlets) == [("people killed", [("412", "Wire A"), ("over 400", "Wire B")])]
    assert figure_comparisons(figures, {}) == []  # one source: nothing to compare


def test_the_reactions_diagram_draws_an_arrow_from_each_reacting_actor_to_the_events_with_safe_labels():
    from generator.model import Reaction
    from generator.render import reactions_diagram

    reactions = [Reaction("Iran", "country", 'pledged "full" support <script>|end|'),
                 Reaction("United Nations", "organization", "called on all sides to protect civilians in and "
                          "around Aleppo and to allow aid convoys through")]
    assert reactions_diagram(reactions, "Syria") == "\n".join([
        "graph LR",
        '  events["🇸🇾 SY Syria"]',
        '  actor0["🇮🇷 IR Iran"] -->|"pledged full support scriptend"| events',
        '  actor1["United Nations"] -->|"called on all sides to protect civilians in and around…"| events'])
    assert reactions_diagram(reactions[:1], None).splitlines()[1] == '  events["The events"]'


def test_the_bottom_line_opens_the_page_escaped_says_who_wrote_it_and_is_not_repeated_by_the_summary():
    from dataclasses import replace

    from generator.link import link
    from generator.render import Renderer, render_pages

    lede = "Rebels took *Aleppo* <b>on Friday</b>."
    automatic = replace(_brief(1), extraction=replace(_brief(1).extraction, bottom_line=lede,
                                                      summary=[lede, "Iran pledged support."]))
    page = render_pages(link([automatic]), Renderer(ROOT / "templates"))["briefings/brief-001.md"]
    bottom, summary = page.split("## Summary", 1)
    assert f"<span data-search-exclude>Bottom line:</span> {escape_markdown(lede)}\n{{ .bottom-line }}" in bottom
    assert "<b>" not in page
    assert "Rebels took" not in summary.split("## Key actors")[0] and "Iran pledged support." in summary
    edited = replace(automatic, extraction=replace(automatic.extraction, bottom_line="Editors' line.",
                                                   bottom_line_edited=True))
    page = render_pages(link([edited]), Renderer(ROOT / "templates"))["briefings/brief-001.md"]
    editors_line = escape_markdown("Editors' line.")
    assert f"<span data-search-exclude>Bottom line, written by the editors:</span> {editors_line}" in page
    assert page.split("## Summary", 1)[1].split("## Key actors")[0].count("Rebels took") == 1


def test_the_same_words_from_two_outlets_are_shown_once_in_the_longer_wording_with_both_outlets():
    from generator.model import Evidence, Quote
    from generator.render import quote_reports

    def said(text: str, source: str) -> Quote:
        return Quote(text, "Geir Pedersen", Evidence(source, 0, "s", 0, 1))

    outlets = {"a.txt": "Wire A", "b.txt": "Wire B"}
    longer = said("the latest developments present severe risks to civilians", "a.txt")
    repeated = said("No comment.", "a.txt")
    reports = quote_reports([said("present severe risks to civilians.", "b.txt"), longer, repeated, repeated,
                             said("severe risks", "c.txt")], outlets)
    assert reports == [(longer, ["Wire B", "Wire A"]), (repeated, ["Wire A"]), (repeated, ["Wire A"]),
                       (said("severe risks", "c.txt"), [])]  # repeats within a source, and no outlet, stay
    assert quote_reports([said("risks to civilians", "a.txt"), said("civilian", "b.txt")], outlets)[1][1] == [
        "Wire B"]  # whole words only


def test_the_source_text_shows_the_standfirst_in_italics_and_escaped():
    from dataclasses import replace

    from generator.clean import clean_article
    from generator.link import link
    from generator.render import Renderer, render_pages

    article = clean_article("The army fled the city on Friday.", "page.html", headline="Army flees",
                            standfirst="Rebels took *the north* <b>in a week</b>.")
    page = render_pages(link([replace(_brief(1), articles=(article,))]),
                        Renderer(ROOT / "templates"))["briefings/brief-001.md"]
    source = page.split("## Source text", 1)[1]
    assert f"    *{escape_markdown('Rebels took *the north* <b>in a week</b>.')}*\n" in source
    assert "    The army fled the city on Friday.\n" in source and "<b>" not in page


def test_a_speaker_inferred_from_the_paragraph_before_says_so_with_the_words_escaped():
    from dataclasses import replace

    from generator.link import link
    from generator.model import Actor, Quote
    from generator.render import Renderer, render_pages

    quote = Quote("Not only can Ted Cruz win", "Richard Viguerie", inferred="context", reference="*Viguerie*")
    brief = replace(_brief(1), extraction=replace(_brief(1).extraction, quotes=[quote],
                                                  actors=[Actor("Richard Viguerie", "person", key=True)]))
    page = render_pages(link([brief]), Renderer(ROOT / "templates"))["briefings/brief-001.md"]
    note = f"*(speaker inferred: the sentence before is about “{escape_markdown('*Viguerie*')}”)*"
    assert note in page
