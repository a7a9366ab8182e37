#!/usr/bin/env python3
"""Writes survey.xlsx from the bundled exports with openpyxl (an implementation independent of
kyodo's), as an office would keep them: one sheet per form, the 部 and 課 of a group merged
down over the rows the TSV leaves blank, numbers typed as numbers. Beside it, expected-SHEET.tsv
holds each row as the sheet shows it (row number, then the cells, line breaks as \\n) for
WorkbookTests to compare with.

`make-fixtures.py dates` writes dates.xlsx, dates-1904.xlsx and dates-libreoffice.xlsx alone, and
`make-fixtures.py broken` malformed.xlsx and bad-crc.xlsx, leaving the survey workbooks as they are."""
import csv, datetime, os, shutil, subprocess, sys, tempfile, openpyxl
from openpyxl.utils import get_column_letter

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "../../../../data")


def libreoffice_copy(name, copy):
    """The workbook saved again by LibreOffice (headless), when it is installed: shared strings, its
    own styles and merges, as a Calc user's file has them."""
    if not shutil.which("soffice"):
        return
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out,
                        os.path.join(here, name)], check=True, capture_output=True)
        shutil.move(os.path.join(out, name), os.path.join(here, copy))


def dates(name, epoch=None):
    """A sheet of dates and times in built-in and custom number formats (DateFormatTests states what
    each shows): column A the value, B its number format."""
    book = openpyxl.Workbook()
    if epoch is not None:
        book.epoch = epoch
    sheet = book.active
    sheet.title = "日付"
    d = datetime.datetime
    for value, fmt in [
        (d(2013, 4, 1), "mm-dd-yy"),                      # built-in 14
        (d(2013, 4, 1), 'yyyy"年"m"月"d"日"'),
        (d(2013, 4, 1), '[$-411]ggge"年"m"月"d"日"'),
        (d(2019, 5, 1), '[$-411]ggge"年"m"月"d"日"'),
        (d(1989, 1, 7), '[$-411]ggge"年"m"月"d"日"'),
        (d(1989, 1, 8), '[$-411]ggge"年"m"月"d"日"'),
        (d(2013, 4, 1), '[$-411]ge.m.d'),
        (datetime.time(9, 30), "h:mm"),                  # built-in 20
        (datetime.time(9, 30, 15), "h:mm:ss"),           # built-in 21
        (d(2013, 4, 1, 9, 30), "m/d/yy h:mm"),           # built-in 22
        (1.5, "[h]:mm:ss"),                              # built-in 46
        (0.25, "0.00%"),
        (41365, "General"),
        (60, "mm-dd-yy"),
        (61, "mm-dd-yy"),
        (d(2013, 4, 1), 'yyyy"年"'),
        ("平成25年", "General"),
        (d(2013, 4, 1), '"day "0'),
    ]:
        sheet.append([value, fmt])
        sheet.cell(row=sheet.max_row, column=1).number_format = fmt
    book.save(os.path.join(here, name))


def broken():
    """Workbooks broken inside a sheet, for errors that name the cell (WorkbookTests): in
    malformed.xlsx cell J6 holds a bare "&"; in bad-crc.xlsx the sheet's CRC-32 in the central
    directory is wrong, which shows only after its last cell, D3."""
    import zipfile
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ａ調査票"
    for r in range(1, 8):
        sheet.append([f"{chr(65 + c)}{r}" for c in range(10)] if r != 6 else [f"{chr(65 + c)}{r}" for c in range(9)] + ["J6"])
    book.save(os.path.join(here, "malformed.xlsx"))
    with zipfile.ZipFile(os.path.join(here, "malformed.xlsx")) as z:
        members = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(os.path.join(here, "malformed.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<t>J6</t>", b"<t>J & 6</t>")
            z.writestr(info, data)
    small = openpyxl.Workbook()
    small.active.title = "Ａ調査票"
    for r in range(1, 4):
        small.active.append([f"{chr(65 + c)}{r}" for c in range(4)])
    path = os.path.join(here, "bad-crc.xlsx")
    small.save(path)
    data = bytearray(open(path, "rb").read())
    name = b"xl/worksheets/sheet1.xml"
    entry = data.rindex(b"PK\x01\x02", 0, data.rindex(name))
    data[entry + 16] ^= 0xFF
    open(path, "wb").write(bytes(data))


if sys.argv[1:] == ["broken"]:
    broken()
    sys.exit()

if sys.argv[1:] == ["dates"]:
    dates("dates.xlsx")
    dates("dates-1904.xlsx", openpyxl.utils.datetime.CALENDAR_MAC_1904)
    libreoffice_copy("dates.xlsx", "dates-libreoffice.xlsx")
    sys.exit()

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

libreoffice_copy("survey.xlsx", "survey-libreoffice.xlsx")
