"""Bottom line: the one sentence that opens a briefing page (what happened, who, where), taken from the article.

It is the lede without its dateline: news writing states what happened, who and where in its first sentence.
On gum-news, whose references are one sentence of that kind written by people, nothing measured came closer to
them: not a sentence chosen by score among the first three, not the lede cut to its main clause, not the next
sentence when the lede leans on an earlier one ("This comes after ..."); the README gives the numbers where it
describes the summary. An opening "he", "she" or bare surname gets the person's name in brackets, since the
sentence is read alone. Never a quote: the candidates are the body's sentences, which leave out sentences that
are mostly quotation, and of those the bottom line also passes over one that opens with someone's words ("“We
will take back every street,” a commander said").
"""

from __future__ import annotations

from ..model import Quote
from .analysis import Analysis, sentence_body
from .resolve import ActorResolver, with_referent


def extract_bottom_line(analysis: Analysis, quotes: list[Quote], referents: ActorResolver) -> str:
    """The bottom line, or "" for an article without a sentence that states something."""
    bodies = (sentence_body(sentence) for sentence in analysis.sentences[analysis.lede_at:])
    body = next((body for body in bodies if not analysis.opens_with_quotation(body)), None)
    if body is None:
        return ""
    return with_referent(body, referents, analysis.parsed.paragraph_of(body.start_char), quotes, shown="")
