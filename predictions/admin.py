from __future__ import annotations

# --- campaign content review (predictions.campaigns) ---
import predictions.campaigns.admin  # noqa: F401,E402
