"""Tests for the method and lexicons section."""

from __future__ import annotations


def test_method_section(page_without_js: str) -> None:
    method = page_without_js.split('id="method"')[1].split("</section>")[0]
    assert "500 times (random seed 7" in method
    assert '<li>unlawful combatant <span class="weight">×2</span></li>' in method
    assert "<li>insurgent</li>" in method
    assert '<li>radicali* <span class="weight">×0.5</span></li>' in method
    assert "<dt>Phrases</dt>" in method and "<dt>Wildcards</dt>" in method
    assert "<li>never</li>" in method
    assert "seeds/people-1.txt" in method and "2022-03-11" in method
    assert 'href="https://example.com' not in method  # URLs are never turned into links
