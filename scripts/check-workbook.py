#!/usr/bin/env python3
"""Checks kyodo's own workbooks with tools that are not kyodo: each table sheet of
`kyodo tabulate ... --format xlsx`, read by openpyxl and by LibreOffice headless (converted to
CSV, one file per sheet), must hold the figures `--format tsv` prints for the same command.

Frequency tables are compared row by row (code, label, n, %); crosstabs are wide in the
workbook (a count row, then a % row, per category) and long in TSV (one line per cell), so
each TSV line is looked up in the sheet by its row and column labels.
Usage: scripts/check-workbook.py [KYODO]   (default .build/debug/kyodo); exit status 1 on a mismatch."""
import csv, glob, io, os, shutil, subprocess, sys, tempfile

kyodo = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/kyodo"
commands = [["形態", "--by", "部"], ["設問２", "--by", "overall.department"], ["類型"], ["形態"], ["関わり", "--by", "形態"]]
failures = 0

def tsv(arguments):
    out = subprocess.run([kyodo, "tabulate", *arguments, "--format", "tsv"], capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(io.StringIO(out), delimiter="\t"))

def same(a, b):
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return str(a if a is not None else "") == str(b if b is not None else "")

def compare(grid, lines, what):
    """grid: the table sheet's rows (lists); lines: the TSV's dicts."""
    global failures
    headings = grid[2]
    body = grid[3:]
    if "row_label" in lines[0]:
        labels = {str(row[0]).removesuffix(" *"): index for index, row in enumerate(body) if row and row[0] not in (None, "")}
        for line in lines:
            column = next((i for i, h in enumerate(headings) if str(h) in (line["col_code"] and f"{chr(0x2460 + int(line['col_code']) - 1)}{line['col_label']}" if line["col_code"].isdigit() else line["col_label"], line["col_label"])), None)
            row_label = (chr(0x2460 + int(line["row_code"]) - 1) + line["row_label"]) if line["row_code"].isdigit() else line["row_label"]
            index = labels.get(row_label, labels.get(line["row_label"]))
            if column is None or index is None:
                print(f"{what}: no cell for {line['row_label']} × {line['col_label']}"); failures += 1; continue
            count, percent = body[index][column], body[index + 1][column] if index + 1 < len(body) else None
            if not same(count, line["n"]) or (line["row_percent"] and not same(percent, line["row_percent"])):
                print(f"{what}: {line['row_label']} × {line['col_label']}: sheet {count}/{percent}, tsv {line['n']}/{line['row_percent']}"); failures += 1
    else:
        keys = list(lines[0].keys())
        for line, row in zip(lines, body):
            for key, cell in zip(keys, row):
                if key in ("n", "percent") and not same(cell, line[key]):
                    print(f"{what}: {key} {cell} against {line[key]}"); failures += 1

def openpyxl_grids(path):
    import openpyxl
    book = openpyxl.load_workbook(path)
    return [[list(r) for r in sheet.iter_rows(values_only=True)] for sheet in book.worksheets[1:]]

def libreoffice_grids(path, parent):
    directory = tempfile.mkdtemp(dir=parent)
    subprocess.run(["soffice", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", directory, path], check=True, capture_output=True)
    stem = os.path.splitext(os.path.basename(path))[0]
    grids = []
    # One file per sheet, STEM-SHEETNAME.csv; the contents sheet (目次) is left out.
    for name in sorted(glob.glob(os.path.join(directory, stem + "-*.csv"))):
        if name.endswith("-" + "目次.csv"):
            continue
        with open(name, encoding="utf-8") as f:
            grids.append(list(csv.reader(f)))
    return grids

with tempfile.TemporaryDirectory() as directory:
    for arguments in commands:
        path = os.path.join(directory, "t.xlsx")
        subprocess.run([kyodo, "tabulate", *arguments, "--format", "xlsx", "--output", path], check=True, capture_output=True)
        lines = tsv(arguments)
        readers = [("openpyxl", lambda: openpyxl_grids(path))]
        if shutil.which("soffice"):
            readers.append(("LibreOffice", lambda: libreoffice_grids(path, directory)))
        for reader, grids in readers:
            sheet = [g for g in grids() if g][0]
            compare(sheet, lines, f"{reader} {' '.join(arguments)}")
            print(f"{reader}: {' '.join(arguments)}: {len(lines)} TSV lines checked")
print("check-workbook:", "OK" if failures == 0 else f"{failures} mismatches")
sys.exit(1 if failures else 0)
