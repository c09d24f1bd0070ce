"""Material's search in a real browser: Debian's Chromium driven by Playwright, which is given the installed
browser (`/usr/bin/chromium`) and downloads none.

A built site is served over HTTP on a free local port, as readers get it (the search index is fetched by a web
worker, which `file://` pages cannot start)."""

from __future__ import annotations

import functools
import http.server
import shutil
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome")
# Material's search box and the line under it that says "Initializing search" until the worker has built the index.
SEARCH_INPUT = "input.md-search__input"
RESULTS_META = ".md-search-result__meta"
RESULT_ITEM = ".md-search-result__item"
WAIT_MS = 120_000  # a ceiling for one page's index, far above the 2 s target, so a slow run is measured, not cut


def chromium() -> str | None:
    """The installed Chromium, or None."""
    return next((path for name in BROWSER_NAMES if (path := shutil.which(name))), None)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site's address while it is served from a thread."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def browser_page(executable: str) -> Iterator[Any]:
    """A new page of a headless Chromium at a desktop size (at 800x600 Material switches to the mobile layout)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            yield context.new_page()
        finally:
            browser.close()


@dataclass(frozen=True, slots=True)
class SearchTiming:
    after_load: float  # seconds from the page's load event until the search worker is ready
    after_navigation: float  # seconds from the start of navigation until then
    first_query: float  # seconds from then until the first results of a query are shown


_READY = f"""() => {{
    const meta = document.querySelector({RESULTS_META!r});
    if (!meta || /Initializing/i.test(meta.textContent)) return false;
    const navigation = performance.getEntriesByType("navigation")[0];
    return [performance.now(), navigation.loadEventEnd];
}}"""


def load_with_search(page: Any, url: str) -> tuple[float, float]:
    """Load `url` and wait until Material's search is ready; the page's clock (ms) then, and at its load event."""
    page.goto(url, wait_until="load")
    now, loaded = page.wait_for_function(_READY, polling=10, timeout=WAIT_MS).json_value()
    return now, loaded


def search_timing(url: str, query: str, executable: str) -> SearchTiming:
    """One load of `url` in a fresh browser (nothing cached), then one query typed into the search box."""
    with browser_page(executable) as page:
        now, loaded = load_with_search(page, url)
        ready = page.evaluate("() => performance.now()")
        page.locator(SEARCH_INPUT).press_sequentially(query)
        page.wait_for_selector(RESULT_ITEM, timeout=WAIT_MS)
        answered = page.evaluate("() => performance.now()")
    return SearchTiming((now - loaded) / 1000, now / 1000, (answered - ready) / 1000)


def median_search_timing(site: Path, query: str, loads: int = 3) -> SearchTiming | None:
    """The median of `loads` fresh loads of the site's home page, or None without Chromium or Playwright."""
    executable = chromium()
    try:
        import playwright  # noqa: F401 - only whether it is installed
    except ImportError:
        return None
    if executable is None:
        return None
    with served(site) as url:
        runs = [search_timing(url, query, executable) for _ in range(loads)]
    return SearchTiming(*(statistics.median(getattr(run, field) for run in runs)
                          for field in ("after_load", "after_navigation", "first_query")))


def search_hits(page: Any, url: str, query: str) -> list[str]:
    """The pages Material's search lists for `query` typed into a freshly loaded `url`, best first: each result
    item's first link (the page's best section), relative to the site's root, without the highlight query."""
    load_with_search(page, url)
    page.locator(SEARCH_INPUT).press_sequentially(query)
    page.wait_for_selector(RESULT_ITEM, timeout=WAIT_MS)
    hits: list[str] = []
    while True:  # the list is redrawn after each key: read it until two reads 200 ms apart agree
        page.wait_for_timeout(200)
        now = page.eval_on_selector_all(RESULT_ITEM, "items => items.map(li => li.querySelector('a').href)")
        if now == hits:
            return [hit.removeprefix(url).split("?")[0].split("#")[0] for hit in hits]
        hits = now
