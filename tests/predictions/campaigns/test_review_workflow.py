"""draft → submitted → changes requested → resubmitted → approved / rejected, with emails, comments and an audit
trail; one or several reviewers under the "any" / "all" rule; roles and tenancy."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from accounts.roles import Role
from config.errors import ApplicationError, Conflict, PermissionDenied
from predictions.campaigns import selectors, services
from predictions.campaigns.brief import brief_check
from predictions.campaigns.models import ApprovalRule, SubmissionStatus
from tests.factories import MembershipFactory, ProfileFactory, UserFactory
from tests.predictions.campaigns.uploads import GOOD_CAPTION, PLANNED_BERLIN, jpeg_upload

pytestmark = pytest.mark.django_db


def review(user, submission, decision, note="", capture=None):
    with capture(execute=True):
        return services.submission_review(user=user, submission=submission, decision=decision, note=note)


def test_full_cycle_keeps_versions_emails_each_step_and_records_who_did_what(
    make_submission, ivy, rey, planned_at, django_capture_on_commit_callbacks
):
    submission = make_submission(caption="First take #summer @brand #ad")
    assert submission.status == SubmissionStatus.SUBMITTED
    assert [m.to for m in mail.outbox] == [["alice@example.com", "rey@example.com"]]
    assert "New content to review" in mail.outbox[0].subject

    with pytest.raises(ApplicationError, match="Say what should change"):
        services.submission_review(user=rey, submission=submission, decision="request_changes", note="  ")
    review(rey, submission, "request_changes", "Brighter photo please.", django_capture_on_commit_callbacks)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.CHANGES_REQUESTED
    assert mail.outbox[-1].to == ["ivy@example.com"] and "Changes requested" in mail.outbox[-1].subject
    assert "Brighter photo please." in mail.outbox[-1].body

    with django_capture_on_commit_callbacks(execute=True):
        version2 = services.submission_resubmit(
            user=ivy,
            submission=submission,
            caption="Second take #summer @brand #ad",
            planned_at=planned_at,
            uploads=[jpeg_upload(color="yellow")],
        )
    submission.refresh_from_db()
    assert (submission.status, version2.number, submission.latest_version_number) == (
        SubmissionStatus.RESUBMITTED,
        2,
        2,
    )
    assert "Updated content to review" in mail.outbox[-1].subject

    version1 = selectors.version_get(user=rey, submission=submission, number=1)
    assert version1.caption == "First take #summer @brand #ad"
    assert version1.images.count() == 1 and version2.images.count() == 1
    assert version1.images.get().image.name != version2.images.get().image.name

    review(rey, submission, "approve", "", django_capture_on_commit_callbacks)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert mail.outbox[-1].to == ["ivy@example.com"] and "approved" in mail.outbox[-1].subject

    trail = list(submission.events.values_list("action", "actor__email", "version_number"))
    assert trail == [
        ("created", "ivy@example.com", 1),
        ("submitted", "ivy@example.com", 1),
        ("changes_requested", "rey@example.com", 1),
        ("resubmitted", "ivy@example.com", 2),
        ("approved", "rey@example.com", 2),
    ]
    assert submission.comments.get().body == "Brighter photo please."


def test_the_detail_page_shows_old_versions_unchanged(
    make_submission, ivy, rey, planned_at, client, django_capture_on_commit_callbacks
):
    submission = make_submission(caption="Version one text #summer @brand #ad")
    review(rey, submission, "request_changes", "Again", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_resubmit(user=ivy, submission=submission, caption="Version two text", planned_at=planned_at)
    client.force_login(rey)
    old = client.get(reverse("predictions:submission_version", args=[submission.pk, 1])).content.decode()
    new = client.get(reverse("predictions:submission_detail", args=[submission.pk])).content.decode()
    assert "Version one text" in old and "older version" in old
    assert "Version two text" in new and "Missing required hashtags: #summer" in new


def test_resubmitting_without_images_copies_the_previous_ones(
    make_submission, ivy, rey, planned_at, django_capture_on_commit_callbacks
):
    submission = make_submission()
    review(rey, submission, "request_changes", "Caption only", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        version2 = services.submission_resubmit(
            user=ivy, submission=submission, caption=GOOD_CAPTION + " v2", planned_at=planned_at
        )
    old_row = submission.versions.get(number=1).images.get()
    new_row = version2.images.get()
    assert new_row.image.name != old_row.image.name
    assert new_row.image.read() == old_row.image.read()


def test_all_rule_waits_for_every_assigned_reviewer(
    make_submission, campaign, alice, rey, ria, django_capture_on_commit_callbacks
):
    services.campaign_update(user=alice, campaign=campaign, reviewers=[rey, ria], approval_rule=ApprovalRule.ALL)
    submission = make_submission()
    review(rey, submission, "approve", "", django_capture_on_commit_callbacks)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.events.last().detail == "1 of 2 reviewers approved; waiting for 1."
    with pytest.raises(Conflict, match="already decided"):
        services.submission_review(user=rey, submission=submission, decision="approve")
    review(ria, submission, "approve", "", django_capture_on_commit_callbacks)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED


def test_any_rule_approves_on_the_first_approval_and_unassigned_reviewers_are_refused(
    make_submission, campaign, alice, rey, ria, django_capture_on_commit_callbacks
):
    services.campaign_update(user=alice, campaign=campaign, reviewers=[rey, ria], approval_rule=ApprovalRule.ANY)
    outsider = UserFactory(email="otto@example.com")
    MembershipFactory(user=outsider, organization=campaign.organization, role=Role.REVIEWER)
    submission = make_submission()
    with pytest.raises(PermissionDenied, match="not one of this campaign's reviewers"):
        services.submission_review(user=outsider, submission=submission, decision="approve")
    review(ria, submission, "approve", "", django_capture_on_commit_callbacks)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    with pytest.raises(Conflict):
        services.submission_review(user=rey, submission=submission, decision="reject", note="late")


def test_rejecting_ends_the_submission(make_submission, ivy, rey, planned_at, django_capture_on_commit_callbacks):
    submission = make_submission()
    review(rey, submission, "reject", "Off brief.", django_capture_on_commit_callbacks)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.REJECTED
    with pytest.raises(Conflict, match="can no longer change"):
        services.submission_resubmit(user=ivy, submission=submission, caption="x", planned_at=planned_at)


def test_drafts_are_not_reviewable_until_submitted(make_submission, ivy, rey, django_capture_on_commit_callbacks):
    submission = make_submission(submit=False)
    assert submission.status == SubmissionStatus.DRAFT
    assert mail.outbox == []
    with pytest.raises(Conflict, match="nothing to review"):
        services.submission_review(user=rey, submission=submission, decision="approve")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_submit(user=ivy, submission=submission)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED and len(mail.outbox) == 1


def test_comments_notify_the_other_side(make_submission, ivy, rey, django_capture_on_commit_callbacks):
    submission = make_submission()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(user=rey, submission=submission, body="Love the colours")
    assert mail.outbox[-1].to == ["ivy@example.com"]
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(user=ivy, submission=submission, body="Thanks!")
    assert mail.outbox[-1].to == ["alice@example.com", "rey@example.com"]


@pytest.mark.parametrize(
    ("caption", "paid", "ok", "problem"),
    [
        ("Sun #summer @brand #ad", False, True, None),
        ("Sun #Summer @Brand. #sponsored", False, True, None),
        ("Sun #summer @brand", True, False, "Only the platform's paid-partnership label"),
        ("Ad: Sun #summer @brand", True, True, None),
        ("Sun #summer @brand", False, False, "No ad disclosure"),
        ("Sun @brand #ad", False, False, "Missing required hashtags: #summer."),
        ("Sun #summer #ad brand", False, False, "Missing required mentions: @brand."),
        ("Sun #summer @brand #spon", False, False, "“#spon” does not disclose an ad"),
    ],
)
def test_brief_check(caption, paid, ok, problem):
    result = brief_check(
        caption=caption, required_hashtags=["summer"], required_mentions=["brand"], paid_partnership=paid
    )
    assert result["ok"] is ok
    if problem:
        assert any(problem in p for p in result["problems"])


def test_every_version_gets_its_own_brief_check(
    make_submission, ivy, rey, planned_at, django_capture_on_commit_callbacks
):
    submission = make_submission(caption="No tags at all")
    assert not submission.versions.get().brief_ok
    review(rey, submission, "request_changes", "Add the tags", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        version = services.submission_resubmit(
            user=ivy, submission=submission, caption=GOOD_CAPTION, planned_at=planned_at
        )
    assert version.brief_ok and version.brief_check["disclosure"] == "#ad"


def test_planned_time_is_read_in_the_chosen_timezone(campaign, ivy, ivy_profile, django_capture_on_commit_callbacks):
    import datetime as dt

    with django_capture_on_commit_callbacks(execute=True):
        submission = services.submission_create(
            user=ivy,
            campaign=campaign,
            profile=ivy_profile,
            caption=GOOD_CAPTION,
            planned_at=PLANNED_BERLIN.replace(tzinfo=None),
            timezone_name="Europe/Berlin",
            uploads=[jpeg_upload()],
        )
    version = submission.versions.get()
    assert version.planned_at == PLANNED_BERLIN.astimezone(dt.UTC)
    assert version.timezone_name == "Europe/Berlin"


def test_roles_viewers_cannot_write_and_influencers_cannot_review(make_submission, bob, ivy, alice, campaign):
    submission = make_submission()
    with pytest.raises(PermissionDenied):
        services.submission_review(user=bob, submission=submission, decision="approve")
    with pytest.raises(PermissionDenied):
        services.comment_add(user=bob, submission=submission, body="hi")
    with pytest.raises(PermissionDenied):
        services.submission_review(user=ivy, submission=submission, decision="approve")
    with pytest.raises(PermissionDenied):
        services.campaign_update(user=ivy, campaign=campaign, name="Mine now")
    with pytest.raises(PermissionDenied, match="not invited"):
        services.submission_create(
            user=alice,
            campaign=campaign,
            profile=submission.profile,
            caption="",
            planned_at=submission.versions.get().planned_at,
            uploads=[jpeg_upload()],
        )


def test_influencers_see_only_their_own_submissions(
    make_submission, campaign, alice, agency, ivy, rey, bob, planned_at, django_capture_on_commit_callbacks
):
    mine = make_submission()
    other = UserFactory(email="omar@example.com")
    MembershipFactory(user=other, organization=agency, role=Role.INFLUENCER)
    profile = ProfileFactory(organization=agency, influencer=other, is_linked=True)
    services.campaign_update(user=alice, campaign=campaign, influencers=[ivy, other])
    with django_capture_on_commit_callbacks(execute=True):
        theirs = services.submission_create(
            user=other, campaign=campaign, profile=profile, caption="x", planned_at=planned_at, uploads=[jpeg_upload()]
        )
    assert list(selectors.submissions_for_user(user=ivy)) == [mine]
    assert set(selectors.submissions_for_user(user=rey)) == {mine, theirs}
    assert set(selectors.submissions_for_user(user=bob)) == {mine, theirs}


def test_campaign_invites_only_members_with_linked_profiles(alice, agency, ivy, ivy_profile):
    import datetime as dt

    no_profile = UserFactory(email="nina@example.com")
    MembershipFactory(user=no_profile, organization=agency, role=Role.INFLUENCER)
    with pytest.raises(ApplicationError, match="need a linked profile"):
        services.campaign_create(
            user=alice,
            organization=agency,
            name="X",
            brand="Y",
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 2, 1),
            influencers=[ivy, no_profile],
        )
    with pytest.raises(ApplicationError, match="cannot end before it starts"):
        services.campaign_create(
            user=alice,
            organization=agency,
            name="X",
            brand="Y",
            starts_on=dt.date(2026, 2, 1),
            ends_on=dt.date(2026, 1, 1),
        )
