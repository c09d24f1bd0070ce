"""Quotes: each test states the sentence and the exact quote and speaker expected."""

import pytest

from generator.extract.actors import extract_actors
from generator.extract.quote_marks import quote_spans_in
from generator.extract.quotes import extract_quotes, is_title
from tests.helpers import analysed


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    article = analysed(text)
    return [(q.text, q.speaker) for q in extract_quotes(article, extract_actors(article))]


def spans(text: str) -> list[str]:
    return [text[s.start:s.end] for s in quote_spans_in(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("He said “no” and “yes”.", ["no", "yes"]),
    ('He said "no" and "yes".', ["no", "yes"]),
    ("‘Foreign interference’ is not the root of Syria’s flareup", ["Foreign interference"]),
    ("the rebels’ advance and the allies’ and friends’ support", []),
    ("“It runs on to the next paragraph", ["It runs on to the next paragraph"]),
    ("no opening mark here,” he said, “and then a proper one.”", ["no opening mark here,", "and then a proper one."]),
    # An opening mark typed where the quote ends closes it; the German „…“ closes the same way.
    ("“It's unusual,“ said Larry Noble, an attorney.", ["It's unusual,"]),
    ("the force is “the best in the world“ and the army “the best there is.”", ["the best in the world",
                                                                             "the best there is."]),
    ("Er sagte: „Wir schaffen das.“ Dann ging er.", ["Wir schaffen das."]),
    # Pages that space their marks may draw both ends the same way: after a space and before a space or a
    # punctuation mark, an opening mark closes the open quote.
    ("la serie “ I Cavalieri dello Zodiaco “, prodotta da Toei. Il titolo è “ Knights of the Zodiac ” e",
     [" I Cavalieri dello Zodiaco ", " Knights of the Zodiac "]),
    ("entitled ‘Jewels after Jewels ‘ and conceived to present the new ‘ Arrangements’ collection",
     ["Jewels after Jewels "]),
    # A closing mark typed where a quote opens, after a space and before a word, opens it; »…« opens so.
    ("Another user said: ”The plague is coming.” Officials said nothing.", ["The plague is coming."]),
    ("Er sagte: »Das ist gut.« Dann ging er.", ["Das ist gut."]),
    # An invisible direction mark pasted before a post is no word before the mark.
    ("\u202a”Sorry Sarah, you should have said it.” posted Sharon Powers.", ["Sorry Sarah, you should have said it."]),
])
def test_quote_marks(text, expected):
    assert spans(text) == expected


def test_one_stray_mark_does_not_lose_the_other_quotes():
    text = "The rebels’ advance was “swift,” he said. The army’s “retreat” was “total.”"
    assert spans(text) == ["swift,", "retreat", "total."]


def test_speaker_after_the_quote():
    assert quotes_of("“At this time, foreign interference would be erroneous,” Foreign Minister Hakan Fidan stated.") \
        == [("At this time, foreign interference would be erroneous", "Hakan Fidan")]


def test_speaker_before_the_quote_with_a_colon():
    text = "Aron Lund of the Century International think tank remarked: “Aleppo is beyond the regime’s grasp.”"
    assert quotes_of(text) == [("Aleppo is beyond the regime’s grasp.", "Aron Lund")]


def test_interrupted_quote_gives_two_quotes_with_one_speaker():
    text = "“The army fled,” said Ahmad Tutenji, a merchant. “They abandoned us.”"
    assert quotes_of(text) == [("The army fled", "Ahmad Tutenji"), ("They abandoned us.", "Ahmad Tutenji")]


def test_pronoun_resolves_to_the_person_named_just_before():
    text = """\
    Aron Lund, an analyst, spoke to reporters on Friday about the offensive.

    “A government stripped of Aleppo cannot be considered a functional government,” he added.
    """
    assert quotes_of(text) == [
        ("A government stripped of Aleppo cannot be considered a functional government", "Aron Lund")
    ]


def test_pronoun_without_a_close_antecedent_is_unattributed():
    text = """\
    Syrian President Bashar al-Assad vowed to defeat the insurgents.

    The army also reported that it regained several towns.

    An Islamist-dominated rebel alliance attacked government forces on Wednesday.

    Rebels advanced quickly across the northern countryside during the night.

    For the first time, the city “is no longer under the control of Syrian regime forces,” he stated.
    """
    assert quotes_of(text) == [("is no longer under the control of Syrian regime forces", None)]


def test_short_scare_quote_without_speaker_is_not_a_quote():
    assert quotes_of("The so-called “Norman format” met again in Paris on Monday.") == []


