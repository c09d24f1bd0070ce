"""`briefgen new`: a brief folder made from one article file, with a brief.yml filled in from what the file
says (title, date, author, and for a saved page its outlet and address). The new brief is a draft.

The folder is assembled beside its final place and renamed into it in one step, so a failure leaves nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from .errors import InputError, Problem
from .model import Article

SLUG_MAX = 60  # characters, date included: long enough for five or six words of a headline
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def brief_slug(title: str, date: str) -> str:
    """`<yyyy-mm-dd>-<words of the title>`, cut at a word boundary. A title with no Latin letters (Chinese,
    Arabic) gets a short digest of itself instead of words, so two such briefs never share a folder."""
    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower())
    if not words:
        words = [hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]]
    slug = date
    for word in words:
        if len(slug) + 1 + len(word) > SLUG_MAX:
            break
        slug = f"{slug}-{word}"
    return slug


def check_slug(slug: str) -> None:
    if not _SLUG.match(slug) or len(slug) > 100:
        raise InputError([Problem("--slug", f"{slug!r} is not a folder name a URL can carry: use lower-case letters, "
                                            "digits and single hyphens, e.g. 2024-11-30-aleppo-falls")])


def make_brief_folder(article_path: Path, article: Article, briefs_dir: Path, slug: str | None,
                      today: dt.date | None = None) -> Path:
    """Make briefs_dir/<slug>/ with a copy of the article and its brief.yml; raise InputError (and leave
    nothing behind) when the slug is invalid or taken."""
    title = article.title or article_path.stem.replace("-", " ").replace("_", " ")
    date = (article.published or (today or dt.date.today()).isoformat())[:10]
    if slug is not None:
        check_slug(slug)
    folder = briefs_dir / (slug or brief_slug(title, date))
    if folder.exists():
        raise InputError([Problem(str(folder), "already exists: choose another --slug")])
    briefs_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".new-", dir=briefs_dir))
    try:
        shutil.copyfile(article_path, staging / article_path.name)
        (staging / "brief.yml").write_text(brief_yml(article, article_path.name, title, date), encoding="utf-8")
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def brief_yml(article: Article, file_name: str, title: str, date: str) -> str:
    lines = [f"title: {_yaml(title)}", f"date: {date}", "tags: []", "status: draft", "sources:",
             f"  - file: {_yaml(file_name)}"]
    for key, value in (("outlet", article.outlet), ("url", article.url), ("author", article.author)):
        if value:
            lines.append(f"    {key}: {_yaml(value)}")
    return "\n".join(lines) + "\n"


def _yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar
