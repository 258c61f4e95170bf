"""Campaign results: per-submission and campaign figures, money, charts, and the report as JSON, CSV and PDF.

The figures are checked against sums worked out by hand from the rows the test creates, so a wrong formula fails.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from config.errors import ApplicationError
from predictions.campaigns import feedback, services
from predictions.campaigns.models import Submission, SubmissionStatus, SubmissionVersion, VersionScore
from predictions.campaigns.uploads import images_validate
from predictions.results import exports
from predictions.results import services as result_services
from predictions.results.charts import report_charts
from predictions.results.models import CreatorFee, EmvRates, PostMetric
from predictions.results.report import campaign_report, caption_difference
from tests.factories import PostFactory, SnapshotFactory
from tests.predictions.campaigns.uploads import jpeg_upload

pytestmark = pytest.mark.django_db

PUBLISHED_CAPTION = "Beach day with @brand ☀️ #summer"  # the #ad of the approved draft was dropped


@pytest.fixture
def published(make_submission, rey, ivy_profile, alice, campaign, django_capture_on_commit_callbacks):
    """An approved, scored submission whose post went out 3 hours late with 1,500 likes."""
    submission = make_submission()
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_review(user=rey, submission=submission, decision="approve")
    version = submission.versions.get()
    SnapshotFactory(profile=ivy_profile, taken_at=version.planned_at - dt.timedelta(days=2), followers_count=18000)
    post = PostFactory(
        profile=ivy_profile,
        taken_at=version.planned_at + dt.timedelta(hours=3),
        caption=PUBLISHED_CAPTION,
        likes=1500,
        comments=60,
        views=0,
        is_sponsored=False,
    )
    feedback.submission_link_post(user=alice, submission=submission, post=post)
    result_services.creator_fee_set(user=alice, campaign=campaign, influencer=submission.influencer, amount="780")
    submission.refresh_from_db()
    return submission


def test_report_figures_follow_the_documented_formulas(published, campaign):
    report = campaign_report(campaign=campaign)
    row = report["rows"][0]
    score = published.versions.get().score
    assert (report["submissions"], report["published"], report["late"], report["early"]) == (1, 1, 1, 0)
    assert row["timing"] == "late" and row["timing_delta_hours"] == 3.0
    # Followers at posting come from the snapshot before publication, not the profile's current 20,000.
    assert row["followers_at_posting"] == 18000 and row["followers_source"].startswith("snapshot")
    assert row["engagement_rate"] == round((1500 + 60) / 18000, 5)
    assert report["engagement_rate"] == round(1560 / 18000, 5)
    assert row["predicted_likes"] == round(score.predicted_likes)
    assert row["interval_hit"] is (score.predicted_likes_low <= 1500 <= score.predicted_likes_high)
    # EMV with the default rates: 1500 × 0.08 + 60 × 0.50 + 0 views.
    assert report["emv"] == Decimal("150.00") and row["emv"] == Decimal("150.00")
    assert report["spend"] == Decimal("780.00") and row["cost"] == Decimal("780.00")
    assert report["cost_per_engagement"] == Decimal("0.50")  # 780 / 1560
    # No views and no platform reach: 25% of 18,000 followers, labelled as an estimate.
    assert row["reach"] == 4500 and row["reach_is_estimate"] is True and report["reach_is_estimate"] is True
    assert report["cost_per_1000_reached"] == Decimal("173.33")  # 780 / 4500 × 1000
    assert "likes × €0.08" in report["formulas"]["emv"] and "estimate" in report["formulas"]["reach"]


def test_published_caption_is_checked_against_the_brief_and_compared_with_the_approved_draft(published, campaign):
    row = campaign_report(campaign=campaign)["rows"][0]
    assert row["compliance"]["ok"] is False
    assert any("ad disclosure" in problem for problem in row["compliance"]["problems"])
    assert row["caption_difference"]["differs"] is True and row["caption_difference"]["tags_removed"] == ["ad"]
    assert caption_difference(approved="Same  words #a", published="Same words #a")["differs"] is False


def test_agency_emv_rates_change_the_emv_and_its_formula(published, campaign, alice, agency):
    result_services.emv_rates_set(
        user=alice, organization=agency, currency="usd", like="0.10", comment="1", view="0.01", share="2"
    )
    report = campaign_report(campaign=campaign)
    assert report["currency"] == "USD" and report["emv"] == Decimal("210.00")  # 1500 × 0.10 + 60 × 1
    assert report["formulas"]["emv"].startswith("EMV = likes × $0.10 + comments × $1.00 + views × $0.01")


def test_money_input_is_validated(campaign, alice, agency, ivy, bob):
    with pytest.raises(Exception, match="cannot be negative"):
        result_services.creator_fee_set(user=alice, campaign=campaign, influencer=ivy, amount="-5")
    with pytest.raises(Exception, match="not an amount"):
        result_services.creator_fee_set(user=alice, campaign=campaign, influencer=ivy, amount="lots")
    with pytest.raises(Exception, match="three-letter"):
        result_services.emv_rates_set(
            user=alice, organization=agency, currency="euro", like=1, comment=1, view=1, share=1
        )
    with pytest.raises(Exception) as denied:
        result_services.creator_fee_set(user=bob, campaign=campaign, influencer=ivy, amount="100")
    assert denied.value.status_code == 403
    assert not CreatorFee.objects.exists() and not EmvRates.objects.exists()


def test_report_api_returns_the_required_keys_with_money_as_decimal_strings(published, campaign, api_client_for, alice):
    response = api_client_for(alice).get(f"/api/v1/campaigns/{campaign.pk}/report/")
    assert response.status_code == 200
    body = response.json()
    for key in (
        "submissions",
        "published",
        "predicted_likes",
        "actual_likes",
        "engagement_rate",
        "emv",
        "spend",
        "cost_per_engagement",
    ):
        assert key in body, key
    assert body["emv"] == "150.00" and body["spend"] == "780.00" and body["actual_likes"] == 1500
    assert body["rows"][0]["caption_difference"]["differs"] is True


def test_report_is_404_for_another_agency_and_403_for_the_campaigns_influencer(
    published, campaign, api_client_for, charlie, ivy, bob, client
):
    for fmt in ("json", "pdf", "csv"):
        response = api_client_for(charlie).get(f"/api/v1/campaigns/{campaign.pk}/report/?format={fmt}")
        assert response.status_code == 404, fmt
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["error"]["code"] == "not_found"
    assert api_client_for(ivy).get(f"/api/v1/campaigns/{campaign.pk}/report/").status_code == 403
    assert api_client_for(bob).get(f"/api/v1/campaigns/{campaign.pk}/report/").status_code == 200
    client.force_login(charlie)
    assert client.get(reverse("predictions:campaign_report", args=[campaign.pk])).status_code == 404
    client.force_login(ivy)
    assert client.get(reverse("predictions:campaign_report", args=[campaign.pk])).status_code == 403


def test_an_empty_format_is_the_json_report_and_the_document_says_so(published, campaign, api_client_for, alice):
    from drf_spectacular.generators import SchemaGenerator

    response = api_client_for(alice).get(f"/api/v1/campaigns/{campaign.pk}/report/?format=")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert response.json()["campaign"]["id"] == campaign.pk
    operation = SchemaGenerator().get_schema(request=None, public=True)["paths"]["/api/v1/campaigns/{id}/report/"]
    (parameter,) = [p for p in operation["get"]["parameters"] if p["name"] == "format"]
    assert sorted(parameter["schema"]["enum"]) == ["", "csv", "json", "pdf"]
    assert api_client_for(alice).get(f"/api/v1/campaigns/{campaign.pk}/report/?format=xml").status_code == 404


def test_report_as_pdf_is_a_pdf_with_the_charts_drawn_in(published, campaign, api_client_for, alice):
    response = api_client_for(alice).get(f"/api/v1/campaigns/{campaign.pk}/report/?format=pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="summer-splash-report.pdf"' in response["Content-Disposition"]
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Summer Splash" in text and "€150" in text and "€780" in text
    # The charts' legends are SVG text, drawn into the PDF as text by WeasyPrint.
    assert "predicted (p10–p90)" in text and "spend (fees)" in text
    report = campaign_report(campaign=campaign)
    from django.template.loader import render_to_string

    html = render_to_string("predictions/results/report_pdf.html", {"report": report, "charts": report_charts(report)})
    assert html.count("<svg") == 3 and "Actual vs predicted likes" in html and "Spend vs EMV" in html


def test_rendering_a_pdf_leaves_upload_validation_refusing_truncated_images(published, campaign):
    exports.report_pdf(campaign_report(campaign=campaign))
    good = jpeg_upload("cut.jpg", size=(200, 200)).read()
    with pytest.raises(ApplicationError, match="damaged or truncated"):
        images_validate(uploads=[SimpleUploadedFile("cut.jpg", good[: len(good) // 2], content_type="image/jpeg")])


def test_report_as_csv_neutralises_formulas_in_text_cells(published, campaign, api_client_for, alice):
    post = published.published_post
    post.caption = '=HYPERLINK("http://evil.example","click") #summer @brand #ad'
    post.save()
    response = api_client_for(alice).get(f"/api/v1/campaigns/{campaign.pk}/report/?format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header, first = rows[0], rows[1]
    cell = first[header.index("published_caption")]
    assert cell.startswith("'=HYPERLINK(") and first[header.index("likes")] == "1500"
    assert exports.csv_safe("@SUM(A1)") == "'@SUM(A1)" and exports.csv_safe("-2+3") == "'-2+3"
    assert exports.csv_safe(-3.5) == -3.5 and exports.csv_safe("plain") == "plain"
    assert ["emv", "150.00"] in rows and ["spend", "780.00"] in rows


def test_report_page_shows_figures_formulas_charts_and_download_buttons(published, campaign, alice_client):
    response = alice_client.get(reverse("predictions:campaign_report", args=[campaign.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="download-pdf"' in html and "?format=pdf" in html and "?format=csv" in html
    assert "€150" in html and "€780" in html and "likes × €0.08" in html
    assert html.count("<svg") == 3 and 'data-caption-differs="1"' in html and 'data-timing="late"' in html
    # #27: the "%" of an engagement rate wrapped onto its own line: the space before it must not break
    er = html[html.index('id="fig-er">') :].split("</div>", 1)[0]
    assert "&#8239;%" in er and "&thinsp;" not in html
    detail = alice_client.get(reverse("predictions:campaign_detail", args=[campaign.pk])).content.decode()
    assert 'id="results-link"' in detail


def _bulk_campaign_rows(campaign, ivy, ivy_profile, count: int) -> None:
    now = timezone.now()
    for index in range(count):
        submission = Submission.objects.create(
            campaign=campaign,
            influencer=ivy,
            profile=ivy_profile,
            status=SubmissionStatus.APPROVED,
            latest_version_number=1,
        )
        version = SubmissionVersion.objects.create(
            submission=submission, number=1, caption=f"Post {index} #summer", planned_at=now - dt.timedelta(days=3)
        )
        VersionScore.objects.create(
            version=version, status="done", predicted_likes=1000, predicted_likes_low=700, predicted_likes_high=1400
        )
        post = PostFactory(
            profile=ivy_profile,
            taken_at=now - dt.timedelta(days=3),
            likes=900 + index,
            comments=10,
            caption=f"Post {index} #summer",
        )
        PostMetric.objects.create(post=post, recorded_at=now - dt.timedelta(days=2), likes=800, comments=5)
        Submission.objects.filter(pk=submission.pk).update(published_post=post, actual_likes=post.likes)


@pytest.mark.parametrize("rows", [5, 50])
def test_report_api_query_count_does_not_grow_with_rows(
    rows, campaign, ivy, ivy_profile, alice, api_client_for, django_assert_num_queries
):
    _bulk_campaign_rows(campaign, ivy, ivy_profile, rows)
    client = api_client_for(alice)
    client.get(f"/api/v1/campaigns/{campaign.pk}/report/")  # warm caches (content types, sessions)
    with django_assert_num_queries(8):
        response = client.get(f"/api/v1/campaigns/{campaign.pk}/report/")
    assert response.json()["published"] == rows and response.json()["interval_hits"] == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_report_page_query_count_does_not_grow_with_rows(
    rows, campaign, ivy, ivy_profile, alice, alice_client, django_assert_num_queries
):
    _bulk_campaign_rows(campaign, ivy, ivy_profile, rows)
    url = reverse("predictions:campaign_report", args=[campaign.pk])
    alice_client.get(url)
    with django_assert_num_queries(17):
        response = alice_client.get(url)
    assert response.content.decode().count("data-submission=") == rows


def test_emv_rates_are_the_acting_agencys_own(alice, agency, charlie, alice_client, charlie_client, bob_client):
    result_services.emv_rates_set(
        user=alice, organization=agency, currency="GBP", like="0.33", comment="1", view="0", share="0"
    )
    assert "£0.33" in alice_client.get(reverse("predictions:emv_rates")).content.decode()
    theirs = charlie_client.get(reverse("predictions:emv_rates")).content.decode()
    assert "£" not in theirs and "€0.08" in theirs  # charlie's agency has the defaults
    charlie_client.post(
        reverse("predictions:emv_rates"), {"currency": "USD", "like": "9", "comment": "9", "view": "9", "share": "9"}
    )
    assert EmvRates.objects.get(organization=agency).currency == "GBP"
    response = bob_client.post(
        reverse("predictions:emv_rates"), {"currency": "USD", "like": "1", "comment": "1", "view": "1", "share": "1"}
    )
    assert response.status_code == 403 and EmvRates.objects.get(organization=agency).like == Decimal("0.33")


def test_the_campaign_api_takes_and_shows_the_approval_step(alice, agency, api_client_for, ivy, ivy_profile):
    client = api_client_for(alice)
    today = timezone.localdate().isoformat()
    created = client.post(
        "/api/v1/campaigns/",
        {"name": "Brand run", "brand": "B", "starts_on": today, "ends_on": today, "approval_step": "brand"},
        format="json",
    )
    assert created.status_code == 201 and created.json()["approval_step"] == "brand"
    bad = client.patch(f"/api/v1/campaigns/{created.json()['id']}/", {"approval_step": "nobody"}, format="json")
    assert bad.status_code == 400 and "approval_step" in bad.json()["error"]["fields"]


def test_one_audience_and_one_reach_on_every_page_and_file_for_a_creator_who_posted_twice(
    published,
    make_submission,
    rey,
    ivy_profile,
    alice,
    campaign,
    alice_client,
    api_client_for,
    django_capture_on_commit_callbacks,
):
    """The report once said "Reach 18,038" on "72,150 followers at posting", one creator counted three times."""
    import re

    from django.test import Client
    from pypdf import PdfReader

    second = make_submission(caption="Sunset swim with @brand #summer #ad")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_review(user=rey, submission=second, decision="approve")
    planned = second.versions.get().planned_at
    # Both drafts were planned for the same time; the first went out 3 hours after it, this one 5 hours after.
    SnapshotFactory(profile=ivy_profile, taken_at=planned + dt.timedelta(hours=4), followers_count=19000)
    post = PostFactory(profile=ivy_profile, taken_at=planned + dt.timedelta(hours=5), likes=900, comments=20, views=0)
    feedback.submission_link_post(user=alice, submission=second, post=post)

    report = campaign_report(campaign=campaign)
    # One account, counted once with its followers at its first post (18,000), not 18,000 + 19,000.
    assert (report["audience"], report["accounts"], report["published"]) == (18000, 1, 2)
    assert report["reach"] == 4500 + 4750  # summed over the posts: 25% of each post's followers at posting
    audience, reach = "18,000", "9,250"

    page = alice_client.get(reverse("predictions:campaign_report", args=[campaign.pk])).content.decode()
    assert f'id="fig-audience">{audience}<' in page and f'id="fig-reach">{reach}<' in page
    assert "followers at posting</div>" not in page
    detail = alice_client.get(reverse("predictions:campaign_detail", args=[campaign.pk])).content.decode()
    assert f'id="campaign-audience">{audience}<' in detail and "Predicted reach" not in detail
    assert "each counted once" in detail

    client = api_client_for(alice)
    body = client.get(f"/api/v1/campaigns/{campaign.pk}/report/").json()
    assert (body["audience"], body["accounts"], body["reach"]) == (18000, 1, 9250)
    assert "counted once" in body["formulas"]["audience"] and "counts twice" in body["formulas"]["reach"]
    rows = list(
        csv.reader(io.StringIO(client.get(f"/api/v1/campaigns/{campaign.pk}/report/?format=csv").content.decode()))
    )
    assert ["audience", "18000"] in rows and ["reach", "9250"] in rows and ["accounts", "1"] in rows
    pdf = client.get(f"/api/v1/campaigns/{campaign.pk}/report/?format=pdf").content
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert f"audience {audience} followers" in text and reach in text
    _, token = result_services.share_link_create(user=alice, campaign=campaign)
    shared = Client().get(reverse("brand:report", args=[token])).content.decode()
    assert f'id="fig-audience">{audience}<' in shared and f'id="fig-reach">{reach}<' in shared


def test_the_pdf_prints_chart_text_at_9_pt_or_more_and_says_who_prepared_it(published, campaign):
    """Chart axis and legend text was about 6 px in the PDF: it must be readable on paper (≥ 9 pt)."""
    import math

    from pypdf import PdfReader

    from predictions.results.exports import report_pdf

    report = campaign_report(campaign=campaign)
    pdf = PdfReader(io.BytesIO(report_pdf(report)))
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        if text.strip() in {"spend (fees)", "EMV", "predicted (p10–p90)", "day 0"}:
            scale = math.hypot(cm[0], cm[1]) * math.hypot(tm[0], tm[1])
            sizes[text.strip()] = size * scale

    for page in pdf.pages:
        page.extract_text(visitor_text=visit)
    assert {"spend (fees)", "predicted (p10–p90)"} <= set(sizes), sizes
    assert min(sizes.values()) >= 9.0, sizes
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert f"Prepared by {campaign.organization.name}" in text


def test_the_published_post_is_rechecked_under_the_campaigns_jurisdiction(published, campaign, alice):
    from profiles.models import Post

    post = Post.objects.get(caption=PUBLISHED_CAPTION)
    post.caption = "Beach day with @brand ☀️ #summer #ad"  # the label at the end of a short caption
    post.save(update_fields=["caption"])
    row = campaign_report(campaign=campaign)["rows"][0]
    assert row["compliance"]["ok"] is True and row["compliance"]["compliance"]["jurisdiction"] == "us-ftc"
    services.campaign_update(user=alice, campaign=campaign, jurisdiction="uk-asa")
    row = campaign_report(campaign=campaign)["rows"][0]
    assert row["compliance"]["ok"] is False
    assert [f["rule"] for f in row["compliance"]["compliance"]["findings"] if not f["ok"]] == ["up_front"]
    assert any("not up front" in problem for problem in row["compliance"]["problems"])


@pytest.mark.parametrize("rows", [3, 9, 24])
def test_the_pdf_has_no_orphan_row_and_no_blank_page(rows, campaign, ivy, ivy_profile):
    """#27: the table broke with one row on page 1 and a mostly blank page 2. Every page is drawn as an image into
    test-artifacts/ (report-pdf-<rows>-page-<n>.png) to be looked at."""
    import re

    import pypdfium2
    from pypdf import PdfReader

    from tests.browser_fixtures import ARTIFACTS

    _bulk_campaign_rows(campaign, ivy, ivy_profile, rows)
    content = exports.report_pdf(campaign_report(campaign=campaign))
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]
    ids = {str(pk) for pk in Submission.objects.filter(campaign=campaign).values_list("pk", flat=True)}
    # a table row reads "#<submission> Ivy Influencer @…" (the charts' axis labels "#<submission> @…")
    per_page = [len(set(re.findall(r"#(\d+)\s+Ivy\s+Influencer", text)) & ids) for text in texts]
    ARTIFACTS.mkdir(exist_ok=True)
    document = pypdfium2.PdfDocument(content)
    for number in range(len(document)):
        image = document[number].render(scale=1.5).to_pil()
        image.save(ARTIFACTS / f"report-pdf-{rows}-page-{number + 1}.png")
        assert image.width > 800 and image.getbbox() is not None  # a drawn page, not an empty one
    assert sum(per_page) == len(ids), per_page  # each row once
    assert all(count == 0 or count >= 2 for count in per_page), per_page  # no row alone on a page
    assert all(len(text.strip()) > 200 for text in texts), [len(t) for t in texts]  # no mostly blank page


def test_a_published_video_adds_views_figures_with_their_formulas(
    make_submission, rey, ivy_profile, alice, campaign, alice_client, tmp_path, django_capture_on_commit_callbacks
):
    """A TikTok video draft scored with predicted views, published with 40,000 views, 2,000 likes, 100 comments and
    300 shares: engagement on views and cost per 1,000 views, worked out by hand."""
    from profiles.models import Post
    from tests.videos import make_clip

    ivy_profile.platform = "tiktok"
    ivy_profile.save()
    for index, post in enumerate(Post.objects.filter(profile=ivy_profile).order_by("taken_at")):
        Post.objects.filter(pk=post.pk).update(views=30_000 + 1_000 * index, duration_seconds=20)
    clip = make_clip(tmp_path / "draft.mp4", seconds=4, scenes=2)
    submission = make_submission(uploads=[], video=SimpleUploadedFile("draft.mp4", clip.read_bytes(), "video/mp4"))
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_review(user=rey, submission=submission, decision="approve")
    version = submission.versions.get()
    post = PostFactory(
        profile=ivy_profile,
        taken_at=version.planned_at + dt.timedelta(minutes=20),
        caption="Beach day with @brand ☀️ #summer #ad",
        likes=2000,
        comments=100,
        views=40_000,
        shares=300,
    )
    feedback.submission_link_post(user=alice, submission=submission, post=post)
    result_services.creator_fee_set(user=alice, campaign=campaign, influencer=submission.influencer, amount="600")
    report = campaign_report(campaign=campaign)
    row = report["rows"][0]
    score = VersionScore.objects.get(version=version)
    assert row["shares"] == 300 and row["engagements"] == 2400  # shares from the post's own column
    assert row["engagement_rate_views"] == round(2400 / 40_000, 5) and report["engagement_rate_views_percent"] == 6.0
    assert report["cost_per_1000_views"] == Decimal("15.00")  # 600 / 40,000 × 1,000
    assert (
        row["predicted_views"] == round(score.predicted_views) and report["predicted_views"] == row["predicted_views"]
    )
    assert (report["views"], report["views_posts"], report["views_compared"]) == (40_000, 1, 1)
    assert "(likes + comments + shares) ÷ views" in report["formulas"]["engagement_rate_views"]
    page = alice_client.get(reverse("predictions:campaign_report", args=[campaign.pk])).content.decode()
    assert 'id="fig-er-views">6.0&#8239;%' in page and 'id="fig-cpv">€15<' in page
    rows = list(csv.DictReader(io.StringIO(exports.report_csv(report))))
    assert rows[0]["engagement_rate_views"] == "0.06" and rows[0]["predicted_views"] == str(row["predicted_views"])
