"""Campaign results are measured on campaigns made through the content-review workflow: the same cast and campaign
as the campaign tests (tests/predictions/campaigns/conftest.py), named here so pytest finds them for this folder."""

from __future__ import annotations

from tests.predictions.campaigns.conftest import (  # noqa: F401
    campaign,
    ivy,
    ivy_profile,
    like_model,
    make_submission,
    media_root,
    planned_at,
    rey,
    ria,
)
