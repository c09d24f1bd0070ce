"""Test inputs in one line: a parsed article from a few sentences, sample brief files."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from generator.clean import clean_article
from generator.extract.analysis import Analysis, analyse
from generator.nlp import ParsedArticle, parse
from generator.settings import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent
# The gold corpus beside the checkout; BRIEFGEN_CORPUS points elsewhere (the tests of the missing-corpus
# warning use it).
SHARED_CORPUS = Path(os.environ.get("BRIEFGEN_CORPUS") or ROOT.parent / "shared" / "corpus")


def parsed(text: str) -> ParsedArticle:
    """Parse a test article; paragraphs are separated by blank lines, the first may be a headline."""
    return parse(clean_article(textwrap.dedent(text).strip(), "test.txt"), DEFAULT_MODEL)


def analysed(text: str) -> Analysis:
    """The analysis of a test article, as every extractor reads it."""
    return analyse(parsed(text))


def analysed_page(headline: str, standfirst: str, body: str) -> Analysis:
    """The analysis of a saved page's article: a headline and a standfirst from the page, then the body."""
    article = clean_article(textwrap.dedent(body).strip(), "test.html", headline=headline, standfirst=standfirst)
    return analyse(parse(article, DEFAULT_MODEL))


SAMPLE_ARTICLE = """\
Rebels seize Aleppo as Iran pledges support

Syrian President Bashar al-Assad vowed on Saturday to defeat the rebels who took Aleppo.

Iran's Foreign Minister Abbas Araghchi travelled to Damascus.
"We will strongly support the Syrian army," Mr. Araghchi said.

According to the Observatory, the fighting has killed at least 61 civilians.
"""

SAMPLE_BRIEF = """\
title: Rebels seize Aleppo
date: 2024-11-30
country: Syria
tags: [syria]
"""
