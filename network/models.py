"""Influence graph snapshots: one analysed graph (built from an agency's data or imported) and its nodes.

Nodes are rows (filterable, paginated in the API); edges are kept as one compressed blob (`EdgeTable.to_bytes`),
which a 150k-edge graph fits in ~1.4 MB, so pages and exports never rebuild the graph from relations.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from config.jobs import Job


class GraphSource(models.TextChoices):
    BUILT = "built", "Built from agency data"
    IMPORTED = "imported", "Imported file"


class EdgeKind(models.TextChoices):
    FOLLOWS = "follows", "Follows"
    MENTIONS = "mentions", "Mentions"
    TAGS = "tags", "Tags"
    REPLIES = "replies", "Replies"
    RETWEETS = "retweets", "Retweets / reposts"
    HASHTAGS = "hashtags", "Hashtag co-use"


class GraphSnapshot(Job):
    task_name = "network.tasks.graph_snapshot_analyze"

    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="graphs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=200)
    source = models.CharField(max_length=16, choices=GraphSource.choices, default=GraphSource.BUILT)
    source_file_name = models.CharField(max_length=255, blank=True, default="")
    source_format = models.CharField(max_length=16, blank=True, default="")
    edge_kinds = models.JSONField(default=list, blank=True)
    window_start = models.DateTimeField(null=True, blank=True)
    window_end = models.DateTimeField(null=True, blank=True)
    directed = models.BooleanField(default=True)
    resolution = models.FloatField(default=1.0)
    backend = models.CharField(max_length=16, blank=True, default="")
    node_count = models.PositiveIntegerField(default=0)
    edge_count = models.PositiveIntegerField(default=0)
    community_count = models.PositiveIntegerField(default=0)
    modularity = models.FloatField(null=True, blank=True)
    summary = models.JSONField(
        default=dict, blank=True, help_text="top accounts, communities, bridges, viral hashtags, timings"
    )
    edges_blob = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organization", "-created_at"])]

    def __str__(self) -> str:
        return self.name


class GraphNode(models.Model):
    snapshot = models.ForeignKey(GraphSnapshot, on_delete=models.CASCADE, related_name="nodes")
    index = models.PositiveIntegerField(help_text="Position in the snapshot's edge blob.")
    key = models.CharField(max_length=255, help_text="Profile id for built graphs, the file's node id otherwise.")
    label = models.CharField(max_length=255, blank=True, default="")
    profile = models.ForeignKey("profiles.Profile", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    community = models.IntegerField(default=0)
    pagerank = models.FloatField(default=0.0)
    in_strength = models.FloatField(default=0.0)
    out_strength = models.FloatField(default=0.0)
    degree = models.PositiveIntegerField(default=0)
    betweenness = models.FloatField(null=True, blank=True)
    participation = models.FloatField(default=0.0)
    hashtags = models.JSONField(default=list, blank=True, help_text="The account's top hashtags in the window.")
    x = models.FloatField(null=True, blank=True, help_text="Layout position; set for the explorer's subgraph only.")
    y = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["snapshot", "-pagerank", "index"]
        constraints = [models.UniqueConstraint(fields=["snapshot", "index"], name="network_node_index")]
        indexes = [
            models.Index(fields=["snapshot", "-pagerank"]),
            models.Index(fields=["snapshot", "community"]),
            models.Index(fields=["snapshot", "key"]),
        ]

    def __str__(self) -> str:
        return self.label or self.key

    @property
    def in_view(self) -> bool:
        return self.x is not None
