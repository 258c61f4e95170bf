"""Analyse a graph file without touching the database.

    python manage.py analyze_graph PATH --format {edgelist,gexf,graphml} [--directed] [--top K]

The last stdout line is one JSON object: {"nodes", "edges", "communities", "modularity", "top": [...], "seconds"}.
"""

from __future__ import annotations

import json
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from network.engine import GraphFormatError, analyze, read_graph
from network.engine.analysis import BACKENDS, top_accounts
from network.engine.io import FORMATS

STAGES = ["load", "pagerank", "communities", "modularity", "bridges", "betweenness"]


class Command(BaseCommand):
    help = "Load a graph file, compute PageRank, communities and modularity, print one JSON line."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path")
        parser.add_argument("--format", choices=FORMATS, default="edgelist")
        parser.add_argument(
            "--directed",
            action="store_true",
            help="Treat edges as directed (edge lists are read undirected without it).",
        )
        parser.add_argument("--top", type=int, default=10, help="How many top accounts by PageRank to list.")
        parser.add_argument("--resolution", type=float, default=1.0, help="Louvain resolution (1.0 = standard).")
        parser.add_argument("--backend", choices=BACKENDS, default="igraph")
        parser.add_argument("--betweenness", choices=["off", "auto", "exact", "sampled"], default="off")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        bar = tqdm(total=len(STAGES), desc="analyse", unit="stage", file=self.stderr._out, leave=False)
        done: set[str] = set()

        def progress(stage: str) -> None:
            if stage not in done:
                done.add(stage)
                bar.set_postfix_str(stage)
                bar.update(1)

        progress("load")
        fmt = options["format"]
        # Edge lists carry no direction, so the flag decides; GEXF / GraphML say it themselves unless forced.
        directed = options["directed"] if fmt == "edgelist" else (True if options["directed"] else None)
        try:
            table = read_graph(options["path"], fmt=fmt, directed=directed)
        except FileNotFoundError as exc:
            raise CommandError(f"No such file: {options['path']}") from exc
        except GraphFormatError as exc:
            raise CommandError(str(exc)) from exc
        try:
            analysis = analyze(
                table,
                resolution=options["resolution"],
                backend=options["backend"],
                betweenness=options["betweenness"],
                progress=progress,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        top = [
            {
                "id": row["key"],
                "pagerank": round(row["pagerank"], 8),
                "community": row["community"],
                "in_strength": row["in_strength"],
                "out_strength": row["out_strength"],
            }
            for row in top_accounts(table, analysis, options["top"])
        ]
        bar.update(len(STAGES) - bar.n)
        bar.close()
        result = {
            "nodes": table.node_count,
            "edges": table.edge_count,
            "communities": analysis.community_count,
            "modularity": round(analysis.modularity, 6),
            "top": top,
            "seconds": round(time.perf_counter() - started, 3),
            "backend": analysis.backend,
            "directed": table.directed,
        }
        self.stdout.write(json.dumps(result))
