"""Quotes and their speakers.

The quoted spans come from the analysis (`quote_marks.py` reads the marks once per article); for each,
`attribute` finds the speech verb near it, its subject, and resolves that subject to an actor (names, surnames,
pronouns, descriptions such as "the minister").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Actor, Quote
from ..nlp import ParsedArticle
from .analysis import Analysis
from .names import clean_name, entities_in, entity_at, is_known_place, strip_titles, surname_key
from .quote_marks import (
    OPEN_DOUBLE,
    OPEN_SINGLE,
    OPENING_MARKS,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
    QuotedText,
    QuoteSpan,
)
from .resolve import PRONOUN_SEX, ActorResolver, country_of_people
from .rules import DESCRIBED_NAME_MAX_WORDS, INVERSION_REACH, SHORT_QUOTE_WORDS, TITLE_LONG_MAX_WORDS, TITLE_MAX_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MEDIA_NOUNS = lexicon.word_set("media_nouns")
# Verbs of saying that put their subject after them when they follow a quote ("…,” stated a document).
INVERSION_VERBS = lexicon.word_set("inversion_verbs")
PRONOUNS = lexicon.word_map("pronouns")
BODY_NOUNS = lexicon.word_set("body_nouns")  # "the ministry said": the body the article named
SPEECH_NOUNS = lexicon.word_set("speech_nouns")  # "Trump's claim that …": the possessor's words
PHRASAL_SPEECH_VERBS = lexicon.word_set("speech_phrasal_verbs")  # "“…,” Trump shot back"
ADDRESSEE_VERBS = lexicon.word_set("addressee_verbs")  # "X was told": X listens
SOURCE_VERBS = frozenset({"quote", "cite"})  # "…, citing the ministry": the ministry's words
SOURCES = BODY_NOUNS | MEDIA_NOUNS  # what a report quotes or cites that is no name: "the ministry", "state media"
INDEFINITE = frozenset({"a", "an", "another", "one"})  # "an architect said": someone the text has not named
OFFICE_NOUNS = lexicon.office_nouns()  # "a Hamas official": an office that speaks for the body named before it


def extract_quotes(analysis: Analysis, actors: list[Actor]) -> list[Quote]:
    """Every quoted span that reproduces someone's words, with its speaker resolved to an actor or None."""
    parsed = analysis.parsed
    resolver = ActorResolver(actors, parsed.doc, parsed.paragraph_of, analysis.name_words, analysis.cited_reporters,
                             analysis.quoted)
    quotes: list[Quote] = []
    headings: list[Quote] = []  # quotes in headlines and cross-heads, attributed by their echo in the body
    previous: tuple[QuoteSpan, str | None] | None = None
    for span in analysis.quote_spans:
        text = _inner_text(parsed.article.text, span)
        if not text or not is_quotation(text):
            continue
        in_heading = parsed.article.paragraphs[span.paragraph].is_heading
        if not in_heading and is_title(text):
            continue
        found_speaker = attribute(parsed, span, analysis.quoted, resolver, quotes, previous)
        speaker, found = found_speaker.speaker, found_speaker.found
        inferred = found_speaker.inferred if speaker is not None else None
        quote = Quote(text=text, speaker=speaker, evidence=parsed.evidence(span.start, span.end),
                      inferred=inferred, reference=found_speaker.reference if inferred else None)
        if not found and in_heading:
            headings.append(quote)
            continue
        if len(text.split()) <= SHORT_QUOTE_WORDS and (not found or (speaker is None and span in analysis.labels)):
            continue
        quotes.append(quote)
        previous = (span, speaker)
    return sorted([*quotes, *_echoed(headings, quotes)], key=lambda q: q.evidence.start if q.evidence else 0)


def _echoed(headings: list[Quote], quotes: list[Quote]) -> list[Quote]:
    """A quote in a headline or cross-head repeats words the body quotes: it has the body quote's speaker
    (‘Foreign interference’ ... – Turkey, then Fidan dismissed “foreign interference”), found as surely as
    there: when the body names the speaker by a pronoun or a description, the page says so for both."""
    kept = []
    for heading in headings:
        pattern = re.compile(rf"\b{re.escape(heading.text.casefold())}\b")
        echo = next((q for q in quotes if q.speaker and pattern.search(q.text.casefold())), None)
        if echo is not None:
            kept.append(Quote(text=heading.text, speaker=echo.speaker, evidence=heading.evidence,
                              inferred=echo.inferred, reference=echo.reference))
        elif len(heading.text.split()) > SHORT_QUOTE_WORDS:
            kept.append(heading)
    return kept


_TRANSCRIPT_TURN = re.compile(r"^[A-Z][A-Z.' -]+:")


_MARKUP = re.compile(r"<[A-Za-z/]")


def is_quotation(text: str) -> bool:
    """Not every quoted span quotes someone: transcripts mark turns ("PENCE: ..."), stage directions are in
    parentheses ("(CROSSTALK.)"), and markup left in a saved page puts its attributes in quotation marks
    (“<tweet id=”, “[<a href=”, “>Rubio stadium event…”)."""
    if _TRANSCRIPT_TURN.match(text) or _MARKUP.search(text) or text.endswith("=") or text.startswith(">"):
        return False
    return not (text.startswith("(") and text.rstrip(".").endswith(")"))


_TITLE_SMALL_WORDS = lexicon.word_set("title_small_words")


