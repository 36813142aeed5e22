"""Accessibility of the report, checked in headless Chromium.

A report is only useful if everyone can read it: with a screen reader, with the
keyboard alone, on a phone, or on paper. These tests open the reports that
``framing report`` writes (plain, ``--classroom`` and ``--blind --classroom``)
and check them three ways:

* axe-core, the rule engine behind most accessibility audits, run against the
  WCAG 2.0/2.1 A and AA rules and axe's best practices, at a desktop width, at
  a 375 px phone width and with print media emulated; any violation with impact
  "serious" or "critical" fails, and the message names each rule, its impact,
  its help text and the first elements it concerns;
* structural checks that need no rule engine: language, title, one ``<h1>``,
  landmarks, no skipped heading level, a name for every image and a data table
  beside every chart;
* the keyboard: Tab from the top of the page (Enter on a folded section's
  summary), where focus must always be visible and every link of the Charts
  section's evidence index must be reached.

Like tests/report/test_browser.py these need Chromium and Playwright for Python, and
the axe tests also need axe-core, pinned in tests/browser/package-lock.json and
installed with ``npm ci --prefix tests/browser`` (or found at the path in
``FRAMING_AXE``). Without them the tests are skipped with a message, unless
``FRAMING_REQUIRE_BROWSER`` is set (CI sets it), which turns a skip into a
failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

from .test_browser import ARGS, _chromium, _open, _report

#: These drive Chromium: `pytest -m "not browser"` skips them for a fast loop.
pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = ("serious", "critical")
NARROW = {"width": 375, "height": 812}
MAX_TABS = 400
VARIANTS = {
    "plain": (),
    "classroom": ("--classroom",),
    "blind-classroom": ("--blind", "--classroom"),
}


def _axe_path() -> Path:
    """axe.min.js from tests/browser/node_modules, or from ``FRAMING_AXE``; else skip or fail."""
    default = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
    path = Path(os.environ.get("FRAMING_AXE") or default)
    if not path.is_file():
        problem = f"axe-core not installed (npm ci --prefix tests/browser): no file at {path}"
        if os.environ.get("FRAMING_REQUIRE_BROWSER"):
            pytest.fail(problem)
        pytest.skip(problem)
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def axe() -> Path:
    """The axe-core script to inject into each page."""
    return _axe_path()


@pytest.fixture(scope="module", params=list(VARIANTS), ids=list(VARIANTS))
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds report in one variant, written once per module by the CLI."""
    return _report(tmp_path_factory.mktemp(request.param), *VARIANTS[request.param])


@pytest.fixture(scope="module")
def page(browser: Any, report: Path) -> Iterator[Any]:
    """The report opened at desktop width, shared by the read-only structural checks."""
    opened, _, _ = _open(browser, report)
    yield opened
    opened.close()


# --- axe-core --------------------------------------------------------------

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html})),
  }));
}"""


def _target(node: dict[str, Any]) -> str:
    """A node's selector; parts inside frames or shadow roots are joined with '>>'."""
    return " >> ".join(
        " ".join(part) if isinstance(part, list) else str(part) for part in node["target"]
    )


def _describe(violations: list[dict[str, Any]], where: str) -> str:
    """A failure message a developer can act on: each rule with its first few elements."""
    serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    lines = [f"axe-core: {len(serious)} serious or critical violation(s) in {where}:"]
    for v in serious:
        count = len(v["nodes"])
        lines.append(
            f"- {v['id']} [{v['impact']}] {v['help']} ({count} element(s); {v['helpUrl']})"
        )
        for node in v["nodes"][:3]:
            html = " ".join(node["html"].split())
            html = html if len(html) <= 160 else html[:157] + "..."
            lines.append(f"    {_target(node)}    {html}")
        if len(v["nodes"]) > 3:
            lines.append(f"    ... and {len(v['nodes']) - 3} more")
    lesser = [v for v in violations if v["impact"] not in FAILING_IMPACTS]
    if lesser:
        others = ", ".join(f"{v['id']} [{v['impact']}] ×{len(v['nodes'])}" for v in lesser)
        lines.append(f"Also reported (not failing): {others}")
    return "\n".join(lines)


def _axe_violations(page: Any, axe: Path) -> list[dict[str, Any]]:
    """Inject axe-core into the page and return its violations for AXE_TAGS."""
    page.add_script_tag(path=str(axe))
    return page.evaluate(RUN_AXE, AXE_TAGS)


def _assert_no_serious(violations: list[dict[str, Any]], where: str) -> None:
    assert not [v for v in violations if v["impact"] in FAILING_IMPACTS], _describe(
        violations, where
    )


def test_axe_finds_nothing_serious_at_desktop_width(browser: Any, axe: Path, report: Path) -> None:
    """No serious or critical axe violation in the report as first opened (1200 px wide)."""
    page, _, _ = _open(browser, report)
    try:
        _assert_no_serious(_axe_violations(page, axe), f"{report} at 1200 px")
    finally:
        page.close()


