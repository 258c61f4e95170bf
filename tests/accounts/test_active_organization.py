"""One rule picks the agency a page or endpoint acts for: the one named, else the switcher's, else the first."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.test import RequestFactory

from accounts.roles import Role
from accounts.selectors import ACTIVE_ORGANIZATION_SESSION_KEY, active_organization
from config.errors import ApplicationError
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _request(user, session=None):
    request = RequestFactory().get("/")
    request.user = user
    request.session = session or {}
    return request


def test_the_switchers_agency_wins_over_the_first_and_a_named_one_over_both(alice, agency, other_agency):
    second = OrganizationFactory(name="Second Agency", slug="second")
    MembershipFactory(user=alice, organization=second, role=Role.MANAGER)
    assert active_organization(request=_request(alice)) == agency
    chosen = _request(alice, {ACTIVE_ORGANIZATION_SESSION_KEY: second.pk})
    assert active_organization(request=chosen) == second
    assert active_organization(request=chosen, organization_id=agency.pk) == agency


def test_naming_an_agency_the_user_is_not_in_is_a_404(alice, other_agency):
    with pytest.raises(Http404):
        active_organization(request=_request(alice), organization_id=other_agency.pk)


def test_a_user_in_no_agency_gets_a_readable_error():
    with pytest.raises(ApplicationError, match="not a member of any agency"):
        active_organization(request=_request(UserFactory(email="lonely@example.com")))