def test_two_apostrophes_are_a_double_quotation_mark():
    text = "His surrogates called him ''a genius,'' Mr. Smith said on Monday."
    assert spans(text) == ["a genius,"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran's Foreign Minister Abbas Araghchi traveled to Damascus, stating before his departure that Tehran would "
     "“strongly support the Syrian government and army,” as reported by Iranian state media.",
     [("strongly support the Syrian government and army", "Abbas Araghchi")]),
    ("“The current escalation highlights the urgent necessity for a political resolution,” stated a document "
     "issued by the US State Department.",
     [("The current escalation highlights the urgent necessity for a political resolution",
       "United States Department of State")]),
    ("According to the UN, the fighting “has displaced thousands of families in the north.”",
     [("has displaced thousands of families in the north.", "United Nations")]),
    ("Her skin broke every time her parents changed her clothes, and in the words of the Crown prosecutor, Mark "
     "Tedeschi, QC, \"Gloria spent a lot of the last five months of her life crying.\"",
     [("Gloria spent a lot of the last five months of her life crying.", "Mark Tedeschi")]),
    ("Lebanon's information minister Ziad Makary said the government condemned the blasts as an "
     "“Israeli aggression against Lebanon.”",
     [("Israeli aggression against Lebanon.", "Ziad Makary")]),
    ("In late June, the deputy head of Zelensky's office, Ihor Zhovkva, told Reuters that the president would not "
     "attend if the leaders fail to show “courage” to invite Ukraine.",
     [("courage", "Ihor Zhovkva")]),
    ("Ukrainian President Volodymyr Zelensky welcomed the decision as “a victory for Ukraine,” the AP reports.",
     [("a victory for Ukraine", "Volodymyr Zelensky")]),
    # The parser gives "said" a second subject inside the quote ("Anybody"): the one outside it speaks.
    ('"Anybody who attacks him, it\'s like buyer beware," said Louise Sunshine, who has known Trump since the '
     "1970s.",
     [("Anybody who attacks him, it's like buyer beware", "Louise Sunshine")]),
    # A name the entity model missed, parsed as a compound of the verb.
    ('Trump has begun to dial down the rhetoric. "Look at the statement Mr. Trump put out after the Dallas '
     'shootings," Conway notes. "It was very different in tone."',
     [("Look at the statement Mr. Trump put out after the Dallas shootings", "Conway"),
      ("It was very different in tone.", "Conway")]),
    # A name the model tags as a common noun, and one the parse hangs inside the quote's clause.
    ("The race is tight.\n\n“It’s taxing on campaign resources,” O’Donnell said.",
     [("It’s taxing on campaign resources", "O’Donnell")]),
    ("The race is tight.\n\n“It is not the position that everything is hunky-dory,” Gene Sperling, a top outside "
     "Clinton adviser, said at a recent event.",
     [("It is not the position that everything is hunky-dory", "Gene Sperling")]),
    ("\u201cThey were professionals, but also competitors,\u201d William M. Daley, President Obama's former chief "
     "of staff, said of their time in the administration.",
     [("They were professionals, but also competitors", "William M. Daley")]),
    # A description before the name, then a clause between commas, and a verb the parse left without a subject.
    ("“We’ve had more successful conventions than this one,” Texas delegate Bill Eastland, wearing a cowboy hat "
     "and campaign pins, said.",
     [("We’ve had more successful conventions than this one", "Bill Eastland")]),
    # No verb of saying: a phrase quoted inside the sentence belongs to its named subject.
    ("Senator Marco Rubio bemoaned a climate in which people “literally hate each other” over politics.",
     [("literally hate each other", "Marco Rubio")]),
    # A speech verb in a relative clause elsewhere in the sentence ("letters that called him") attributes only
    # what its clause holds.
    ('Walter Hewlett sniped that Fiorina, a first-time chief executive, was "learning on the job," while other '
     'HP leaders penned letters that called him an "academic and musician."',
     [("learning on the job", "Walter Hewlett"), ("academic and musician.", None)]),
    # Words a noun of words holds are its possessor's ("X's claim that …", "his claim that …"), but not what
    # someone else calls them ("denounced Trump's remarks as …").
    ("Gov. Mike Pence on Thursday blamed the media for making an issue out of Donald Trump’s claim that President "
     "Barack Obama “founded ISIS and then walked away,” saying they were nitpicking.",
     [("founded ISIS and then walked away", "Donald Trump")]),
    ("Bill de Blasio spoke on Monday. De Blasio also repeated his claim that “profit-making is the motive of the "
     "technology companies.”",
     [("profit-making is the motive of the technology companies.", "Bill de Blasio")]),
    ("Hillary Clinton spoke on Monday. Hollande denounced Trump’s remarks as “hurtful and humiliating to us all.”",
     [("hurtful and humiliating to us all.", "Hollande")]),
    # A subject the model left untyped is still the person the article named in full.
    ("Gregory Hoover, a delegate from Ohio, attended the meeting.\n\nHoover estimated that there are “somewhere "
     "between 23 and 28 people who are absolutely opposed to any mention of it.”",
     [("somewhere between 23 and 28 people who are absolutely opposed to any mention of it.", "Gregory Hoover")]),
    # A verb of saying put before its subject after a quote: "recalled Mr. Rhodes", "mused a co-host".
    ("Ben Rhodes spoke on Monday.\n\n“Several of us were arguing we have to wait for the moment,” recalled "
     "Mr. Rhodes.",
     [("Several of us were arguing we have to wait for the moment", "Ben Rhodes")]),
    # What the subject's phrase quotes names no speaker: the boy is not the country of the slogan on his hat.
    ("“How big is that wall?” asked the boy, who was wearing a 'Make America Great Again' hat and said his name "
     "was Mason, as the audience laughed.",
     [("How big is that wall?", None)]),
])
def test_speaker_of_the_speech_verb(text, expected):
    assert quotes_of(text) == expected