def test_axe_finds_nothing_serious_at_phone_width(browser: Any, axe: Path, report: Path) -> None:
    """No serious or critical axe violation at a 375 px wide viewport, after the charts resize."""
    page, _, _ = _open(browser, report)
    try:
        page.set_viewport_size(NARROW)
        # The charts are responsive: wait until Plotly has laid them out for the new width.
        page.wait_for_function(
            "Array.from(document.querySelectorAll('div.chart .main-svg'))"
            f".every(svg => svg.getBoundingClientRect().width <= {NARROW['width']})",
            timeout=10_000,
        )
        _assert_no_serious(_axe_violations(page, axe), f"{report} at 375 px")
    finally:
        page.close()


def test_axe_finds_nothing_serious_in_print(browser: Any, axe: Path, report: Path) -> None:
    """No serious or critical axe violation with print media emulated (the printed worksheet)."""
    page, _, _ = _open(browser, report)
    try:
        page.emulate_media(media="print")
        _assert_no_serious(_axe_violations(page, axe), f"{report} in print media")
    finally:
        page.close()


# --- structure ---------------------------------------------------------------


def test_page_has_language_title_and_one_h1(page: Any) -> None:
    """``<html lang>`` is set, ``<title>`` is not empty and there is exactly one ``<h1>``."""
    lang = page.evaluate("document.documentElement.getAttribute('lang') || ''")
    title = page.evaluate("document.title")
    h1s = page.evaluate(
        "Array.from(document.querySelectorAll('h1')).map(h => h.textContent.trim())"
    )
    assert lang.strip(), "<html> has no lang attribute"
    assert title.strip(), "<title> is empty"
    assert len(h1s) == 1, f"expected exactly one <h1>, found {len(h1s)}: {h1s}"


LANDMARKS = """() => {
  // <header> and <footer> are banner and contentinfo only outside sectioning content.
  const topLevel = el => !el.parentElement.closest('article, aside, main, nav, section');
  const count = (tag, role) =>
    Array.from(document.querySelectorAll(tag)).filter(topLevel).length
    + document.querySelectorAll(`[role=${role}]`).length;
  return {
    banner: count('header', 'banner'),
    navigation: document.querySelectorAll('nav, [role=navigation]').length,
    main: document.querySelectorAll('main, [role=main]').length,
    contentinfo: count('footer', 'contentinfo'),
  };
}"""


def test_page_has_landmarks(page: Any) -> None:
    """The banner (``<header>``), navigation, main and contentinfo (``<footer>``) landmarks."""
    counts = page.evaluate(LANDMARKS)
    missing = [name for name, n in counts.items() if n == 0]
    assert not missing, f"missing landmark(s): {missing} (counts: {counts})"


HEADINGS = """() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]'))
  .map(h => ({
    level: h.hasAttribute('aria-level') ? Number(h.getAttribute('aria-level'))
         : /^H[1-6]$/.test(h.tagName) ? Number(h.tagName[1]) : 2,
    text: h.textContent.replace(/\\s+/g, ' ').trim().slice(0, 80),
    id: h.id || (h.closest('[id]') || {}).id || '',
  }))"""


def test_no_heading_level_is_skipped(page: Any) -> None:
    """Going down the outline never skips a level (an h2 followed by an h4 is a skip)."""
    headings = page.evaluate(HEADINGS)
    skips = []
    previous = {"level": 0, "text": "(start of page)", "id": ""}
    for heading in headings:
        if heading["level"] > previous["level"] + 1:
            skips.append(
                f"h{previous['level']} {previous['text']!r} -> h{heading['level']} "
                f"{heading['text']!r} (in #{heading['id']})"
            )
        previous = heading
    assert not skips, f"{len(skips)} skipped heading level(s):\n" + "\n".join(skips[:20])


IMAGES = """() => {
  const text = ids => ids.split(/\\s+/).map(id => document.getElementById(id))
    .filter(Boolean).map(n => n.textContent).join(' ');
  const decorative = el => el.tagName === 'IMG' && el.getAttribute('alt') === ''
    && !el.hasAttribute('role');
  return Array.from(document.querySelectorAll('img, [role=img]'))
    .filter(el => !decorative(el) && !el.closest('[aria-hidden=true]'))
    .map(el => ({
      html: el.outerHTML.slice(0, 160),
      name: (el.hasAttribute('aria-labelledby') ? text(el.getAttribute('aria-labelledby')) : '')
        || el.getAttribute('aria-label') || el.getAttribute('alt') || el.getAttribute('title')
        || '',
    }));
}"""


def test_every_image_has_an_accessible_name(page: Any) -> None:
    """Every ``<img>`` and ``role=img`` element is named (aria-labelledby, aria-label, alt, title).

    An ``<img alt="">`` without a role is decorative, hence not an image to a screen
    reader, and is not checked; neither is anything inside ``aria-hidden="true"``.
    """
    unnamed = [i["html"] for i in page.evaluate(IMAGES) if not i["name"].strip()]
    assert not unnamed, "image(s) without an accessible name:\n" + "\n".join(unnamed)


