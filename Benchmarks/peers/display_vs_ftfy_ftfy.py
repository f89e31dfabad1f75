#!/usr/bin/env python3
"""Peer of the display_vs_ftfy row: ftfy.fix_text on the whole file, to stdout.

The file is read as one string and given to ftfy.fix_text once, with ftfy's default
configuration: fix_text itself cuts the text into segments at line feeds (and every
max_decode_length = 1 million code points within a longer line) and fixes each
segment on its own, which is what ftfy documents for large texts.
"""
import sys

import ftfy

with open(sys.argv[1], encoding="utf-8", newline="") as f:
    text = f.read()
sys.stdout.buffer.write(ftfy.fix_text(text).encode("utf-8"))
