"""Resolving a written reference (a name, a surname, a pronoun, a description) to one of the article's actors."""

from generator.extract import extract_analysed
from generator.extract.resolve import ActorResolver, with_referent
from generator.model import Actor, Evidence, Quote
from tests.helpers import analysed

ACTORS = [
    Actor("Abbas Araghchi", "person", aliases=("Araghchi",), role="Iran's Foreign Minister", affiliation="Iran"),
    Actor("Hakan Fidan", "person", role="Foreign Minister of Turkey", affiliation="Turkey"),
    Actor("Iran", "country", aliases=("Tehran",)),
    Actor("United Nations", "organization", aliases=("UN",), international=True),
]


def quote(speaker: str, start: int) -> Quote:
    return Quote("words", speaker, Evidence("a.txt", 0, "sentence", start, start + 5))


def test_a_name_is_found_by_any_form_without_titles_by_surname_and_by_lexicon_name():
    resolver = ActorResolver(ACTORS)
    assert resolver.lookup("Mr. Araghchi") == "Abbas Araghchi"
    assert resolver.lookup("Fidan") == "Hakan Fidan"
    assert resolver.lookup("the United Nations") == "United Nations"
    assert resolver.lookup("Iranian") == "Iran"  # a demonym of a country that is an actor
    assert resolver.lookup("Syria") is None  # a country, but no actor here


def test_a_surname_shared_by_two_people_names_neither():
    twins = [Actor("Ali Khamenei", "person"), Actor("Mojtaba Khamenei", "person")]
    assert ActorResolver(twins).lookup("Khamenei") is None


def test_a_word_in_lower_case_is_never_a_name():
    # "he said he pressed his team": not He Jianxiong, whose surname is "He"
    resolver = ActorResolver([Actor("He Jianxiong", "person", aliases=("He",))])
    assert resolver.lookup("He") == "He Jianxiong"
    assert resolver.lookup("he") is None


def test_he_is_the_person_who_last_spoke_and_nobody_when_no_person_is_near():
    resolver = ActorResolver(ACTORS)
    assert resolver.pronoun("person", offset=100, paragraph=0, quotes=[quote("Hakan Fidan", 10)]) == "Hakan Fidan"
    assert resolver.pronoun("person", offset=100, paragraph=3, quotes=[quote("Hakan Fidan", 10)]) is None


def test_they_is_the_body_that_was_last_the_subject_of_a_sentence():
    analysis = analysed("Iran condemned the strike on Monday. The United Nations called for calm. They said so.")
    resolver = ActorResolver(ACTORS, analysis.doc, analysis.parsed.paragraph_of)
    they = analysis.article.text.index("They")
    assert resolver.pronoun("group", offset=they, paragraph=0, quotes=[]) == "United Nations"


def test_the_minister_is_the_person_whose_role_holds_the_word_of_the_country_named():
    resolver = ActorResolver(ACTORS)
    assert resolver.by_role("minister", offset=0, country="Turkey") == "Hakan Fidan"
    assert resolver.by_role("ambassador", offset=0) is None


def test_the_statement_is_the_last_institution_that_spoke_before():
    resolver = ActorResolver(ACTORS)
    quotes = [quote("Iran", 10), quote("Hakan Fidan", 50)]
    assert resolver.description("statement", offset=100, quotes=quotes) == "Iran"
    assert resolver.description("weather", offset=100, quotes=quotes) is None


DUPONT = """\
Minister resigns

Foreign Minister Jean Dupont spoke to reporters in Paris on Monday after a week of protests.

He resigned after the budget vote failed in parliament by a wide margin on Monday night.

Dupont said he would stay in parliament as a deputy and vote against the budget in March.
"""


