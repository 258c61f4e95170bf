from __future__ import annotations

from celery import shared_task

from network import services


@shared_task(name="network.tasks.graph_snapshot_analyze", acks_late=True)
def graph_snapshot_analyze(snapshot_id: int) -> None:
    """Idempotent: the claim inside the service makes a redelivered message a no-op."""
    services.graph_snapshot_analyze(snapshot_id=snapshot_id)
