"""Browser run of discovery in Debian's chromium: search, filter, tick results, add them to a new shortlist,
compare them side by side."""

from __future__ import annotations

import pytest

from discovery.models import Shortlist
from tests.browser_fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_filter_add_to_shortlist_and_compare(make_browser_page, live_server, alice, refreshed) -> None:
    page = make_browser_page(alice)
    page.goto(f"{live_server.url}/dashboard/")
    page.click("nav >> text=Discovery")
    page.wait_for_selector("#discovery-results")
    assert page.locator("#discovery-results tbody tr[data-handle]").count() == 3

    page.fill("#id_q", "fitness")
    page.click("#discovery-search")
    page.wait_for_url("**q=fitness**")
    assert page.locator("#discovery-results tbody tr[data-handle]").all_inner_texts()[0].count("@liftwithsam") == 1

    page.fill("#id_q", "")
    page.select_option("#id_linked", "yes")
    page.fill("#id_followers_min", "10000")
    page.click("#discovery-search")
    page.wait_for_url("**followers_min=10000**")
    handles = page.locator("#discovery-results tbody tr[data-handle]").evaluate_all(
        "rows => rows.map(r => r.dataset.handle)"
    )
    assert handles == ["max_the_golden", "chez_amelie"]
    assert page.locator("#discovery-results svg.sparkline").count() == 2
    # The count and the filters in force sit above the results; a chip removes its filter alone.
    assert page.inner_text("#result-count") == "2 profiles"
    chips = page.locator(".filter-chip").all_inner_texts()
    assert [" ".join(c.split()) for c in chips] == ["Followers ≥ 10,000 (remove)", "Linked (remove)"]
    page.click('.filter-chip[data-filter="followers_min"]')
    page.wait_for_url(lambda url: "followers_min" not in url and "linked=yes" in url)
    assert page.inner_text("#result-count") == "2 profiles"  # the fitness coach is not linked
    page.click('.filter-chip[data-filter="linked"]')
    page.wait_for_url(lambda url: "linked=yes" not in url)
    assert page.inner_text("#result-count") == "3 profiles" and page.locator(".filter-chip").count() == 0
    # The URL is the state: the back button brings the previous filters and their results back.
    page.go_back()
    page.wait_for_url(lambda url: "linked=yes" in url and "followers_min" not in url)
    assert page.inner_text("#result-count") == "2 profiles" and page.input_value("#id_linked") == "yes"
    page.goto("/discovery/?linked=yes&followers_min=10000")

    for handle in handles:
        page.check(f'tr[data-handle="{handle}"] input[name="profiles"]')
    page.fill("#new-list", "Big & linked")
    page.click("#shortlist-add")
    page.wait_for_selector("#shortlist-entries")
    shortlist = Shortlist.objects.get(name="Big & linked")
    assert set(shortlist.entries.values_list("profile__handle", flat=True)) == set(handles)

    for handle in handles:
        page.check(f'#shortlist-entries tr[data-handle="{handle}"] input[name="profiles"]')
    # The first compare in a process loads the like model and MiniLM for the predicted likes: allow for it.
    with page.expect_navigation(timeout=180_000):
        page.click("#compare", no_wait_after=True)
    page.wait_for_selector("#compare-table")
    header = page.locator("#compare-table thead").inner_text()
    assert "@max_the_golden" in header and "@chez_amelie" in header
    body = page.locator("#compare-table tbody").inner_text()
    assert "Predicted likes, typical post" in body and "150,000" in body and "52,000" in body
    save_screenshot(page, "discovery-compare")


def test_on_a_phone_the_filters_fold_away_behind_one_button(make_browser_page, alice, refreshed) -> None:
    page = make_browser_page(alice, viewport={"width": 390, "height": 844})
    page.goto("/discovery/?niche=food")
    assert page.inner_text("#result-count") == "1 profile"
    assert not page.locator("#filter-panel").is_visible()  # the results come first
    assert page.inner_text("#filter-toggle").strip() == "Filters (1)"
    page.click("#filter-toggle")
    page.wait_for_selector("#filter-panel.show")
    assert page.locator("#id_niche").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px phone"
    save_screenshot(page, "discovery-filters-phone")


def test_on_a_phone_each_result_is_a_card_with_the_figures_agencies_scan_first(make_browser_page, alice, refreshed):
    page = make_browser_page(alice, viewport={"width": 390, "height": 844})
    page.goto("/discovery/")
    row = page.locator("#discovery-results tbody tr").first
    row.wait_for()
    assert not page.locator("#discovery-results thead").is_visible()  # no header row to scroll sideways to
    labels = row.locator("td[data-label]").evaluate_all("(cells) => cells.map((c) => c.dataset.label)")
    for label in ("Niche", "Followers", "ER", "AQS", "Language", "Followers trend"):
        assert label in labels, labels  # each figure under its name (CSS writes "Followers: …")
    box = row.bounding_box()
    assert box is not None and box["width"] <= 390
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px phone"
    save_screenshot(page, "discovery-results-phone")
