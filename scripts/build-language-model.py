#!/usr/bin/env python3
"""Build the language-identification data in locales/<code>/lang_*.txt.

usage: scripts/build-language-model.py [LOCALES_DIR]

Writes, for every language below, three files (see locales/README.md, "Language
identification"):

  lang_alphabet.txt  keyed table: script, letters (written by hand in this script)
  lang_ngrams.txt    character 1-, 2- and 3-grams with their frequency per million
  lang_words.txt     the most frequent words with their frequency per million

Sources (nothing here is downloaded by the build or the tests; rerun this script
only to regenerate the committed files):

  en ru uk pt es fr de   PyPI `wordfreq` 3.1.1 (code Apache-2.0, word lists
                         CC-BY-SA 4.0): the top WORDFREQ_WORDS words of the
                         "best" list with their frequencies.
  be kk                  Debian `hunspell-be` (CC-BY 3.0, Mikalai Udodau) and
                         `hunspell-kk` (GPL-2+ / LGPL-2.1+ / MPL-1.1+, Akmaral
                         Mussayeva et al.), every form `unmunch` expands, weighted
                         equally; plus a short list of frequent words written by
                         the project (HAND_WORDS below), weighted by Zipf's law.

To rerun (Debian 12):

  apt-get install hunspell-be hunspell-kk hunspell-tools
  python3 -m venv /tmp/langvenv && /tmp/langvenv/bin/pip install wordfreq==3.1.1
  /tmp/langvenv/bin/python scripts/build-language-model.py

The output is deterministic for the same inputs.
"""
import collections
import math
import os
import subprocess
import sys

WORDFREQ_WORDS = 60000   # words read per language to count n-grams
KEEP_BIGRAMS = 900       # n-grams kept per order (all letters of the alphabet are kept)
KEEP_TRIGRAMS = 3000
KEEP_WORDS = 4000        # words kept in lang_words.txt (wordfreq languages)
PER_MILLION = 1_000_000

LATIN = "abcdefghijklmnopqrstuvwxyz"
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"

