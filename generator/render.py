"""Rendering: Jinja2 templates -> Markdown pages, with every value escaped.

The environment escapes by default: any value a template prints is passed through `escape_markdown` unless a
filter has already made it safe (`SafeMarkdown`). So article text such as `<script>`, `{{ x }}`, `|`, `*` or
`[a](javascript:alert(1))` always lands on the page as literal text.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from . import lexicon
from .export import csv_tables, feeds
from .link import Site
from .model import Brief, Figure, Quote, Reaction, as_plain, same_words
from .settings import Publication

# Characters with a meaning in Markdown, HTML or the Markdown extensions the site enables.
_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#|&~^=+]")
_ORDERED_LIST_START = re.compile(r"^(\d+)([.)])(?=\s|$)")
# Whatever escape_markdown would change: a special character, a run of spaces or any other white space, or a
# start that opens a list. Most values (names, places, numbers) have none and are returned as they are, which
# halves the cost of rendering an archive's pages.
_NEEDS_ESCAPING = re.compile(r"[\\`*_{}\[\]<>#|&~^=+]|[^\S ]|  |^[-\d]")


class SafeMarkdown(str):
    """Text that is already valid, escaped Markdown."""

    __slots__ = ()


def _entity(match: re.Match[str]) -> str:
    return f"&#{ord(match.group(0))};"


def escape_markdown(value: Any) -> SafeMarkdown:
    """Article or editor text as literal inline Markdown: special characters become HTML entities, and line
    breaks become spaces (a value never opens a new block)."""
    if isinstance(value, SafeMarkdown):
        return value
    if value is None:
        return SafeMarkdown("")
    text = str(value)
    return SafeMarkdown(_escaped(text) if _NEEDS_ESCAPING.search(text) else text)


def _escaped(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = _SPECIAL.sub(_entity, text)
    # At the start of a line, "1." and "-" would open a list.
    text = _ORDERED_LIST_START.sub(lambda m: m.group(1) + f"&#{ord(m.group(2))};", text)
    if text.startswith("-"):
        text = "&#45;" + text[1:]
    return text


def safe_url(value: str | None) -> SafeMarkdown:
    """A link target that can only be http(s) or relative; anything else (javascript:, data:) becomes '#'."""
    if not value:
        return SafeMarkdown("#")
    scheme = urlsplit(value).scheme.lower()
    if scheme not in ("", "http", "https") or value.strip().lower().startswith(("javascript", "data")):
        return SafeMarkdown("#")
    return SafeMarkdown(quote(value, safe=":/?#[]@!$&'*+,;=%-._~"))


def yaml_string(value: Any) -> SafeMarkdown:
    """A value for the page's YAML front matter (a JSON string is valid YAML). The theme prints front-matter
    values into the HTML head and the search index without escaping them, so they are HTML-escaped here."""
    text = html.escape(" ".join(str(value or "").split()), quote=True)
    return SafeMarkdown(json.dumps(text, ensure_ascii=False))


def country_flag(name: str | None) -> SafeMarkdown:
    """The country's flag and ISO code before its name ("🇮🇷 IR"), or nothing for a body that is no country."""
    country = lexicon.country_named(name or "")
    if country is None or not country.code:
        return SafeMarkdown("")
    return SafeMarkdown(f"{country.flag} {country.code} ")


@pass_context
def _site_flag(context: Context, name: str | None) -> SafeMarkdown:
    """The flag of the country a name stands for on this site: a renamed country keeps its own."""
    site = context.get("site")
    return country_flag(site.country_identity(name) if isinstance(site, Site) and name else name)


def unindexed(value: Any) -> SafeMarkdown:
    """The value shown on the page and left out of the search index (Material skips any element marked so)."""
    text = escape_markdown(value)
    return SafeMarkdown(f"<span data-search-exclude>{text}</span>" if text else "")


def _finalize(value: Any) -> Any:
    return escape_markdown(value) if not isinstance(value, SafeMarkdown) else value


def _number(value: Any) -> SafeMarkdown:
    if value is None:
        return SafeMarkdown("—")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return SafeMarkdown(f"{value:,}" if isinstance(value, int) else str(value))


