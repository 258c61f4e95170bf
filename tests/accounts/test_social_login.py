"""Social sign-up and connect through allauth's real OAuth2 views, with the providers' token and profile answers
replayed by `responses` (no network): state comes from the session, the code is exchanged at the token URL, the
profile is fetched and parsed by allauth's (or our Instagram) provider code."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount, SocialApp
from django.contrib.sites.models import Site
from django.core import mail

from accounts.models import User
from tests.accounts.conftest import links_in_last_email, login_with_password, path_of

pytestmark = pytest.mark.django_db


@dataclass
class ProviderSpec:
    id: str
    name: str
    authorize_host: str
    token_url: str
    token_body: dict[str, Any]
    profile_url: str
    profile_body: dict[str, Any]
    uid: str
    email: str | None  # None: the provider gives no address, sign-up must ask for one
    email_verified: bool = False
    token_method: str = "POST"
    extra: dict[str, Any] = field(default_factory=dict)


PROVIDERS = [
    ProviderSpec(
        id="google",
        name="Google",
        authorize_host="accounts.google.com",
        token_url="https://oauth2.googleapis.com/token",
        token_body={
            "access_token": "ya29.a0-test",
            "expires_in": 3599,
            "token_type": "Bearer",
            "scope": "openid https://www.googleapis.com/auth/userinfo.email "
            "https://www.googleapis.com/auth/userinfo.profile",
        },
        profile_url="https://www.googleapis.com/oauth2/v2/userinfo",
        profile_body={
            "id": "108204268033311374519",
            "email": "gina@example.com",
            "verified_email": True,
            "name": "Gina Green",
            "given_name": "Gina",
            "family_name": "Green",
            "picture": "https://lh3.googleusercontent.com/a/test",
        },
        uid="108204268033311374519",
        email="gina@example.com",
        email_verified=True,
    ),
    ProviderSpec(
        id="facebook",
        name="Facebook",
        authorize_host="www.facebook.com",
        token_url="https://graph.facebook.com/v19.0/oauth/access_token",
        token_body={"access_token": "EAAB-test", "token_type": "bearer", "expires_in": 5183944},
        profile_url="https://graph.facebook.com/v19.0/me",
        profile_body={
            "id": "10224155512345678",
            "email": "fiona@example.com",
            "name": "Fiona Fern",
            "first_name": "Fiona",
            "last_name": "Fern",
        },
        uid="10224155512345678",
        email="fiona@example.com",
        token_method="GET",
    ),
    ProviderSpec(
        id="twitter_oauth2",
        name="X",
        authorize_host="x.com",
        token_url="https://api.x.com/2/oauth2/token",
        token_body={
            "token_type": "bearer",
            "expires_in": 7200,
            "access_token": "VGhpcy1pcy1hLXRlc3Q",
            "scope": "users.read tweet.read",
        },
        profile_url="https://api.x.com/2/users/me",
        profile_body={
            "data": {
                "id": "2244994945",
                "name": "Xavier Dev",
                "username": "xavier_dev",
                "created_at": "2013-12-14T04:35:55.000Z",
                "profile_image_url": "https://pbs.twimg.com/profile_images/test_normal.jpg",
            }
        },
        uid="2244994945",
        email=None,
    ),
    ProviderSpec(
        id="instagram_login",
        name="Instagram",
        authorize_host="www.instagram.com",
        token_url="https://api.instagram.com/oauth/access_token",
        token_body={
            "access_token": "IGAAT-test",
            "user_id": 17841405822304914,
            "permissions": ["instagram_business_basic"],
        },
        profile_url="https://graph.instagram.com/v23.0/me",
        profile_body={
            "user_id": "17841405822304914",
            "id": "9730512345678901",
            "username": "ines.creates",
            "name": "Ines Ivy",
            "account_type": "BUSINESS",
            "followers_count": 12840,
            "follows_count": 310,
            "media_count": 212,
        },
        uid="17841405822304914",
        email=None,
    ),
]
BY_ID = {spec.id: spec for spec in PROVIDERS}


@pytest.fixture
def social_apps(db) -> dict[str, SocialApp]:
    site = Site.objects.get_current()
    apps = {}
    for spec in PROVIDERS:
        app = SocialApp.objects.create(
            provider=spec.id, name=spec.name, client_id=f"client-{spec.id}", secret=f"secret-{spec.id}"
        )
        app.sites.add(site)
        apps[spec.id] = app
    return apps


def start_oauth(client, spec: ProviderSpec, process: str = "login") -> str:
    """POST to allauth's provider login view; returns the `state` it put in the authorize redirect."""
    response = client.post(f"/accounts/{spec.id}/login/?process={process}")
    assert response.status_code == 302, response.content[:500]
    location = urlparse(response["Location"])
    assert location.hostname == spec.authorize_host
    query = parse_qs(location.query)
    assert query["client_id"] == [f"client-{spec.id}"]
    return query["state"][0]


