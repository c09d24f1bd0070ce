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
