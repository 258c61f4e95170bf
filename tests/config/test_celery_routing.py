from __future__ import annotations

import pytest

from config.celery import app


@pytest.mark.parametrize(
    ("task_name", "queue"),
    [
        ("accounts.tasks.send_invitation_email", "default"),
        ("profiles.tasks.fetch_job", "fetch"),
        ("network.tasks.graph_snapshot_analyze", "ml"),
        ("predictions.audits.tasks.audit_run", "ml"),
        ("predictions.campaigns.tasks.score_submission_version", "ml"),
    ],
)
def test_tasks_are_routed_to_their_named_queue_only(task_name, queue):
    route = app.amqp.router.route({}, task_name)
    assert route["queue"].name == queue
    named = [app.amqp.queues[name] for name in ("default", "fetch", "ml")]
    # One binding per queue: a message routed to one queue cannot match another queue's binding.
    assert len({(q.exchange.name, q.routing_key) for q in named}) == 3
    assert (route["queue"].exchange.name, route["queue"].routing_key) == (queue, queue)


def test_every_task_is_registered_under_its_module_path():
    app.loader.import_default_modules()
    ours = {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}
    assert len(ours) >= 12
    assert {
        name: f"{task.__module__}.{task.__name__}"
        for name, task in ours.items()
        if name != f"{task.__module__}.{task.__name__}"
    } == {}


def test_every_beat_entry_and_route_names_a_registered_task(settings):
    app.loader.import_default_modules()
    named = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()} | set(settings.CELERY_TASK_ROUTES)
    assert len(named) >= 10
    assert sorted(named - set(app.tasks)) == []
