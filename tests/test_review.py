"""The review queue: which records an editor should look at, and a `match` that picks exactly that quote."""

from pathlib import Path

from generator.curate import curate
from generator.load.schema import parse_brief_config
from generator.model import Actor, Brief, Extraction, Quote
from generator.review import review, unique_match


def _brief(extraction: Extraction) -> Brief:
    return Brief(slug="b", title="T", date="2024-11-30", country=None, region=None, tags=(), status="published",
                 sources=(), articles=(), extraction=extraction)


def _picked(quotes: list[Quote], match: str, occurrence: int | None) -> list[int]:
    """The positions of the quotes that a `hide` edit with this match removes, as curation applies it."""
    line = f"  - match: {match!r}\n    hide: true\n" + (f"    occurrence: {occurrence}\n" if occurrence else "")
    config = parse_brief_config("title: T\ndate: 2024-11-30\nquotes:\n" + line, Path("brief.yml"), "brief.yml")
    kept = curate(Extraction(quotes=quotes), config, "brief.yml").quotes
    return [position for position, quote in enumerate(quotes) if quote not in kept]  # speakers tell them apart


def test_the_match_is_the_shortest_opening_of_five_words_or_more_that_no_other_quote_holds():
    quotes = [Quote("We will support the army of Syria to the end", "A"),
              Quote("We will support the army of Iraq as well", "B")]
    assert unique_match(quotes, quotes[1]) == ("We will support the army of Iraq", None)
    assert _picked(quotes, "We will support the army of Iraq", None) == [1]


def test_a_quote_inside_another_is_picked_by_its_whole_text_and_a_repeated_one_by_its_occurrence():
    quotes = [Quote("Foreign interference", "A"), Quote("We reject foreign interference in Syria", "B"),
              Quote("Foreign interference", "C")]
    assert unique_match(quotes, quotes[2]) == ("Foreign interference", 3)
    assert _picked(quotes, "Foreign interference", 3) == [2]
    single = quotes[:2]
    assert unique_match(single, single[0]) == ("Foreign interference", None)
    assert _picked(single, "Foreign interference", None) == [0]


def test_settled_records_leave_the_queue():
    """A speaker the editors set, a country given in brief.yml and a kind that rests on evidence are not listed;
    a named speaker is not either."""
    settled = Extraction(
        quotes=[Quote("We will never give up on our city", "A", edited=True),
                Quote("The army will hold every street of it", "B")],
        actors=[Actor("Aron Lund", "person", key=True), Actor("Kim Jong-un", "person", key=False,
                                                               kind_guessed=True)],
        country="Syria", country_inferred=False)
    assert review(_brief(settled)) == []


def test_a_speaker_inferred_from_the_paragraph_before_is_queued_with_the_reason():
    inferred = Extraction(quotes=[Quote("Not only can Ted Cruz win in November", "Richard Viguerie",
                                        inferred="context", reference="Viguerie")])
    [item] = review(_brief(inferred))
    assert item.what == ("quote given to Richard Viguerie because the sentence before is about “Viguerie”: "
                         "“Not only can Ted Cruz win in November”")
    assert item.lines[-1] == '  speaker: "Richard Viguerie"  # confirms it; or the name of the actor who said it'
