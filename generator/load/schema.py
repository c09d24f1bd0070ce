"""The one schema of brief.yml: every key declared once, with its type and its documentation.

`read_brief_config()` reads a brief.yml with `yaml.safe_load`, validates it against the declared keys and
returns a typed `BriefConfig` of every valid entry together with every problem found, each naming the file, the
line and the key, and suggesting the key that was probably meant. The valid part is kept so that curation can
still be checked: a typo in one key does not hide a wrong speaker three keys below.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, Problem

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Key:
    """One key of a mapping in brief.yml."""

    name: str
    types: tuple[type, ...]
    doc: str
    required: bool = False
    fields: dict[str, Key] | None = None  # keys of a mapping, or of each mapping in a list
    choices: tuple[str, ...] = ()


def _keys(*keys: Key) -> dict[str, Key]:
    return {key.name: key for key in keys}


SOURCE_KEYS = _keys(
    Key("file", (str,), "Article file in the brief's folder (.txt, .md or .html).", required=True),
    Key("outlet", (str,), "Publication the article comes from."),
    Key("url", (str,), "Address of the original article."),
    Key("author", (str,), "Byline of the article."),
    Key("licence", (str,), "Licence and attribution of the article text, shown on the page."),
)
ACTOR_EDIT_KEYS = _keys(
    Key("name", (str,), "Rename the actor (its page and every quote and reaction follow)."),
    Key("role", (str,), "What the page says the actor is, replacing the extracted role."),
    Key("kind", (str,), "person, organization or country.", choices=("person", "organization", "country")),
    Key("hide", (bool,), "Leave the actor out of the page."),
    Key("key", (bool,), "Mark the actor as key (or not)."),
)
QUOTE_EDIT_KEYS = _keys(
    Key("match", (str,), "A piece of the quote's text that picks exactly one quote.", required=True),
    Key("speaker", (str,), "The actor who said it (a name of an actor of this brief), or the empty string "
        "for unattributed."),
    Key("hide", (bool,), "Leave the quote out of the page."),
    Key("occurrence", (int,), "When `match` fits several, which one: 1 for the first in the text, 2 for the "
        "second, ..."),
)
FIGURE_ADD_KEYS = _keys(
    Key("text", (str,), "The figure as written.", required=True),
    Key("value", (int, float), "The number (leave out for a vague amount)."),
    Key("unit", (str,), "What is counted or measured."),
    Key("qualifier", (str,), "at least, over, about, vague, ..."),
)
FIGURE_EDIT_KEYS = _keys(
    Key("add", (dict,), "A figure added by hand.", fields=FIGURE_ADD_KEYS),
    Key("match", (str,), "A piece of an extracted figure's text that picks exactly one figure."),
    Key("hide", (bool,), "Leave the matched figure out of the page."),
    Key("unit", (str,), "Replace the matched figure's unit."),
    Key("occurrence", (int,), "When `match` fits several, which one: 1 for the first in the text, 2 for the "
        "second, ..."),
)
REACTION_ADD_KEYS = _keys(
    Key("actor", (str,), "The reacting country or body.", required=True),
    Key("position", (str,), "What it said or did, in one line.", required=True),
    Key("kind", (str,), "country or organization.", choices=("person", "organization", "country")),
)
REACTION_EDIT_KEYS = _keys(
    Key("add", (dict,), "A reaction added by hand.", fields=REACTION_ADD_KEYS),
    Key("actor", (str,), "The extracted reaction to change or hide, by its actor."),
    Key("position", (str,), "Re-word the reaction's position."),
    Key("hide", (bool,), "Leave the reaction out of the page."),
)
TOP_KEYS = _keys(
    Key("title", (str,), "Headline of the briefing.", required=True),
    Key("date", (dt.date, str), "Date of the events or of the article, ISO format (2024-11-30).", required=True),
    Key("country", (str,), "Where the events happen; decides what counts as an international reaction."),
    Key("region", (str,), "Region shown in the header (Middle East, Europe, ...)."),
    Key("tags", (list,), "Tags; each gets a page gathering its briefings."),
    Key("story", (str,), "The running story this briefing belongs to: the briefings of one story get a story "
        "page with their timeline, and link each other as related."),
    Key("status", (str,), "published (default) or draft: drafts are built by `make serve` only.",
        choices=("published", "draft")),
    Key("sources", (list,), "The article files, in order; default: every article file of the folder.",
        fields=SOURCE_KEYS),
    Key("summary", (list, str), "Replaces the automatic summary (a list of sentences, or one text)."),
    Key("bottom_line", (str,), "Replaces the automatic bottom line: the one sentence above the summary that "
        "says what happened, who and where."),
    Key("actors", (dict,), "Actor edits, by surface form or name: a string merges that form into the named "
        "actor; a mapping sets name, role, kind, key or hide.", fields=ACTOR_EDIT_KEYS),
    Key("quotes", (list,), "Quote edits: pick a quote by `match`, then set `speaker` or `hide`.",
        fields=QUOTE_EDIT_KEYS),
    Key("figures", (list,), "Figure edits: `add` a figure, or `match` one to `hide` it or fix its `unit`.",
        fields=FIGURE_EDIT_KEYS),
    Key("reactions", (list,), "Reaction edits: `add` one, or pick one by `actor` to re-word `position` or "
        "`hide` it.", fields=REACTION_EDIT_KEYS),
)


@dataclass(frozen=True, slots=True)
class ActorEdit:
    surface: str
    merge_into: str | None = None
    name: str | None = None
    role: str | None = None
    kind: str | None = None
    hide: bool = False
    key: bool | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class QuoteEdit:
    match: str
    speaker: str | None = None
    clear_speaker: bool = False
    hide: bool = False
    occurrence: int | None = None  # which of several quotes `match` fits, counting from 1
    line: int | None = None


@dataclass(frozen=True, slots=True)
class FigureEdit:
    add: dict[str, Any] | None = None
    match: str | None = None
    hide: bool = False
    unit: str | None = None
    occurrence: int | None = None  # which of several figures `match` fits, counting from 1
    line: int | None = None


@dataclass(frozen=True, slots=True)
class ReactionEdit:
    add: dict[str, Any] | None = None
    actor: str | None = None
    position: str | None = None
    hide: bool = False
    line: int | None = None


@dataclass(frozen=True, slots=True)
class BriefConfig:
    path: Path
    title: str
    date: str
    country: str | None = None
    region: str | None = None
    tags: tuple[str, ...] = ()
    story: str | None = None
    status: str = "published"
    sources: tuple[dict[str, str], ...] = ()
    summary: tuple[str, ...] | None = None
    bottom_line: str | None = None  # the editors' own bottom line
    actors: tuple[ActorEdit, ...] = ()
    quotes: tuple[QuoteEdit, ...] = ()
    figures: tuple[FigureEdit, ...] = ()
    reactions: tuple[ReactionEdit, ...] = ()
    lines: dict[Path_, int] = field(default_factory=dict, repr=False, compare=False)

    def line_of(self, *path: str | int) -> int | None:
        return _nearest_line(self.lines, path)


def read_brief_config(path: Path, display: str | None = None) -> tuple[BriefConfig, list[Problem]]:
    """Read and validate one brief.yml: its valid entries and every problem found. Raise InputError only when
    nothing of it can be used (unreadable, not YAML, not a mapping)."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError([Problem(shown, f"cannot be read: {error}")]) from error
    return check_brief_config(text, path, shown)


