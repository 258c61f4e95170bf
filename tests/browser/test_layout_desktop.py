"""The layout walk of test_layout.py at desktop width (1366×900), every role: in its own file so that pytest-xdist
(make test runs --dist loadfile) can give it to the other worker while the phone walk runs."""

from __future__ import annotations

import pytest

from tests.browser.test_layout import DESKTOP, ROLES, demo, walk  # noqa: F401  (demo: the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("role", ROLES)
def test_every_main_page_fits_a_desktop_as_each_role(make_browser_page, demo, role):  # noqa: F811
    walk(make_browser_page, demo, role, DESKTOP)