def test_quote_signed_with_a_dash_and_a_name():
    text = "Readers wrote in after the debate. “He is ignorant of our culture and our lives.” ― Pamela Padilla"
    assert quotes_of(text) == [("He is ignorant of our culture and our lives.", "Pamela Padilla")]


def test_colon_introduction_in_the_previous_paragraph():
    text = """\
    The talks ended late on Thursday. Additionally, President Petro Poroshenko announced that:

    “Chiefs of staff of Ukraine and Russia will hold talks on Friday about the cease-fire.”
    """
    assert quotes_of(text) == [("Chiefs of staff of Ukraine and Russia will hold talks on Friday about the cease-fire.",
                                "Petro Poroshenko")]


def test_a_description_resolves_through_the_actors_role():
    text = """\
    Ukrainian Foreign Minister Dmytro Kuleba met his counterpart in Antalya on Thursday.

    “Ukraine did not surrender, but there was no progress,” the minister reiterated.
    """
    assert quotes_of(text) == [("Ukraine did not surrender, but there was no progress", "Dmytro Kuleba")]


def test_pronoun_prefers_the_subject_over_a_person_named_later():
    text = """\
    Foreign Minister Dmytro Kuleba lamented on Thursday that there was no progress in talks with Sergey Lavrov.

    “We have mentioned a halt,” he told reporters.
    """
    assert quotes_of(text) == [("We have mentioned a halt", "Dmytro Kuleba")]


def test_pronoun_is_the_named_speaker_not_the_subject_of_what_they_said():
    text = """\
    Gwynne Shotwell, president of SpaceX, spoke on Monday.

    Shotwell said Jordan Avery would lead the missions in 2022. They would carry cargo, but she said they could
    serve as a “nice stepping stone” to crewed missions.
    """
    assert quotes_of(text) == [("nice stepping stone", "Gwynne Shotwell")]


def test_a_quote_without_attribution_continues_the_previous_speaker_in_its_paragraph():
    text = "“With its actions, Iran risks an escalation,” the G7 statement said. “This must be avoided.”"
    assert quotes_of(text) == [("With its actions, Iran risks an escalation", "Group of Seven"),
                               ("This must be avoided.", "Group of Seven")]


def test_a_paragraph_that_is_only_a_quote_between_two_apostrophes_continues_the_speaker_before():
    text = """\
    ''Politics has never been gentlemanly, and now it is not gentlemanly at all,'' said Jon Meacham, a historian.

    ''The lesson of this year is that none of the old rules apply.''
    """
    assert quotes_of(text) == [
        ("Politics has never been gentlemanly, and now it is not gentlemanly at all", "Jon Meacham"),
        ("The lesson of this year is that none of the old rules apply.", "Jon Meacham"),
    ]


def test_a_colon_before_two_apostrophes_introduces_the_quote_of_the_person_before_it():
    text = "The Slate columnist David Auerbach was even more pessimistic on Friday: ''Twitter as we know it is over.''"
    assert quotes_of(text) == [("Twitter as we know it is over.", "David Auerbach")]


def test_who_speaks_by_saying_is_the_subject_of_the_verb_the_saying_completes():
    text = ("Bolton distanced himself from the NeverTrump movement by saying he would be willing to bring his "
            "expertise to the administration if asked.  “I’m going to support him, and support him "
            "enthusiastically, because I think he can do the job.”")
    assert quotes_of(text) == [
        ("I’m going to support him, and support him enthusiastically, because I think he can do the job.", "Bolton")]


def test_a_paragraph_that_is_only_a_quote_after_a_named_person_s_stance_is_that_person_s():
    text = """\
    Senator Jeff Sessions remains upbeat about the party's chances in November.

    “This party is not divided, and we are going to win this election.”
    """
    assert quotes_of(text) == [("This party is not divided, and we are going to win this election.", "Jeff Sessions")]


def test_a_quote_ending_its_paragraph_after_a_sentence_about_a_named_person_is_that_person_s():
    text = """\
    NASA is under pressure.

    Jim Bridenstine expects to produce three SLS rockets through 2024. “Adding an additional SLS into the mix \
could happen, but I am not confident.”

    Smith was arrested on Tuesday. “He is a danger to the community and must stay in jail.”
    """
    assert quotes_of(text) == [
        ("Adding an additional SLS into the mix could happen, but I am not confident.", "Jim Bridenstine"),
        ("He is a danger to the community and must stay in jail.", None)]  # the arrested man is no topic