MAX_DEPTH = 20  # brief.yml nests three levels; 20,000 nested "[" exhausted the parser's recursion
MAX_BYTES = 1_000_000  # a brief.yml is a few hundred lines; this bounds the memory any of them can take


class _BriefLoader(yaml.SafeLoader):
    """yaml.safe_load's loader, except that dates stay text (an impossible date such as "2024-13-40" is then
    reported by the validator with its line), aliases are refused (nine lines of nested aliases grew to
    6.7 GB) and nesting is bounded."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in brief.yml: write "
                                              "the value out", event.start_mark)
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                                  self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_BriefLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_brief_config(text: str, path: Path, display: str) -> BriefConfig:
    """A valid brief.yml's configuration; InputError listing every problem otherwise."""
    config, problems = check_brief_config(text, path, display)
    if problems:
        raise InputError(problems)
    return config


def check_brief_config(text: str, path: Path, display: str) -> tuple[BriefConfig, list[Problem]]:
    """The configuration of every valid entry of a brief.yml, and every problem of the others."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise InputError([Problem(display, f"is larger than {MAX_BYTES:,} bytes: a brief.yml holds metadata and "
                                           "edits, not articles")])
    try:
        loader = _BriefLoader(text)  # the reader refuses control characters here, before any parsing
    except yaml.reader.ReaderError as error:
        raise InputError([Problem(display, f"is not valid YAML: the control character {error.character:#04x} is "
                                           "not allowed (delete it)",
                                  line=text.count("\n", 0, error.position) + 1)]) from error
    try:
        node = loader.get_single_node()  # parsed once: the values and the line of every key come from it
        data = loader.construct_document(node) if node is not None else None
    except (yaml.YAMLError, RecursionError) as error:
        raise InputError([_syntax_problem(error, text, display)]) from error
    finally:
        loader.dispose()
    lines, duplicates = _line_map(node)
    validator = _Validator(display, lines)
    for key_path, line in duplicates:
        validator.problems.append(Problem(display, "this key is given twice; the second would silently win",
                                          line=line, key=_dotted(key_path)))
    config = validator.brief(data, path)
    if config is None:
        raise InputError(validator.problems)
    return config, validator.problems


# YAML reports a bracket or a quote left open where the next token surprised it, one or more lines below;
# the line that needs the fix is where the bracket or quote was opened.
_LEFT_OPEN = {"while parsing a flow sequence": "the '[' opened on this line is not closed (add ']')",
              "while parsing a flow mapping": "the '{' opened on this line is not closed (add '}')",
              "while scanning a quoted scalar": "the quote opened on this line is not closed"}


def _syntax_problem(error: yaml.YAMLError | RecursionError, text: str, display: str) -> Problem:
    opened = getattr(error, "context_mark", None)
    left_open = _LEFT_OPEN.get(getattr(error, "context", None) or "")
    if left_open and opened is not None:
        return Problem(display, f"is not valid YAML: {left_open}", line=opened.line + 1)
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark else None
    reason = getattr(error, "problem", None) or "nested too deep"
    return Problem(display, f"is not valid YAML: {reason}{_hint(text, line)}", line=line)


def _hint(text: str, line: int | None) -> str:
    """What usually causes YAML's terse complaints in a hand-edited brief.yml."""
    lines = text.splitlines()
    written = lines[line - 1] if line and line <= len(lines) else ""
    if "\t" in written[:len(written) - len(written.lstrip())] or (line is None and "\n\t" in text):
        return " (this line is indented with a tab: indent with spaces)"
    if written.lstrip().startswith("? ") or written.strip() == "?":
        return " (a line starting with '?' is read as a complex key: quote the text, or check the indentation)"
    return ""


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The choice closest to `word`, if any is close enough to have been meant."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not matches:
        lowered = {choice.casefold(): choice for choice in choices}
        matches = difflib.get_close_matches(word.casefold(), list(lowered), n=1, cutoff=0.6)
        matches = [lowered[match] for match in matches]
    return matches[0] if matches else None


