"""The layout walk of test_layout.py at desktop width (1366×900), every role: in its own file so that pytest-xdist
(make test runs --dist loadfile) can give it to the other worker while the phone walk runs."""

from __future__ import annotations

import pytest

from tests.browser.test_layout import DESKTOP, ROLES, demo, walk  # noqa: F401  (demo: the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("role", ROLES)
def test_every_main_page_fits_a_desktop_as_each_role(make_browser_page, demo, role):  # noqa: F811
    walk(make_browser_page, demo, role, DESKTOP)


def test_the_demo_graphs_explorer_counts_every_community_it_offers(make_browser_page, demo):  # noqa: F811
    """#27: on the demo graph "Community 0 (604)" showed 5 nodes, and the options lost their counts after no. 49 and
    skipped numbers. Every option says what it shows of the community's size, and every drawn community has one."""
    import re

    from tests.browser_fixtures import save_screenshot

    page = make_browser_page(demo["users"]["owner"], viewport=DESKTOP)
    page.goto(demo["pages"]["graph"])
    page.wait_for_selector("#graph-explorer[data-ready='true']")
    options = page.locator("#explorer-community option").evaluate_all(
        "options => options.slice(1).map((o) => [o.value, o.textContent])"
    )
    drawn = page.evaluate("""(({ graph }) => {
        const counts = {};
        graph.forEachNode((n, a) => { if (!a.isolated) counts[a.community] = (counts[a.community] || 0) + 1; });
        return counts; })(window.graphExplorer)""")
    assert len(options) > 49, len(options)  # the demo graph has more communities than the old cut-off
    values = [int(value) for value, _ in options]
    assert len(set(values)) == len(values) and set(map(int, drawn)) <= set(values)
    for value, text in options:
        match = re.fullmatch(r"Community (\d+) · ([\d,]+) shown of ([\d,]+)", text.strip())
        assert match and int(match.group(1)) == int(value), text
        shown, size = (int(group.replace(",", "")) for group in match.groups()[1:])
        assert shown == drawn.get(value, 0) and shown <= size, (text, drawn.get(value))
    save_screenshot(page, "network-explorer-demo-graph")
