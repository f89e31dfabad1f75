#!/usr/bin/env python3
"""Peer of the translit_wikipedia_vs_iuliia row: iuliia's WIKIPEDIA schema, line by line, to stdout.

iuliia.translate(text, iuliia.WIKIPEDIA) is deprecated in iuliia 0.13 and only calls
iuliia.WIKIPEDIA.translate(text), which is called here directly (no warning per line).
"""
import sys

import iuliia

schema = iuliia.WIKIPEDIA
with open(sys.argv[1], encoding="utf-8", newline="") as f, \
        open(sys.stdout.fileno(), "w", encoding="utf-8", newline="", closefd=False) as out:
    for line in f:
        out.write(schema.translate(line))
