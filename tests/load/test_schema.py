from pathlib import Path

import pytest

from generator.errors import InputError
from generator.load.schema import TOP_KEYS, parse_brief_config, suggest


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_brief_config(text, Path("brief.yml"), "briefs/x/brief.yml")
    return [str(problem) for problem in caught.value.problems]


def test_valid_config_is_typed():
    config = parse_brief_config(
        "title: T\ndate: 2024-11-30\ntags: [a, b]\nactors:\n  Mr. Assad: Bashar al-Assad\n"
        "  Umm Mohamed: {hide: true}\nquotes:\n  - match: Thank God\n    hide: true\n",
        Path("brief.yml"), "brief.yml",
    )
    assert config.date == "2024-11-30"
    assert config.tags == ("a", "b")
    assert config.actors[0].merge_into == "Bashar al-Assad"
    assert config.actors[1].hide is True
    assert config.quotes[0].match == "Thank God" and config.quotes[0].hide


def test_unknown_key_names_file_line_and_suggests_the_key_meant():
    assert problems("title: T\ndate: 2024-11-30\ncountyr: Syria\n") == [
        "briefs/x/brief.yml:3: countyr: unknown key (did you mean 'country'?)"
    ]


def test_nested_key_error_has_its_path_and_line():
    found = problems("title: T\ndate: 2024-11-30\nquotes:\n  - match: x\n    speeker: Fidan\n")
    assert found[0] == "briefs/x/brief.yml:5: quotes[0].speeker: unknown key (did you mean 'speaker'?)"


def test_every_problem_is_reported_at_once():
    found = problems("date: 30/11/2024\nstatus: drafted\ntags: 5\n")
    assert "briefs/x/brief.yml:1: date: '30/11/2024' is not an ISO date (YYYY-MM-DD)" in found
    assert "briefs/x/brief.yml:2: status: 'drafted' is not one of published, draft (did you mean 'draft'?)" in found
    assert "briefs/x/brief.yml:3: tags: must be a list, not a number" in found
    assert any("the required key 'title' is missing" in problem for problem in found)


def test_invalid_yaml_reports_its_line():
    found = problems("title: T\ndate: [2024\n")
    assert len(found) == 1 and found[0].startswith("briefs/x/brief.yml:")
    assert "is not valid YAML" in found[0]


def test_empty_file_is_an_error():
    assert problems("") == ["briefs/x/brief.yml: is empty: it needs at least 'title' and 'date'"]


def test_figure_edit_needs_add_or_match():
    found = problems("title: T\ndate: 2024-11-30\nfigures:\n  - hide: true\n")
    assert found == ["briefs/x/brief.yml:4: figures[0]: a figure edit needs exactly one of 'add' or 'match'"]


def test_suggest_is_case_insensitive_and_returns_none_when_nothing_is_close():
    assert suggest("TAGS", list(TOP_KEYS)) == "tags"
    assert suggest("zzzz", list(TOP_KEYS)) is None


def test_empty_entries_in_lists_name_their_missing_key():
    assert problems("title: T\ndate: 2024-11-30\nsources:\n  - {}\nquotes:\n  - {}\n") == [
        "briefs/x/brief.yml:4: sources[0]: the required key 'file' is missing",
        "briefs/x/brief.yml:6: quotes[0]: the required key 'match' is missing",
    ]


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_brief_config(text, Path("brief.yml"), "brief.yml")
    return [str(problem) for problem in caught.value.problems]


def test_an_alias_bomb_is_refused_at_once_not_expanded():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    assert problems_of("title: T\ndate: 2024-01-01\n" + bomb) == [
        "brief.yml:4: is not valid YAML: aliases (*name) are not allowed in brief.yml: write the value out"]


def test_deep_nesting_is_refused_with_a_message_not_a_recursion_error():
    [problem] = problems_of("title: T\ndate: 2024-01-01\ntags: " + "[" * 20000)
    assert problem.startswith("brief.yml:3: is not valid YAML: nested more than 20 levels deep")