def is_title(text: str) -> bool:
    """A name in quotation marks, not someone's words: a show, a book, an event, every word capitalised
    ("Fox News Sunday", "Keepin' It Real", "How to Foster Long-Term Innovation Investment"), or a longer
    headline or a subtitled title, cited in full ("TrumpNation: The Art of Being the Donald")."""
    words = text.rstrip(".").split()
    short = 2 <= len(words) <= TITLE_MAX_WORDS and not any(mark in text for mark in ",;:?!")
    cited = 2 <= len(words) <= TITLE_LONG_MAX_WORDS and not any(mark in text for mark in ";?!") and (
        len(words) > TITLE_MAX_WORDS or ":" in text)
    if not (short or cited):
        return False
    capitalised = all(word[:1].isupper() or word[:1].isdigit() or word in _TITLE_SMALL_WORDS for word in words)
    return capitalised and (words[0][:1].isupper() or words[0][:1].isdigit())


def _inner_text(text: str, span: QuoteSpan) -> str:
    inner = text[span.start:span.end].strip()
    return inner[:-1].rstrip() if inner.endswith(",") else inner


def _inner(parsed: ParsedArticle, span: QuoteSpan) -> Span | None:
    """The tokens between the quotation marks (at least the first), or None when the parse has none there."""
    inner = parsed.doc.char_span(span.start, max(span.start + 1, span.end), alignment_mode="expand")
    return inner if inner is not None and len(inner) else None


def _sentences(parsed: ParsedArticle, span: QuoteSpan) -> list[Span]:
    """The sentences the quote touches, and the one right after its closing mark ("…,” he said.")."""
    doc = parsed.doc
    inner = _inner(parsed, span)
    if inner is None:
        return []
    sentences: list[Span] = []
    candidates = [inner[0], inner[-1]]
    if inner.end < len(doc) and parsed.paragraph_of(doc[inner.end].idx) == span.paragraph:
        after = doc[inner.end]
        if after.is_punct and after.i + 1 < len(doc):
            after = doc[after.i + 1]
        candidates.append(after)
    for token in candidates:
        if token.sent not in sentences and parsed.paragraph_of(token.sent.start_char) == span.paragraph:
            sentences.append(token.sent)
    return sentences


def _inside_any(token: Token, quoted: QuotedText) -> bool:
    return quoted.holds(token.idx)


@dataclass(frozen=True, slots=True)
class FoundSpeaker:
    speaker: str | None
    found: bool  # an attribution was found; speaker None with found True means "cannot tell"
    inferred: str | None = None  # "pronoun", "description", "continued" or "context" (see model.Quote)
    reference: str | None = None


def _by_subject(subject: Token, resolver: ActorResolver, quotes: list[Quote], parsed: ParsedArticle) -> FoundSpeaker:
    speaker = resolve_subject(subject, resolver, quotes, parsed)
    if subject.lower_ in PRONOUNS:
        return FoundSpeaker(speaker, True, "pronoun", subject.text)
    if not subject.ent_type_ and subject.pos_ == "NOUN":
        phrase = parsed.doc[subject.left_edge.i:subject.i + 1].text  # "the minister", "China's ambassador"
        if speaker is None or resolver.lookup(phrase) != speaker:  # "Russia's military" names its actor
            return FoundSpeaker(speaker, True, "description", phrase)
    return FoundSpeaker(speaker, True)


def attribute(
    parsed: ParsedArticle,
    span: QuoteSpan,
    quoted: QuotedText,
    resolver: ActorResolver,
    quotes: list[Quote],
    previous: tuple[QuoteSpan, str | None] | None,
) -> FoundSpeaker:
    """The speaker, whether an attribution was found, and how the speaker was inferred when the text does not
    name them.

    In order: a speech verb in the quote's sentences and its subject; "according to X"; a sentence introducing
    the quote with a colon; the speaker of the quote just before, when this one continues it."""
    sentences = _sentences(parsed, span)
    signed = _dash_signature(parsed, span)
    if signed is not None:
        return _by_subject(signed, resolver, quotes, parsed)
    owner = _owner_of_words(parsed, span, quoted)
    if owner is not None:
        return _by_subject(owner, resolver, quotes, parsed)
    # The parser's sentence may run on into the next paragraph ("“…” \nRep. Steve Israel said …"): the quote's
    # own attribution is in the paragraphs it spans.
    last = parsed.paragraph_of(max(span.start, span.end - 1))
    subject = _speech_subject(sentences, span, quoted,
                              lambda verb: span.paragraph <= parsed.paragraph_of(verb.idx) <= last)
    if subject is not None:
        return _by_subject(subject, resolver, quotes, parsed)
    for sentence in sentences:
        according = _according_to(sentence, quoted)
        if according is not None:
            return _by_subject(according, resolver, quotes, parsed)
    introduction = _introduction(parsed, span, sentences)
    if introduction is not None:
        subject = _speech_subject([introduction], span, quoted)
        if subject is not None:
            return _by_subject(subject, resolver, quotes, parsed)
    named = _named_before_colon(parsed, span, quoted)
    if named is not None:
        return FoundSpeaker(resolver.in_phrase(named) or clean_name(named.text), True)
    if previous is not None and sentences and _continues(parsed, previous[0], span, sentences[0]):
        return FoundSpeaker(previous[1], True, "continued")
    subject = _clause_subject(parsed, sentences, span, quoted, resolver)
    if subject is not None:
        return _by_subject(subject, resolver, quotes, parsed)
    announced = _announced_before(parsed, span, sentences, quoted, resolver)
    if announced is not None:
        subject, by_topic = announced
        found = _by_subject(subject, resolver, quotes, parsed)
        if found.speaker is not None and by_topic:
            # no verb of saying: the page says whom the sentence before is about
            return FoundSpeaker(found.speaker, True, "context", _subject_phrase(subject).text)
        if found.speaker is not None:
            return found
    return FoundSpeaker(None, False)


