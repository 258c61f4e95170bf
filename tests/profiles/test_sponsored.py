"""Sponsored posts: each stored post's yes / likely / no with its evidence (ml.engine.sponsored), set on every write
path, measured on hand-labelled captions, and a creator's paid against organic engagement on the profile page."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command
from django.urls import reverse

from ml.engine.sponsored import LIKELY, NO, YES, paid_vs_organic, sponsorship
from profiles.models import Post
from tests.factories import PostFactory, ProfileFactory

LABELS = "ml/datasets/sponsored-labels/labels.jsonl"


@pytest.mark.parametrize(
    ("caption", "label", "verdict", "kind"),
    [
        ("Loving this serum #ad", False, YES, "disclosure"),
        ("AD | new drop from @nike", False, YES, "disclosure"),
        ("Danke @brand für die Einladung #werbung", False, YES, "disclosure"),
        ("Nuevo look #publicidad", False, YES, "disclosure"),
        ("Nouvelle collection #sponsorisé", False, YES, "disclosure"),
        ("新商品をいただきました #PR", False, YES, "disclosure"),  # Japanese posts disclose with #PR
        ("오늘 #광고 협찬받은 제품", False, YES, "disclosure"),
        ("Just a sunny day", True, YES, "platform label"),
        ("Great shoot #PR #fashion", False, LIKELY, "ambiguous tag"),  # elsewhere #PR is only a hint
        ("Sunday vibes #nikepartner", False, LIKELY, "ambiguous tag"),
        ("Thanks to @glowco for the glow!", False, LIKELY, "brand thanks"),
        ("Use code IVY15 for 15% off @glowco", False, LIKELY, "discount code"),
        ("Shop my look: https://liketk.it/3abc", False, LIKELY, "affiliate link"),
        ("Neues Outfit *unbezahlte Werbung* @zara", False, LIKELY, "unpaid brand mention"),
        ("The ads on TV are so loud", False, NO, None),
        ("My zip code 90210 rocks", False, NO, None),
        ("This is an adventure #adventure", False, NO, None),
        ("J'ai une annonce à faire", False, NO, None),
    ],
)
def test_each_post_gets_a_verdict_with_the_evidence_behind_it(caption, label, verdict, kind):
    found = sponsorship(caption, platform_label=label)
    assert found.verdict == verdict, found.evidence
    if kind is None:
        assert found.evidence == []
    else:
        assert kind in [k for k, _ in found.evidence]


def test_paid_vs_organic_compares_engagement_per_post_over_one_window_and_needs_three_of_each():
    posts = [(YES, 100, 0), (LIKELY, 80, 20), (YES, 100, 0)] + [(NO, 200, 0)] * 5
    paid = paid_vs_organic(posts, followers=10_000)
    assert (paid.window, paid.disclosed, paid.likely, paid.organic) == (8, 2, 1, 5)
    assert paid.sponsored_rate == pytest.approx(0.01) and paid.organic_rate == pytest.approx(0.02)
    assert paid.ratio == pytest.approx(0.5)
    assert paid_vs_organic(posts[1:], followers=10_000).ratio is None  # two sponsored: too few to say
    assert paid_vs_organic(posts, followers=None).ratio is None


@pytest.mark.django_db
def test_imported_posts_carry_their_verdict_and_a_changed_caption_changes_it(run_import, data_dir, tmp_path, agency):
    lines = (data_dir / "ig_graphql_sample.jsonl").read_text().split("\n")
    first = json.loads(lines[0])

    def caption(post: dict, text: str) -> None:  # where this file keeps a post's caption
        post["edge_media_to_caption"] = text

    caption(first["posts"][0], "Morning run in my new trainers #ad @brand")
    caption(first["posts"][1], "Use code JIHOON10 for 10% off")
    changed = tmp_path / "sample.jsonl"
    changed.write_text("\n".join([json.dumps(first), *lines[1:]]))
    run_import(changed)
    posts = Post.objects.filter(profile__organization=agency)
    assert posts.count() > 20 and not posts.filter(sponsored="").exists()  # every post has a verdict
    ad = posts.get(platform_id=first["posts"][0]["id"])
    assert ad.sponsored == YES and ad.sponsored_evidence == [{"kind": "disclosure", "text": "#ad"}]
    assert posts.get(platform_id=first["posts"][1]["id"]).sponsored == LIKELY

    caption(first["posts"][0], "Morning run in my new trainers @brand")
    changed.write_text("\n".join([json.dumps(first), *lines[1:]]))
    run_import(changed)
    ad.refresh_from_db()
    assert ad.sponsored == NO and ad.sponsored_evidence == []


@pytest.mark.django_db
def test_a_post_saved_any_other_way_gets_its_verdict_too_and_the_backfill_fills_old_rows():
    post = PostFactory(caption="Sunset run #fitness")
    assert post.sponsored == NO
    post.caption = "Sunset run #sponsored"
    post.save(update_fields=["caption"])
    post.refresh_from_db()
    assert post.sponsored == YES
    Post.objects.filter(pk=post.pk).update(sponsored="", sponsored_evidence=[])  # a row from before the field
    from importlib import import_module

    import_module("profiles.migrations.0005_post_sponsored").fill_sponsored(django_apps, None)
    post.refresh_from_db()
    assert post.sponsored == YES and post.sponsored_evidence == [{"kind": "disclosure", "text": "#sponsored"}]


@pytest.mark.django_db
def test_the_profile_page_shows_paid_against_organic_and_the_flagged_posts(alice_client, agency):
    profile = ProfileFactory(organization=agency, followers_count=10_000)
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    for day, caption, likes in [
        (1, "New serum #ad", 100),
        (2, "Use code ALICE10 for 10% off", 100),
        (3, "Gifted by @glowco", 100),
        *[(4 + i, f"Beach day {i}", 200) for i in range(5)],
    ]:
        PostFactory(profile=profile, caption=caption, likes=likes, comments=0, taken_at=now - timedelta(days=day))
    page = alice_client.get(reverse("profiles:detail", args=[profile.pk])).content.decode()
    assert "3 of the latest 8 posts look sponsored: 1 disclosed, 2 likely" in page
    assert "<strong>0.50×</strong>" in page and "1.00% against 2.00%" in page
    assert "discount code: “code ALICE10”" in page and "brand thanks: “Gifted by”" in page


def test_evaluate_model_prints_weighted_precision_and_recall_on_the_hand_labelled_captions():
    out = StringIO()
    call_command("evaluate_model", "sponsored", LABELS, stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    lines = [json.loads(line) for line in open(LABELS, encoding="utf-8")]
    assert result["n"] == len(lines) == 240 and result["weighted"] is True
    assert {line["stratum"] for line in lines} == {"yes", "likely", "no-mention", "no-plain"}
    # The figures SOURCE.md reports: precise when it says "yes", and it misses ads that carry no mark.
    assert result["precision_yes"] >= 0.95 and result["precision_flagged"] >= 0.9
    assert 0.3 <= result["recall_yes"] < result["recall_flagged"] <= 0.75


def test_evaluate_model_refuses_a_bad_file_naming_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"caption": "hi #ad", "sponsored": true}\n{"caption": "hi", "sponsored": "yes"}\n')
    with pytest.raises(CommandError, match="bad.jsonl:2: sponsored must be true or false"):
        call_command("evaluate_model", "sponsored", str(path), stdout=StringIO())


@pytest.mark.django_db
def test_the_window_is_the_newest_posts_counted_in_the_database():
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from profiles.selectors import latest_posts_per_profile, paid_window_posts

    profile, other = ProfileFactory(), ProfileFactory()
    now = timezone.now()
    for day in range(70):
        PostFactory(profile=profile, caption=f"day {day}", taken_at=now - timedelta(days=day))
    undated = PostFactory(profile=profile, caption="no date", taken_at=None)
    PostFactory(profile=other, caption="other", taken_at=now)
    with CaptureQueriesContext(connection) as queries:
        window = paid_window_posts([profile.pk, other.pk])
    assert len(queries) == 1 and "ROW_NUMBER" in queries[0]["sql"].upper()
    assert [p.caption for p in window[profile.pk]] == [f"day {d}" for d in range(60)]
    assert [p.caption for p in window[other.pk]] == ["other"]
    everything = latest_posts_per_profile([profile.pk], limit=71, fields=("caption", "taken_at"))[profile.pk]
    assert everything[-1].pk == undated.pk and len(everything) == 71  # undated last, kept when not dated_only


def _shipped_captions() -> list[str]:
    """Every caption of the shipped Instagram posts, then the hand-labelled ones."""
    captions: list[str] = []
    with open("ml/datasets/ig-influencer-posts-2019/profiles_slim.jsonl", encoding="utf-8") as handle:
        for line in handle.read().split("\n"):
            if line.strip():
                captions.extend(post.get("edge_media_to_caption") or "" for post in json.loads(line).get("posts", []))
    with open(LABELS, encoding="utf-8") as handle:
        captions.extend(json.loads(line)["caption"] for line in handle if line.strip())
    return captions


def test_the_screen_that_settles_most_captions_early_never_changes_a_verdict(monkeypatch):
    """Most captions carry none of the words any evidence starts with and are answered "no" before the word pass
    (ml.engine.sponsored._may_have_evidence). On every shipped Instagram caption, the labelled set and captions made
    to sit at the screen's edges, the verdict and evidence are those of the full pass."""
    import gzip

    from ml.engine import sponsored

    captions = [
        "#AD new drop",
        "Ad-free weekend",
        "made with love, read more",
        "@brand_ad thanks",
        "##ad",
        "&#ad",
        "ＡＤ fullwidth",
        "#brandpartner of the year",
        "Use my CODE at checkout",
        "link in bio bit.ly/x",
        "#Werbung (unbezahlt)",
        "Paid partnership with @x",
        "",
    ]
    captions.extend(_shipped_captions())
    with gzip.open("ml/datasets/ig-influencer-categories-kim2020/posts.jsonl.gz", "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= 5000:
                break
            captions.append(json.loads(line).get("caption") or "")
    screened = [sponsorship(caption) for caption in captions]
    monkeypatch.setattr(sponsored, "_may_have_evidence", lambda caption, lowered: True)
    full = [sponsorship(caption) for caption in captions]
    assert len(captions) > 20000
    assert sum(result.verdict != NO for result in full) > 500  # the set holds many sponsored posts
    assert [(r.verdict, r.evidence) for r in screened] == [(r.verdict, r.evidence) for r in full]


def test_the_guarded_patterns_find_exactly_what_the_plain_patterns_find():
    """Each slow pattern runs behind a lookahead on the characters its matches can start with
    (ml.engine.sponsored._guarded). On the shipped captions, the labelled set and captions with letters whose case
    folds oddly (Turkish dotted and dotless i, the Kelvin sign, long s, full-width letters), every guarded pattern
    finds the same matches at the same places as the pattern alone."""
    import re

    from ml.engine import sponsored

    captions = [
        "İn partnership with @x",
        "ın collaboration with @y",
        "THANKS TO @brand",
        "Code ＩＶＹ15 and CODE IVY15 and cÓdigo AB12",
        "20 % OFF today, 15% Rabatt",
        "GO.SHOPMY.us/abc ?Ref=me &UTM_SOURCE=x",
        "Unbezahlte Werbung, WERBUNG wegen Markennennung",
        "PAID PARTNERSHIP, #PaidPartnership, Partenariat Rémunéré, WSPÓŁPRACA REKLAMOWA",
        "Kaupallinen yhteistyö @k ſponsored",
        "РЕКЛАМА и إعلان",
        "",
    ]
    captions.extend(_shipped_captions())
    guarded = {
        pattern: re.compile(f"(?=[{first}])(?:{pattern})", flags)
        for pattern, (first, flags) in sponsored.GUARDED.items()
    }
    assert len(guarded) >= 6
    found = 0
    for pattern, (_, flags) in sponsored.GUARDED.items():
        plain = re.compile(pattern, flags)
        for text in (*captions, *(caption.lower() for caption in captions[:11])):
            expected = [match.span() for match in plain.finditer(text)]
            assert [match.span() for match in guarded[pattern].finditer(text)] == expected, (pattern, text)
            found += bool(expected)
    assert found > 500  # texts where some pattern matched