def test_a_key_given_twice_an_empty_title_a_date_with_a_time_and_an_empty_rename_are_all_reported():
    text = ('title: ""\ndate: !!timestamp 2024-01-01 10:00:00\ntags: [a]\ntags: [b]\n'
            'actors:\n  Assad: ""\nnull: 1\n')
    assert problems_of(text) == [
        "brief.yml:4: tags: this key is given twice; the second would silently win",
        "brief.yml:7: null: unknown key (known keys: title, date, country, region, tags, story, status, sources, "
        "summary, bottom_line, actors, quotes, figures, reactions)",
        "brief.yml:1: title: must not be empty",
        "brief.yml:2: date: '2024-01-01 10:00:00' has a time: give the date alone (YYYY-MM-DD)",
        "brief.yml:6: actors.Assad: an empty name: give the actor's name to merge into, or `{hide: true}`",
    ]


def test_a_null_key_is_reported_at_its_own_line_by_its_written_name():
    """Finding 9 of #16: `null:` was reported at line 1 as `None`."""
    with pytest.raises(InputError) as error:
        parse_brief_config("title: T\ndate: 2024-01-01\nnull: 3\n", Path("b.yml"), "b.yml")
    assert [(p.line, p.key) for p in error.value.problems] == [(3, "null")]


@pytest.mark.parametrize(("text", "expected"), [
    ("title: T\ndate: 2024-01-01\ntags:\n\t- a\n",
     "briefs/x/brief.yml:4: is not valid YAML: found character '\\t' that cannot start any token (this line is "
     "indented with a tab: indent with spaces)"),
    ("title: T\ndate: 2024-01-01\nfigures:\n  - add: {text: x, value: lots}\n",
     "briefs/x/brief.yml:4: figures[0].add.value: must be a number, not a text"),
    ("title: T\ndate: 2024-01-01\nsummary:\n  - a\n ? b\n",
     "briefs/x/brief.yml:5: is not valid YAML: expected <block end>, but found '<block mapping start>' (a line "
     "starting with '?' is read as a complex key: quote the text, or check the indentation)"),
    ("title: T\ntags: [syria, iran\ndate: 2024-01-01\n",
     "briefs/x/brief.yml:2: is not valid YAML: the '[' opened on this line is not closed (add ']')"),
    ("title: T\nactors: {Mr. Assad: Bashar al-Assad\ndate: 2024-01-01\n",
     "briefs/x/brief.yml:2: is not valid YAML: the '{' opened on this line is not closed (add '}')"),
    ('title: "Rebels seize Aleppo\ndate: 2024-01-01\ncountry: Syria\n',
     "briefs/x/brief.yml:1: is not valid YAML: the quote opened on this line is not closed"),
])
def test_yaml_mistakes_editors_make_get_a_hint(text, expected):
    """#18: a tab, a '?' line and 'must be a number or a number' were reported without help; an unclosed
    bracket or quote was reported where YAML noticed it, a line or more after the line to fix."""
    assert problems(text) == [expected]


def test_a_story_is_a_name_with_its_spaces_tidied_and_an_empty_one_is_a_problem():
    config = parse_brief_config("title: T\ndate: 2024-11-30\nstory: '  Fall of   Aleppo '\n", Path("brief.yml"), "b")
    assert config.story == "Fall of Aleppo"
    assert problems("title: T\ndate: 2024-11-30\nstory: ' '\n") == [
        "briefs/x/brief.yml:3: story: must not be empty: name the story, or leave the key out"]
    assert problems("title: T\ndate: 2024-11-30\nstory: [a]\n") == [
        "briefs/x/brief.yml:3: story: must be a text, not a list"]


def test_an_empty_or_non_text_bottom_line_is_reported_at_its_line():
    assert problems_of("title: T\ndate: 2024-01-01\nbottom_line: '  '\n") == [
        "brief.yml:3: bottom_line: must not be empty: write the sentence, or leave the key out"]
    assert problems_of("title: T\ndate: 2024-01-01\nbottom_line: [a, b]\n") == [
        "brief.yml:3: bottom_line: must be a text, not a list"]


def test_a_bottom_line_is_read_with_its_white_space_folded():
    config = parse_brief_config("title: T\ndate: 2024-01-01\nbottom_line: >\n  Rebels took\n  Aleppo.\n",
                                Path("b.yml"), "b.yml")
    assert config.bottom_line == "Rebels took Aleppo."
