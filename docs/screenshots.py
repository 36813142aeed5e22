"""Regenerate the report screenshots in docs/img/ (desktop, explorer, phone, print).

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
            # The first screen of a 1280x900 display: the finding and the heatmap.
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(report.as_uri())
            page.wait_for_selector("#chart-bars .main-svg")
            page.screenshot(path=str(out / "report-desktop.png"))
            page.set_viewport_size({"width": 1280, "height": 1600})
            page.locator("#divergence article").first.screenshot(
                path=str(out / "report-evidence.png")
            )
            # The explorer after a click on Military.com's legal-unprotection cell,
            # with one term's tooltip open.
            page.goto(report.as_uri() + "#cell-0-2")
            page.wait_for_selector("#explore-results li")
            page.locator("#explore-results mark", has_text="POW status").first.focus()
            page.locator("#explore").screenshot(path=str(out / "report-explorer.png"))
            # Printed: the page's print handlers run, then A4's printable width.
            page.goto(report.as_uri())
            page.wait_for_selector("#chart-bars .main-svg")
            page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
            page.emulate_media(media="print")
            page.set_viewport_size({"width": 688, "height": 973})  # A4 less 14/15 mm margins
            page.evaluate("window.scrollTo(0, document.getElementById('summary').offsetTop)")
            page.screenshot(path=str(out / "report-print.png"))
            phone = browser.new_page(viewport={"width": 375, "height": 740})
            phone.goto(report.as_uri())
            phone.wait_for_selector("#chart-bars .main-svg")
            # The heatmap refits a phone's width (_charts.js): its colour scale folds away.
            phone.wait_for_function(
                "document.getElementById('chart-heatmap')._fullData[0].showscale === false"
            )
            phone.evaluate("window.scrollTo(0, document.getElementById('summary').offsetTop)")
            phone.screenshot(path=str(out / "report-phone.png"))
            browser.close()
    for name in ("desktop", "evidence", "explorer", "print", "phone"):
        name = f"report-{name}.png"
        print(out / name)


if __name__ == "__main__":
    main()
