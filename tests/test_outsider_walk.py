"""Tenancy, end to end: an outsider (another agency's owner) walks every page and API route of the project that
takes an id, filled with the ids of one agency's objects, and gets 404 each time with nothing changed; list pages
and list endpoints show the outsider none of that agency's data.

The route list comes from the URLconf itself, so a route added later is walked without editing this file.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from PIL import Image
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.roles import Role
from network import services as network_services
from predictions.audits.models import FollowerAudit
from predictions.campaigns import services as campaign_services
from profiles.models import Relation, RelationKind
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    OrganizationFactory,
    PostFactory,
    ProfileFactory,
    SnapshotFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "zq7secret"  # appears in the names of the agency's objects, never in what the outsider sees
SKIPPED_PREFIXES = ("admin/", "accounts/", "api/schema/", "api/docs/", "static/")
STR_VALUES = {"fmt": ["gexf", "graphml", "csv", "nodes.csv", "edges.csv"], "kind": ["original", "preview"]}
# Parameters whose name says which model they point to take that model's ids; `pk` takes every id.
NAMED_PARAMS = {
    "organization_id": "accounts.Organization",
    "membership_id": "accounts.Membership",
    "invitation_id": "accounts.Invitation",
    "token_id": "accounts.PersonalToken",
    "other_pk": "network.GraphSnapshot",
}
METHODS = ("get", "post", "patch", "delete")


def _routes() -> list[str]:
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return sorted({r for r in walk(get_resolver().url_patterns) if not r.startswith(SKIPPED_PREFIXES)})


def _jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (200, 200), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile("draft.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def outsider(db):
    """Another agency's owner whose own rows have ids far above the agency's, so every small id is not theirs."""
    organization = OrganizationFactory(pk=90_001, name="Outsider Co", slug="outsider-co")
    user = UserFactory(pk=90_001, email="outsider@example.com")
    MembershipFactory(pk=90_001, user=user, organization=organization, role=Role.OWNER)
    return user


@pytest.fixture
def agency_world(agency, alice, bob, settings, tmp_path):
    """One of everything in alice's agency, made through the services where they exist."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    influencer = UserFactory(email=f"ivy-{SECRET}@example.com")
    MembershipFactory(user=influencer, organization=agency, role=Role.INFLUENCER)
    profile = ProfileFactory(organization=agency, handle=f"creator_{SECRET}", influencer=influencer, is_linked=True)
    fan = ProfileFactory(
        organization=agency, handle=f"fan_{SECRET}", is_linked=False, followers_count=80, following_count=300
    )
    for day in range(6):
        PostFactory(
            profile=profile,
            caption=f"day {day} with @fan_{SECRET} #{SECRET}",
            likes=900 + day,
            mentions=[f"fan_{SECRET}"],
            hashtags=[SECRET],
            taken_at=timezone.now() - dt.timedelta(days=10 - day),
        )
    SnapshotFactory(profile=profile)
    Relation.objects.create(organization=agency, source=fan, target=profile, kind=RelationKind.FOLLOWS)
    Relation.objects.create(organization=agency, source=profile, target=fan, kind=RelationKind.MENTIONS)
    InvitationFactory(organization=agency, email=f"new-{SECRET}@example.com")
    account_services.token_create(user=alice, name=f"token {SECRET}")
    campaign = campaign_services.campaign_create(
        user=alice,
        organization=agency,
        name=f"Campaign {SECRET}",
        brand="Brand",
        starts_on=dt.date.today(),
        ends_on=dt.date.today() + dt.timedelta(days=30),
        influencers=[influencer],
        reviewers=[alice],
    )
    submission = campaign_services.submission_create(
        user=influencer,
        campaign=campaign,
        profile=profile,
        caption=f"Draft {SECRET} #ad",
        planned_at=timezone.now() + dt.timedelta(days=2),
        uploads=[_jpeg()],
        submit=True,
    )
    campaign_services.comment_add(user=alice, submission=submission, body=f"comment {SECRET}")
    FollowerAudit.objects.create(organization=agency, profile=profile, requested_by=alice, sample_size=10)
    network_services.graph_build_start(
        user=alice, organization=agency, name=f"Graph {SECRET}", edge_kinds=["mentions", "follows"]
    )
    return {"organization": agency, "profile": profile}


