"""Curation: apply an editor's brief.yml edits to the extracted records, before anything is rendered.

Every edit that cannot be applied (a name that is not an actor, a `match` that picks no quote or several) is
reported with the file, the line and the key, and a suggestion; all problems are collected before raising.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from .errors import InputError, Problem
from .load.schema import BriefConfig, suggest
from .model import Actor, Extraction, Figure, Place, Quote, Reaction, same_words


def normalize_for_match(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-")):
        text = text.replace(curly, straight)
    return " ".join(text.split())


class _Curator:
    def __init__(self, config: BriefConfig, display: str, extraction: Extraction):
        self.config = config
        self.display = display
        self.data = dataclasses.replace(
            extraction,
            actors=[dataclasses.replace(a) for a in extraction.actors],
            quotes=[dataclasses.replace(q) for q in extraction.quotes],
            figures=[dataclasses.replace(f) for f in extraction.figures],
            reactions=[dataclasses.replace(r) for r in extraction.reactions],
        )
        self.problems: list[Problem] = []
        self.hidden_actors: set[str] = set()

    def problem(self, line: int | None, key: str, message: str) -> None:
        self.problems.append(Problem(self.display, message, line=line, key=key))

    def find_actor(self, written: str) -> Actor | None:
        folded = written.casefold()
        for actor in self.data.actors:
            if any(form.casefold() == folded for form in actor.names()):
                return actor
        return None

    def actor_hint(self, written: str) -> str:
        forms = [form for actor in self.data.actors for form in actor.names()]
        hint = suggest(written, forms)
        return f" (did you mean '{hint}'?)" if hint else ""

    def rename(self, old: str, new: str) -> None:
        for quote in self.data.quotes:
            if quote.speaker == old:
                quote.speaker = new
        for reaction in self.data.reactions:
            if reaction.actor == old:
                reaction.actor = new
        for actor in self.data.actors:
            if actor.affiliation == old:
                actor.affiliation = new

    def actors(self) -> None:
        for edit in self.config.actors:
            key = f"actors.{edit.surface}"
            actor = self.find_actor(edit.surface)
            if actor is None:
                self.problem(edit.line, key, f"'{edit.surface}' is not an actor or alias here"
                             f"{self.actor_hint(edit.surface)}")
                continue
            if edit.merge_into is not None:
                self.merge(actor, edit.surface, edit.merge_into)
                continue
            if edit.name and edit.name != actor.name:
                old = actor.name
                actor.aliases = tuple(a for a in (old, *actor.aliases) if a != edit.name)
                actor.name = edit.name
                self.rename(old, edit.name)
            if edit.role is not None:
                actor.role = edit.role
            if edit.kind is not None:
                actor.kind, actor.kind_guessed = edit.kind, False
            if edit.key is not None:
                actor.key = edit.key
            if edit.hide:
                self.data.actors.remove(actor)
                self.hidden_actors.add(actor.name)

    def merge(self, source: Actor, surface: str, target_name: str) -> None:
        target = self.find_actor(target_name)
        if target is None:
            # Merging into a name that no actor has yet renames the actor.
            old = source.name
            source.aliases = tuple(dict.fromkeys(a for a in (old, *source.aliases) if a != target_name))
            source.name = target_name
            self.rename(old, target_name)
            return
        if target is source:
            return
        if surface.casefold() == source.name.casefold():
            forms = source.names()
            target.mentions += source.mentions
            target.key = target.key or source.key
            target.role = target.role or source.role
            self.data.actors.remove(source)
            self.rename(source.name, target.name)
        else:
            forms = (surface,)
            source.aliases = tuple(a for a in source.aliases if a.casefold() != surface.casefold())
        target.aliases = tuple(dict.fromkeys((*target.aliases, *(f for f in forms if f != target.name))))

    def without_hidden_actors(self) -> None:
        """A hidden actor leaves the page with what the page shows as theirs: their quotes and reactions
        (else they would stay under a name that links nowhere). Run after the quote edits, so a quote given
        to another speaker stays."""
        hidden = self.hidden_actors
        self.data.quotes = [quote for quote in self.data.quotes if quote.speaker not in hidden]
        self.data.reactions = [reaction for reaction in self.data.reactions if reaction.actor not in hidden]

    def summary(self) -> None:
        if self.config.summary is not None:
            self.data.summary = list(self.config.summary)
            self.data.summary_edited = True
        if self.config.bottom_line is not None:
            self.data.bottom_line = self.config.bottom_line
            self.data.bottom_line_edited = True

    def pick(self, items: list, match: str, line: int | None, key: str, what: str,
             occurrence: int | None = None) -> object | None:
        """The one item whose text holds `match`. Among several, the one whose whole text it is wins (so a quote
        that occurs inside longer ones can still be picked), written in the same case first; else `occurrence`
        counts them in text order."""
        wanted = normalize_for_match(match)
        found = [item for item in items if wanted in normalize_for_match(item.text)]
        if occurrence is not None:
            if occurrence <= len(found):
                return found[occurrence - 1]
            self.problem(line, key, f"'{match}' matches {len(found)} {what}s, so there is no occurrence {occurrence}")
            return None
        whole = [item for item in found if normalize_for_match(item.text) == wanted]
        same_case = [item for item in whole if item.text.strip() == match.strip()]
        for chosen in (found, whole, same_case):
            if len(chosen) == 1:
                return chosen[0]
        if not found:
            hint = suggest(match, [item.text for item in items])
            meant = f" (did you mean '{hint}'?)" if hint else ""
            self.problem(line, key, f"'{match}' matches no {what}{meant}")
        else:
            listed = "; ".join(f"{number}: '{_shortened(item.text)}'" for number, item in enumerate(found, 1))
            self.problem(line, key, f"'{match}' matches {len(found)} {what}s: use a longer piece of the text, or "
                                    f"add 'occurrence: N' to pick one ({listed})")
        return None

    def quotes(self) -> None:
        hidden: list[Quote] = []
        for index, edit in enumerate(self.config.quotes):
            quote = self.pick(self.data.quotes, edit.match, edit.line, f"quotes[{index}].match", "quote",
                              edit.occurrence)
            if not isinstance(quote, Quote):
                continue
            if edit.hide:
                hidden.append(quote)
            if edit.clear_speaker or edit.speaker is not None:
                quote.inferred = quote.reference = None  # the editors' word replaces the inference
            if edit.clear_speaker:
                quote.speaker, quote.edited = None, True
            elif edit.speaker is not None:
                actor = self.find_actor(edit.speaker)
                if actor is None:
                    self.problem(edit.line, f"quotes[{index}].speaker",
                                 f"'{edit.speaker}' is not an actor here{self.actor_hint(edit.speaker)}")
                else:
                    quote.speaker, quote.edited = actor.name, True
        self.data.quotes = [q for q in self.data.quotes if q not in hidden]

    def figures(self) -> None:
        hidden: list[Figure] = []
        for index, edit in enumerate(self.config.figures):
            if edit.add is not None:
                add = edit.add
                self.data.figures.append(Figure(text=add["text"], value=add.get("value"), unit=add.get("unit"),
                                                qualifier=add.get("qualifier"), manual=True))
                continue
            figure = self.pick(self.data.figures, edit.match or "", edit.line, f"figures[{index}].match", "figure",
                               edit.occurrence)
            if isinstance(figure, Figure):
                if edit.hide:
                    hidden.append(figure)
                if edit.unit:
                    figure.unit = edit.unit
        self.data.figures = [f for f in self.data.figures if f not in hidden]

    def reactions(self) -> None:
        for index, edit in enumerate(self.config.reactions):
            if edit.add is not None:
                add = edit.add
                actor = self.find_actor(add["actor"])
                name = actor.name if actor else add["actor"]
                kind = add.get("kind") or (actor.kind if actor else "country")
                self.data.reactions.append(Reaction(actor=name, kind=kind, position=add["position"], manual=True))
                continue
            actor = self.find_actor(edit.actor or "")
            name = actor.name if actor else edit.actor
            found = [r for r in self.data.reactions if r.actor == name]
            if not found:
                hint = suggest(edit.actor or "", [r.actor for r in self.data.reactions])
                meant = f" (did you mean '{hint}'?)" if hint else ""
                self.problem(edit.line, f"reactions[{index}].actor", f"'{edit.actor}' has no reaction here{meant}")
                continue
            if edit.hide:
                self.data.reactions.remove(found[0])
            elif edit.position:
                found[0].position = edit.position
                found[0].manual = True


def curate(extraction: Extraction, config: BriefConfig, display: str) -> Extraction:
    """The extraction with every edit of `config` applied; raises InputError listing all failed edits."""
    curator = _Curator(config, display, extraction)
    curator.actors()
    curator.summary()
    curator.quotes()
    curator.figures()
    curator.reactions()
    curator.without_hidden_actors()
    if curator.problems:
        raise InputError(curator.problems)
    if config.country:
        curator.data.country, curator.data.country_inferred = config.country, False
    return curator.data


def merge_extractions(extractions: list[Extraction]) -> Extraction:
    """One briefing's extraction from several articles: actors and reactions merged by name."""
    if len(extractions) == 1:
        return dataclasses.replace(extractions[0])
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    reactions: dict[str, Reaction] = {}
    merged = Extraction(summary=merged_summary([extraction.summary for extraction in extractions]),
                        bottom_line=extractions[0].bottom_line,
                        country=extractions[0].country, country_inferred=extractions[0].country_inferred,
                        unread=tuple(unread for extraction in extractions for unread in extraction.unread))
    for extraction in extractions:
        for actor in extraction.actors:
            if actor.name in actors:
                known = actors[actor.name]
                known.mentions += actor.mentions
                known.aliases = tuple(dict.fromkeys((*known.aliases, *actor.aliases)))
                known.role = known.role or actor.role
                known.key = known.key or actor.key
                known.salience += actor.salience
                known.kind_guessed = known.kind_guessed and actor.kind_guessed
            else:
                actors[actor.name] = dataclasses.replace(actor)
        for place in extraction.places:
            count = places[place.name].mentions if place.name in places else 0
            places[place.name] = Place(place.name, count + place.mentions)
        for reaction in extraction.reactions:
            if reaction.actor in reactions:
                known_reaction = reactions[reaction.actor]
                known_reaction.quotes = longest_wordings((*known_reaction.quotes, *reaction.quotes))
                known_reaction.sentences += reaction.sentences
            else:
                reactions[reaction.actor] = dataclasses.replace(reaction)
        merged.quotes.extend(extraction.quotes)
        merged.figures.extend(extraction.figures)
    merged.actors = sorted(actors.values(), key=lambda actor: (-actor.salience, actor.name))
    merged.places = list(places.values())
    merged.reactions = list(reactions.values())
    return merged


