#!/usr/bin/env python3
"""Build language-ID evaluation TSVs of short social texts (tweets) from public
GitHub repositories fetched as bare git mirrors.  Python 3 stdlib only.

Sources (see SOURCE.md for licences / provenance):
  LABELS  mitjat/langid_eval @152cd099  recall_oriented.tsv, uniformly_sampled.tsv
          (Twitter's 2015 language-annotated tweet-ID sets, CC0)
  TEXT    DOOMinikThunder/NNLangID  -- historic blobs of original_splitted/*.csv
          (same tweet IDs hydrated by the Twitter API in 2017/18; "id;text;lang")
  HELDOUT joemzhao/tweets-retriever @03636bf5  retrieved_dataset/<iso3>.txt
          (hydrated tweets of Mozetic et al. 2016, 15 European languages)

Outputs (lang<TAB>text, UTF-8, header line):
  content-language.tsv                      Twitter recall-oriented gold set
  content-language-heldout.tsv              Mozetic et al. tweets (different source)
  content-language-heldout-twitter-uniform.tsv
                                            Twitter uniformly-sampled gold set,
                                            tweet IDs disjoint from the main file

Usage:
  python3 build.py [--mirrors /work/.mirror] [--out /tmp/langdata] [--seed 20240601] [--cap 400]
"""

import argparse
import collections
import csv
import io
import os
import random
import re
import subprocess
import sys

csv.field_size_limit(1 << 26)

LANGID_EVAL = "mitjat+langid_eval"
LANGID_EVAL_COMMIT = "152cd099f5eff5af47502e1d056d2004c445ad2a"

NNLANGID = "DOOMinikThunder+NNLangID"
# (commit, path) of the marker-free historic blobs that together hold the text
# of every hydrated tweet in that repo (55,102 IDs); chosen greedily.
NNLANGID_BLOBS = [
    (
        "e8306119590ca84d955bf0339e1cd76f3511a215",
        "LanguageIdentification/data/input_data/original_splitted/test.csv",
    ),  # 2e7db46
    (
        "e8306119590ca84d955bf0339e1cd76f3511a215",
        "LanguageIdentification/data/input_data/original_splitted/validation.csv",
    ),  # ddeefbc
    (
        "fdf3572e6e52368faccc90e1bc0aaa4e32b371cc",
        "LanguageIdentification/data/input_data/original_splitted/test.csv",
    ),  # 91cd0fa
    (
        "fdf3572e6e52368faccc90e1bc0aaa4e32b371cc",
        "LanguageIdentification/data/input_data/original_splitted/validation.csv",
    ),  # f12a471
    (
        "e774f878d82863948c2769ba2e0025a5e80cec69",
        "LanguageIdentification/data/input_data/original_splitted/test.csv",
    ),  # c94f799
    (
        "e774f878d82863948c2769ba2e0025a5e80cec69",
        "LanguageIdentification/data/input_data/original_splitted/validation.csv",
    ),  # 4e1dc83
    (
        "57070ea8b130b7c1352f1a9cf87aa5b974e38472",
        "LanguageIdentification/data/input_data/original_splitted/validation.csv",
    ),  # 66bca9d
    (
        "57070ea8b130b7c1352f1a9cf87aa5b974e38472",
        "LanguageIdentification/data/input_data/original_splitted/test.csv",
    ),  # c041b4d
    (
        "08ccb469211996318398184def863c93a7e1f883",
        "LanguageIdentification/data/input_data/testing/test_recall_de_en_es.csv",
    ),  # 3ef3e65
]

RETRIEVER = "joemzhao+tweets-retriever"
RETRIEVER_COMMIT = "03636bf528ffe70decb989ae9b0d03b708ab6e0c"
ISO3_TO_1 = {
    "sqi": "sq",
    "bos": "bs",
    "bul": "bg",
    "hrv": "hr",
    "eng": "en",
    "deu": "de",
    "hun": "hu",
    "pol": "pl",
    "por": "pt",
    "rus": "ru",
    "srp": "sr",
    "slk": "sk",
    "slv": "sl",
    "spa": "es",
    "swe": "sv",
}

# Twitter label -> ISO 639-1.  Labels not listed here (und, hi-Latn, ckb,
# *_LATN romanised variants, ...) are dropped.
TWITTER_MAP = {"zh-CN": "zh", "zh-TW": "zh"}
ISO1 = re.compile(r"^[a-z]{2}$")

MIN_PER_LANG = 50


def git_dir(mirrors, name):
    base = os.path.join(mirrors, name, "repo")
    dot = os.path.join(base, ".git")
    return dot if os.path.isdir(dot) else base


def git_show(gdir, spec):
    out = subprocess.run(["git", "--git-dir", gdir, "show", spec], capture_output=True, check=True).stdout
    return out.decode("utf-8")


def iso1(label):
    label = TWITTER_MAP.get(label, label)
    return label if ISO1.match(label) else None


def flat(text):
    return re.sub(r"[\t\r\n\u2028\u2029\x0b\x0c\x85]", " ", text)


