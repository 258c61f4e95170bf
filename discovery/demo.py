"""Demo data for discovery: every demo profile's niche, languages, countries and content vector, and one list."""

from __future__ import annotations

from typing import Any

from accounts.models import Organization


def seed_discovery_demo(*, organization: Organization, stdout: Any) -> None:
    from tqdm import tqdm

    from discovery.insights import insights_refresh, typical_posts_refresh
    from discovery.models import Shortlist, ShortlistEntry
    from discovery.services import insights_refresh_organization
    from profiles.models import Profile

    # Niche, language and metrics for every demo profile; content vectors (a MiniLM pass per caption, the slow
    # part) for the linked ones, which is what "find similar" starts from and ranks among on a fresh install.
    changed = insights_refresh_organization(
        organization=organization, embed=False, progress=lambda it: tqdm(it, desc="discovery", unit="batch")
    )
    linked = list(Profile.objects.filter(organization=organization, is_linked=True).values_list("pk", flat=True))
    insights_refresh(profile_ids=linked, embed=True, force=True)
    shortlist, _ = Shortlist.objects.get_or_create(organization=organization, name="Summer Glow candidates")
    if not shortlist.entries.exists():
        picks = Profile.objects.filter(organization=organization, insight__niche__in=["beauty", "fashion"]).order_by(
            "-followers_count"
        )[:4]
        ShortlistEntry.objects.bulk_create(
            [ShortlistEntry(shortlist=shortlist, profile=p, note="demo pick") for p in picks], ignore_conflicts=True
        )
    # The compare page shows figures made ahead; here, before the first visit.
    typical_posts_refresh(profile_ids=list(shortlist.entries.values_list("profile_id", flat=True)))
    stdout.write(
        f"Discovery: {changed} profiles analysed (niche, language, country); shortlist '{shortlist.name}' ready."
    )
