"""Each role sees only what it can do: walking the site from the dashboard as each role, every link a page offers
answers 2xx/3xx for that role, and every form it offers is not refused (403/404/405) when sent. Links and forms
are shown by the same capability checks the services use (accounts.context_processors: `can`)."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.db import transaction
from django.test import Client

from accounts.roles import Role
from predictions.campaigns import services as campaign_services
from predictions.campaigns.models import CampaignStatus
from tests.factories import MembershipFactory, UserFactory
from tests.test_outsider_walk import SECRET, agency_world  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MAX_PAGES = 120
SKIP = re.compile(r"^/(static|media|admin|api/docs|api/schema|accounts/(logout|login|signup|password|3rdparty))")


class _Targets(HTMLParser):
    """The page's links, and its forms with the values they would send as offered (inputs' values, the selected
    or first option of each select, checked boxes)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[tuple[str, str, dict[str, str]]] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        elif tag == "form":
            self.forms.append((values.get("method", "get").lower(), values.get("action", ""), {}))
        elif not self.forms or "name" not in values:
            if tag == "option" and self._select and self.forms:
                self.forms[-1][2].setdefault(self._select, values.get("value", ""))
            return
        elif tag == "input" and values.get("type") not in ("file", "submit", "button"):
            if values.get("type") not in ("checkbox", "radio") or "checked" in values:
                self.forms[-1][2][values["name"]] = values.get("value", "")
        elif tag == "select":
            self._select = values["name"]
        elif tag == "textarea":
            self.forms[-1][2][values["name"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def _local(page: str, href: str) -> str | None:
    url = urljoin(f"http://testserver{page}", href)
    parts = urlsplit(url)
    if parts.netloc != "testserver" or not parts.path.startswith("/") or SKIP.match(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _walk(user) -> dict[str, list[str]]:
    client = Client()
    client.force_login(user)
    seen: set[str] = set()
    queue, problems = ["/dashboard/"], {"links": [], "forms": []}
    posted: set[str] = set()
    while queue and len(seen) < MAX_PAGES:
        page = queue.pop(0)
        if page in seen:
            continue
        seen.add(page)
        response = client.get(page)
        if response.status_code >= 300 or not response["Content-Type"].startswith("text/html"):
            continue
        targets = _Targets()
        targets.feed(response.content.decode(errors="replace"))
        for href in targets.links:
            target = _local(page, href)
            if target is None or target in seen:
                continue
            status = client.get(target).status_code
            if status >= 400:
                problems["links"].append(f"{page} -> {target}: {status}")
            elif "/download" not in target and "format=" not in target and "export" not in target:
                queue.append(target)
        for method, action, fields in targets.forms:
            target = _local(page, action or page)
            if method != "post" or target is None or target in posted:
                continue
            posted.add(target)
            with transaction.atomic():
                status = client.post(target, fields).status_code
                transaction.set_rollback(True)
            client.force_login(user)  # a sign-out or switch form may have ended the session
            if status in (403, 404, 405):
                problems["forms"].append(f"{page} -> POST {target}: {status}")
    assert len(seen) > 5, seen
    return problems


@pytest.fixture
def roles(agency_world, alice, bob, agency):  # noqa: F811
    from accounts.models import User

    reviewer = UserFactory(email="rae@example.com")
    MembershipFactory(user=reviewer, organization=agency, role=Role.REVIEWER)
    manager = UserFactory(email="max@example.com")
    MembershipFactory(user=manager, organization=agency, role=Role.MANAGER)
    influencer = User.objects.get(email=f"ivy-{SECRET}@example.com")
    # A finished campaign too: nothing may be uploaded to it any more, so nobody may be offered to.
    campaign_services.campaign_create(
        user=alice,
        organization=agency,
        name="Finished campaign",
        brand="Brand",
        starts_on=dt.date.today() - dt.timedelta(days=60),
        ends_on=dt.date.today() - dt.timedelta(days=30),
        influencers=[influencer],
        reviewers=[reviewer],
        status=CampaignStatus.COMPLETED,
    )
    return {"owner": alice, "manager": manager, "reviewer": reviewer, "viewer": bob, "influencer": influencer}


@pytest.mark.parametrize("role", ["owner", "manager", "reviewer", "viewer", "influencer"])
def test_every_link_and_form_a_role_is_offered_works_for_that_role(roles, role):
    problems = _walk(roles[role])
    assert problems == {"links": [], "forms": []}


def test_a_finished_campaign_offers_its_influencer_no_upload_and_says_why(roles, client):
    from django.contrib.messages import get_messages

    from predictions.campaigns.models import Campaign

    finished = Campaign.objects.get(name="Finished campaign")
    client.force_login(roles["influencer"])
    page = client.get(f"/campaigns/{finished.pk}/")
    assert page.status_code == 200 and 'id="upload-link"' not in page.content.decode()
    response = client.get(f"/campaigns/{finished.pk}/upload/")
    assert response.status_code == 302 and response["Location"] == f"/campaigns/{finished.pk}/"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "This campaign is completed; it takes no new content."
    ]
    active = Campaign.objects.get(name=f"Campaign {SECRET}")
    assert 'id="upload-link"' in client.get(f"/campaigns/{active.pk}/").content.decode()
