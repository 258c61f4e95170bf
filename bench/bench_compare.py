"""The first shortlist compare after a start: page time in a fresh process, against predicting in the page view.

    DATABASE_URL=sqlite:////path/to/seeded.sqlite3 python bench/bench_compare.py

Needs a database seeded by `manage.py seed_demo` (its "Summer Glow candidates" list). Each figure is measured in
a fresh Python process, because what the first visit pays is the start-up: the baseline predicts each column's
typical post in the request (what the compare page did before: the like model and MiniLM load on the first visit);
now the page reads the figures the ml queue made ahead (discovery.insights.typical_posts_refresh).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, os, sys, time
sys.path.insert(0, {root!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
import django
django.setup()
from django.test import Client
from accounts.models import Membership
from discovery.models import Shortlist
from discovery.selectors import typical_post_likes

shortlist = Shortlist.objects.get(name="Summer Glow candidates")
owner = Membership.objects.filter(organization=shortlist.organization, role="owner").first().user
client = Client()
client.force_login(owner)
started = time.perf_counter()
if {baseline!r}:
    for entry in shortlist.entries.select_related("profile"):
        typical_post_likes(profile=entry.profile)
response = client.get(f"/discovery/shortlists/{{shortlist.pk}}/compare/", HTTP_HOST="127.0.0.1")
seconds = time.perf_counter() - started
print(json.dumps({{"status": response.status_code, "seconds": round(seconds, 3),
                   "columns": shortlist.entries.count()}}))
"""


def run(*, baseline: bool) -> dict[str, object]:
    code = CHILD.format(root=str(ROOT), baseline=baseline)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    before = run(baseline=True)
    now = run(baseline=False)
    print(f"first compare of {now['columns']} profiles in a fresh process")
    print(f"baseline (typical posts predicted in the request): {before['seconds']} s (status {before['status']})")
    print(f"now (figures made ahead on the ml queue): {now['seconds']} s (status {now['status']})")
    print(json.dumps({"baseline_s": before["seconds"], "now_s": now["seconds"], "columns": now["columns"]}))


if __name__ == "__main__":
    main()
