#!/usr/bin/env python3
"""The dates row's peer: dateparser.search_dates over every line of the input.

usage: dates_dateparser.py INPUT

Each non-blank line (one paragraph of the corpus mix) is searched with languages en, ru
and pt and RELATIVE_BASE 2022-09-30 (the reference the Verbatim side gets); one JSON line
per date found: {"surface", "value"}.
"""
import datetime
import json
import sys

from dateparser.search import search_dates

SETTINGS = {"RELATIVE_BASE": datetime.datetime(2022, 9, 30)}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        out = sys.stdout
        for line in f:
            if not line.strip():
                continue
            found = search_dates(line, languages=["en", "ru", "pt"], settings=SETTINGS) or []
            for surface, value in found:
                out.write(json.dumps({"surface": surface, "value": value.isoformat()}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
