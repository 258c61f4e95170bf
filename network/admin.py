from __future__ import annotations

from django.contrib import admin

from network.models import GraphNode, GraphSnapshot


@admin.register(GraphSnapshot)
class GraphSnapshotAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "organization",
        "source",
        "status",
        "node_count",
        "edge_count",
        "community_count",
        "modularity",
        "created_at",
    ]
    list_filter = ["status", "source"]
    search_fields = ["name", "organization__name"]
    exclude = ["edges_blob"]
    readonly_fields = ["status", "progress_done", "progress_total", "error", "started_at", "finished_at"]


@admin.register(GraphNode)
class GraphNodeAdmin(admin.ModelAdmin):
    list_display = ["key", "label", "snapshot", "community", "pagerank", "degree"]
    search_fields = ["key", "label"]
    raw_id_fields = ["snapshot", "profile"]
    list_select_related = ["snapshot"]
