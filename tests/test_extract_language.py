"""Language: an article the English model cannot read gives no names, and says so."""

from generator.extract import extract_analysed
from generator.extract.language import language_of
from tests.helpers import analysed

# Written for these tests: a short wire story in German, and the same in Russian.
GERMAN = (
    "Berlin erhöht die Hilfe für die Ukraine\n\n"
    "Die Bundesregierung hat am Dienstag angekündigt, dass sie die Hilfe für die Ukraine im nächsten Jahr auf "
    "acht Milliarden Euro erhöhen wird. Das sagte Finanzminister Jörg Kukies in Berlin. Die Opposition "
    "kritisierte, dass die Mittel nicht ausreichen würden und dass die Regierung zu spät handle. Der Bundestag "
    "wird über den Haushalt im Dezember abstimmen, und auch die Länder sollen bei der Aufnahme von Flüchtlingen "
    "mehr Geld erhalten."
)
RUSSIAN = "Правительство объявило во вторник, что увеличит помощь беженцам в следующем году."


def test_the_language_of_an_article_is_told_by_its_function_words_or_its_script():
    assert language_of("The government said on Tuesday that it would raise aid to refugees next year.") == "English"
    assert language_of(GERMAN) == "German"
    assert language_of(RUSSIAN) == "Cyrillic script"
    assert language_of("北京市政府周二宣布，明年将增加对难民的援助。") == "Chinese characters"
    assert language_of("政府は火曜日に、来年は難民への支援を増やすと発表しました。") == "Japanese kana"


def test_an_english_article_quoting_another_language_is_english():
    text = ("The crowd chanted “la lutte continue, le peuple est dans la rue” as the minister of the interior "
            "said that the police would not use force against the protesters in the capital.")
    assert language_of(text) == "English"


def test_a_few_words_of_another_language_are_too_little_to_tell():
    assert language_of("Calendário da Stock Car 2018: 10 de março, Interlagos; 8 de abril, Curitiba") == "English"


def test_an_article_in_another_language_gives_nothing_and_says_it_was_not_read():
    extraction = extract_analysed(analysed(GERMAN))
    assert (extraction.actors, extraction.places, extraction.quotes, extraction.figures, extraction.reactions,
            extraction.summary, extraction.bottom_line) == ([], [], [], [], [], [], "")
    assert [(unread.source_file, unread.language) for unread in extraction.unread] == [("test.txt", "German")]


def test_an_english_article_is_read():
    extraction = extract_analysed(analysed("Turkish Foreign Minister Hakan Fidan met Abbas Araghchi in Ankara."))
    assert extraction.unread == ()
    assert "Hakan Fidan" in {actor.name for actor in extraction.actors}
