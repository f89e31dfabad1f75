#!/usr/bin/env python3
"""Write a collection of documents with planted copies of passages, and the truth.

usage: make_planted.py [--size-mb N] [--seed S] OUT_DIR CORPUS_FILE...

OUT_DIR receives
  docs/NNNNN.txt   the documents, about 10 KB each (8-12 KB), until their total size is
                   about N MB (10^6 bytes; default 100);
  truth.jsonl      one planted pair per line: {"pair", "a": {"doc", "start", "end"},
                   "b": {...}, "edit", "placement": [a, b], "words", "source", "script"};
                   doc is the path relative to docs/, start/end are Unicode scalar offsets
                   into the document's text (Python str indices), end-exclusive;
  negatives.jsonl  hard negatives in the same shape: one template with different facts
                   (dates, places, numbers) in two places. Linking them is an error;
  layout.jsonl     per document, the spans of the site-chrome lines it was given:
                   {"doc", "chrome": [[start, end], ...]}.

The same corpus, size and seed always give the same bytes.

What a document holds: an optional "Forwarded from ..." line, a time, a title, a site id
with a date, body paragraphs, and a footer of site chrome taken from a corpus file (the
Portuguese, Russian or English footers of corpus/000, 002 and 004). Paragraphs are one per
line, separated by a blank line in half of the documents. About one document in five is
written in Cyrillic letters (English words spelled in Cyrillic by a letter table, as the
`cyrillic` input of make_input.py; the corpus has almost no Russian prose).

Filler is made fresh, so that it does not repeat: each filler sentence is a corpus
sentence with every word replaced, with probability 0.75, by a word drawn from the corpus's
words (by frequency). A run of five words of a corpus sentence survives in one filler sentence
in a thousand, so filler shares no long runs with the planted passages or with itself.

Planted passages are 30-150 words (both occurrences: a copy that would fall below 30 words
once a sentence is dropped is made again), made of whole sentences: first the corpus's own
distinct sentences, in runs taken from one paragraph and each used once; when those run
out, fresh sentences made as the filler is. Each passage is written twice, once as it is
and once with one edit (the "edit" field, assigned in turn):
  exact             no change;
  emoji             the emoji bullet in front changed (🔹 -> ℹ️ ...) or dropped;
  hashtag           a hashtag inserted (#CIS, #ASEAN, ...);
  quotes            curly quotes, apostrophes and dashes made straight (“ ” ’ — « » -> " ' -);
  wrapping          the copy re-wrapped: line feeds at about every 60-80 characters;
  dropped_sentence  one inner sentence left out of the copy;
  names             a person's name written in another transliteration or script
                    (Сергей Лавров / Sergey Lavrov / Sergei Lavrov);
and each occurrence, on its own, is either a paragraph of its own ("own") or sits inside a
filler paragraph, after and before filler sentences on the same line ("mid"). A tenth of
the pairs have both occurrences in one document. A passage of more than 80 words is
split into two paragraphs at a sentence boundary half of the time.

A planted span runs from the passage's first word (an emoji bullet in front is not part
of it) to the end of its last sentence.

Hard negatives: a fresh passage of 30-60 words with a date and a place at its start and
numbers at about one third and two thirds, written twice with all four facts different.
"""
import argparse
import json
import os
import random
import re
import sys

EMOJI = ["🔹", "📍", "🌐", "ℹ️", "🚩", "❗️", "📃", "🎙", "🇺🇳", "•"]
HASHTAGS = ["#CIS", "#ASEAN,", "#Russia", "#BRICS", "#SCO", "#Lavrov", "#UN", "#EAEU"]
NAMES = [  # Cyrillic, then Latin spellings
    ("Сергей Лавров", "Sergey Lavrov", "Sergei Lavrov"),
    ("Сергей Нарышкин", "Sergey Naryshkin", "Sergei Naryshkin"),
    ("Мария Захарова", "Maria Zakharova", "Mariya Zakharova"),
    ("Дмитрий Песков", "Dmitry Peskov", "Dmitri Peskov"),
    ("Алексей Оверчук", "Alexey Overchuk", "Aleksei Overchuk"),
    ("Юрий Ушаков", "Yury Ushakov", "Yuri Ushakov"),
    ("Василий Небензя", "Vasily Nebenzya", "Vassily Nebenzia"),
]
EDITS = ["exact", "emoji", "hashtag", "quotes", "wrapping", "dropped_sentence", "names"]

