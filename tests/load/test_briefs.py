"""A brief folder: its brief.yml and the article files it names (or every article file, in name order)."""

import pytest

from generator.errors import InputError
from generator.load.briefs import read_brief
from tests.helpers import SAMPLE_ARTICLE, SAMPLE_BRIEF


def test_brief_folder_reads_config_and_articles(make_brief):
    briefs = make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    source = read_brief(briefs / "aleppo", briefs.parent)
    assert source.slug == "aleppo"
    assert source.config.title == "Rebels seize Aleppo"
    assert [s.file for s in source.sources] == ["article.txt"]
    assert source.articles[0].title == "Rebels seize Aleppo as Iran pledges support"


def test_missing_source_file_names_line_key_and_suggests(make_brief):
    brief = SAMPLE_BRIEF + "sources:\n  - file: artcle.txt\n"
    briefs = make_brief("aleppo", {"brief.yml": brief, "article.txt": SAMPLE_ARTICLE})
    with pytest.raises(InputError) as caught:
        read_brief(briefs / "aleppo", briefs.parent)
    assert [str(p) for p in caught.value.problems] == [
        "briefs/aleppo/brief.yml:6: sources[0].file: 'artcle.txt' does not exist in aleppo/ "
        "(did you mean 'article.txt'?)"
    ]


def test_folder_without_article_is_an_error(make_brief):
    briefs = make_brief("empty", {"brief.yml": SAMPLE_BRIEF})
    with pytest.raises(InputError, match=r"no article file \(.txt, .md, .html\) in empty/"):
        read_brief(briefs / "empty", briefs.parent)


@pytest.mark.parametrize(("file", "message"), [
    ("/etc/passwd", "'/etc/passwd' is not a file of aleppo/: a source must be a file in the brief's own folder"),
    ("../../../../etc/passwd", "is not a file of aleppo/"),
    ("brief.yml", "'brief.yml' is not a file of aleppo/"),
    ("notes.pdf", "'notes.pdf' is not an article file: use .txt, .md or .html"),
    ("sub.txt", "'sub.txt' is a folder, not an article file"),
])
def test_a_source_outside_the_brief_folder_or_not_an_article_is_an_error_with_line_and_key(make_brief, file,
                                                                                           message):
    briefs = make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF + f"sources:\n  - file: {file!r}\n",
                                   "article.txt": SAMPLE_ARTICLE})
    (briefs / "aleppo" / "sub.txt").mkdir()
    with pytest.raises(InputError) as caught:
        read_brief(briefs / "aleppo", briefs.parent)
    [problem] = caught.value.problems
    assert str(problem).startswith("briefs/aleppo/brief.yml:6: sources[0].file: ") and message in str(problem)


def test_an_article_linked_from_outside_the_folder_is_never_read(make_brief, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The secret plan was agreed in full by the whole board on Monday night.")
    briefs = make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    (briefs / "aleppo" / "leak.txt").symlink_to(secret)
    assert [ref.file for ref in read_brief(briefs / "aleppo", briefs.parent).sources] == ["article.txt"]
    named = make_brief("named", {"brief.yml": SAMPLE_BRIEF + "sources:\n  - file: leak.txt\n",
                                 "article.txt": SAMPLE_ARTICLE})
    (named / "named" / "leak.txt").symlink_to(secret)
    with pytest.raises(InputError, match=r"'leak\.txt' is not a file of named/"):
        read_brief(named / "named", named.parent)


def test_a_folder_name_a_url_cannot_carry_is_a_problem_of_the_brief(make_brief):
    briefs = make_brief("my_brief", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    [problem] = read_brief(briefs / "my_brief", briefs.parent).problems
    assert "the folder name 'my_brief' is the briefing's address" in str(problem)


def test_a_folder_with_problems_is_still_read_so_its_curation_can_be_checked(make_brief):
    """A misspelt key and a missing second article are problems of the brief, and the rest of it is read."""
    brief = SAMPLE_BRIEF + "countyr: Syria\nsources:\n  - file: article.txt\n  - file: second.txt\n"
    briefs = make_brief("aleppo", {"brief.yml": brief, "article.txt": SAMPLE_ARTICLE})
    source = read_brief(briefs / "aleppo", briefs.parent)
    assert [str(p) for p in source.problems] == [
        "briefs/aleppo/brief.yml:5: countyr: unknown key (did you mean 'country'?)",
        "briefs/aleppo/brief.yml:8: sources[1].file: 'second.txt' does not exist in aleppo/",
    ]
    assert [ref.file for ref in source.sources] == ["article.txt"] and len(source.articles) == 1