def test_an_opening_pronoun_or_bare_surname_gets_the_name_unless_the_reader_has_met_the_person():
    article = analysed(DUPONT)
    actors = extract_analysed(article).actors
    parsed = article.parsed
    resolver = ActorResolver(actors, parsed.doc, parsed.paragraph_of)
    _, pronoun, surname = article.sentences

    def shown_after(sentence, shown: str = "") -> str:
        return with_referent(sentence, resolver, parsed.paragraph_of(sentence.start_char), [], shown)

    assert shown_after(pronoun) == ("He [Jean Dupont] resigned after the budget vote failed in parliament by a "
                                    "wide margin on Monday night.")
    assert shown_after(pronoun, "Dupont spoke.").startswith("He resigned")  # the surname is enough for "he"
    assert shown_after(surname).startswith("[Jean] Dupont said he would stay")
    assert shown_after(surname, "Dupont spoke.").startswith("[Jean] Dupont said")  # met by surname only
    assert shown_after(surname, "He [Jean Dupont] resigned.").startswith("Dupont said")


def test_a_person_s_sex_is_what_an_honorific_or_a_first_name_says_and_else_unknown():
    resolver = ActorResolver([Actor("Jennifer Palmieri", "person"), Actor("Hillary Clinton", "person"),
                              Actor("Clinton", "person", aliases=("Mrs. Clinton",)),
                              Actor("Joe Biden", "person", aliases=("Mr. Biden",)), Actor("Fields", "person"),
                              Actor("Andrea Orlando", "person")])
    assert [resolver.sex(name) for name in ("Jennifer Palmieri", "Hillary Clinton", "Clinton", "Joe Biden")] \
        == ["f", "f", "f", "m"]
    assert resolver.sex("Fields") is None  # a surname alone says nothing
    assert resolver.sex("Andrea Orlando") is None  # a woman's name in the US, a man's in Italy


def test_a_role_that_says_whose_son_or_wife_someone_is_says_their_sex_and_a_mixed_one_says_nothing():
    resolver = ActorResolver([Actor("Charlie McDowell", "person", role="son of Mary Steenburgen"),
                              Actor("Kim Lee", "person", role="spokeswoman for the ministry"),
                              Actor("Robin Ortiz", "person", role="his wife's lawyer"),
                              Actor("Casey Ray", "person", role="filmmaker"),
                              Actor("Andrew", "person", role="Queen Elizabeth II's third child"),
                              Actor("Pat Miller", "person", role="Instead, the local party recommended Vice "
                                                                   "Chair Jennifer Ping, Indianapolis businessman")])
    assert [resolver.sex(name) for name in ("Charlie McDowell", "Kim Lee", "Robin Ortiz", "Casey Ray")] \
        == ["m", "f", None, None]
    assert resolver.sex("Pat Miller") is None  # a role that long is text the parse ran on into
    assert resolver.sex("Andrew") is None  # the queen is his mother, not he


def subject_speaker(actors: list[Actor], sentence: str) -> str | None:
    """The actor the resolver reads in the subject of a one-sentence article."""
    doc = analysed(f"Headline\n\n{sentence}").parsed.doc
    subject = next(token for token in doc if token.dep_ == "nsubj")
    return ActorResolver(actors, doc).in_phrase(doc[subject.left_edge.i:subject.right_edge.i + 1])


def test_a_country_is_not_read_out_of_a_longer_name_but_a_surname_is():
    actors = [Actor("United States", "country", aliases=("Washington",)), Actor("France", "country"),
              Actor("Marine Le Pen", "person")]
    assert subject_speaker(actors, "The Washington Post reported the vote on Monday.") is None
    assert subject_speaker(actors, "A reporter for Agence France-Presse called it chaos.") is None
    assert subject_speaker(actors, "Le Pen told the rally on Monday.") == "Marine Le Pen"


def test_a_body_that_names_no_actor_is_not_the_country_it_is_in_but_a_government_s_own_body_is():
    actors = [Actor("United States", "country", aliases=("Washington",)), Actor("France", "country"),
              Actor("Ukraine", "country", aliases=("Kyiv",))]
    assert subject_speaker(actors, "The Holocaust Memorial Museum in Washington issued a report on Monday.") is None
    assert subject_speaker(actors, "Amnesty International in France said on Monday.") is None
    assert subject_speaker(actors, "The Interior Ministry in Kyiv said on Monday.") == "Ukraine"
