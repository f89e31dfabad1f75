#!/usr/bin/env python3
"""Accuracy of `verbatim lang` and of lingua on the hand-labelled lines.

usage: lang_accuracy.py VERBATIM_BIN [LABELLED_TSV]

LABELLED_TSV defaults to Tests/LanguageDetectionTests/labelled_lines.tsv (`label<TAB>line`,
labels written by hand: a code, `und`, or `mixed:<code>,<code>`). Each line is identified
alone (Verbatim with --no-context), among the same nine languages on both sides. lingua
has no `und` for text with letters and gives one language per call, so a `mixed` line
counts as right for lingua when detect_multiple_languages_of finds the labelled languages
in order; the table also shows the figures without the mixed lines.

Needs lingua-language-detector (Benchmarks/run's row lang_vs_lingua installs it into
Benchmarks/.venv; run this with that python).
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lang_lingua import code, detector  # noqa: E402

LANGS = "be,de,en,es,fr,kk,pt,ru,uk"


def words(text):
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        repo, "Tests/LanguageDetectionTests/labelled_lines.tsv")
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or "\t" not in line:
                continue
            label, text = line.split("\t", 1)
            rows.append((label, text))

    run = subprocess.run([sys.argv[1], "lang", "--no-context", "--json", "--langs", LANGS],
                         input="\n".join(t for _, t in rows) + "\n", capture_output=True,
                         text=True, check=True)
    ours = []
    for record in map(json.loads, run.stdout.splitlines()):
        if record["lang"] == "mixed":
            ours.append("mixed:" + ",".join(p["lang"] for p in record["parts"]))
        else:
            ours.append(record["lang"])

    lingua = detector()
    theirs = []
    for label, text in rows:
        if label.startswith("mixed:"):
            found = [code(r.language) for r in lingua.detect_multiple_languages_of(text)]
            theirs.append("mixed:" + ",".join(found) if len(found) > 1 else
                          (found[0] if found else "und"))
        else:
            theirs.append(code(lingua.detect_language_of(text)))

    def score(found, keep):
        picked = [(label, f) for (label, text), f in zip(rows, found) if keep(label, text)]
        right = sum(1 for label, f in picked if label == f)
        return f"{right}/{len(picked)} = {100 * right / max(1, len(picked)):.1f}%"

    subsets = [
        ("all lines", lambda l, t: True),
        ("lines of 1-3 words", lambda l, t: words(t) <= 3),
        ("all lines without mixed", lambda l, t: not l.startswith("mixed")),
        ("lines of 1-3 words without und", lambda l, t: words(t) <= 3 and l != "und"),
    ]
    print("| lines | Verbatim | lingua |")
    print("|---|---:|---:|")
    for name, keep in subsets:
        print(f"| {name} | {score(ours, keep)} | {score(theirs, keep)} |")
    if "-v" in os.environ.get("LANG_ACCURACY_FLAGS", ""):
        for (label, text), a, b in zip(rows, ours, theirs):
            if a != label or b != label:
                print(f"{label}\tverbatim={a}\tlingua={b}\t{text}")


if __name__ == "__main__":
    main()