def _line_map(node: yaml.Node | None) -> tuple[dict[Path_, int], list[tuple[Path_, int]]]:
    """Every key path of the YAML document with its 1-based line, and the keys given twice in one mapping."""
    lines: dict[Path_, int] = {}
    duplicates: list[tuple[Path_, int]] = []
    pending: list[tuple[yaml.Node, Path_]] = [(node, ())] if node is not None else []
    while pending:  # a loop, not recursion: the depth is bounded by the loader, the work by the node count
        current, path = pending.pop()
        lines.setdefault(path, current.start_mark.line + 1)
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                child = (*path, str(key_node.value))
                if child in lines:
                    duplicates.append((child, key_node.start_mark.line + 1))
                    continue
                lines[child] = key_node.start_mark.line + 1
                pending.append((value_node, child))
        elif isinstance(current, yaml.SequenceNode):
            pending.extend((item, (*path, index)) for index, item in enumerate(current.value))
    return lines, sorted(duplicates, key=lambda entry: entry[1])


def _nearest_line(lines: dict[Path_, int], path: Path_) -> int | None:
    for cut in range(len(path), -1, -1):
        if path[:cut] in lines:
            return lines[path[:cut]]
    return None


def _dotted(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _Validator:
    def __init__(self, display: str, lines: dict[Path_, int]):
        self.display = display
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, path: Path_, message: str) -> None:
        line = _nearest_line(self.lines, path)
        self.problems.append(Problem(self.display, message, line=line, key=_dotted(path) or None))

    def mapping(self, data: Any, keys: dict[str, Key], path: Path_) -> dict[str, Any]:
        """Check a mapping's keys and value types; return only the valid entries."""
        if not isinstance(data, dict):
            self.problem(path, f"must be a mapping of keys, not {_type_name(data)}")
            return {}
        valid: dict[str, Any] = {}
        for name, value in data.items():
            name_str = _key_text(name)
            if name_str not in keys:
                hint = suggest(name_str, list(keys))
                meant = f" (did you mean '{hint}'?)" if hint else f" (known keys: {', '.join(keys)})"
                self.problem((*path, name_str), f"unknown key{meant}")
                continue
            key = keys[name_str]
            if value is None and not key.required:
                continue
            if not isinstance(value, key.types) or (isinstance(value, bool) and bool not in key.types):
                expected = " or ".join(dict.fromkeys(_TYPE_NAMES.get(t, t.__name__) for t in key.types))
                self.problem((*path, name_str), f"must be {expected}, not {_type_name(value)}")
                continue
            if key.choices and value not in key.choices:
                hint = suggest(str(value), key.choices)
                meant = f" (did you mean '{hint}'?)" if hint else ""
                self.problem((*path, name_str), f"'{value}' is not one of {', '.join(key.choices)}{meant}")
                continue
            valid[name_str] = value
        for key in keys.values():
            if key.required and data.get(key.name) is None:
                self.problem(path, f"the required key '{key.name}' is missing")
            elif key.required and isinstance(valid.get(key.name), str) and not valid[key.name].strip():
                self.problem((*path, key.name), "must not be empty")
                valid.pop(key.name)
        return valid

    def brief(self, data: Any, path: Path) -> BriefConfig | None:
        """The configuration of the valid entries; None when there is nothing to configure (empty, or not a
        mapping)."""
        if data is None:
            self.problem((), "is empty: it needs at least 'title' and 'date'")
            return None
        if not isinstance(data, dict):
            self.problem((), f"must be a mapping of keys, not {_type_name(data)}")
            return None
        top = self.mapping(data, TOP_KEYS, ())
        date = self.date(top.get("date"))
        tags = self.strings(top.get("tags", []), ("tags",))
        story = " ".join(str(top.get("story") or "").split()) or None
        if "story" in top and story is None:
            self.problem(("story",), "must not be empty: name the story, or leave the key out")
        sources = tuple(self.each(top.get("sources", []), ("sources",), SOURCE_KEYS,
                                  lambda entry, _path: entry if "file" in entry else None))
        return BriefConfig(
            path=path,
            title=str(top.get("title", "")),
            date=date,
            country=top.get("country"),
            region=top.get("region"),
            tags=tuple(tags),
            story=story,
            status=top.get("status", "published"),
            sources=sources,
            summary=self.summary(top.get("summary")),
            bottom_line=self.bottom_line(top.get("bottom_line")),
            actors=self.actor_edits(top.get("actors", {})),
            quotes=tuple(self.each(top.get("quotes", []), ("quotes",), QUOTE_EDIT_KEYS, self._quote)),
            figures=tuple(self.each(top.get("figures", []), ("figures",), FIGURE_EDIT_KEYS, self._figure)),
            reactions=tuple(
                self.each(top.get("reactions", []), ("reactions",), REACTION_EDIT_KEYS, self._reaction)
            ),
            lines=self.lines,
        )

    def date(self, value: Any) -> str:
        if isinstance(value, dt.datetime):
            self.problem(("date",), f"'{value}' has a time: give the date alone (YYYY-MM-DD)")
            return ""
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                self.problem(("date",), f"'{value}' is not an ISO date (YYYY-MM-DD)")
        return ""

    def strings(self, values: list[Any], path: Path_) -> list[str]:
        good = []
        for index, value in enumerate(values):
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                good.append(str(value))
            else:
                self.problem((*path, index), f"must be a text, not {_type_name(value)}")
        return good

    def summary(self, value: Any) -> tuple[str, ...] | None:
        if value is None:
            return None
        if isinstance(value, str):
            return (value.strip(),) if value.strip() else None
        return tuple(self.strings(value, ("summary",)))

    def bottom_line(self, value: Any) -> str | None:
        if value is None:
            return None
        line = " ".join(str(value).split())
        if not line:
            self.problem(("bottom_line",), "must not be empty: write the sentence, or leave the key out")
            return None
        return line

    def each(self, items: list[Any], path: Path_, keys: dict[str, Key], make: Callable[..., Any]) -> list[Any]:
        """Validate each mapping of a list (and its nested mappings), then make a record of each valid one."""
        made = []
        for index, item in enumerate(items):
            entry = self.mapping(item, keys, (*path, index))
            complete = _complete(entry, keys)
            for name, key in keys.items():
                if key.fields and isinstance(entry.get(name), dict):
                    entry[name] = self.mapping(entry[name], key.fields, (*path, index, name))
                    complete = complete and _complete(entry[name], key.fields)
            if entry and complete:  # an entry without a required key is reported, never half-applied
                record = make(entry, (*path, index))
                if record is not None:
                    made.append(record)
        return made

    def _quote(self, entry: dict[str, Any], path: Path_) -> QuoteEdit | None:
        if "match" not in entry:
            return None
        if "speaker" not in entry and "hide" not in entry:
            self.problem(path, "a quote edit needs 'speaker' or 'hide'")
        speaker = entry.get("speaker")
        return QuoteEdit(match=entry["match"], speaker=speaker or None, clear_speaker=speaker == "",
                         hide=entry.get("hide", False), occurrence=self._occurrence(entry, path),
                         line=_nearest_line(self.lines, path))

    def _occurrence(self, entry: dict[str, Any], path: Path_) -> int | None:
        occurrence = entry.get("occurrence")
        if occurrence is not None and (isinstance(occurrence, bool) or occurrence < 1):
            self.problem((*path, "occurrence"), "must be a whole number from 1 (the first match in the text)")
            return None
        return occurrence

    def _figure(self, entry: dict[str, Any], path: Path_) -> FigureEdit | None:
        if ("add" in entry) == ("match" in entry):
            self.problem(path, "a figure edit needs exactly one of 'add' or 'match'")
            return None
        if "match" in entry and not entry.get("hide") and "unit" not in entry:
            self.problem(path, "a figure 'match' needs 'hide' or 'unit'")
        return FigureEdit(add=entry.get("add"), match=entry.get("match"), hide=entry.get("hide", False),
                          unit=entry.get("unit"), occurrence=self._occurrence(entry, path),
                          line=_nearest_line(self.lines, path))

    def _reaction(self, entry: dict[str, Any], path: Path_) -> ReactionEdit | None:
        if ("add" in entry) == ("actor" in entry):
            self.problem(path, "a reaction edit needs exactly one of 'add' or 'actor'")
            return None
        if "actor" in entry and "position" not in entry and not entry.get("hide"):
            self.problem(path, "a reaction picked by 'actor' needs 'position' or 'hide'")
        return ReactionEdit(add=entry.get("add"), actor=entry.get("actor"), position=entry.get("position"),
                            hide=entry.get("hide", False), line=_nearest_line(self.lines, path))

    def actor_edits(self, data: dict[str, Any]) -> tuple[ActorEdit, ...]:
        edits = []
        for surface, value in data.items():
            path = ("actors", str(surface))
            line = _nearest_line(self.lines, path)
            if isinstance(value, str) and not value.strip():
                self.problem(path, "an empty name: give the actor's name to merge into, or `{hide: true}`")
            elif isinstance(value, str):
                edits.append(ActorEdit(surface=str(surface), merge_into=value, line=line))
            elif isinstance(value, dict):
                entry = self.mapping(value, ACTOR_EDIT_KEYS, path)
                edits.append(ActorEdit(surface=str(surface), line=line, **entry))
            else:
                self.problem(path, f"must be an actor name to merge into, or a mapping, not {_type_name(value)}")
        return tuple(edits)


def _complete(entry: dict[str, Any], keys: dict[str, Key]) -> bool:
    return all(key.name in entry for key in keys.values() if key.required)


def _key_text(name: Any) -> str:
    """A key as written: YAML reads `null:` as None and `yes:` as True."""
    return {None: "null", True: "true", False: "false"}.get(name, str(name)) if isinstance(name, (bool, type(None))) \
        else str(name)


_TYPE_NAMES = {str: "a text", int: "a number", float: "a number", bool: "true or false", list: "a list",
               dict: "a mapping", dt.date: "a date"}


def _type_name(value: Any) -> str:
    if value is None:
        return "empty"
    return _TYPE_NAMES.get(type(value), type(value).__name__)
