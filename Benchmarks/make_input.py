#!/usr/bin/env python3
"""Write a benchmark input built from the corpus' paragraphs.

usage: make_input.py VARIANT SIZE_BYTES OUT CORPUS_FILE...

A paragraph is a non-blank line of a corpus file (the scrapes put one paragraph
per line). The pool of paragraphs is shuffled with random.Random(42), written
one per line, and shuffled again whenever it runs out, until the output reaches
SIZE_BYTES (it stops at the first paragraph boundary at or past that size).
The same corpus and arguments always give the same bytes.

Variants (the pool is filtered, then the paragraphs are transformed):
  mixed     every paragraph, unchanged: the corpus' mix of en/ru/pt
  nfd       every paragraph in NFD, so that NFC has work to do
  russian   only paragraphs with Cyrillic letters
  compat    every paragraph with compatibility characters sprinkled in (ligatures
            fi fl, full-width digits, superscripts, circled digits, NBSP, TM, ...,
            chosen with their own random.Random(42)), so that NFKC has work to do
  cyrillic  pseudo-Russian: the paragraphs without Cyrillic letters written in
            Cyrillic by `verbatim translit --scheme reverse_latin`, plus the
            corpus' real Russian paragraphs as they are. Needs the verbatim
            binary: $VERBATIM_BIN, else $VERBATIM, else the release build of the
            package (`swift build -c release --show-bin-path`).
  cyrillic_vocab
            the cyrillic text with every Cyrillic word drawn by Zipf's law from
            200,000 made-up forms, so that 10 MB holds as many distinct words as
            real Russian text (the corpus alone has a few thousand)
  oneline   the mixed text with every line feed replaced by a space: one line
            (for Benchmarks/linear_time)
"""
import itertools
import os
import random
import re
import subprocess
import sys
import unicodedata

CYRILLIC = re.compile("[\u0400-\u04ff]")


def each(f):
    return lambda ps: [f(p) for p in ps]


# --- compat: compatibility characters, so that NFKC has work ------------------

FULLWIDTH_DIGITS = {str(d): chr(0xFF10 + d) for d in range(10)}
# Inserted after a word: each has an NFKC decomposition.
COMPAT_MARKS = ["\u2122", "\u2460", "\u2461", "\u2462", "\u00b2", "\u00b3", "\u00b9",
                "\u00bd", "\u2026", "\u2160", "\u33a1", "\u00aa"]
#                 ™         ①         ②         ③         ²         ³         ¹
#                 ½         …         Ⅰ         ㎡         ª
COMPAT_SPOTS = re.compile("fi|fl|[0-9]| ")


def compat(paragraphs):
    rng = random.Random(42)

    def sprinkle(m):
        s = m.group(0)
        if s == "fi":
            return "\ufb01" if rng.random() < 0.5 else s      # ﬁ
        if s == "fl":
            return "\ufb02" if rng.random() < 0.5 else s      # ﬂ
        if s in FULLWIDTH_DIGITS:
            return FULLWIDTH_DIGITS[s] if rng.random() < 0.3 else s
        r = rng.random()                                       # a space
        if r < 0.03:
            return "\u00a0"                                    # NBSP
        if r < 0.05:
            return rng.choice(COMPAT_MARKS) + " "
        return s

    return [COMPAT_SPOTS.sub(sprinkle, p) for p in paragraphs]


# --- cyrillic: pseudo-Russian from the Latin paragraphs -----------------------

def verbatim_binary():
    for var in ("VERBATIM_BIN", "VERBATIM"):
        if os.environ.get(var):
            return os.environ[var]
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--package-path", repo, "--show-bin-path"],
                              check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "verbatim")


def cyrillic(paragraphs):
    latin = [p for p in paragraphs if not CYRILLIC.search(p)]
    done = subprocess.run([verbatim_binary(), "translit", "--scheme", "reverse_latin"],
                          input="\n".join(latin) + "\n", check=True, capture_output=True,
                          encoding="utf-8").stdout
    converted = done.split("\n")[:-1]
    if len(converted) != len(latin):
        sys.exit(f"make_input.py: reverse_latin gave {len(converted)} lines for {len(latin)}")
    it = iter(converted)
    return [p if CYRILLIC.search(p) else next(it) for p in paragraphs]


# --- cyrillic_vocab: a realistic vocabulary size ---------------------------------

CYRILLIC_WORD = re.compile("[\u0400-\u04ff]+")
LOWER_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def cyrillic_vocab(paragraphs):
    """The cyrillic variant with every Cyrillic word replaced by one drawn from a vocabulary
    of 200,000 forms (each base word plus a random ending of 1-3 letters) by Zipf's law, so
    that 10 MB holds about as many distinct words as real Russian text of that size, not the
    few thousand of the corpus."""
    base = cyrillic(paragraphs)
    rng = random.Random(42)
    stems = sorted({w.lower() for p in base for w in CYRILLIC_WORD.findall(p)})
    vocab = [rng.choice(stems) + "".join(rng.choice(LOWER_CYRILLIC) for _ in range(rng.randint(1, 3)))
             for _ in range(200_000)]
    cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(vocab) + 1)))
    out = []
    for p in base * 200:
        words = iter(rng.choices(vocab, cum_weights=cumulative, k=len(CYRILLIC_WORD.findall(p))))
        out.append(CYRILLIC_WORD.sub(lambda m: next(words) if m.group(0).islower() else next(words).capitalize(), p))
    return out


VARIANTS = {
    # name: (keep paragraph?, transform the list of kept paragraphs)
    "mixed": (lambda p: True, lambda ps: ps),
    "nfd": (lambda p: True, each(lambda p: unicodedata.normalize("NFD", p))),
    "russian": (lambda p: CYRILLIC.search(p) is not None, lambda ps: ps),
    "compat": (lambda p: True, compat),
    "cyrillic": (lambda p: True, cyrillic),
    "cyrillic_vocab": (lambda p: True, cyrillic_vocab),
    "oneline": (lambda p: True, lambda ps: ps),
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
    variant = sys.argv[1]
    keep, transform = VARIANTS[variant]
    size = int(sys.argv[2])
    out_path = sys.argv[3]
    end = b" " if variant == "oneline" else b"\n"

    pool = [p.encode("utf-8") + end for p in transform([p for p in paragraphs(sys.argv[4:]) if keep(p)])]
    if not pool:
        sys.exit(f"make_input.py: no paragraphs for variant {variant!r} in the corpus")

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
