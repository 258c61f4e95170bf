"""The ad-disclosure check (ml.engine.disclosure): each jurisdiction's rules, each finding citing its guidance, and
`evaluate_model disclosure` on labelled cases."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ml.engine.disclosure import JURISDICTIONS, check_disclosure

BODY = "Loving the new trail runners from @peakgear, light and grippy on wet rock"
LONG = BODY + ". Three weeks in, 120 km over roots and mud and they still look new; the lacing holds. "
CASES = "ml/datasets/disclosure-cases/cases.jsonl"


@pytest.mark.parametrize(
    ("caption", "platform", "paid", "jurisdiction", "compliant", "rule"),
    [
        ("#ad " + BODY, "instagram", False, "us-ftc", True, None),
        ("#ad " + BODY, "instagram", False, "uk-asa", True, None),
        ("Sponsored by @peakgear. " + BODY, "instagram", False, "us-ftc", True, None),
        # The UK guidance does not count "sponsored" on its own.
        ("Sponsored by @peakgear. " + BODY, "instagram", False, "uk-asa", False, "unclear"),
        (BODY + " #sp", "instagram", False, "us-ftc", False, "unclear"),
        (BODY + " #collab", "instagram", False, "us-ftc", False, "unclear"),
        ("Gifted by @peakgear. " + BODY, "instagram", False, "uk-asa", False, "unclear"),
        # The platform's paid-partnership label alone is not enough, in either jurisdiction.
        (BODY, "instagram", True, "us-ftc", False, "tool"),
        (BODY, "instagram", True, "uk-asa", False, "tool"),
        (BODY, "instagram", False, "us-ftc", False, "label"),
        # Behind Instagram's "more", but the whole post shows on X.
        (LONG + "#ad", "instagram", False, "us-ftc", False, "visible"),
        (LONG + "#ad", "x", False, "us-ftc", True, None),
        # Mixed into a group of hashtags, unless the group opens the caption.
        (BODY + " #trail #run #ad #mountains", "instagram", False, "us-ftc", False, "hashtags"),
        ("#ad #trail #run " + BODY, "instagram", False, "us-ftc", True, None),
        # At the end of a short caption: visible, so fine for the FTC; not up front for the ASA.
        (BODY + " #ad", "instagram", False, "us-ftc", True, None),
        (BODY + " #ad", "instagram", False, "uk-asa", False, "up_front"),
        # Words that only look like a label.
        ("My ad-free picks: " + BODY, "instagram", False, "us-ftc", False, "label"),
        ("#adventure " + BODY, "instagram", False, "us-ftc", False, "label"),
        ("Advertisement feature | " + BODY, "instagram", False, "uk-asa", True, None),
    ],
)
def test_each_rule_decides_and_cites_its_guidance(caption, platform, paid, jurisdiction, compliant, rule):
    result = check_disclosure(caption, platform=platform, paid_partnership=paid, jurisdiction=jurisdiction)
    assert result.compliant is compliant, result.problems
    failed = [f for f in result.findings if not f.ok]
    if rule is None:
        assert failed == [] and result.label
    else:
        assert rule in [f.rule for f in failed]
        for finding in failed:
            source = JURISDICTIONS[jurisdiction].rules[finding.rule]
            assert (finding.says, finding.source, finding.url) == (source.says, source.source, source.url)
            assert finding.url.startswith(("https://www.ftc.gov/", "https://www.asa.org.uk/"))


def test_an_unknown_jurisdiction_is_refused_by_name():
    with pytest.raises(ValueError, match="us-ftc, uk-asa"):
        check_disclosure("#ad hi", platform="instagram", paid_partnership=False, jurisdiction="mars")


def test_evaluate_model_prints_accuracy_and_both_kinds_of_error_on_our_cases():
    out = StringIO()
    call_command("evaluate_model", "disclosure", CASES, stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    lines = [json.loads(line) for line in open(CASES, encoding="utf-8")]
    assert result["n"] == len(lines) >= 30
    assert {line["jurisdiction"] for line in lines} == {"us-ftc", "uk-asa"}
    assert {line["compliant"] for line in lines} == {True, False}
    assert all(line["guidance"] for line in lines)
    assert result["accuracy"] == 1.0 and result["false_compliant"] == result["false_noncompliant"] == 0
    assert sum(v["n"] for v in result["per_jurisdiction"].values()) == result["n"]


def test_evaluate_model_counts_a_wrong_label_as_the_kind_of_error_it_is(tmp_path):
    path = tmp_path / "cases.jsonl"
    rows = [
        {
            "caption": BODY,
            "platform": "instagram",
            "paid_partnership": True,
            "jurisdiction": "uk-asa",
            "compliant": True,
        },  # labelled wrong on purpose: the check says non-compliant
        {
            "caption": "#ad " + BODY,
            "platform": "instagram",
            "paid_partnership": False,
            "jurisdiction": "us-ftc",
            "compliant": False,
        },  # and this one compliant
        {
            "caption": "#ad " + BODY,
            "platform": "x",
            "paid_partnership": False,
            "jurisdiction": "us-ftc",
            "compliant": True,
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = StringIO()
    call_command("evaluate_model", "disclosure", str(path), stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert result == {
        "n": 3,
        "accuracy": round(1 / 3, 4),
        "false_compliant": 1,
        "false_noncompliant": 1,
        "per_jurisdiction": result["per_jurisdiction"],
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json\n", "bad.jsonl:1: not JSON"),
        ('{"caption": "x", "platform": "instagram"}\n', "bad.jsonl:1: lacks paid_partnership, jurisdiction, compliant"),
        (
            '{"caption": "x", "platform": "instagram", "paid_partnership": "yes", "jurisdiction": "us-ftc", '
            '"compliant": true}\n',
            "paid_partnership must be true or false",
        ),
        (
            '{"caption": "x", "platform": "instagram", "paid_partnership": false, "jurisdiction": "eu", '
            '"compliant": true}\n',
            "jurisdiction 'eu' is not one of us-ftc, uk-asa",
        ),
        ("\n", "holds no cases"),
    ],
)
def test_a_bad_case_file_is_refused_naming_the_line(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("evaluate_model", "disclosure", str(path), stdout=StringIO())
