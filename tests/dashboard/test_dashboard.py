from __future__ import annotations

import pytest

from network.models import GraphSnapshot
from predictions.audits.models import FollowerAudit
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


def test_dashboard_summarises_the_active_agency(alice_client, agency, alice, other_agency):
    top = ProfileFactory(organization=agency, handle="biggest.creator", followers_count=9_000_000)
    ProfileFactory(organization=agency, handle="small.creator", followers_count=900)
    ProfileFactory(organization=agency, handle="a.follower", is_linked=False)
    ProfileFactory(organization=other_agency, handle="someone.elses", followers_count=99_000_000)
    FollowerAudit.objects.create(
        organization=agency, profile=top, requested_by=alice, status="done", audience_quality_score=71.4
    )
    GraphSnapshot.objects.create(
        organization=agency, name="Spring graph", node_count=1234, community_count=7, status="done"
    )
    page = alice_client.get("/dashboard/").content.decode()
    assert "biggest.creator" in page and page.index("biggest.creator") < page.index("small.creator")
    assert "someone.elses" not in page
    assert "quality 71/100" in page
    assert "Spring graph" in page and "1,234 accounts" in page
    assert "3 accounts tracked" in page


def test_a_new_user_without_an_agency_is_asked_to_create_one(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(email="new@example.com"))
    page = client.get("/dashboard/").content.decode()
    assert "Create an agency" in page


def test_seed_demo_refuses_to_create_its_known_password_superuser_when_debug_is_off(db, settings):
    import io

    from django.core.management import CommandError, call_command

    from accounts.models import User

    settings.DEBUG = False
    with pytest.raises(CommandError, match="refuses to run with DEBUG=False"):
        call_command("seed_demo", "--quiet-passwords", stdout=io.StringIO())
    assert not User.objects.filter(is_superuser=True).exists()


def test_one_tracked_account_is_one_account(alice_client, agency):
    ProfileFactory(organization=agency, handle="only.creator")
    page = alice_client.get("/dashboard/").content.decode()
    assert "1 account tracked" in page and "1 accounts" not in page


def test_two_audits_of_one_profile_say_what_differs(alice_client, agency, alice):
    profile = ProfileFactory(organization=agency, handle="twice.audited")
    first = FollowerAudit.objects.create(organization=agency, profile=profile, requested_by=alice, status="done")
    second = FollowerAudit.objects.create(organization=agency, profile=profile, requested_by=alice, status="done")
    page = alice_client.get("/dashboard/").content.decode()
    assert f"audit #{first.pk} · " in page and f"audit #{second.pk} · " in page


def test_the_dashboard_offers_each_role_only_what_it_can_start(agency, alice_client, bob_client, client):
    """#27: an influencer (an outside creator) was offered "Audit a profile's followers" and "Build one from your
    data", which their role cannot do; a viewer neither."""
    from accounts.roles import Role
    from tests.factories import MembershipFactory, UserFactory

    owner = alice_client.get("/dashboard/").content.decode()
    assert "Audit a profile's followers." in owner and "Build one from your data." in owner
    viewer = bob_client.get("/dashboard/").content.decode()
    assert "Influence graphs" in viewer  # the agency's research, to read
    assert "Audit a profile's followers." not in viewer and "Build one from your data." not in viewer
    ivy = UserFactory(email="ivy@example.com")
    MembershipFactory(user=ivy, organization=agency, role=Role.INFLUENCER)
    client.force_login(ivy)
    creator = client.get("/dashboard/").content.decode()
    assert "Audit a profile's followers." not in creator and "Influence graphs" not in creator


@pytest.mark.parametrize("role", ["viewer", "reviewer"])
def test_only_a_role_that_reviews_is_told_what_waits_for_its_review(client, agency, role):
    """A viewer reads submissions but cannot decide on them: its dashboard and review queue say what is pending,
    never "waiting for your review"."""
    from tests.factories import MembershipFactory, UserFactory

    user = UserFactory(email=f"{role}@example.com")
    MembershipFactory(user=user, organization=agency, role=role)
    client.force_login(user)
    dashboard = client.get("/dashboard/").content.decode()
    summary = dashboard[dashboard.index('id="pending-summary"') :].split("</div>", 1)[0]
    queue = client.get("/campaigns/review/").content.decode()
    if role == "viewer":
        assert "your review" not in summary and "0 pending review" in summary
        assert 'id="review-queue-readonly"' in queue and 'id="review-queue"' not in queue
    else:
        assert "0 waiting for your review" in summary
        assert 'id="review-queue"' in queue and "Nothing waits for your review." in queue
