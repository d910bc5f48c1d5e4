"""Safe HTML, proven in a real browser: corpus text is shown literally and nothing in it runs.

Headless Chromium (Debian's /usr/bin/chromium, never a downloaded build) driven by playwright opens
the pages of a pipeline run over the hostile corpus of ``tests/hostile.py``, whose text, file names,
metadata titles and codebook aliases carry <script>, event handlers, javascript: links, <iframe>,
<style> with url() and HTML entities. Every payload, if it ran, would change ``document.title``, log
to the console, open a dialog or request a URL; the test records all of these and asserts none
happened, both with the pages' Content-Security-Policy and with it stripped (so the sanitizer and
the escaping are tested on their own, not just the CSP). It then opens the committed
``reports/index.html``, follows every link, and checks for console errors and missing images,
saving screenshots under ``build/browser/``.

Without Chromium or playwright these tests skip, saying why; with NEWSFRAME_REQUIRE_BROWSER=1 (set
by .ci/run) they fail instead, so CI always runs them.
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import hostile
import pytest
import runs
from newsframe import paths

CHROMIUM = os.environ.get("NEWSFRAME_CHROMIUM", "/usr/bin/chromium")
REQUIRE = os.environ.get("NEWSFRAME_REQUIRE_BROWSER", "") not in ("", "0")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
]
REPORTS = paths.ROOT / "reports"
SCREENSHOTS = paths.BUILD / "browser"
#: The pages' own CSP, removed for the second look so that sanitizing and escaping are tested alone.
CSP_META = re.compile(r"<meta[^>]*Content-Security-Policy[^>]*>", re.IGNORECASE)

try:  # registered in pyproject.toml; until then the tests still run, unmarked
    pytestmark = [pytest.mark.browser]
except pytest.fail.Exception:  # --strict-markers and an unregistered marker
    pytestmark = []


def _unavailable() -> str:
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install playwright; no browser download is needed)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set NEWSFRAME_CHROMIUM)"
    return ""


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    why = _unavailable()
    if why:
        if REQUIRE:
            pytest.fail(f"NEWSFRAME_REQUIRE_BROWSER is set but {why}", pytrace=False)
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh --user-data-dir
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            offline=True,
            viewport={"width": 1280, "height": 900},
            java_script_enabled=True,
        )
        try:
            yield ctx
        finally:
            ctx.close()


class Watch:
    """Everything a page did that it should not: dialogs, console output, errors, requests."""

    def __init__(self, page, allowed: set[str]):
        self.dialogs, self.console, self.errors, self.requests = [], [], [], []
        self.allowed = allowed
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", self._request)
        page.on("requestfailed", lambda r: self.requests.append(f"failed: {r.url}"))

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _request(self, request):
        if request.url not in self.allowed and not request.url.startswith("data:"):
            self.requests.append(request.url)


def _hostile_run():
    run = runs.get("hostile")  # shared with tests/test_hostile_inputs.py
    assert run.result.returncode == 0, run.result.stderr
    return run


def _pages(out: Path) -> list[Path]:
    return sorted(out.glob("*.html"))


HOSTILE_PAGES = ["index.html", "01_clean_corpus.html", "02_extract_statements.html"]
#: Elements and attributes that must not survive sanitising, as seen in the live DOM.
DANGEROUS = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'frame', 'svg', 'math', 'base', 'form', 'link'].includes(tag)) found.push(tag);
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) found.push(`${tag}[${a.name}]`);
      if (/^\\s*(javascript|vbscript|data:text)/i.test(a.value) && ['href', 'src', 'action'].includes(a.name)) found.push(`${tag}[${a.name}=${a.value}]`);
    }
    // url() only to inline data: (the page template's icons); anything else would fetch.
    const fetching = /url\\s*\\((?!\\s*['"]?\\s*data:)|@import/i;
    if (tag === 'style' && fetching.test(el.textContent)) found.push('style fetching: ' + el.textContent.match(/url\\s*\\([^)]{0,60}|@import.{0,60}/i)[0]);
    if (fetching.test(el.getAttribute('style') || '')) found.push(`${tag}[style url()]`);
  }
  return found;
}"""


