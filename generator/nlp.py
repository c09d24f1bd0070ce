"""The spaCy pipeline: loaded once per process, one parse per article, shared by every extractor.

The English pipeline is extended with three components: paragraph breaks become sentence breaks, an entity
ruler knows the project's gazetteer (countries with their demonyms and capitals, international bodies, outlets),
which the small model often gets wrong, and a gazetteer name that is the tail of a longer name is left to the
model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from . import lexicon
from .errors import PipelineError
from .model import Article, Evidence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article and its one spaCy parse."""

    article: Article
    doc: Doc

    def paragraph_of(self, char: int) -> int:
        return self.article.paragraph_at(char)

    def in_headline(self, char: int) -> bool:
        return self.article.headline_paragraph and self.paragraph_of(char) == 0

    def evidence(self, start: int, end: int) -> Evidence:
        """Provenance of the text between two character offsets: its paragraph and its sentence."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        sentence = sentence_text(span.sent) if span is not None and len(span) else ""
        return Evidence(self.article.source_file, self.paragraph_of(start), sentence, start, end)


def sentence_text(sentence: Span) -> str:
    """The sentence's text, with the closing quotation mark that the parser sometimes splits off into a
    "sentence" of its own ('... would "strongly support the army.' + '"') given back to it."""
    doc = sentence.doc
    end = sentence.end
    while end < len(doc) and doc[end].is_quote and not doc[end - 1].whitespace_:
        end += 1
    return doc[sentence.start:end].text.strip()


@cache
def load_pipeline(model: str) -> Language:
    """Load the spaCy pipeline `model` with the project's components; cached for the process."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise PipelineError(
            f"the spaCy pipeline '{model}' is not installed ({error}). Run `make site` to install the "
            "default one, or set BRIEFGEN_MODEL to an installed English pipeline."
        ) from error
    _split_approximately(nlp)
    _split_glued_punctuation(nlp)
    _keep_title_abbreviations(nlp)
    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    nlp.add_pipe("paragraph_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer", before="ner")
    ruler.add_patterns(gazetteer_patterns())  # type: ignore[attr-defined]
    if "whole_names" not in Language.factories:
        Language.component("whole_names", func=_whole_names)
    nlp.add_pipe("whole_names", after="gazetteer")
    return nlp


def _split_approximately(nlp: Language) -> None:
    """"~1.2mm" is "about 1.2 mm": the tilde becomes its own token so that the number is seen."""
    from spacy.util import compile_prefix_regex

    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer is a Cython class without type stubs
    tokenizer.prefix_search = compile_prefix_regex([*(nlp.Defaults.prefixes or ()), "~"]).search


# Quotation marks typed without their space ("Ryan said,“Look, …”He left") are split off as they are after a
# space: a curly double mark anywhere in a word, a comma between a word and a mark, and a straight double mark
# after a comma, colon or semicolon. Otherwise "said,“Look" is one token, and the quote has no speaker.
_GLUED_QUOTATION_MARKS = (r"[“”„]", r"(?<=[^\W\d_]),(?=[“\"])", r"(?<=[,;:])\"")
# A dash typed without spaces between a word and the number after it ("in recent years—26 cases") is split off,
# as spaCy already splits it between two words and after a number ("November 3—nine days"); otherwise
# "years—26" is one token and the figure is lost. A dash between two numbers is a range ("3–4") and stays.
_GLUED_DASHES = (r"(?<=[^\W\d_])[—–](?=\d)",)


