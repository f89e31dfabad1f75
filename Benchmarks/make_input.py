#!/usr/bin/env python3
"""Write a benchmark input built from the corpus' paragraphs.

usage: make_input.py VARIANT SIZE_BYTES OUT CORPUS_FILE...

A paragraph is a non-blank line of a corpus file (the scrapes put one paragraph
per line). The pool of paragraphs is shuffled with random.Random(42), written
one per line, and shuffled again whenever it runs out, until the output reaches
SIZE_BYTES (it stops at the first paragraph boundary at or past that size).
The same corpus and arguments always give the same bytes.

Variants (the pool is filtered, then each paragraph is transformed):
  mixed    every paragraph, unchanged: the corpus' mix of en/ru/pt
  nfd      every paragraph in NFD, so that NFC has work to do
  russian  only paragraphs with Cyrillic letters
"""
import random
import re
import sys
import unicodedata

CYRILLIC = re.compile("[\u0400-\u04ff]")

VARIANTS = {
    "mixed": (lambda p: True, lambda p: p),
    "nfd": (lambda p: True, lambda p: unicodedata.normalize("NFD", p)),
    "russian": (lambda p: CYRILLIC.search(p) is not None, lambda p: p),
}


def paragraphs(paths):
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Sample files of broken input may sit in corpus/ too; they are not transcripts.
            print(f"make_input.py: skipping {path}: not valid UTF-8", file=sys.stderr)
            continue
        for line in text.split("\n"):
            if line.strip():
                yield line


def main():
    if len(sys.argv) < 5 or sys.argv[1] not in VARIANTS:
        sys.exit(__doc__)
    keep, transform = VARIANTS[sys.argv[1]]
    size = int(sys.argv[2])
    out_path = sys.argv[3]

    pool = [transform(p).encode("utf-8") + b"\n" for p in paragraphs(sys.argv[4:]) if keep(p)]
    if not pool:
        sys.exit(f"make_input.py: no paragraphs for variant {sys.argv[1]!r} in the corpus")

    rng = random.Random(42)
    written = 0
    with open(out_path, "wb") as out:
        while written < size:
            order = pool[:]
            rng.shuffle(order)
            for p in order:
                out.write(p)
                written += len(p)
                if written >= size:
                    break


if __name__ == "__main__":
    main()