PLACES_EN = ["Moscow", "Minsk", "Astana", "Samarkand", "Tashkent", "Baku", "Yerevan", "Bishkek",
             "Dushanbe", "Beijing", "Brasilia", "New Delhi", "Pretoria", "Ankara", "Tehran", "Cairo",
             "Jakarta", "Hanoi", "Kazan", "Sochi", "Vladivostok", "Havana", "Caracas", "Abu Dhabi"]
PLACES_RU = ["Москве", "Минске", "Астане", "Самарканде", "Ташкенте", "Баку", "Ереване", "Бишкеке",
             "Душанбе", "Пекине", "Бразилиа", "Нью-Дели", "Претории", "Анкаре", "Тегеране", "Каире",
             "Джакарте", "Ханое", "Казани", "Сочи", "Владивостоке", "Гаване", "Каракасе", "Абу-Даби"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря"]

# English spelled in Cyrillic letters (digraphs first).
CYR_DIGRAPHS = {"sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц", "ya": "я", "yu": "ю", "th": "з"}
CYR_LETTERS = dict(zip("abcdefghijklmnopqrstuvwxyz", "абцдефгхийклмнопкрстуввксыз"))
CYR_LETTERS["x"] = "кс"
CYR_RE = re.compile("|".join(sorted(CYR_DIGRAPHS, key=len, reverse=True)) + "|[a-z]", re.I)


def cyrillic(text):
    def one(m):
        s = m.group(0)
        low = s.lower()
        c = CYR_DIGRAPHS.get(low) or CYR_LETTERS[low]
        return c.upper() if s[0].isupper() and (len(s) == 1 or s[1].islower() or len(c) == 1) else c
    return CYR_RE.sub(one, text)


# --- the corpus ---------------------------------------------------------------

LEADING_BULLET = re.compile(r"^[^\w“\"«(\[]+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-Я“\"«])")


def read_corpus(paths):
    texts = []
    for path in sorted(paths):
        with open(path, "rb") as f:
            data = f.read()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            print(f"make_planted.py: skipping {path}: not valid UTF-8", file=sys.stderr)
    paragraphs, footers = [], []
    for text in texts:
        lines = [l.strip() for l in text.replace("\u00a0", " ").split("\n")]
        content = [i for i, l in enumerate(lines) if len(l.split()) >= 12]
        for i in content:
            paragraphs.append(LEADING_BULLET.sub("", lines[i]))
        if content:
            tail = [l for l in lines[content[-1] + 1:] if l and len(l.split()) <= 6]
            if len(tail) >= 3:
                footers.append(tail)
    # Distinct sentences of 5-45 words, by paragraph, in corpus order.
    seen = set()
    by_paragraph = []
    for p in paragraphs:
        run = []
        for s in SENTENCE_END.split(p):
            s = s.strip()
            n = len(s.split())
            key = s.lower()
            if 5 <= n <= 45 and "#" not in s and key not in seen:
                seen.add(key)
                run.append(s)
            elif run:
                by_paragraph.append(run)
                run = []
        if run:
            by_paragraph.append(run)
    return by_paragraph, footers


class Maker:
    """Fresh sentences from the corpus's sentences and words."""

    def __init__(self, by_paragraph, rng):
        self.rng = rng
        self.templates = [s for run in by_paragraph for s in run]
        self.words = [w for s in self.templates for w in s.split()
                      if not re.search(r"[.!?]$", w) and not w.startswith(("“", "«", "("))
                      and not w.endswith(("”", "»", ")"))]

    def sentence(self, max_words=None):
        rng = self.rng
        tokens = rng.choice(self.templates).split()
        if max_words and len(tokens) > max_words:
            tokens = tokens[:max_words]
        out = [rng.choice(self.words) if rng.random() < 0.75 else t for t in tokens]
        out[0] = out[0][:1].upper() + out[0][1:]
        last = out[-1].rstrip(",;:")
        if not re.search(r"[.!?]$", last):
            last += "."
        out[-1] = last
        return " ".join(out)

    def sentences(self, words, minimum=1):
        """Sentences totalling about `words` words (at least `minimum` sentences)."""
        out, n = [], 0
        while n < words or len(out) < minimum:
            cap = max(5, (words - n) if len(out) + 1 >= minimum else (words - n) // max(1, minimum - len(out)))
            s = self.sentence(max_words=max(5, cap + 4))
            out.append(s)
            n += len(s.split())
        return out


# --- passages ------------------------------------------------------------------

class Passage:
    """Sentences, the sentence indices after which a paragraph ends, and an emoji bullet."""

    def __init__(self, sentences, breaks=(), bullet=None):
        self.sentences = list(sentences)
        self.breaks = set(breaks)
        self.bullet = bullet

    def text(self):
        parts = []
        for i, s in enumerate(self.sentences):
            parts.append(s)
            if i + 1 < len(self.sentences):
                parts.append("\n" if i in self.breaks else " ")
        return "".join(parts)

    def words(self):
        return sum(len(s.split()) for s in self.sentences)

    def copy(self):
        return Passage(self.sentences, self.breaks, self.bullet)


def decorate(passage, rng, script):
    """Curly quotes around a few words and a dash, so that the quotes edit has work."""
    s = rng.randrange(len(passage.sentences))
    tokens = passage.sentences[s].split()
    if len(tokens) >= 6:
        i = rng.randrange(1, len(tokens) - 3)
        j = i + rng.randint(1, 3)
        opening, closing = ("«", "»") if script == "cyrillic" else ("“", "”")
        tokens[i] = opening + tokens[i]
        tokens[j - 1] = tokens[j - 1] + closing
        k = rng.randrange(1, len(tokens) - 1)
        tokens.insert(k, "—")
        passage.sentences[s] = " ".join(tokens)


def insert_name(passage, rng, script):
    """A person's name in the first sentence; returns the name's spellings and the one used."""
    spellings = rng.choice(NAMES)
    used = 0 if script == "cyrillic" else rng.choice([1, 2])
    tokens = passage.sentences[0].split()
    i = rng.randint(1, min(4, len(tokens) - 1))
    tokens.insert(i, spellings[used])
    passage.sentences[0] = " ".join(tokens)
    return spellings, used


def edited(passage, edit, rng, name):
    copy = passage.copy()
    if edit == "emoji":
        others = [e for e in EMOJI if e != passage.bullet] + [None]
        copy.bullet = rng.choice(others)
    elif edit == "hashtag":
        s = rng.randrange(len(copy.sentences))
        tokens = copy.sentences[s].split()
        tokens.insert(rng.randint(1, len(tokens) - 1), rng.choice(HASHTAGS))
        copy.sentences[s] = " ".join(tokens)
    elif edit == "quotes":
        table = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "’": "'", "‘": "'", "—": "-", "–": "-"})
        copy.sentences = [s.translate(table) for s in copy.sentences]
    elif edit == "dropped_sentence":
        i = rng.randrange(1, len(copy.sentences) - 1)
        del copy.sentences[i]
        copy.breaks = {b if b < i else b - 1 for b in copy.breaks}
        copy.breaks = {b for b in copy.breaks if 0 <= b < len(copy.sentences) - 1}
    elif edit == "names":
        spellings, used = name
        other = rng.choice([k for k in range(3) if k != used and not (used == 0 and k == 0)])
        copy.sentences[0] = copy.sentences[0].replace(spellings[used], spellings[other], 1)
    return copy