# Two summary sentences of different articles say the same thing when this share of the shorter one's words
# (of four letters or more) is in the other: wire copies of one event differ in attribution and a few words.
SUMMARY_SAME_SHARE = 0.5


def merged_summary(summaries: list[list[str]]) -> list[str]:
    """One summary from every article's: their sentences taken in turn by rank (every lede, then every second
    sentence, ...), leaving out a sentence that says what one already taken says, as long as the longest."""
    length = max((len(summary) for summary in summaries), default=0)
    picked: list[str] = []
    for rank in range(length):
        for summary in summaries:
            if rank < len(summary) and not any(_says_the_same(summary[rank], taken) for taken in picked):
                picked.append(summary[rank])
    return picked[:length]


def _content_words(sentence: str) -> set[str]:
    return {word for word in re.findall(r"\w+", sentence.lower()) if len(word) >= 4}


def _says_the_same(one: str, other: str) -> bool:
    words, others = _content_words(one), _content_words(other)
    shorter = min(len(words), len(others))
    return shorter > 0 and len(words & others) / shorter >= SUMMARY_SAME_SHARE


SHOWN_MATCH_CHARACTERS = 50  # enough of a quote in a message to tell it from the others


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_MATCH_CHARACTERS else text[:SHOWN_MATCH_CHARACTERS - 1].rstrip() + "…"


def longest_wordings(texts: tuple[str, ...]) -> tuple[str, ...]:
    """The quotes of a reaction that two sources report: each once, in its longest wording (the first of
    equally long ones), in order."""
    def covered(index: int) -> bool:
        text = texts[index]
        return any(same_words(text, other) and (len(other), -earlier) > (len(text), -index)
                   for earlier, other in enumerate(texts) if earlier != index)
    return tuple(text for index, text in enumerate(texts) if not covered(index))