def _tenant_ids() -> list[int]:
    """Every id of every row in the project's own apps: all belong to alice's agency (the outsider's are 90,001)."""
    ids: set[int] = set()
    for label in ("accounts", "profiles", "campaigns", "audits", "network"):
        for model in apps.get_app_config(label).get_models():
            ids.update(pk for pk in model.objects.values_list("pk", flat=True) if isinstance(pk, int) and pk < 90_000)
    return sorted(ids)


def _snapshot() -> dict[str, list]:
    state = {}
    for label in ("accounts", "profiles", "campaigns", "audits", "network", "ml"):
        for model in apps.get_app_config(label).get_models():
            state[model._meta.label] = sorted(map(repr, model.objects.values_list()))
    return state


def _ids_for(name: str, ids: list[int]) -> list[int]:
    if name == "number":
        return [1, 2]
    if name in NAMED_PARAMS:
        return sorted(apps.get_model(NAMED_PARAMS[name]).objects.filter(pk__lt=90_000).values_list("pk", flat=True))
    return ids


def _urls(route: str, ids: list[int]) -> list[str]:
    params = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    choices = [STR_VALUES.get(name, ["x"]) if converter == "str" else _ids_for(name, ids) for converter, name in params]
    parts = re.split(r"<(?:\w+:)?\w+>", route)
    return [
        "/" + "".join(itertools.chain.from_iterable(itertools.zip_longest(parts, map(str, values), fillvalue="")))
        for values in itertools.product(*choices)
    ]


def _refused(response, method: str, url: str) -> bool:
    """404, 405, or, for a GET on a POST-only page URL, config.post_only's redirect to the page above: decided
    from the URL alone, before any object is looked up, so it tells nothing about whether the id exists."""
    from config.post_only import _page_above

    if response.status_code in (404, 405):
        return True
    return (
        method == "get"
        and not url.startswith("/api/")
        and response.status_code == 302
        and response["Location"] == _page_above(url)
    )


# Sequences restart for the two walks, as on SQLite: on PostgreSQL they outlive rolled-back tests, which spread the
# ids of these few rows over hundreds of values and multiplied the requests (every route × every id × 4 methods)
# without walking one more row.
WALK = pytest.mark.django_db(transaction=True, reset_sequences=True)


@pytest.mark.slow
@WALK
def test_the_outsider_gets_404_on_every_route_with_an_id_and_changes_nothing(agency_world, outsider):
    ids = _tenant_ids()
    assert len(ids) >= 5  # ids restart per table: 1..6 cover every row of every model here
    routes = [r for r in _routes() if "<" in r and "<str:token>" not in r]
    assert len(routes) >= 50, routes
    page, api = Client(), APIClient()
    page.force_login(outsider)
    api.force_authenticate(outsider)
    before = _snapshot()
    checked = 0
    for route in routes:
        client = api if route.startswith("api/") else page
        for url in _urls(route, ids):
            for method in METHODS:
                response = getattr(client, method)(url, {"role": "owner", "name": "x", "body": "x"})
                checked += 1
                if checked % 500 == 0:
                    cache.clear()  # the API throttle counts in the cache; this walk is one user on purpose
                assert _refused(response, method, url), f"{method.upper()} {url}: {response.status_code}"
                if route.startswith("api/") and response.status_code == 404:
                    assert response.json()["error"]["code"] == "not_found", url
    assert _snapshot() == before
    assert checked > 500


