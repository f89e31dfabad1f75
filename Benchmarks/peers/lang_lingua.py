#!/usr/bin/env python3
"""Peer for `verbatim lang`: lingua-language-detector, restricted to Verbatim's languages.

usage: lang_lingua.py FILE

Prints one ISO 639-1 code per input line (`und` when lingua finds none, e.g. for an
empty line), like `verbatim lang`. The detector is built once, with its models preloaded,
in its default (high-accuracy) mode.
"""
import sys

from lingua import Language, LanguageDetectorBuilder

LANGUAGES = [
    Language.ENGLISH, Language.RUSSIAN, Language.PORTUGUESE, Language.UKRAINIAN,
    Language.BELARUSIAN, Language.KAZAKH, Language.SPANISH, Language.FRENCH, Language.GERMAN,
]


def detector():
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_preloaded_language_models().build()


def code(language):
    return "und" if language is None else language.iso_code_639_1.name.lower()


def main():
    lingua = detector()
    out = sys.stdout
    with open(sys.argv[1], encoding="utf-8", errors="replace", newline="\n") as f:
        for line in f:
            out.write(code(lingua.detect_language_of(line.rstrip("\r\n"))) + "\n")


if __name__ == "__main__":
    main()