def test_the_person_a_paragraph_opens_on_speaks_the_quote_paragraph_after_it_and_the_page_says_why():
    # the parse hangs "Viguerie is upbeat" under the "because" clause: the subject opening the sentence counts
    text = """\
    Richard Viguerie, a conservative activist, spoke on Monday.

    Viguerie is upbeat about Cruz’s chances of winning in November, in part because he sees Cruz as a uniter.

    “Not only can Ted Cruz win in November, he’s the one with the best chance of winning.”

    Judy Miller called the voters. She pauses.

    "Well, thank you so much for the call."
    """
    assert _inferences(text) == [
        ("Not only can Ted Cruz win in November, he’s the one with the best chance of winning.", "Richard Viguerie",
         "context", "Viguerie"),
        ("Well, thank you so much for the call.", "Judy Miller", "context", "She")]


def test_she_said_is_not_the_man_named_last_when_his_role_says_he_is_a_son():
    text = """\
    Charlie McDowell, the son of Mary Steenburgen, helped her write it.

    McDowell still laughs at the memory. “She put in the time to learn the craft,” she said.
    """
    assert quotes_of(text) == [("She put in the time to learn the craft", "Mary Steenburgen")]


def test_an_unnamed_user_of_a_platform_does_not_speak_for_it_and_an_official_speaks_for_their_body():
    text = ("Emily Feng reported for NPR from Beijing. “Don't hide things like this,” one Weibo commenter said, per "
            "Feng. “We will investigate,” a Hamas official said.")
    assert quotes_of(text) == [("Don't hide things like this", None), ("We will investigate", "Hamas")]
    # a date before the noun is no body: "a Wednesday editorial in the Register" is the paper's words
    text = ("The Des Moines Register ran the piece. “Grassley has failed Iowa,” a Wednesday editorial in the "
            "Register said.")
    assert quotes_of(text) == [("Grassley has failed Iowa", "Des Moines Register")]


def test_many_people_named_by_a_plural_noun_are_not_the_one_whose_role_holds_it():
    text = ("Angela Cooper, a high school math teacher, said she came to the rally early. "
            "Teachers chanted, “Fund our schools,” as hundreds lined the entrances.")
    assert quotes_of(text) == [("Fund our schools", None)]


def test_a_quote_paragraph_with_words_after_the_quote_is_not_given_to_the_paragraph_before():
    # "tweeted" after the name is an attribution the parse did not link: the quote is not the topic's
    text = """\
    So far, Donald Trump has not picked up the support the Democratic nominee lost.

    “Clinton needs a strategy for targeting these voters,” Nate Silver, the polling guru, tweeted on Wednesday.
    """
    assert [speaker for _, speaker in quotes_of(text)] != ["Donald Trump"]


def test_a_subject_inside_an_opening_clause_is_not_who_the_paragraph_is_about():
    text = """\
    Bernie Sanders and Jim Clyburn met in Columbia.

    But if Sanders comes out on top in Iowa, the firewall could be snuffed out.

    “The reality is, if Mrs. Clinton loses Iowa, that could create new problems for her here.”
    """
    assert quotes_of(text) == [
        ("The reality is, if Mrs. Clinton loses Iowa, that could create new problems for her here.", None)]


def test_a_people_named_by_a_plural_demonym_speaks_for_its_country():
    from generator.extract import extract_analysed

    text = "Putin met Erdogan in Sochi on Monday. “This is a provocation,” the Russians said."
    data = extract_analysed(analysed(text))
    assert [(q.text, q.speaker) for q in data.quotes] == [("This is a provocation", "Russia")]
    assert data.actor("Russia").kind == "country"
    assert data.actor("Russians") is None


def test_a_speaker_the_entity_model_missed_becomes_an_actor():
    from generator.extract import extract_analysed

    data = extract_analysed(analysed("In a statement, Peabody said: “Patriot Coal was highly successful on its own.”"))
    speaker = data.quotes[0].speaker
    assert speaker is not None and data.actor(speaker) is not None


@pytest.mark.parametrize("text", [
    '"PENCE: And that is why he is on his way to the White House," the transcript reads.',
    '"(CROSSTALK.)"',
])
def test_transcript_turns_and_stage_directions_are_not_quotes(text):
    assert quotes_of(text) == []


def test_a_statement_of_the_military_goes_to_the_armed_forces():
    text = """\
    In 2016, the Syrian army reclaimed rebel-held areas of Aleppo.

    Warplanes targeted “a gathering of terrorist commanders” in Aleppo province, as conveyed by a military
    statement released by Syrian state news agency SANA.
    """
    assert quotes_of(text) == [("a gathering of terrorist commanders", "Syrian army")]