def _owner_of_words(parsed: ParsedArticle, span: QuoteSpan, quoted: QuotedText) -> Token | None:
    """The possessor of a noun of words that holds the quote ("Politifact seized on Trump's claim that there
    have been “thousands of shootings”", "his pledge to be “neutral”"), unless a verb of saying with its own
    subject stands between them."""
    inner = _inner(parsed, span)
    if inner is None:
        return None
    token = inner.root
    for _ in range(6):
        if token.head.i == token.i:
            return None
        below, token = token, token.head
        if _inside_any(token, quoted):
            continue
        if _is_speech_verb(token) and any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
            return None
        # what the words say ("claim that …", "pledge to be …", "rejection of …"), not what someone else calls
        # them ("denounced Trump's remarks as “hurtful”")
        says = below.dep_ in ("acl", "ccomp") or (below.dep_ == "prep" and below.lower_ == "of")
        if token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS and says:
            owners = [child for child in token.children if child.dep_ == "poss"]
            if not owners:
                return None
            if owners[0].lower_ in ("his", "her"):
                return _clause_person(token)  # "De Blasio also repeated his claim that …"
            return owners[0] if owners[0].ent_type_ == "PERSON" else None
    return None


def _clause_person(token: Token) -> Token | None:
    """The named person subject of the clause around a token ("When Mr. Trump tried to defend his remarks")."""
    for _ in range(4):
        if token.head.i == token.i:
            break
        token = token.head
        subjects = [child for child in token.children if child.dep_ == "nsubj"]
        if subjects:
            return subjects[0] if subjects[0].ent_type_ == "PERSON" or subjects[0].pos_ == "PROPN" else None
    return None


# How a quote opens, as tokens: a mark, or the two apostrophes or backticks some papers print for a double one
_OPENING_TOKENS = (*OPENING_MARKS, "''", "``")


def _named_before_colon(parsed: ParsedArticle, span: QuoteSpan, quoted: QuotedText) -> Span | None:
    """A quote introduced by a colon with no verb of saying before it is the last person (else organisation)
    named before the colon: "Bush: “The mission is …”", "Here’s Clinton in December 1992: “…”", "Stated
    Stone:" closing the paragraph before."""
    doc = parsed.doc
    opening = doc.char_span(span.start, span.start + 1, alignment_mode="expand")
    if opening is None or opening.start == 0:
        return None
    colon = _written_before(doc[opening.start - 1], skipping=_OPENING_TOKENS)
    if colon.text != ":" or span.paragraph - parsed.paragraph_of(colon.idx) > 1:
        return None
    fragment = doc[colon.sent.start:colon.i]
    names = [ent for ent in entities_in(fragment) if ent.label_ in ("PERSON", "ORG")
             and not quoted.holds(ent.start_char)]
    people = [ent for ent in names if ent.label_ == "PERSON"]
    if not names:
        return None
    # "McConnell delivered a blunt message to Trump: “…”": the person who is the subject before the colon,
    # not the last one named
    subjects = [ent for ent in people if ent.root.dep_ == "nsubj" and ent.root.head.i < colon.i
                and ent.root.head.pos_ in ("VERB", "AUX")]
    named = (subjects or people or names)[-1]
    if len(named) > 1 and named[0].lemma_.lower() in lexicon.speech_verbs():
        named = named[1:]  # "Stated Stone:", the verb taken into the name
    return named


def _written_before(token: Token, skipping: tuple[str, ...] = ()) -> Token:
    """The token itself or, walking back, the first one that is no line break or space (and none of
    `skipping`, such as an opening quotation mark); the document's first token at the latest."""
    while token.i > 0 and (token.is_space or token.text in skipping):
        token = token.doc[token.i - 1]
    return token


def _announced_before(parsed: ParsedArticle, span: QuoteSpan, sentences: list[Span],
                      quoted: QuotedText, resolver: ActorResolver) -> tuple[Token, bool] | None:
    """A quote standing as its own sentence, right after a sentence in which someone speaks without being
    quoted: "Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are …”", or a paragraph
    that is only the quote after "Ash argued in his email, …". The sentence before may be the last of the
    previous paragraph only when the quote opens its own paragraph. When the quote also ends its paragraph, the
    named person the sentence before is about will do too, with no verb of saying (then the second value is
    True: the speaker is who that sentence is about, not who it says spoke)."""
    if not sentences or not _opens_at(parsed, sentences[0].start_char, span) or sentences[0].start == 0:
        return None
    doc = parsed.doc
    sentence = _written_before(doc[sentences[0].start - 1]).sent
    paragraph = parsed.paragraph_of(sentence.start_char)
    paragraph_start = parsed.article.paragraphs[span.paragraph].start
    opens_paragraph = _opens_at(parsed, paragraph_start, span)
    if paragraph != span.paragraph and not (paragraph == span.paragraph - 1 and opens_paragraph):
        return None
    if parsed.article.paragraphs[paragraph].is_heading or quoted.opens_in(sentence.start_char, sentence.end_char):
        return None
    for verb in sentence:
        if _is_speech_verb(verb):
            subject = speaker_of(verb)
            if subject is not None:
                return subject, False
    if _only_quotation(parsed, span):
        # a quote that ends its paragraph, right after a sentence on what a named person thinks or does
        # ("Viguerie is upbeat about Cruz's chances. ¶ “Not only can Ted Cruz win …”", "Bridenstine expects
        # three SLS rockets. “Adding an additional SLS …”"): that person's words
        subject = _topic(sentence, quoted)
        if subject is not None and (subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she")
                                    or _names_a_person(subject, resolver)):
            return subject, True
    return None


