"""Every main page, as each demo role (owner, manager, reviewer, viewer, influencer), in Debian's chromium at phone
(390×844) and desktop (1366×900) widths.

The demo agency (`manage.py seed_demo`: 300 profiles, a finished follower audit, a campaign with submissions, an
analysed graph of ~2,700 accounts) is seeded once per test process and restored for each test
(tests/demo_fixtures.py), so the pages carry real amounts of data. Screenshots of every page land in
test-artifacts/ (layout-<role>-<width>-<page>.png) for review."""

from __future__ import annotations

import pytest

from accounts.models import User
from discovery.models import Shortlist
from network.models import GraphSnapshot
from predictions.audits.models import FollowerAudit
from predictions.campaigns.models import Campaign, Submission
from profiles.models import Profile
from tests.browser_fixtures import save_screenshot

# One worker takes the whole file (make test runs --dist loadfile), so the demo is seeded once per run.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
ROLES = ["owner", "manager", "reviewer", "viewer", "influencer"]


@pytest.fixture
def demo(demo_database) -> dict[str, object]:
    campaign = Campaign.objects.get(name="Summer Glow")
    finished = Campaign.objects.get(name="Spring Glow Launch")
    profile = Profile.objects.filter(is_linked=True).exclude(handle="ivy.demo").order_by("handle").first()
    return {
        "users": {role: User.objects.get(email=f"{role}@demo.sociallens.local") for role in ROLES},
        "pages": {
            "dashboard": "/dashboard/",
            "profiles": "/profiles/",
            "profile": f"/profiles/{profile.pk}/",
            "influencer-profile": f"/profiles/{Profile.objects.get(handle='ivy.demo').pk}/",
            "campaigns": "/campaigns/",
            "campaign": f"/campaigns/{campaign.pk}/",
            "upload": f"/campaigns/{campaign.pk}/upload/",
            "submission": f"/campaigns/submissions/{Submission.objects.order_by('pk').first().pk}/",
            "video-submission": "/campaigns/submissions/"
            f"{Submission.objects.filter(versions__media_type='video').order_by('pk').first().pk}/",
            "review-queue": "/campaigns/review/",
            "report": f"/campaigns/{finished.pk}/report/",
            "audits": "/campaigns/audits/",
            "audit": f"/campaigns/audits/{FollowerAudit.objects.get().pk}/",
            "check": "/campaigns/audits/check/",
            "graphs": "/graphs/",
            "graph": f"/graphs/{GraphSnapshot.objects.get().pk}/",
            "discovery": "/discovery/",
            "compare": f"/discovery/shortlists/{Shortlist.objects.get().pk}/compare/",
            "settings": "/agencies/settings/",
            "members": "/agencies/members/",
            "tokens": "/account/tokens/",
            "missing": "/no-such-page/",
        },
    }


def _overflowing(page) -> list[str]:
    """The elements that stick out past the viewport's right edge (what makes the page scroll sideways)."""
    return page.evaluate("""() => {
        const limit = document.documentElement.clientWidth;
        return [...document.querySelectorAll("body *")].filter((el) => {
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.right <= limit + 0.5) return false;
            for (let p = el.parentElement; p; p = p.parentElement) {
                const style = getComputedStyle(p);
                if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) return false;
            }
            return true;
        }).slice(0, 5).map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
                             "." + [...el.classList].join(".") + " → " + Math.round(el.getBoundingClientRect().right));
    }""")


# What each role must really have seen (a redirect to the login page would pass the width checks trivially).
SEEN = {
    "owner": {
        "video-submission",
        "dashboard",
        "profiles",
        "campaign",
        "submission",
        "audit",
        "graph",
        "report",
        "discovery",
        "compare",
    },
    "manager": {
        "video-submission",
        "dashboard",
        "profiles",
        "campaign",
        "submission",
        "audit",
        "graph",
        "discovery",
        "members",
    },
    "reviewer": {"video-submission", "dashboard", "campaign", "submission", "review-queue", "discovery", "compare"},
    "viewer": {"dashboard", "profiles", "campaign", "audit", "graph", "discovery"},
    "influencer": {"video-submission", "dashboard", "campaign", "submission", "upload", "influencer-profile"},
}


def _clipped_tables(page, scrolling_allowed: bool) -> list[str]:
    """Tables wider than their box: on a desktop none may be (every column in view); on a phone only inside a box
    that scrolls sideways (otherwise their right columns cannot be reached at all)."""
    return page.evaluate(
        """(scrollingAllowed) => [...document.querySelectorAll("table")].filter((t) => {
            const box = t.parentElement;
            const scrolls = ["auto", "scroll"].includes(getComputedStyle(box).overflowX);
            return t.offsetWidth > box.clientWidth + 1 && !(scrollingAllowed && scrolls);
        }).map((t) => t.id || t.className)""",
        scrolling_allowed,
    )


