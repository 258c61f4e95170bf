"""The graph explorer in a real browser (Playwright + Debian's chromium against pytest-django's live_server)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client

from network import services

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-dev-shm-usage"]
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network_browser(live_server, monkeypatch) -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls stay synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _signed_in_page(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1360, "height": 1000})
    host = live_server.url.split("//", 1)[1].split(":")[0]
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "domain": host,
                          "path": "/"}])
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def test_explorer_loads_search_finds_a_node_and_clicking_shows_details(network_browser, live_server, alice,
                                                                       agency, agency_graph):
    graph = services.graph_build_start(user=alice, organization=agency, name="Explorer demo",
                                       edge_kinds=["mentions", "hashtags"])
    graph.refresh_from_db()
    assert graph.status == "done", graph.error
    page = _signed_in_page(network_browser, live_server, alice)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"/graphs/{graph.pk}/")
    page.wait_for_selector("#graph-explorer[data-ready='true']")
    assert "11 accounts" in page.inner_text("#explorer-caption")
    assert page.locator("#graph-explorer canvas").count() >= 1

    page.fill("#explorer-search", "@bridge")
    page.press("#explorer-search", "Enter")
    page.wait_for_selector("#node-details-name")
    assert page.inner_text("#node-details-name") == "@bridge"
    link = page.get_attribute("#node-profile-link", "href")
    assert link == f"/profiles/{agency_graph['bridge'].pk}/"

    # A real click on the canvas, at the spot where sigma draws @b0.
    page.click("#explorer-reset")
    page.wait_for_timeout(700)
    point = page.evaluate("""() => {
        const { graph, renderer } = window.graphExplorer;
        const node = graph.findNode((n, attrs) => attrs.label === "@b0");
        const box = document.getElementById("graph-explorer").getBoundingClientRect();
        const p = renderer.graphToViewport(graph.getNodeAttributes(node));
        return { x: box.left + p.x, y: box.top + p.y };
    }""")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("document.getElementById('node-details-name')?.textContent === '@b0'")
    details = page.inner_text("#node-details")
    assert "PageRank" in details and "community" in details
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "network-explorer.png"), full_page=True)

    # Filters: one community hides the other group's nodes.
    community = page.evaluate("window.graphExplorer.graph.getNodeAttribute("
                              "window.graphExplorer.graph.findNode((n, a) => a.label === '@a0'), 'community')")
    page.select_option("#explorer-community", str(community))
    hidden = page.evaluate("""() => {
        const { graph, renderer } = window.graphExplorer;
        return graph.filterNodes((n) => renderer.getNodeDisplayData(n)?.hidden).length;
    }""")
    assert hidden >= 5
    assert errors == []


def test_charlie_gets_404_on_the_explorer_page(network_browser, live_server, alice, agency, agency_graph, charlie):
    graph = services.graph_build_start(user=alice, organization=agency, name="Private", edge_kinds=["mentions"])
    page = _signed_in_page(network_browser, live_server, charlie)
    response = page.goto(f"/graphs/{graph.pk}/")
    assert response.status == 404
