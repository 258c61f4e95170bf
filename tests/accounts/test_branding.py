"""An agency's colour and logo on the reports it sends: set by an owner in agency settings, the logo validated and
re-encoded before it is stored, hostile files refused with a clear message and nothing stored."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from accounts.branding import LOGO_BOX, branding, text_color_for

pytestmark = pytest.mark.django_db


def _png(size=(1200, 400), color=(200, 30, 90), *, text: str = "") -> bytes:
    info = PngImagePlugin.PngInfo()
    if text:
        info.add_text("Comment", text)
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def _post(client, **data):
    return client.post(reverse("organization_branding"), data, follow=True)


def test_an_owner_sets_colour_and_logo_and_the_stored_logo_is_our_own_small_png(alice_client, agency):
    logo = SimpleUploadedFile("logo.png", _png(text="GPS 52.1,4.3 · camera serial 123"), content_type="image/png")
    page = _post(alice_client, brand_color="#7A1FA2", logo=logo).content.decode()
    assert "Report branding saved." in page
    agency.refresh_from_db()
    assert agency.brand_color == "#7a1fa2"
    with Image.open(io.BytesIO(bytes(agency.logo_png))) as stored:
        assert stored.format == "PNG" and stored.size[0] <= LOGO_BOX[0] and stored.size[1] <= LOGO_BOX[1]
        assert "Comment" not in stored.info  # the upload's metadata is not kept
    look = branding(agency)
    assert look["logo_uri"].startswith("data:image/png;base64,") and look["text_color"] == "#ffffff"
    assert look["logo_uri"] in page  # the preview on the settings page

    _post(alice_client, brand_color="#7a1fa2", remove_logo="on")
    agency.refresh_from_db()
    assert agency.logo_png is None and agency.brand_color == "#7a1fa2"


def test_a_real_photo_is_accepted_and_shrunk(alice_client, agency):
    with open("tests/data/ml/astronaut.jpg", "rb") as handle:
        logo = SimpleUploadedFile("astronaut.jpg", handle.read(), content_type="image/jpeg")
    _post(alice_client, brand_color="", logo=logo)
    agency.refresh_from_db()
    with Image.open(io.BytesIO(bytes(agency.logo_png))) as stored:
        assert stored.format == "PNG" and max(stored.size) <= LOGO_BOX[0]


def _bomb() -> bytes:
    out = io.BytesIO()
    Image.new("1", (13_000, 13_000)).save(out, "PNG")  # a few kB that claim 169 million pixels
    return out.getvalue()


def _too_big_to_need() -> bytes:
    out = io.BytesIO()
    Image.new("1", (5_000, 4_000)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.png", b"just some text, named like an image", "not an image"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "not an image"),
        (
            "logo.gif",
            b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
            b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
            "this file is GIF",
        ),
        ("logo.png", _png()[:400], "damaged or cut short"),
        ("bomb.png", _bomb(), "claims more pixels"),
        ("huge.png", _too_big_to_need(), "at most 16 million"),
        ("big.png", b"\x89PNG" + b"\x00" * (2 * 1024 * 1024), "over 2 MB"),
    ],
)
def test_a_hostile_or_wrong_file_is_refused_with_a_clear_message_and_nothing_is_stored(
    alice_client, agency, name, content, message
):
    page = _post(alice_client, brand_color="#123456", logo=SimpleUploadedFile(name, content)).content.decode()
    assert message in page
    agency.refresh_from_db()
    assert agency.logo_png is None and agency.brand_color == ""  # the colour of a refused save is not kept either


def test_a_colour_must_be_a_colour_and_only_an_owner_may_change_the_look(alice_client, bob_client, agency):
    assert "A colour is written #rrggbb" in _post(alice_client, brand_color="red").content.decode()
    agency.refresh_from_db()
    assert agency.brand_color == ""
    bob_client.raise_request_exception = False
    assert bob_client.post(reverse("organization_branding"), {"brand_color": "#000000"}).status_code == 403
    settings_page = bob_client.get(reverse("organization_settings")).content.decode()
    assert 'id="branding-preview"' in settings_page and 'id="branding-form"' not in settings_page


@pytest.mark.parametrize(("color", "text"), [("#ffffff", "#000000"), ("#000000", "#ffffff"), ("#ffd400", "#000000")])
def test_text_on_the_brand_colour_stays_readable(color, text):
    assert text_color_for(color) == text
