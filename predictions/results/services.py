"""Writes of campaign results: creator fees, the agency's EMV rates and read-only share links of a report.

Share-link URLs carry `signing.dumps([link id, secret])` under a purpose-specific salt: a token made for anything
else (an approval link, a password reset) does not even unsign here. The database keeps only the secret's SHA-256,
so a leaked database does not leak working links, and revocation and expiry live on the row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import Organization, User
from accounts.roles import Capability
from accounts.selectors import membership_require
from config.errors import ApplicationError
from predictions.campaigns.models import Campaign
from predictions.results.models import CreatorFee, EmvRates, ReportShareLink

SHARE_SALT = "predictions.results.share-link"
MAX_SHARE_DAYS = 365


def secret_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def signed_token(*, pk: int, salt: str) -> tuple[str, str]:
    """(token for the URL, digest to store)."""
    secret = secrets.token_urlsafe(24)
    return signing.dumps([pk, secret], salt=salt, compress=False), secret_digest(secret)


def token_unsign(token: str, *, salt: str) -> tuple[int, str] | None:
    """(row id, secret) of a token made under `salt`, or None for anything else."""
    try:
        value = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int) and isinstance(value[1], str)):
        return None
    return value[0], value[1]


def digest_matches(secret: str, digest: str) -> bool:
    return hmac.compare_digest(secret_digest(secret), digest)


def _decimal(value: Any, *, field: str) -> Decimal:
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError) as exc:
        raise ApplicationError(f"{value!r} is not an amount.", field=field) from exc
    if not amount.is_finite() or amount < 0:
        raise ApplicationError("Amounts cannot be negative.", field=field)
    if amount >= Decimal("1e10"):
        raise ApplicationError("That amount is too large.", field=field)
    return amount


# --- money -----------------------------------------------------------------------------------------------------


@transaction.atomic
def creator_fee_set(*, user: User, campaign: Campaign, influencer: User, amount: Any) -> CreatorFee | None:
    """Set (or with an empty amount, clear) what the agency pays this creator for the campaign."""
    membership_require(user=user, organization=campaign.organization_id, capability=Capability.MANAGE_DATA)
    if (
        not campaign.influencers.filter(pk=influencer.pk).exists()
        and not campaign.submissions.filter(influencer=influencer).exists()
    ):
        raise ApplicationError(f"{influencer} is not a creator of this campaign.", field="influencer")
    if amount is None or str(amount).strip() == "":
        CreatorFee.objects.filter(campaign=campaign, influencer=influencer).delete()
        return None
    fee, _ = CreatorFee.objects.update_or_create(
        campaign=campaign,
        influencer=influencer,
        defaults={"amount": _decimal(amount, field="amount").quantize(Decimal("0.01")), "updated_by": user},
    )
    return fee


@transaction.atomic
def emv_rates_set(
    *, user: User, organization: Organization, currency: str, like: Any, comment: Any, view: Any, share: Any
) -> EmvRates:
    membership_require(user=user, organization=organization, capability=Capability.MANAGE_DATA)
    currency = (currency or "").strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        raise ApplicationError("Currency is a three-letter code such as EUR or USD.", field="currency")
    values = {
        name: _decimal(value, field=name)
        for name, value in (("like", like), ("comment", comment), ("view", view), ("share", share))
    }
    rates, _ = EmvRates.objects.update_or_create(
        organization=organization, defaults={"currency": currency, "updated_by": user, **values}
    )
    return rates


# --- share links -----------------------------------------------------------------------------------------------


def share_link_create(
    *, user: User, campaign: Campaign, days: int = 30, label: str = ""
) -> tuple[ReportShareLink, str]:
    """A new read-only link for the brand; returns the row and the token (shown once, never stored)."""
    membership_require(user=user, organization=campaign.organization_id, capability=Capability.MANAGE_DATA)
    if not 1 <= days <= MAX_SHARE_DAYS:
        raise ApplicationError(f"A share link lasts between 1 and {MAX_SHARE_DAYS} days.", field="days")
    with transaction.atomic():
        link = ReportShareLink.objects.create(
            campaign=campaign,
            label=label.strip()[:120],
            created_by=user,
            secret_digest=secrets.token_hex(32),
            expires_at=timezone.now() + dt.timedelta(days=days),
        )
        token, digest = signed_token(pk=link.pk, salt=SHARE_SALT)
        ReportShareLink.objects.filter(pk=link.pk).update(secret_digest=digest)
        link.secret_digest = digest
    return link, token


def share_link_revoke(*, user: User, link: ReportShareLink) -> ReportShareLink:
    membership_require(user=user, organization=link.campaign.organization_id, capability=Capability.MANAGE_DATA)
    if link.revoked_at is None:
        ReportShareLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_by=user
        )
        link.refresh_from_db()
    return link


class LinkUnusable(ApplicationError):
    """A link that exists but no longer works: the page says why (revoked, expired, decided)."""

    status_code = 410
    code = "link_gone"


def share_link_open(*, token: str) -> ReportShareLink:
    """The share link a token names, if it still works; counts the opening. Unknown tokens are a plain 404."""
    from django.http import Http404

    parsed = token_unsign(token, salt=SHARE_SALT)
    if parsed is None:
        raise Http404("No such report link.")
    link = ReportShareLink.objects.select_related("campaign", "campaign__organization").filter(pk=parsed[0]).first()
    if link is None or not digest_matches(parsed[1], link.secret_digest):
        raise Http404("No such report link.")
    if link.revoked_at is not None:
        raise LinkUnusable("This report link was revoked by the agency. Ask them for a new one.")
    if link.expires_at <= timezone.now():
        raise LinkUnusable(f"This report link expired on {link.expires_at:%d %b %Y}. Ask the agency for a new one.")
    ReportShareLink.objects.filter(pk=link.pk).update(last_opened_at=timezone.now(), open_count=F("open_count") + 1)
    return link


def share_url(token: str) -> str:
    from django.urls import reverse

    return settings.SITE_URL.rstrip("/") + reverse("brand:report", args=[token])
