from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Project-wide plumbing that must be wired in every process (web, worker, beat, shell)."""

    name = "config"
    label = "core"
    verbose_name = "SocialLens core"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from config.pagecache import enabled, watch_connection

        if enabled():  # every process that writes must move the version the web processes read
            connection_created.connect(watch_connection, dispatch_uid="pagecache-watch-writes")