# The alphabets, written by hand from each language's standard orthography. Letters
# outside a language's alphabet count against it (a "foreign letter").
ALPHABETS = {
    "en": ("latn", "English", LATIN),
    "pt": ("latn", "Portuguese", LATIN + "áâãàçéêíóôõú"),
    "es": ("latn", "Spanish", LATIN + "áéíóúüñ"),
    "fr": ("latn", "French", LATIN + "àâæçéèêëîïôœùûüÿ"),
    "de": ("latn", "German", LATIN + "äöüß"),
    "ru": ("cyrl", "Russian", RUSSIAN),
    "uk": ("cyrl", "Ukrainian", "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
    "be": ("cyrl", "Belarusian", "абвгдеёжзійклмнопрстуўфхцчшыьэюя"),
    "kk": ("cyrl", "Kazakh", RUSSIAN + "әғқңөұүһі"),
}

# Frequent words for the languages wordfreq lacks, most frequent first, written by the
# project from knowledge of the languages (official orthographies).
HAND_WORDS = {
    "be": """
і у ў на не з што да як гэта а па за ад але так яго ён яна яны мы вы я ты быў была
было былі ёсць для пра каб толькі ўжо ужо таксама калі дзе таму бо ці усе ўсе усё ўсё
яшчэ вельмі можна трэба год гады года часу час людзі чалавек беларусі беларусь
беларускі беларускай беларускіх мова мовы рэспублікі рэспубліка краіны краіна пасля
перад паміж праз без пры аб іх ім сваё свой свае сваёй гэтага гэтай гэты гэтыя
гэтым той тая тое тыя які якая якое якія адзін адна адно два тры першы новы вялікі
добра цяпер сёння заўсёды нават вось там тут тады будзе можа маюць мае ёй мяне мне
нас нам вас вам сябе дзеля падчас менавіта аднак хоць нешта нічога больш менш шмат
дзень жыццё горада горад мінску мінск свету свет справа працы праца развіцця пытанне
пытанні улады ураду прэзідэнт міністр міністэрства замежных спраў дзяржавы
супрацоўніцтва сустрэча заява адносін бяспекі саюзнай расіі расія гэтую сваіх
іншых іншыя кожны кожнага зноў потым цяпер зараз разам ніхто нельга хочам хоча
ведаю ведаеце кажа сказаў сказала зрабіць зроблена даволі вялікай новай новых
""",
    "kk": """
және мен бұл да де та те үшін деп бар жоқ осы ол олар біз сіз сен оның бір екі үш
ең өте көп жыл жылы жылдың қазақстан қазақстанның қазақстан республикасы
республикасының қазақ тілі тілінде елі елдің ел халық халықтың мемлекет
мемлекеттік туралы бойынша арқылы кейін дейін қазір енді әрі бірақ немесе егер
сондай сондықтан себебі деген болып болды болады болған болса еді екен керек мүмкін
қажет барлық әр әрбір өз өзі өзінің біздің сіздің олардың кім не қандай қалай
қашан қайда неге жаңа үлкен жақсы бірінші уақыт уақытта күні күн адам адамдар
жұмыс жұмысы бағдарлама даму дамыту президент министр министрлігі сыртқы істер
ынтымақтастық кездесу мәлімдеме астана алматы облысы қаласы ауданы тарапынан
сияқты айтты деді алу беру жасау жатыр келді ғана қана тағы әлі ма ме ба бе па пе
ретінде байланысты қатысты кезде кезінде біршама маңызды негізгі ортақ халықаралық
елдер елдері арасындағы арасында ішкі мәселе мәселелері шешім саясат саясаты
қауіпсіздік экономика экономикасы бүгін ертең кеше сәлем рахмет иә
""",
}


def wordfreq_words(lang):
    import wordfreq
    words = []
    for word in wordfreq.top_n_list(lang, WORDFREQ_WORDS, wordlist="best"):
        freq = wordfreq.word_frequency(word, lang, wordlist="best")
        words.append((word, freq))
    return words


def hunspell_words(lang):
    code = {"be": "be_BY", "kk": "kk_KZ"}[lang]
    base = f"/usr/share/hunspell/{code}"
    out = subprocess.run(["unmunch", base + ".dic", base + ".aff"],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    forms = sorted({line.strip().lower() for line in out.splitlines()[1:] if line.strip()})
    hand = HAND_WORDS[lang].split()
    hand = list(dict.fromkeys(hand))  # keep first occurrence
    zipf = [1.0 / (rank + 1) for rank in range(len(hand))]
    zsum = sum(zipf)
    # Running text is about half function words: give the hand list half the mass.
    words = [(w, 0.5 * z / zsum) for w, z in zip(hand, zipf)]
    words += [(w, 0.5 / len(forms)) for w in forms]
    return words, [(w, 0.5 * z / zsum) for w, z in zip(hand, zipf)]


def pieces(word):
    """Split a token into runs of letters, as the Swift tokenizer does (apostrophes,
    hyphens, digits and other non-letters end a word)."""
    run = []
    for ch in word.lower():
        if ch.isalpha():
            run.append(ch)
        elif run:
            yield "".join(run)
            run = []
    if run:
        yield "".join(run)


def count_ngrams(words):
    counts = [collections.Counter() for _ in range(4)]
    totals = [0.0] * 4
    for word, freq in words:
        for piece in pieces(word):
            padded = "_" + piece + "_"
            for n in (1, 2, 3):
                for i in range(len(padded) - n + 1):
                    gram = padded[i:i + n]
                    if gram == "_":
                        continue
                    counts[n][gram] += freq
                    totals[n] += freq
    return counts, totals


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "locales")
    for lang, (script, name, letters) in ALPHABETS.items():
        if lang in HAND_WORDS:
            words, top = hunspell_words(lang)
            source = (f"Debian hunspell-{lang} (every form unmunch expands, weighted equally: "
                      + ("CC-BY 3.0, Mikalai Udodau" if lang == "be" else
                         "GPL-2+ / LGPL-2.1+ / MPL-1.1+, Akmaral Mussayeva et al.")
                      + ") and a list of frequent words written by the project (Zipf weights)")
            word_source = ("written by the project; frequencies are estimates from rank "
                           "(Zipf's law), not counts")
        else:
            words = wordfreq_words(lang)
            top = []
            for w, f in words:
                ps = list(pieces(w))
                if len(ps) == 1 and ps[0] == w.lower():
                    top.append((ps[0], f))
                if len(top) == KEEP_WORDS:
                    break
            source = ("PyPI wordfreq 3.1.1, the top %d words of its 'best' list weighted by "
                      "frequency (data CC-BY-SA 4.0)" % WORDFREQ_WORDS)
            word_source = "PyPI wordfreq 3.1.1 'best' list (data CC-BY-SA 4.0)"
        counts, totals = count_ngrams(words)
        if lang == "de":
            # wordfreq case-folds ß to "ss", so its lists have no ß. Give the letter its share
            # of German text (about 0.3 % of letters; an estimate, not a count) so that it
            # still marks German; its bigrams and trigrams stay absent (neutral).
            counts[1]["ß"] = 0.003 * totals[1]
        alphabet = set(letters)

        lines = [
            f"# {name} ({lang}): letters of the standard alphabet, for language identification.",
            "# Written by hand (scripts/build-language-model.py, ALPHABETS).",
            "# script: ISO 15924 code, lowercase. letters: every lowercase letter the orthography uses.",
            f"script: {script}",
            "letters: " + " | ".join(letters),
            "",
        ]
        write(os.path.join(root, lang, "lang_alphabet.txt"), "\n".join(lines))

        lines = [
            f"# {name} ({lang}): character n-grams for language identification.",
            f"# Source: {source}.",
            "# Generated by scripts/build-language-model.py; do not edit by hand.",
            "# Format: <n-gram> <frequency per million n-grams of the same length>; _ marks a word",
            f"# boundary. Kept: every letter of the alphabet, the top {KEEP_BIGRAMS} bigrams and the",
            f"# top {KEEP_TRIGRAMS} trigrams.",
        ]
        for n, keep in ((1, None), (2, KEEP_BIGRAMS), (3, KEEP_TRIGRAMS)):
            items = sorted(counts[n].items(), key=lambda kv: (-kv[1], kv[0]))
            if n == 1:
                items = [(g, c) for g, c in items if g in alphabet]
                present = {g for g, _ in items}
                items += [(g, 0.0) for g in letters if g not in present]
            else:
                items = items[:keep]
            for gram, c in items:
                ppm = max(1, round(c / totals[n] * PER_MILLION))
                lines.append(f"{gram} {ppm}")
        write(os.path.join(root, lang, "lang_ngrams.txt"), "\n".join(lines) + "\n")

        total = 1.0  # wordfreq frequencies are already fractions of all words
        lines = [
            f"# {name} ({lang}): frequent words for language identification of short lines.",
            f"# Source: {word_source}.",
            "# Generated by scripts/build-language-model.py; do not edit by hand.",
            "# Format: <word> <frequency per million words>, most frequent first.",
        ]
        seen = set()
        for w, f in top:
            if w in seen:
                continue
            seen.add(w)
            lines.append(f"{w} {max(1, round(f / total * PER_MILLION))}")
        write(os.path.join(root, lang, "lang_words.txt"), "\n".join(lines) + "\n")
        print(f"{lang}: {len(words)} words read, wrote {root}/{lang}/lang_*.txt", file=sys.stderr)


if __name__ == "__main__":
    main()
