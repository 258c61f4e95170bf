"""Brand safety of a creator's past content: each post's categories with the words that triggered them
(ml.engine.brand_safety), screened inside the discovery refresh, a grade A-C on the profile page, in discovery (filter),
compare, the API and the CSV; a reviewer dismisses a flag with a note; an agency's own keywords; measured on OLID and
on hand-labelled captions (evaluate_model brand-safety)."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from discovery.models import ProfileInsight
from ml.engine.brand_safety import Screener, grade
from profiles import safety
from profiles.models import Post, Profile, SafetyFlag
from tests.factories import MembershipFactory, PostFactory, ProfileFactory, UserFactory

DATASETS = "ml/datasets/brand-safety"


def _categories(text: str, keywords: tuple[str, ...] = ()) -> dict[str, list[str]]:
    [flags] = Screener(keywords).screen([text])
    return {flag.category: list(flag.evidence) for flag in flags}


@pytest.mark.parametrize(
    ("text", "category", "evidence"),
    [
        ("Friday night vodka tasting 🍸 #craftbeer", "alcohol", ["vodka", "#craftbeer", "🍸"]),
        ("Rolling one with the crew #weedstagram", "drugs", ["#weedstagram"]),
        ("Big night at the casino, blackjack till 3am", "gambling", ["casino", "blackjack"]),
        ("New rifle day at the shooting range", "violence_weapons", ["rifle", "shooting range"]),
        ("Vote them out: Trump and the GOP are done", "politics", ["trump", "gop"]),
        ("New set on my OnlyFans, link in bio", "adult", ["onlyfans"]),
        ("Monday is such a shitshow #everyfuckingday", "profanity", ["shitshow", "everyfuckingday"]),
        ("Scheiße, the train is late again", "profanity", ["scheiße"]),
        ("you are a worthless idiot and everyone hates you", "hate_harassment", None),  # the model, aimed at "you"
    ],
)
def test_each_category_is_flagged_with_the_words_that_triggered_it(text, category, evidence):
    found = _categories(text)
    assert category in found, found
    if evidence is not None:
        assert found[category] == evidence
    else:
        assert found[category]  # the words that weigh most towards "offensive" in the model


@pytest.mark.parametrize(
    "text",
    [
        "Killing it at the photo shooting today 📸",
        "Brunch goals #foodporn #breakfastporn",
        "Nude lipstick and a bold brow",
        "Bet! See you at the beach",
        "Potted plants for the new flat #plantmom",
        "Sunday long run, 21 km done",
        "Shout-out to @margaritaville and @kikefloresphoto",  # a handle is a name, not a word
    ],
)
def test_words_that_mean_something_else_in_captions_are_not_flagged(text):
    assert _categories(text) == {}


def test_the_words_read_in_a_picture_are_screened_and_marked_as_such():
    flags = Screener().screen_posts(
        [
            ("Monday mood", "Image may contain: 1 person, text that says 'Stop talking shit.'"),
            ("Vodka night", "Image may contain: drink, text that says 'SHOTS OF TEQUILA'"),
            ("Vodka night", "Image may contain: 2 people, people smiling, drink"),  # no words read: nothing added
        ]
    )
    as_dicts = [{f.category: list(f.evidence) for f in post} for post in flags]
    assert as_dicts == [
        {"profanity": ["shit (in the image)"]},
        {"alcohol": ["vodka", "shots of (in the image)", "tequila (in the image)"]},
        {"alcohol": ["vodka"]},
    ]


def test_the_longest_phrase_wins_and_each_word_counts_once():
    assert _categories("Rally for gun control today") == {"politics": ["gun control"]}
    assert _categories("A pornstar martini, please") == {"adult": ["pornstar"], "alcohol": ["martini"]}
    assert _categories("Beer-tasting then #CraftBeer") == {"alcohol": ["beer", "#craftbeer"]}


def test_the_agency_keywords_match_as_exact_phrases_and_as_hashtags():
    keywords = ("energy drink", "RivalCo")
    assert _categories("My energy drink before leg day", keywords) == {"agency": ["energy drink"]}
    assert _categories("Fuelled by #energydrink and coffee", keywords) == {"agency": ["#energydrink"]}
    assert _categories("Loving my @rivalco bag", keywords) == {}  # a handle is not the phrase
    assert _categories("rivalco launch tonight", keywords) == {"agency": ["rivalco"]}
    assert _categories("energy drinks", keywords) == {}  # exact: the phrase, not a longer word


def test_grades_follow_the_written_rule():
    assert grade(screened=0, flagged=0, serious=0, high_severity=0) == ""
    assert grade(screened=100, flagged=2, serious=2, high_severity=0) == "A"
    assert grade(screened=100, flagged=10, serious=0, high_severity=0) == "A"  # alcohol or politics, 10%
    assert grade(screened=100, flagged=11, serious=0, high_severity=0) == "B"
    assert grade(screened=100, flagged=60, serious=0, high_severity=0) == "B"  # alcohol alone: at most B
    assert grade(screened=100, flagged=3, serious=3, high_severity=0) == "B"
    assert grade(screened=100, flagged=1, serious=1, high_severity=1) == "B"
    assert grade(screened=100, flagged=10, serious=10, high_severity=1) == "B"
    assert grade(screened=100, flagged=11, serious=11, high_severity=0) == "C"
    assert grade(screened=100, flagged=2, serious=2, high_severity=2) == "C"


def _creator(organization, handle: str, captions: list[str], **kwargs):
    profile = ProfileFactory(organization=organization, handle=handle, followers_count=10_000, **kwargs)
    now = timezone.now()
    for day, caption in enumerate(captions, start=1):
        PostFactory(profile=profile, caption=caption, likes=100, comments=1, taken_at=now - timedelta(days=day))
    return profile


CLEAN = [f"Morning run number {i} by the river" for i in range(20)]


@pytest.fixture
def graded(agency, other_agency):
    creators = {
        "clean": _creator(agency, "clean_runner", CLEAN),
        "party": _creator(
            agency, "party_animal", ["Tequila shots all night #tequila", "Rosé by the pool", *CLEAN[:11]]
        ),
        "risky": _creator(agency, "risky_biz", ["Smoking weed before the show", "New glock in the safe", *CLEAN[:10]]),
        "other": _creator(other_agency, "charlies_casino", ["Poker night at the casino", *CLEAN[:15]]),
    }
    _screen([p.pk for p in creators.values()])
    return creators


def _screen(profile_ids: list[int]) -> None:
    """What the discovery refresh does for brand safety (its niche and language models are not needed here, and
    tests/discovery/test_insights.py checks the refresh calls this): screen the posts, grade onto the rows."""
    for profile in Profile.objects.filter(pk__in=profile_ids):
        ProfileInsight.objects.get_or_create(
            profile=profile,
            defaults={
                "organization_id": profile.organization_id,
                "platform": profile.platform,
                "handle": profile.handle,
                "followers_count": profile.followers_count,
                "is_linked": profile.is_linked,
            },
        )
    safety.screen_posts(profile_ids=profile_ids)
    safety.regrade(profile_ids=profile_ids)


@pytest.mark.django_db
def test_each_post_is_screened_once_and_the_creator_graded(graded):
    grades = {key: ProfileInsight.objects.get(pk=p.pk) for key, p in graded.items()}
    assert {k: row.safety_grade for k, row in grades.items()} == {
        "clean": "A",
        "party": "B",
        "risky": "C",
        "other": "B",
    }
    risky = grades["risky"]
    assert (risky.safety_screened_posts, risky.safety_flagged_posts) == (12, 2)
    assert risky.safety_categories == {"drugs": 1, "violence_weapons": 1}
    assert not Post.objects.filter(safety_version="").exists()
    flag = SafetyFlag.objects.get(post__profile=graded["party"], post__caption__startswith="Tequila")
    assert (flag.category, flag.evidence, flag.source) == ("alcohol", ["tequila", "#tequila"], "words")
    # Screened posts are not screened again until the engine or the agency's keywords change.
    assert safety.screen_posts(profile_ids=[p.pk for p in graded.values()]) == 0


@pytest.mark.django_db
def test_the_profile_page_shows_the_grade_and_the_flagged_posts_newest_first(graded, alice_client):
    page = alice_client.get(reverse("profiles:detail", args=[graded["risky"].pk])).content.decode()
    assert 'id="safety-grade"' in page and "C · Caution" in page
    assert "2 of 12 screened posts flagged: Drugs and smoking 1 · Violence and weapons 1." in page
    card = page[page.index('id="brand-safety"') :]
    assert card.index("Smoking weed") < card.index("New glock")  # newest first
    listed = card[: card.index("</ul>")]
    assert listed.count('<li class="mb-3">') == 2 and "Morning run" not in listed  # the flagged posts only
    assert "“smoking weed”" in page and "“glock”" in page and "pictures themselves are not screened" in page
    assert "not measured (no labelled example)" in page  # hate and harassment, on captions
    assert "Dismiss flag" in page  # the owner may review


@pytest.mark.django_db
def test_a_dismissed_flag_stops_counting_keeps_its_note_and_survives_a_new_screen(graded, agency, alice, alice_client):
    profile = graded["risky"]
    flag = SafetyFlag.objects.get(post__profile=profile, category="violence_weapons")
    url = reverse("profiles:safety_flag", args=[flag.pk])
    refused = alice_client.post(url, {"note": "  "}, follow=True)
    assert "Say why the flag does not apply" in refused.content.decode()
    flag.refresh_from_db()
    assert flag.dismissed_at is None
    alice_client.post(url, {"note": "A toy prop from the film set"})
    flag.refresh_from_db()
    assert flag.dismissed_by == alice and flag.dismissal_note == "A toy prop from the film set"
    row = ProfileInsight.objects.get(pk=profile.pk)
    assert (row.safety_grade, row.safety_flagged_posts, row.safety_categories) == ("B", 1, {"drugs": 1})
    # A new screen (here: the agency changes its keywords) keeps the dismissal.
    safety.keywords_update(user=alice, organization=agency, text="energy drink\n\nEnergy Drink\n")
    assert agency.safety_keywords == "energy drink"
    _screen([profile.pk])
    flag.refresh_from_db()
    assert flag.dismissed_at is not None and ProfileInsight.objects.get(pk=profile.pk).safety_grade == "B"
    page = alice_client.get(reverse("profiles:detail", args=[profile.pk])).content.decode()
    assert "A toy prop from the film set" in page and "Count it again" in page
    alice_client.post(url, {"action": "restore"})
    assert ProfileInsight.objects.get(pk=profile.pk).safety_grade == "C"


@pytest.mark.django_db
def test_the_agency_keywords_flag_posts_after_the_next_refresh(graded, agency, alice_client):
    profile = graded["clean"]
    PostFactory(profile=profile, caption="Post-run RivalCo shake", taken_at=timezone.now())
    response = alice_client.post(reverse("profiles:safety_keywords"), {"safety_keywords": "rivalco\n"})
    assert response.status_code == 302
    _screen([profile.pk])
    flag = SafetyFlag.objects.get(post__profile=profile)
    assert (flag.category, flag.evidence, flag.source) == ("agency", ["rivalco"], "agency")
    settings_page = alice_client.get(reverse("organization_settings")).content.decode()
    assert 'id="safety-keywords-form"' in settings_page and "rivalco</textarea>" in settings_page
    too_long = alice_client.post(reverse("profiles:safety_keywords"), {"safety_keywords": "x" * 101}, follow=True)
    assert "A keyword phrase is at most 100 characters." in too_long.content.decode()
    agency.refresh_from_db()
    assert agency.safety_keywords == "rivalco"  # nothing saved


@pytest.mark.django_db
def test_who_sees_and_who_may_dismiss(graded, agency, bob_client, charlie_client, api_client_for):
    flag = SafetyFlag.objects.filter(post__profile=graded["risky"]).first()
    url = reverse("profiles:safety_flag", args=[flag.pk])
    # A viewer sees the grade but may not dismiss.
    page = bob_client.get(reverse("profiles:detail", args=[graded["risky"].pk])).content.decode()
    assert "C · Caution" in page and "Dismiss flag" not in page
    assert bob_client.post(url, {"note": "no"}).status_code == 403
    assert bob_client.post(reverse("profiles:safety_keywords"), {"safety_keywords": "x"}).status_code == 403
    settings_page = bob_client.get(reverse("organization_settings")).content.decode()
    assert 'id="safety-keywords-list"' in settings_page and 'id="safety-keywords-form"' not in settings_page
    # Another agency: 404, page and API.
    assert charlie_client.post(url, {"note": "no"}).status_code == 404
    from accounts.models import User

    api = api_client_for(User.objects.get(email="charlie@example.com"))
    assert api.get(f"/api/v1/profiles/{graded['risky'].pk}/safety-flags/").status_code == 404
    assert api.post(f"/api/v1/safety-flags/{flag.pk}/dismiss/", {"note": "x"}, format="json").status_code == 404
    # An influencer (an outside creator) sees no grade: not on their own profile, not anyone else's.
    ivy = UserFactory(email="ivy@example.com")
    MembershipFactory(user=ivy, organization=agency, role=Role.INFLUENCER)
    own = _creator(agency, "ivy_runs", ["Tequila sunrise #tequila", *CLEAN[:3]], influencer=ivy)
    _screen([own.pk])
    from django.test import Client

    client = Client()
    client.force_login(ivy)
    own_page = client.get(reverse("profiles:detail", args=[own.pk]))
    assert own_page.status_code == 200 and "brand-safety" not in own_page.content.decode()
    assert client.get(reverse("profiles:detail", args=[graded["risky"].pk])).status_code == 404
    ivy_api = api_client_for(ivy)
    assert ivy_api.get(f"/api/v1/profiles/{own.pk}/safety-flags/").status_code == 403
    assert ivy_api.get(f"/api/v1/profiles/{graded['risky'].pk}/safety-flags/").status_code == 404


@pytest.mark.django_db
def test_the_api_lists_and_dismisses_flags(graded, alice, api_client_for):
    api = api_client_for(alice)
    listed = api.get(f"/api/v1/profiles/{graded['risky'].pk}/safety-flags/").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [(r["category"], r["evidence"]) for r in rows] == [
        ("drugs", ["smoking weed"]),
        ("violence_weapons", ["glock"]),
    ]
    bad = api.post(f"/api/v1/safety-flags/{rows[0]['id']}/dismiss/", {"note": 5}, format="json")
    assert bad.status_code == 400
    done = api.post(f"/api/v1/safety-flags/{rows[0]['id']}/dismiss/", {"note": "CBD-free prop"}, format="json")
    assert done.status_code == 200 and done.json()["dismissal_note"] == "CBD-free prop"
    assert done.json()["dismissed_by"] == "alice@example.com"
    found = api.get("/api/v1/discovery/", {"safety": "B"}).json()
    handles = {r["handle"] for r in (found["results"] if isinstance(found, dict) else found)}
    assert handles == {"clean_runner", "party_animal", "risky_biz"}  # risky is B once the drugs flag is dismissed


@pytest.mark.django_db
def test_discovery_filters_by_grade_and_compare_and_csv_show_it(graded, agency, alice_client):
    page = alice_client.get(reverse("discovery:search"), {"safety": "A"}).content.decode()
    assert "@clean_runner" in page and "@party_animal" not in page and "@risky_biz" not in page
    assert "Brand safety A" in page  # the chip
    both = alice_client.get(reverse("discovery:search"), {"safety": "B"}).content.decode()
    assert "@party_animal" in both and "@risky_biz" not in both and "@charlies_casino" not in both
    from discovery.models import Shortlist, ShortlistEntry

    shortlist = Shortlist.objects.create(organization=agency, name="Summer")
    for key in ("clean", "risky"):
        ShortlistEntry.objects.create(shortlist=shortlist, profile=graded[key])
    compare = alice_client.get(reverse("discovery:shortlist_compare", args=[shortlist.pk])).content.decode()
    assert 'id="compare-safety"' in compare and "2 of 12 posts flagged: Drugs and smoking 1" in compare
    exported = alice_client.get(reverse("discovery:shortlist_export", args=[shortlist.pk]))
    rows = list(csv.DictReader(io.StringIO(exported.content.decode())))
    by_handle = {r["handle"]: r for r in rows}
    assert by_handle["risky_biz"]["brand_safety_grade"] == "C"
    assert by_handle["risky_biz"]["brand_safety_flagged_posts"] == "2"
    assert by_handle["clean_runner"]["brand_safety_grade"] == "A"


def test_evaluate_model_reports_precision_and_recall_per_category_on_the_held_out_captions():
    out = StringIO()
    call_command("evaluate_model", "brand-safety", f"{DATASETS}/captions-test.jsonl", stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert result["n"] == 435 and result["images"] == "not screened"
    alcohol = result["per_category"]["alcohol"]
    assert alcohol["positives"] == 40 and alcohol["precision"] >= 0.9 and alcohol["recall"] >= 0.85
    assert result["per_category"]["hate_harassment"]["recall"] is None  # no positives: not measured
    assert result["not_measured"] == ["hate_harassment"]
    # The figures the profile page shows are these.
    from ml.engine.brand_safety import MEASURED

    for category, shown in MEASURED.items():
        figures = result["per_category"][category]
        if shown is None:
            assert figures["positives"] == 0
        else:
            assert shown == (round(figures["precision"], 3), round(figures["recall"], 3), figures["positives"])


def test_evaluate_model_on_olid_measures_offensive_language_as_the_union_of_profanity_and_hate():
    out = StringIO()
    call_command("evaluate_model", "brand-safety", f"{DATASETS}/olid-test.jsonl", stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert result["n"] == 860 and set(result["per_category"]) == {"offensive", "hate_harassment"}
    offensive = result["per_category"]["offensive"]
    assert offensive["positives"] == 240 and offensive["precision"] >= 0.85 and 0.3 <= offensive["recall"] <= 0.5


def test_evaluate_model_refuses_a_bad_file_naming_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "beer", "categories": ["alcohol"]}\n{"text": "x", "categories": ["booze"]}\n')
    with pytest.raises(CommandError, match="bad.jsonl:2: unknown category booze"):
        call_command("evaluate_model", "brand-safety", str(path), stdout=StringIO())


@pytest.mark.django_db
def test_dismissed_flags_become_labelled_lines_the_evaluator_reads(graded, alice, tmp_path):
    flag = SafetyFlag.objects.get(post__profile=graded["risky"], category="violence_weapons")
    safety.flag_dismiss(user=alice, flag=flag, note="A toy prop")
    out = tmp_path / "feedback.jsonl"
    call_command("safety_feedback", str(out), stdout=StringIO())
    [line] = [json.loads(x) for x in out.read_text().splitlines()]
    assert line["labelled"] == ["violence_weapons"] and line["categories"] == [] and line["note"] == "A toy prop"
    result = StringIO()
    call_command("evaluate_model", "brand-safety", str(out), stdout=result)
    measured = json.loads(result.getvalue().strip().splitlines()[-1])["per_category"]["violence_weapons"]
    assert (measured["positives"], measured["flagged"], measured["precision"]) == (0, 1, 0.0)  # the reviewer said no


@pytest.mark.django_db
def test_the_beat_screens_what_a_new_engine_version_has_not_seen(graded, monkeypatch):
    from ml.engine import brand_safety
    from profiles.tasks import brand_safety_screen_stale

    assert brand_safety_screen_stale() == 0  # everything is screened
    monkeypatch.setattr(brand_safety, "VERSION", "next")
    assert brand_safety_screen_stale(limit=2) == 2  # two profiles a run at most here
    assert brand_safety_screen_stale() == 2  # the other two (one in each agency's order)
    assert not Post.objects.exclude(safety_version__startswith="next-").exists()
    assert ProfileInsight.objects.get(pk=graded["risky"].pk).safety_grade == "C"


@pytest.mark.parametrize(
    ("grade", "css"), [("A", "text-bg-success"), ("B", "text-bg-warning"), ("C", "text-bg-danger"), ("", None)]
)
def test_a_result_rows_safety_badge_names_its_grade_and_what_it_rests_on(grade, css):
    from types import SimpleNamespace

    from discovery.templatetags.discovery_tags import safety_badge

    badge = safety_badge(SimpleNamespace(safety_grade=grade, safety_flagged_posts=3, safety_screened_posts=40))
    if css is None:
        assert badge == ""  # never screened: no badge
        return
    assert f'class="badge safety-grade {css}"' in badge
    assert f'title="Brand safety {grade}: 3 of 40 screened posts flagged">safety {grade}</span>' in badge
