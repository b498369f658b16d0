"""The web app in a real browser: Debian's Chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from webfixtures import (
    HOSTILE_STORY_ID,
    HOSTILE_TEXT,
    STRIKE_ID,
    TEXTS,
    WILDFIRE_FILES,
    WILDFIRE_LATE,
    aid,
)

from newsprism.web.launch import running_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Long enough for an ingest job that loads the NLP pipeline on a 2-core machine.
JOB_TIMEOUT_MS = 240_000

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def test_browser_event_citation_opens_the_article_with_its_evidence_highlighted(page, live_server):
    page.goto(f"{live_server}/stories/{STRIKE_ID}")
    chip = page.locator(".np-events a.np-chip").first
    href = chip.get_attribute("href")
    chip.click()
    page.wait_for_url("**/articles/**")
    query = parse_qs(urlparse(href).query)
    start, end = (int(x) for x in query["span"][0].split("-"))
    article_id = urlparse(href).path.rsplit("/", 1)[-1]
    text = httpx.get(f"{live_server}/api/articles/{article_id}").json()["text"]
    active = page.locator("#article-text mark.active")
    assert active.count() >= 1
    assert "".join(active.all_inner_texts()) == text[start:end]
    assert active.first.is_visible()


def test_browser_clicking_a_finding_highlights_it_in_place(page, live_server):
    coastal = aid(TEXTS["coastal-wire"])
    page.goto(f"{live_server}/articles/{coastal}?story={STRIKE_ID}")
    assert page.locator("#article-text mark.active").count() == 0
    page.locator("a.show-finding", has_text="framing of Dana Orlov").click()
    assert page.locator("#article-text mark.active").all_inner_texts() == ["Firebrand union boss Dana Orlov"]
    assert page.locator("li.finding-item.active").count() == 1


def test_browser_hostile_article_runs_no_script(page, live_server):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for url in ["/", f"/stories/{HOSTILE_STORY_ID}", f"/articles/{aid(HOSTILE_TEXT)}"]:
        page.goto(live_server + url)
        assert page.evaluate("typeof window.__pwned") == "undefined", url
    assert "<script>window.__pwned = 1</script>" in page.locator("#article-text").inner_text()
    assert errors == []


@pytest.mark.slow
def test_browser_uploaded_file_joins_its_story(page, tmp_path):
    folder = tmp_path / "upload"
    folder.mkdir()
    for name, text in [*WILDFIRE_FILES.items(), WILDFIRE_LATE]:
        (folder / name).write_text(text, encoding="utf-8")
    with running_server(tmp_path / "browser.db") as served:
        base = served.base
        page.goto(f"{base}/ingest")
        page.set_input_files("input[name=files]", [str(folder / n) for n in WILDFIRE_FILES])
        page.click("form.ingest button[type=submit]")
        page.wait_for_selector("#job[data-status=done]", timeout=JOB_TIMEOUT_MS)

        page.goto(f"{base}/ingest")
        page.set_input_files("input[name=files]", str(folder / WILDFIRE_LATE[0]))
        page.click("form.ingest button[type=submit]")
        page.wait_for_selector("#job[data-status=done]", timeout=JOB_TIMEOUT_MS)
        joined = page.locator("ul.joined li")
        assert joined.count() == 1
        assert "(4 articles)" in joined.inner_text()
        joined.locator("a.joined-story").click()
        page.wait_for_url("**/stories/**")
        titles = page.locator("table.articles a.article-link").all_inner_texts()
        assert len(titles) == 4
        assert any("Brenholt evacuees wait to return" in t for t in titles)


def test_browser_back_link_from_an_article_lands_on_its_finding(page, live_server):
    meridian = aid(TEXTS["meridian-daily"])
    page.goto(f"{live_server}/articles/{meridian}?story={STRIKE_ID}")
    page.locator("li.finding-item.k-flag a.back").click()
    page.wait_for_url(f"**/stories/{STRIKE_ID}#fl-0")
    flags = page.locator("section.np-flags")
    assert flags.is_visible()
    box = flags.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_browser_story_list_filter_form(page, live_server):
    page.goto(f"{live_server}/")
    assert page.locator("a.story-link").count() == 2
    page.select_option("select[name=outlet]", "Coastal Wire")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**outlet=Coastal+Wire**")
    assert page.locator("a.story-link").all_inner_texts() == ["Dock strike at the port of Velmar"]
