"""The personal API tokens page: create (raw value shown once), list, revoke."""

from __future__ import annotations

import re

import pytest
from rest_framework.test import APIClient

from accounts.models import PersonalToken

pytestmark = pytest.mark.django_db


def test_create_shows_the_raw_token_once_and_it_works(alice_client):
    response = alice_client.post("/account/tokens/", {"name": "reporting"})
    html = response.content.decode()
    raw = re.search(r'id="raw-token">(sl_[^<]+)<', html).group(1)
    assert "Copy your new token now" in html
    assert raw not in alice_client.get("/account/tokens/").content.decode()
    assert APIClient().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    assert APIClient().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {raw}").status_code == 200


def test_a_token_needs_a_name(alice_client, alice):
    response = alice_client.post("/account/tokens/", {"name": ""})
    assert response.status_code == 200 and "invalid-feedback" in response.content.decode()
    assert not PersonalToken.objects.filter(user=alice).exists()


def test_revoke_from_the_page_and_outsiders_get_404(alice_client, charlie_client, alice):
    alice_client.post("/account/tokens/", {"name": "one"})
    token = PersonalToken.objects.get(user=alice)
    assert charlie_client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    assert "one" not in charlie_client.get("/account/tokens/").content.decode().split('id="tokens-table"')[-1]
    response = alice_client.post(f"/account/tokens/{token.pk}/revoke/", follow=True)
    assert "Token revoked" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert 'id="tokens-table"' not in response.content.decode()
