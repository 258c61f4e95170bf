"""Django admin sign-in goes through allauth: its login rate limits and TOTP second factor apply to staff."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache

from accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "staff-pass-2026!"


@pytest.fixture
def staff(alice) -> User:
    alice.is_staff = alice.is_superuser = True
    alice.set_password(PASSWORD)
    alice.save()
    cache.clear()
    return alice


def test_the_admin_login_page_sends_staff_to_the_allauth_login(client, staff):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_the_admin_password_form_does_not_sign_anyone_in(client, staff):
    response = client.post("/admin/login/?next=/admin/", {"username": staff.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.get("/admin/").status_code == 302


def test_after_many_wrong_passwords_even_the_right_one_is_refused_for_a_while(client, staff):
    for _ in range(25):
        client.post("/accounts/login/?next=/admin/", {"login": staff.email, "password": "wrong"})
    response = client.post("/accounts/login/?next=/admin/", {"login": staff.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_staff_with_totp_must_give_the_code_before_reaching_the_admin(client, staff):
    TOTP.activate(staff, generate_totp_secret())
    response = client.post("/accounts/login/?next=/admin/", {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert client.get("/admin/").status_code == 302  # not signed in yet


def test_staff_without_a_second_factor_reach_the_admin_after_the_allauth_login(client, staff):
    response = client.post("/accounts/login/?next=/admin/", {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/login/?next=/admin/"])
def test_a_signed_in_non_staff_user_gets_403_from_the_admin_login_saying_admin_is_for_staff(alice_client, path):
    """Even an agency's owner: admin is for site staff, which is what the page says (not "your role")."""
    response = alice_client.get(path)
    assert response.status_code == 403
    body = response.content.decode()
    assert "for the site&#x27;s staff" in body and "Agency settings" in body
    assert "Your role in this agency" not in body
