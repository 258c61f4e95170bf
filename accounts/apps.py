from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Accounts and agencies"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from accounts.models import Membership
        from accounts.selectors import membership_memo_clear

        post_save.connect(membership_memo_clear, sender=Membership, dispatch_uid="membership-memo-save")
        post_delete.connect(membership_memo_clear, sender=Membership, dispatch_uid="membership-memo-delete")
