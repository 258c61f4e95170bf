"""PostgreSQL-only indexes: GIN on the full-text vector (SQLite has no tsvector; its search scans search_text), and
each sort key as `DESC NULLS LAST`, the order discovery pages use (PostgreSQL's plain DESC puts NULLs first, so the
model's indexes could not serve those sorts; SQLite index definitions cannot say NULLS LAST)."""
from __future__ import annotations

from django.db import migrations


SORT_KEYS = ["followers_count", "engagement_rate", "quality_score", "growth_30d"]


def create_index(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE INDEX IF NOT EXISTS disc_search_vector_gin ON discovery_profileinsight "
                          "USING gin (search_vector)")
    for key in SORT_KEYS:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS disc_pg_{key} ON discovery_profileinsight "
                              f"(organization_id, {key} DESC NULLS LAST, profile_id)")
    schema_editor.execute("CREATE INDEX IF NOT EXISTS disc_pg_refreshed ON discovery_profileinsight "
                          "(organization_id, refreshed_at)")


def drop_index(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS disc_search_vector_gin")
    for key in SORT_KEYS:
        schema_editor.execute(f"DROP INDEX IF EXISTS disc_pg_{key}")
    schema_editor.execute("DROP INDEX IF EXISTS disc_pg_refreshed")


class Migration(migrations.Migration):
    dependencies = [("discovery", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index)]
