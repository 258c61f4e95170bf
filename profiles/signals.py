"""What profiles tells the apps above it, without importing them (they connect in their AppConfig.ready)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent once an import's (or a fetch's) transaction has committed, with `profile_ids`: the profiles whose posts were
# created or changed. discovery refreshes their niche, language and content vector.
posts_changed = Signal()