def replay_provider(
    rsps: responses.RequestsMock, spec: ProviderSpec, *, token_status: int = 200, profile_status: int = 200
) -> None:
    token_body = spec.token_body if token_status == 200 else {"error": "invalid_grant", "error_description": "Bad code"}
    rsps.add(spec.token_method, spec.token_url, json=token_body, status=token_status)
    profile_body = spec.profile_body if profile_status == 200 else {"error": {"message": "Internal error"}}
    rsps.add(responses.GET, spec.profile_url, json=profile_body, status=profile_status)


def finish_oauth(client, spec: ProviderSpec, state: str, **replay: int):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        replay_provider(rsps, spec, **replay)
        response = client.get(f"/accounts/{spec.id}/login/callback/", {"code": "auth-code-123", "state": state})
        calls = [call.request.url.split("?")[0] for call in rsps.calls]
    return response, calls


@pytest.mark.parametrize("provider_id", list(BY_ID))
def test_configured_providers_appear_on_the_login_page(client, social_apps, provider_id):
    html = client.get("/accounts/login/").content.decode()
    assert f"provider-{provider_id}" in html
    assert "social-providers-missing" not in html


def test_the_login_page_reads_the_social_apps_once(client, social_apps):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/accounts/login/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/accounts/login/").content.decode()
    assert all(f"provider-{provider_id}" in html for provider_id in BY_ID)
    assert sum('FROM "socialaccount_socialapp"' in q["sql"] for q in queries.captured_queries) == 1


def test_the_public_login_page_names_unavailable_providers_but_not_the_server_settings(client, social_apps):
    social_apps["twitter_oauth2"].delete()
    html = client.get("/accounts/login/").content.decode()
    assert "provider-twitter_oauth2" not in html and "provider-google" in html
    assert 'data-provider="twitter_oauth2">X</span>' in html
    assert "X_CLIENT_ID" not in html and "X_CLIENT_SECRET" not in html


def test_staff_see_which_setting_each_unconfigured_provider_needs(client, social_apps, alice):
    social_apps["twitter_oauth2"].delete()
    alice.is_staff = True
    alice.save(update_fields=["is_staff"])
    client.force_login(alice)
    html = client.get("/accounts/3rdparty/").content.decode()
    assert "<strong>X</strong>: set X_CLIENT_ID and X_CLIENT_SECRET" in html


def test_providers_configured_from_settings_appear(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        **settings.SOCIALACCOUNT_PROVIDERS,
        "google": {"APPS": [{"client_id": "env-id", "secret": "env-secret", "key": ""}], "SCOPE": ["profile", "email"]},
    }
    html = client.get("/accounts/login/").content.decode()
    assert "provider-google" in html and 'data-provider="google"' not in html
    assert 'data-provider="facebook"' in html


