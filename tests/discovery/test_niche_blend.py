"""The niche model's MiniLM view: trained beside the words, blended with an out-of-fold weight, saved and loaded
whole; a caller without vectors gets the words-only calibration; post vectors are cached by text."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from ml.engine.categories.model import CategoryModel, TrainSettings, pooled_embedding
from ml.engine.categories.records import CATEGORIES
from ml.engine.categories.training import cross_validate, load_labelled, train_final
from tests.discovery.test_engine import DATASET


@pytest.fixture(scope="module")
def small_set():
    """306 labelled influencers of the shipped set, 34 of each niche, with their real MiniLM vectors (about 25 s to
    embed on one core: enough to fit and blend both views, which is all these tests ask)."""
    from ml.categories import influencer_embeddings

    data = load_labelled(DATASET / "posts.jsonl.gz", DATASET / "influencers.tsv")
    keep, taken = [], Counter()
    for index, label in enumerate(data.labels):
        if taken[label] < 34:  # the first 34 of each niche: every class in every fold
            keep.append(index)
            taken[label] += 1
    data.influencers, data.labels = [data.influencers[i] for i in keep], [data.labels[i] for i in keep]
    return data, influencer_embeddings(data.influencers)


@pytest.mark.slow
def test_cross_validation_blends_the_minilm_view_and_the_final_model_keeps_it(small_set, tmp_path) -> None:
    data, embeddings = small_set
    settings = TrainSettings(max_word_features=5000, max_name_features=3000)
    cv = cross_validate(data, settings, folds=3, embeddings=embeddings)
    assert {"calibrated", "words_only", "minilm_only", "blend", "nested_blends"} <= set(cv)
    assert len(cv["nested_blends"]) == 3
    assert cv["minilm_only"]["accuracy"] > 1 / len(CATEGORIES)  # the vectors carry the niche, not noise
    model = train_final(data, settings, cv, embeddings)
    assert model.blend == cv["blend"] and model.embed_coef is not None

    model.save(tmp_path / "m", {"task": "influencer-category"})
    loaded = CategoryModel.load(tmp_path / "m")
    some = data.influencers[:40]
    assert loaded.blend == model.blend and loaded.text_temperature == pytest.approx(model.text_temperature)
    np.testing.assert_allclose(
        loaded.predict_proba(some, embeddings[:40]), model.predict_proba(some, embeddings[:40]), atol=2e-3
    )


@pytest.mark.slow
def test_rows_without_a_vector_get_the_words_only_calibration(small_set) -> None:
    data, embeddings = small_set
    shipped = sorted((DATASET.parents[1] / "artifacts").glob("influencer-category-*"))[-1]
    model = CategoryModel.load(shipped)
    assert model.reads_vectors  # the shipped model blends the MiniLM view
    some = data.influencers[:20]
    vectors = embeddings[:20].copy()
    words_only = model.predict_proba(some, words_only=True)
    blended = model.predict_proba(some, vectors)
    assert not np.allclose(words_only, blended)
    vectors[3] = 0.0  # no text to embed for this one
    mixed = model.predict_proba(some, vectors)
    np.testing.assert_allclose(mixed[3], words_only[3])
    np.testing.assert_allclose(mixed[4], blended[4])
    np.testing.assert_allclose(model.predict_proba(some), words_only)  # no vectors given at all
    assert np.allclose(blended.sum(axis=1), 1.0)


def test_pooled_embedding_ignores_posts_without_text() -> None:
    a, b = np.zeros(384, dtype=np.float32), np.zeros(384, dtype=np.float32)
    a[0], b[1] = 1.0, 1.0
    pooled = pooled_embedding(np.stack([a, np.zeros(384), b]))
    assert pooled[0] == pytest.approx(2**-0.5) and pooled[1] == pytest.approx(2**-0.5)
    assert not pooled_embedding(np.zeros((2, 384))).any()


def test_post_vectors_are_cached_by_text(tmp_path, monkeypatch) -> None:
    import ml.categories as categories
    import ml.engine.likes.text as text

    monkeypatch.setattr(categories, "CACHE_FILE", tmp_path / "vectors.npz")
    embedded: list[str] = []
    real = text.embed_captions

    def counting(captions, **kwargs):
        embedded.extend(captions)
        return real(captions, **kwargs)

    monkeypatch.setattr(text, "embed_captions", counting)
    first = categories.post_vectors(["sourdough at dawn #bread", "leg day", ""], cache=True)
    again = categories.post_vectors(["leg day", "sourdough at dawn #bread", "new one"], cache=True)
    assert embedded.count("leg day") == 1 and "new one" in embedded
    np.testing.assert_allclose(again[0], first[1], atol=1e-3)  # float16 on disk
    assert not first[2].any()
