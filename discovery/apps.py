from __future__ import annotations

from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "discovery"
    verbose_name = "Discovery"

    def ready(self) -> None:
        from discovery.services import on_posts_changed
        from profiles.signals import posts_changed

        posts_changed.connect(on_posts_changed, dispatch_uid="discovery-refresh-on-posts-changed")
        # What discovery gives the layers below it, which must not import it: the niche a campaign draft is scored
        # in, and the agency's niche corrections the niche models learn from.
        from discovery.insights import niche_correction_records
        from discovery.selectors import profile_niche
        from ml.services import niche_corrections_source_register
        from predictions.campaigns.scoring import niche_source_register

        niche_source_register(profile_niche)
        niche_corrections_source_register(niche_correction_records)
