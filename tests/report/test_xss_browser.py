"""Hostile text everywhere it can enter, checked in Chromium: nothing runs, nothing leaves.

Every payload of :data:`PAYLOADS` goes into every place where text enters a
report: the article text (headline and body, where it is also matched as a
lexicon term), the manifest's outlet, title, date and URL, the lexicon's
frame labels, descriptions and terms, and file names (of articles read and
of files skipped). The default, ``--classroom`` and ``--blind`` reports are
opened in headless Chromium, every outlet of the evidence explorer is
shown and paged through, and the heatmap is hovered; then:

* no dialog opened (every script payload calls ``alert``);
* no request left the page (only the report's own file was loaded; the
  payloads point at https://example.invalid/);
* no script element, no ``on*`` attribute and no ``javascript:`` URL appeared,
  neither in the page as loaded nor later (a MutationObserver records what
  the page's scripts insert once it is parsed), and no kind of element the
  seeds' report (the same options) does not have;
* the payloads show as text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.lexicons.terms import parse_term
from tests.report.test_browser import ARGS, _chromium

pytestmark = pytest.mark.browser

PAYLOADS = (
    '<script>alert("xss-1")</script>',
    '"><img src=x onerror=alert("xss-2")>',
    "'><svg onload=alert('xss-3')>",
    '</script><script>alert("xss-4")</script>',
    '<iframe src="javascript:alert(`xss-5`)"></iframe>',
    "<a href=\"javascript:alert('xss-6')\">click</a>",
    'javascript:alert("xss-7")',
    '<img src="https://example.invalid/xss-8.png">',
    '<link rel="stylesheet" href="https://example.invalid/xss-9.css">',
    '<style>@import url("https://example.invalid/xss-10.css");</style>',
    '<body onload=alert("xss-11")>',
    '<details open ontoggle=alert("xss-12")>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-13")>',
    '"-alert("xss-14")-"',
    "';alert('xss-15');//",
    '`${alert("xss-16")}`',
    '{{constructor.constructor("alert(`xss-17`)")()}}',
    '</textarea><script>alert("xss-18")</script>',
    '</title><script>alert("xss-19")</script>',
    '<!--<img src=x onerror=alert("xss-20")>-->',
    ']]><script>alert("xss-21")</script>',
    "<object data=\"javascript:alert('xss-22')\"></object>",
    '<base href="https://example.invalid/">',
    '<meta http-equiv="refresh" content="0;url=https://example.invalid/xss-24">',
    '<form action="https://example.invalid/xss-25"><button>go</button></form>',
    '<video><source onerror=alert("xss-26")></video>',
    "<noscript><p title=\"</noscript><img src=x onerror=alert('xss-27')>\">",
    "<svg><a xlink:href=\"javascript:alert('xss-28')\"><text>x</text></a></svg>",
    '<a href="https://example.invalid/xss-29">link</a>',
    '<b onmouseover=alert("xss-30")>bold</b>',
    '\u2028<script>alert("xss-31")</script>\u2029',
    '<img src=x onerror=fetch("https://example.invalid/xss-32")>',
    '${alert("xss-33")}',
    '<scr<script>ipt>alert("xss-34")</scr</script>ipt>',
    '&lt;script&gt;alert("xss-35")&lt;/script&gt;',
    "<br><b>plotly <i>markup</i></b><sup>1</sup><span style='font-size:99px'>big</span>",
)

#: Records every element and attribute the page's scripts add once it is parsed (what
#: the parser adds is in the page as loaded, which INSPECT looks at).
OBSERVER = """
window.__added = [];
let parsed = false;
document.addEventListener('DOMContentLoaded', () => { parsed = true; });
new MutationObserver(records => {
  if (!parsed) return;
  for (const r of records) {
    if (r.type === 'attributes') {
      const value = String(r.target.getAttribute(r.attributeName) || '');
      if (/^on/i.test(r.attributeName) || /^\\s*(javascript|vbscript):/i.test(value)) {
        window.__added.push(r.target.tagName + ' ' + r.attributeName);
      }
    }
    for (const node of r.addedNodes || []) {
      if (node.nodeType !== 1) continue;
      for (const el of [node, ...node.querySelectorAll('*')]) {
        if (/^(script|iframe|object|embed|base|frame|img|link|meta)$/i.test(el.tagName)) {
          window.__added.push('element ' + el.tagName);
        }
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) window.__added.push(el.tagName + ' ' + a.name);
        }
      }
    }
  }
}).observe(document, {subtree: true, childList: true, attributes: true});
"""

#: What the page holds that could run code or fetch something.
INSPECT = """() => {
  const all = [...document.querySelectorAll('*')];
  const urls = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc'];
  return {
    tags: [...new Set(all.map(el => el.tagName))].sort(),
    scripts: [...document.scripts].map(s => (s.type || 'classic') + (s.src ? ' src' : '')),
    handlers: all.flatMap(el => [...el.attributes].filter(a => /^on/i.test(a.name))
      .map(a => el.tagName + ' ' + a.name)),
    urls: all.flatMap(el => urls.map(n => el.getAttribute(n)).filter(v => v &&
      /^\\s*(javascript|vbscript|data:text\\/html)|example\\.invalid/i.test(v))),
    added: window.__added,
  };
}"""


def _toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _matchable(payload: str) -> bool:
    try:
        parse_term(payload)
    except ValueError:
        return False
    return True


def _file_name(payload: str, suffix: str) -> str:
    """A payload as a file name: no slash, not too long for a file system."""
    return payload.replace("/", "").replace("\u2028", "").replace("\u2029", "")[:120] + suffix


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> list[Path]:
    """The report's inputs, every payload in every place; returns the CLI arguments."""
    root = tmp_path_factory.mktemp("hostile")
    press, named, lexicon = root / "press", root / "named", root / "lexicon"
    for folder in (press, named, lexicon):
        folder.mkdir()
    rows = ["file,outlet,title,date,url"]
    for i, payload in enumerate(PAYLOADS):
        cell = '"' + payload.replace('"', '""') + '"'
        date = cell if i % 2 else f"2022-03-{1 + i % 28:02d}"
        rows.append(f"a{i:02d}.txt,{cell},{cell},{date},{cell}")
        (press / f"a{i:02d}.txt").write_text(
            f"{payload}\n\nThey fight for freedom {payload} today, the heroes said.\n\n"
            f"The Geneva Conventions apply, and {payload} was quoted.\n\n"
            f"“{payload} is the law,” said {payload}.\n",
            encoding="utf-8",
        )
        (named / _file_name(payload, ".txt")).write_text(
            f"Headline\n\nThey fight for freedom as heroes of {payload}.\n", encoding="utf-8"
        )
        (named / _file_name(payload, ".html")).write_text("skipped", encoding="utf-8")
    (press / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    terms = [t for t in PAYLOADS if _matchable(t)]
    assert len(terms) > len(PAYLOADS) // 2
    frames = {
        "heroic": ["hero*", "freedom", *terms],
        "legal": ["geneva convention*", "law"],
        "quoted": ["quoted", "said"],
    }
    for k, (frame, frame_terms) in enumerate(frames.items()):
        (lexicon / f"{frame}.toml").write_text(
            f"id = {_toml(frame)}\nlabel = {_toml(PAYLOADS[k] + ' ' + frame)}\n"
            f"description = {_toml(' '.join(PAYLOADS))}\n"
            f"terms = [{', '.join(map(_toml, frame_terms))}]\n",
            encoding="utf-8",
        )
    return [press, named, lexicon]


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=ARGS)
        yield b
        b.close()


