"""{% url %} per link: Django's own tag (the baseline) against the remembered one every template uses
(config/templatetags/urls.py), both rendering the same list of links in this process.

    python bench/bench_url_tag.py [--rows 100] [--repeats 200]

A list page links each row to its profile, campaign or submission; the profiles list renders 76 links a request. Each
row here carries three links (a profile, its discovery lookalikes, a campaign), as those pages do.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

ROW = (
    "{% for pk in pks %}<a href=\"{% url 'profiles:detail' pk %}\">p</a>"
    "<a href=\"{% url 'discovery:lookalikes' pk=pk %}\">l</a>"
    "<a href=\"{% url 'predictions:campaign_detail' pk %}\">c</a>{% endfor %}"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    import django

    django.setup()
    from django.template import Context, engines

    from config.templatetags.urls import engine_with_djangos_tag

    ours = engines["django"].engine
    theirs = engine_with_djangos_tag()
    templates = {
        "Django's {% url %} (baseline)": theirs.from_string(ROW),
        "remembered {% url %}": ours.from_string(ROW),
    }
    context = {"pks": list(range(1, args.rows + 1))}
    outputs = {name: template.render(Context(context)) for name, template in templates.items()}
    assert len(set(outputs.values())) == 1, "the two tags must write the same links"
    links = 3 * args.rows
    results: dict[str, list[float]] = {name: [] for name in templates}
    for _ in range(args.repeats):  # interleaved, so the machine's load falls on both alike
        for name, template in templates.items():
            started = time.perf_counter()
            template.render(Context(context))
            results[name].append((time.perf_counter() - started) / links * 1e6)
    print(f"{links} links per render, {args.repeats} renders each, interleaved")
    print(f"{'tag':<32} {'µs per link p50':>16} {'p90':>8}")
    for name, timings in results.items():
        timings.sort()
        print(f"{name:<32} {statistics.median(timings):>16.1f} {timings[int(len(timings) * 0.9)]:>8.1f}")


if __name__ == "__main__":
    main()