@pytest.mark.parametrize("provider_id", ["google", "facebook"])
def test_sign_up_with_a_provider_that_gives_an_email(client, social_apps, provider_id):
    spec = BY_ID[provider_id]
    state = start_oauth(client, spec)
    response, calls = finish_oauth(client, spec, state)
    assert calls == [spec.token_url, spec.profile_url]
    user = User.objects.get(email=spec.email)
    account = SocialAccount.objects.get(provider=spec.id, uid=spec.uid)
    assert account.user == user and user.full_name == spec.profile_body["name"]
    address = EmailAddress.objects.get(user=user, email=spec.email)
    if spec.email_verified:
        # Google vouches for the address: signed straight in.
        assert response["Location"] == "/dashboard/" and client.session["_auth_user_id"] == str(user.pk)
    else:
        # Facebook's "email" is not proof of ownership: verify it like any sign-up.
        assert not address.verified
        assert response["Location"] == "/accounts/confirm-email/"
        link = next(u for u in links_in_last_email(spec.email) if "/confirm-email/" in u)
        client.post(path_of(link))
        address.refresh_from_db()
        assert address.verified


@pytest.mark.parametrize("provider_id", ["twitter_oauth2", "instagram_login"])
def test_sign_up_with_a_provider_without_email_asks_for_one_and_verifies_it(client, social_apps, provider_id):
    spec = BY_ID[provider_id]
    state = start_oauth(client, spec)
    response, calls = finish_oauth(client, spec, state)
    assert calls == [spec.token_url, spec.profile_url]
    assert response.status_code == 302 and response["Location"] == "/accounts/3rdparty/signup/"
    assert not User.objects.exists()

    form = client.get("/accounts/3rdparty/signup/")
    assert form.status_code == 200 and 'name="email"' in form.content.decode()
    response = client.post("/accounts/3rdparty/signup/", {"email": "newbie@example.com"})
    assert response.status_code == 302 and response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="newbie@example.com")
    assert SocialAccount.objects.get(provider=spec.id, uid=spec.uid).user == user
    link = next(u for u in links_in_last_email("newbie@example.com") if "/confirm-email/" in u)
    client.post(path_of(link))
    assert EmailAddress.objects.get(user=user, email="newbie@example.com").verified


def test_social_sign_up_with_the_email_of_an_existing_account_creates_nothing(client, social_apps, alice):
    spec = BY_ID["instagram_login"]
    finish_oauth(client, spec, start_oauth(client, spec))
    mail.outbox.clear()
    response = client.post("/accounts/3rdparty/signup/", {"email": "alice@example.com"}, follow=True)
    # As for password sign-up (no account enumeration): the same "check your inbox" as for a new address, and the
    # address's owner alone is told by e-mail that the account exists.
    assert response.status_code == 200 and response.redirect_chain == [("/accounts/confirm-email/", 302)]
    assert "An account already exists with this email address" not in response.content.decode()
    assert [message.to for message in mail.outbox] == [["alice@example.com"]]
    assert "already exists" in mail.outbox[0].subject.lower()
    assert User.objects.count() == 1 and not SocialAccount.objects.exists()


def test_instagram_token_answer_wrapped_in_data_is_understood(client, social_apps):
    spec = BY_ID["instagram_login"]
    wrapped = ProviderSpec(
        **{
            **spec.__dict__,
            "token_body": {
                "data": [
                    {
                        "access_token": "IGAAT-wrapped",
                        "user_id": "17841405822304914",
                        "permissions": "instagram_business_basic",
                    }
                ]
            },
        }
    )
    response, _ = finish_oauth(client, wrapped, start_oauth(client, wrapped))
    assert response["Location"] == "/accounts/3rdparty/signup/"


