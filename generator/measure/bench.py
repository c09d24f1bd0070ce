"""`make bench N=...`: the build of N briefs against its anchors (`scale.py`: raw spaCy, MkDocs alone), then two
bounds from issue #16: extraction time against article length (50K, 200K and 800K characters: it must grow
linearly, so a 4× longer article costs under 4× the time), and the peak memory of `briefgen check` on brief.yml
files just under the 1 MB limit.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..extract import extract_article
from ..load.readers import read_article
from ..load.schema import MAX_BYTES
from ..nlp import parse
from ..settings import DEFAULT_MODEL

# A child's ru_maxrss on Linux starts from its parent's peak (it survives fork and exec), so the child reports
# its own high-water mark (VmHWM), and this process resets its own before each long article.
_HIGH_WATER = "import re; print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])"
_CHECK_THEN_HIGH_WATER = f"from generator.cli import main; main(['check']); {_HIGH_WATER}"


def _reset_high_water() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # Linux: resets VmHWM to the current resident size
        return True
    except OSError:
        return False


def _high_water_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")) / 1024


LONG_ARTICLE_CHARACTERS = (50_000, 200_000, 800_000)  # #16: extraction must stay linear up to spaCy's 1M limit


def _long_text(project: Path) -> str:
    """Distinct news text for the long articles: every gold folder's articles beside the project, else the
    shipped briefs. (Repeated paragraphs would be dropped by cleaning as pull quotes, so copies get a
    number.)"""
    corpus = project.parent / "shared" / "corpus"
    paths = sorted(corpus.glob("*/*.txt")) or sorted((project / "briefs").glob("*/*.txt"))
    pieces = [path.read_text(encoding="utf-8") for path in paths]
    text = "\n\n".join(pieces)
    copy = 1
    while len(text) < LONG_ARTICLE_CHARACTERS[-1]:
        text += "\n\n" + "\n\n".join(f"(Copy {copy}.) {piece}" for piece in pieces)
        copy += 1
    return text


def _long_articles(text: str) -> None:
    """Reading, parsing and extraction of one article of each length, wall and CPU time, and the time per
    character relative to the shortest (1.00 is linear)."""
    first_rate = 0.0
    with tempfile.TemporaryDirectory() as temporary:
        for length in LONG_ARTICLE_CHARACTERS:
            path = Path(temporary) / f"article-{length}.txt"
            path.write_text(text[:length], encoding="utf-8")
            measured = _reset_high_water()
            wall, cpu = time.perf_counter(), time.process_time()
            extract_article(parse(read_article(path), DEFAULT_MODEL))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            rate = cpu / length
            first_rate = first_rate or rate
            memory = f", peak memory {_high_water_mb():.0f} MB" if measured else ""
            print(f"long article, {length:,} characters: {wall:.1f} s wall, {cpu:.1f} s CPU, "
                  f"CPU per character {rate / first_rate:.2f}× the {LONG_ARTICLE_CHARACTERS[0]:,}-character "
                  f"one{memory}")


def _large_brief_files(article: Path) -> None:
    """Peak memory of `briefgen check` (a separate process) on brief.yml files just under MAX_BYTES, each
    stressing one part of the schema: thousands of curation edits, a huge tag list, added figures."""
    head = "title: T\ndate: 2024-01-01\nsources:\n  - file: article.txt\n"
    shapes = {
        "quote edits": ("quotes:\n", '  - match: "words number {i} that are not there"\n    hide: true\n'),
        "tags": ("tags:\n", "  - tag {i}\n"),
        "added figures": ("figures:\n", '  - {{add: {{value: {i}, unit: people, text: "{i} people"}}}}\n'),
    }
    for name, (key, item) in shapes.items():
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary) / "briefs" / "large"
            folder.mkdir(parents=True)
            shutil.copy(article, folder / "article.txt")
            lines = [head, key]
            size, number = len(head) + len(key), 0
            while size + len(item) + 16 < MAX_BYTES:
                line = item.format(i=number)
                lines.append(line)
                size, number = size + len(line.encode("utf-8")), number + 1
            (folder / "brief.yml").write_text("".join(lines), encoding="utf-8")
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", _CHECK_THEN_HIGH_WATER], cwd=temporary,
                                  capture_output=True, text=True)
            peak = int(done.stdout.split()[-1]) / 1024
            print(f"briefgen check, brief.yml of {size:,} bytes ({number:,} {name}): "
                  f"{time.perf_counter() - started:.1f} s, peak memory {peak:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.measure.bench")
    parser.add_argument("--briefs", type=int, default=200, help="number of generated briefs (default: 200)")
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="the project whose mkdocs.yml, templates and docs/assets are used (default: here)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder of gold folders (default: ../shared/corpus beside the project)")
    parser.add_argument("--scale-only", action="store_true", help="leave out the long-article and brief.yml "
                        "bounds of #16")
    args = parser.parse_args(argv)
    root = args.project.resolve()
    from .scale import run_scale

    run_scale(root, args.corpus or root.parent / "shared" / "corpus", args.briefs)
    if not args.scale_only:
        articles = sorted((root / "briefs").glob("*/*.txt"))
        _long_articles(_long_text(root))
        _large_brief_files(articles[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
