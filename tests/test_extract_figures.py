"""Figures: each test states the phrase and the exact record expected."""

import pytest

from generator.extract.figures import extract_figures, parse_value
from tests.helpers import analysed


def figures_of(text: str) -> list[tuple[str, object, str | None, str | None]]:
    return [(f.text, f.value, f.unit, f.qualifier) for f in extract_figures(analysed(text))]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The strikes killed nine civilians in Idlib.", [("nine civilians", 9, "civilians killed", None)]),
    ("The fighting caused over 412 deaths.", [("over 412 deaths", 412, "people killed", "over")]),
    ("Strikes killed at least 61 civilians.", [("at least 61 civilians", 61, "civilians killed", "at least")]),
    ("Nine civilians were reported injured on Monday.", [("Nine civilians", 9, "civilians injured", None)]),
    ("The health ministry said 74,518 injured were counted.", [("74,518 injured", 74518, "people injured", None)]),
    ("The death toll has risen to 32,226 in Gaza.", [("32,226", 32226, "people killed", None)]),
    ("The floods forced thousands to flee their homes.", [("thousands", None, "people fled", "vague")]),
    ("The pledge is 10 times the current one.", [("10 times", 10, "times", None)]),
    ("Stocks fell 1.3 per cent on Monday.", [("1.3 per cent", 1.3, "percent (Stocks)", None)]),
    ("Turnout was 58 percent of registered voters.", [("58 percent", 58, "percent of registered voters", None)]),
    ("The shanghai composite index gained 0.6% on Monday.",
     [("0.6%", 0.6, "percent (shanghai composite index)", None)]),
    ("The film sold 2.7m copies.", [("2.7m copies", 2_700_000, "copies", None)]),
    ("Prices fell by -1.3% this week.", [("-1.3%", -1.3, "percent (Prices)", None)]),
    ("Officials said over 900 asylum seekers were rescued.",
     [("over 900 asylum seekers", 900, "asylum seekers", "over")]),
    ("Hama lies about 230km south of Aleppo.", [("about 230km", 230, "km", "about")]),
    ("Rebels captured dozens of towns.", [("dozens of towns", None, "towns", "vague")]),
    ("The US keeps hundreds of troops there.", [("hundreds of troops", None, "troops", "vague")]),
    ("Israel said Iran launched 320 warheads.", [("320 warheads", 320, "warheads", None)]),
    ("Air defences shot down 99% of them.", [("99%", 99, "percent", None)]),
    ("Risk fell to .001 per cent.", [(".001 per cent", 0.001, "percent (Risk)", None)]),
    ("The fund will need $100 billion a year.", [("$100 billion", 100_000_000_000, "dollars", None)]),
    ("The war had seen two months of intense conflict.", [("two months", 2, "month", None)]),
])
def test_figure_records(sentence, expected):
    assert figures_of(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Rebels have controlled the city since 2016.",
    "The council endorsed UNSCR 2254 in a vote.",
    "The G7 met on Sunday in Rome.",
    "Hama is Syria's fourth-largest city.",
    "One of them was injured in the attack.",
    "The iPhone 12 has a larger screen.",
    "The Boeing 737 Max was grounded.",
    "Traders watched the Nasdaq 100 closely.",
    "Shells fell near the civil police posts 542 and 543 on Thursday.",
])
def test_not_figures(sentence):
    assert figures_of(sentence) == []


def test_a_number_after_a_noun_that_counts_the_next_word_is_a_figure():
    assert [text for text, *_ in figures_of("The bank raised rates 25 basis points.")] == ["25 basis points"]


def test_a_range_has_no_single_value():
    assert figures_of("Heavy weapons will be withdrawn 50-140 km from the line.") == [
        ("50-140 km", None, "km", "range")]


@pytest.mark.parametrize(("text", "value"), [
    ("two-thirds", pytest.approx(2 / 3)), ("a third", pytest.approx(1 / 3)), ("-1.3", -1.3),
    ("5,100", 5100), ("1.5", 1.5), ("nine", 9), ("twenty-one", 21), ("two million", 2_000_000),
    ("$7.5 billion", 7_500_000_000), ("a decade", 1), ("three hundred", 300), ("words only", None),
])
def test_parse_value(text, value):
    assert parse_value(text) == value


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Screen sizes remain 5.4 inches, 6.1 inches and 6.7 inches for the three models.",
     [("5.4 inches", 5.4, "inches", None), ("6.1 inches", 6.1, "inches", None), ("6.7 inches", 6.7, "inches", None),
      ("three models", 3, "models", None)]),
    ("Drivers enjoy the Lamborghini's 640bhp 5.2 litre V10 engine.",
     [("640bhp", 640, "bhp", None), ("5.2 litre", 5.2, "litre", None)]),
    ("In Europe: Stoxx 50 -1.3% FTSE -0.6% CAC -1.7%.",
     [("-1.3%", -1.3, "percent", None), ("-0.6%", -0.6, "percent (FTSE)", None),
      ("-1.7%", -1.7, "percent (CAC)", None)]),
    ("Key improvements included an additional 15 miles of range.", [("an additional 15 miles", 15, "miles", None)]),
])
def test_numbers_the_model_joins_are_separate_figures(sentence, expected):
    assert figures_of(sentence) == expected


def test_numbers_joined_by_a_range_word_stay_one_range():
    assert figures_of("Analysts expect a 5% to 10% improvement.") == [
        ("5% to 10%", None, "percent improvement", "range")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("It marked a record with sales of 5835 units.", [("5835 units", 5835, "units", None)]),
    ("The 1520 sq m medical centre is leased.", [("1520 sq m", 1520, "sq m", None)]),
    ("The tablet comes with a 5 W charger.", [("5 W", 5, "W", None)]),
    ("Heineken Malaysia rose to RM23.50.", [("RM23.50", 23.5, "ringgit", None)]),
    ("Qantas wants $4.2b from the government.", [("$4.2b", 4_200_000_000, "dollars", None)]),
    ("The nozzle height was ~1.2mm above the bed.", [("~1.2mm", 1.2, "mm", "about")]),
    ("The skeleton is 37m long.", [("37m", 37, "m", None)]),
    ("Revenue grew more than sixfold last year.", [("more than sixfold", 6, "times", "over")]),
    ("A third of those screened were obese.", [("A third", pytest.approx(1 / 3), "those", None)]),
    ("Thomas Sam, 42, and his wife are on trial.", [("42", 42, "years of age (Thomas Sam)", None)]),
])
def test_numbers_the_model_mislabels_or_misses(sentence, expected):
    assert figures_of(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "On Wall St at 1.56pm the market was quiet.",
    "The history of the 22nd amendment is partisan.",
    "Tesla showed a Model S running a 1:36.6 lap.",
    "Fees rose by up to £24 a year.",
])
def test_clock_times_ordinals_and_rates_are_not_figures(sentence):
    assert all(f[0] not in ("1.56pm", "22nd", "1:36.6", "a year") for f in figures_of(sentence))


def test_a_year_before_a_one_letter_word_stays_a_year():
    assert figures_of("The law passed in 2014 A new rule followed.") == []


def test_a_number_too_large_for_a_float_has_no_value_instead_of_crashing():
    assert parse_value("9" * 309) is None


def test_a_number_too_large_for_a_float_is_no_figure_and_no_crash():
    """Finding 3 of #16: 309 digits raised OverflowError and stopped every command."""
    huge = "9" * 309
    assert parse_value(huge) is None
    assert all(value != float("inf") for _, value, _, _ in figures_of(f"The fine was {huge} dollars, a court said."))


def test_a_run_of_spaces_after_a_number_is_no_unit_and_no_crash():
    """Found by tests/test_properties.py with 10,000 examples: the unit was a whitespace token and
    `_with_event` raised IndexError."""
    assert all(unit is None or unit.strip() for _, _, unit, _ in figures_of("00  200 km"))


