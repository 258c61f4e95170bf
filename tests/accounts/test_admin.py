"""Every accounts model is in the Django admin with working list columns, filters and search."""

from __future__ import annotations

import pytest
from django.contrib import admin

from accounts import services
from accounts.models import Invitation, Membership, Organization, PersonalToken, User
from tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_logged_in(client, alice):
    User.objects.filter(pk=alice.pk).update(is_staff=True, is_superuser=True)
    client.force_login(User.objects.get(pk=alice.pk))
    return client


@pytest.mark.parametrize("model", [User, Organization, Membership, Invitation, PersonalToken])
def test_every_accounts_model_has_a_searchable_filterable_changelist(admin_client_logged_in, model, agency, bob):
    InvitationFactory(organization=agency, email="dana@example.com")
    services.token_create(user=bob, name="bob's script")
    model_admin = admin.site._registry[model]
    assert len(model_admin.list_display) >= 3 and model_admin.search_fields and model_admin.list_filter
    url = f"/admin/accounts/{model._meta.model_name}/"
    assert admin_client_logged_in.get(url).status_code == 200
    response = admin_client_logged_in.get(url, {"q": "example"})
    assert response.status_code == 200


def test_admin_is_closed_to_non_staff(bob_client):
    response = bob_client.get("/admin/accounts/organization/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
