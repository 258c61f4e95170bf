"""Write the MiniLM vectors of every stored post's text to ml/datasets/ig-influencer-posts-2019/post-vectors.npz.

Run on a fresh database after `seed_demo` whenever the demo data or the encoder changes (tests/ml/
test_shipped_vectors.py says when): seeding and the tests that use the demo then read these instead of embedding
the same captions again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ml.categories import SHIPPED_VECTORS, shipped_vectors_write


class Command(BaseCommand):
    help = "Embed every stored post text (run after seed_demo on a fresh database) and ship the vectors."

    def handle(self, *args: Any, **options: Any) -> None:
        from discovery.insights import stored_post_texts

        texts = stored_post_texts()
        if not texts:
            raise CommandError("No stored posts: run `python manage.py seed_demo` on a fresh database first.")
        count = shipped_vectors_write(texts)
        size = SHIPPED_VECTORS.stat().st_size / 1e6
        self.stdout.write(f"Wrote {count} vectors ({size:.1f} MB) to {SHIPPED_VECTORS}")
