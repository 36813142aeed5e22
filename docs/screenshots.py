"""Regenerate the report screenshots in docs/img/ (desktop and print preview).

Renders the bundled seeds report and photographs it in headless Chromium
(Debian's ``chromium``, driven by Playwright; nothing is downloaded)::

    python docs/screenshots.py            # writes docs/img/report-*.png

Set FRAMING_CHROMIUM to use another Chromium binary.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip


def main() -> None:
    from playwright.sync_api import sync_playwright

    from framing import analyse, load_corpus, load_lexicons
    from framing.report import write_html
    from framing.resources import default_lexicons, seeds_dir

    out = REPO / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    analysis = analyse(load_corpus([seeds_dir()], name="seeds"), load_lexicons(default_lexicons()))
    with tempfile.TemporaryDirectory() as tmp:
        report = write_html(analysis, Path(tmp) / "seeds.html", classroom=True)
        executable = os.environ.get("FRAMING_CHROMIUM", "/usr/bin/chromium")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            page.goto(report.as_uri())
            page.wait_for_selector("#chart-bars .main-svg")
            page.screenshot(path=str(out / "report-desktop.png"))
            page.locator("#divergence article").first.screenshot(
                path=str(out / "report-evidence.png")
            )
            page.emulate_media(media="print")
            page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(out / "report-print.png"))
            browser.close()
    for name in ("report-desktop.png", "report-evidence.png", "report-print.png"):
        print(out / name)


if __name__ == "__main__":
    main()
