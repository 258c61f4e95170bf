"""The graph explorer in a real browser (Playwright + Debian's chromium against pytest-django's live_server)."""
from __future__ import annotations

import pytest

from network import services
from tests.browser_fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORT = {"width": 1360, "height": 1000}


def test_explorer_loads_search_finds_a_node_and_clicking_shows_details(make_browser_page, alice, agency,
                                                                       agency_graph):
    graph = services.graph_build_start(user=alice, organization=agency, name="Explorer demo",
                                       edge_kinds=["mentions", "hashtags"])
    graph.refresh_from_db()
    assert graph.status == "done", graph.error
    page = make_browser_page(alice, viewport=VIEWPORT)
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
    save_screenshot(page, "network-explorer")

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


def test_charlie_gets_404_on_the_explorer_page(make_browser_page, alice, agency, agency_graph, charlie):
    graph = services.graph_build_start(user=alice, organization=agency, name="Private", edge_kinds=["mentions"])
    page = make_browser_page(charlie, viewport=VIEWPORT)
    response = page.goto(f"/graphs/{graph.pk}/")
    assert response.status == 404