def test_a_person_described_by_office_and_country_is_the_one_named_of_that_country():
    text = """\
    Ukrainian Foreign Minister Dmytro Kuleba met Sergey Lavrov in Antalya on Thursday.

    “I came here for humanitarian reasons,” insisted the head of Ukrainian diplomacy.
    """
    assert quotes_of(text) == [("I came here for humanitarian reasons", "Dmytro Kuleba")]


def test_a_pronoun_after_a_name_the_entity_model_missed():
    text = """\
    Resident Umm Mohamed noted that strikes in her area took the life of her daughter-in-law.

    “Thank God their injuries were minor,” she expressed.
    """
    speaker = quotes_of(text)[0][1]
    assert speaker is not None and speaker.endswith("Mohamed")


def test_a_pronoun_goes_back_to_a_speaker_the_entity_model_missed():
    text = """\
    President Trump has made China wary of offering concessions, people familiar with the talks said.

    Eswar Prasad, a trade professor at Cornell, said the talks had “stalled” for weeks. “By hyping up
    expectations, the White House makes any deal more uncertain,” he said.
    """
    assert quotes_of(text) == [
        ("stalled", "Eswar Prasad"),
        ("By hyping up expectations, the White House makes any deal more uncertain", "Eswar Prasad"),
    ]


def test_a_pronoun_after_a_quote_is_not_the_person_the_quote_names():
    text = """\
    President Trump has made China wary of offering concessions, people familiar with the talks said.

    Edward Alden, a trade professor at Cornell, said the talks had stalled. “By hyping up expectations, Donald
    Trump makes any deal more uncertain,” he said.
    """
    assert quotes_of(text) == [
        ("By hyping up expectations, Donald Trump makes any deal more uncertain", "Edward Alden"),
    ]


def test_a_pronoun_follows_the_person_the_story_goes_on_telling_of_without_naming_them():
    text = """\
    Then, last week, Taylor Swift posted on her website accusing the label of trying to stop her performing.

    She claimed the label thought the performance would amount to a re-recording.

    “I just want to be able to perform my own music,” she said.
    """
    assert quotes_of(text) == [("I just want to be able to perform my own music", "Taylor Swift")]


def test_she_is_not_the_man_named_after_her():
    text = """\
    Clinton communication director Jennifer Palmieri said Donald Trump is reduced to insults.

    “You could dismiss these actions as insecure schoolyard behavior,” she said.
    """
    assert quotes_of(text) == [("You could dismiss these actions as insecure schoolyard behavior",
                                "Jennifer Palmieri")]


def test_he_is_not_the_woman_an_honorific_names():
    text = """\
    Mr. Biden assured his hometown’s residents that Mrs. Clinton was the right choice.

    “Maybe the difference is between the Irish Catholic and the Methodist,” he said.
    """
    assert quotes_of(text) == [("Maybe the difference is between the Irish Catholic and the Methodist", "Biden")]


def test_what_the_text_calls_a_person_tells_whom_she_stands_for():
    # no first name says who is a woman here: "Ayotte said she" does
    text = """\
    Ayotte said she was spurred to file a criminal complaint. Lewandowski said he never touched anyone.

    “I didn't want to file a criminal complaint,” she told Fox News.
    """
    assert quotes_of(text) == [("I didn't want to file a criminal complaint", "Ayotte")]


def test_a_verb_after_a_quoted_word_does_not_make_its_object_the_speaker():
    text = "The Group of Seven, or G7, met Sunday and “unequivocally” condemned Iran’s overnight attack on Israel."
    assert quotes_of(text) == [("unequivocally", "Group of Seven")]


def test_an_agency_that_is_not_a_news_agency_speaks():
    text = "The International Atomic Energy Agency said North Korea had shown “complete disregard of the demands.”"
    assert quotes_of(text) == [("complete disregard of the demands.", "International Atomic Energy Agency")]


def test_who_issued_a_statement_speaks_its_words():
    text = "The UN Security Council issued a statement calling the test “a clear violation of its resolutions.”"
    assert quotes_of(text) == [("a clear violation of its resolutions.", "UN Security Council")]


def test_a_person_named_like_a_country_is_a_person():
    text = "“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday."
    assert quotes_of(text) == [("We will achieve justice in this case", "Chuck Jordan")]


def test_footage_of_a_person_saying():
    text = "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”"
    assert quotes_of(text) == [("Why aren’t I 50 points ahead, you might ask?", "Hillary Clinton")]


def test_a_title_in_quotation_marks_is_not_a_quote():
    text = "On the broadcast of “Fox News Sunday,” Pence said “we will win the debate tomorrow night.”"
    assert quotes_of(text) == [("we will win the debate tomorrow night.", "Pence")]


