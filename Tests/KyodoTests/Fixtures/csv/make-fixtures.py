#!/usr/bin/env python3
"""Writes the bundled Ａ調査票 (data/a.tsv) as Excel saves CSV, with Python's csv module (an
implementation independent of kyodo's): "CSV UTF-8" (a BOM, CRLF, quotes only where needed)
and "CSV" in CP932, for CSVExportTests. Characters CP932 lacks (㈶) become "?", as Excel
writes them."""
import csv, os
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "../../../../data/a.tsv"), encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f, delimiter="\t"))
for name, encoding in [("a-utf8.csv", "utf-8-sig"), ("a-cp932.csv", "cp932")]:
    with open(os.path.join(here, name), "w", encoding=encoding, errors="replace", newline="") as out:
        csv.writer(out, lineterminator="\r\n").writerows(rows)
