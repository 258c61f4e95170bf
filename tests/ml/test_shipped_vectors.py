"""The demo's post vectors ship with the code (ml/datasets/ig-influencer-posts-2019/post-vectors.npz), so seeding the
demo embeds almost nothing. These tests fail when the demo data or the encoder changes and the file was not rebuilt
(`python manage.py ship_post_vectors` after `seed_demo` on a fresh database)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from django.core.management import call_command

from ml import categories
from ml.engine.likes import text


@pytest.mark.slow
def test_the_shipped_vectors_cover_every_demo_post_and_match_the_encoder(db):
    from discovery.insights import stored_post_texts

    call_command("seed_demo", "--quiet-passwords", "--force", stdout=io.StringIO())
    texts = [t for t in stored_post_texts() if t.strip()]
    shipped = categories.shipped_vectors()
    assert len(texts) > 3000
    missing = [t for t in texts if categories.text_key(t) not in shipped]
    assert missing == [], f"{len(missing)} demo texts are not in the shipped vectors: run ship_post_vectors"
    sample = sorted(set(texts))[:: max(1, len(set(texts)) // 8)][:8]
    fresh = text.embed_captions(sample)
    stored = np.stack([shipped[categories.text_key(t)].astype(np.float32) for t in sample])
    cosine = (fresh * stored).sum(axis=1) / np.linalg.norm(stored, axis=1)
    assert cosine.min() > 0.999


def test_shipped_texts_are_not_embedded_again_and_new_ones_are(monkeypatch):
    shipped = categories.shipped_vectors()
    key, vector = next(iter(shipped.items()))
    embedded: list[list[str]] = []

    def encoder(captions, **_):
        embedded.append(list(captions))
        return np.ones((len(captions), vector.shape[0]), np.float32)

    monkeypatch.setattr(text, "embed_captions", encoder)
    monkeypatch.setattr(categories, "text_key", lambda t: key if t == "shipped caption" else f"new:{t}")
    vectors = categories.post_vectors(["shipped caption", "a caption nobody shipped", "shipped caption"])
    assert embedded == [["a caption nobody shipped"]]
    np.testing.assert_array_equal(vectors[0], vector.astype(np.float32))
    np.testing.assert_array_equal(vectors[2], vector.astype(np.float32))
    assert vectors[1].tolist() == [1.0] * vector.shape[0]


def test_vectors_from_another_encoder_are_ignored(tmp_path, monkeypatch):
    path = tmp_path / "post-vectors.npz"
    np.savez_compressed(
        path, keys=np.array([categories.text_key("hello")]), vectors=np.ones((1, 384), np.float16), encoder="other"
    )
    monkeypatch.setattr(categories, "SHIPPED_VECTORS", path)
    monkeypatch.setattr(categories, "_shipped", None)
    assert categories.shipped_vectors() == {}
    monkeypatch.setattr(categories, "_shipped", None)
    np.savez_compressed(
        path,
        keys=np.array([categories.text_key("hello")]),
        vectors=np.ones((1, 384), np.float16),
        encoder=categories.encoder_stamp(),
    )
    assert list(categories.shipped_vectors()) == [categories.text_key("hello")]
