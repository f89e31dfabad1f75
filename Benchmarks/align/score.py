#!/usr/bin/env python3
"""Precision, recall and boundary error of a link file against planted truth.

usage: score.py [--json] COLLECTION_DIR LINKS.jsonl

COLLECTION_DIR is what make_planted.py wrote (docs/, truth.jsonl, negatives.jsonl,
layout.jsonl). LINKS.jsonl holds one link per line, {"a": {"doc", "start", "end"},
"b": {...}, ...}, as `verbatim align --json docs/` and peers/align_datasketch.py print
them (doc relative to docs/, Unicode scalar offsets, end-exclusive).

How a link is judged, in this order:
  planted    both of its spans overlap the two spans of one planted pair (in either
             order, in the right documents): a true positive;
  template   both spans overlap the two places of one hard negative (one template,
             different facts): a false positive;
  chrome     half or more of either span is site-chrome lines: a false positive;
  repeat     the two spans share a run of at least 10 words (NFKC, case-folded \\w+ words):
             another repeat that really is in the text (the generator makes filler that
             does not repeat, but a corpus sentence may still recur by chance): counted
             as correct, neither true positive of a pair nor error;
  unrelated  anything else: a false positive.
Several links may match one planted pair (a passage split in two paragraphs gives a
paragraph-level tool two links): each counts as correct.

precision = (planted + repeat links) / all links (1.0 when there are no links);
recall    = planted pairs matched by at least one link / planted pairs;
boundary error: for each matched pair, the link overlapping it most; the four distances
in characters between its starts and ends and the pair's; the median over all of them.
Recall is also given by edit and by placement (own paragraph or mid-paragraph).

Prints a summary to stdout; with --json one JSON object instead.
"""
import argparse
import collections
import json
import os
import re
import statistics
import sys
import unicodedata

WORD = re.compile(r"\w+")
RUN = 10


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def overlap(x, y):
    return max(0, min(x["end"], y["end"]) - max(x["start"], y["start"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("collection")
    ap.add_argument("links")
    args = ap.parse_args()
    truth = load(os.path.join(args.collection, "truth.jsonl"))
    negatives = load(os.path.join(args.collection, "negatives.jsonl"))
    chrome = {r["doc"]: r["chrome"] for r in load(os.path.join(args.collection, "layout.jsonl"))}
    links = load(args.links)

    def index(records):
        by_docs = collections.defaultdict(list)
        for r in records:
            by_docs[frozenset((r["a"]["doc"], r["b"]["doc"]))].append(r)
        return by_docs

    truth_by_docs, negatives_by_docs = index(truth), index(negatives)

    def best(link, by_docs):
        """The record whose spans both overlap the link's, with the largest overlap, and the orientation."""
        found, most = None, 0
        for r in by_docs.get(frozenset((link["a"]["doc"], link["b"]["doc"])), ()):
            for x, y, flip in ((r["a"], r["b"], False), (r["b"], r["a"], True)):
                if x["doc"] != link["a"]["doc"] or y["doc"] != link["b"]["doc"]:
                    continue
                ox, oy = overlap(link["a"], x), overlap(link["b"], y)
                if ox > 0 and oy > 0 and ox + oy > most:
                    found, most = (r, flip), ox + oy
        return found

    texts = {}

    def words(span):
        doc = span["doc"]
        if doc not in texts:
            with open(os.path.join(args.collection, "docs", doc), encoding="utf-8", newline="") as f:
                texts[doc] = f.read()
        return WORD.findall(unicodedata.normalize("NFKC", texts[doc][span["start"]:span["end"]]).casefold())

    def shares_run(a, b):
        wa, wb = words(a), words(b)
        runs = {tuple(wa[i:i + RUN]) for i in range(len(wa) - RUN + 1)}
        return any(tuple(wb[i:i + RUN]) in runs for i in range(len(wb) - RUN + 1))

    def in_chrome(span):
        covered = sum(overlap(span, {"start": s, "end": e}) for s, e in chrome.get(span["doc"], ()))
        return covered * 2 >= max(1, span["end"] - span["start"])

    verdicts = collections.Counter()
    matched = {}   # pair -> (overlap, link, flip)
    for link in links:
        hit = best(link, truth_by_docs)
        if hit:
            verdicts["planted"] += 1
            r, flip = hit
            x, y = (r["b"], r["a"]) if flip else (r["a"], r["b"])
            size = overlap(link["a"], x) + overlap(link["b"], y)
            if r["pair"] not in matched or size > matched[r["pair"]][0]:
                matched[r["pair"]] = (size, link, flip)
        elif best(link, negatives_by_docs):
            verdicts["template"] += 1
        elif in_chrome(link["a"]) or in_chrome(link["b"]):
            verdicts["chrome"] += 1
        elif shares_run(link["a"], link["b"]):
            verdicts["repeat"] += 1
        else:
            verdicts["unrelated"] += 1

    errors = []
    for r in truth:
        if r["pair"] in matched:
            _, link, flip = matched[r["pair"]]
            x, y = (r["b"], r["a"]) if flip else (r["a"], r["b"])
            errors += [abs(link["a"]["start"] - x["start"]), abs(link["a"]["end"] - x["end"]),
                       abs(link["b"]["start"] - y["start"]), abs(link["b"]["end"] - y["end"])]

    def recall_by(field):
        total, found = collections.Counter(), collections.Counter()
        for r in truth:
            values = r[field] if isinstance(r[field], list) else [r[field]]
            value = "+".join(sorted(set(values))) if field == "placement" else values[0]
            total[value] += 1
            found[value] += r["pair"] in matched
        return {k: round(found[k] / total[k], 3) for k in sorted(total)}

    n = len(links)
    result = {
        "links": n,
        "precision": round((verdicts["planted"] + verdicts["repeat"]) / n, 4) if n else 1.0,
        "recall": round(len(matched) / len(truth), 4) if truth else 1.0,
        "median_boundary_error": statistics.median(errors) if errors else None,
        "pairs": len(truth),
        "pairs_found": len(matched),
        "verdicts": {k: verdicts[k] for k in ("planted", "repeat", "template", "chrome", "unrelated")},
        "recall_by_edit": recall_by("edit"),
        "recall_by_placement": recall_by("placement"),
        "recall_by_script": recall_by("script"),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k}: {v}")


if __name__ == "__main__":
    main()