def rendered(passage, wrap, rng):
    """The passage's text with its bullet; (text, offset where the passage itself starts)."""
    body = passage.text()
    if wrap:
        out, line = [], 0
        width = rng.randint(60, 80)
        for word in body.replace("\n", " ").split(" "):
            if line and line + 1 + len(word) > width:
                out.append("\n")
                line = 0
                width = rng.randint(60, 80)
            elif line:
                out.append(" ")
                line += 1
            out.append(word)
            line += len(word)
        body = "".join(out)
    prefix = passage.bullet + " " if passage.bullet else ""
    return prefix + body, len(prefix)


# --- facts for the hard negatives ---------------------------------------------

def facts(rng, script):
    year = rng.randint(2014, 2026)
    day = rng.randint(1, 28)
    month = rng.randrange(12)
    place = rng.randrange(len(PLACES_EN))
    if script == "cyrillic":
        date = f"{day} {MONTHS_RU[month]} {year} г."
        head = f"{date} в {PLACES_RU[place]}"
    else:
        date = f"{MONTHS_EN[month]} {day}, {year}"
        head = f"On {date}, in {PLACES_EN[place]},"
    return (year, day, month, place), head, rng.randint(12, 400), rng.randint(2, 99)


def negative_pair(maker, rng, script):
    body = maker.sentences(rng.randint(30, 60), minimum=2)
    tokens = " ".join(body).split()
    spots = sorted({len(tokens) // 3, 2 * len(tokens) // 3})
    texts = []
    used = set()
    while len(texts) < 2:
        key, head, n1, n2 = facts(rng, script)
        if key[0] in used or key[3] in used or n1 in used or n2 in used:
            continue
        used.update({key[0], key[3], n1, n2})
        t = tokens[:]
        t.insert(spots[1], f"{n2}")
        t.insert(spots[0], f"{n1}")
        t[0] = t[0][:1].lower() + t[0][1:]
        text = head + " " + " ".join(t)
        # Cyrillic letters for the English words; a Russian date and place stay as they are.
        texts.append(cyrillic(text) if script == "cyrillic" else text)
    return texts


# --- documents -----------------------------------------------------------------

class Doc:
    def __init__(self, target):
        self.target = target
        self.own = []     # (passage text, offset of the passage in it, key)
        self.mid = []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=float, default=100.0)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("out")
    ap.add_argument("corpus", nargs="+")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    by_paragraph, footers = read_corpus(args.corpus)
    if not by_paragraph:
        sys.exit("make_planted.py: no paragraphs in the corpus")
    maker = Maker(by_paragraph, rng)

    size = int(args.size_mb * 1e6)
    targets = []
    while sum(targets) < size:
        targets.append(rng.randint(8000, 12000))
    docs = [Doc(t) for t in targets]
    n_docs = len(docs)
    n_pairs = max(1, n_docs // 2)
    n_negatives = max(1, n_docs // 16)

    # Real corpus passages: runs of one paragraph's distinct sentences, 30-150 words, each sentence once.
    real = []
    for run in by_paragraph:
        current = []
        for s in run:
            current.append(s)
            n = sum(len(x.split()) for x in current)
            if n >= 30:
                if n <= 150:
                    real.append(current)
                current = []
    rng.shuffle(real)

    occurrences = {}   # key -> [doc index, start, end] once placed
    truth, negatives = [], []
    edits = [EDITS[i % len(EDITS)] for i in range(n_pairs)]
    rng.shuffle(edits)
    for pair, edit in enumerate(edits):
        script = "cyrillic" if rng.random() < 0.2 else "latin"
        minimum = 3 if edit == "dropped_sentence" else 1
        while True:   # until both occurrences have 30 words or more
            if real and (len(real[-1]) >= minimum):
                sentences = real.pop()
                source = "corpus"
            else:
                source = "generated"
                sentences = maker.sentences(rng.randint(30, 150), minimum=minimum)
            if script == "cyrillic":
                sentences = [cyrillic(s) for s in sentences]
            passage = Passage(sentences)
            if passage.words() > 80 and len(sentences) >= 4 and rng.random() < 0.5:
                passage.breaks = {rng.randrange(1, len(sentences) - 2)}
            if edit == "emoji" or rng.random() < 0.3:
                passage.bullet = rng.choice(EMOJI)
            if edit == "quotes" or rng.random() < 0.3:
                decorate(passage, rng, script)
            name = insert_name(passage, rng, script) if edit == "names" or rng.random() < 0.4 else None
            copy = edited(passage, edit, rng, name)
            if copy.words() >= 30:
                break
        a = rng.randrange(n_docs)
        b = a if rng.random() < 0.1 else rng.randrange(n_docs)
        placements = []
        for side, (doc, p, wrap) in enumerate([(a, passage, False), (b, copy, edit == "wrapping")]):
            text, offset = rendered(p, wrap, rng)
            mid = rng.random() < 0.5 and "\n" not in text
            placements.append("mid" if mid else "own")
            (docs[doc].mid if mid else docs[doc].own).append((text, offset, ("p", pair, side)))
        truth.append({"pair": pair, "edit": edit, "placement": placements, "words": copy.words(),
                      "source": source, "script": script, "docs": (a, b)})
    for neg in range(n_negatives):
        script = "cyrillic" if rng.random() < 0.2 else "latin"
        texts = negative_pair(maker, rng, script)
        a = rng.randrange(n_docs)
        b = a if rng.random() < 0.1 else rng.randrange(n_docs)
        for side, (doc, text) in enumerate([(a, texts[0]), (b, texts[1])]):
            docs[doc].own.append((text, 0, ("n", neg, side)))
        negatives.append({"pair": neg, "kind": "template", "docs": (a, b)})

    out_docs = os.path.join(args.out, "docs")
    os.makedirs(out_docs, exist_ok=True)
    spans = {}
    layout = []
    total = 0
    for i, doc in enumerate(docs):
        name = f"{i:05d}.txt"
        latin = rng.random() >= 0.2
        conv = (lambda t: t) if latin else cyrillic
        sep = "\n\n" if rng.random() < 0.5 else "\n"
        pieces = []   # (text, key or None, offset of passage in text, chrome?)
        if rng.random() < 0.3:
            pieces.append(("Forwarded from Russian MFA 🇷🇺", None, 0, True))
        if rng.random() < 0.5:
            pieces.append((f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", None, 0, False))
        pieces.append((conv(maker.sentence(max_words=20).rstrip(".")), None, 0, False))
        if rng.random() < 0.5:
            pieces.append((f"{rng.randint(1, 9999)}-{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(2014, 2026)}", None, 0, False))
        footer = rng.choice(footers) if footers else []
        used = sum(len(p[0].encode()) + len(sep) for p in pieces) + sum(len(l.encode()) + len(sep) for l in footer)
        used += sum(len(t.encode()) + len(sep) for t, _, _ in doc.own) + sum(len(t.encode()) + 1 for t, _, _ in doc.mid)
        body = []
        while used < doc.target - 380 or len(body) < len(doc.mid):
            para = [conv(s) for s in maker.sentences(rng.randint(30, 150), minimum=2)]
            body.append(para)
            used += sum(len(s.encode()) + 1 for s in para) + len(sep)
        # Filler paragraphs, each as (sentences, planted text spliced in after sentence k).
        items = [("filler", para, None) for para in body]
        mid_targets = rng.sample(range(len(body)), len(doc.mid))
        for (text, offset, key), t in zip(doc.mid, mid_targets):
            items[t] = ("mid", body[t], (text, offset, key, rng.randint(1, len(body[t]) - 1)))
        for text, offset, key in doc.own:
            items.insert(rng.randint(0, len(items)), ("own", None, (text, offset, key)))
        for kind, para, extra in items:
            if kind == "filler":
                pieces.append((" ".join(para), None, 0, False))
            elif kind == "own":
                text, offset, key = extra
                pieces.append((text, key, offset, False))
                if key[0] == "p" and rng.random() < 0.1:
                    pieces.append(("Read in full", None, 0, True))
            else:
                text, offset, key, k = extra
                before = " ".join(para[:k]) + " "
                after = " " + " ".join(para[k:])
                pieces.append((before + text + after, key, len(before) + offset, False, len(before) + len(text)))
        for line in footer:
            pieces.append((line, None, 0, True))
        out, pos, chrome = [], 0, []
        for n, piece in enumerate(pieces):
            text, key, offset, is_chrome = piece[:4]
            if key is not None:
                end = piece[4] if len(piece) > 4 else len(text)
                spans[key] = (name, pos + offset, pos + end)
            if is_chrome:
                chrome.append([pos, pos + len(text)])
            out.append(text)
            pos += len(text)
            out.append(sep if n + 1 < len(pieces) else "\n")
            pos += len(out[-1])
        data = "".join(out).encode("utf-8")
        total += len(data)
        with open(os.path.join(out_docs, name), "wb") as f:
            f.write(data)
        layout.append({"doc": name, "chrome": chrome})

    def side(key):
        doc, start, end = spans[key]
        return {"doc": doc, "start": start, "end": end}

    with open(os.path.join(args.out, "truth.jsonl"), "w", encoding="utf-8") as f:
        for t in truth:
            p = t.pop("docs")
            record = {"pair": t["pair"], "a": side(("p", t["pair"], 0)), "b": side(("p", t["pair"], 1))}
            record.update(t)
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "negatives.jsonl"), "w", encoding="utf-8") as f:
        for t in negatives:
            t.pop("docs")
            record = {"pair": t["pair"], "a": side(("n", t["pair"], 0)), "b": side(("n", t["pair"], 1)), "kind": t["kind"]}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "layout.jsonl"), "w", encoding="utf-8") as f:
        for rec in layout:
            f.write(json.dumps(rec) + "\n")
    print(f"make_planted.py: {n_docs} documents, {total / 1e6:.1f} MB, {len(truth)} planted pairs "
          f"({sum(t['source'] == 'corpus' for t in truth)} of corpus sentences), {len(negatives)} hard negatives",
          file=sys.stderr)


if __name__ == "__main__":
    main()
