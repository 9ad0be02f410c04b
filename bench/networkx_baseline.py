#!/usr/bin/python3
"""The networkx baseline for bench/run: the same work as diplograph_scale's graph and GraphML
stages, done the way an analyst would in Python with Debian's python3-networkx.

Usage: bench/networkx_baseline.py EVENTS.tsv OUT.graphml
EVENTS.tsv has one event per line: source, target, code, quad, goldstein, date (from
diplograph_scale --tsv). Events are aggregated per (source, target) into count, Goldstein sum
and mean, quad class counts and first/last date, as diplograph's graph does, then written
with networkx.write_graphml. Prints "phase<TAB>seconds" lines like diplograph_scale.
"""
import sys
import time

import networkx as nx


def main(events_path, out_path):
    t0 = time.monotonic()
    edges = {}
    events = skipped = 0
    with open(events_path, encoding="utf-8") as f:
        for line in f:
            source, target, code, quad, goldstein, day = line.rstrip("\n").split("\t")
            events += 1
            if not source or not target:
                skipped += 1
                continue
            e = edges.get((source, target))
            if e is None:
                e = edges[(source, target)] = {"count": 0, "goldstein_sum": 0.0, "quad1": 0, "quad2": 0,
                                               "quad3": 0, "quad4": 0, "first_date": "", "last_date": ""}
            e["count"] += 1
            e["goldstein_sum"] += float(goldstein)
            e["quad" + quad] += 1
            if day:
                if not e["first_date"] or day < e["first_date"]:
                    e["first_date"] = day
                if day > e["last_date"]:
                    e["last_date"] = day
    g = nx.DiGraph(events_used=events - skipped, events_skipped=skipped)
    for (source, target), e in edges.items():
        e["goldstein_mean"] = e["goldstein_sum"] / e["count"]
        e["weight"] = float(e["count"])
        g.add_edge(source, target, **e)
    for n in g.nodes:
        g.nodes[n]["label"] = n
    print("graph\t%.6f" % (time.monotonic() - t0))
    t0 = time.monotonic()
    nx.write_graphml(g, out_path)
    print("graphml\t%.6f" % (time.monotonic() - t0))
    print("nodes\t%d\nedges\t%d" % (g.number_of_nodes(), g.number_of_edges()))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