def test_every_chart_has_a_data_table_in_its_figure(page: Any) -> None:
    """Each chart (``div.chart``) sits in a ``<figure>`` that also holds its data as a table."""
    charts = page.evaluate(
        """() => Array.from(document.querySelectorAll('div.chart')).map(c => {
          const figure = c.closest('figure');
          return {id: c.id, figure: figure !== null,
                  table: figure !== null && figure.querySelector('table') !== null};
        })"""
    )
    assert charts, "the report has no chart"
    lacking = [
        f"#{c['id']}: " + ("not in a <figure>" if not c["figure"] else "no <table> in its figure")
        for c in charts
        if not c["table"]
    ]
    assert not lacking, "chart(s) without a data table beside them:\n" + "\n".join(lacking)


# --- keyboard ----------------------------------------------------------------

FOCUSED = """async () => {
  // Judge the settled state: wait for finite CSS transitions (a toolbar fading in on focus).
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null)));
  const el = document.activeElement;
  if (el === null || el === document.body || el === document.documentElement) {
    return null;
  }
  window.__tabStops = window.__tabStops || [];
  const index = window.__tabStops.indexOf(el);
  if (index >= 0) {
    return {repeat: index};
  }
  window.__tabStops.push(el);
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  let opacity = 1;
  for (let n = el; n !== null; n = n.parentElement) {
    opacity *= Number(getComputedStyle(n).opacity);
  }
  const cls = typeof el.className === 'string' && el.className.trim()
    ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
  const name = el.textContent || el.getAttribute('aria-label') || '';
  const region = el.closest('section[id]') || el.closest('header, footer, nav');
  return {
    element: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls,
    href: el.getAttribute('href'),
    text: name.replace(/\\s+/g, ' ').trim().slice(0, 60),
    section: region === null ? '' : region.id ? '#' + region.id : region.tagName.toLowerCase(),
    width: box.width, height: box.height,
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
    focusVisible: el.matches(':focus-visible'),
    opacity: opacity, hidden: style.visibility !== 'visible',
  };
}"""


FOLDED_SUMMARY = """() => {
  const el = document.activeElement;
  return el !== null && el.tagName === 'SUMMARY' && !el.parentElement.open;
}"""


def _why_invisible(stop: dict[str, Any]) -> str | None:
    """Why focus on this element cannot be seen, or ``None`` when it can.

    Chromium's own focus ring counts: on a link focused with the keyboard it reports
    ``outline-style: auto`` with a width of 1px.
    """
    if stop["width"] <= 0 or stop["height"] <= 0:
        return f"zero-size box ({stop['width']}x{stop['height']})"
    if stop["hidden"] or stop["opacity"] <= 0:
        return f"not rendered (opacity {stop['opacity']}, hidden {stop['hidden']})"
    outline = stop["outlineStyle"] != "none" and stop["outlineWidth"] > 0
    shadow = stop["boxShadow"] not in ("", "none")
    if not (outline or shadow):
        return (
            f"no focus indicator (outline {stop['outlineStyle']} {stop['outlineWidth']}px, "
            f"box-shadow {stop['boxShadow']}, :focus-visible {stop['focusVisible']})"
        )
    return None


def _tab_through(page: Any) -> list[dict[str, Any]]:
    """Press Tab from the top of the page until focus leaves the page or comes round again.

    On the summary of a folded ``<details>`` it presses Enter, as a keyboard
    user unfolds it, so what is folded must be reachable that way.
    """
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    stops: list[dict[str, Any]] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None or "repeat" in stop:
            break
        stops.append(stop)
        if page.evaluate(FOLDED_SUMMARY):
            page.keyboard.press("Enter")
    return stops


def test_keyboard_focus_is_visible_and_reaches_the_evidence_index(
    browser: Any, report: Path
) -> None:
    """Tab from the top: focus stays visible and reaches each ``#charts a[href^="#cell-"]``."""
    page, _, _ = _open(browser, report)
    try:
        stops = _tab_through(page)
        links = page.evaluate(
            "Array.from(document.querySelectorAll('#charts a[href^=\"#cell-\"]'))"
            ".map(a => a.getAttribute('href'))"
        )
    finally:
        page.close()
    assert stops, "Tab never moved focus into the page"
    invisible = [
        f"stop {i + 1}: {s['element']} {s['href'] or ''} {s['text']!r} (in {s['section']}): {why}"
        for i, s in enumerate(stops)
        if (why := _why_invisible(s)) is not None
    ]
    reached = {s["href"] for s in stops}
    unreached = [href for href in links if href not in reached]
    problems = []
    if invisible:
        problems.append(
            f"{len(invisible)} of {len(stops)} tab stop(s) without visible focus:\n"
            + "\n".join(invisible[:25])
            + (f"\n... and {len(invisible) - 25} more" if len(invisible) > 25 else "")
        )
    if unreached:
        problems.append(
            f"{len(unreached)} of {len(links)} evidence link(s) not reached in "
            f"{len(stops)} Tab press(es): {unreached}"
        )
    assert links, "the Charts section has no evidence index (#charts a[href^='#cell-'])"
    assert not problems, "\n".join(problems)