@pytest.mark.parametrize(("text", "title"), [
    ("Fox News Sunday", True), ("Keepin' It Real", True), ("How to Foster Long-Term Innovation Investment", True),
    ("Foreign interference", False), ("U-S-A! U-S-A!", False), ("We Will Win, He Said", False), ("Politicking.", False),
    # a book or an article cited by its full title: a subtitle's colon, commas, more than eight words
    ("TrumpNation: The Art of Being the Donald", True),
    ("The Fixers: Eddie Mannix, Howard Strickling and the MGM Publicity Machine", True),
    ("Clinton Does Best Where Voting Machines Flunk Hacking Tests.", True),
    ("Look: we will not accept attempts to assert unlawful maritime claims", False),
    ("We Will Not Accept Attempts To Assert Unlawful Claims; Never", False),
])
def test_is_title(text, title):
    assert is_title(text) is title


def test_a_quote_standing_alone_after_someone_speaks_is_theirs():
    text = ("The race is tight.\n\nIowa State University's Dianne Bystrom agreed. \"Mainstream Republicans are "
            "running out of time to find an alternative to Trump or Cruz. At this point, that alternative may be "
            "Marco Rubio.\"\n\nIf anything, Ash argued in his email, the incident is an illustration of why the "
            "convention should adopt new rules.\n\n“In light of this serious breach is it prudent for the RNC to "
            "continue?”")
    assert [speaker for _, speaker in quotes_of(text)] == ["Dianne Bystrom", "Ash"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('The race is tight.\n\nBush: "The mission is to destroy ISIS -- not to contain it."', "Bush"),
    ("The race is tight.\n\nHere’s Clinton in December 1992: “Our new direction must rest on an understanding "
     "of the new realities.”", "Clinton"),
])
def test_a_name_before_a_colon_introduces_the_quote(text, speaker):
    assert [s for _, s in quotes_of(text)] == [speaker]


def test_a_news_agency_quoted_alone_is_the_speaker():
    text = ("Plague returns.\n\nIn the wake of that outbreak, China “vastly improved its detection and management "
            "of infectious diseases,” writes the Associated Press.")
    assert quotes_of(text) == [("vastly improved its detection and management of infectious diseases",
                                "Associated Press")]


def test_an_inverted_verb_after_a_comma_takes_the_person_in_apposition():
    text = ("Sondland faces questions.\n\nSondland was known for telling others \"he was in charge of Ukraine\" "
            "despite being the U.S. envoy in Brussels, said another witness in the impeachment probe, former White "
            "House Russia adviser Fiona Hill.")
    assert quotes_of(text) == [("he was in charge of Ukraine", "Fiona Hill")]


@pytest.mark.parametrize(("text", "speaker"), [
    # the model labels an unfamiliar surname GPE
    ("Prices rise.\n\n\"I do well,\" said Iampaglia, who graduated in 2009 with a business degree.", "Iampaglia"),
    # the parser takes "Skelly" for an adverb of "said"
    ("The RNC hired two staffers.\n\nBut Bill Skelly, a longtime RNC data operative, vouched for both Braynard "
     "and Chrabaszcz.\n\n“Having access to the RNC file and two people who understand it is valuable,” said "
     "Skelly, explaining he worked more closely with Chrabaszcz.", "Bill Skelly"),
])
def test_a_name_after_an_inverted_verb_speaks_whatever_its_tag(text, speaker):
    assert [s for _, s in quotes_of(text)] == [speaker]


def test_of_two_subjects_the_parser_gives_a_verb_the_named_person_speaks():
    text = ("Boats turned away.\n\nDiscussing his concern in a public statement, Malaysia's Prime Minister, Najib "
            "Razak said, \"We are in contact with all relevant parties, with whom we share the desire to find a "
            "solution to this crisis\".")
    assert [s for _, s in quotes_of(text)] == ["Najib Razak"]


