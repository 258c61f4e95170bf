"""An open invitation's link can be copied from the members page, to send it by other means than email."""

from __future__ import annotations

import pytest

from accounts.roles import Role
from tests.factories import InvitationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_owner_copies_an_invitation_link_that_opens_the_invitation(make_browser_page, live_server, alice, agency):
    invitation = InvitationFactory(organization=agency, email="dana@example.com", role=Role.REVIEWER, invited_by=alice)
    page = make_browser_page(alice)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/agencies/members/")
    field = f"#invitation-link-{invitation.pk}"
    link = page.input_value(field)
    assert link == f"{live_server.url}/invitations/{invitation.token}/"
    page.click(f"[data-copy-target='{field}']")
    page.wait_for_selector(f"[data-copy-target='{field}'][data-copied='true']")
    assert page.evaluate("navigator.clipboard.readText()") == link
    visitor = make_browser_page()
    assert visitor.goto(link).status == 200
    assert "dana@example.com" in visitor.content() or agency.name in visitor.content()


def test_a_member_who_cannot_invite_sees_no_links(make_browser_page, bob, alice, agency):
    InvitationFactory(organization=agency, email="erin@example.com", invited_by=alice)
    page = make_browser_page(bob)
    page.goto("/agencies/members/")
    assert page.locator(".invitation-link").count() == 0
