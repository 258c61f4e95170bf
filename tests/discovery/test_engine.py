"""ml.engine.categories and ml.engine.places without Django: files read right or refused, countries only where
named, and the evaluate_model command's JSON line."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from ml.engine.categories.records import read_influencers, read_labels
from ml.engine.languages import audience_languages
from ml.engine.places import countries_in, home_country, profile_countries

DATASET = Path(__file__).resolve().parents[2] / "ml" / "datasets" / "ig-influencer-categories-kim2020"


def test_a_broken_posts_line_is_refused_with_its_number(tmp_path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text('{"owner": "a", "caption": "hi"}\n{not json\n')
    with pytest.raises(ValueError, match=r"posts.jsonl:2: not JSON"):
        read_influencers(path)
    path.write_text('{"caption": "no owner"}\n')
    with pytest.raises(ValueError, match=r":1: post has no owner"):
        read_influencers(path)


def test_labels_need_the_header_and_known_categories(tmp_path) -> None:
    path = tmp_path / "labels.tsv"
    path.write_text("alice\tfood\n")
    with pytest.raises(ValueError, match="header"):
        read_labels(path)
    path.write_text("username\tcategory\nalice\tcooking\n")
    with pytest.raises(ValueError, match=r":2: unknown category 'cooking'"):
        read_labels(path)


def test_the_shipped_set_reads_whole_with_the_source_typos_mapped() -> None:
    labels = read_labels(DATASET / "influencers.tsv")
    assert len(labels) == 27187 and set(labels.values()) == {
        "beauty",
        "family",
        "fashion",
        "fitness",
        "food",
        "interior",
        "other",
        "pet",
        "travel",
    }
    with gzip.open(DATASET / "posts.jsonl.gz", "rt") as handle:
        first = json.loads(handle.readline())
    assert {"owner", "caption", "accessibility_caption", "location"} <= set(first)


def test_countries_are_named_by_the_data_or_unknown() -> None:
    assert countries_in("Sunset in Lisbon") == ["PT"]
    assert countries_in("İstanbul, Türkiye") == ["TR"]
    assert countries_in("Houston, Texas") == ["US"]
    assert countries_in("somewhere nice") == []
    assert countries_in("Georgia on my mind") == []  # a state, a country and a name: not guessed
    evidence = profile_countries(locations=["Paris, France", "Tokyo", "Paris"], bio="London based")
    # Where the bio says someone is based outranks where they posted from.
    assert [(e.code, e.posts, e.bio) for e in evidence] == [("GB", 0, True), ("FR", 2, False), ("JP", 1, False)]
    assert home_country(evidence) == "GB"


def test_a_trip_is_evidence_not_a_country_and_a_bio_outranks_it() -> None:
    # @bettyautier (2019 dataset): "From Paris with love", then a trip to Cuba and California; it showed "CU".
    trip = ["Los Angeles, California", "Coachella, California", "Playa Ancón, Sancti Spiritus, Cuba", "La Habana, Cuba"]
    trip += ["Trinidad, Cuba", "Trinidad, Cuba", "Palm Desert, California", "Playa Ancón, Sancti Spiritus, Cuba"]
    assert home_country(profile_countries(locations=trip, bio="From Paris with love ❤️🥐")) == "FR"
    assert home_country(profile_countries(locations=trip)) == ""  # 5 of 8 posts: not enough to place someone
    # @britishfashioncouncil showed "CN" after London Fashion Week went to Shanghai.
    bfc = profile_countries(
        locations=["The London EDITION", "The Middle House Shanghai", "Shanghai, China", "Shanghai, China"],
        bio="Official page of the British Fashion Council. Follow @LondonFashionWeek for #LFW",
    )
    assert home_country(bfc) == "GB" and [e.code for e in bfc] == ["GB", "CN"]
    assert home_country(profile_countries(locations=["Lisbon", "Porto, Portugal", "Lisbon", "Madrid"])) == "PT"
    assert countries_in("Italian restaurant") == []  # what someone calls themselves counts in a bio only


def test_audience_languages_leave_out_texts_too_short_to_tell() -> None:
    assert audience_languages(["#ootd", "ok", "😍😍"]) == []
    mix = audience_languages(
        [
            "Das ist mein Lieblingsrezept für Apfelkuchen",
            "This is my favourite summer dress",
            "Heute gehen wir mit dem Hund spazieren",
        ]
    )
    assert mix[0] == ("de", pytest.approx(2 / 3, abs=1e-3))


@pytest.mark.slow
@pytest.mark.django_db
def test_evaluate_model_prints_n_accuracy_macro_f1_for_labelled_influencers_with_posts(tmp_path) -> None:
    from django.core.management import call_command

    posts = tmp_path / "posts.jsonl"
    with gzip.open(DATASET / "posts.jsonl.gz", "rt") as source:
        posts.write_text("".join(line for _, line in zip(range(400), source, strict=False)))
    labels = tmp_path / "influencers.tsv"
    labels.write_text((DATASET / "influencers.tsv").read_text())
    out = io.StringIO()
    call_command("evaluate_model", "influencer-category", str(posts), "--labels", str(labels), stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    owners = {json.loads(line)["owner"].lower() for line in posts.read_text().splitlines()}
    assert set(result) == {"n", "accuracy", "macro_f1"}
    assert result["n"] == len(owners & set(read_labels(labels)))
    assert 0.5 < result["accuracy"] <= 1  # these influencers were trained on: a sanity floor, not a figure


def test_evaluate_model_refuses_a_missing_file(tmp_path) -> None:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="does not exist"):
        call_command(
            "evaluate_model", "influencer-category", str(tmp_path / "nope.jsonl"), "--labels", str(tmp_path / "x.tsv")
        )
