"""In the browser: the public statistics dashboard draws its charts with the vendored ECharts,
without a JavaScript error, and its tables count the registrations by category in Chinese,
then in English once the visitor switches the language."""

import pytest
from playwright.sync_api import expect

from banquan.stats.tests.helpers import registered
from banquan.testing import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = "/tmp/e2e-stats"
CHARTS = ["categories", "regions", "months", "years", "software", "processing"]


def _watch_for_errors(page) -> list[str]:
    """Script errors, console errors and failed loads. A failed load is reported with its URL by
    the response listener (the console message has none); the browser's own favicon probe is
    left out, as the site has no favicon."""
    errors: list[str] = []

    def on_console(message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(f"console: {message.text}")

    def on_response(response):
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            errors.append(f"{response.status}: {response.url}")

    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("console", on_console)
    page.on("response", on_response)
    page.on("requestfailed", lambda r: errors.append(f"requestfailed: {r.url}"))
    return errors


def _category_counts(page) -> dict[str, str]:
    rows = page.locator("#stats-categories tbody tr")
    return {rows.nth(i).locator("th").inner_text(): rows.nth(i).locator("td").first.inner_text()
            for i in range(rows.count())}


def _charts_drawn(page) -> None:
    for name in CHARTS:
        drawn = page.locator(f"[data-chart='{name}'] canvas, [data-chart='{name}'] svg")
        expect(drawn.first).to_be_attached()
        box = drawn.first.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100, name


def test_the_dashboard_draws_its_charts_and_names_categories_in_both_languages(browser_page, live_server):
    page, base = browser_page, live_server.url
    applicant = factories.UserFactory(role="applicant", applicant_kind="person")
    reviewer = factories.UserFactory(role="reviewer")
    registered(applicant, reviewer, place="广东", title="秋山")
    registered(applicant, reviewer, place="北京", title="春水")
    registered(applicant, reviewer, place="北京", category="music", title="渔歌")
    errors = _watch_for_errors(page)

    page.goto(f"{base}/stats/")
    assert page.evaluate("typeof echarts") == "object"  # the vendored file loaded and ran
    _charts_drawn(page)
    counts = _category_counts(page)
    assert counts["美术"] == "2" and counts["音乐"] == "1"
    expect(page.locator("#stats-summary")).to_contain_text("3")
    page.screenshot(path=f"{SCREENSHOTS}-zh.png", full_page=True)

    # The visitor switches the UI to English from the header.
    page.click("header form.lang button[value=en]")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    _charts_drawn(page)
    counts = _category_counts(page)
    assert counts["Fine art"] == "2" and counts["Musical work"] == "1"
    assert "美术" not in page.locator("#stats-categories").inner_text()
    expect(page.locator("header nav a[href='/stats/']")).to_have_text("Statistics")
    expect(page.locator("#stats-seizures h2")).to_have_text("Seizures")
    expect(page.locator("#stats-processing thead")).to_contain_text("Registered")
    page.screenshot(path=f"{SCREENSHOTS}-en.png", full_page=True)

    assert errors == []
