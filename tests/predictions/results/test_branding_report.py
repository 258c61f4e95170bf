"""The agency's colour and logo on the campaign report page, the brand's share page and the PDF (white-label)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.branding import branding
from accounts.services import organization_branding_update
from predictions.results import services as result_services

pytestmark = pytest.mark.django_db


def _logo() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (300, 100), (122, 31, 162)).save(out, "PNG")
    return SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")


def test_report_share_page_and_pdf_carry_the_agencys_logo_and_colour(campaign, alice, agency, client, api_client_for):
    organization_branding_update(user=alice, organization=agency, brand_color="#7a1fa2", logo=_logo())
    agency.refresh_from_db()
    logo_uri = branding(agency)["logo_uri"]

    client.force_login(alice)
    page = client.get(reverse("predictions:campaign_report", args=[campaign.pk])).content.decode()
    assert logo_uri in page and "border-top: 4px solid #7a1fa2" in page

    _, token = result_services.share_link_create(user=alice, campaign=campaign, days=7)
    client.logout()
    shared = client.get(reverse("brand:report", args=[token])).content.decode()
    assert logo_uri in shared and "#7a1fa2" in shared and "Prepared by" in shared

    from pypdf import PdfReader

    for pdf_bytes in (
        client.get(reverse("brand:report_pdf", args=[token])).content,
        api_client_for(alice).get(f"/api/v1/campaigns/{campaign.pk}/report/?format=pdf").content,
    ):
        first = PdfReader(io.BytesIO(pdf_bytes)).pages[0]
        assert len(first.images) == 1  # the logo, drawn from our re-encoded PNG
        assert "Prepared by Alice Agency" in first.extract_text()


def test_without_branding_the_report_shows_no_logo(campaign, alice, client):
    client.force_login(alice)
    page = client.get(reverse("predictions:campaign_report", args=[campaign.pk])).content.decode()
    assert "data:image/png;base64," not in page and 'id="agency-brand"' in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_owner_uploads_the_logo_in_the_browser_and_the_brand_sees_it_on_a_phone(
    make_browser_page, live_server, campaign, alice, tmp_path
):
    from tests.browser_fixtures import save_screenshot

    path = tmp_path / "logo.png"
    path.write_bytes(_logo().read())
    owner = make_browser_page(alice)
    owner.goto(f"{live_server.url}{reverse('organization_settings')}")
    owner.fill("#id_brand_color", "#7a1fa2")
    owner.set_input_files("#id_logo", str(path))
    owner.click("#branding-form button[type=submit]")
    owner.wait_for_selector("#branding-preview img")
    save_screenshot(owner, "branding-settings")

    _, token = result_services.share_link_create(user=alice, campaign=campaign, days=7)
    brand = make_browser_page(viewport={"width": 390, "height": 844})
    brand.goto(f"{live_server.url}{reverse('brand:report', args=[token])}")
    logo = brand.locator("#agency-brand img")
    assert logo.is_visible() and logo.evaluate("img => img.naturalWidth") > 0  # the data URI decodes
    assert brand.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    save_screenshot(brand, "branding-share-phone")
