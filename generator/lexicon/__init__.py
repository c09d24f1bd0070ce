"""Word lists as data, kept apart from the logic that uses them (like trafilatura's xpaths.py).

Each list lives in a text file beside this module; this module only reads and indexes them, once. Every loader
is cached and returns a value nobody can change (tuples, frozensets, read-only mappings): the lists are shared by
every article of a process.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    other_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    code: str | None = None  # ISO 3166-1 alpha-2

    @property
    def flag(self) -> str:
        """The flag emoji: the code's two letters as regional indicator symbols."""
        return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in self.code) if self.code else ""


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    other_names: tuple[str, ...]
    international: bool
    country: str | None = None
    state_body: bool = False  # a government body that speaks for its country (State Department, IDF)
    company: bool = False  # a platform or company: an actor only where it acts, not as a medium ("on Twitter")


def _rows(filename: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _lines(filename: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(row[0].strip() for row in _rows(filename)))


@cache
def countries() -> tuple[Country, ...]:
    padded = (row + [""] * (5 - len(row)) for row in _rows("countries.tsv"))
    return tuple(Country(r[0].strip(), _split(r[1]), _split(r[2]), _split(r[3]), r[4].strip() or None)
                 for r in padded)


@cache
def us_states_written_short() -> Mapping[str, str]:
    """A US state's postal code ("CA") and its Associated Press abbreviation without the period ("Calif") ->
    the state's name."""
    index: dict[str, str] = {}
    for code, abbreviation, name in (row + [""] * (3 - len(row)) for row in _rows("us_states.tsv")):
        index[code.strip()] = name.strip()
        if abbreviation.strip():
            index[abbreviation.strip().rstrip(".")] = name.strip()
    return MappingProxyType(index)


@cache
def us_state_names() -> frozenset[str]:
    """Every way `us_states.tsv` writes a state: its name, its postal code, its AP abbreviation without the
    period."""
    return frozenset(us_states_written_short()) | frozenset(us_states_written_short().values())


@cache
def organizations() -> tuple[Organization, ...]:
    padded = (row + [""] * (4 - len(row)) for row in _rows("organizations.tsv"))
    return tuple(Organization(r[0].strip(), _split(r[1]), r[2].strip() == "international", r[3].strip() or None,
                              r[2].strip() == "state", r[2].strip() == "company") for r in padded)


@cache
def country_by_surface() -> Mapping[str, tuple[Country, str]]:
    """Every written form of a country -> (country, how it is written: name, demonym or capital)."""
    index: dict[str, tuple[Country, str]] = {}
    for country in countries():
        for capital in country.capitals:
            index.setdefault(capital.casefold(), (country, "capital"))
        for demonym in country.demonyms:
            index.setdefault(demonym.casefold(), (country, "demonym"))
        for name in (country.name, *country.other_names):
            index[name.casefold()] = (country, "name")
            # A name cleaned of its final period ("U.S." at the end of a sentence) is still the name.
            index.setdefault(name.casefold().rstrip("."), (country, "name"))
    # After every listed name, so that a formal name the lexicon lists itself wins ("Republic of China").
    forms = [form.casefold() for form in word_list("state_forms")]
    for country in countries():
        for name in (country.name, *country.other_names):
            for formal in _formal_names(name, forms):
                index.setdefault(formal, (country, "name"))
    return MappingProxyType(index)


def _formal_names(name: str, forms: list[str]) -> list[str]:
    """The formal names a country's name takes with the state `forms` ("Republic of Colombia", "Kingdom of the
    Netherlands"), and a formal name written without its "the" ("Democratic Republic of Congo"), in lower
    case."""
    folded = name.casefold()
    if " of the " in folded:
        return [folded.replace(" of the ", " of ", 1)]
    if not re.fullmatch(r"[^\W\d_]+(?:[ -][^\W\d_]+)*", folded) or folded.startswith("the "):
        return []  # an abbreviation ("U.S.") has no formal name
    return [f"{form} of {article}{folded}" for form in forms for article in ("", "the ")]


@cache
def organization_by_surface() -> Mapping[str, Organization]:
    index: dict[str, Organization] = {}
    for organization in organizations():
        for name in (organization.name, *organization.other_names):
            index[name.casefold()] = organization
    # A name cleaned of its final period ("the U.N." at the end of a sentence, or as every mention is cleaned)
    # is still the name, as a country's is; a name the lexicon lists itself wins.
    for name, organization in list(index.items()):
        index.setdefault(name.rstrip("."), organization)
    return MappingProxyType(index)


@cache
def speech_verbs() -> frozenset[str]:
    return frozenset(_lines("speech_verbs.txt"))


@cache
def titles() -> tuple[str, ...]:
    """Titles, longest first, so that "Foreign Minister" is tried before "Minister"."""
    return tuple(sorted(dict.fromkeys((*_lines("honorifics.txt"), *_lines("titles.txt"))), key=len, reverse=True))


@cache
def title_words() -> frozenset[str]:
    """Every word of every title ("Foreign", "Minister", ...)."""
    return frozenset(word for title in titles() for word in title.split())


@cache
def office_nouns() -> frozenset[str]:
    """Nouns of an office of a government or an international body: person_nouns.txt and office_words.txt."""
    return word_set("person_nouns") | word_set("office_words")


@cache
def news_agencies() -> frozenset[str]:
    return frozenset(name.casefold() for name in _lines("news_agencies.txt"))


@cache
def qualifiers() -> tuple[tuple[str, str], ...]:
    """(words before a number, normalised qualifier), longest phrase first."""
    pairs = ((row[0].strip(), row[1].strip()) for row in _rows("qualifiers.tsv"))
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


@cache
def reaction_verbs() -> frozenset[str]:
    """Verbs of reacting (condemn, welcome, strike, ...) together with every speech verb."""
    return frozenset(_lines("reaction_verbs.txt")) | speech_verbs()


@cache
def event_nouns() -> frozenset[str]:
    return frozenset(_lines("event_nouns.txt"))


@cache
def place_nouns() -> Mapping[str, str]:
    """Nouns that make the name before them a place, with their kind: "area" or "facility"."""
    return MappingProxyType({row[0].strip(): row[1].strip() for row in _rows("place_nouns.tsv")})


@cache
def country_named(name: str) -> Country | None:
    """The country whose canonical name is `name`."""
    return next((country for country in countries() if country.name == name), None)


@cache
def ruler_exclusions() -> frozenset[str]:
    """Names the entity ruler must not force (also personal names or common words: Jordan, Chad, Male)."""
    return frozenset(_lines("ruler_exclusions.txt"))


@cache
def units() -> frozenset[str]:
    """Units of measurement as written after a number ("5 W", "0.03 millimeter", "570 sq m")."""
    return frozenset(_lines("units.txt"))


@cache
def facility_words() -> frozenset[str]:
    """Last words of a name that make it a facility ("Shandao Station"); several-word entries end a name too."""
    return frozenset(_lines("facility_words.txt"))


@cache
def exchange_words() -> Mapping[str, frozenset[str]]:
    """Words after which a country with "to" receives ("aid to Ukraine") or with "from" gives or sends
    ("teams from Sudan", "support from Iran"): {"to": lemmas, "from": lemmas}."""
    rows = _rows("exchange_words.tsv")
    return MappingProxyType({preposition: frozenset(row[0].strip() for row in rows if row[1].strip() == preposition)
                             for preposition in ("to", "from")})


@cache
def vessel_prefixes() -> tuple[str, ...]:
    """Words that open a ship's or spacecraft's name ("USS Carney", "Space Shuttle Discovery")."""
    return _lines("vessel_prefixes.txt")


@cache
def organization_words() -> frozenset[str]:
    """Head words of an organisation's name, in lower case ("ministry", "party", "service")."""
    return frozenset(row[0].strip() for row in _rows("organization_words.tsv"))


@cache
def state_body_words() -> frozenset[str]:
    """The organisation words that head a state body ("department", "service"; not "party")."""
    return frozenset(row[0].strip() for row in _rows("organization_words.tsv") if row[1:] and row[1].strip() == "state")


# Generic loaders for the lists that need no index of their own: `<name>.txt` holds one word a line,
# `<name>.tsv` a word and its value a line; the first lines of each file say what the list decides.

@cache
def function_word_languages() -> Mapping[str, tuple[str, ...]]:
    """Each function word -> the languages that use it (function_words.tsv): "de" counts for French, Spanish,
    Portuguese and Dutch alike, and their other words tell them apart."""
    index: dict[str, tuple[str, ...]] = {}
    for row in _rows("function_words.tsv"):
        for word in map(str.casefold, _split(row[1])):
            index[word] = (*index.get(word, ()), row[0].strip())
    return MappingProxyType(index)


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(_lines(f"{name}.txt"))


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The words in file order, for the lists whose order matters (an alternation tried left to right)."""
    return _lines(f"{name}.txt")


@cache
def word_map(name: str) -> Mapping[str, str]:
    return MappingProxyType({row[0].strip(): row[1].strip() for row in _rows(f"{name}.tsv")})


@cache
def number_map(name: str) -> Mapping[str, int | float]:
    """Words with a number: an integer unless written with a decimal point."""
    return MappingProxyType({row[0].strip(): float(row[1]) if "." in row[1] else int(row[1])
                             for row in _rows(f"{name}.tsv")})


@cache
def known_places() -> frozenset[str]:
    """Every place name the gazetteer knows, case-folded: GeoNames cities of 15,000 people or more, US states,
    continents (`gazetteer.tsv`), regions, seas and provinces (`regions.tsv`), and countries with their
    capitals. The model's label is checked against it where only the context would make a name a place."""
    names = {row[0].strip().casefold() for row in _rows("gazetteer.tsv")}
    names |= {row[0].strip().casefold() for row in _rows("regions.tsv")}
    for country in countries():
        names |= {name.casefold() for name in (country.name, *country.other_names, *country.capitals)}
    return frozenset(names)


@cache
def party_names() -> Mapping[str, tuple[str, str]]:
    """Words for a party (its adjective or its members) -> (party, its country)."""
    return MappingProxyType({row[0].strip(): (row[1].strip(), row[2].strip()) for row in _rows("party_names.tsv")})