def _report(out: Path, *args: str) -> Path:
    result = CliRunner().invoke(app, ["report", *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _explore(page) -> None:
    """Show every outlet's evidence, page through all of it, hover the heatmap."""
    outlets = page.locator("#explore-outlet option").count()
    for index in ["", *map(str, range(outlets - 1))]:
        page.select_option("#explore-outlet", index)
        next_page = page.locator("#explore-next")
        for _ in range(20 if index == "" else 2):
            if not next_page.is_visible() or next_page.is_disabled():
                break
            next_page.click()
    page.focus("#explore-results mark") if page.locator("#explore-results mark").count() else None
    box = page.locator("#chart-heatmap .nsewdrag").first.bounding_box()
    for x in range(5, 100, 10):
        for y in range(10, 100, 30):
            page.mouse.move(box["x"] + box["width"] * x / 100, box["y"] + box["height"] * y / 100)
    for details in page.locator("details").all():
        if details.is_visible():
            details.evaluate("d => d.open = true")


def _visit(browser, path: Path, *, explore: bool) -> tuple[dict, list[str], list[str], str]:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.add_init_script(OBSERVER)
    # Recorded above, then refused at once: the test never waits on the network.
    page.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    page.goto(path.as_uri())
    try:
        page.wait_for_selector("#chart-heatmap .main-svg", timeout=20_000)
    except Exception:  # say what happened instead (a payload that navigated away, …)
        page.close()
        pytest.fail(f"the report never showed its charts; dialogs {dialogs}, requests {requests}")
    if explore:
        _explore(page)
    page.wait_for_timeout(300)  # let any late script or request happen
    found = page.evaluate(INSPECT)
    text = page.locator("body").inner_text()
    page.close()
    return found, dialogs, [r for r in requests if r != path.as_uri()], text


@pytest.mark.parametrize(
    "mode", [[], ["--classroom"], ["--blind"]], ids=["default", "classroom", "blind"]
)
def test_payloads_everywhere_run_nothing_and_load_nothing(browser, hostile, tmp_path, mode):
    press, named, lexicon = hostile
    report = _report(tmp_path / "r.html", str(press), str(named), "--lexicons", str(lexicon), *mode)
    baseline, _, _, _ = _visit(browser, _report(tmp_path / "seeds.html", *mode), explore=False)
    found, dialogs, requests, text = _visit(browser, report, explore=True)
    assert dialogs == []
    assert requests == []
    assert found["handlers"] == []
    assert found["urls"] == []
    assert found["added"] == []

    # Data travels in JSON scripts (never run); the code is the report's own, as in the seeds'.
    def code(scripts: list[str]) -> list[str]:
        return [s for s in scripts if s != "application/json"]

    assert code(found["scripts"]) == code(baseline["scripts"])
    assert set(found["tags"]) <= set(baseline["tags"]), set(found["tags"]) - set(baseline["tags"])
    # The payloads are there, as text: in titles, sentences and labels.
    shown = [p for p in PAYLOADS if p.strip("\u2028\u2029") in text]
    assert len(shown) >= len(PAYLOADS) - 2, set(PAYLOADS) - set(shown)