@pytest.mark.parametrize(("sentence", "expected"), [
    # "from X to Y" is a change between two figures; "X to Y" alone is a range, even when the model labels the
    # two numbers apart.
    ("Seoul expects producers to raise efficiency from 23% to 35%.",
     [("23%", 23, "percent", None), ("35%", 35, "percent", None)]),
    ("The jet is a variant, seating 242 to 330 passengers.",
     [("242 to 330 passengers", None, "passengers", "range")]),
    # A fraction in digits.
    ("Benchmark notes last rose 7/32 in price.", [("7/32", 0.21875, None, None)]),
    # A product's designation is no figure, wherever the article uses it.
    ("Emirates will buy 30 of Boeing's 787-9 Dreamliner jets and 50 Airbus A350-900 jets. The 777 program and "
     "the 777x jets were delayed.", [("30", 30, "jets", None), ("50 Airbus A350-900 jets", 50, "jets", None)]),
    # "one" introducing an unnamed source counts nothing; "one person" does.
    ("One Washington-based trade expert said the deal was hard. One person died.",
     [("One person", 1, "person", None)]),
])
def test_changes_ranges_fractions_designations_and_indefinite_sources(sentence, expected):
    assert figures_of(sentence) == expected


def test_a_proper_fraction_in_digits_has_its_value_and_a_date_like_pair_none():
    assert parse_value("1-1/2") == 1.5
    assert parse_value("7/32") == 0.21875
    assert parse_value("20/11") == 20  # not a proper fraction: read as before, the first number


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The talks lasted two and a half hours.", ("two and a half hours", 2.5, "hour", None)),
    ("He served 3 1/2 years in prison.", ("3 1/2 years", 3.5, "year", None)),
    ("The two could agree to end a near 1-1/2 year trade war.", ("1-1/2 year", 1.5, "year", None)),
    ("But more than a year and a half into the trade war, no deal was signed.",
     ("more than a year and a half", 1.5, "year", "over")),
])
def test_a_duration_with_a_fraction_counts_it(sentence, expected):
    assert expected in figures_of(sentence)


def test_and_a_half_is_added_before_a_scale_word():
    assert parse_value("two and a half million") == 2_500_000


@pytest.mark.parametrize("sentence", [
    'China said it is committed to the "one country, two systems" formula granting Hong Kong autonomy.',
    "U.S. crude CLc1 rose in early trading on Tuesday.",
])
def test_numbers_in_a_quoted_label_or_an_instrument_code_are_no_figures(sentence):
    assert figures_of(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("They were twice denied visas to enter the United States.", [("twice", 2, "times (denied visas)", None)]),
    ("The boat was turned around twice, toward Malaysia.", [("twice", 2, "times (turned around)", None)]),
    ("Clinton had more than twice the number of delegates.", [("more than twice", 2, "times", "over")]),
    ("They would think twice about moving jobs.", []),
])
def test_twice_counts_how_many_times_something_happened_or_a_multiple(sentence, expected):
    assert figures_of(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("It also must be returned within twenty working days.", ("twenty working days", 20, "day", None)),
    ("It lasted 24 consecutive hours.", ("24 consecutive hours", 24, "hour", None)),
])
def test_a_word_between_a_number_and_a_unit_of_time_leaves_the_duration_whole(sentence, expected):
    assert expected in figures_of(sentence)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Boeing attracted bids for some 60 of the embattled 737 Max jet from SunExpress.",
     ("some 60", 60, "jet", "about")),
    ("Emirates agreed to purchase 30 of Boeing's 787-9 Dreamliner jets.", ("30", 30, "jets", None)),
])
def test_a_partitive_counts_the_noun_its_whole_phrase_modifies(sentence, expected):
    assert expected in figures_of(sentence)


def test_a_number_counts_its_noun_across_a_model_designation():
    assert ("50 Airbus A350-900 jets", 50, "jets", None) in figures_of(
        "It announced an order of 50 Airbus A350-900 jets on Monday.")