# Search weight of actor and country pages against briefings (Material's per-page `search.boost`): Material
# weighs a title match 1,000 times a text match, and these pages' titles are bare names, so at weight 1 the page
# of "United Kingdom" outranked the North Korea briefing for "Kim Jong-un" (its "un"). At this weight a title
# match counts about as much as one match in a briefing's text. Measured with the browser queries in
# tests/test_site.py.
CROSS_PAGE_SEARCH_BOOST = 0.001


def make_environment(templates_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=False,
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = escape_markdown
    env.filters["quoted"] = lambda value: SafeMarkdown(escape_markdown(value).replace('"', "&#34;"))
    env.filters["url"] = safe_url
    env.filters["yaml"] = yaml_string
    env.filters["number"] = _number
    env.filters["flag"] = _site_flag
    env.filters["unindexed"] = unindexed
    env.globals["site_page_boost"] = SafeMarkdown(str(CROSS_PAGE_SEARCH_BOOST))
    env.globals["reactions_diagram"] = reactions_diagram
    return env


def source_outlets(brief: Brief) -> dict[str, str]:
    """For a briefing of several sources: each source file's outlet (its file name when it names none), so that
    every quote and figure can say who reported it. Empty for one source: the page header says it."""
    if len(brief.sources) < 2:
        return {}
    return {source.file: source.outlet or source.file for source in brief.sources}


def quote_reports(quotes: list[Quote], outlets: dict[str, str]) -> list[tuple[Quote, list[str]]]:
    """One speaker's quotes, each with the outlets that report it. In a briefing of several sources the same
    words carried by two outlets, or one outlet's shorter cut of another's, are shown once, in the longer
    wording, with both outlets. Repeats within one source stay: the article itself says them twice."""
    reports: list[tuple[Quote, list[str]]] = []
    for said in quotes:
        outlet = outlets.get(said.evidence.source_file) if said.evidence else None
        for index, (kept, kept_outlets) in enumerate(reports):
            if not outlet or not kept_outlets or outlet in kept_outlets:
                continue
            inside = same_words(said.text, kept.text)
            if inside or same_words(kept.text, said.text):
                reports[index] = (kept if inside else said, [*kept_outlets, outlet])
                break
        else:
            reports.append((said, [outlet] if outlet else []))
    return reports


def figure_comparisons(figures: list[Figure], outlets: dict[str, str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """What several sources count alike, side by side: for each unit ("people killed") that figures of two
    sources or more measure, each source's figures, in the order of the figures."""
    by_unit: dict[str, list[tuple[str, str]]] = {}
    for figure in figures:
        if figure.unit and figure.evidence and figure.evidence.source_file in outlets:
            report = (figure.text, outlets[figure.evidence.source_file])
            if report not in by_unit.setdefault(figure.unit, []):
                by_unit[figure.unit].append(report)
    return [(unit, reports) for unit, reports in by_unit.items() if len({outlet for _, outlet in reports}) > 1]


DIAGRAM_LABEL_CHARACTERS = 60  # an edge label of about one line at the page's width; the clause is below it
_DIAGRAM_UNSAFE = re.compile(r"[^\w\s.,:;'’()/-]")


def _diagram_label(text: str, limit: int = DIAGRAM_LABEL_CHARACTERS) -> str:
    """Text for a quoted Mermaid label: whatever could end the label or start markup dropped, words kept."""
    text = " ".join(_DIAGRAM_UNSAFE.sub("", text).split())
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def reactions_diagram(reactions: list[Reaction], country: str | None) -> SafeMarkdown:
    """The Mermaid source of who reacted to the events: an arrow from each reacting country or body to the
    country of the events, labelled with the start of its position."""
    target = f"{country_flag(country)}{_diagram_label(country)}" if country else "The events"
    lines = ["graph LR", f'  events["{target}"]']
    for number, reaction in enumerate(reactions):
        actor = f"{country_flag(reaction.actor)}{_diagram_label(reaction.actor)}"
        lines.append(f'  actor{number}["{actor}"] -->|"{_diagram_label(reaction.position)}"| events')
    return SafeMarkdown("\n".join(lines))


def figure_sentences(figures: list[Figure]) -> list[tuple[str, list[str]]]:
    """Each sentence that figures come from, once, with those figures, in the order of the figures."""
    by_sentence: dict[str, list[str]] = {}
    for figure in figures:
        if figure.evidence:
            by_sentence.setdefault(figure.evidence.sentence, []).append(figure.text)
    return list(by_sentence.items())


class Renderer:
    def __init__(self, templates_dir: Path):
        self.env = make_environment(templates_dir)

    def _render(self, template: str, **context: Any) -> str:
        text = self.env.get_template(template).render(**context)
        return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"

    def brief(self, brief: Brief, site: Site) -> str:
        data = brief.extraction
        outlets = source_outlets(brief)
        speakers: dict[str | None, list] = {}
        for item in data.quotes:
            speakers.setdefault(item.speaker, []).append(item)
        grouped = sorted(((speaker, quote_reports(quotes, outlets)) for speaker, quotes in speakers.items()),
                         key=lambda item: (item[0] is None, -len(item[1]), item[0] or ""))
        return self._render("briefing.md.j2", brief=brief, data=data, site=site, quote_groups=grouped,
                            figure_sentences=figure_sentences(data.figures), outlets=outlets,
                            figure_comparisons=figure_comparisons(data.figures, outlets),
                            key_actors=[a for a in data.actors if a.key],
                            other_actors=[a for a in data.actors if not a.key])

    def broken(self, slug: str, problems: list[str]) -> str:
        """The page of a brief that has never built in this preview: its problems instead of a 404."""
        return self._render("broken.md.j2", slug=slug, problems=problems)

    def home(self, site: Site) -> str:
        return self._render("index.md.j2", site=site)

    def actor(self, page, site: Site) -> str:
        return self._render("actor.md.j2", page=page, site=site)

    def country(self, page, site: Site) -> str:
        return self._render("country.md.j2", page=page, site=site)

    def story(self, page, site: Site) -> str:
        return self._render("story.md.j2", page=page, site=site)

    def tag(self, page, site: Site) -> str:
        return self._render("tag.md.j2", page=page, site=site)

    def month(self, month: str, briefs: list[Brief], site: Site) -> str:
        return self._render("month.md.j2", month=month, briefs=briefs, site=site)

    def listing(self, kind: str, site: Site) -> str:
        return self._render(f"{kind}_index.md.j2", site=site)


def render_pages(site: Site, renderer: Renderer, publication: Publication | None = None) -> dict[str, str]:
    """Every generated file of the site, by path relative to docs_dir."""
    pages = {"index.md": renderer.home(site)}
    for brief in site.briefs:
        pages[f"briefings/{brief.slug}.md"] = renderer.brief(brief, site)
        pages[f"data/{brief.slug}.json"] = export_json(brief)
    for kind, entries, render in (
        ("actors", site.actors, renderer.actor),
        ("countries", site.countries, renderer.country),
        ("tags", site.tags, renderer.tag),
        ("stories", site.stories, renderer.story),
    ):
        pages[f"{kind}/index.md"] = renderer.listing(kind, site)
        for slug, page in entries.items():
            pages[f"{kind}/{slug}.md"] = render(page, site)
    for month, briefs in site.months.items():
        pages[f"archive/{month}.md"] = renderer.month(month, briefs, site)
    pages["data/briefings.json"] = _dump([
        {"slug": b.slug, "title": b.title, "date": b.date, "country": b.extraction.country, "tags": list(b.tags),
         "status": b.status, "data": f"{b.slug}.json"}
        for b in site.briefs
    ])
    pages.update(csv_tables(site))
    pages.update(feeds(site, publication or Publication()))
    return pages


def export_json(brief: Brief) -> str:
    return _dump({
        "slug": brief.slug,
        "title": brief.title,
        "date": brief.date,
        "region": brief.region,
        "tags": list(brief.tags),
        "status": brief.status,
        "sources": [as_plain(source) for source in brief.sources],
        **brief.extraction.as_dict(),
    })


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