def test_invitation_links_of_the_agency_are_not_usable_by_the_outsider(agency_world, outsider):
    from accounts.models import Invitation

    invitation = Invitation.objects.get(organization=agency_world["organization"])
    client = Client()
    client.force_login(outsider)
    response = client.post(f"/invitations/{invitation.token}/", follow=True)
    assert "This invitation is for" in response.content.decode()
    assert not outsider.memberships.filter(organization=agency_world["organization"]).exists()


def test_lists_and_search_show_the_outsider_nothing_of_the_agency(agency_world, outsider):
    page, api = Client(), APIClient()
    page.force_login(outsider)
    api.force_authenticate(outsider)
    list_routes = [r for r in _routes() if "<" not in r]
    assert len(list_routes) >= 20
    for route in list_routes:
        client = api if route.startswith("api/") else page
        response = client.get("/" + route, {"q": SECRET, "search": SECRET})
        assert response.status_code < 500, route
        body = response.content.decode(errors="replace") if not getattr(response, "streaming", False) else ""
        # A search box, a filter chip or a link echoing the outsider's own query is no leak.
        for echo in (f'value="{SECRET}"', f"“{SECRET}”", f"q={SECRET}", f"search={SECRET}"):
            body = body.replace(echo, "")
        assert SECRET not in body, f"/{route} shows another agency's data"


def test_uploaded_files_are_not_served_from_media_urls_even_in_development(agency_world, settings):
    import importlib

    from django.urls import Resolver404, resolve

    import config.urls
    from predictions.campaigns.models import SubmissionImage

    image = SubmissionImage.objects.first()
    settings.DEBUG = True  # the URLconf is evaluated as `make run` evaluates it
    urlconf = importlib.reload(config.urls)
    with pytest.raises(Resolver404):
        resolve(settings.MEDIA_URL + image.image.name, urlconf=urlconf)


@pytest.fixture
def other_influencer(agency_world):
    """An influencer of the same agency, invited to no campaign: an outside creator who must see none of the
    agency's research, none of the other influencer's work."""
    user = UserFactory(pk=90_002, email="ian@example.com")
    MembershipFactory(pk=90_002, user=user, organization=agency_world["organization"], role=Role.INFLUENCER)
    return user


# Routes where the agency's own id is legitimately the influencer's: switching to an agency they belong to.
INFLUENCER_ALLOWED = {"agencies/<id:organization_id>/switch/"}


@pytest.mark.slow
@WALK
def test_an_influencer_of_the_agency_gets_404_on_every_route_with_the_agencys_and_another_influencers_ids(
    agency_world, other_influencer
):
    ids = _tenant_ids()
    routes = [r for r in _routes() if "<" in r and "<str:token>" not in r and r not in INFLUENCER_ALLOWED]
    page, api = Client(), APIClient()
    page.force_login(other_influencer)
    api.force_authenticate(other_influencer)
    before = _snapshot()
    checked, seen = 0, set()
    for route in routes:
        client = api if route.startswith("api/") else page
        for url in _urls(route, ids):
            for method in METHODS:
                response = getattr(client, method)(url, {"role": "owner", "name": "x", "body": "x"})
                checked += 1
                if checked % 500 == 0:
                    cache.clear()
                seen.add(response.status_code)
                assert _refused(response, method, url), f"{method.upper()} {url}: {response.status_code}"
    assert _snapshot() == before
    assert checked > 500 and 404 in seen


def test_lists_show_an_influencer_only_their_own_work(agency_world, other_influencer):
    page, api = Client(), APIClient()
    page.force_login(other_influencer)
    api.force_authenticate(other_influencer)
    for route in [r for r in _routes() if "<" not in r]:
        client = api if route.startswith("api/") else page
        response = client.get("/" + route, {"q": SECRET, "search": SECRET})
        assert response.status_code < 500, route
        body = response.content.decode(errors="replace") if not getattr(response, "streaming", False) else ""
        assert SECRET not in body, f"/{route} shows an influencer the agency's or another creator's data"