def _only_quotation(parsed: ParsedArticle, span: QuoteSpan) -> bool:
    """Nothing but the quote's closing mark and punctuation follows it in its paragraph: no attribution
    ("…,” Nate Silver tweeted") that the parse missed."""
    paragraph = parsed.article.paragraphs[span.paragraph]
    rest = parsed.article.text[span.end:paragraph.start + len(paragraph.text)]
    return not any(character.isalnum() for character in rest)


def _topic(sentence: Span, quoted: QuotedText) -> Token | None:
    """Who the sentence is about: a subject that opens it ("Viguerie is upbeat about …, because he sees …",
    where the parse hangs the main clause under the "because" one), else the subject of its main verb. A
    subject inside a clause that opens the sentence ("But if Sanders wins Iowa, …") is not its topic."""
    subjects = [token for token in sentence if token.dep_ == "nsubj" and not _inside_any(token, quoted)]
    opening = [token for token in sentence[:3] if not (token.is_punct or token.pos_ == "CCONJ")]
    if subjects and opening and subjects[0].left_edge.i == opening[0].i:
        return subjects[0]
    return next((token for token in subjects if token.head.i == sentence.root.i), None)


def _clause_subject(parsed: ParsedArticle, sentences: list[Span], span: QuoteSpan, quoted: QuotedText,
                    resolver: ActorResolver) -> Token | None:
    """A phrase quoted inside a sentence with no verb of saying belongs to the person the sentence is about:
    the named subject of its main verb ("Moore thanked him for “stepping up …”", "Rubio bemoaned a climate
    in which people “literally hate each other”"). A quote that opens its sentence has no such subject."""
    sentence = next((s for s in sentences if s.start_char <= span.start < s.end_char), None)
    if sentence is None or _opens_at(parsed, sentence.start_char, span):
        return None
    root = sentence.root
    for child in root.children:
        if child.dep_ == "nsubj" and child.i < root.i and not _inside_any(child, quoted):
            return child if child.ent_type_ == "PERSON" or child.lower_ in ("he", "she") \
                or _names_a_person(child, resolver) else None
    return None


def _names_a_person(token: Token, resolver: ActorResolver) -> bool:
    """A proper name the model left untyped that the article names as a person elsewhere ("Hoover estimated")."""
    if token.pos_ != "PROPN":
        return False
    name = token.doc[token.left_edge.i:token.i + 1].text
    return resolver.kind(resolver.lookup(name)) == "person"


_DASHES = "―—–"


def _dash_signature(parsed: ParsedArticle, span: QuoteSpan) -> Token | None:
    """A quote signed with a dash and a name right after its closing mark: “…” ― Pamela Padilla."""
    text = parsed.article.text
    rest = text[span.end + 1:span.end + 6]
    stripped = rest.lstrip(" ,")
    if not span.closed or not stripped or stripped[0] not in _DASHES:
        return None
    start = span.end + 1 + (len(rest) - len(stripped)) + 1
    following = parsed.doc.char_span(start, min(len(text), start + 40), alignment_mode="expand")
    if following is None:
        return None
    for token in following:
        if token.is_space:
            continue
        return token if token.ent_type_ == "PERSON" or token.pos_ == "PROPN" else None
    return None


def _speech_subject(sentences: list[Span], span: QuoteSpan, quoted: QuotedText,
                    in_reach: Callable[[Token], bool] = lambda verb: True) -> Token | None:
    """The subject of the speech verb that introduces the quote. A verb whose clause holds the quote comes
    first, the outermost one ("X said the government condemned it as “...”" is X's); then the nearest verb.
    A news agency or outlet that reports ("the AP reports", "as reported by state media") is a source, not
    a speaker, when someone else in the sentence speaks; alone, it is quoted in its own words ("China
    “vastly improved …,” writes the Associated Press")."""
    verbs = [token for sentence in sentences for token in sentence
             if _is_speech_verb(token) and not _inside_any(token, quoted) and in_reach(token)
             and (_holds(token, span) or not _in_relative_clause(token))]
    verbs.sort(key=lambda verb: (0, _depth(verb)) if _holds(verb, span) else (1, _distance(verb, span)))
    media: Token | None = None
    for verb in verbs:
        subject = speaker_of(verb, quote_end=span.end if span.end <= verb.idx else None,
                             quoted=lambda token: _inside_any(token, quoted))
        if subject is None and span.closed and span.end <= verb.idx:
            subject = _name_between(verb.doc, span.end, verb)
        if subject is not None and _is_media(subject):
            media = media or subject
        elif subject is not None:
            return subject
    return media


