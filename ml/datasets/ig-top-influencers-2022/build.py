"""Rebuild categories.tsv from the five Instagram top-1000 lists of the "Social Media Influencers in 2022" release.

    git clone https://github.com/juancos/Multicanal-Engagement-Analysis-and-Markerting-Mix /tmp/lists
    python ml/datasets/ig-top-influencers-2022/build.py /tmp/lists

One row per Instagram handle: its Category_1 in each list it appears in (the most frequent wins; a tie goes to the
latest list), the lists it appears in, and the Category_2 values seen. Rows without a Category_1 are left out.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

# file name -> (month of the list, column index of the Instagram handle), oldest first; the list without a date in
# its name (the release's first Instagram file) is taken as the oldest.
LISTS = {
    "social media influencers - instagram.csv": ("undated", 0),
    "social media influencers-instagram june 2022 - june 2022.csv": ("2022-06", 0),
    "social media influencers - instagram sep-2022.csv": ("2022-09", 1),
    "social media influencers-instagram - -nov 2022.csv": ("2022-11", 1),
    "social media influencers-INSTAGRAM - -DEC 2022.csv": ("2022-12", 1),
}
OUT = Path(__file__).with_name("categories.tsv")


def main(folder: str) -> None:
    order = {month: k for k, (month, _) in enumerate(LISTS.values())}
    first: dict[str, list[tuple[str, str]]] = defaultdict(list)
    second: dict[str, set[str]] = defaultdict(set)
    for name, (month, handle_col) in LISTS.items():
        with (Path(folder) / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        header = [cell.strip().lower() for cell in rows[0]]
        cat1 = next(i for i, cell in enumerate(header) if re.fullmatch(r"category[_-]1", cell))
        cat2 = next((i for i, cell in enumerate(header) if re.fullmatch(r"category[_-]2", cell)), None)
        for row in rows[1:]:
            handle_name, category = row[handle_col].strip().lower().lstrip("@"), row[cat1].strip()
            if not handle_name or not category:
                continue
            first[handle_name].append((month, category))
            if cat2 is not None and row[cat2].strip():
                second[handle_name].add(row[cat2].strip())
    with OUT.open("w", encoding="utf-8", newline="") as out:
        out.write("username\tcategory\tcategory_2\tlists\n")
        for handle_name in sorted(first):
            seen = first[handle_name]
            counts = Counter(category for _, category in seen)
            latest = {category: order[month] for month, category in sorted(seen, key=lambda s: order[s[0]])}
            category = max(counts, key=lambda c: (counts[c], latest[c]))
            months = ",".join(sorted({month for month, _ in seen}, key=order.__getitem__))
            out.write(f"{handle_name}\t{category}\t{'|'.join(sorted(second[handle_name]))}\t{months}\n")
    print(f"{len(first)} handles written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