def _inferences(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    analysis = analysed(text)
    return [(q.text, q.speaker, q.inferred, q.reference)
            for q in extract_quotes(analysis, extract_actors(analysis))]


def test_a_speaker_found_through_a_pronoun_or_a_description_says_so_and_a_named_one_does_not():
    text = ("Foreign Minister Hakan Fidan arrived in Damascus on Monday. “We will not accept this,” he said. "
            "“Talks must resume within a week,” the minister added. “Nothing is settled,” Fidan told reporters.")
    assert _inferences(text) == [
        ("We will not accept this", "Hakan Fidan", "pronoun", "he"),
        ("Talks must resume within a week", "Hakan Fidan", "description", "the minister"),
        ("Nothing is settled", "Hakan Fidan", None, None)]


def test_markup_left_in_a_saved_page_gives_no_quote():
    text = ('<tweet id="747941240054812672" author="@TwitchyTeam">Rape conviction? '
            '“We will win,” Clinton said.')
    assert quotes_of(text) == [("We will win", "Clinton")]



def test_the_ministry_said_is_the_ministry_the_article_named():
    text = ("The Russian Foreign Ministry summoned the envoy on Monday. “This is unacceptable,” the ministry said "
            "in a statement.")
    assert _inferences(text) == [("This is unacceptable", "Russian Foreign Ministry", "description", "the ministry")]


@pytest.mark.parametrize("subject", ["The ministry's statement", "Its statement"])
def test_the_words_of_a_body_named_by_its_noun_or_a_pronoun_are_the_body_s(subject):
    text = ("The Home Office sent a letter to every claimant. The Foreign Ministry said on Monday it was ready. "
            f"{subject} added: “The talks will resume next week.”")
    assert _inferences(text) == [("The talks will resume next week.", "Foreign Ministry", "description", subject)]


def test_a_short_label_inside_a_noun_phrase_with_no_speaker_is_no_quote():
    text = ("A 'phase one' trade deal between the United States and China was supposed to allow leaders from "
            "both countries to claim an easy victory.")
    assert quotes_of(text) == []


def test_a_short_label_inside_a_noun_phrase_with_its_speaker_stays_a_quote():
    text = "Trump said on Monday that the two countries had reached a “historic” trade agreement."
    assert quotes_of(text) == [("historic", "Trump")]


def test_a_quote_in_a_clause_where_someone_else_speaks_is_theirs():
    text = ("Vindman testified on Tuesday. He testified about a meeting when Sondland told visiting Ukraine "
            "officials they would need to “deliver” before a White House visit.")
    assert quotes_of(text) == [("deliver", "Sondland")]


def test_a_quote_in_an_adverbial_clause_of_saying_is_its_subjects():
    text = ("And though the Chinese CDC has said that there is “no need” for residents to worry, it has also "
            "acknowledged that remote regions are vulnerable.")
    assert quotes_of(text) == [("no need", "Chinese CDC")]


def test_a_participle_of_saying_continues_its_clause_subject():
    text = ("Trump told Newsmax that Mitt Romney had a crazy policy, adding, “He lost all of the Latino vote.”")
    assert quotes_of(text) == [("He lost all of the Latino vote.", "Trump")]


def test_a_quote_in_a_clause_after_with_is_its_own_subjects():
    text = ("The Guardian reported on the plan. It quoted critics like barrister Colin Yeo and campaigner Caitlin "
            "Boswell, with Boswell stating: \"People fleeing desperate circumstances need quicker decisions.\"")
    assert quotes_of(text) == [("People fleeing desperate circumstances need quicker decisions.", "Caitlin Boswell")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Russian embassy in Washington issued a statement on Monday. \"We reject these claims,\" the embassy "
     "added.", "Russian embassy"),
    ("The UN mission in South Sudan said it was alarmed. \"Civilians must be protected,\" the mission warned.",
     "UN mission"),
    ("The World Food Programme's office in Kabul said food was short. \"We need funds now,\" the office said.",
     "World Food Programme's office"),
])
def test_an_institution_named_by_its_owner_and_a_body_noun_speaks_later_as_the_body(text, speaker):
    assert quotes_of(text)[-1][1] == speaker


def test_an_embassy_whose_demonym_alone_the_model_tags_speaks_as_the_embassy_not_its_country():
    text = """\
    Tensions rise

    The Chinese Embassy in London issued a statement on Monday. "We firmly oppose any interference," the embassy said.

    The U.S. Embassy in Kyiv was closed. "The situation is dangerous," the embassy said.
    """
    assert quotes_of(text) == [("We firmly oppose any interference", "Chinese Embassy"),
                               ("The situation is dangerous", "U.S. Embassy")]


def test_a_capitalised_body_noun_the_model_left_out_of_its_organisation_speaks_as_the_body():
    text = """\
    Attack condemned

    The UN Mission in South Sudan (UNMISS) condemned the attack. "Those responsible must be held to account," the mission said in a statement.
    """  # noqa: E501
    assert quotes_of(text) == [("Those responsible must be held to account", "UN Mission")]


def test_a_name_that_opens_the_sentence_speaks_when_the_article_never_writes_it_in_lower_case():
    # The small model tags "Hannity" a common noun and "Sean Hannity" an organisation: the capitals say name,
    # and the first name says the full name is the same person's.
    text = """\
    Trump spoke at length to Fox News host Sean Hannity on Wednesday.

    Hannity interjected: “So you’re saying there will be some flexibility?”
    """
    assert quotes_of(text) == [("So you’re saying there will be some flexibility?", "Sean Hannity")]


def test_a_quote_after_a_colon_is_the_subject_s_not_the_last_person_named():
    text = """\
    The Republican convention opens on Monday in Cleveland.

    Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Trump: "It's time to quit
    attacking various people and get on message."
    """
    assert quotes_of(text) == [
        ("It's time to quit attacking various people and get on message.", "Mitch McConnell")]


def test_a_verb_that_introduces_speech_only_with_its_particle_attributes_the_quote():
    text = """\
    Bush and Trump clashed over eminent domain at the debate in New Hampshire on Saturday.

    "Jeb wants to be a tough guy tonight," Trump shot back.
    """
    assert quotes_of(text) == [("Jeb wants to be a tough guy tonight", "Trump")]