@pytest.mark.parametrize("provider_id", list(BY_ID))
def test_connecting_a_provider_to_my_account(client, social_apps, alice, provider_id):
    spec = BY_ID[provider_id]
    login_with_password(client, "alice@example.com")
    state = start_oauth(client, spec, process="connect")
    response, calls = finish_oauth(client, spec, state)
    assert calls == [spec.token_url, spec.profile_url]
    assert response["Location"] == "/accounts/3rdparty/"
    account = SocialAccount.objects.get(provider=spec.id, uid=spec.uid)
    assert account.user == alice
    assert User.objects.count() == 1  # connecting never creates a user
    page = client.get("/accounts/3rdparty/").content.decode()
    assert f"id_account_{account.pk}" in page


def test_a_provider_account_connected_elsewhere_cannot_be_taken_over(client, social_apps, alice, charlie):
    spec = BY_ID["twitter_oauth2"]
    SocialAccount.objects.create(user=charlie, provider=spec.id, uid=spec.uid, extra_data={})
    login_with_password(client, "alice@example.com")
    response, _ = finish_oauth(client, spec, start_oauth(client, spec, process="connect"))
    follow = client.get(response["Location"])
    assert "already connected to a different account" in follow.content.decode()
    assert SocialAccount.objects.get(provider=spec.id, uid=spec.uid).user == charlie


@pytest.mark.parametrize("provider_id", list(BY_ID))
@pytest.mark.parametrize("failure", [{"token_status": 400}, {"profile_status": 500}])
def test_a_provider_error_shows_a_clear_message_and_creates_nothing(client, social_apps, provider_id, failure, caplog):
    spec = BY_ID[provider_id]
    state = start_oauth(client, spec)
    response, calls = finish_oauth(client, spec, state, **failure)
    html = response.content.decode()
    assert response.status_code == 401  # allauth's status for a failed third-party sign-in; a page, not a 500
    assert f"Sign-in with {spec.name} failed" in html and "No account was created or changed." in html
    assert calls[0] == spec.token_url and len(calls) == (1 if "token_status" in failure else 2)
    assert not User.objects.exists() and not SocialAccount.objects.exists()
    assert not mail.outbox
    assert any(f"Social login with {spec.id} failed" in r.getMessage() for r in caplog.records)


def test_a_forged_state_is_refused(client, social_apps):
    spec = BY_ID["google"]
    start_oauth(client, spec)
    response, calls = finish_oauth(client, spec, "forged-state")
    assert response.status_code == 401 and "Sign-in with Google failed" in response.content.decode()
    assert calls == [] and not User.objects.exists()


def test_a_user_who_cancels_at_the_provider_is_told_so(client, social_apps):
    spec = BY_ID["facebook"]
    state = start_oauth(client, spec)
    response = client.get(f"/accounts/{spec.id}/login/callback/", {"error": "access_denied", "state": state})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200 and not User.objects.exists()


def test_connections_page_lists_unconfigured_providers(alice_client, social_apps):
    social_apps["instagram_login"].delete()
    html = alice_client.get("/accounts/3rdparty/").content.decode()
    assert "provider-google" in html and "provider-instagram_login" not in html
    assert 'data-provider="instagram_login">Instagram</span>' in html and "INSTAGRAM_CLIENT_ID" not in html


def _as_email(spec: ProviderSpec, email: str) -> ProviderSpec:
    return ProviderSpec(**{**spec.__dict__, "profile_body": {**spec.profile_body, "email": email}})


def test_google_with_a_verified_address_of_an_existing_user_signs_into_that_user(client, social_apps, alice):
    spec = _as_email(BY_ID["google"], "alice@example.com")
    response, _ = finish_oauth(client, spec, start_oauth(client, spec))
    assert client.session["_auth_user_id"] == str(alice.pk)
    assert SocialAccount.objects.get(provider="google").user == alice
    assert User.objects.count() == 1


def test_facebook_with_an_unverified_address_of_an_existing_user_does_not_sign_in(client, social_apps, alice):
    spec = _as_email(BY_ID["facebook"], "alice@example.com")
    finish_oauth(client, spec, start_oauth(client, spec))
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.filter(user=alice).exists()
    assert User.objects.count() == 1
