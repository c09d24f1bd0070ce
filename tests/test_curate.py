"""Every kind of brief.yml edit, applied to a small extraction."""

from pathlib import Path

import pytest

from generator.curate import curate
from generator.errors import InputError
from generator.load.schema import parse_brief_config
from generator.model import Actor, Evidence, Extraction, Figure, Quote, Reaction


def extraction() -> Extraction:
    evidence = Evidence("a.txt", 1, "s", 0, 1)
    return Extraction(
        actors=[
            Actor("Bashar al-Assad", "person", aliases=("Assad",), mentions=3, key=True),
            Actor("Mr. Assad", "person", mentions=1),
            Actor("Observatory", "person", mentions=2),
            Actor("Umm Mohamed", "person", mentions=1),
            Actor("Iran", "country", aliases=("Tehran",), mentions=4),
        ],
        quotes=[
            Quote("is no longer under the control of Syrian regime forces", None, evidence),
            Quote("Thank God their injuries were minor", None, evidence),
            Quote("strongly support the Syrian government", "Iran", evidence, inferred="pronoun", reference="it"),
        ],
        figures=[Figure("nine civilians", 9, "civilians", None, evidence)],
        reactions=[Reaction("Iran", "country", "traveled to Damascus")],
        summary=["Automatic sentence."],
        country="Syria",
    )


def apply(yaml_text: str) -> Extraction:
    config = parse_brief_config("title: T\ndate: 2024-11-30\n" + yaml_text, Path("brief.yml"), "brief.yml")
    return curate(extraction(), config, "briefs/a/brief.yml")


def errors(yaml_text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        apply(yaml_text)
    return [str(problem) for problem in caught.value.problems]


def test_summary_is_replaced_and_marked_edited():
    data = apply("summary: [One., Two.]\n")
    assert data.summary == ["One.", "Two."] and data.summary_edited
    assert not data.bottom_line_edited


def test_bottom_line_is_replaced_and_marked_edited_apart_from_the_summary():
    data = apply("bottom_line: Rebels took Aleppo, the second city of Syria.\n")
    assert data.bottom_line == "Rebels took Aleppo, the second city of Syria." and data.bottom_line_edited
    assert data.summary == ["Automatic sentence."] and not data.summary_edited


def test_merge_a_surface_form_into_an_actor():
    data = apply('actors:\n  "Mr. Assad": Bashar al-Assad\n')
    assad = data.actor("Bashar al-Assad")
    assert assad is not None and "Mr. Assad" in assad.aliases and assad.mentions == 4
    assert data.actor("Mr. Assad") is None


def test_merge_into_a_new_name_renames_and_quotes_and_reactions_follow():
    data = apply("actors:\n  Observatory: Syrian Observatory for Human Rights\n"
                 "  Iran: {name: Islamic Republic of Iran}\n")
    assert data.actor("Syrian Observatory for Human Rights").aliases == ("Observatory",)
    assert data.quotes[2].speaker == "Islamic Republic of Iran"
    assert data.reactions[0].actor == "Islamic Republic of Iran"


def test_set_role_kind_key_and_hide():
    data = apply("actors:\n  Assad: {role: President of Syria, key: false}\n  Observatory: {kind: organization}\n"
                 "  Umm Mohamed: {hide: true}\n")
    assert data.actor("Bashar al-Assad").role == "President of Syria"
    assert data.actor("Bashar al-Assad").key is False
    assert data.actor("Observatory").kind == "organization"
    assert data.actor("Umm Mohamed") is None


def test_set_a_quote_speaker_and_hide_a_quote():
    data = apply("quotes:\n  - match: no longer under the control\n    speaker: observatory\n"
                 "  - match: Thank God\n    hide: true\n")
    assert [(q.text[:12], q.speaker, q.edited) for q in data.quotes] == [
        ("is no longer", "Observatory", True), ("strongly sup", "Iran", False)]


def test_clear_a_quote_speaker():
    data = apply('quotes:\n  - match: strongly support\n    speaker: ""\n')
    assert data.quotes[2].speaker is None


def test_a_speaker_set_by_the_editors_replaces_the_inference():
    assert apply("").quotes[2].inferred == "pronoun"
    data = apply("quotes:\n  - match: strongly support\n    speaker: Iran\n")
    assert (data.quotes[2].speaker, data.quotes[2].edited, data.quotes[2].inferred, data.quotes[2].reference) == (
        "Iran", True, None, None)


def test_add_and_hide_figures_and_reactions():
    data = apply("figures:\n  - add: {text: over 412 deaths, value: 412, unit: deaths, qualifier: over}\n"
                 "  - match: nine civilians\n    hide: true\nreactions:\n"
                 "  - add: {actor: Qatar, position: called for an immediate ceasefire}\n"
                 "  - actor: Tehran\n    position: pledged support to Damascus\n")
    assert [(f.text, f.manual) for f in data.figures] == [("over 412 deaths", True)]
    assert [(r.actor, r.position) for r in data.reactions] == [
        ("Iran", "pledged support to Damascus"), ("Qatar", "called for an immediate ceasefire")]


def test_hide_a_reaction():
    assert apply("reactions:\n  - actor: Iran\n    hide: true\n").reactions == []


def test_edits_that_cannot_apply_name_file_line_key_and_suggest():
    found = errors("actors:\n  Asad: Bashar al-Assad\nquotes:\n  - match: not in any quote\n    hide: true\n"
                   "  - match: the\n    hide: true\n  - match: Thank God\n    speaker: Bashar al Assad\n")
    assert found == [
        "briefs/a/brief.yml:4: actors.Asad: 'Asad' is not an actor or alias here (did you mean 'Assad'?)",
        "briefs/a/brief.yml:6: quotes[0].match: 'not in any quote' matches no quote",
        "briefs/a/brief.yml:8: quotes[1].match: 'the' matches 3 quotes: use a longer piece of the text, or add "
        "'occurrence: N' to pick one (1: 'is no longer under the control of Syrian regime f…'; "
        "2: 'Thank God their injuries were minor'; 3: 'strongly support the Syrian government')",
        "briefs/a/brief.yml:10: quotes[2].speaker: 'Bashar al Assad' is not an actor here "
        "(did you mean 'Bashar al-Assad'?)",
    ]


def _with_nested_quotes() -> Extraction:
    data = extraction()
    evidence = Evidence("a.txt", 2, "s", 0, 1)
    data.quotes += [Quote("Foreign interference", None, evidence), Quote("foreign interference", None, evidence),
                    Quote("attributing the events to foreign interference is wrong", None, evidence)]
    return data


def _curated(data: Extraction, yaml_text: str) -> Extraction:
    config = parse_brief_config("title: T\ndate: 2024-11-30\n" + yaml_text, Path("brief.yml"), "brief.yml")
    return curate(data, config, "briefs/a/brief.yml")


def test_a_quote_whose_whole_text_is_the_match_wins_over_longer_ones_that_hold_it():
    data = _curated(_with_nested_quotes(), 'quotes:\n  - match: "Foreign interference"\n    hide: true\n')
    assert [q.text for q in data.quotes if "nterference" in q.text] == [
        "foreign interference", "attributing the events to foreign interference is wrong"]


def test_occurrence_picks_one_of_several_matches_in_text_order():
    data = _curated(_with_nested_quotes(), 'quotes:\n  - match: "interference"\n    occurrence: 3\n'
                                           '    speaker: Iran\n')
    assert data.quotes[-1].speaker == "Iran"


def test_several_matches_are_listed_with_their_occurrence_numbers():
    with pytest.raises(InputError) as caught:
        _curated(_with_nested_quotes(), 'quotes:\n  - match: "interference"\n    hide: true\n'
                                        '  - match: "interference"\n    occurrence: 4\n    hide: true\n')
    assert [str(problem) for problem in caught.value.problems] == [
        "briefs/a/brief.yml:4: quotes[0].match: 'interference' matches 3 quotes: use a longer piece of the text, "
        "or add 'occurrence: N' to pick one (1: 'Foreign interference'; 2: 'foreign interference'; "
        "3: 'attributing the events to foreign interference is…')",
        "briefs/a/brief.yml:6: quotes[1].match: 'interference' matches 3 quotes, so there is no occurrence 4",
    ]


def test_occurrence_must_count_from_one():
    with pytest.raises(InputError, match=r"quotes\[0\]\.occurrence: must be a whole number from 1"):
        parse_brief_config('title: T\ndate: 2024-11-30\nquotes:\n  - match: "x"\n    occurrence: 0\n    hide: true\n',
                           Path("brief.yml"), "brief.yml")


def test_a_hidden_actor_leaves_with_its_quotes_and_reactions_unless_a_quote_is_given_to_another():
    """#18: a hidden actor's quotes stayed on the page under a name that linked nowhere."""
    data = apply("actors:\n  Iran: {hide: true}\n")
    assert "Iran" not in {a.name for a in data.actors}
    assert [q.speaker for q in data.quotes] == [None, None] and data.reactions == []
    kept = apply('actors:\n  Iran: {hide: true}\nquotes:\n  - match: "strongly support"\n'
                 '    speaker: Bashar al-Assad\n')
    assert [q.speaker for q in kept.quotes] == [None, None, "Bashar al-Assad"]


def test_a_briefing_of_several_articles_summarises_them_all_without_saying_a_thing_twice():
    from generator.curate import merged_summary

    wire_a = ["Rebels seized Aleppo on Friday after a surprise offensive.", "Russia struck Idlib in reply.",
              "The UN envoy warned of grave risks."]
    wire_b = ["Rebels seized the city of Aleppo on Friday in a surprise offensive, witnesses said.",
              "Turkey denied any role in the offensive."]
    # every lede (wire B's says wire A's again), then every second sentence, as long as the longest summary
    assert merged_summary([wire_a, wire_b]) == [
        "Rebels seized Aleppo on Friday after a surprise offensive.", "Russia struck Idlib in reply.",
        "Turkey denied any role in the offensive."]
    assert merged_summary([wire_a]) == wire_a and merged_summary([]) == []


def test_a_reaction_reported_by_two_sources_keeps_each_quote_once_in_its_longest_wording():
    from generator.curate import longest_wordings

    assert longest_wordings(("strongly support the army", "de-escalation", "Strongly support the army.",
                             "de-escalation", "support")) == ("de-escalation", "Strongly support the army.")
    assert longest_wordings(("no!", "No.")) == ("no!",)  # equally long: the first