def _in_relative_clause(verb: Token) -> bool:
    """The verb says something about a noun ("letters that called him an “academic”"): it attributes only
    what its own clause holds, never a quote elsewhere in the sentence."""
    token = verb
    while token.head.i != token.i:
        if token.dep_ in ("relcl", "acl"):
            return True
        token = token.head
    return False


_INITIAL = re.compile(r"[A-Z]\.")  # a middle initial: "William M. Daley"


def _name_between(doc, quote_end: int, verb: Token) -> Token | None:
    """The name written between a closing quotation mark and its speech verb, whatever the parse made of
    it: "“…,” Gene Sperling, a top outside Clinton adviser, said", "“…,” William M. Daley, Obama's former
    chief of staff, said" (the small model often hangs the name inside the quote's clause and leaves the verb
    without a subject). Only a capitalised name, then nothing or one appositive between commas, may stand
    there."""
    first = verb.i
    while first > 0 and doc[first - 1].idx > quote_end:
        first -= 1  # back to the closing mark, not through the whole document
    between = [t for t in doc[first:verb.i] if not t.is_space]
    while between and between[0].is_punct:
        between.pop(0)
    name = []
    for token in between:
        if not ((token.text[:1].isupper() and (token.is_alpha or _INITIAL.fullmatch(token.text)))
                or token.text in ("’", "'", "-")) or token.lower_ in PRONOUNS:
            break
        name.append(token)
    rest = between[len(name):]
    if rest and rest[0].text != "," and "," in (t.text for t in rest):
        # a description before the name: "“…,” Texas delegate Bill Eastland, wearing a cowboy hat, said"
        name = between[:next(i for i, t in enumerate(between) if t.text == ",")]
        rest = between[len(name):]
        if len(name) > DESCRIBED_NAME_MAX_WORDS or name[-1].ent_type_ != "PERSON" \
                or any(not t.is_alpha or t.pos_ in ("VERB", "AUX") or t.lower_ in PRONOUNS for t in name):
            return None
    if not name or not name[-1].text[:1].isupper():
        return None
    if rest and not (rest[0].text == "," and rest[-1].text == "," and len(rest) > 2):
        return None
    return name[-1]


# Clauses that qualify a verb rather than say what it says: "it has acknowledged ..." does not say what the
# "though the CDC has said ..." clause quotes, "he testified about a meeting when Sondland told ..." does not
# say what Sondland told, and "It quoted critics, with Boswell stating: ..." does not say what Boswell states.
_QUALIFYING_CLAUSES = ("advcl", "relcl", "acl", "pcomp")


def _holds(verb: Token, span: QuoteSpan) -> bool:
    """The quote is part of what the verb says: inside its subtree, and not through an adverbial or relative
    clause outside the quote in which someone else speaks."""
    inside = next((token for token in verb.subtree if span.start <= token.idx < span.end), None)
    if inside is None:
        return False
    token = inside
    while token.i != verb.i and token.head.i != token.i:
        if (token.dep_ in _QUALIFYING_CLAUSES or (token.dep_ == "conj" and token.head.i == verb.i)) \
                and not span.start <= token.idx < span.end and _is_speech_verb(token) \
                and any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
            # another speaker's clause ("adding, “…”" has none: it continues the verb's subject), or a
            # clause joined to the verb's own with a subject of its own ("a woman asked …, and Clinton said, “…”")
            return False
        token = token.head
    return True


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _is_media(subject: Token) -> bool:
    """A news agency or outlet named as the subject ("the AP", "Iranian state media")."""
    agencies = lexicon.news_agencies()
    if subject.ent_type_:
        # A named subject is media only when it names an agency ("the AP"), not "the Atomic Energy Agency".
        ent = entity_at(subject)
        return ent is not None and clean_name(ent.text).casefold() in agencies
    return subject.text.casefold() in agencies or subject.lemma_.lower() in MEDIA_NOUNS


def _introduction(parsed: ParsedArticle, span: QuoteSpan, sentences: list[Span]) -> Span | None:
    """The sentence before a quote that opens its sentence, when it ends with a colon ("X announced that:")."""
    if not sentences:
        return None
    first = sentences[0]
    if first.start == 0:
        return None
    before = _written_before(parsed.doc[first.start - 1])
    if before.text != ":" or span.paragraph - parsed.paragraph_of(before.idx) > 1:
        return None
    return before.sent


def _continues(parsed: ParsedArticle, last: QuoteSpan, span: QuoteSpan, sentence: Span) -> bool:
    """A quote with no attribution of its own continues the previous one when it opens its sentence, in the
    same paragraph or at the start of the next one. A quoted word inside a sentence ("served with “electric”
    Kool Aid") continues nothing."""
    if not _opens_at(parsed, sentence.start_char, span):
        return False
    paragraph = parsed.article.paragraphs[span.paragraph]
    if paragraph.is_heading:
        return False  # a cross-head ("‘Foreign interference’ is not the root ... – Turkey") continues no one
    if span.paragraph == last.paragraph:
        return True
    return span.paragraph - last.paragraph == 1 and _opens_at(parsed, paragraph.start, span)


def _opens_at(parsed: ParsedArticle, start: int, span: QuoteSpan) -> bool:
    """The quote opens the text that begins at `start` (a sentence, a paragraph): only its opening mark stands
    before it, one character or two ("''", the two apostrophes some papers print for a double quote)."""
    return not parsed.article.text[start:span.start].strip().strip(OPENING_MARKS + "`")


