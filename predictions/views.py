from __future__ import annotations

# Campaign pages live in predictions/campaigns/views.py; this name stays for the `predictions:campaign_list` route.
from predictions.campaigns.views import campaign_list  # noqa: F401
