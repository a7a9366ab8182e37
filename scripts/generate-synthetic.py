#!/usr/bin/env python3
"""Writes a deterministic synthetic Ａ調査票 export of any size, for benchmarks.

Rows look like the real 2010 export's: the same columns, multi-line quoted cells, full-width
digits, era years, その他（…） texts, 千円 amounts and about 3% blank cells. Each row combines cells
of the real rows of data/a.tsv (so every code, label and quirk is a real one), with amounts and
years varied and project numbers counted up. The same --rows and --seed give the same bytes.

Usage: scripts/generate-synthetic.py --rows 1000000 [--seed 1] [--encoding utf-8|cp932|utf-16] > a.tsv
"""
import argparse
import csv
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def real_rows():
    with open(os.path.join(ROOT, "data", "a.tsv"), encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file, delimiter="\t"))
    header, rows = rows[0], rows[1:]
    department = section = ""
    for row in rows:  # undo the merged cells, so each row stands alone
        department = row[0] or department
        section = row[1] or (section if not row[0] else row[1])
        row[0], row[1] = department, section
    return header, rows


def amount(rng):
    value = int(rng.lognormvariate(6.5, 1.6))
    text = f"{value:,}"
    if rng.random() < 0.5:
        text = text.translate(FULL_WIDTH).replace(",", "，")
    return f"①{text}千円"


def year(rng):
    era, first, last = rng.choice([("昭和", 1926, 64), ("平成", 1989, 31), ("令和", 2019, 6)])
    number = rng.randint(1, last)
    text = str(number).translate(FULL_WIDTH) if rng.random() < 0.7 else str(number)
    return f"①{era}{text}" + rng.choice(["", "年", "年度"])


def cell(text):
    if any(c in text for c in '\t\n\r"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--encoding", default="utf-8", choices=["utf-8", "cp932", "utf-16"])
    options = parser.parse_args()
    rng = random.Random(options.seed)
    header, rows = real_rows()
    columns = list(zip(*rows))
    index = {name: i for i, name in enumerate(header)}
    out = sys.stdout.buffer
    encode = (lambda text: text.encode("utf-16-le")) if options.encoding == "utf-16" else (
        lambda text: text.encode(options.encoding))
    if options.encoding == "utf-16":
        out.write(b"\xff\xfe")
    lines = ["\t".join(header)]
    for number in range(1, options.rows + 1):
        base = rng.choice(rows)
        row = []
        for i, name in enumerate(header):
            if i <= 2:
                value = base[i]
            elif name == "番号":
                value = str(number)
            elif name == "６始期":
                value = year(rng) if rng.random() < 0.9 else "②不明"
            elif name in ("７市の予算", "８全体予算"):
                roll = rng.random()
                value = amount(rng) if roll < 0.85 else ("②無し" if name == "７市の予算" else "②不明")
            else:
                value = rng.choice(columns[i])
            if i > 3 and rng.random() < 0.03:
                value = ""
            row.append(cell(value))
        lines.append("\t".join(row))
        if len(lines) >= 10000:
            out.write(encode("\r\n".join(lines) + "\r\n"))
            lines = []
    if lines:
        out.write(encode("\r\n".join(lines) + "\r\n"))


if __name__ == "__main__":
    main()
