"""End to end in a real browser: sign up → verify email → create agency → invite → the member signs up through
the invitation, verifies, accepts → both see each other in the members list."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from accounts.models import Membership
from accounts.roles import Role
from tests.browser_fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Bright-Lantern-42"


def _last_link(to: str, contains: str) -> str:
    for message in reversed(mail.outbox):
        if to in message.to:
            for url in re.findall(r"https?://\S+", message.body):
                if contains in url:
                    return "/" + url.split("://", 1)[1].split("/", 1)[1]
    raise AssertionError(f"no {contains} link mailed to {to}: {[m.subject for m in mail.outbox]}")


def _sign_up_and_verify(page, email: str, prefilled: bool = False) -> None:
    if prefilled:
        assert page.input_value("#id_email") == email
    else:
        page.fill("#id_email", email)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.get_by_text("Check your inbox").wait_for()
    page.goto(_last_link(email, "/confirm-email/"))
    page.get_by_role("button", name="Confirm").click()


def test_sign_up_create_agency_invite_and_accept(make_browser_page, live_server, settings):
    settings.SITE_URL = live_server.url  # the invitation email links back to this test server
    owner = make_browser_page()
    owner.goto("/accounts/signup/")
    save_screenshot(owner, "01-signup")
    _sign_up_and_verify(owner, "olivia@example.com")

    owner.wait_for_url("**/dashboard/")
    owner.get_by_role("link", name="Create an agency").click()
    owner.fill("#id_name", "Northwind Social")
    owner.get_by_role("button", name="Create agency").click()
    owner.wait_for_url("**/agencies/members/")
    assert owner.locator("#agency-switcher").inner_text().strip().startswith("Northwind Social")

    owner.fill("#invite-form #id_email", "mateo@example.com")
    owner.select_option("#invite-form #id_role", Role.REVIEWER)
    owner.get_by_role("button", name="Send invitation").click()
    owner.get_by_text("Invitation sent to mateo@example.com.").wait_for()
    assert "mateo@example.com" in owner.locator("#invitations-list").inner_text()

    member = make_browser_page()
    member.goto(_last_link("mateo@example.com", "/invitations/"))
    member.get_by_role("heading", name="Join Northwind Social").wait_for()
    member.locator("#invitation-signup").click()
    _sign_up_and_verify(member, "mateo@example.com", prefilled=True)
    member.wait_for_url("**/invitations/**")
    member.get_by_role("button", name="Accept invitation").click()
    member.get_by_text("Welcome to Northwind Social.").wait_for()
    member_rows = member.locator("#members-table").inner_text()
    assert "olivia@example.com" in member_rows and "mateo@example.com" in member_rows
    save_screenshot(member, "02-member-sees-members")

    owner.goto("/agencies/members/")
    row = owner.locator('tr[data-member="mateo@example.com"]')
    assert row.locator("select[name=role]").input_value() == Role.REVIEWER
    save_screenshot(owner, "03-owner-sees-members")
    assert Membership.objects.get(user__email="mateo@example.com").role == Role.REVIEWER
