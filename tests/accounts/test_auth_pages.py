"""allauth pages: styled with the site layout, and every bad input gets a message instead of a 500."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail

from accounts.models import User
from tests.accounts.conftest import links_in_last_email, login_with_password, path_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"])
def test_entrance_pages_use_the_bootstrap_layout(client, url):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="navbar' in html and "vendor/bootstrap/css/bootstrap.min.css" in html
    assert 'class="form-control' in html and "allauth-entrance" in html


@pytest.mark.parametrize(
    "url",
    ["/accounts/email/", "/accounts/password/change/", "/accounts/3rdparty/", "/accounts/2fa/", "/account/tokens/"],
)
def test_account_management_pages_show_the_account_menu(alice_client, url):
    response = alice_client.get(url)
    assert response.status_code == 200
    assert 'id="account-menu"' in response.content.decode()


def test_signing_up_sends_a_verification_link_that_signs_the_user_in(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.com", "password1": "a-Long-pass-123", "password2": "a-Long-pass-123"},
        follow=True,
    )
    assert "Check your inbox" in response.content.decode()
    assert not EmailAddress.objects.get(email="new@example.com").verified
    link = next(u for u in links_in_last_email("new@example.com") if "/confirm-email/" in u)
    page = client.get(path_of(link))
    assert page.status_code == 200
    response = client.post(path_of(link), follow=True)
    assert response.redirect_chain[-1][0] == "/dashboard/"
    assert EmailAddress.objects.get(email="new@example.com").verified
    assert response.context["user"].email == "new@example.com"


def test_signing_up_with_an_existing_email_answers_as_for_a_new_one_and_tells_only_the_owner(client, alice):
    """No account enumeration: the page is the same "check your inbox" either way; the address's owner alone learns,
    by e-mail, that someone tried to sign up with it."""
    mail.outbox.clear()
    response = client.post(
        "/accounts/signup/",
        {"email": "ALICE@example.com", "password1": "a-Long-pass-123", "password2": "a-Long-pass-123"},
        follow=True,
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Check your inbox" in body and "A user is already registered" not in body
    assert User.objects.filter(email__iexact="alice@example.com").count() == 1
    assert [message.to for message in mail.outbox] == [["alice@example.com"]]
    assert "already" in mail.outbox[0].body.lower()


def test_password_reset_answers_the_same_for_a_known_and_an_unknown_address(client, alice):
    pages = {}
    for email in ("alice@example.com", "nobody-here@example.com"):
        response = client.post("/accounts/password/reset/", {"email": email}, follow=True)
        assert response.status_code == 200
        pages[email] = (response.redirect_chain, response.templates[0].name)
    assert pages["alice@example.com"] == pages["nobody-here@example.com"]
    assert "not assigned" not in response.content.decode()


def test_mismatched_passwords_at_sign_up_are_reported_next_to_the_field(client):
    response = client.post(
        "/accounts/signup/", {"email": "x@example.com", "password1": "a-Long-pass-123", "password2": "another-Pass-456"}
    )
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()
    assert not User.objects.filter(email="x@example.com").exists()


def test_a_wrong_password_shows_a_clear_message(client, alice):
    response = login_with_password(client, "alice@example.com", "not-the-password")
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_is_rate_limited_with_a_clear_message(client, alice):
    for _ in range(5):
        login_with_password(client, "alice@example.com", "wrong-password")
    response = login_with_password(client, "alice@example.com", "wrong-password")
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    # Even the right password is refused while the limit lasts.
    assert "_auth_user_id" not in login_with_password(client, "alice@example.com").wsgi_request.session


def test_the_ip_wide_login_rate_limit_renders_the_429_page(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    for _ in range(2):
        client.post("/accounts/login/", {"login": "nobody@example.com", "password": "x"})
    response = client.post("/accounts/login/", {"login": "nobody@example.com", "password": "x"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_login_then_logout(client, alice):
    response = login_with_password(client, "alice@example.com")
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(alice.pk)
    assert client.get("/accounts/logout/").status_code == 200
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_password_change_with_a_wrong_current_password_is_refused(client, alice):
    login_with_password(client, "alice@example.com")
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": "wrong", "password1": "n3w-Secret-pass", "password2": "n3w-Secret-pass"},
    )
    assert response.status_code == 200
    assert "Please type your current password." in response.content.decode()
    alice.refresh_from_db()
    assert not alice.check_password("n3w-Secret-pass")


def test_password_change_and_reset(client, alice):
    login_with_password(client, "alice@example.com")
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": "correct horse battery staple", "password1": "n3w-Secret-pass", "password2": "n3w-Secret-pass"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("n3w-Secret-pass")

    client.post("/accounts/logout/")
    response = client.post("/accounts/password/reset/", {"email": "alice@example.com"}, follow=True)
    assert response.status_code == 200
    link = next(u for u in links_in_last_email("alice@example.com") if "/password/reset/key/" in u)
    form_page = client.get(path_of(link), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0], {"password1": "an0ther-Secret", "password2": "an0ther-Secret"}, follow=True
    )
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password("an0ther-Secret")


def test_email_management_page_adds_an_address(client, alice):
    login_with_password(client, "alice@example.com")
    response = client.post("/accounts/email/", {"action_add": "", "email": "alice.work@example.com"}, follow=True)
    assert response.status_code == 200
    assert EmailAddress.objects.filter(user=alice, email="alice.work@example.com", verified=False).exists()
    assert "alice.work@example.com" in response.content.decode()


def _current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_totp_activation_recovery_codes_and_deactivation(client, alice):
    login_with_password(client, "alice@example.com")
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200 and 'class="form-control' in page.content.decode()
    secret = client.session[SECRET_SESSION_KEY]

    wrong = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert wrong.status_code == 200 and "Incorrect code." in wrong.content.decode()
    assert not Authenticator.objects.filter(user=alice).exists()

    response = client.post("/accounts/2fa/totp/activate/", {"code": _current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=alice, type=Authenticator.Type.TOTP).exists()
    codes_page = client.get("/accounts/2fa/recovery-codes/")
    assert codes_page.status_code == 200
    assert Authenticator.objects.filter(user=alice, type=Authenticator.Type.RECOVERY_CODES).exists()

    # Signing in now asks for the second factor.
    other = type(client)()
    response = login_with_password(other, "alice@example.com")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/authenticate/")

    response = client.post("/accounts/2fa/totp/deactivate/", {})
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=alice, type=Authenticator.Type.TOTP).exists()


def test_allauth_emails_name_and_link_the_site_by_site_url_not_the_site_row_or_host(client, alice, settings):
    from django.contrib.sites.models import Site

    settings.SITE_URL = "https://lens.example.com"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "10.0.0.7"]  # an internal address the proxy forwards
    Site.objects.update_or_create(pk=1, defaults={"domain": "127.0.0.1:8000", "name": "demo seed"})
    mail.outbox.clear()
    response = client.post("/accounts/password/reset/", {"email": alice.email}, HTTP_HOST="10.0.0.7:8000")
    assert response.status_code in (200, 302)
    message = mail.outbox[-1]
    body = message.body + message.subject
    assert "lens.example.com" in body and "127.0.0.1:8000" not in body and "10.0.0.7" not in body
    links = [word for word in message.body.split() if word.startswith("http")]
    assert links and all(link.startswith("https://lens.example.com/accounts/password/reset/key/") for link in links)
