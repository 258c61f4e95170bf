"""Splits the TikTok account set (SOURCE.md) into train.csv (80%) and test.csv (20%), stratified by label with a fixed
seed: the authenticity model trains on train.csv only, and test.csv measures it on accounts it never saw.

    python ml/datasets/tiktok-fake-accounts/build.py /path/to/tiktok_accounts.csv"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 42
TEST_SHARE = 0.2


def main(source: Path) -> None:
    with source.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames or [], list(reader)
    rng = random.Random(SEED)
    test: list[dict[str, str]] = []
    train: list[dict[str, str]] = []
    for label in sorted({row["fake"] for row in rows}):
        group = [row for row in rows if row["fake"] == label]
        rng.shuffle(group)
        cut = round(len(group) * TEST_SHARE)
        test += group[:cut]
        train += group[cut:]
    for name, part in (("train.csv", train), ("test.csv", test)):
        with (HERE / name).open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, header)
            writer.writeheader()
            writer.writerows(sorted(part, key=lambda row: row["uniqueId"]))
        print(f"{name}: {len(part)} accounts, {sum(row['fake'] == 'True' for row in part)} fake")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
