"""Take the screenshots in this folder: the main pages of `newsprism serve` in Debian's Chromium.

    .venv/bin/python docs/screenshots/capture.py STORE.db

Serves STORE.db (nothing is written) on a free loopback port, opens the story list,
the story with most coverage, one of its articles with an event's evidence
highlighted, the ingest page and the API page, and saves each as a PNG here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tests" / "web"))
from webfixtures import running_server  # noqa: E402  (the test suite's server starter)

CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1100, "height": 760}


def main(db: Path) -> None:
    with running_server(db) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=VIEWPORT)
        story = httpx.get(f"{base}/api/stories").json()[0]["id"]
        page.goto(f"{base}/")
        page.screenshot(path=HERE / "stories.png")
        page.goto(f"{base}/stories/{story}")
        page.screenshot(path=HERE / "story.png")
        chip = page.locator(".np-events a.np-chip, .np-brief a.np-chip").first
        page.goto(base + chip.get_attribute("href"))
        page.screenshot(path=HERE / "article.png")
        page.goto(f"{base}/ingest")
        page.screenshot(path=HERE / "ingest.png")
        page.goto(f"{base}/docs")
        page.screenshot(path=HERE / "api.png")
        browser.close()
    for png in sorted(HERE.glob("*.png")):
        print(f"{png.name}: {png.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
