from __future__ import annotations

import pytest

from accounts import services
from accounts.tasks import send_invitation_email
from tests.worker_fixtures import wait_for

pytestmark = pytest.mark.integration


def test_a_real_worker_process_sends_the_invitation_email(celery_worker_process, alice, agency):
    invitation = services.invitation_create(
        user=alice, organization=agency, email="newhire@example.com", role="reviewer"
    )
    # invitation_create already enqueued once (on commit) on the default queue; route a copy to our worker.
    send_invitation_email.apply_async(args=[invitation.pk], queue=celery_worker_process.queue)

    def mail_arrived() -> bool:
        return any(celery_worker_process.mail_dir.iterdir())

    wait_for(mail_arrived, timeout=60, worker=celery_worker_process, what="the invitation email")
    message = next(celery_worker_process.mail_dir.iterdir()).read_text()
    assert "newhire@example.com" in message
    assert f"/invitations/{invitation.token}/" in message
    assert "Alice Agency" in message
