#!/usr/bin/env python3
"""Writes survey.xlsx from the bundled exports with openpyxl (an implementation independent of
kyodo's), as an office would keep them: one sheet per form, the 部 and 課 of a group merged
down over the rows the TSV leaves blank, numbers typed as numbers. Beside it, expected-SHEET.tsv
holds each row as the sheet shows it (row number, then the cells, line breaks as \\n) for
WorkbookTests to compare with."""
import csv, os, openpyxl
from openpyxl.utils import get_column_letter

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "../../../../data")
book = openpyxl.Workbook()
book.remove(book.active)
for title, name, merged in [("全体調査票", "overall.tsv", {0}), ("Ａ調査票", "a.tsv", {0, 1}),
                            ("Ｂ調査票", "b.tsv", {0, 1}), ("Ｃ調査票", "c.tsv", {0, 1})]:
    with open(os.path.join(data, name), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    sheet = book.create_sheet(title)
    shown = []
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            value = int(text) if text.isdigit() and r > 1 else text
            if text != "":
                sheet.cell(row=r, column=c, value=value)
        shown.append(list(row))
    # Merge each fill-down column's blank cells into the cell above them, within a group.
    for c in merged:
        start = 1
        for r in range(2, len(rows) + 1):
            below_blank = r < len(rows) and rows[r][c] == "" and (c == 0 or rows[r][0] == "")
            if not below_blank:
                if r > start + 0 and r - start >= 1 and start > 1:
                    sheet.merge_cells(f"{get_column_letter(c + 1)}{start}:{get_column_letter(c + 1)}{r}")
                    for k in range(start, r):
                        shown[k][c] = shown[start - 1][c]
                start = r + 1
    with open(os.path.join(here, f"expected-{name}"), "w", encoding="utf-8") as out:
        for r, row in enumerate(shown, start=1):
            while row and row[-1] == "":
                row = row[:-1]
            out.write("\t".join([str(r)] + [cell.replace("\n", "\\n").replace("\r", "\\r") for cell in row]) + "\n")
book.save(os.path.join(here, "survey.xlsx"))

# The same workbook saved again by LibreOffice (headless), when it is installed: shared strings,
# its own styles and merges, as a Calc user's file has them.
import shutil, subprocess, tempfile
if shutil.which("soffice"):
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out,
                        os.path.join(here, "survey.xlsx")], check=True, capture_output=True)
        shutil.move(os.path.join(out, "survey.xlsx"), os.path.join(here, "survey-libreoffice.xlsx"))