def walk(make_browser_page, demo: dict[str, object], role: str, width: dict[str, int]) -> None:
    """No page scrolls sideways, no table is cut off, and the not-found page is the product's own, for `role` at
    `width`; the screenshots (layout-<role>-<width>-<page>.png) are the walk's record."""
    page = make_browser_page(demo["users"][role], viewport=width)
    seen = []
    for name, path in demo["pages"].items():
        response = page.goto(path)
        if response.status in (403, 404) and name != "missing":
            continue  # not this role's page (the influencer has no review queue)
        page.wait_for_load_state("networkidle")
        seen.append(name)
        save_screenshot(page, f"layout-{role}-{width['width']}-{name}")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width["width"], (role, name, scroll_width, _overflowing(page))
        assert _clipped_tables(page, scrolling_allowed=width == PHONE) == [], (role, name)
        assert "Traceback" not in page.content() and "DEBUG = True" not in page.content(), (role, name)
    assert SEEN[role] | {"missing"} <= set(seen), (role, seen)
    assert page.goto(demo["pages"]["missing"]).status == 404


@pytest.mark.parametrize("role", ROLES)
def test_every_main_page_fits_a_phone_as_each_role(make_browser_page, demo, role):
    walk(make_browser_page, demo, role, PHONE)  # the desktop walk is test_layout_desktop.py (another worker)


def test_the_audit_reasons_column_is_readable_on_a_phone(make_browser_page, demo):
    """The "Why" column must not shrink to one word per line: the report stays about as tall as the rows need."""
    page = make_browser_page(demo["users"]["owner"], viewport=PHONE)
    page.goto(demo["pages"]["audit"])
    rows = page.locator("#suspicious-table tbody tr").count()
    assert rows > 0
    height = page.evaluate("document.documentElement.scrollHeight")
    save_screenshot(page, "layout-owner-390-audit")
    assert height < 900 + rows * 140, (rows, height)


def test_on_a_phone_the_reviewer_sees_the_media_then_the_decision_then_the_score(make_browser_page, demo):
    page = make_browser_page(demo["users"]["reviewer"], viewport=PHONE)
    page.goto(demo["pages"]["submission"])
    top = {
        name: page.locator(selector).first.bounding_box()["y"]
        for name, selector in [
            ("preview", "#preview-images"),
            ("review", "#review-panel"),
            ("brief", "#brief-check"),
            ("comments", "#comments"),
            ("score", "#score-card"),
        ]
    }
    assert top["preview"] < PHONE["height"] / 2, top  # the image under review is on the first screen
    assert top["preview"] < top["review"] < min(top["brief"], top["comments"], top["score"]), top
    save_screenshot(page, "layout-reviewer-390-submission")
    desktop = make_browser_page(demo["users"]["reviewer"], viewport=DESKTOP)
    desktop.goto(demo["pages"]["submission"])
    score, preview = (desktop.locator(s).first.bounding_box() for s in ("#score-card", "#preview-images"))
    assert score["x"] > preview["x"]  # beside the preview, on the right


def test_on_a_phone_lists_are_cards_with_their_figures_and_actions_in_view(make_browser_page, demo):
    """Status, predicted likes and the standing of each submission, and the members' Remove buttons, were off to the
    right of a 390 px phone inside a scrolling table; as cards every cell is inside the screen with its label."""
    owner = make_browser_page(demo["users"]["owner"], viewport=PHONE)
    for name, table, labels in (
        ("campaign", "#submissions", {"Status", "Predicted likes", "vs recent posts"}),
        ("members", "#members-table", set()),
        ("report", ".table-stack", set()),
    ):
        owner.goto(demo["pages"][name])
        owner.wait_for_load_state("networkidle")
        cells = owner.evaluate(
            """(selector) => [...document.querySelectorAll(selector + " tbody td")].map((td) => {
                const box = td.getBoundingClientRect();
                return {label: td.dataset.label || "", right: box.right, width: box.width};
            })""",
            table,
        )
        assert cells, name
        assert all(cell["right"] <= PHONE["width"] + 1 for cell in cells), (name, cells)
        assert labels <= {cell["label"] for cell in cells}, (name, labels)
        save_screenshot(owner, f"layout-owner-390-{name}-cards")
    buttons = owner.locator("#members-table button")
    owner.goto(demo["pages"]["members"])
    for index in range(buttons.count()):
        box = buttons.nth(index).bounding_box()
        assert box is None or box["x"] + box["width"] <= PHONE["width"], box