def _visit(context, url: str | None = None, html: str | None = None):
    page = context.new_page()
    watch = Watch(page, {url} if url else set())
    if url:
        page.goto(url, wait_until="load")
    else:
        page.set_content(html, wait_until="load")
    # Fire the events inline handlers listen to, on every element (hidden ones too), and give
    # timers a moment: a handler that survived sanitising would run now.
    page.evaluate("""() => { for (const el of document.querySelectorAll('*'))
        for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error', 'toggle'])
            el.dispatchEvent(new Event(type)); }""")
    page.wait_for_timeout(200)
    return page, watch


@pytest.mark.parametrize("name", HOSTILE_PAGES)
@pytest.mark.parametrize("csp", ["with CSP", "CSP stripped"])
def test_hostile_text_runs_nothing_and_shows_literally(context, name, csp):
    run = _hostile_run()
    path = run.out / name
    if csp == "with CSP":
        page, watch = _visit(context, url=path.as_uri())
    else:
        raw = path.read_text(encoding="utf-8")
        assert CSP_META.search(raw), f"{name} has no Content-Security-Policy"
        page, watch = _visit(context, html=CSP_META.sub("", raw))
    try:
        title = page.title()
        text = page.evaluate("() => document.documentElement.textContent")
        dangerous = page.evaluate(DANGEROUS)
    finally:
        page.close()
    assert hostile.MARKER not in title, f"a payload ran: title is {title!r}"
    assert not watch.dialogs, watch.dialogs
    assert not watch.errors, watch.errors
    assert not watch.console, f"console output (a payload, or a CSP violation): {watch.console}"
    assert not watch.requests, f"requests made: {watch.requests}"
    assert not dangerous, f"active content survived in {name}: {dangerous}"
    if name == "01_clean_corpus.html":
        for literal in [*hostile.LITERALS, hostile.XSS_TITLE, hostile.XSS_ALIAS]:
            assert literal in text, f"not shown literally: {literal!r}"


def _local_target(base: Path, href: str) -> Path | None:
    parsed = urlparse(href)
    if parsed.scheme in ("http", "https", "mailto") or href.startswith("#"):
        return None
    return (base.parent / unquote(parsed.path)).resolve()


def test_committed_reports_open_cleanly(context):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    index = REPORTS / "index.html"
    todo, seen, problems = [index], set(), []
    while todo:
        path = todo.pop(0)
        if path in seen:
            continue
        seen.add(path)
        page, watch = _visit(context, url=path.as_uri())
        try:
            hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
            broken = page.evaluate(
                "() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                ".map(i => (i.getAttribute('src') || '').slice(0, 60))"
            )
            heading = page.evaluate("() => (document.querySelector('h1') || {}).textContent || ''")
            page.screenshot(path=str(SCREENSHOTS / f"{path.stem}.png"), full_page=path == index)
        finally:
            page.close()
        rel = path.relative_to(REPORTS).as_posix()
        problems += [f"{rel}: console {m}" for m in watch.console if not m.startswith(("log:", "info:", "debug:"))]
        problems += [f"{rel}: page error {e}" for e in watch.errors + watch.dialogs]
        problems += [f"{rel}: request {r}" for r in watch.requests]
        problems += [f"{rel}: missing image {src!r}" for src in broken]
        if not heading.strip():
            problems.append(f"{rel}: no <h1>")
        for href in hrefs:
            target = _local_target(path, href)
            if target is None:
                continue
            if not target.is_file():
                problems.append(f"{rel}: link to a missing file {href}")
            elif target.suffix == ".html" and target.is_relative_to(REPORTS):
                todo.append(target)
    assert not problems, "\n".join(problems)
    stages = {p.name for p in _pages(REPORTS)} - {"index.html"}
    assert stages and stages <= {p.name for p in seen}, "index.html does not link every stage page"
    assert (SCREENSHOTS / "index.png").stat().st_size > 10_000


def test_the_watch_sees_a_payload_that_runs(context):
    """Control: the same checks, on the payloads unsanitized, must see them run."""
    page, watch = _visit(context, html="<title>t</title>" + "".join(hostile.PAYLOADS) + hostile.XSS_ALIAS)
    try:
        title, dangerous = page.title(), page.evaluate(DANGEROUS)
    finally:
        page.close()
    assert title == hostile.MARKER
    assert any(hostile.MARKER in m for m in watch.console) and watch.dialogs
    assert any(hostile.MARKER.lower() in r for r in watch.requests)
    assert {"script", "img[onerror]", "iframe", "svg"} <= set(dangerous)
