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
