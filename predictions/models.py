"""Predictions hold two features that grow apart: campaign content review (campaigns.py) and follower audits
(audits.py). This module only re-exports their models so Django finds them."""
from __future__ import annotations

from predictions.audit_models import *  # noqa: F401,F403
from predictions.campaign_models import *  # noqa: F401,F403
