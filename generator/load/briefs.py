"""A brief folder: its brief.yml (validated by `schema.py`) and its article files, read by `readers.py`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem
from ..model import Article, SourceRef
from .readers import ARTICLE_SUFFIXES, read_article
from .schema import BriefConfig, read_brief_config, suggest


@dataclass(frozen=True, slots=True)
class BriefSource:
    """A brief folder as read from disk, before any NLP."""

    slug: str
    folder: Path
    config: BriefConfig
    sources: tuple[SourceRef, ...]
    articles: tuple[Article, ...]
    #: What is wrong in the folder although its articles could be read (a misspelt key, a missing second
    #: article): the brief is not built, but its curation edits are still checked, so that every problem of
    #: the folder is reported in one pass.
    problems: tuple[Problem, ...] = ()


def find_brief_folders(briefs_dir: Path) -> list[Path]:
    if not briefs_dir.is_dir():
        raise InputError([Problem(str(briefs_dir), "the briefs folder does not exist")])
    return sorted(path.parent for path in briefs_dir.glob("*/brief.yml"))


def article_files(folder: Path) -> list[Path]:
    """The files of a brief folder that may be its articles (which ones are is for its brief.yml to say)."""
    return sorted(path for path in folder.iterdir() if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file())


def folders_without_brief(briefs_dir: Path) -> list[Path]:
    """Folders of briefs/ that are no brief (no brief.yml): left out of the site, which the build says."""
    if not briefs_dir.is_dir():
        return []
    return sorted(path for path in briefs_dir.iterdir()
                  if path.is_dir() and not path.name.startswith(".") and not (path / "brief.yml").is_file())


_FOLDER_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def read_brief(folder: Path, root: Path | None = None, read: Callable[[Path], Article] = read_article) -> BriefSource:
    """Read one brief folder with every problem of its folder name, its brief.yml and its files in
    `problems`; raise InputError only when no article or no configuration could be read at all. `read` turns
    an article file into its cleaned article (the build passes one that remembers them)."""
    display = _display(folder / "brief.yml", root)
    problems: list[Problem] = []
    if not _FOLDER_NAME.match(folder.name):
        problems.append(Problem(display, f"the folder name '{folder.name}' is the briefing's address: use "
                                         "lower-case letters, digits and single hyphens (e.g. 2024-11-30-aleppo)"))
    try:
        config, config_problems = read_brief_config(folder / "brief.yml", display)
    except InputError as error:
        raise InputError([*problems, *error.problems]) from error
    problems.extend(config_problems)
    refs, ref_problems = _source_refs(folder, config, display)
    problems.extend(ref_problems)
    articles, readable = [], []
    for ref in refs:
        try:
            articles.append(read(folder / ref.file))
            readable.append(ref)
        except InputError as error:
            problems.extend(error.problems)
    if not articles:
        raise InputError(problems)
    return BriefSource(folder.name, folder, config, tuple(readable), tuple(articles), tuple(problems))


def _inside(folder: Path, name: str) -> bool:
    """The file is in the folder itself once links are resolved: a brief publishes only its own files."""
    target = (folder / name).resolve()
    return target.parent == folder.resolve() and target.name != "brief.yml"


def _source_refs(folder: Path, config: BriefConfig, display: str) -> tuple[list[SourceRef], list[Problem]]:
    available = sorted(p.name for p in folder.iterdir()
                       if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file() and _inside(folder, p.name))
    if not config.sources:
        if not available:
            return [], [Problem(display, f"no article file (.txt, .md, .html) in {folder.name}/")]
        return [SourceRef(file=name) for name in available], []
    problems = []
    refs = []
    for index, entry in enumerate(config.sources):
        name = entry["file"]
        problem = _source_problem(folder, name, available)
        if problem:
            problems.append(Problem(display, problem, line=config.line_of("sources", index, "file"),
                                    key=f"sources[{index}].file"))
            continue
        refs.append(SourceRef(file=name, outlet=entry.get("outlet"), url=entry.get("url"),
                              author=entry.get("author"), licence=entry.get("licence")))
    return refs, problems


def _source_problem(folder: Path, name: str, available: list[str]) -> str | None:
    """Why `name` cannot be a source of this brief, or None."""
    if "/" in name or "\\" in name or name in (".", "..") or not _inside(folder, name):
        return f"'{name}' is not a file of {folder.name}/: a source must be a file in the brief's own folder"
    if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
        return f"'{name}' is not an article file: use .txt, .md or .html"
    path = folder / name
    if path.is_dir():
        return f"'{name}' is a folder, not an article file"
    if not path.is_file():
        hint = suggest(name, available)
        meant = f" (did you mean '{hint}'?)" if hint else ""
        return f"'{name}' does not exist in {folder.name}/{meant}"
    return None


def _display(path: Path, root: Path | None) -> str:
    if root:
        try:
            return str(path.relative_to(root))
        except ValueError:
            pass
    return str(path)
