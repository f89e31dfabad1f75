#!/usr/bin/env python3
"""Peer of `verbatim align --json`: paragraph-level MinHash LSH with datasketch.

usage: align_datasketch.py [--threshold T] [--num-perm N] [--shingle K] [--min-words W] PATH...

What a user would write to find repeated passages in a folder of scraped transcripts:
every line of every file (the scrapes put one paragraph per line) is a paragraph; its
words (lower-cased \\w+ runs) make word K-shingles (default 5), hashed into a datasketch
MinHash of N permutations (default 128) with update_batch. Each paragraph is queried
against a MinHashLSH index (threshold T, default 0.5) of the paragraphs before it, and
then inserted (as a LeanMinHash, which datasketch recommends for storing); a candidate is kept when the estimated Jaccard similarity is at least T.
Paragraphs with fewer than W words (default 10) are skipped: they are headings, dates and
site chrome, and would pair with every other copy of themselves.

Prints one JSON line per pair of paragraphs, in the shape of `verbatim align --json`:
{"a": {"doc", "start", "end"}, "b": {...}, "score", "kind"}, where doc is the path
relative to the directory given (or the file as given), start/end are Unicode scalar
offsets of the paragraph's text without its surrounding spaces (Python str indices,
end-exclusive), score is the estimated Jaccard similarity and kind is "exact" when it is
1.0, else "near".
"""
import argparse
import json
import os
import re
import sys

from datasketch import LeanMinHash, MinHash, MinHashLSH

LINE = re.compile(r"[^\n]+")
WORD = re.compile(r"\w+")


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in names:
                    full = os.path.join(root, name)
                    found.append((os.path.relpath(full, path), full))
            yield from sorted(found)
        else:
            yield path, path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--shingle", type=int, default=5)
    ap.add_argument("--min-words", type=int, default=10)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()

    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.num_perm)
    hashes = {}
    spans = []   # key -> (doc, start, end)
    out = sys.stdout
    k = args.shingle
    for name, path in files(args.paths):
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            text = f.read()
        for m in LINE.finditer(text):
            line = m.group(0)
            stripped = line.strip()
            if not stripped:
                continue
            words = WORD.findall(stripped.lower())
            if len(words) < max(args.min_words, k):
                continue
            start = m.start() + (len(line) - len(line.lstrip()))
            end = start + len(stripped)
            shingles = {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}
            mh = MinHash(num_perm=args.num_perm)
            mh.update_batch(list(shingles))
            key = len(spans)
            spans.append((name, start, end))
            for other in lsh.query(mh):
                score = mh.jaccard(hashes[other])
                if score < args.threshold:
                    continue
                a, b = spans[other], spans[key]
                out.write(json.dumps({"a": {"doc": a[0], "start": a[1], "end": a[2]},
                                      "b": {"doc": b[0], "start": b[1], "end": b[2]},
                                      "score": round(score, 3), "kind": "exact" if score == 1.0 else "near"},
                                     ensure_ascii=False) + "\n")
            lean = LeanMinHash(mh)   # without the permutations: a third of the memory
            lsh.insert(key, lean)
            hashes[key] = lean


if __name__ == "__main__":
    main()
