"""A GIN index on the full-text vector, PostgreSQL only (SQLite has no tsvector; its search scans search_text)."""
from __future__ import annotations

from django.db import migrations


def create_index(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX IF NOT EXISTS disc_search_vector_gin ON discovery_profileinsight "
                              "USING gin (search_vector)")


def drop_index(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS disc_search_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("discovery", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index)]
