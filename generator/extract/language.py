"""Language: whether an article is written in English, the only language the pipeline's model reads.

The English model reads any other language as a run of unknown capitalised words: a German page gave eighty
"people" ("Gesundheitswesen", "Kostendruck") and a Russian one thirty. Nothing is extracted from an article
that reads as another language; its briefing page says why, and the build says it too.

Two tests, both on the article's text alone: the script of its letters (mostly not Latin: Cyrillic, Hangul,
kana, Chinese, Arabic), then, for a Latin script, which language's commonest function words it uses most.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .. import lexicon
from .rules import MIN_FOREIGN_FUNCTION_WORDS, MIN_LATIN_LETTER_SHARE

ENGLISH = "English"
_WORD = re.compile(r"[^\W\d_]+")


def language_of(text: str) -> str:
    """"English", another language's name ("German"), or the script of a text not written in Latin letters
    ("Cyrillic script", "Japanese kana")."""
    script = _main_script(text)
    if script is not None:
        return lexicon.word_map("script_names").get(script) or f"{script.title()} script"
    languages = lexicon.function_word_languages()
    counts = Counter(language for word in _WORD.findall(text) for language in languages.get(word.lower(), ()))
    english = counts.pop(ENGLISH, 0)
    if not counts:
        return ENGLISH
    language, count = max(counts.items(), key=lambda item: item[1])
    return language if count > english and count >= MIN_FOREIGN_FUNCTION_WORDS else ENGLISH


def _main_script(text: str) -> str | None:
    """The script most of the letters are written in, when it is not the Latin; None for a Latin text (or one
    without letters)."""
    # An ASCII letter is Latin: only the others are looked up, which keeps the pass cheap on English text.
    scripts = Counter("LATIN" if char.isascii() else unicodedata.name(char, "UNKNOWN").split()[0]
                      for char in text if char.isalpha())
    total = sum(scripts.values())
    if not total or scripts["LATIN"] / total >= MIN_LATIN_LETTER_SHARE:
        return None
    scripts.pop("LATIN", None)
    script = max(scripts.items(), key=lambda item: item[1])[0]
    # Japanese writes most words in Chinese characters, and its grammar in kana, which Chinese never uses.
    return "HIRAGANA" if script == "CJK" and scripts["HIRAGANA"] + scripts["KATAKANA"] else script