def _split_glued_punctuation(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer is a Cython class without type stubs
    tokenizer.infix_finditer = compile_infix_regex(
        [*(nlp.Defaults.infixes or ()), *_GLUED_QUOTATION_MARKS, *_GLUED_DASHES]).finditer


def _keep_title_abbreviations(nlp: Language) -> None:
    """"Capt.", "Lt." and the other titles written with a full stop are one token, as "Mr." already is: split
    off, the stop ended the sentence inside a name ("said Air Force 1st Lt. | Tyler Livingston")."""
    from spacy.symbols import ORTH  # type: ignore[import-not-found]  # a Cython module without stubs

    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer is a Cython class without type stubs
    for title in lexicon.titles():
        if title.endswith(".") and " " not in title:
            tokenizer.add_special_case(title, [{ORTH: title}])


# An article longer than this is parsed in pieces of whole paragraphs, joined into one document: the parser's
# memory grows faster than the text (2.6 GB for one 800,000-character document), and spaCy refuses a text over
# 1,000,000 characters. Every article of the gold folders is shorter (the longest has 33,672), so they are
# parsed whole; the pieces change the parse only for the few tokens around a piece's first paragraph break.
PARSE_PIECE_CHARACTERS = 100_000


def parse(article: Article, model: str) -> ParsedArticle:
    nlp = load_pipeline(model)
    text = article.text
    if len(text) <= PARSE_PIECE_CHARACTERS:
        return ParsedArticle(article=article, doc=nlp(text))
    from spacy.tokens import Doc

    pieces = nlp.pipe(_pieces(text, PARSE_PIECE_CHARACTERS), batch_size=1)  # one piece in memory at a time
    doc = Doc.from_docs(list(pieces), ensure_whitespace=False)
    return ParsedArticle(article=article, doc=doc)


def _pieces(text: str, size: int) -> list[str]:
    """The text cut after paragraph breaks into pieces of about `size` characters (a paragraph longer than
    that is cut at a space), which joined give the text back exactly."""
    pieces = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n\n", start, start + size) + 2
        if cut <= start + 1:
            cut = text.rfind(" ", start, start + size) + 1
        if cut <= start:
            cut = start + size
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break. The starts are written as one array: setting
    `token.is_sent_start` makes spaCy scan the whole document each time, quadratic on long articles."""
    from spacy.attrs import SENT_START  # type: ignore[import-not-found]  # a Cython module without stubs

    starts: Any = doc.to_array([SENT_START])  # one value per token (uint64): 1 a start, 0 unknown
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            starts[token.i] = 1
    doc.from_array([SENT_START], starts)
    return doc


def _whole_names(doc: Doc) -> Doc:
    """A gazetteer name that is the tail of a longer capitalised name is left to the model: "National" +
    "Security Council", "New" + "Mexico", "Northern" + "Ireland" are other names. A capitalised word that opens
    its sentence ("Visiting Ukraine"), is a gazetteer name itself ("U.N." + "Security Council") or stands in a
    title-case headline ("Trump Threatens Iran") cuts nothing."""
    ents = doc.ents  # spaCy rebuilds the tuple from every token on each access: read it once
    matched = {token.i for ent in ents for token in ent}
    tails = [ent for ent in ents if ent.start > 0 and _opens_longer_name(doc[ent.start - 1], matched)]
    if tails:
        kept = [ent for ent in ents if ent not in tails]
        for ent in tails:
            for token in ent:
                token.ent_id_ = ""
        doc.set_ents(kept, default="missing")  # the model labels the whole name afresh
    return doc


def _opens_longer_name(token: Token, matched: set[int]) -> bool:
    return token.is_title and token.is_alpha and not token.is_sent_start and token.i not in matched \
        and not _title_case(token.sent)


# A sentence with more capitalised words than this is a headline, not running text. Running text with many
# names stays under it ("Former National Security Council official Timothy Morrison told investigators": 0.67).
TITLE_CASE_SHARE = 0.8


def _title_case(sentence: Span) -> bool:
    words = [token for token in sentence if token.is_alpha]
    return sum(token.is_title for token in words) > TITLE_CASE_SHARE * len(words)


def gazetteer_patterns() -> list[dict[str, object]]:
    patterns: list[dict[str, object]] = []
    excluded = lexicon.ruler_exclusions()
    for country in lexicon.countries():
        for name in (country.name, *country.other_names, *country.capitals):
            if name not in excluded:
                patterns.append({"label": "GPE", "pattern": name, "id": country.name})
        for demonym in country.demonyms:
            patterns.append({"label": "NORP", "pattern": demonym, "id": country.name})
    for people in lexicon.word_list("peoples"):
        patterns.append({"label": "NORP", "pattern": people, "id": people})
    for organization in lexicon.organizations():
        for name in (organization.name, *organization.other_names):
            patterns.append({"label": "ORG", "pattern": name, "id": organization.name})
    # An outlet's name of several words is one name: the model cuts "the Washington Post" to a place
    # ("Washington"). One-word names are left to the model: "Bloomberg" is also Michael Bloomberg.
    for outlet in lexicon.word_list("news_agencies"):
        if " " in outlet:
            patterns.append({"label": "ORG", "pattern": outlet, "id": outlet})
    return patterns