def load_gold(gdir):
    gold = {}  # tweet id -> {set name: label}
    for name in ("recall_oriented", "uniformly_sampled"):
        for line in git_show(gdir, "%s:%s.tsv" % (LANGID_EVAL_COMMIT, name)).splitlines():
            if line.strip():
                label, tid = line.split("\t")
                gold.setdefault(tid.strip(), {})[name] = label.strip()
    return gold


def load_nnlangid_texts(gdir, gold):
    texts, rejected = {}, 0
    for commit, path in NNLANGID_BLOBS:
        data = git_show(gdir, "%s:%s" % (commit, path)).lstrip("\ufeff")
        for row in csv.reader(io.StringIO(data, newline=""), delimiter=";"):
            if len(row) != 3 or not row[0].isdigit() or row[0] not in gold:
                rejected += 1
                continue
            tid, text, label = row
            if label not in gold[tid].values():  # must agree with the gold file
                rejected += 1
                continue
            texts.setdefault(tid, text)
    return texts, rejected


def load_retriever(gdir):
    start = re.compile(r"^(\d{6,20})\t(Positive|Negative|Neutral)\t\\?(.*)$")
    out = []  # (lang, tweet id, text)
    for iso3, lang in sorted(ISO3_TO_1.items()):
        data = git_show(gdir, "%s:retrieved_dataset/%s.txt" % (RETRIEVER_COMMIT, iso3))
        cur = None
        for line in data.split("\n"):
            m = start.match(line)
            if m:
                if cur:
                    out.append(cur)
                # the retriever wrote "\{text}" (py2 format string): drop that one backslash
                cur = [lang, m.group(1), m.group(3)]
            elif cur is not None:
                cur[2] += "\n" + line  # tweet text spanning several lines
        if cur:
            out.append(cur)
    return [(l, t, x.rstrip("\n")) for l, t, x in out]


def sample(pool, cap, seed, exclude_texts=()):
    """pool: {lang: [(tweet id, text)]}. Dedupe exact texts, drop small langs,
    sample <= cap per language with a per-language RNG."""
    result = {}
    for lang in sorted(pool):
        seen, items = set(exclude_texts), []
        for tid, text in sorted(pool[lang], key=lambda x: int(x[0])):
            key = flat(text).strip()
            if not key or key in seen:
                continue
            seen.add(key)
            items.append((tid, flat(text)))
        if len(items) < MIN_PER_LANG:
            continue
        rng = random.Random("%s:%s" % (seed, lang))
        result[lang] = rng.sample(items, min(cap, len(items)))
    return result


def write(path, picked):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("lang\ttext\n")
        for lang in sorted(picked):
            for _tid, text in picked[lang]:
                f.write("%s\t%s\n" % (lang, text))
    return {lang: len(v) for lang, v in picked.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirrors", default="/work/.mirror")
    ap.add_argument("--out", default="/tmp/langdata")
    ap.add_argument("--seed", default="20240601")
    ap.add_argument("--cap", type=int, default=400)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)

    gold = load_gold(git_dir(a.mirrors, LANGID_EVAL))
    texts, rejected = load_nnlangid_texts(git_dir(a.mirrors, NNLANGID), gold)
    print("gold ids %d, hydrated texts %d, rejected rows %d" % (len(gold), len(texts), rejected), file=sys.stderr)

    main_pool, uni_pool = collections.defaultdict(list), collections.defaultdict(list)
    for tid, text in texts.items():
        labels = gold[tid]
        if len(set(labels.values())) > 1:
            continue  # the two gold files disagree: drop
        lang = iso1(next(iter(labels.values())))
        if lang is None:
            continue
        if "recall_oriented" in labels:
            main_pool[lang].append((tid, text))
        else:
            uni_pool[lang].append((tid, text))

    main_pick = sample(main_pool, a.cap, a.seed)
    main_texts = {t for v in main_pick.values() for _, t in v}
    counts = {"content-language.tsv": write(os.path.join(a.out, "content-language.tsv"), main_pick)}

    uni_pick = sample(uni_pool, a.cap, a.seed, exclude_texts=main_texts)
    counts["content-language-heldout-twitter-uniform.tsv"] = write(
        os.path.join(a.out, "content-language-heldout-twitter-uniform.tsv"), uni_pick
    )

    moz_pool = collections.defaultdict(list)
    for lang, tid, text in load_retriever(git_dir(a.mirrors, RETRIEVER)):
        if tid not in gold:  # keep it disjoint from the Twitter gold sets
            moz_pool[lang].append((tid, text))
    moz_pick = sample(moz_pool, a.cap, a.seed, exclude_texts=main_texts)
    counts["content-language-heldout.tsv"] = write(os.path.join(a.out, "content-language-heldout.tsv"), moz_pick)

    for name, c in counts.items():
        print("%s: %d texts, %d languages" % (name, sum(c.values()), len(c)))
        print("  " + " ".join("%s=%d" % kv for kv in sorted(c.items())))


if __name__ == "__main__":
    main()