def _is_speech_verb(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return lemma in lexicon.speech_verbs() or any(
        f"{lemma} {child.lower_}" in PHRASAL_SPEECH_VERBS
        for child in token.children if child.dep_ in ("prt", "advmod", "dobj"))


def _distance(token: Token, span: QuoteSpan) -> int:
    if token.idx < span.start:
        return span.start - token.idx
    return max(0, token.idx - span.end)


# "by saying", "after telling", "before adding": the saying is done by the subject of the verb they complete; not
# "campaign on maintaining his “tough on China” stance", where the verb is no saying
_MEANS_OR_TIME = frozenset({"by", "after", "before"})


def speaker_of(verb: Token, quote_end: int | None = None,
               quoted: Callable[[Token], bool] = lambda token: False) -> Token | None:
    """The subject of a speech verb, climbing from participles and conjuncts to the clause that has one. After
    a quote the subject may follow the verb as its object ("…,” stated a document issued by ...). A subject
    inside quotation marks is part of the quote ("“Anybody who attacks him …,” said Louise Sunshine": the
    parser gives "said" both "Anybody" and "Sunshine" as subjects), never its speaker."""
    before = verb.doc[verb.i - 1] if verb.i else None
    # "“…,” stated a document", and "…, said another witness in the probe, …" closing the quote's sentence
    right_after = quote_end is not None and all(
        t.is_punct or t.is_space for t in verb.doc[max(0, verb.i - INVERSION_REACH):verb.i] if t.idx >= quote_end)
    after_comma = quote_end is not None and before is not None and before.text == ","
    if (right_after or after_comma) and verb.lemma_.lower() in INVERSION_VERBS \
            and not any(child.dep_ in ("nsubj", "nsubjpass") and not quoted(child) for child in verb.children):
        inverted = ("dobj", "attr", "npadvmod") if right_after else ("dobj", "attr")
        named = [child for child in verb.children
                 if child.dep_ in inverted and child.i > verb.i and child.pos_ in ("NOUN", "PROPN")
                 and child.ent_type_ not in ("DATE", "TIME")]
        # a name split by the parser ("mused Blaze co-host Stu Burguiere": "co" and "Burguiere" both objects)
        named.sort(key=lambda child: child.ent_type_ != "PERSON")
        if named:
            return _named_apposition(named[0]) or named[0]
        following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if right_after and following is not None and following.is_alpha and following.text[:1].isupper() \
                and following.ent_type_ not in ("DATE", "TIME"):
            # "“…,” said Skelly": a name the parser took for an adverb; the person's name when the words
            # after the verb hold one ("tweeted Rubio spokesman Alex Conant")
            return _person_in(verb.doc[following.i:following.sent.end]) or following
    if verb.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON":
        return before  # "footage of Hillary Clinton asking, “…”"
    has_subject = any(child.dep_ in ("nsubj", "nsubjpass") and not quoted(child) for child in verb.children)
    if not has_subject and before is not None and (
            before.ent_type_ in ("PERSON", "ORG") or (before.pos_ == "PROPN" and before.head.i == verb.i)):
        # a parse that lost the subject of "… Chief Chuck Jordan said", or made an unrecognised name a
        # compound of the verb ("“…,” Conway notes")
        return before
    if verb.lemma_.lower() in SOURCE_VERBS and verb.tag_ == "VBG":
        # "According to Yonhap, quoting North Korea's news agency KCNA, …": the words are the one quoted; but
        # "endorsed her, citing her “long experience”" cites words, and "citing Exodus" a text.
        sources = [child for child in verb.children if child.dep_ == "dobj" and not quoted(child)
                   and (child.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
                        or child.lemma_.lower() in SOURCES)]
        if sources:
            return _named_apposition(sources[0]) or sources[0]
    if verb.lemma_.lower() in ADDRESSEE_VERBS and any(child.dep_ == "auxpass" for child in verb.children):
        # "the military has been told to prepare …": the subject listens; the agent, if any, speaks.
        agents = [grandchild for child in verb.children if child.dep_ == "agent"
                  for grandchild in child.children if grandchild.dep_ == "pobj"]
        return agents[0] if agents else None
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        subjects = [child for child in current.children if child.dep_ in ("nsubj", "nsubjpass")
                    and child.lower_ not in ("that", "which", "who", "this") and not quoted(child)]
        # "Malaysia's Prime Minister, Najib Razak said": the parser gives the verb both as subjects; the
        # named person speaks.
        subjects.sort(key=lambda child: child.ent_type_ != "PERSON")
        if subjects:
            # "the deputy head of Zelensky's office, Ihor Zhovkva, told ...": the named person.
            return _named_apposition(subjects[0]) or subjects[0]
        for child in current.children:
            if child.dep_ == "agent":
                objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if current.dep_ == "pcomp" and current.head.lower_ in _MEANS_OR_TIME and current.head.dep_ == "prep" \
                and current.head.head.pos_ in ("VERB", "AUX"):
            current = current.head.head  # "Bolton distanced himself … by saying …": who did it by saying
        elif current.dep_ in ("advcl", "conj", "xcomp", "relcl", "acl") and current.head.i != current.i:
            if current.dep_ in ("relcl", "acl") and (current.head.pos_ == "PROPN" or current.dep_ == "relcl"):
                # "footage of Hillary Clinton asking, “…”", "Clinton, who said …": the noun is the speaker.
                return current.head
            current = current.head
            if current.pos_ == "NOUN" and current.dep_ == "dobj":
                # "the Security Council issued a statement calling it “…”": who issued the statement.
                current = current.head
        else:
            return None
    return None


def _person_in(words: Span) -> Token | None:
    """The last word of the first person's name in `words`, up to the first punctuation mark."""
    for token in words:
        if token.is_punct:
            return None
        if token.ent_type_ == "PERSON" and (token.i + 1 == words.end or token.doc[token.i + 1].ent_iob_ != "I"):
            return token
    return None


def _named_apposition(subject: Token) -> Token | None:
    """The person an unnamed subject is put in apposition with: "the deputy head of Zelensky's office, Ihor
    Zhovkva, told …", "said another witness in the probe, former White House Russia adviser Fiona Hill"."""
    if subject.ent_type_ == "PERSON":
        return None
    for child in subject.children:
        if child.dep_ != "appos":
            continue
        if child.ent_type_ == "PERSON":
            return child
        # the name heading a phrase set beside the subject ("…, former adviser Fiona Hill"), not a possessor
        people = [t for t in child.subtree if t.ent_type_ == "PERSON" and t.dep_ not in ("compound", "poss")
                  and t.head.i == child.i]
        if people:
            return people[0]
    return _name_set_beside(subject)


def _name_set_beside(subject: Token) -> Token | None:
    """The person named between commas right after an unnamed subject's phrase, where the parse lost the
    apposition: "According to his aunt, Jane Starner, “He was brilliant …”"."""
    doc, comma = subject.doc, subject.right_edge.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != "," or doc[comma + 1].ent_iob_ != "B" \
            or doc[comma + 1].ent_type_ != "PERSON":
        return None
    name = entity_at(doc[comma + 1])
    after = doc[name.end] if name is not None and name.end < len(doc) else None
    return name.root if name is not None and after is not None and after.text == "," else None


def _according_to(sentence: Span, quoted: QuotedText) -> Token | None:
    """The source named by "according to X" or "in the words of X" (the person an office is put beside: "in
    the words of the Crown prosecutor, Mark Tedeschi")."""
    for token in sentence:
        if _inside_any(token, quoted):
            continue
        if token.lower_ == "according":
            preposition = "to"
        elif token.lower_ == "words" and token.head.lower_ == "in":
            preposition = "of"
        else:
            continue
        for child in token.children:
            if child.lower_ == preposition:
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return _named_apposition(objects[0]) or objects[0]
    return None


def resolve_subject(subject: Token, resolver: ActorResolver, quotes: list[Quote], parsed: ParsedArticle) -> str | None:
    """The actor a speech verb's subject refers to, or None when a careful reader could not tell."""
    lowered = subject.lower_
    if lowered in PRONOUNS:
        found = resolver.pronoun(PRONOUNS[lowered], subject.idx, parsed.paragraph_of(subject.idx), quotes,
                                 PRONOUN_SEX.get(lowered))
        if found is not None or PRONOUNS[lowered] != "person":
            return found
        return _previous_named(subject, parsed, resolver)
    if subject.pos_ == "PROPN" and surname_key(subject.text) in resolver.reporters:
        return None  # "…, reports Wee": a journalist cited as a source reports someone else's words
    owner = _unnamed_owner(subject)
    if owner is not None:  # "the ministry's statement said", "its letter reads": the owner speaks
        found = resolve_subject(owner, resolver, quotes, parsed)
        if found is not None:
            return found
    phrase = _subject_phrase(subject)
    noun = subject.lemma_.lower()
    if not subject.ent_type_ and subject.pos_ == "NOUN" and noun in BODY_NOUNS \
            and phrase[0].lower_ in ("the", "its", "their"):
        body = resolver.body(noun, subject.idx)  # "the ministry said": the ministry the article named
        if body is not None:
            return body
    if not subject.ent_type_ and subject.pos_ == "NOUN":
        country = resolver.country_in(phrase)
        # "the minister", "Ukrainian minister": the person whose role says so, before a country in the phrase.
        # "An architect" brings in someone new: no one named before, whatever their role.
        # Nor do "teachers" or "officials": many people, not the one whose role holds the word.
        person = None if phrase[0].lower_ in INDEFINITE or subject.tag_ == "NNS" \
            else resolver.by_role(noun, subject.idx, country)
        if person is not None:
            return person
        # "a military statement released by Syrian state media": the country's armed forces.
        if country and any(t.lower_ in ("military", "army") for t in phrase):
            forces = resolver.armed_forces(country)
            if forces is not None:
                return forces
    if subject.pos_ == "PROPN" and not subject.ent_type_:
        # A name the entity model missed speaks for itself, before an organisation in its apposition
        # ("Eswar Prasad, a trade professor at Cornell, said").
        own = proper_name(subject, resolver.name_words)
        if own is not None and not all(word in lexicon.title_words() for word in own.split()):  # "Prime Minister"
            return resolver.lookup(own) or own
    if _affiliated_only(subject, phrase):
        return None
    actor = resolver.in_phrase(phrase)
    if actor is not None:
        return actor
    described = resolver.description(noun, subject.idx, quotes)
    if described is not None:
        return described
    # "the Russians said": Russia, not a person "Russians"; but "Mexicans often say" is a saying of the people
    people = country_of_people(subject.lower_) if subject.ent_type_ == "NORP" and phrase[0].lower_ == "the" else None
    if people is not None:
        return people[0].name
    return proper_name(subject, resolver.name_words)


def _affiliated_only(subject: Token, phrase: Span) -> bool:
    """Someone the text does not name, whose description names a body only as where they belong ("one Weibo
    commenter", "an Apple engineer"): unless the noun is an office ("a Hamas official"), they do not speak for
    the body."""
    return phrase[0].lower_ in INDEFINITE and subject.pos_ == "NOUN" and subject.lemma_.lower() not in OFFICE_NOUNS \
        and any(child.dep_ == "compound" and child.ent_type_ in ("ORG", "PRODUCT") for child in subject.children)


def _unnamed_owner(subject: Token) -> Token | None:
    """Whose words a subject that names words is, when the owner is a pronoun or a body named by its noun:
    "its statement", "the ministry's statement", "the embassy statement". A named owner ("Trump's tweet") is
    found in the subject's phrase like any other name."""
    if subject.ent_type_ or subject.pos_ != "NOUN" or subject.lemma_.lower() not in SPEECH_NOUNS:
        return None
    for child in subject.children:
        if child.dep_ == "poss" and child.lower_ in PRONOUNS:
            return child
        if child.dep_ in ("poss", "compound") and child.pos_ == "NOUN" and not child.ent_type_ \
                and child.lemma_.lower() in BODY_NOUNS and any(d.lower_ == "the" for d in child.children):
            return child
    return None


def _subject_phrase(subject: Token) -> Span:
    """The words that name a speaker: the subject's phrase without the relative clause of its own speech
    verb ("an officer who described Trump's call as “improper”" is the officer, not Trump), or of one that
    quotes words ("the boy, who was wearing a 'Make America Great Again' hat" is no country). Other relative
    clauses stay: they often are what identifies the speaker ("the man who heads the ministry")."""
    doc = subject.doc
    end = subject.right_edge.i + 1
    for child in subject.rights:
        # only a clause that ends the phrase: what follows it ("…, and the organization X") is still named
        if child.dep_ == "relcl" and child.right_edge.i == subject.right_edge.i \
                and (_is_speech_verb(child) or any(_opens_quotation(token) for token in child.subtree)):
            end = child.left_edge.i
    while end - 1 > subject.i and doc[end - 1].is_punct:
        end -= 1
    return doc[subject.left_edge.i:end]


def _opens_quotation(token: Token) -> bool:
    """An opening quotation mark: a double mark, or a single one after a space (not the apostrophe of
    "News’ editor")."""
    return token.text in OPEN_DOUBLE or (token.text in (STRAIGHT_DOUBLE, OPEN_SINGLE[0], STRAIGHT_SINGLE)
                                         and token.i > 0 and bool(token.doc[token.i - 1].whitespace_))


def _previous_named(subject: Token, parsed: ParsedArticle, resolver: ActorResolver) -> str | None:
    """He or she with no actor close enough: the person named as the subject of the sentence just before, when
    the entity model did not recognise the name ("Resident Umm Mohamed noted that ...")."""
    sentence = subject.sent
    if sentence.start == 0:
        return None
    previous = parsed.doc[sentence.start - 1].sent
    if parsed.paragraph_of(sentence.start_char) - parsed.paragraph_of(previous.start_char) > 1:
        return None
    subjects = [t for t in previous if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"]
    name = proper_name(subjects[0], resolver.name_words) if subjects else None
    # A capitalised first word ("Rebels advanced") is not a name: a missed name has two words at least.
    return name if name and (len(name.split()) > 1 or subjects[0].ent_type_ == "PERSON") else None


def proper_name(token: Token, name_words: AbstractSet[str]) -> str | None:
    """The name a subject is written as when no actor has it ("Peabody said"): a person or organisation the
    model did not recognise, made an actor of its own by the caller."""
    if token.lower_ in PRONOUNS or not (token.pos_ == "PROPN" or _written_as_name(token, name_words)):
        return None
    if token.ent_type_:
        ent = entity_at(token)
        if ent is not None and ent.label_ not in ("PERSON", "ORG", "NORP") and not _unknown_place(ent):
            return None
        if ent is not None:
            return clean_name(ent.text) or None
    words = [t for t in token.subtree
             if (t.i <= token.i and t.dep_ in ("compound", "flat", "amod") and t.text[:1].isupper()) or t.i == token.i]
    name = " ".join(t.text for t in words if t.pos_ == "PROPN" or t.i == token.i or t.dep_ == "amod")
    return strip_titles(clean_name(name)) or None


def _written_as_name(token: Token, name_words: AbstractSet[str]) -> bool:
    """A capitalised word that does not open its sentence is a name even when the small model tags it a
    common noun ("“…,” O’Donnell said", "“…,” Hannity said"); so is one that opens it when the article only
    ever writes it as a name (`Analysis.name_words`: "Hannity interjected: …", not "Officials said")."""
    if not token.text[:1].isupper():
        return False
    first_word = next((t for t in token.sent if t.is_alpha), None)
    if first_word is not None and first_word.i != token.i:
        return True
    return token.is_alpha and token.lower_ in name_words


def _unknown_place(ent: Span) -> bool:
    """A "place" no gazetteer knows, speaking: the small model labels unfamiliar surnames GPE ("“I do well,”
    said Iampaglia")."""
    return ent.label_ in ("GPE", "LOC") and not is_known_place(ent.text) \
        and clean_name(ent.text).casefold() not in lexicon.country_by_surface()
