"""The report as a person uses it: opened from a file in headless Chromium.

Whatever a test reads right after an action (a click, a choice, a key) it
reads through Playwright's ``expect``, which retries until the page shows the
expected state or a timeout passes: a link to a cell changes the page in a
``hashchange`` event that runs after the click has returned.

These tests need Chromium (Debian's ``chromium`` at /usr/bin/chromium, or the
path in ``FRAMING_CHROMIUM``) and Playwright for Python; ``playwright install``
is never needed. Without them they are skipped with a message, unless
``FRAMING_REQUIRE_BROWSER`` is set (CI sets it), which turns a skip into a
failure.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app

try:
    from playwright.sync_api import expect
except ImportError:  # every test then skips, or fails, in _chromium() with a message
    expect = None

#: These drive Chromium: `pytest -m "not browser"` skips them for a fast loop.
pytestmark = pytest.mark.browser

ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip


def _chromium() -> str:
    path = os.environ.get("FRAMING_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    problem = None
    if not Path(path).exists():
        problem = (
            f"Chromium not found at {path} (apt-get install chromium, or set FRAMING_CHROMIUM)"
        )
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "Playwright for Python is not installed (pip install playwright)"
    if problem:
        if os.environ.get("FRAMING_REQUIRE_BROWSER"):
            pytest.fail(problem)
        pytest.skip(problem)
    return path


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=ARGS)
        yield b
        b.close()


def _report(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _open(browser, path: Path, *, hash: str = "", viewport: dict | None = None):
    """Open a report from its file URL, recording console errors, dialogs and requests."""
    page = browser.new_page(viewport=viewport or {"width": 1200, "height": 900})
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri() + hash)
    page.wait_for_selector("#chart-heatmap .main-svg")
    return page, problems, requests


def _starting(prefix: str) -> re.Pattern[str]:
    """A pattern for text that starts with ``prefix``, for ``expect(...).to_have_text``."""
    return re.compile("^" + re.escape(prefix))


def _click_cell(page, column: int, n_columns: int, row: int, n_rows: int) -> None:
    """Click the centre of one heatmap cell (columns are outlets, rows frames)."""
    page.locator("#chart-heatmap").scroll_into_view_if_needed()
    box = page.locator("#chart-heatmap .nsewdrag").first.bounding_box()
    page.mouse.click(
        box["x"] + box["width"] * (column + 0.5) / n_columns,
        box["y"] + box["height"] * (row + 0.5) / n_rows,
    )


def test_seeds_report_renders_offline_and_a_click_shows_the_evidence(browser, tmp_path):
    page, problems, requests = _open(browser, _report(tmp_path))
    assert page.locator("#chart-bars g.trace.bars").count() == 3  # one trace per frame
    # Columns are outlets (Military.com first), rows are frames (legal last).
    _click_cell(page, 0, 3, 2, 3)
    page.wait_for_function("location.hash === '#cell-0-2'", timeout=5000)
    status = page.locator("#explore-status")
    expect(status).to_have_text(
        _starting("Military.com · Legally unprotected civilians: 12 of 29 sentences (41%)"),
        use_inner_text=True,
    )
    expect(status).to_be_focused()
    expect(page.locator("#explore-outlet")).to_have_value("0")
    expect(page.locator("#explore-frame")).to_have_value("2")
    results = page.locator("#explore-results")
    expect(results.locator("li")).to_have_count(5)  # one page
    expect(results).to_contain_text("targetable", use_inner_text=True)
    expect(results).to_contain_text("Quoting Claire Finkelstein", use_inner_text=True)
    # A bar does the same: Arab News's bar for possible extremists.
    bar = page.locator("#chart-bars g.trace.bars").nth(1).locator("path").nth(1)
    bar.scroll_into_view_if_needed()
    bar.click(force=True)
    page.wait_for_function("location.hash === '#cell-1-1'", timeout=5000)
    expect(results).to_contain_text("white supremacist", ignore_case=True, use_inner_text=True)
    assert problems == []
    assert [r for r in requests if not r.startswith("file://")] == []
    page.close()


def test_evidence_filters_pages_and_deep_links(browser, tmp_path):
    report = _report(tmp_path)
    page, problems, _ = _open(browser, report)
    status, results = page.locator("#explore-status"), page.locator("#explore-results")
    # All outlets and frames at first, the strongest sentence of each cell first.
    assert page.locator("#explore-outlet").input_value() == ""
    first_page = results.inner_text()
    assert "Showing 1–5 of" in status.inner_text()
    assert "Military.com · Legally unprotected civilians" in first_page
    page.click("#explore-next")
    expect(status).to_contain_text("Showing 6–10 of", use_inner_text=True)
    expect(results).not_to_have_text(first_page, use_inner_text=True)
    expect(page.locator("#explore-prev")).to_be_enabled()
    # One frame across outlets: every sentence is labelled with its outlet.
    page.select_option("#explore-frame", "1")
    expect(status).to_contain_text("Showing 1–", use_inner_text=True)
    labels = results.locator("p.cite").all_inner_texts()
    assert labels and all("· Possible extremists" in c for c in labels)
    assert not any(c.startswith("Military.com") for c in labels)  # it has none
    # Only the copy shared with another outlet: the Kremenetskyi quotes on goodwill.
    page.select_option("#explore-frame", "0")
    page.select_option("#explore-origin", "shared")
    expect(results.locator(".tag.unique")).to_have_count(0)
    tags = results.locator(".tag").all_inner_texts()
    assert tags and set(tags) == {"shared"}
    expect(results).to_contain_text("Kremenetskyi", use_inner_text=True)
    # A cell with no sentence says so.
    page.select_option("#explore-origin", "")
    page.select_option("#explore-frame", "1")
    page.select_option("#explore-outlet", "0")
    expect(status).to_contain_text(
        "no sentence from Military.com invokes this frame", use_inner_text=True
    )
    expect(results.locator("li")).to_have_count(0)
    expect(page.locator("#explore-pager")).to_be_hidden()
    # A link of the index shows its cell, even when it is the one in the address bar.
    page.click(".cell-index summary")
    page.click("a[href='#cell-0-2']")
    expect(status).to_have_text(
        _starting("Military.com · Legally unprotected civilians"), use_inner_text=True
    )
    page.click("#explore-next")
    expect(status).to_contain_text("Showing 6–10 of 12", use_inner_text=True)
    page.click("a[href='#cell-0-2']")  # the same hash: back to the cell's first page
    expect(status).to_contain_text("Showing 1–5 of 12", use_inner_text=True)
    page.close()
    # A link to one cell opens the report on it.
    linked = browser.new_page()
    linked.goto(report.as_uri() + "#cell-2-0")
    linked.wait_for_selector("#chart-heatmap .main-svg")
    expect(linked.locator("#explore-status")).to_have_text(
        _starting("People · Goodwill fighters"), use_inner_text=True
    )
    linked.close()
    assert problems == []


def test_a_matched_term_shows_its_frame_and_lexicon_entry_on_focus(browser, tmp_path):
    page, problems, _ = _open(browser, _report(tmp_path), hash="#cell-0-2")
    mark = page.locator("#explore-results mark", has_text="targetable").first
    mark.focus()
    expect(mark).to_be_focused()
    tip = page.evaluate("el => getComputedStyle(el, '::after').content", mark.element_handle())
    assert tip == '"Legally unprotected civilians · lexicon entry: targetable"'
    page.locator("h1").hover()
    page.keyboard.press("Tab")  # focus moves on, the tooltip goes
    expect(mark).not_to_be_focused()
    assert page.evaluate(
        "el => getComputedStyle(el, '::after').content", mark.element_handle()
    ) in ("none", "normal")
    # Server-rendered evidence (the divergences) carries the same descriptions.
    negated = page.locator("#divergence blockquote mark.negated[data-reading=deny]").first
    assert negated.get_attribute("aria-description").startswith("Negated, not counted · ")
    assert problems == []
    page.close()


def test_phone_width_never_scrolls_sideways(browser, tmp_path):
    page, problems, _ = _open(
        browser, _report(tmp_path, "--classroom"), viewport={"width": 375, "height": 812}
    )
    width = "document.documentElement.scrollWidth"
    assert page.evaluate(width) <= 375
    # Not with the explorer filled, nor with a tooltip open at the right edge.
    page.evaluate("location.hash = '#cell-0-2'")
    page.wait_for_function("document.querySelectorAll('#explore-results li').length === 5")
    marks = page.locator("#explore-results mark")
    rightmost = max(range(marks.count()), key=lambda i: marks.nth(i).bounding_box()["x"])
    marks.nth(rightmost).focus()
    expect(marks.nth(rightmost)).to_be_focused()
    assert page.evaluate(width) <= 375
    charts = page.evaluate(
        "Array.from(document.querySelectorAll('.chart .main-svg'))"
        ".map(s => s.getBoundingClientRect().right)"
    )
    assert charts and max(charts) <= 375
    assert problems == []
    page.close()


#: The printable width of A4 (210 mm) less the report's 14 mm side margins, in CSS px.
A4_PRINTABLE = round((210 - 2 * 14) / 25.4 * 96)


def test_print_fits_a4_and_letter_and_opens_folded_parts(browser, tmp_path):
    page, problems, _ = _open(browser, _report(tmp_path, "--classroom"))
    assert page.locator("details.print-open[open]").count() == 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    # The charts are redrawn to fit the paper; folded tables and the glossary open.
    expect(page.locator("details.print-open:not([open])")).to_have_count(0)
    page.wait_for_function(
        "w => Array.from(document.querySelectorAll('.chart .main-svg'))"
        ".every(s => s.getBoundingClientRect().width <= w)",
        arg=A4_PRINTABLE,
    )
    widths = page.evaluate(
        "Array.from(document.querySelectorAll('.chart .main-svg'))"
        ".map(s => s.getBoundingClientRect().width)"
    )
    assert widths and max(widths) <= A4_PRINTABLE
    assert page.locator("details.print-open:not([open])").count() == 0
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_PRINTABLE, "height": 1000})
    # (plotly's transparent drag handles may poke out by a pixel or two; they print nothing)
    overflowing = page.evaluate(
        """w => Array.from(document.querySelectorAll('body *'))
          .filter(el => el.getBoundingClientRect().right > w + 1 && !el.closest('.draglayer'))
          .map(el => el.tagName + '.' + (el.className.baseVal ?? el.className))"""
    , A4_PRINTABLE)  # fmt: skip
    assert overflowing == []
    assert page.locator("#explore").is_hidden()  # interactive only
    assert page.locator(".worksheet").is_visible()
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper)
        pages = re.findall(rb"/Type\s*/Page(?![s\w])", pdf)
        assert pdf.startswith(b"%PDF") and len(pages) > 1, paper
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("details.print-open[open]")).to_have_count(0)
    assert problems == []
    page.close()


def test_hostile_article_shows_literally_and_runs_nothing(browser, tmp_path):
    payload = '<script>alert(1)</script> </script> "><img src=x onerror=alert(1)>'
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "manifest.csv").write_text(
        f'file,outlet,title\nevil.txt,"Evil {payload}","Title {payload}"\ngood.txt,Good,Fine\n',
        encoding="utf-8",
    )
    (folder / "evil.txt").write_text(
        f"Headline\n\nThey fight for freedom {payload} today.\n", encoding="utf-8"
    )
    (folder / "good.txt").write_text(
        "Headline two\n\nThe Geneva Conventions apply here.\n", encoding="utf-8"
    )
    page, problems, requests = _open(browser, _report(tmp_path, str(folder)))
    text = page.locator("body").inner_text()
    assert "<script>alert(1)</script>" in text
    # The explorer builds its sentences and labels in the page: literal there too.
    explored = page.locator("#explore-results").inner_text()
    outlet = page.locator("#explore-outlet option[value='0']").inner_text()
    assert outlet.startswith("Evil <script>alert(1)</script>")  # as the CSV reader parsed it
    assert payload in explored and f"{outlet} · Goodwill fighters" in explored
    assert page.locator("img[src=x]").count() == 0
    assert problems == []
    assert [r for r in requests if not r.startswith("file://")] == []
    page.close()


def test_blind_report_shows_no_outlet_name(browser, tmp_path):
    page, problems, _ = _open(browser, _report(tmp_path, "--blind", "--classroom"))
    text = page.locator("body").inner_text()
    for name in ("Military.com", "Arab News", "PEOPLE", "People"):
        assert name not in text, name
    assert "Outlet A" in text
    hover_labels = page.evaluate(
        "Array.from(document.querySelectorAll('.chart')).map(n => JSON.stringify(n.data || []))"
    )
    assert not any(
        name in label for label in hover_labels for name in ("Military.com", "Arab News")
    )
    assert problems == []
    page.close()


def test_title_print_colour_and_a_match_cue_beyond_colour(browser, tmp_path):
    page, problems, _ = _open(browser, _report(tmp_path, "--quick", "--title", "Week 3"))
    expect(page.locator("h1")).to_have_text("Week 3")
    assert page.title() == "Week 3 — framing report"
    mark = page.locator("mark.hit:not(.negated)").first
    style = "(el, p) => getComputedStyle(el).getPropertyValue(p)"
    assert "underline" in mark.evaluate(style, "text-decoration-line")
    assert mark.evaluate(style, "print-color-adjust") == "economy"  # on screen: the default
    page.emulate_media(media="print")
    for selector in ("mark.hit", ".swatch"):
        element = page.locator(selector).first
        assert element.evaluate(style, "print-color-adjust") == "exact", selector
    negated = page.locator("mark.hit.negated").first
    assert "line-through" in negated.evaluate(style, "text-decoration-line")
    assert problems == []
    page.close()


def test_a_table_wider_than_a_phone_scrolls_with_a_visible_cue(browser, tmp_path):
    page, problems, _ = _open(
        browser, _report(tmp_path, "--quick"), viewport={"width": 375, "height": 812}
    )
    wrap = page.locator("#summary .table-wrap").first
    sizes = wrap.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] > sizes[1]  # the share table is wider than the phone: it scrolls
    attachment = wrap.evaluate("el => getComputedStyle(el).backgroundAttachment")
    assert attachment == "local, local, scroll, scroll"  # the shadows that show it
    assert problems == []
    page.close()


def test_the_heatmap_stays_readable_at_phone_width(browser, tmp_path):
    path = _report(tmp_path, "--quick")
    overlapping = """() => {
      const boxes = Array.from(document.querySelectorAll('#chart-heatmap .heatmap-label text'))
        .map(t => t.getBoundingClientRect()).filter(b => b.width > 0);
      let n = 0;
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) n++;
      }));
      return [boxes.length, n];
    }"""
    scale = "document.getElementById('chart-heatmap')._fullData[0].showscale"
    page, problems, _ = _open(browser, path, viewport={"width": 375, "height": 812})
    page.wait_for_function(f"{scale} === false")  # the colour scale folds away on a phone
    n_labels, n_overlapping = page.evaluate(overlapping)
    assert n_overlapping == 0
    assert n_labels in (0, 9)  # every cell's percentage, or none (the tooltip has them)
    page.close()
    page, problems_wide, _ = _open(browser, path)
    page.wait_for_function(f"{scale} === true")
    assert page.evaluate(overlapping) == [9, 0]
    assert problems == [] and problems_wide == []
    page.close()


def test_the_first_screen_shows_the_finding_and_the_heatmap(browser, tmp_path):
    page, problems, _ = _open(
        browser, _report(tmp_path, "--quick"), viewport={"width": 1280, "height": 900}
    )
    headline = page.locator("#summary .headline")
    expect(headline).to_have_text(_starting("The clearest difference: "))
    for element in (headline, page.locator("#chart-heatmap .main-svg").first):
        box = element.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900
    assert problems == []
    page.close()