def test_a_relative_clause_of_saying_is_not_part_of_the_speakers_name():
    """"A diplomat who described Trump's call as …": the diplomat speaks, and the article does not name them."""
    text = "Democrats questioned a diplomat who described Trump’s call with Zelenskiy as “improper.” Trump denied it."
    assert quotes_of(text) == [("improper.", None)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Mayor John Smith was warned by General Lee Kim that the town must be “evacuated at once.”", "Lee Kim"),
    ("Mayor John Smith was told to “evacuate the town at once.”", None),
])
def test_the_subject_of_a_passive_verb_of_telling_listens(text, speaker):
    quote, = quotes_of(text)
    assert quote[1] == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("According to Yonhap, quoting the Korean Central News Agency, the military was told to prepare for a "
     "“quasi-state of war”.", "Korean Central News Agency"),
    ("The Reuters news agency, citing the Health Ministry, said the toll was “likely to rise”.", "Health Ministry"),
    # cited words are the subject's own
    ("On Tuesday, Gov. Jerry Brown endorsed her, citing her “long experience” and preparedness.", "Jerry Brown"),
])
def test_the_source_a_report_quotes_or_cites_is_the_speaker(text, speaker):
    quote, = quotes_of(text)
    assert quote[1] == speaker


def test_an_indefinite_description_brings_in_someone_new_not_the_named_person_with_that_role():
    text = """\
    David Plouffe, the architect of Obama’s campaign, spoke on Monday.

    On Tuesday, an architect said the club was “badly managed by its owners.”
    """
    assert quotes_of(text) == [("badly managed by its owners.", None)]


def test_a_headline_quote_echoed_by_the_body_is_as_sure_as_its_echo():
    text = """\
    North Korea puts military in 'quasi-state of war'

    According to Yonhap, quoting North Korea's main news agency Korean Central News Agency, the military was
    told to prepare a "quasi-state of war".
    """
    article = analysed(text)
    quotes = extract_quotes(article, extract_actors(article))
    assert [(q.text, q.speaker, q.inferred) for q in quotes] == [
        ("quasi-state of war", "Korean Central News Agency", "description")] * 2


def test_a_document_that_reads_words_gives_them_to_the_body_that_wrote_it():
    text = ('The Home Office letter reads "we may extend the use of the questionnaire to other claimants".')
    assert quotes_of(text) == [("we may extend the use of the questionnaire to other claimants", "Home Office")]


@pytest.mark.parametrize("sentence, speaker", [
    ('"OK, for a start, his wife has explained that she chose not to speak," John Oliver barked.', "John Oliver"),
    ('"We will win this state in November," Tom Smith laughed.', "Tom Smith"),
    ('As Eric Foner put it, "The United States does a better job at accepting immigrants."', "Eric Foner"),
])
def test_a_manner_of_speaking_or_putting_it_attributes_words(sentence, speaker):
    assert [s for _, s in quotes_of(sentence)] == [speaker]


def test_a_speech_verb_in_a_conjoined_clause_with_its_own_subject_gives_the_quote_to_that_subject():
    text = ('At one point, a woman asked for a photo and Hillary Clinton said, '
            '"as long as we are not violating any election laws."')
    assert quotes_of(text) == [("as long as we are not violating any election laws.", "Hillary Clinton")]


def test_an_inverted_speaker_whose_name_the_parser_splits_into_two_objects_is_the_person():
    text = '"Imagine Brad Thor going up against them on the same stage," mused Blaze co-host Stu Burguiere.'
    assert quotes_of(text) == [("Imagine Brad Thor going up against them on the same stage", "Stu Burguiere")]


def test_words_a_reporter_cited_as_a_source_reports_are_not_the_reporter_s():
    text = ("The couple was quarantined, according to Sui-Lee Wee of the New York Times. "
            "All “relevant sites” were also disinfected, reports Wee. Wee of the Times reports that censors "
            "had told news sites to “block and control” discussions of the plague.")
    assert quotes_of(text) == [("relevant sites", None), ("block and control", None)]


@pytest.mark.parametrize("sentence, speaker", [
    ('"Gun owners should leave their weapons at home," opined the Plain Dealer.', "Plain Dealer"),
    ('Marco Rubio spoke. "Debate recap," tweeted Rubio spokesman Alex Conant.', "Alex Conant"),
])
def test_more_verbs_put_their_speaker_after_a_quote_and_the_person_there_speaks(sentence, speaker):
    assert [s for _, s in quotes_of(sentence)] == [speaker]


def test_according_to_a_description_then_the_name_between_commas_is_the_named_person():
    text = ("John Milo Ford was born in East Chicago, Indiana, in 1957. Everyone called him Mike. According to his "
            "aunt, Jane Starner, “He was brilliant from the start—reading at an adult level when he was in "
            "kindergarten.” He played chess.")
    assert quotes_of(text) == [("He was brilliant from the start—reading at an adult level when he was in "
                                "kindergarten.", "Jane Starner")]
