"""The report as a person uses it: opened from a file in headless Chromium.

These tests need Chromium (Debian's ``chromium`` at /usr/bin/chromium, or the
path in ``FRAMING_CHROMIUM``) and Playwright for Python; ``playwright install``
is never needed. Without them they are skipped with a message, unless
``FRAMING_REQUIRE_BROWSER`` is set (CI sets it), which turns a skip into a
failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app

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


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_selector("#chart-heatmap .main-svg")
    return page, problems, requests


def test_seeds_report_renders_offline_and_a_click_shows_the_evidence(browser, tmp_path):
    page, problems, requests = _open(browser, _report(tmp_path))
    assert page.locator("#chart-bars g.trace.bars").count() == 3  # one trace per frame
    heatmap = page.locator("#chart-heatmap")
    heatmap.scroll_into_view_if_needed()
    box = page.locator("#chart-heatmap .nsewdrag").first.bounding_box()
    # Columns are outlets (Military.com first), rows are frames (legal last).
    page.mouse.move(box["x"] + box["width"] / 6, box["y"] + box["height"] * 5 / 6)
    page.mouse.down()
    page.mouse.up()
    page.wait_for_function("location.hash === '#cell-0-2'", timeout=5000)
    panel = page.locator("#cell-0-2")
    assert panel.is_visible()
    assert "Military.com · Legally unprotected civilians" in panel.inner_text()
    assert "targetable" in panel.inner_text()
    assert not page.locator("#cell-1-2").is_visible()
    assert problems == []
    assert [r for r in requests if not r.startswith("file://")] == []
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
